"""The co-ordinator's tracker: all items of all boards, filtered, sorted and paginated."""

import datetime
from zoneinfo import ZoneInfo

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from recommendations.models import TrackerItem
from tests.factories import MeetingFactory, PersonFactory, TrackerItemFactory

pytestmark = pytest.mark.django_db

URL = reverse("recommendations:tracker")


@pytest.fixture(autouse=True)
def today(time_machine) -> datetime.date:
    time_machine.move_to(
        datetime.datetime(2016, 11, 22, 9, 0, tzinfo=ZoneInfo("Europe/London")), tick=False
    )
    return datetime.date(2016, 11, 22)


@pytest.fixture
def items(board, other_board) -> dict[str, TrackerItem]:
    july = MeetingFactory(board=board, date=datetime.date(2016, 7, 21), published=True)
    health = MeetingFactory(board=other_board, date=datetime.date(2016, 9, 1), published=True)
    holmes = PersonFactory(forenames="Gennie", surname="Holmes")
    overdue = TrackerItemFactory(
        source_meeting=july,
        text="Write to Government about funding for victims of CSE.",
        responsible_text="Cabinet Member",
        due_date=datetime.date(2016, 9, 21),
    )
    overdue.officer_contacts.add(holmes)
    done = TrackerItemFactory(
        source_meeting=july,
        kind=TrackerItem.Kind.ACTION,
        text="A letter of thanks to Janet Mokades.",
        status=TrackerItem.Status.COMPLETE,
        completed_on=datetime.date(2016, 7, 26),
        due_date=datetime.date(2016, 9, 21),
    )
    other = TrackerItemFactory(
        source_meeting=health,
        kind=TrackerItem.Kind.INFORMATION,
        text="Waiting times for mental health assessments.",
        responsible_text="John Gregg",
    )
    return {"overdue": overdue, "done": done, "other": other}


def test_it_asks_an_anonymous_visitor_to_sign_in(public):
    response = public.get(URL)

    assert response.status_code == 302
    assert response.url.startswith(reverse("login"))


@pytest.mark.parametrize("client_name", ["member_client", "other_member_client"])
def test_it_is_not_found_for_councillors(request, client_name):
    assert request.getfixturevalue(client_name).get(URL).status_code == 404


@pytest.mark.parametrize("client_name", ["officer_client", "coordinator_client", "admin_client"])
def test_it_lists_every_item_of_every_board_for_those_who_keep_the_tracker(
    request, client_name, items
):
    response = request.getfixturevalue(client_name).get(URL)

    assert response.status_code == 200
    page = response.content.decode()
    for item in items.values():
        assert reverse("recommendations:trackeritem_detail", args=[item.pk]) in page
    assert response["Cache-Control"] == "private, no-store"


def test_it_refuses_a_post(coordinator_client):
    assert coordinator_client.post(URL).status_code == 405


def test_it_marks_outstanding_items_past_their_due_date_as_overdue(coordinator_client, items):
    response = coordinator_client.get(URL)

    rows = {item.pk: item for item in response.context["page"].object_list}
    assert set(rows) == {item.pk for item in items.values()}
    assert response.content.decode().count("govuk-tag--red") == 1


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ({"board": "education-and-childrens-services"}, {"overdue", "done"}),
        ({"status": "complete"}, {"done"}),
        ({"kind": "I"}, {"other"}),
        ({"responsible": "gregg"}, {"other"}),
        ({"q": "JANET"}, {"done"}),
        ({"meeting_from": "2016-08-01"}, {"other"}),
        ({"meeting_to": "2016-07-31"}, {"overdue", "done"}),
        ({"overdue": "on"}, {"overdue"}),
        ({"board": "education-and-childrens-services", "status": "open"}, {"overdue"}),
    ],
)
def test_it_filters_by_what_the_query_string_says(coordinator_client, items, query, expected):
    response = coordinator_client.get(URL, query)

    shown = {item.pk for item in response.context["page"].object_list}
    assert shown == {items[name].pk for name in expected}


def test_it_filters_by_officer_contact(coordinator_client, items):
    holmes = items["overdue"].officer_contacts.get()

    response = coordinator_client.get(URL, {"contact": holmes.pk})

    assert [item.pk for item in response.context["page"].object_list] == [items["overdue"].pk]


def test_it_explains_a_date_it_cannot_read(coordinator_client, items):
    response = coordinator_client.get(URL, {"meeting_from": "31/31/2016"})

    assert response.status_code == 200
    assert "Enter the earliest meeting date as a real date" in response.content.decode()


def test_it_sorts_by_a_whitelisted_column_and_ignores_anything_else(coordinator_client, items):
    by_due = coordinator_client.get(URL, {"sort": "due_date"}).context["page"].object_list
    hostile = coordinator_client.get(URL, {"sort": "internal_notes"}).context["page"].object_list
    newest = coordinator_client.get(URL, {"sort": "-meeting"}).context["page"].object_list

    assert [item.pk for item in by_due][-1] == items["other"].pk  # no due date: last
    assert [item.pk for item in hostile][0] == items["overdue"].pk  # meeting order
    assert [item.pk for item in newest][0] == items["other"].pk


def test_it_pages_by_fifty_and_keeps_the_filter_and_sort_in_the_links(coordinator_client, board):
    meeting = MeetingFactory(board=board, date=datetime.date(2016, 7, 21), published=True)
    TrackerItemFactory.create_batch(120, source_meeting=meeting)

    response = coordinator_client.get(URL, {"status": "open", "sort": "due_date", "page": "2"})

    page = response.context["page"]
    assert page.number == 2
    assert len(page.object_list) == 50
    html = response.content.decode()
    assert "?status=open&amp;sort=due_date&amp;page=3" in html
    assert reverse("recommendations:tracker_csv") + "?status=open&amp;sort=due_date" in html


def test_it_makes_the_same_number_of_queries_on_every_page(coordinator_client, board):
    meeting = MeetingFactory(board=board, date=datetime.date(2016, 7, 21), published=True)
    contacts = PersonFactory.create_batch(3)
    for item in TrackerItemFactory.create_batch(160, source_meeting=meeting):
        item.officer_contacts.set(contacts)

    coordinator_client.get(URL)  # the session and the council's settings, loaded once
    counts = []
    for number in (1, 2, 4):
        with CaptureQueriesContext(connection) as queries:
            response = coordinator_client.get(URL, {"page": number})
        assert response.status_code == 200
        counts.append(len(queries))

    assert counts[0] == counts[1] == counts[2], counts
    assert counts[0] <= 9, counts  # 8, and the site revision that keys the stored table
