"""Officers create, schedule, edit, cancel and move meetings (issue 4, item 2)."""

import datetime

import pytest
from django.urls import reverse

from boards.models import Council
from meetings import services
from meetings.models import AgendaItem, Meeting
from tests.factories import MeetingFactory, PostFactory, VenueFactory
from tests.meetings.agenda_support import D, give_standard_items

pytestmark = pytest.mark.django_db


@pytest.fixture
def venue():
    return VenueFactory(room="Diamond Room 2", building="Council House")


@pytest.fixture
def templated_board(board, venue):
    board.default_venue = venue
    board.default_start_time = datetime.time(10, 0)
    board.save()
    give_standard_items(board)
    return board


def test_a_new_meeting_takes_the_boards_defaults_and_standard_items(
    officer_client, templated_board, venue
):
    MeetingFactory(board=templated_board, date=D(2024, 10, 17), venue=venue)
    MeetingFactory(
        board=templated_board, date=D(2024, 11, 7), venue=venue, status=Meeting.Status.CANCELLED
    )

    response = officer_client.post(
        reverse("meetings:meeting_create"),
        {
            "board": templated_board.pk,
            "date_0": "28",
            "date_1": "11",
            "date_2": "2024",
            "start_time": "",
            "venue": "",
        },
    )

    meeting = Meeting.objects.get(board=templated_board, date=D(2024, 11, 28))
    assert response.status_code == 302
    assert response.url == reverse("meetings:agenda_builder", args=[meeting.pk])
    assert meeting.start_time == datetime.time(10, 0)
    assert meeting.venue == venue
    assert meeting.municipal_year.label == "2024/25"
    items = list(meeting.items.order_by("number"))
    assert [(i.number, i.title) for i in items] == [
        (1, "Apologies and Substitutions"),
        (2, "Declarations of Interests"),
        (3, "Minutes"),
        (4, "Outstanding Issues"),
        (5, "Work Programme"),
        (6, "Any Other Business"),
    ]
    # The cancelled 7 November meeting is skipped: the minutes are of 17 October.
    minutes = items[2]
    assert [(s.label, s.text) for s in minutes.sub_items.all()] == [
        ("a)", "To agree the minutes of the meeting held on 17th October, 2024."),
        ("b)", "Matters Arising"),
    ]
    assert items[5].description == Council.load().text_aob_description


def test_no_outstanding_issues_item_for_a_board_without_a_tracker(templated_board, officer):
    templated_board.keeps_tracker = False
    templated_board.save()

    meeting = services.meeting_create(board=templated_board, date=D(2024, 11, 28), user=officer)

    kinds = set(meeting.items.values_list("kind", flat=True))
    assert AgendaItem.Kind.OUTSTANDING_ISSUES not in kinds
    assert AgendaItem.Kind.MINUTES in kinds


def test_a_years_schedule_is_created_at_once(officer_client, templated_board):
    response = officer_client.post(
        reverse("meetings:meeting_schedule"),
        {"board": templated_board.pk, "dates": "11/07/2024\n17 October 2024\n28/11/2024\n"},
    )

    assert response.status_code == 302
    dates = list(Meeting.objects.filter(board=templated_board).values_list("date", flat=True))
    assert dates == [D(2024, 7, 11), D(2024, 10, 17), D(2024, 11, 28)]
    assert Meeting.objects.get(date=D(2024, 10, 17)).items.count() == 6


def test_a_schedule_with_a_bad_date_creates_nothing_and_keeps_the_text(
    officer_client, templated_board
):
    response = officer_client.post(
        reverse("meetings:meeting_schedule"),
        {"board": templated_board.pk, "dates": "11/07/2024\n31/02/2025\n"},
    )

    assert response.status_code == 200
    assert "These are not dates: 31/02/2025" in response.content.decode()
    assert "11/07/2024" in response.content.decode()
    assert not Meeting.objects.filter(board=templated_board).exists()


def test_a_schedule_clashing_with_a_meeting_creates_none(officer_client, templated_board):
    MeetingFactory(board=templated_board, date=D(2024, 10, 17), start_time=datetime.time(10))

    response = officer_client.post(
        reverse("meetings:meeting_schedule"),
        {"board": templated_board.pk, "dates": "11/07/2024\n17/10/2024"},
    )

    assert response.status_code == 200
    assert "already meets at this time on 17 October 2024" in response.content.decode()
    assert Meeting.objects.filter(board=templated_board).count() == 1


