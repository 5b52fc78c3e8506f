"""The 21 July 2016 → 15 September 2016 chain of the demo rebuilt through the services.

The scrutiny co-ordinator marks the resolution parts of minutes 9, 10 and 11, adds the
two requests made in discussion (rows 2 and 4), and records the responses: the report for
15 September 2016 then reads as Appendix 1 of that agenda (seeds-coventry.md §3.4, §5.1).
"""

import datetime

import pytest

from boards.models import Person
from meetings.models import Meeting, Minute
from recommendations import demo
from recommendations.demo import tracker_2016
from recommendations.demo.education_board import SLUG
from recommendations.models import TrackerItem, TrackerItemReport
from recommendations.services import (
    outstanding_issues_report,
    outstanding_issues_report_record,
    tracker_csv_rows,
    tracker_item_create,
    tracker_item_create_from_part,
    tracker_item_respond,
)

d = datetime.date
PEOPLE = {"holmes": "Holmes", "walker": "Walker", "gregg": "Gregg", "rose": "Rose"}


def _meeting(day: datetime.date) -> Meeting:
    return Meeting.objects.get(board__slug=SLUG, date=day)


@pytest.fixture
def rebuilt(db, coordinator) -> list[TrackerItem]:
    """The demo with its tracker cleared, then rebuilt row by row through the services."""
    demo.load()
    TrackerItem.objects.all().delete()  # with their responses and report rows
    assert not TrackerItemReport.objects.exists()
    people = {key: Person.objects.get(surname=surname) for key, surname in PEOPLE.items()}
    source = _meeting(tracker_2016.SOURCE_MEETING)
    items = []
    for row in tracker_2016.TRACKER:
        minute = Minute.objects.get(meeting=source, number=row["minute"])
        common = {
            "kind": row["kind"],
            "text": row["text"],
            "user": coordinator,
            "responsible_text": row["responsible"],
            "responsible_person": people.get(row.get("responsible_person")),
            "officer_contacts": [people[key] for key in row["contacts"]],
        }
        if row["part"]:
            part = minute.resolution.parts.get(position=row["part"])
            item = tracker_item_create_from_part(part=part, **common)
        else:
            # Said in discussion, not resolved: no resolution part, no minuted request.
            item = tracker_item_create(
                board=source.board,
                source_meeting=source,
                agenda_item_title=minute.title,
                minute=minute,
                agenda_item=minute.agenda_item,
                **common,
            )
        for number, (day, text) in enumerate(row["responses"], start=1):
            item = tracker_item_respond(
                item=item,
                version=item.version,
                user=coordinator,
                date=day,
                text=text,
                complete=row["status"] == TrackerItem.Status.COMPLETE
                and number == len(row["responses"]),
            )
        items.append(item)
    return items


def test_marking_the_parts_and_requests_produces_the_eight_items_of_the_seed(rebuilt):
    items = list(TrackerItem.objects.order_by("position"))
    assert len(items) == 8
    assert [item.kind for item in items] == ["R", "A", "A", "I", "I", "A", "A", "A"]
    assert sorted(item.kind for item in items).count("A") == 5
    assert [item.responsible_text for item in items] == [
        row["responsible"] for row in tracker_2016.TRACKER
    ]
    assert [
        "/".join(p.full_name for p in item.officer_contacts.order_by("surname")) for item in items
    ] == [row["contact_text"] for row in tracker_2016.TRACKER]
    assert [item.resolution_part is None for item in items] == [
        False, True, False, True, False, False, False, False
    ]  # fmt: skip
    assert [item.status for item in items] == [row["status"] for row in tracker_2016.TRACKER]
    assert [item.completed_on for item in items] == [
        row.get("completed_on") for row in tracker_2016.TRACKER
    ]
    # Only the recommendation to the executive is due a response, two months on.
    assert [item.due_date for item in items] == [d(2016, 9, 21)] + [None] * 7


def test_the_report_for_15_september_2016_reads_as_the_seed(rebuilt):
    report = outstanding_issues_report(meeting=_meeting(tracker_2016.REPORTED_AT))
    assert [item.pk for item in report] == [item.pk for item in rebuilt]
    assert [("COMPLETE" in item.response_status) for item in report] == [
        True,
        True,
        False,
        False,
        False,
        True,
        False,
        True,
    ]
    assert report[0].response_status == (
        "Briefing note with recommendations sent 26/7/16. Acknowledgement received 26/7/16 COMPLETE"
    )
    assert report[6].officer_contact_text == "Gennie Holmes/Michelle Rose"
    # The seed's seven columns, cell for cell.
    rows = [row[:7] for row in tracker_csv_rows(items=report)][1:]
    assert rows == tracker_2016.report_rows()


def test_once_shown_complete_the_four_items_leave_the_next_report_but_stay_on_the_tracker(
    rebuilt,
):
    september = _meeting(tracker_2016.REPORTED_AT)
    assert outstanding_issues_report_record(meeting=september) == 8
    assert TrackerItemReport.objects.filter(meeting=september, status_shown="complete").count() == 4

    october = _meeting(d(2016, 10, 13))
    remaining = outstanding_issues_report(meeting=october)
    assert [item.position for item in remaining] == [3, 4, 5, 7]
    assert not any(item.is_complete for item in remaining)
    assert TrackerItem.objects.count() == 8
    assert TrackerItem.objects.filter(status="complete").count() == 4


def test_the_demo_records_the_same_report_the_service_would(db):
    """The demo loader writes the 15 September 2016 report rows itself; they agree."""
    demo.load()
    september = _meeting(tracker_2016.REPORTED_AT)
    loaded = set(
        TrackerItemReport.objects.filter(meeting=september).values_list(
            "tracker_item", "status_shown"
        )
    )
    outstanding_issues_report_record(meeting=september)
    recorded = set(
        TrackerItemReport.objects.filter(meeting=september).values_list(
            "tracker_item", "status_shown"
        )
    )
    assert len(loaded) == 8
    assert recorded == loaded
