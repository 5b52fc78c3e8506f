"""Shared set-up for the agenda tests: a board with the 2024 agenda template."""

import datetime

from meetings.models import AgendaItem, StandardItem

STANDARD_ITEMS = [
    (AgendaItem.Kind.APOLOGIES, "before", "Apologies and Substitutions"),
    (AgendaItem.Kind.DECLARATIONS, "before", "Declarations of Interests"),
    (AgendaItem.Kind.MINUTES, "before", "Minutes"),
    (AgendaItem.Kind.OUTSTANDING_ISSUES, "before", "Outstanding Issues"),
    (AgendaItem.Kind.WORK_PROGRAMME, "after", "Work Programme"),
    (AgendaItem.Kind.AOB, "after", "Any Other Business"),
]

D = datetime.date


def give_standard_items(board) -> None:
    for position, (kind, placement, title) in enumerate(STANDARD_ITEMS, start=1):
        StandardItem.objects.create(
            board=board, position=position, kind=kind, placement=placement, title=title
        )


def titles(meeting) -> list[tuple[int, str, str]]:
    return [(i.number, i.section, i.title) for i in meeting.items.order_by("number")]