def _edit_data(meeting, version, **changes):
    data = {
        "date_0": meeting.date.day,
        "date_1": meeting.date.month,
        "date_2": meeting.date.year,
        "start_time": "10:00",
        "session_label": "",
        "venue": meeting.venue_id or "",
        "contact_officer": "",
        "signatory": "",
        "version": version,
    }
    data.update(changes)
    return data


def test_the_second_officer_to_save_a_meeting_is_told_and_keeps_their_text(
    officer_client, admin_client, board
):
    meeting = MeetingFactory(board=board, date=D(2024, 11, 28))
    url = reverse("meetings:meeting_edit", args=[meeting.pk])
    read_version = meeting.version

    first = officer_client.post(url, _edit_data(meeting, read_version, session_label="AM"))
    second = admin_client.post(url, _edit_data(meeting, read_version, session_label="PM"))

    assert first.status_code == 302
    assert second.status_code == 409
    page = second.content.decode()
    assert "Your changes have not been saved yet" in page
    assert 'value="PM"' in page  # what the second officer typed is kept
    meeting.refresh_from_db()
    assert meeting.session_label == "AM"
    # Saving again applies the second officer's change on top.
    again = admin_client.post(url, _edit_data(meeting, meeting.version, session_label="PM"))
    assert again.status_code == 302
    meeting.refresh_from_db()
    assert meeting.session_label == "PM"


@pytest.fixture
def published_meeting(board):
    return MeetingFactory(board=board, date=D(2025, 3, 27), published=True)


def _public_pages(client, meeting) -> dict[str, str]:
    return {
        "meeting": client.get(meeting.get_absolute_url()).content.decode(),
        "board": client.get(meeting.board.get_absolute_url()).content.decode(),
        "calendar": client.get(
            reverse("meetings:calendar") + f"?month={meeting.date:%Y-%m}"
        ).content.decode(),
        "ical": client.get(reverse("feeds:board_ics", args=[meeting.board.slug])).content.decode(),
    }


def test_a_cancelled_meeting_is_shown_cancelled_on_every_public_page(
    officer_client, public, published_meeting, time_machine
):
    time_machine.move_to(datetime.datetime(2025, 3, 1, 9, 0), tick=False)
    url = reverse("meetings:meeting_cancel", args=[published_meeting.pk])

    response = officer_client.post(url, {"version": published_meeting.version})

    assert response.status_code == 302
    published_meeting.refresh_from_db()
    assert published_meeting.status == Meeting.Status.CANCELLED  # the record is kept
    pages = _public_pages(public, published_meeting)
    pages["home"] = public.get(reverse("home")).content.decode()
    assert "This meeting has been cancelled." in pages["meeting"]
    assert "Cancelled" in pages["board"]
    assert "Cancelled" in pages["calendar"]
    assert "Cancelled" in pages["home"]
    assert "STATUS:CANCELLED" in pages["ical"]


def test_a_moved_meeting_keeps_and_shows_its_original_date(
    officer_client, public, published_meeting, time_machine
):
    time_machine.move_to(datetime.datetime(2025, 3, 1, 9, 0), tick=False)
    url = reverse("meetings:meeting_move", args=[published_meeting.pk])

    response = officer_client.post(
        url,
        {
            "date_0": "13",
            "date_1": "3",
            "date_2": "2025",
            "start_time": "14:00",
            "version": published_meeting.version,
        },
    )

    assert response.status_code == 302
    published_meeting.refresh_from_db()
    assert published_meeting.date == D(2025, 3, 13)
    assert published_meeting.moved_from_date == D(2025, 3, 27)
    assert published_meeting.status == Meeting.Status.MOVED
    pages = _public_pages(public, published_meeting)
    pages["home"] = public.get(reverse("home")).content.decode()
    assert "This meeting was moved from" in pages["meeting"]
    for name in ("board", "calendar", "home"):
        assert "Moved from 27 March 2025" in pages[name], name
    assert "DTSTART;TZID=Europe/London:20250313T140000" in pages["ical"]


def test_moving_twice_keeps_the_first_original_date(officer, board):
    meeting = MeetingFactory(board=board, date=D(2025, 3, 27))
    meeting = services.meeting_move(
        meeting=meeting, version=meeting.version, date=D(2025, 3, 13), user=officer
    )
    meeting = services.meeting_move(
        meeting=meeting, version=meeting.version, date=D(2025, 3, 20), user=officer
    )

    assert meeting.moved_from_date == D(2025, 3, 27)


