"""The tracker as a CSV file, with the tracker's filter, formula-safe."""

import csv
import datetime
import io

import pytest
from django.urls import reverse

from tests.factories import MeetingFactory, TrackerItemFactory

pytestmark = pytest.mark.django_db

URL = reverse("recommendations:tracker_csv")


@pytest.fixture
def items(board, other_board):
    july = MeetingFactory(board=board, date=datetime.date(2016, 7, 21), published=True)
    health = MeetingFactory(board=other_board, date=datetime.date(2016, 9, 1), published=True)
    return [
        TrackerItemFactory(source_meeting=july, text='=HYPERLINK("http://evil")'),
        TrackerItemFactory(source_meeting=health, text="Waiting times."),
    ]


def rows(response) -> list[list[str]]:
    return list(csv.reader(io.StringIO(response.content.decode())))


def test_it_asks_an_anonymous_visitor_to_sign_in(public):
    assert public.get(URL).url.startswith(reverse("login"))


@pytest.mark.parametrize("client_name", ["member_client", "other_member_client"])
def test_it_is_not_found_for_councillors(request, client_name, items):
    assert request.getfixturevalue(client_name).get(URL).status_code == 404


def test_it_refuses_a_post(coordinator_client):
    assert coordinator_client.post(URL).status_code == 405


def test_it_downloads_the_filtered_items_with_formulas_escaped(officer_client, items):
    response = officer_client.get(URL, {"board": "education-and-childrens-services"})

    assert response.status_code == 200
    assert response["Content-Disposition"] == 'attachment; filename="tracker.csv"'
    header, *body = rows(response)
    assert header[0] == "Meeting Date"
    assert len(body) == 1
    assert '\'=HYPERLINK("http://evil")' in body[0]
