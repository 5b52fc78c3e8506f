"""Agenda numbering (meetings.services.agenda_renumber; seeds-coventry.md §8 rules 1-2).

Items run 1..n, public first and private continuing (28 November 2024: items 1-9 public,
10 private). With private business the "Exclusion of Press and Public" item is item 3,
straight after Declarations of Interests; without it the agenda prints "Nil".
"""

import datetime

import pytest

from meetings.models import AgendaItem
from meetings.services import agenda_renumber
from tests.factories import AgendaItemFactory, MeetingFactory

pytestmark = pytest.mark.django_db

Kind = AgendaItem.Kind


def agenda(meeting) -> list[tuple[int, str, str]]:
    """The agenda as the database holds it: (number, title, section) in number order."""
    return list(meeting.items.order_by("number").values_list("number", "title", "section"))


@pytest.fixture
def meeting(council, board):
    """28 November 2024 with its public agenda only, in the order an officer typed it."""
    meeting = MeetingFactory(board=board, date=datetime.date(2024, 11, 28))
    for kind, title in [
        (Kind.APOLOGIES, "Apologies and Substitutions"),
        (Kind.DECLARATIONS, "Declarations of Interests"),
        (Kind.MINUTES, "Minutes"),
        (Kind.REPORT, "Holiday Activities and Food Programme"),
        (Kind.WORK_PROGRAMME, "Work Programme 2024-25"),
        (Kind.AOB, "Any Other Business"),
    ]:
        AgendaItemFactory(meeting=meeting, kind=kind, title=title)
    return meeting


def add_private_item(meeting, number: int | None = None) -> AgendaItem:
    return AgendaItemFactory(
        meeting=meeting,
        private=True,
        title="Homes for Children in Care - Update Report",
        **({"number": number} if number else {}),
    )


def test_an_agenda_without_private_business_has_no_exclusion_item(meeting):
    agenda_renumber(meeting=meeting)

    assert agenda(meeting) == [
        (1, "Apologies and Substitutions", "public"),
        (2, "Declarations of Interests", "public"),
        (3, "Minutes", "public"),
        (4, "Holiday Activities and Food Programme", "public"),
        (5, "Work Programme 2024-25", "public"),
        (6, "Any Other Business", "public"),
    ]
    assert not meeting.has_private_business


def test_private_business_adds_the_exclusion_item_as_item_3(meeting, council):
    add_private_item(meeting)

    agenda_renumber(meeting=meeting)

    assert agenda(meeting) == [
        (1, "Apologies and Substitutions", "public"),
        (2, "Declarations of Interests", "public"),
        (3, "Exclusion of Press and Public", "public"),
        (4, "Minutes", "public"),
        (5, "Holiday Activities and Food Programme", "public"),
        (6, "Work Programme 2024-25", "public"),
        (7, "Any Other Business", "public"),
        (8, "Homes for Children in Care - Update Report", "private"),
    ]
    exclusion = meeting.items.get(kind=Kind.EXCLUSION)
    assert exclusion.description == council.text_exclusion_description


def test_a_private_item_typed_early_still_follows_all_public_items(meeting):
    for item in meeting.items.filter(number__gte=3).order_by("-number"):
        item.number += 1
        item.save()
    add_private_item(meeting, number=3)

    agenda_renumber(meeting=meeting)

    numbers_and_sections = [(number, section) for number, _, section in agenda(meeting)]
    assert numbers_and_sections == [(n, "public") for n in range(1, 8)] + [(8, "private")]


def test_renumbering_twice_changes_nothing(meeting):
    add_private_item(meeting)
    agenda_renumber(meeting=meeting)
    first = agenda(meeting)

    agenda_renumber(meeting=meeting)

    assert agenda(meeting) == first
    assert meeting.items.filter(kind=Kind.EXCLUSION).count() == 1


def test_a_second_exclusion_item_is_removed(meeting):
    add_private_item(meeting)
    agenda_renumber(meeting=meeting)
    AgendaItemFactory(meeting=meeting, kind=Kind.EXCLUSION, title="Exclusion of Press and Public")

    agenda_renumber(meeting=meeting)

    assert meeting.items.filter(kind=Kind.EXCLUSION).count() == 1
    assert [number for number, _, _ in agenda(meeting)] == list(range(1, 9))


def test_removing_the_private_item_removes_the_exclusion_item(meeting):
    private = add_private_item(meeting)
    agenda_renumber(meeting=meeting)

    private.delete()
    agenda_renumber(meeting=meeting)

    assert not meeting.items.filter(kind=Kind.EXCLUSION).exists()
    assert [number for number, _, _ in agenda(meeting)] == list(range(1, 7))


def test_making_the_private_item_public_removes_the_exclusion_item(meeting):
    private = add_private_item(meeting)
    agenda_renumber(meeting=meeting)
    private.refresh_from_db()

    private.section = AgendaItem.Section.PUBLIC
    private.exempt_paragraphs = ()
    private.save()
    agenda_renumber(meeting=meeting)

    assert not meeting.has_private_business
    assert not meeting.items.filter(kind=Kind.EXCLUSION).exists()
    assert agenda(meeting)[-1] == (7, "Homes for Children in Care - Update Report", "public")
    assert [number for number, _, _ in agenda(meeting)] == list(range(1, 8))


def test_without_declarations_the_exclusion_item_follows_apologies(council, board):
    meeting = MeetingFactory(board=board)
    AgendaItemFactory(meeting=meeting, kind=Kind.APOLOGIES, title="Apologies")
    AgendaItemFactory(meeting=meeting, kind=Kind.REPORT, title="Budget")
    add_private_item(meeting)

    agenda_renumber(meeting=meeting)

    assert [title for _, title, _ in agenda(meeting)] == [
        "Apologies",
        "Exclusion of Press and Public",
        "Budget",
        "Homes for Children in Care - Update Report",
    ]


def test_without_standard_items_the_exclusion_item_comes_first(council, board):
    meeting = MeetingFactory(board=board)
    AgendaItemFactory(meeting=meeting, kind=Kind.REPORT, title="Budget")
    add_private_item(meeting)

    agenda_renumber(meeting=meeting)

    assert [(number, title) for number, title, _ in agenda(meeting)] == [
        (1, "Exclusion of Press and Public"),
        (2, "Budget"),
        (3, "Homes for Children in Care - Update Report"),
    ]


def test_gaps_in_the_numbers_are_closed(council, board):
    meeting = MeetingFactory(board=board)
    for number in (2, 5, 9):
        AgendaItemFactory(meeting=meeting, number=number)

    returned = agenda_renumber(meeting=meeting)

    assert [item.number for item in returned] == [1, 2, 3]
    assert [number for number, _, _ in agenda(meeting)] == [1, 2, 3]
