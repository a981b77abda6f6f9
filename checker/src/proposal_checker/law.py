"""Numbers the law fixes, not the call: each is named once here, with its article.

The numbers a call sets (the minimum population, the certificate months, the copies, the
dates and hours) are not here: they are the call's data (docs/call.toml, ``Call``).
"""

# 民法第4条: 年齢十八歳をもって、成年とする。 (法第113条第1号「未成年者」)
ADULT_AGE = 18

# 法第113条第4号・第5号: 「…から起算して二年を経過しない者」
DISQUALIFICATION_YEARS = 2

# 規則第53条: a call for proposals stays open for at least 30 days.
MINIMUM_CALL_DAYS = 30
