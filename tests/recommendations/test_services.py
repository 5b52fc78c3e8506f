"""The tracker services the screens call: due dates, creating, editing, responding."""

import datetime

import pytest
from django.core.exceptions import ValidationError

from boards.models import Council
from recommendations.models import TrackerItem
from recommendations.services import (
    TrackerItemConflict,
    outstanding_issues_report,
    outstanding_issues_report_record,
    tracker_item_create,
    tracker_item_create_from_part,
    tracker_item_due_date,
    tracker_item_respond,
    tracker_item_update,
)
from tests.factories import MeetingFactory, PersonFactory, ResolutionPartFactory

d = datetime.date
R = TrackerItem.Kind.RECOMMENDATION
A = TrackerItem.Kind.ACTION
INFO = TrackerItem.Kind.INFORMATION


@pytest.mark.parametrize(
    ("meeting_date", "due"),
    [
        (d(2016, 7, 21), d(2016, 9, 21)),
        (d(2016, 12, 31), d(2017, 2, 28)),
        (d(2015, 12, 31), d(2016, 2, 29)),  # leap year
        (d(2017, 1, 31), d(2017, 3, 31)),
        (d(2016, 11, 30), d(2017, 1, 30)),
        (d(2016, 2, 29), d(2016, 4, 29)),
        (d(2016, 12, 30), d(2017, 2, 28)),
        # The clocks change on 30 October 2016: dates only, so it makes no difference.
        (d(2016, 8, 30), d(2016, 10, 30)),
    ],
)
def test_a_recommendation_is_due_two_months_after_its_meeting_clamped_to_month_end(
    council, meeting_date, due
):
    assert tracker_item_due_date(meeting_date=meeting_date, kind=R, council=council) == due


def test_the_council_can_configure_three_months(council):
    council.tracker_response_months = 3
    council.save()
    assert tracker_item_due_date(meeting_date=d(2016, 11, 30), kind=R) == d(2017, 2, 28)
    assert tracker_item_due_date(meeting_date=d(2016, 7, 21), kind=R) == d(2016, 10, 21)


@pytest.mark.parametrize("kind", [A, INFO])
def test_actions_and_information_requests_have_no_due_date(council, kind):
    assert tracker_item_due_date(meeting_date=d(2016, 7, 21), kind=kind, council=council) is None


@pytest.fixture
def meeting(board):
    return MeetingFactory(board=board, date=d(2016, 7, 21))


@pytest.fixture
def item(meeting, coordinator, council) -> TrackerItem:
    return tracker_item_create(
        board=meeting.board,
        source_meeting=meeting,
        kind=R,
        text="Write to Government regarding funding.",
        agenda_item_title="Serious Case Review",
        user=coordinator,
        internal_notes="Cabinet Member reluctant; chase in person.",
    )


def test_creating_an_item_sets_its_due_date_position_and_history_user(item, meeting, coordinator):
    second = tracker_item_create(
        board=meeting.board,
        source_meeting=meeting,
        kind=A,
        text="A letter of thanks.",
        agenda_item_title="Serious Case Review",
        user=coordinator,
        officer_contacts=[PersonFactory(surname="Holmes")],
    )
    assert (item.due_date, item.position, item.version) == (d(2016, 9, 21), 1, 1)
    assert (second.due_date, second.position) == (None, 2)
    assert [p.surname for p in second.officer_contacts.all()] == ["Holmes"]
    assert item.history.get().history_user == coordinator


def test_an_item_must_come_from_a_meeting_of_its_board(meeting, other_board, coordinator):
    with pytest.raises(ValidationError):
        tracker_item_create(
            board=other_board,
            source_meeting=meeting,
            kind=A,
            text="A letter.",
            agenda_item_title="SCR",
            user=coordinator,
        )


def test_marking_a_resolution_part_links_its_minute_and_sets_its_kind(meeting, coordinator):
    part = ResolutionPartFactory(
        resolution__minute__meeting=meeting,
        resolution__minute__title="Improvement Board Progress Review",
        tracker_kind="",
    )
    item = tracker_item_create_from_part(
        part=part, kind=A, text="Invite the new Chair.", user=coordinator
    )
    part.refresh_from_db()
    assert part.tracker_kind == A
    assert item.minute == part.resolution.minute
    assert item.source_meeting == meeting
    assert item.board == meeting.board
    assert item.agenda_item_title == "Improvement Board Progress Review"
    assert item.resolution_part == part


def test_a_resolution_part_goes_on_the_tracker_only_once(meeting, coordinator):
    part = ResolutionPartFactory(resolution__minute__meeting=meeting)
    tracker_item_create_from_part(part=part, kind=R, text="Write.", user=coordinator)
    with pytest.raises(ValidationError, match="This resolution part is already on the tracker"):
        tracker_item_create_from_part(part=part, kind=R, text="Write again.", user=coordinator)
    assert TrackerItem.objects.count() == 1


