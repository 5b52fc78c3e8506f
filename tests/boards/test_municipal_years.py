"""The municipal year a date falls in: May to May (Local Government Act 1972 Sch. 12)."""

import datetime

import pytest
from django.core.exceptions import ValidationError

from boards.models import MunicipalYear
from tests.factories import MeetingFactory, MunicipalYearFactory

pytestmark = pytest.mark.django_db


def test_a_june_2016_meeting_falls_in_2016_17():
    year = MunicipalYearFactory(start_year=2016)
    MunicipalYearFactory(start_year=2015)

    assert MunicipalYear.for_date(datetime.date(2016, 6, 16)) == year


def test_a_date_outside_every_recorded_year_is_not_guessed():
    MunicipalYearFactory(start_year=2016)

    with pytest.raises(MunicipalYear.DoesNotExist):
        MunicipalYear.for_date(datetime.date(2024, 11, 28))


@pytest.mark.parametrize(
    ("day", "label"),
    [
        (datetime.date(2016, 4, 30), "2015/16"),
        (datetime.date(2016, 5, 1), "2016/17"),
        (datetime.date(2016, 9, 15), "2016/17"),
        (datetime.date(2017, 1, 5), "2016/17"),
        (datetime.date(2017, 4, 30), "2016/17"),
        (datetime.date(2017, 5, 1), "2017/18"),
        (datetime.date(1999, 12, 1), "1999/00"),
    ],
)
def test_by_default_the_year_turns_on_1_may(day, label):
    start, end, default_label = MunicipalYear.default_bounds(day)

    assert default_label == label
    assert start.month == 5 and start.day == 1
    assert end == datetime.date(start.year + 1, 4, 30)
    assert start <= day <= end


def test_get_or_create_for_creates_the_default_year_once():
    created = MunicipalYear.get_or_create_for(datetime.date(2016, 9, 15))
    again = MunicipalYear.get_or_create_for(datetime.date(2017, 3, 2))

    assert again == created
    assert (created.label, created.start_date, created.end_date) == (
        "2016/17",
        datetime.date(2016, 5, 1),
        datetime.date(2017, 4, 30),
    )
    assert MunicipalYear.objects.count() == 1


def test_get_or_create_for_keeps_the_dates_a_council_recorded():
    # Annual council met on 18 May 2016; the council recorded the year from then.
    recorded = MunicipalYear.objects.create(
        label="2016/17", start_date=datetime.date(2016, 5, 18), end_date=datetime.date(2017, 5, 16)
    )

    assert MunicipalYear.get_or_create_for(datetime.date(2017, 5, 10)) == recorded
    assert MunicipalYear.objects.count() == 1


@pytest.mark.parametrize(("start_year", "short"), [(2016, "16"), (2015, "15"), (2009, "09")])
def test_minutes_cite_the_year_by_the_two_digits_it_starts_in(start_year, short):
    assert MunicipalYearFactory(start_year=start_year).year_short == short


def test_a_year_may_not_overlap_another():
    MunicipalYearFactory(start_year=2016)
    overlapping = MunicipalYear(
        label="2017/18", start_date=datetime.date(2017, 4, 1), end_date=datetime.date(2018, 4, 30)
    )

    with pytest.raises(ValidationError, match="overlap the municipal year 2016/17"):
        overlapping.full_clean()


def test_a_meeting_must_fall_within_its_municipal_year(board):
    meeting = MeetingFactory(board=board, date=datetime.date(2016, 9, 15))
    meeting.date = datetime.date(2017, 6, 15)

    with pytest.raises(ValidationError) as caught:
        meeting.full_clean()

    assert caught.value.message_dict["date"] == [
        "The date must fall within the municipal year 2016/17."
    ]
