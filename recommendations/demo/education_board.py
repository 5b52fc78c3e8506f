"""Education and Children's Services Scrutiny Board (2): the board, its agenda template
and its members in 2015/16, 2016/17 and 2024/25."""

import datetime

from boards.models import Board, Membership, MunicipalYear
from meetings.models import AgendaItem, StandardItem
from recommendations.demo.loading import Loaded, upsert

SLUG = "education-and-childrens-services-scrutiny-board-2"

BOARD = {
    "name": "Education and Children's Services Scrutiny Board (2)",
    "short_name": "Scrutiny Board 2",
    "number": 2,
    "kind": Board.Kind.SCRUTINY_BOARD,
    "remit": "Scrutiny of education, children's social care, early help and safeguarding.",
    "default_start_time": datetime.time(10, 0),
    "keeps_tracker": True,
}

AOB = (
    "Any other items of business which the Chair decides to take as matters of urgency "
    "because of the special circumstances involved."
)

# The 2024 agenda template. Exclusion of Press and Public is not here: agenda_renumber
# adds it when an agenda has private business.
STANDARD_ITEMS = [
    (
        AgendaItem.Kind.APOLOGIES,
        StandardItem.Placement.BEFORE_REPORTS,
        "Apologies and Substitutions",
    ),
    (
        AgendaItem.Kind.DECLARATIONS,
        StandardItem.Placement.BEFORE_REPORTS,
        "Declarations of Interests",
    ),
    (AgendaItem.Kind.MINUTES, StandardItem.Placement.BEFORE_REPORTS, "Minutes"),
    (AgendaItem.Kind.WORK_PROGRAMME, StandardItem.Placement.AFTER_REPORTS, "Work Programme"),
    (AgendaItem.Kind.AOB, StandardItem.Placement.AFTER_REPORTS, "Any Other Business"),
]

CHAIR = Membership.Role.CHAIR
MEMBER = Membership.Role.MEMBER
CO_OPTED = Membership.Role.CO_OPTED
BY_INVITATION = Membership.Role.BY_INVITATION

# 2015/16 as far as the attendance at 14 April 2016 shows it (present or apologies).
MEMBERSHIPS = {
    "2015/16": [
        ("mutton", CHAIR, ""),
        ("akhtar", MEMBER, ""),
        ("bains", MEMBER, ""),
        ("bigham", MEMBER, ""),
        ("kershaw", MEMBER, ""),
        ("lepoidevin", MEMBER, ""),
        ("miks", MEMBER, ""),
        ("noonan", MEMBER, ""),
        ("oboyle", MEMBER, ""),
        ("ruane", MEMBER, ""),
        ("seaman", MEMBER, ""),
        ("thomas-s", MEMBER, ""),
        ("hanson", CO_OPTED, ""),
        ("jones", CO_OPTED, ""),
        ("potter", CO_OPTED, ""),
    ],
    # The membership line of the 16 June and 15 September 2016 agendas.
    "2016/17": [
        ("akhtar", MEMBER, ""),
        ("bains", MEMBER, ""),
        ("gannon", MEMBER, ""),
        ("hanson", CO_OPTED, ""),
        ("jones", CO_OPTED, ""),
        ("kershaw", MEMBER, ""),
        ("lapsa", MEMBER, ""),
        ("lucas", MEMBER, ""),
        ("male", MEMBER, ""),
        ("maton", BY_INVITATION, ""),
        ("miks", MEMBER, ""),
        ("mutton", CHAIR, ""),
        ("potter", CO_OPTED, ""),
        ("ruane", BY_INVITATION, ""),
        ("seaman", BY_INVITATION, ""),
    ],
    # The membership and "By invitation" lines of the 28 November 2024 agenda.
    "2024/25": [
        ("birdi", MEMBER, ""),
        ("christopher", MEMBER, ""),
        ("gardiner", MEMBER, ""),
        ("hanson", CO_OPTED, ""),
        ("jackson", CO_OPTED, ""),
        ("lancaster", MEMBER, ""),
        ("nazir", MEMBER, ""),
        ("reeves", MEMBER, ""),
        ("thay", MEMBER, ""),
        ("thomas-ce", CHAIR, ""),
        ("tucker", MEMBER, ""),
        ("vohra", CO_OPTED, ""),
        ("sandhu", BY_INVITATION, "Cabinet Member for Education and Skills"),
        ("seaman", BY_INVITATION, "Cabinet Member for Children and Young People"),
    ],
}


def load(ctx: Loaded) -> None:
    board = upsert(
        Board,
        {"slug": SLUG},
        **BOARD,
        default_venue=ctx.venues["diamond-room"],
        scrutiny_coordinator=ctx.people["holmes"],
    )
    board.governance_contacts.set([ctx.people["robinson"]])
    ctx.boards[SLUG] = board
    load_standard_items(board)
    load_memberships(ctx, board, MEMBERSHIPS)


def load_standard_items(board: Board) -> None:
    for position, (kind, placement, title) in enumerate(STANDARD_ITEMS, start=1):
        upsert(
            StandardItem,
            {"board": board, "position": position},
            kind=kind,
            placement=placement,
            title=title,
            description=AOB if kind == AgendaItem.Kind.AOB else "",
        )


def load_memberships(
    ctx: Loaded, board: Board, memberships: dict[str, list[tuple[str, str, str]]]
) -> None:
    """Memberships for whole municipal years, May to May."""
    for label, rows in memberships.items():
        year: MunicipalYear = ctx.years[label]
        for person, role, capacity in rows:
            upsert(
                Membership,
                {"board": board, "person": ctx.people[person], "start_date": year.start_date},
                role=role,
                capacity=capacity,
                end_date=year.end_date,
            )