def test_updating_an_item_bumps_its_version_and_records_who(item, officer):
    holmes = PersonFactory(surname="Holmes")
    updated = tracker_item_update(
        item=item, version=1, user=officer, text="Write to the Minister.", officer_contacts=[holmes]
    )
    item.refresh_from_db()
    assert (item.text, item.version) == ("Write to the Minister.", 2)
    assert updated.version == 2
    assert list(item.officer_contacts.all()) == [holmes]
    assert item.history.latest().history_user == officer


def test_a_stale_update_is_refused_with_the_current_item(item, officer, coordinator):
    tracker_item_update(item=item, version=1, user=officer, text="The officer's wording.")
    with pytest.raises(TrackerItemConflict) as conflict:
        tracker_item_update(item=item, version=1, user=coordinator, text="The co-ordinator's.")
    assert conflict.value.current.text == "The officer's wording."
    assert conflict.value.current.version == 2
    item.refresh_from_db()
    assert (item.text, item.version) == ("The officer's wording.", 2)


def test_update_refuses_fields_it_does_not_own(item, officer):
    with pytest.raises(TypeError):
        tracker_item_update(item=item, version=1, user=officer, status="complete")


def test_changing_an_action_into_a_recommendation_gives_it_a_due_date(meeting, coordinator):
    action = tracker_item_create(
        board=meeting.board,
        source_meeting=meeting,
        kind=A,
        text="A letter.",
        agenda_item_title="SCR",
        user=coordinator,
    )
    updated = tracker_item_update(item=action, version=1, user=coordinator, kind=R)
    assert updated.due_date == d(2016, 9, 21)


def test_a_response_puts_an_item_in_progress_and_completion_completes_it(item, officer):
    item = tracker_item_respond(
        item=item, version=1, user=officer, date=d(2016, 7, 26), text="Briefing note sent 26/7/16."
    )
    assert (item.status, item.completed_on, item.version) == ("in_progress", None, 2)
    item = tracker_item_respond(
        item=item,
        version=2,
        user=officer,
        date=d(2016, 7, 27),
        text="Acknowledgement received.",
        from_text="Cabinet Member",
        complete=True,
    )
    item.refresh_from_db()
    assert (item.status, item.completed_on, item.version) == ("complete", d(2016, 7, 27), 3)
    assert [(r.text, r.recorded_by) for r in item.responses.all()] == [
        ("Briefing note sent 26/7/16.", officer),
        ("Acknowledgement received.", officer),
    ]
    assert item.history.latest().history_user == officer


def test_a_stale_response_is_refused_and_not_recorded(item, officer, coordinator):
    tracker_item_respond(item=item, version=1, user=officer, date=d(2016, 7, 26), text="First.")
    with pytest.raises(TrackerItemConflict):
        tracker_item_respond(
            item=item, version=1, user=coordinator, date=d(2016, 7, 26), text="Second."
        )
    assert [r.text for r in item.responses.all()] == ["First."]


def test_the_report_shows_an_item_completed_once_then_drops_it(item, meeting, officer):
    september = MeetingFactory(board=meeting.board, date=d(2016, 9, 15))
    october = MeetingFactory(board=meeting.board, date=d(2016, 10, 13))
    tracker_item_respond(
        item=item, version=1, user=officer, date=d(2016, 7, 26), text="Sent.", complete=True
    )
    [shown] = outstanding_issues_report(meeting=september)
    assert shown.response_status == "Sent. COMPLETE"
    assert outstanding_issues_report_record(meeting=september) == 1
    assert outstanding_issues_report_record(meeting=september) == 1  # idempotent
    assert outstanding_issues_report(meeting=october) == []
    # Recording the same meeting's report again does not hide it from that meeting.
    assert outstanding_issues_report(meeting=september) == [item]


def test_the_report_lists_only_earlier_meetings_of_the_board(item, meeting, other_board):
    assert outstanding_issues_report(meeting=meeting) == []
    assert (
        outstanding_issues_report(meeting=MeetingFactory(board=other_board, date=d(2016, 9, 15)))
        == []
    )


def test_the_due_date_follows_the_council_setting_at_creation(meeting, coordinator):
    Council.objects.filter(pk=Council.load().pk).update(tracker_response_months=3)
    item = tracker_item_create(
        board=meeting.board,
        source_meeting=meeting,
        kind=R,
        text="Write.",
        agenda_item_title="SCR",
        user=coordinator,
    )
    assert item.due_date == d(2016, 10, 21)