def test_moving_onto_another_meeting_is_refused(officer_client, board):
    meeting = MeetingFactory(board=board, date=D(2025, 3, 27))
    MeetingFactory(board=board, date=D(2025, 3, 13), start_time=meeting.start_time)

    response = officer_client.post(
        reverse("meetings:meeting_move", args=[meeting.pk]),
        {"date_0": "13", "date_1": "3", "date_2": "2025", "version": meeting.version},
    )

    assert response.status_code == 200
    assert "already has a meeting at this date and time" in response.content.decode()


def test_the_meeting_history_says_who_changed_what(officer_client, officer, board):
    officer.first_name, officer.last_name = "Tom", "Robinson"
    officer.save()
    signatory = PostFactory(title="Chief Legal Officer")
    meeting = MeetingFactory(board=board, date=D(2024, 11, 28))
    url = reverse("meetings:meeting_edit", args=[meeting.pk])
    officer_client.post(
        url, _edit_data(meeting, meeting.version, session_label="PM", signatory=signatory.pk)
    )

    page = officer_client.get(reverse("meetings:meeting_history", args=[meeting.pk]))

    text = page.content.decode()
    assert page.status_code == 200
    assert "Tom Robinson" in text
    assert "Meeting changed" in text
    assert "Session label: – → PM" in text
    assert "Signatory: – → Chief Legal Officer" in text


def test_the_history_names_venues_and_items_in_words(officer_client, officer, board):
    give_standard_items(board)
    meeting = services.meeting_create(board=board, date=D(2024, 11, 28), user=officer)
    diamond = VenueFactory(room="Diamond Room 2", building="Council House")
    services.meeting_update(meeting=meeting, version=meeting.version, user=officer, venue=diamond)
    item = meeting.items.get(title="Work Programme")
    services.agenda_item_move(item=item, direction="up", user=officer)
    services.meeting_cancel(meeting=meeting, version=meeting.version + 1, user=officer)

    text = officer_client.get(
        reverse("meetings:meeting_history", args=[meeting.pk])
    ).content.decode()

    assert "→ Diamond Room 2 - Council House" in text
    assert "Status: Scheduled → Cancelled" in text
    assert "Number: 5 → 4" in text  # the move, and no parking number in between
    assert "Number: 4 → 5" in text
    assert "Number: 5 → 7" not in text
    assert "Agenda item created: 1. Apologies and Substitutions" in text


@pytest.mark.parametrize(
    "name",
    [
        "meeting_edit",
        "meeting_cancel",
        "meeting_move",
        "meeting_history",
        "agenda_builder",
        "item_add",
        "publication_check",
    ],
)
@pytest.mark.parametrize("client_name", ["public", "member_client", "coordinator_client"])
def test_only_officers_reach_the_meeting_pages(request, name, client_name, board):
    meeting = MeetingFactory(board=board, published=True)
    client = request.getfixturevalue(client_name)

    response = client.get(reverse(f"meetings:{name}", args=[meeting.pk]))

    if client_name == "public":
        assert response.status_code == 302  # sign in first
    else:
        assert response.status_code == 404


@pytest.mark.parametrize("name", ["dashboard", "meeting_create", "meeting_schedule"])
def test_members_and_the_coordinator_get_404_from_the_officer_pages(
    member_client, coordinator_client, name
):
    assert member_client.get(reverse(f"meetings:{name}")).status_code == 404
    assert coordinator_client.get(reverse(f"meetings:{name}")).status_code == 404


def test_a_member_cannot_post_to_the_officer_pages(member_client, board):
    meeting = MeetingFactory(board=board, published=True)
    item = AgendaItem.objects.create(meeting=meeting, number=1, title="Report")

    assert (
        member_client.post(
            reverse("meetings:meeting_cancel", args=[meeting.pk]), {"version": 1}
        ).status_code
        == 404
    )
    assert (
        member_client.post(
            reverse("meetings:item_move", args=[item.pk]), {"direction": "up"}
        ).status_code
        == 404
    )
    assert member_client.post(reverse("meetings:item_delete", args=[item.pk])).status_code == 404
    meeting.refresh_from_db()
    assert meeting.status == Meeting.Status.SCHEDULED
    assert AgendaItem.objects.filter(pk=item.pk).exists()
