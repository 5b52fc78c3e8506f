"""Clear working days and the latest date an agenda may be published.

Local Government Act 1972 s100B(3): copies of the agenda and reports are open to
inspection "at least five clear days before the meeting" (five since the Local
Government (Access to Information) (Variation) (England) Order 2002). Clear days
exclude the day of publication and the day of the meeting (R v Swansea City Council,
ex parte Elitestone, 1993). Councils count working days only, leaving out weekends and
bank holidays, and we leave out council closure days too. The seeds were each published
exactly five clear working days ahead: Wednesday 7 September 2016 for Thursday
15 September 2016.
"""

import datetime
from collections.abc import Collection
from functools import cache

import holidays


@cache
def _bank_holidays(year: int) -> frozenset[datetime.date]:
    # Bank holidays of England and Wales (the Banking and Financial Dealings Act 1971).
    return frozenset(holidays.country_holidays("GB", subdiv="ENG", years=year).keys())


def is_working_day(day: datetime.date, closures: Collection[datetime.date] = ()) -> bool:
    return day.weekday() < 5 and day not in _bank_holidays(day.year) and day not in closures


def clear_working_days(
    published: datetime.date,
    meeting: datetime.date,
    closures: Collection[datetime.date] = (),
) -> int:
    """Working days strictly between publication and the meeting."""
    count = 0
    day = published + datetime.timedelta(days=1)
    while day < meeting:
        if is_working_day(day, closures):
            count += 1
        day += datetime.timedelta(days=1)
    return count


def latest_publication_date(
    meeting: datetime.date,
    required: int = 5,
    closures: Collection[datetime.date] = (),
) -> datetime.date:
    """The last working day on which publishing still leaves `required` clear working days.

    Walk back over `required` working days before the meeting; the day before the
    earliest of them is the last that works. Publication is an office act, so when that
    day is a weekend, bank holiday or closure day we go back to the working day before.
    """
    day = meeting
    counted = 0
    while counted < required:
        day -= datetime.timedelta(days=1)
        if is_working_day(day, closures):
            counted += 1
    day -= datetime.timedelta(days=1)
    while not is_working_day(day, closures):
        day -= datetime.timedelta(days=1)
    return day
