"""Dates in the council's house style: one pattern per slot (seeds-coventry.md §4.1)."""

import datetime

import pytest
from django.core.exceptions import ValidationError

from boards.formats import format_date, format_time, ordinal, validate_pattern
from boards.models import Council

TWO_PM = datetime.time(14, 0)


@pytest.mark.parametrize(
    ("slot", "day", "time", "expected"),
    [
        (
            "front_sheet",
            datetime.date(2016, 9, 15),
            TWO_PM,
            "2.00 pm on Thursday, 15th September, 2016",
        ),
        (
            "front_sheet",
            datetime.date(2016, 6, 16),
            datetime.time(15, 30),
            "3.30 pm on Thursday, 16th June, 2016",
        ),
        (
            "front_sheet",
            datetime.date(2024, 11, 28),
            datetime.time(10, 0),
            "10.00 am on Thursday, 28th November, 2024",
        ),
        ("published", datetime.date(2016, 9, 7), None, "Wednesday, 7 September 2016"),
        ("published", datetime.date(2024, 11, 20), None, "Wednesday, 20 November 2024"),
        (
            "minutes_heading",
            datetime.date(2016, 7, 21),
            TWO_PM,
            "held at 2.00 pm on Thursday, 21 July 2016",
        ),
        ("minutes_item", datetime.date(2016, 7, 21), None, "21st July, 2016"),
        ("tracker", datetime.date(2016, 7, 21), None, "21st July 2016"),
        ("response", datetime.date(2016, 7, 26), None, "26/7/16"),
        ("work_programme", datetime.date(2016, 6, 16), None, "16th June 16"),
        ("document", datetime.date(2016, 9, 15), None, "15 September 2016"),
        (
            "apology_deadline",
            datetime.date(2016, 9, 15),
            datetime.time(13, 0),
            "1.00 p.m. on 15th September, 2016",
        ),
    ],
)
@pytest.mark.django_db
def test_the_council_defaults_print_each_slot_as_the_seeds_do(slot, day, time, expected):
    assert Council.load().format(slot, day, time) == expected


@pytest.mark.parametrize(
    ("day", "expected"),
    [
        (1, "1st"),
        (2, "2nd"),
        (3, "3rd"),
        (4, "4th"),
        (11, "11th"),
        (12, "12th"),
        (13, "13th"),
        (21, "21st"),
        (22, "22nd"),
        (23, "23rd"),
        (30, "30th"),
        (31, "31st"),
    ],
)
def test_ordinals_take_st_nd_rd_except_in_the_teens(day, expected):
    assert ordinal(day) == expected


@pytest.mark.parametrize(
    ("time", "expected"),
    [
        (datetime.time(0, 0), "12.00 am"),
        (datetime.time(9, 5), "9.05 am"),
        (datetime.time(12, 0), "12.00 pm"),
        (datetime.time(16, 0), "4.00 pm"),
    ],
)
def test_times_use_the_twelve_hour_clock_with_a_dot(time, expected):
    assert format_time(time) == expected


def test_a_dotted_time_reads_like_the_apology_note():
    assert format_time(datetime.time(13, 0), dotted=True) == "1.00 p.m."


def test_a_pattern_can_use_short_months_and_month_numbers():
    assert (
        format_date("{day} {month_short} {year_short} ({month_num})", datetime.date(2016, 11, 10))
        == "10 Nov 16 (11)"
    )


def test_a_known_pattern_is_accepted():
    assert validate_pattern("{time} on {weekday}, {day_ord} {month}, {year}") is None


def test_an_unknown_placeholder_is_refused_with_the_list_of_known_ones():
    with pytest.raises(ValidationError) as caught:
        validate_pattern("{weekday}, {dayofmonth} {month}")
    message = caught.value.messages[0]
    assert message.startswith("Unknown placeholder {dayofmonth}.")
    assert "{day_ord}" in message


def test_a_pattern_with_an_unclosed_brace_is_refused():
    with pytest.raises(ValidationError, match="Check the braces"):
        validate_pattern("{weekday, {day} {month}")
