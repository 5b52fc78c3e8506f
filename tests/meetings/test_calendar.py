"""The calendar: meetings by month, filterable by board, visible meetings only."""

import datetime
from zoneinfo import ZoneInfo

import pytest
from django.urls import reverse

from meetings.models import Meeting
from tests.factories import MeetingFactory

pytestmark = pytest.mark.django_db

LONDON = ZoneInfo("Europe/London")
URL = reverse("meetings:calendar")


@pytest.fixture(autouse=True)
def today(time_machine):
    time_machine.move_to(datetime.datetime(2016, 9, 1, 9, 0, tzinfo=LONDON), tick=False)


@pytest.fixture
def september(council, board, other_board):
    return [
        MeetingFactory(board=board, date=datetime.date(2016, 9, 15), published=True),
        MeetingFactory(board=other_board, date=datetime.date(2016, 9, 22), published=True),
        MeetingFactory(
            board=board,
            date=datetime.date(2016, 9, 29),
            published=True,
            status=Meeting.Status.CANCELLED,
        ),
        MeetingFactory(board=board, date=datetime.date(2016, 10, 13), published=True),
    ]


def test_it_shows_this_months_meetings_by_default(public, september):
    response = public.get(URL)

    assert response.status_code == 200
    assert response.context["meetings"] == september[:3]
    assert "September 2016" in response.text
    assert "Cancelled" in response.text
    assert "?month=2016-08" in response.text and "?month=2016-10" in response.text


def test_it_lists_meetings_by_day_with_time_and_place_not_in_a_table(public, september):
    """Four table columns left a word per line on a phone; a list by day reflows."""
    text = public.get(URL).text

    assert "<table" not in text
    assert text.index("Thursday 15 September</h3>") < text.index("Thursday 22 September</h3>")
    assert "2.00 pm, Committee Rooms 2 and 3 - Council House" in text


def test_a_meeting_without_a_venue_says_the_place_is_to_be_confirmed(public, council, board):
    MeetingFactory(board=board, date=datetime.date(2016, 9, 15), published=True, venue=None)

    assert "2.00 pm, place to be confirmed" in public.get(URL).text


def test_it_shows_the_month_asked_for(public, september):
    response = public.get(URL, {"month": "2016-10"})

    assert response.context["meetings"] == september[3:]


def test_it_filters_by_board_and_keeps_the_filter_when_paging(public, september, other_board):
    response = public.get(URL, {"month": "2016-09", "board": other_board.slug})

    assert response.context["meetings"] == [september[1]]
    assert f"?month=2016-10&amp;board={other_board.slug}" in response.text


@pytest.mark.parametrize("query", [{"month": "2016-13"}, {"month": "soon"}, {"board": "nope"}])
def test_a_bad_query_answers_404(public, september, query):
    assert public.get(URL, query).status_code == 404


def test_it_refuses_a_post(public, council):
    assert public.post(URL).status_code == 405


@pytest.mark.parametrize(
    ("persona", "sees"),
    [("public", False), ("member_client", False), ("officer_client", True)],
)
def test_unpublished_meetings_appear_only_for_officers(request, council, board, persona, sees):
    unpublished = MeetingFactory(board=board, date=datetime.date(2016, 9, 8))

    response = request.getfixturevalue(persona).get(URL)

    assert (unpublished in response.context["meetings"]) is sees


def test_the_query_count_does_not_grow_with_meetings(
    public, council, board, other_board, django_assert_max_num_queries, django_assert_num_queries
):
    for day in (5, 6):
        MeetingFactory(board=board, date=datetime.date(2016, 9, day), published=True)
    with django_assert_max_num_queries(8) as captured:
        public.get(URL)

    for day in (7, 8):
        MeetingFactory(board=other_board, date=datetime.date(2016, 9, day), published=True)

    with django_assert_num_queries(len(captured)):
        response = public.get(URL)
    assert len(response.context["meetings"]) == 4
