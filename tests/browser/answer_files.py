"""Answers files the browser tests load, as a saved file holds them (checker/FORMAT.md).

Dates come from the call the site serves (callfacts), so the answers stay inside its period
whatever docs/call.toml says.
"""
from __future__ import annotations

from callfacts import CALL, IN_HOURS, OFFICE_DAY, iso, years_before

# A complete set of answers for one individual.
ANSWERS = {
    "format": "proposal-checker/answers", "version": 1,
    "proposal": {"kind": "existing-extend", "file_name": "（作成済みの行政機関等匿名加工情報）",
                 "contribution": "yes", "period_of_use": "yes",
                 "measures": {k: "yes" for k in ("purpose_method", "access_control", "leak_prevention", "staff",
                                                 "disposal", "incidents")}},
    "proposers": [{"type": "individual", "name": "読込 花子", "birth_date": "1990-01-15", "capacity": "no",
                   "bankruptcy": "none", "sentence": {"status": "none"}, "cancellation": {"status": "none"}}],
    "submission": {"method": "hand", "date": OFFICE_DAY.isoformat(), "time": IN_HOURS, "agent": "no"},
}

# The three below reach every state of the checker, with every follow-up question showing
# (test_a11y_checker.py, test_html_valid.py).
_PROCESSING = {"identifiers": "yes", "individual_codes": "yes", "linking_codes": "yes", "idiosyncratic": "yes",
               "other": "yes"}
_MEASURES = {"purpose_method": "yes", "access_control": "yes", "leak_prevention": "yes", "staff": "yes",
             "disposal": "yes", "incidents": "yes"}

# An individual handing the papers in: every requirement met ("pass"). The sentence and the
# cancellation long ago make their follow-up questions (state, dates) show; hand shows the time.
PASS_INDIVIDUAL_HAND = {
    "format": "proposal-checker/answers", "version": 1,
    "proposal": {"kind": "new", "file_name": "在留管理ファイル", "population": 5000, "file_population": 100000,
                 "processing": _PROCESSING, "contribution": "yes", "period_of_use": "yes", "measures": _MEASURES},
    "proposers": [{"type": "individual", "name": "山田 太郎", "birth_date": "1980-04-01", "capacity": "no",
                   "bankruptcy": "none", "sentence": {"status": "yes", "state": "ended", "ended_on": "2010-03-01"},
                   "cancellation": {"status": "yes", "date": "2012-05-01"}}],
    "submission": {"method": "hand", "date": OFFICE_DAY.isoformat(), "time": IN_HOURS, "agent": "no"},
}

# A corporation with two officers, posting the papers: an officer's recent sentence fails 113-6 ("fail").
# Post shows the posting day; a body shows the certificate date and the officers' sections.
FAIL_CORPORATION_POST = {
    "format": "proposal-checker/answers", "version": 1,
    "proposal": {"kind": "new", "file_name": "在留管理ファイル", "population": 5000, "file_population": 100000,
                 "processing": _PROCESSING, "contribution": "yes", "period_of_use": "yes", "measures": _MEASURES},
    "proposers": [{"type": "corporation", "name": "株式会社サンプル", "bankruptcy": "none", "sentence": {"status": "none"},
                   "cancellation": {"status": "none"}, "certificate_date": iso(OFFICE_DAY, days=-20),
                   "officers": [
                       {"name": "佐藤 花子", "birth_date": "1970-05-05", "capacity": "no", "bankruptcy": "none",
                        "sentence": {"status": "yes", "state": "ended", "ended_on": years_before(OFFICE_DAY, 1)},
                        "cancellation": {"status": "none"}},
                       {"name": "鈴木 一郎", "birth_date": "1975-06-06", "capacity": "no", "bankruptcy": "none",
                        "sentence": {"status": "none"}, "cancellation": {"status": "yes", "date": years_before(OFFICE_DAY, 1)}}]}],
    "submission": {"method": "post", "date": iso(CALL.closes, days=-1), "posted_on": iso(CALL.closes, days=-3), "agent": "yes"},
}

# An organisation that does not know several answers yet: nothing fails, much to confirm ("review").
REVIEW_ORGANISATION = {
    "format": "proposal-checker/answers", "version": 1,
    "proposal": {"kind": "new", "file_name": "在留管理ファイル", "population": 5000, "file_population": "unknown"},
    "proposers": [{"type": "organisation", "bankruptcy": "unknown", "sentence": {"status": "unknown"},
                   "cancellation": {"status": "none"}, "certificate_date": "unknown",
                   "officers": [{"birth_date": "unknown", "capacity": "unknown", "bankruptcy": "none",
                                 "sentence": {"status": "none"}, "cancellation": {"status": "none"}}]}],
    "submission": {"method": "unknown", "date": OFFICE_DAY.isoformat(), "agent": "unknown"},
}

