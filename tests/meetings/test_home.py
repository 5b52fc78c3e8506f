"""The home page: upcoming meetings, recently published agendas and minutes, boards."""

import datetime
from zoneinfo import ZoneInfo

import pytest
from django.urls import reverse
from django.utils import timezone

from tests.factories import MeetingFactory

pytestmark = pytest.mark.django_db

LONDON = ZoneInfo("Europe/London")


@pytest.fixture(autouse=True)
def today(time_machine):
    time_machine.move_to(datetime.datetime(2016, 9, 1, 9, 0, tzinfo=LONDON), tick=False)


def test_it_lists_recently_published_minutes_and_every_board(public, council, board, other_board):
    held = MeetingFactory(
        board=board,
        date=datetime.date(2016, 7, 21),
        published=True,
        minutes_published_at=timezone.now(),
    )
    MeetingFactory(board=board, date=datetime.date(2016, 6, 16), published=True)

    response = public.get(reverse("home"))

    assert list(response.context["recent_minutes"]) == [held]
    assert (
        "Minutes: Education and Children&#x27;s Services Scrutiny Board (2), Thursday 21 July 2016"
        in response.text
    )
    assert (
        board.get_absolute_url() in response.text
        and other_board.get_absolute_url() in response.text
    )


def test_the_home_page_refuses_a_post(public, council):
    assert public.post(reverse("home")).status_code == 405
