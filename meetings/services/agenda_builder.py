"""The agenda builder: add, edit, reorder and delete a meeting's items.

Numbering is never typed: every change ends in `agenda_renumber`, which also adds or
removes the "Exclusion of Press and Public" item as private business comes and goes.
"""

from django.core.exceptions import ValidationError
from django.db import transaction

from meetings.models import AgendaItem, AgendaSubItem, Meeting
from meetings.services.agendas import agenda_renumber

# Standard items that close an agenda: new report items go before them.
CLOSING_KINDS = {
    AgendaItem.Kind.WORK_PROGRAMME,
    AgendaItem.Kind.AOB,
    AgendaItem.Kind.MEETING_EVALUATION,
}

ITEM_FIELDS = {
    "kind",
    "section",
    "title",
    "description",
    "document_type",
    "report_of",
    "report_of_suffix",
    "exempt_paragraphs",
    "documents_to_follow",
}


class AgendaItemConflict(Exception):
    """Someone else saved the item since it was read; `current` is the item as now saved."""

    def __init__(self, current: AgendaItem) -> None:
        self.current = current
        super().__init__("Someone else has changed this agenda item since you opened it.")


def _sub_item_lines(text: str) -> list[tuple[str, str]]:
    """ "a) To agree …" lines → [("a)", "To agree …")]; labels are given a), b), … in order."""
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    result = []
    for index, line in enumerate(lines):
        label = f"{chr(ord('a') + index)})" if index < 26 else f"{index + 1})"
        head, _, rest = line.partition(" ")
        if rest and len(head) <= 4 and head.endswith(")"):
            line = rest.strip()
        result.append((label, line))
    return result


def _set_sub_items(item: AgendaItem, text: str) -> None:
    item.sub_items.all().delete()
    AgendaSubItem.objects.bulk_create(
        AgendaSubItem(agenda_item=item, position=position, label=label, text=line[:500])
        for position, (label, line) in enumerate(_sub_item_lines(text), start=1)
    )


def _validated(item: AgendaItem) -> None:
    if item.kind == AgendaItem.Kind.EXCLUSION:
        raise ValidationError({"kind": "The exclusion item is added and removed automatically."})
    if item.section == AgendaItem.Section.PUBLIC:
        item.exempt_paragraphs = ()
    item.full_clean(exclude=["number"])


@transaction.atomic
def agenda_item_create(*, meeting: Meeting, user=None, sub_items: str = "", **fields) -> AgendaItem:
    """A new item: public ones go before the closing standard items (work programme, any
    other business), private ones at the end of private business."""
    unknown = set(fields) - ITEM_FIELDS
    if unknown:
        raise TypeError(f"agenda_item_create() cannot set {', '.join(sorted(unknown))}")
    items = list(meeting.items.select_for_update().order_by("number"))
    item = AgendaItem(meeting=meeting, **fields)
    _validated(item)
    if item.section == AgendaItem.Section.PUBLIC:
        closing = [
            other.number
            for other in items
            if other.kind in CLOSING_KINDS and other.section == AgendaItem.Section.PUBLIC
        ]
        before = min(closing) if closing else None
    else:
        before = None
    # Make room: shift the items from `before` onwards up by one (highest first).
    top = max((other.number for other in items), default=0)
    if before is None:
        item.number = top + 1
    else:
        for other in sorted(items, key=lambda i: -i.number):
            if other.number >= before:
                other.number += 1
                other.save(update_fields=["number"])
        item.number = before
    item._history_user = user
    item.save()
    if sub_items:
        _set_sub_items(item, sub_items)
    agenda_renumber(meeting=meeting)
    item.refresh_from_db()
    return item


@transaction.atomic
def agenda_item_update(
    *, item: AgendaItem, version: int, user=None, sub_items: str | None = None, **fields
) -> AgendaItem:
    """Change an item, unless someone else has since it was read (AgendaItemConflict)."""
    unknown = set(fields) - ITEM_FIELDS
    if unknown:
        raise TypeError(f"agenda_item_update() cannot change {', '.join(sorted(unknown))}")
    current = AgendaItem.objects.select_for_update().get(pk=item.pk)
    if current.version != version:
        raise AgendaItemConflict(AgendaItem.objects.select_related("report_of").get(pk=item.pk))
    section_changed = "section" in fields and fields["section"] != current.section
    for name, value in fields.items():
        setattr(current, name, value)
    if current.kind == AgendaItem.Kind.EXCLUSION:
        # Its title and wording may be edited; it comes and goes with the private business.
        if set(fields) - {"title", "description"}:
            raise ValidationError(
                "Only the title and wording of the exclusion item can be changed."
            )
        current.full_clean(exclude=["number"])
    else:
        _validated(current)
    current.version += 1
    current._history_user = user
    if section_changed:
        # Private items continue the numbering after public business: move to the end.
        top = current.meeting.items.exclude(pk=current.pk).order_by("-number").first()
        current.number = (top.number if top else 0) + 1
    current.save()
    if sub_items is not None:
        _set_sub_items(current, sub_items)
    agenda_renumber(meeting=current.meeting)
    current.refresh_from_db()
    return current


@transaction.atomic
def agenda_item_move(*, item: AgendaItem, direction: str, user=None) -> bool:
    """Move an item one place up or down within its section; the numbering follows.

    The exclusion item keeps its place (after declarations of interests). Returns
    False when the item is already first or last.
    """
    if direction not in {"up", "down"}:
        raise ValueError("direction is 'up' or 'down'")
    meeting = item.meeting
    items = [
        other
        for other in meeting.items.select_for_update().order_by("number")
        if other.section == item.section and other.kind != AgendaItem.Kind.EXCLUSION
    ]
    index = next((i for i, other in enumerate(items) if other.pk == item.pk), None)
    if index is None:
        return False
    neighbour_index = index - 1 if direction == "up" else index + 1
    if not 0 <= neighbour_index < len(items):
        return False
    current, neighbour = items[index], items[neighbour_index]
    # Swap through a free number so that the unique number constraint always holds; the
    # parking number is written with update() so that the history shows only the swap.
    top = meeting.items.order_by("-number").values_list("number", flat=True).first() or 0
    first, second = current.number, neighbour.number
    AgendaItem.objects.filter(pk=current.pk).update(number=top + 1)
    for moved, number in ((neighbour, first), (current, second)):
        moved.number = number
        moved._history_user = user
        moved.save(update_fields=["number"])
    agenda_renumber(meeting=meeting)
    return True


@transaction.atomic
def agenda_item_delete(*, item: AgendaItem, user=None) -> None:
    """Delete an item with its sub-items and papers; the numbering closes up."""
    if item.kind == AgendaItem.Kind.EXCLUSION:
        raise ValidationError(
            "The exclusion item is removed automatically when there is no private business."
        )
    meeting = item.meeting
    item._history_user = user
    item.delete()
    agenda_renumber(meeting=meeting)
