"""The minutes' life (issue 6): draft → published as draft minutes → approved at the next
meeting; corrections after approval are recorded; publishing feeds the tracker once."""

import datetime

import pytest
from django.urls import reverse

from meetings.models import AgendaItem, MinuteRequest, MinutesCorrection, ResolutionPart
from recommendations.models import TrackerItem
from tests.factories import (
    AgendaItemFactory,
    MeetingFactory,
    MinuteFactory,
    ResolutionFactory,
    ResolutionPartFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def june(board):
    meeting = MeetingFactory(board=board, date=datetime.date(2016, 6, 16), published=True)
    MinuteFactory(meeting=meeting, number=1, title="Declarations of Interests")
    return meeting


@pytest.fixture
def july(board, june):
    meeting = MeetingFactory(board=board, date=datetime.date(2016, 7, 21), published=True)
    item = AgendaItemFactory(meeting=meeting, kind=AgendaItem.Kind.MINUTES, title="Minutes")
    MinuteFactory(meeting=meeting, number=8, title="Minutes", agenda_item=item)
    return meeting


@pytest.fixture
def flagged(board):
    """A July 2016 meeting whose minute 9 has three parts, two flagged, and a request."""
    meeting = MeetingFactory(board=board, date=datetime.date(2016, 7, 21), published=True)
    minute = MinuteFactory(meeting=meeting, number=9, title="Serious Case Review")
    resolution = ResolutionFactory(minute=minute)
    ResolutionPartFactory(resolution=resolution, text="Write to Government", tracker_kind="R")
    ResolutionPartFactory(
        resolution=resolution, text="Congratulate the individuals", tracker_kind="A"
    )
    ResolutionPartFactory(resolution=resolution, text="Noted", tracker_kind="")
    MinuteRequest.objects.create(
        minute=minute,
        position=1,
        kind="officer_undertaking",
        label="1.",
        text="Circulate the action plan",
        tracker_kind="I",
    )
    MinuteRequest.objects.create(
        minute=minute, position=2, kind="board_request", text="Not for the tracker"
    )
    return meeting


def test_publishing_makes_the_draft_minutes_public(council, officer_client, public, june):
    assert "Declarations of Interests" not in public.get(june.get_absolute_url()).content.decode()

    response = officer_client.post(reverse("meetings:minutes_publish", args=[june.pk]))

    assert response.status_code == 302
    june.refresh_from_db()
    assert june.minutes_published_at is not None
    assert june.minutes_status == "published"
    page = public.get(june.get_absolute_url()).content.decode()
    assert "Draft minutes" in page
    assert "1. Declarations of Interests" in page


def test_minutes_cannot_be_published_before_the_agenda(council, officer_client, board):
    meeting = MeetingFactory(board=board, date=datetime.date(2016, 7, 21))
    MinuteFactory(meeting=meeting, number=7)

    response = officer_client.post(
        reverse("meetings:minutes_publish", args=[meeting.pk]), follow=True
    )

    assert "Publish the agenda before publishing the minutes." in response.content.decode()
    meeting.refresh_from_db()
    assert meeting.minutes_published_at is None


def test_approval_at_the_next_meeting(council, officer_client, public, june, july):
    officer_client.post(reverse("meetings:minutes_publish", args=[june.pk]))
    manage = officer_client.get(reverse("meetings:minutes_manage", args=[july.pk]))
    assert manage.context["candidate"] == june

    response = officer_client.post(
        reverse("meetings:minutes_approve", args=[july.pk]), {"minutes_of": june.pk}
    )

    assert response.status_code == 302
    june.refresh_from_db()
    assert june.minutes_approved_at == july
    assert june.minutes_status == "approved"
    minutes_minute = july.minutes.get(number=8)
    assert minutes_minute.body_html.startswith(
        "<p>The minutes of the meeting held on 16th June, 2016 were agreed as a true record.</p>"
    )
    page = public.get(june.get_absolute_url()).content.decode()
    assert "Approved at the meeting on" in page
    # Nothing left to approve at July's meeting.
    manage = officer_client.get(reverse("meetings:minutes_manage", args=[july.pk]))
    assert manage.context["candidate"] is None
    again = officer_client.post(
        reverse("meetings:minutes_approve", args=[july.pk]), {"minutes_of": june.pk}
    )
    assert again.status_code == 404


def test_unpublished_minutes_cannot_be_approved(council, officer_client, june, july):
    response = officer_client.post(
        reverse("meetings:minutes_approve", args=[july.pk]), {"minutes_of": june.pk}
    )

    assert response.status_code == 404
    june.refresh_from_db()
    assert june.minutes_approved_at is None


def test_a_correction_after_approval_needs_a_reason_and_is_shown(
    council, officer, officer_client, public, june, july
):
    officer_client.post(reverse("meetings:minutes_publish", args=[june.pk]))
    officer_client.post(
        reverse("meetings:minutes_approve", args=[july.pk]), {"minutes_of": june.pk}
    )
    minute = june.minutes.get()
    edit = reverse("meetings:minute_edit", args=[june.pk, minute.pk])
    form = officer_client.get(edit).context["form"]
    data = {
        "number": "1",
        "title": "Declarations of Interests",
        "agenda_item": "",
        "body_html": "Councillor Bains declared an interest.",
        "discussion_intro": "",
        "discussion_points": "",
        "requests_intro": "",
        "preamble": "RESOLVED that",
        "label_style": "numeric_paren",
        "version": form.initial["version"],
        "parts-TOTAL_FORMS": "0",
        "parts-INITIAL_FORMS": "0",
        "requests-TOTAL_FORMS": "0",
        "requests-INITIAL_FORMS": "0",
        "reason": "",
    }

    refused = officer_client.post(edit, data)
    assert refused.status_code == 200
    assert "Say why you are correcting the approved minutes" in refused.content.decode()
    assert not MinutesCorrection.objects.exists()

    data["reason"] = "Councillor Bains's declaration was left out."
    assert officer_client.post(edit, data).status_code == 302

    correction = MinutesCorrection.objects.get()
    assert correction.made_by == officer
    assert "Councillor Bains declared an interest." in correction.what_changed
    page = public.get(june.get_absolute_url()).content.decode()
    assert "Corrections" in page
    assert "Councillor Bains&#x27;s declaration was left out." in page


def test_publishing_puts_flagged_parts_on_the_tracker_exactly_once(
    council, officer_client, flagged, django_capture_on_commit_callbacks
):
    url = reverse("meetings:minutes_publish", args=[flagged.pk])
    with django_capture_on_commit_callbacks(execute=True):
        officer_client.post(url)
    with django_capture_on_commit_callbacks(execute=True):
        officer_client.post(url)

    items = TrackerItem.objects.filter(source_meeting=flagged).order_by("position")
    assert [(i.kind, i.text) for i in items] == [
        ("R", "Write to Government"),
        ("A", "Congratulate the individuals"),
        ("I", "Circulate the action plan"),
    ]
    assert all(item.agenda_item_title == "Serious Case Review" for item in items)
    assert items[0].due_date == datetime.date(2016, 9, 21)  # two months for a recommendation
    part = ResolutionPart.objects.get(text="Write to Government")
    assert part.tracker_items.count() == 1


def test_a_part_flagged_after_publishing_is_added_without_duplicates(
    council, officer_client, flagged, django_capture_on_commit_callbacks
):
    url = reverse("meetings:minutes_publish", args=[flagged.pk])
    with django_capture_on_commit_callbacks(execute=True):
        officer_client.post(url)
    ResolutionPart.objects.filter(text="Noted").update(tracker_kind="A")

    with django_capture_on_commit_callbacks(execute=True):
        officer_client.post(url)

    assert TrackerItem.objects.filter(source_meeting=flagged).count() == 4


def test_boards_without_a_tracker_get_no_items(
    council, officer_client, flagged, django_capture_on_commit_callbacks
):
    flagged.board.keeps_tracker = False
    flagged.board.save()

    with django_capture_on_commit_callbacks(execute=True):
        officer_client.post(reverse("meetings:minutes_publish", args=[flagged.pk]))

    assert not TrackerItem.objects.exists()
