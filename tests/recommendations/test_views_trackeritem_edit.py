"""Editing a tracker item's wording, owner, contacts, due date and notes, version-checked."""

import datetime

import pytest
from django.urls import reverse

from recommendations import services
from tests.factories import MeetingFactory, PersonFactory, TrackerItemFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def item(board):
    meeting = MeetingFactory(board=board, date=datetime.date(2016, 7, 21), published=True)
    return TrackerItemFactory(source_meeting=meeting, text="The original wording.")


def url(item) -> str:
    return reverse("recommendations:trackeritem_edit", args=[item.pk])


def form(item, **overrides) -> dict:
    data = {
        "kind": "A",
        "text": "The new wording.",
        "responsible_text": "LSCB",
        "responsible_person": "",
        "due_date_0": "21",
        "due_date_1": "9",
        "due_date_2": "2016",
        "internal_notes": "Chase in August.",
        "version": item.version,
    }
    return {**data, **overrides}


def test_it_asks_an_anonymous_visitor_to_sign_in(public, item):
    assert public.get(url(item)).url.startswith(reverse("login"))


@pytest.mark.parametrize("client_name", ["member_client", "other_member_client"])
def test_it_is_not_found_for_councillors(request, client_name, item):
    client = request.getfixturevalue(client_name)
    assert client.get(url(item)).status_code == 404
    assert client.post(url(item), form(item)).status_code == 404
    item.refresh_from_db()
    assert item.text == "The original wording."


def test_it_refuses_other_methods(coordinator_client, item):
    assert coordinator_client.put(url(item)).status_code == 405


def test_an_officer_changes_the_item_and_the_history_records_who(officer_client, officer, item):
    contact = PersonFactory(surname="Walker", is_councillor=False)

    response = officer_client.post(url(item), form(item, officer_contacts=[contact.pk]))

    assert response.status_code == 302
    item.refresh_from_db()
    assert (item.kind, item.text, item.responsible_text, item.internal_notes) == (
        "A",
        "The new wording.",
        "LSCB",
        "Chase in August.",
    )
    assert item.due_date == datetime.date(2016, 9, 21)
    assert list(item.officer_contacts.all()) == [contact]
    assert item.version == 2
    assert item.history.first().history_user == officer


def test_a_conflict_keeps_the_users_wording_and_shows_the_saved_item(
    coordinator_client, officer, item
):
    services.tracker_item_update(
        item=item, version=item.version, user=officer, text="The officer's wording."
    )

    response = coordinator_client.post(url(item), form(item, text="My wording."))

    assert response.status_code == 409
    page = response.content.decode()
    assert "Someone else updated this item while you were writing." in page
    assert "The officer&#x27;s wording." in page
    assert "My wording." in page
    item.refresh_from_db()
    assert item.text == "The officer's wording."
    assert response.context["form"]["version"].value() == 2
