"""The board's recommendation of 17 October 2024 to the Cabinet Member for Children and
Young People (minute 46, Child Friendly Cov, resolution part 2), still awaiting its
response.

The 28 November 2024 pack carries no outstanding-issues report, so the row is inferred
from the minutes: the kind (a recommendation to the executive), the responsible cabinet
member (the post's holder in 2024/25, Councillor P Seaman), and the officer contact (the
Director of Children and Education, whose briefing note the board considered). The
statutory two months ran out on 17 December 2024 with no response recorded: the demo's
overdue item, for the co-ordinator's "overdue" view.
"""

import datetime

from meetings.models import Minute
from recommendations.demo.education_board import SLUG
from recommendations.demo.loading import Loaded, upsert
from recommendations.models import TrackerItem
from recommendations.services import tracker_item_due_date

SOURCE_MEETING = datetime.date(2024, 10, 17)
MINUTE = 46
PART = 2
TEXT = (
    "That the Board's recommendations on Child Friendly Cov be forwarded to the Cabinet "
    "Member for Children and Young People: Safe Spaces in food hubs, community centres, "
    "libraries and licensed premises; Home Educators involved in all future work; "
    "secondary schools encouraged to take part in the survey; the Child Friendly Cov logo "
    "as a “Kitemark” in schools; continued engagement with Primary and Secondary Heads; "
    "and participation in Local Democracy Week."
)


def load(ctx: Loaded) -> None:
    source = ctx.meeting(SLUG, SOURCE_MEETING)
    minute = Minute.objects.get(meeting=source, number=MINUTE)
    part = minute.resolution.parts.get(position=PART)
    item = upsert(
        TrackerItem,
        {"source_meeting": source, "position": 1},
        board=ctx.boards[SLUG],
        agenda_item=minute.agenda_item,
        minute=minute,
        resolution_part=part,
        minute_request=None,
        agenda_item_title=minute.title,
        kind=TrackerItem.Kind.RECOMMENDATION,
        text=TEXT,
        responsible_text="Cabinet Member for Children and Young People",
        responsible_person=ctx.people["seaman"],
        due_date=tracker_item_due_date(
            meeting_date=SOURCE_MEETING, kind=TrackerItem.Kind.RECOMMENDATION
        ),
        status=TrackerItem.Status.OPEN,
        completed_on=None,
    )
    item.officer_contacts.set([ctx.people["sen"]])
