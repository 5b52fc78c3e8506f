"""A second, smaller board so that access rules have two boards to tell apart.

Not from the seed packs: its members, meetings and papers are illustrative, and the
board's remit says so. One meeting is published with an exempt item; the next is not
yet published.
"""

import datetime

from boards.models import Board, Membership, Post
from meetings.models import AgendaItem
from recommendations.demo.council import councillor, load_people
from recommendations.demo.education_board import AOB, load_memberships, load_standard_items
from recommendations.demo.loading import (
    Loaded,
    author,
    document,
    item,
    load_agenda,
    load_meetings,
    upsert,
)
from recommendations.demo.text import briefing_note, paragraphs

d = datetime.date
SLUG = "finance-and-corporate-services-scrutiny-board-1"
NAME = "Finance and Corporate Services Scrutiny Board (1)"
FINANCE_POST = "Director of Finance and Resources"
Kind = AgendaItem.Kind

PEOPLE = {
    "ashworth": councillor("R", "Ashworth"),
    "brennan": councillor("T", "Brennan"),
    "okafor": councillor("F", "Okafor"),
    "pryce": councillor("D", "Pryce"),
    "whitmore": councillor("L", "Whitmore"),
}

MEMBERSHIPS = {
    "2024/25": [
        ("ashworth", Membership.Role.CHAIR, ""),
        ("brennan", Membership.Role.MEMBER, ""),
        ("okafor", Membership.Role.MEMBER, ""),
        ("pryce", Membership.Role.MEMBER, ""),
        ("whitmore", Membership.Role.MEMBER, ""),
    ]
}

MEETINGS = [
    {
        "date": d(2024, 12, 4),
        "time": datetime.time(10),
        "venue": "diamond-room",
        "contact": "robinson",
        "signatory": "Chief Legal Officer",
        "published": d(2024, 11, 26),
    },
    {
        "date": d(2025, 2, 5),
        "time": datetime.time(10),
        "venue": "diamond-room",
        "contact": "robinson",
        "signatory": "Chief Legal Officer",
    },
]

BY_FINANCE = ("briefing_note", FINANCE_POST)
# The illustrative papers are signed by the post: no one holds it in the demo.
BY_POST = author(FINANCE_POST)
TO_LINE = NAME

MEDIUM_TERM = document(
    "Medium Term Financial Strategy 2025/26 Update",
    briefing_note(
        purpose="To update the Board on the council's medium term financial strategy before "
        "the 2025/26 budget is set.",
        stem="Members are recommended to:",
        recommendations=[
            "Note the forecast budget gap",
            "Identify any recommendations for the Cabinet Member",
        ],
        sections=[
            ("Background", ["Demonstration text: an outline of the council's forecast budget."]),
        ],
    ),
    to_line=TO_LINE,
    authors=(BY_POST,),
)

CONTRACT_AWARD = document(
    "Council House Repairs - Contract Award",
    paragraphs(
        "Demonstration text standing in for an exempt paper: the tenders received for repairs "
        "to the Council House, the bidders' prices and the recommended award."
    ),
    to_line=TO_LINE,
    restricted=(3,),
)

COUNCIL_TAX = document(
    "Council Tax Support Scheme 2025/26",
    briefing_note(
        purpose="To seek the Board's views on the proposed Council Tax Support Scheme.",
        stem="Members are recommended to:",
        recommendations=["Comment on the proposed scheme"],
        sections=[("Background", ["Demonstration text: the draft scheme, not yet published."])],
    ),
    to_line=TO_LINE,
    authors=(BY_POST,),
)

AGENDAS = {
    d(2024, 12, 4): [
        item(1, Kind.APOLOGIES, "Apologies and Substitutions"),
        item(2, Kind.DECLARATIONS, "Declarations of Interests"),
        item(
            3,
            Kind.EXCLUSION,
            "Exclusion of Press and Public",
            description="To consider whether to exclude the press and public for the item(s) "
            "of private business for the reasons shown in the report.",
        ),
        item(
            4,
            Kind.REPORT,
            "Medium Term Financial Strategy 2025/26 Update",
            by=BY_FINANCE,
            documents=(MEDIUM_TERM,),
        ),
        item(5, Kind.AOB, "Any Other Business", description=AOB),
        item(
            6,
            Kind.REPORT,
            "Council House Repairs - Contract Award",
            by=BY_FINANCE,
            private=(3,),
            documents=(CONTRACT_AWARD,),
        ),
    ],
    d(2025, 2, 5): [
        item(1, Kind.APOLOGIES, "Apologies and Substitutions"),
        item(2, Kind.DECLARATIONS, "Declarations of Interests"),
        item(
            3,
            Kind.MINUTES,
            "Minutes",
            sub=(
                "a) To agree the minutes of the meeting held on 4th December 2024.",
                "b) Matters Arising",
            ),
        ),
        item(
            4,
            Kind.REPORT,
            "Council Tax Support Scheme 2025/26",
            by=BY_FINANCE,
            documents=(COUNCIL_TAX,),
        ),
        item(5, Kind.AOB, "Any Other Business", description=AOB),
    ],
}


def load(ctx: Loaded) -> None:
    load_people(ctx, PEOPLE)
    ctx.posts[FINANCE_POST] = upsert(Post, {"title": FINANCE_POST}, org_unit=None, holder=None)
    board = upsert(
        Board,
        {"slug": SLUG},
        name=NAME,
        short_name="Scrutiny Board 1",
        number=1,
        kind=Board.Kind.SCRUTINY_BOARD,
        remit="Demonstration board: its members, meetings and papers are illustrative and do "
        "not come from Coventry's published records.",
        default_venue=ctx.venues["diamond-room"],
        default_start_time=datetime.time(10),
        keeps_tracker=False,
        scrutiny_coordinator=ctx.people["holmes"],
    )
    board.governance_contacts.set([ctx.people["robinson"]])
    ctx.boards[SLUG] = board
    load_standard_items(board)
    load_memberships(ctx, board, MEMBERSHIPS)
    load_meetings(ctx, SLUG, MEETINGS)
    for day, items in AGENDAS.items():
        load_agenda(ctx, ctx.meeting(SLUG, day), items)
