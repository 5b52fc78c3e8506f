"""Putting a resolution part, or a request made in discussion, on the tracker."""

import datetime

import pytest
from django.urls import reverse

from recommendations.models import TrackerItem
from tests.factories import (
    MeetingFactory,
    MinuteFactory,
    PersonFactory,
    ResolutionFactory,
    ResolutionPartFactory,
)

pytestmark = pytest.mark.django_db

URL = reverse("recommendations:trackeritem_create_from_part")


@pytest.fixture
def minute(board):
    meeting = MeetingFactory(board=board, date=datetime.date(2016, 7, 21), published=True)
    return MinuteFactory(meeting=meeting, title="Serious Case Review")


@pytest.fixture
def part(minute):
    return ResolutionPartFactory(
        resolution=ResolutionFactory(minute=minute),
        text="That the individuals noted in the report be congratulated.",
    )


def form(**overrides) -> dict:
    return {
        "kind": "A",
        "text": "The individuals be congratulated",
        "responsible_text": "LSCB",
        **overrides,
    }


def test_it_asks_an_anonymous_visitor_to_sign_in(public, part):
    assert public.get(URL, {"part": part.pk}).url.startswith(reverse("login"))


@pytest.mark.parametrize("client_name", ["member_client", "other_member_client"])
def test_it_is_not_found_for_councillors(request, client_name, part):
    client = request.getfixturevalue(client_name)
    assert client.get(URL, {"part": part.pk}).status_code == 404
    assert client.post(URL, form(part=part.pk)).status_code == 404
    assert not TrackerItem.objects.exists()


def test_it_is_not_found_without_a_source(coordinator_client):
    assert coordinator_client.get(URL).status_code == 404
    assert coordinator_client.get(URL, {"part": "x"}).status_code == 404


def test_it_refuses_other_methods(coordinator_client, part):
    assert coordinator_client.delete(URL).status_code == 405


def test_the_form_starts_from_the_resolutions_wording(coordinator_client, part):
    response = coordinator_client.get(URL, {"part": part.pk})

    assert response.status_code == 200
    assert response.context["form"]["text"].value() == part.text


def test_the_coordinator_puts_a_resolution_part_on_the_tracker(coordinator_client, part):
    contact = PersonFactory(surname="Walker", is_councillor=False)

    response = coordinator_client.post(URL, form(part=part.pk, officer_contacts=[contact.pk]))

    item = TrackerItem.objects.get()
    assert response.url == reverse("recommendations:trackeritem_detail", args=[item.pk])
    assert (item.resolution_part, item.minute, item.kind, item.text) == (
        part,
        part.resolution.minute,
        "A",
        "The individuals be congratulated",
    )
    assert list(item.officer_contacts.all()) == [contact]
    # A second attempt goes to the item already made.
    again = coordinator_client.get(URL, {"part": part.pk})
    assert again.url == response.url


def test_an_officer_adds_a_request_made_in_discussion(officer_client, minute):
    response = officer_client.post(
        URL, form(minute=minute.pk, kind="I", text="Send the action plan")
    )

    item = TrackerItem.objects.get()
    assert response.status_code == 302
    assert (item.minute, item.resolution_part, item.source_meeting) == (
        minute,
        None,
        minute.meeting,
    )


def test_it_says_what_to_fix(coordinator_client, part):
    response = coordinator_client.post(URL, {"part": part.pk, "text": ""})

    page = response.content.decode()
    assert "Choose recommendation, action or information" in page
    assert "Enter the wording of the item" in page
    assert not TrackerItem.objects.exists()
