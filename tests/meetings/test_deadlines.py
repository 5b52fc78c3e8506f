"""Clear working days before a meeting (Local Government Act 1972 s100B).

Not counted: the day of publication, the day of the meeting, weekends, bank holidays of
England and Wales and council closure days. Each seed pack was published exactly five
clear working days ahead (seeds-coventry.md §3.1).
"""

import datetime

import pytest

from boards.models import ClosureDay, Council
from meetings.deadlines import clear_working_days, is_working_day, latest_publication_date
from tests.factories import MeetingFactory

D = datetime.date


@pytest.mark.parametrize(
    ("published", "meeting"),
    [
        (D(2016, 6, 8), D(2016, 6, 16)),
        (D(2016, 9, 7), D(2016, 9, 15)),
        (D(2024, 11, 20), D(2024, 11, 28)),
    ],
    ids=["001-june-2016", "000-september-2016", "004-november-2024"],
)
def test_each_seed_was_published_exactly_5_clear_working_days_ahead(published, meeting):
    assert clear_working_days(published, meeting) == 5
    assert latest_publication_date(meeting, 5) == published


def test_wednesday_7_september_2016_gives_thursday_15_september_5_clear_days():
    assert clear_working_days(D(2016, 9, 7), D(2016, 9, 15)) == 5


def test_publishing_one_day_later_gives_only_4_clear_days():
    assert clear_working_days(D(2016, 9, 8), D(2016, 9, 15)) == 4


def test_the_days_of_publication_and_of_the_meeting_do_not_count():
    # Published Monday for Tuesday: nothing in between.
    assert clear_working_days(D(2016, 9, 12), D(2016, 9, 13)) == 0


def test_weekends_are_not_working_days():
    assert not is_working_day(D(2016, 9, 10))
    assert not is_working_day(D(2016, 9, 11))
    assert is_working_day(D(2016, 9, 12))


def test_christmas_boxing_day_and_new_year_are_skipped():
    # Christmas Day, Boxing Day and New Year's Day 2024-25 fall on Wed, Thu and Wed.
    assert latest_publication_date(D(2025, 1, 2), 5) == D(2024, 12, 20)
    assert clear_working_days(D(2024, 12, 20), D(2025, 1, 2)) == 5


def test_the_substitute_bank_holiday_for_a_sunday_christmas_is_skipped():
    # Christmas 2016 was a Sunday: Tuesday 27 December was the substitute bank holiday,
    # and Monday 2 January 2017 the substitute for New Year's Day.
    assert latest_publication_date(D(2017, 1, 5), 5) == D(2016, 12, 23)
    assert clear_working_days(D(2016, 12, 23), D(2017, 1, 5)) == 5


def test_good_friday_and_easter_monday_are_skipped():
    # Easter 2025: Good Friday 18 April, Easter Monday 21 April.
    assert latest_publication_date(D(2025, 4, 24), 5) == D(2025, 4, 14)
    assert clear_working_days(D(2025, 4, 16), D(2025, 4, 24)) == 3


def test_the_august_bank_holiday_is_skipped():
    # Late Summer Bank Holiday, Monday 29 August 2016.
    assert not is_working_day(D(2016, 8, 29))
    assert latest_publication_date(D(2016, 9, 1), 5) == D(2016, 8, 23)


@pytest.mark.django_db
def test_a_meeting_the_day_after_a_bank_holiday_must_be_published_earlier(council):
    # Tuesday 30 August 2016 follows the Late Summer Bank Holiday. An ordinary Tuesday
    # meeting (13 September) may be published on the Monday of the week before.
    ordinary = MeetingFactory(date=D(2016, 9, 13))
    after_holiday = MeetingFactory(date=D(2016, 8, 30))

    assert ordinary.publication_deadline() == D(2016, 9, 5)
    assert after_holiday.publication_deadline() == D(2016, 8, 19)  # not Monday 22 August
    assert after_holiday.clear_working_days_given(D(2016, 8, 19)) == 5
    assert after_holiday.clear_working_days_given(D(2016, 8, 22)) == 4


@pytest.mark.django_db
def test_a_council_closure_day_moves_the_deadline_back(council):
    meeting = MeetingFactory(date=D(2016, 9, 15))
    assert meeting.publication_deadline() == D(2016, 9, 7)

    ClosureDay.objects.create(date=D(2016, 9, 9), reason="Staff training day")

    assert meeting.publication_deadline() == D(2016, 9, 6)
    assert meeting.clear_working_days_given(D(2016, 9, 7)) == 4


@pytest.mark.django_db
def test_a_closure_day_on_the_deadline_moves_publication_to_the_working_day_before(council):
    # Closed on Wednesday 7 September 2016: publication moves back to Tuesday 6th, and
    # Thursday 8th onwards still gives five clear days.
    ClosureDay.objects.create(date=D(2016, 9, 7), reason="Office move")
    meeting = MeetingFactory(date=D(2016, 9, 15))

    assert meeting.publication_deadline() == D(2016, 9, 6)


@pytest.mark.django_db
def test_the_council_can_require_more_clear_days(council):
    council.clear_working_days = 10
    council.save()
    meeting = MeetingFactory(date=D(2016, 9, 15))

    assert meeting.publication_deadline(Council.load()) == D(2016, 8, 31)
