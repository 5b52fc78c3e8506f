"""The outstanding-issues report of a meeting, in the seed's columns."""

import datetime

import pytest
from django.urls import reverse

from meetings.models import AgendaItem
from recommendations.models import TrackerItem, TrackerResponse
from tests.factories import AgendaItemFactory, MeetingFactory, PersonFactory, TrackerItemFactory

pytestmark = pytest.mark.django_db

CANARY = "CANARY-INTERNAL-NOTE-5d1e"


@pytest.fixture
def september(board):
    july = MeetingFactory(board=board, date=datetime.date(2016, 7, 21), published=True)
    september = MeetingFactory(board=board, date=datetime.date(2016, 9, 15), published=True)
    done = TrackerItemFactory(
        source_meeting=july,
        kind=TrackerItem.Kind.ACTION,
        text="A letter of thanks to Janet Mokades.",
        status=TrackerItem.Status.COMPLETE,
        completed_on=datetime.date(2016, 7, 26),
        internal_notes=CANARY,
    )
    done.officer_contacts.add(PersonFactory(forenames="Gennie", surname="Holmes"))
    TrackerResponse.objects.create(
        tracker_item=done, date=datetime.date(2016, 7, 26), text="Letter sent via email 26/7/16"
    )
    AgendaItemFactory(
        meeting=september, kind=AgendaItem.Kind.OUTSTANDING_ISSUES, title="Outstanding Issues"
    )
    return september


def url(meeting) -> str:
    return reverse("recommendations:outstanding_issues", args=[meeting.pk])


@pytest.mark.parametrize(
    "client_name", ["public", "member_client", "other_member_client", "coordinator_client"]
)
def test_it_shows_the_report_in_the_seeds_columns_without_internal_notes(
    request, client_name, september
):
    response = request.getfixturevalue(client_name).get(url(september))

    assert response.status_code == 200
    page = response.content.decode()
    for column in [
        "Meeting Date",
        "Agenda Item",
        "Cabinet Member/ Responsible Officer",
        "Rec/Action/ Information",
        "Recommendations/ Actions",
        "Officer contact",
        "Response/ Status",
    ]:
        assert column in page
    assert "21st July 2016" in page
    assert "Gennie Holmes" in page
    assert "Letter sent via email 26/7/16 COMPLETE" in page
    assert CANARY not in page


def test_it_is_not_found_for_an_unpublished_meeting_unless_an_officer_asks(
    public, member_client, officer_client, board
):
    draft = MeetingFactory(board=board, date=datetime.date(2016, 11, 10))

    assert public.get(url(draft)).status_code == 404
    assert member_client.get(url(draft)).status_code == 404
    assert officer_client.get(url(draft)).status_code == 200


def test_it_refuses_a_post(public, september):
    assert public.post(url(september)).status_code == 405


def test_the_meeting_page_links_its_outstanding_issues_item_to_the_report(public, september):
    page = public.get(september.get_absolute_url()).content.decode()

    assert url(september) in page
