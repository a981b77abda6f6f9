"""What the law fixes, not the call: each value is named once here, with where it is written and
the day from which it applies.

As OpenFisca keys each value of a parameter by the day it takes effect, a value here carries its
``since``: when the law changes, the new value comes with its own day (and the rules and words that
use it say so), instead of a number edited in place. ``since`` is None where this site has not
verified when the current wording took effect.

The numbers a call sets (the minimum population, the certificate months, the copies, the
dates and hours) are not here: they are the call's data (docs/call.toml, ``Call``).
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Generic, TypeVar

from .dates import format_date

T = TypeVar("T")


@dataclass(frozen=True)
class Provision(Generic[T]):
    value: T
    basis: str
    since: date | None = None


# 民法第4条: 年齢十八歳をもって、成年とする。 (法第113条第1号「未成年者」). 18 since 2022-04-01.
ADULT_AGE = Provision(18, "民法第4条", date(2022, 4, 1))

# 法第113条第4号・第5号: 「…から起算して二年を経過しない者」
DISQUALIFICATION_YEARS = Provision(2, "法第113条第4号・第5号")

# 法第113条第4号 「拘禁刑以上の刑」: 懲役 and 禁錮 became 拘禁刑 on 2025-06-01 (令和4年法律第67号・第68号),
# which also changed when a suspended sentence loses effect (刑法第27条).
KOKINKEI = Provision("拘禁刑", "令和4年法律第67号・第68号", date(2025, 6, 1))

# 規則第53条: a call for proposals stays open for at least 30 days.
MINIMUM_CALL_DAYS = Provision(30, "規則第53条")


def years(provision: Provision[int]) -> str:
    """「2年」"""
    return f"{provision.value}年"


def age(provision: Provision[int]) -> str:
    """「18歳」"""
    return f"{provision.value}歳"


def since(provision: Provision) -> str:
    """「2025年（令和7年）6月1日」: the day the provision applies from, as the site writes a day."""
    assert provision.since is not None, provision
    return format_date(provision.since, weekday=False)


# The law's values in the questions' words (data/questions.json): ``{adult_age}``, ``{years}``,
# ``{kokinkei_since}``; filled in when the questions are read.
WORDS = {"adult_age": age(ADULT_AGE), "years": years(DISQUALIFICATION_YEARS), "kokinkei_since": since(KOKINKEI)}
