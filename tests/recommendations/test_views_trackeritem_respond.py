"""Adding a response to a tracker item, and marking it complete, in one form."""

import datetime

import pytest
from django.urls import reverse

from boards.models import User
from recommendations import services
from recommendations.models import TrackerItem, TrackerResponse
from tests.factories import MeetingFactory, TrackerItemFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def item(board):
    meeting = MeetingFactory(board=board, date=datetime.date(2016, 7, 21), published=True)
    return TrackerItemFactory(source_meeting=meeting, text="Congratulate the individuals.")


def url(item) -> str:
    return reverse("recommendations:trackeritem_respond", args=[item.pk])


def form(item, **overrides) -> dict:
    data = {
        "date_0": "26",
        "date_1": "7",
        "date_2": "2016",
        "text": "Letter sent via email 26/7/16",
        "from_text": "LSCB",
        "version": item.version,
    }
    return {**data, **overrides}


def test_it_asks_an_anonymous_visitor_to_sign_in(public, item):
    response = public.post(url(item), form(item))

    assert response.status_code == 302
    assert response.url.startswith(reverse("login"))
    assert not TrackerResponse.objects.exists()


@pytest.mark.parametrize("client_name", ["member_client", "other_member_client"])
def test_it_is_not_found_for_councillors(request, client_name, item):
    response = request.getfixturevalue(client_name).post(url(item), form(item))

    assert response.status_code == 404
    assert not TrackerResponse.objects.exists()


def test_it_is_forbidden_to_an_administrator_who_does_not_keep_the_tracker(client, item):
    reader = UserFactory(role=User.Role.ADMIN, is_staff=True)
    client.force_login(reader)

    assert client.post(url(item), form(item)).status_code == 403
    assert not TrackerResponse.objects.exists()


def test_it_answers_a_get_with_method_not_allowed(coordinator_client, item):
    assert coordinator_client.get(url(item)).status_code == 405


def test_the_detail_page_shows_the_form_to_those_who_keep_the_tracker(officer_client, item):
    response = officer_client.get(reverse("recommendations:trackeritem_detail", args=[item.pk]))

    assert url(item) in response.content.decode()
    assert "Mark as complete" in response.content.decode()


def test_an_officer_records_a_response_and_the_item_is_in_progress(officer_client, officer, item):
    response = officer_client.post(url(item), form(item))

    assert response.status_code == 302
    assert response.url == reverse("recommendations:trackeritem_detail", args=[item.pk])
    saved = TrackerResponse.objects.get()
    assert (saved.date, saved.text, saved.from_text, saved.recorded_by) == (
        datetime.date(2016, 7, 26),
        "Letter sent via email 26/7/16",
        "LSCB",
        officer,
    )
    item.refresh_from_db()
    assert item.status == TrackerItem.Status.IN_PROGRESS
    assert item.version == 2
    followed = officer_client.get(response.url)
    assert "Response saved." in followed.content.decode()


def test_the_coordinator_marks_the_item_complete_with_the_response(coordinator_client, item):
    coordinator_client.post(url(item), form(item, complete="on"))

    item.refresh_from_db()
    assert item.status == TrackerItem.Status.COMPLETE
    assert item.completed_on == datetime.date(2016, 7, 26)


def test_it_says_what_to_fix_when_the_response_is_missing(coordinator_client, item):
    response = coordinator_client.post(
        url(item), form(item, text="", date_0="", date_1="", date_2="")
    )

    assert response.status_code == 200
    page = response.content.decode()
    assert "Enter the response" in page
    assert "Enter the date of the response" in page
    assert not TrackerResponse.objects.exists()


def test_a_conflict_keeps_the_users_text_and_shows_the_other_change(
    coordinator_client, officer, item
):
    services.tracker_item_respond(
        item=item,
        version=item.version,
        user=officer,
        date=datetime.date(2016, 7, 27),
        text="The officer's response, saved first.",
    )

    response = coordinator_client.post(url(item), form(item, text="My carefully written response."))

    assert response.status_code == 409
    page = response.content.decode()
    assert "Someone else updated this item while you were writing." in page
    assert "The officer&#x27;s response, saved first." in page
    assert "My carefully written response." in page
    assert TrackerResponse.objects.count() == 1
    # The form now carries the current version: saving again applies the user's response.
    resubmitted = response.context["response_form"].data.dict()
    assert int(resubmitted["version"]) == 2
    again = coordinator_client.post(url(item), resubmitted)
    assert again.status_code == 302
    assert TrackerResponse.objects.filter(text="My carefully written response.").exists()
