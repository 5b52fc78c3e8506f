"""The next minute number, by the council's numbering policy (seeds-coventry.md §3.2).

In 2016/17 Coventry's numbering restarted each municipal year: the 16 June 2016 meeting
held minutes 1-6, so 21 July 2016 started at 7, and minutes cite each other as "4/16".
"""

import datetime

import pytest

from boards.models import Council
from meetings.models import Minute
from tests.factories import MeetingFactory, MinuteFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def june_2016(board):
    """Thursday 16 June 2016, which held minutes 1 to 6."""
    meeting = MeetingFactory(board=board, date=datetime.date(2016, 6, 16))
    for number in range(1, 7):
        MinuteFactory(meeting=meeting, number=number)
    return meeting


def test_the_first_minute_of_a_year_is_1(council, board):
    meeting = MeetingFactory(board=board, date=datetime.date(2016, 6, 16))

    assert Minute.objects.next_number(board, meeting.municipal_year) == 1


def test_numbering_continues_within_a_municipal_year(council, june_2016):
    july = MeetingFactory(board=june_2016.board, date=datetime.date(2016, 7, 21))

    assert Minute.objects.next_number(july.board, july.municipal_year) == 7
    assert MinuteFactory(meeting=july).number == 7


def test_numbering_restarts_in_a_new_municipal_year(council, board):
    april = MeetingFactory(board=board, date=datetime.date(2016, 4, 14))
    for number in range(69, 77):
        MinuteFactory(meeting=april, number=number)
    june = MeetingFactory(board=board, date=datetime.date(2016, 6, 16))

    assert june.municipal_year != april.municipal_year
    assert Minute.objects.next_number(board, june.municipal_year) == 1


def test_another_boards_minutes_do_not_count(council, june_2016, other_board):
    other = MeetingFactory(board=other_board, date=datetime.date(2016, 7, 21))

    assert Minute.objects.next_number(other_board, other.municipal_year) == 1


def test_continuous_numbering_carries_on_across_years(council, board):
    council.minute_numbering = Council.MinuteNumbering.CONTINUOUS
    council.save()
    july_2024 = MeetingFactory(board=board, date=datetime.date(2024, 7, 11))
    for number in range(37, 43):
        MinuteFactory(meeting=july_2024, number=number)
    october_2024 = MeetingFactory(board=board, date=datetime.date(2024, 10, 17))
    for number in range(43, 49):
        MinuteFactory(meeting=october_2024, number=number)
    june_2025 = MeetingFactory(board=board, date=datetime.date(2025, 6, 19))

    assert june_2025.municipal_year != october_2024.municipal_year
    assert Minute.objects.next_number(board, june_2025.municipal_year) == 49


def test_the_default_reference_is_number_slash_year(council, june_2016):
    minute = june_2016.minutes.get(number=4)

    assert minute.reference == "4/16"


def test_a_council_can_cite_minutes_by_number_alone(council, board):
    council.minute_reference_format = "{number}"
    council.save()
    meeting = MeetingFactory(board=board, date=datetime.date(2024, 11, 28))

    assert MinuteFactory(meeting=meeting, number=46).reference == "46"
