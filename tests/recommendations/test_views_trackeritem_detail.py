"""A tracker item's page: its source, responses over time, status and history."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from recommendations import services
from recommendations.models import TrackerResponse
from tests.factories import MeetingFactory, MinuteFactory, PersonFactory, TrackerItemFactory

pytestmark = pytest.mark.django_db

CANARY = "CANARY-INTERNAL-NOTE-5d1e"


@pytest.fixture
def item(board, coordinator):
    meeting = MeetingFactory(board=board, date=datetime.date(2016, 7, 21), published=True)
    minute = MinuteFactory(meeting=meeting, title="Serious Case Review")
    item = TrackerItemFactory(
        source_meeting=meeting,
        minute=minute,
        text="Write to Government about funding.",
        internal_notes=CANARY,
    )
    item.officer_contacts.add(
        PersonFactory(forenames="Gennie", surname="Holmes", email="gennie.holmes@example.gov.uk")
    )
    return item


def url(item) -> str:
    return reverse("recommendations:trackeritem_detail", args=[item.pk])


def test_it_asks_an_anonymous_visitor_to_sign_in(public, item):
    response = public.get(url(item))

    assert response.status_code == 302
    assert response.url.startswith(reverse("login"))


@pytest.mark.parametrize("client_name", ["member_client", "other_member_client"])
def test_it_is_not_found_for_councillors(request, client_name, item):
    assert request.getfixturevalue(client_name).get(url(item)).status_code == 404


def test_it_refuses_a_post(coordinator_client, item):
    assert coordinator_client.post(url(item)).status_code == 405


@pytest.mark.parametrize("client_name", ["officer_client", "coordinator_client", "admin_client"])
def test_it_shows_the_source_and_the_internal_notes_to_those_who_keep_the_tracker(
    request, client_name, item
):
    response = request.getfixturevalue(client_name).get(url(item))

    assert response.status_code == 200
    page = response.content.decode()
    assert f"{item.source_meeting.get_absolute_url()}#minute-{item.minute.number}" in page
    assert "Write to Government about funding." in page
    assert CANARY in page
    assert "Gennie Holmes" in page


def test_it_shows_responses_in_date_order_and_who_changed_what(
    coordinator_client, coordinator, item
):
    services.tracker_item_update(
        item=item, version=item.version, user=coordinator, text="Write to the Secretary of State."
    )
    item.refresh_from_db()
    services.tracker_item_respond(
        item=item,
        version=item.version,
        user=coordinator,
        date=datetime.date(2016, 7, 26),
        text="Briefing note sent.",
        from_text="Cabinet Member",
    )

    response = coordinator_client.get(url(item))

    page = response.content.decode()
    assert "Briefing note sent." in page
    assert "26 July 2016" in page
    history = response.context["history"]
    assert history[0]["record"].history_user == coordinator
    assert any("text" in entry["changes"] for entry in history)
    assert any("status" in entry["changes"] for entry in history)


def test_it_makes_the_same_number_of_queries_however_many_responses(
    coordinator_client, coordinator, item
):
    coordinator_client.get(url(item))
    with CaptureQueriesContext(connection) as one:
        coordinator_client.get(url(item))
    TrackerResponse.objects.bulk_create(
        TrackerResponse(
            tracker_item=item,
            date=datetime.date(2016, 8, n),
            text=f"Update {n}",
            recorded_by=coordinator,
        )
        for n in range(1, 20)
    )
    with CaptureQueriesContext(connection) as many:
        response = coordinator_client.get(url(item))

    assert "Update 19" in response.content.decode()
    assert len(one) == len(many)
