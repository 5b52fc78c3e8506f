"""The first recommendations tracker: eight items from the meeting of 21 July 2016, as the
Outstanding Issues report of 15 September 2016 (Appendix 1) shows them."""

import datetime

from meetings.models import Minute
from recommendations.demo.education_board import SLUG
from recommendations.demo.loading import Loaded, resolution_part, upsert
from recommendations.models import TrackerItem, TrackerItemReport, TrackerResponse

d = datetime.date
SOURCE_MEETING = d(2016, 7, 21)
REPORTED_AT = d(2016, 9, 15)
# Responses the report prints without a date are dated by the pack that printed them.
PACK_PUBLISHED = d(2016, 9, 7)

COMPLETE = TrackerItem.Status.COMPLETE
IN_PROGRESS = TrackerItem.Status.IN_PROGRESS
OPEN = TrackerItem.Status.OPEN

# In the report's order. `part` is (minute, position) of the resolution part the row came
# from; rows 2 and 4 come from the minute's narrative, not from a resolution, nor from a
# request minuted outside it (the minutes of 21 July 2016 record none), so no row has a
# `minute_request`.
TRACKER = [
    {
        "minute": 9,
        "part": 1,
        "title": "Serious Case Review",
        "responsible": "Cabinet Member",
        "kind": "R",
        "text": "Requested that the Cabinet Member write to Government regarding Funding for the "
        "long-term support to victims of CSE into adulthood and also to support local targeted "
        "youth work to the most vulnerable to enable preventative targeted work and the "
        "collection of soft intelligence on CSE.",
        "contacts": ["holmes"],
        "contact_text": "Gennie Holmes",
        "status": COMPLETE,
        "completed_on": d(2016, 7, 26),
        # A recommendation to the executive is due a response within two months
        # (statutory scrutiny guidance, 2019).
        "due_date": d(2016, 9, 21),
        "responses": [
            (d(2016, 7, 26), "Briefing note with recommendations sent 26/7/16."),
            (d(2016, 7, 26), "Acknowledgement received 26/7/16"),
        ],
    },
    {
        "minute": 9,
        "part": None,
        "title": "Serious Case Review",
        "responsible": "",
        "kind": "A",
        "text": "A letter of thanks to Janet Mokades for all her work with the SB over the last "
        "few years representing the LSCB, as this would be their last meeting with her as Chair "
        "of the LSCB.",
        "contacts": ["holmes"],
        "contact_text": "Gennie Holmes",
        "status": COMPLETE,
        "completed_on": d(2016, 7, 26),
        "responses": [(d(2016, 7, 26), "Letter sent via email 26/7/16")],
    },
    {
        "minute": 9,
        "part": 2,
        "title": "Serious Case Review",
        "responsible": "LSCB",
        "kind": "A",
        "text": "The individuals noted in the report as evidencing good, determined practice be "
        "congratulated",
        "contacts": ["walker"],
        "contact_text": "Hardeep Walker",
        "status": OPEN,
        "responses": [],
    },
    {
        "minute": 9,
        "part": None,
        "title": "Serious Case Review",
        "responsible": "Members",
        "kind": "I",
        "text": "The action plan following the SCR with progress on recommendations is available "
        "to Members if they wish",
        "contacts": ["holmes"],
        "contact_text": "Gennie Holmes",
        "status": IN_PROGRESS,
        "responses": [
            (
                d(2016, 7, 27),
                "Email to Members of the Board asking them if they want the information 27/7/16",
            )
        ],
    },
    {
        "minute": 10,
        "part": 2,
        "title": "Early Help Strategy Progress Report",
        "responsible": "John Gregg",
        "responsible_person": "gregg",
        "kind": "I",
        "text": "The SB were keen to communicate to all providers including schools and "
        "nurseries a standardised definition of 'school ready' including a list of expectations "
        "ie be able to tie a shoe lace",
        "contacts": ["gregg"],
        "contact_text": "John Gregg",
        "status": OPEN,
        "responses": [],
    },
    {
        "minute": 10,
        "part": 1,
        "title": "Early Help Strategy Progress Report",
        "responsible": "",
        "kind": "A",
        "text": "Requested that they be kept informed about Early Help",
        "contacts": ["holmes"],
        "contact_text": "Gennie Holmes",
        "status": COMPLETE,
        "completed_on": PACK_PUBLISHED,
        "responses": [
            (
                PACK_PUBLISHED,
                "To be added to the work programme for next year for information only.",
            )
        ],
    },
    {
        "minute": 11,
        "part": 1,
        "title": "Improvement Board Progress Review",
        "responsible": "",
        "kind": "A",
        "text": "The new Chair of the Improvement Board be invited to the Scrutiny Board",
        "contacts": ["holmes", "rose"],
        "contact_text": "Gennie Holmes/Michelle Rose",
        "status": IN_PROGRESS,
        "responses": [
            (
                PACK_PUBLISHED,
                "The new Chair, Steve Hart, starts in September. Officers to check availability.",
            )
        ],
    },
    {
        "minute": 11,
        "part": 2,
        "title": "Improvement Board Progress Review",
        "responsible": "",
        "kind": "A",
        "text": "A letter of thanks be sent to Mark Rogers for his support to the Improvement "
        "Board.",
        "contacts": ["holmes"],
        "contact_text": "Gennie Holmes",
        "status": COMPLETE,
        "completed_on": d(2016, 7, 26),
        "responses": [(d(2016, 7, 26), "Letter sent 26/7/16")],
    },
]

REPORT_HEADERS = [
    "Meeting Date",
    "Agenda Item",
    "Cabinet Member/ Responsible Officer",
    "Rec', Action or Information",
    "Recommendations/ Actions",
    "Officer contact",
    "Response/ Status",
]


def report_rows() -> list[list[str]]:
    """Appendix 1 - Outstanding Issues as circulated with the 15 September 2016 agenda."""
    rows = []
    for row in TRACKER:
        response = " ".join(text for _, text in row["responses"])
        if row["status"] == COMPLETE:
            response = f"{response} COMPLETE".strip()
        rows.append(
            [
                "21st July 2016",
                row["title"],
                row["responsible"],
                row["kind"],
                row["text"],
                row["contact_text"],
                response,
            ]
        )
    return rows


def load(ctx: Loaded, minutes: dict[int, Minute]) -> None:
    board = ctx.boards[SLUG]
    source = ctx.meeting(SLUG, SOURCE_MEETING)
    report_meeting = ctx.meeting(SLUG, REPORTED_AT)
    for position, row in enumerate(TRACKER, start=1):
        minute = minutes[row["minute"]]
        person = row.get("responsible_person")
        tracker_item = upsert(
            TrackerItem,
            {"source_meeting": source, "position": position},
            board=board,
            agenda_item=minute.agenda_item,
            minute=minute,
            resolution_part=resolution_part(minutes, row["minute"], row["part"])
            if row["part"]
            else None,
            minute_request=None,
            agenda_item_title=row["title"],
            kind=row["kind"],
            text=row["text"],
            responsible_text=row["responsible"],
            responsible_person=ctx.people[person] if person else None,
            due_date=row.get("due_date"),
            status=row["status"],
            completed_on=row.get("completed_on"),
        )
        tracker_item.officer_contacts.set([ctx.people[key] for key in row["contacts"]])
        for day, text in row["responses"]:
            upsert(TrackerResponse, {"tracker_item": tracker_item, "date": day, "text": text})
        upsert(
            TrackerItemReport,
            {"tracker_item": tracker_item, "meeting": report_meeting},
            status_shown=row["status"],
        )
