"""A board's recommendations and their status, for the public."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from recommendations.models import TrackerResponse
from tests.factories import MeetingFactory, PersonFactory, TrackerItemFactory

pytestmark = pytest.mark.django_db

CANARY = "CANARY-INTERNAL-NOTE-5d1e"


@pytest.fixture
def items(board):
    published = MeetingFactory(board=board, date=datetime.date(2016, 7, 21), published=True)
    draft = MeetingFactory(board=board, date=datetime.date(2016, 9, 15))
    shown = TrackerItemFactory(
        source_meeting=published, text="Write to Government.", internal_notes=CANARY
    )
    shown.officer_contacts.add(PersonFactory(email="gennie.holmes@example.gov.uk"))
    TrackerResponse.objects.create(
        tracker_item=shown, date=datetime.date(2016, 7, 26), text="Briefing note sent."
    )
    hidden = TrackerItemFactory(source_meeting=draft, text="From an unpublished meeting.")
    return shown, hidden


def url(board) -> str:
    return reverse("recommendations:board_recommendations", args=[board.slug])


@pytest.mark.parametrize(
    "client_name", ["public", "member_client", "other_member_client", "officer_client"]
)
def test_everyone_sees_the_items_of_published_meetings_and_never_internal_notes(
    request, client_name, board, items
):
    response = request.getfixturevalue(client_name).get(url(board))

    assert response.status_code == 200
    page = response.content.decode()
    assert "Write to Government." in page
    assert "Briefing note sent." in page
    assert CANARY not in page
    assert "gennie.holmes@example.gov.uk" not in page


def test_the_public_does_not_see_items_of_unpublished_meetings(public, board, items):
    assert "From an unpublished meeting." not in public.get(url(board)).content.decode()


def test_a_board_without_a_tracker_is_not_found(public, other_board):
    assert public.get(url(other_board)).status_code == 404


def test_it_refuses_a_post(public, board):
    assert public.post(url(board)).status_code == 405


def test_the_board_page_links_to_it_only_when_the_board_keeps_a_tracker(public, board, other_board):
    page = public.get(board.get_absolute_url()).content.decode()
    other_page = public.get(other_board.get_absolute_url()).content.decode()

    assert url(board) in page
    assert "/tracker/" not in other_page


def test_it_makes_the_same_number_of_queries_however_many_items(public, board, items):
    public.get(url(board))
    with CaptureQueriesContext(connection) as few:
        public.get(url(board))
    meeting = MeetingFactory(board=board, date=datetime.date(2016, 6, 16), published=True)
    for item in TrackerItemFactory.create_batch(20, source_meeting=meeting):
        TrackerResponse.objects.create(tracker_item=item, date=meeting.date, text="Noted.")
    with CaptureQueriesContext(connection) as many:
        public.get(url(board))

    assert len(few) == len(many)
