"""Workflows over several meeting records: keyword-only functions named <entity>_<action>."""

from django.db import transaction

from boards.models import Council
from meetings.models import AgendaItem, Meeting


def _exclusion_position(public: list[AgendaItem]) -> int:
    """Where the exclusion item goes: straight after Declarations of Interests (as in
    Coventry's 2024 agendas), or after Apologies, or first."""
    for kind in (AgendaItem.Kind.DECLARATIONS, AgendaItem.Kind.APOLOGIES):
        for index, item in enumerate(public):
            if item.kind == kind:
                return index + 1
    return 0


@transaction.atomic
def agenda_renumber(*, meeting: Meeting) -> list[AgendaItem]:
    """Put a meeting's agenda in order and number it 1..n.

    Public items come first and private items continue the numbering (Coventry's
    28 November 2024 agenda: items 1-9 public, 10 private). When there is private
    business the "Exclusion of Press and Public" item is added, since the press and
    public may only be excluded by resolution (LGA 1972 s100A(4)); when there is none
    it is removed and the agenda prints "Private Business: Nil".
    """
    items = list(meeting.items.select_for_update().order_by("number"))
    private = [item for item in items if item.is_private]
    exclusions = [item for item in items if item.kind == AgendaItem.Kind.EXCLUSION]
    public = [
        item for item in items if not item.is_private and item.kind != AgendaItem.Kind.EXCLUSION
    ]

    if private:
        exclusion = exclusions[0] if exclusions else None
        for extra in exclusions[1:]:
            extra.delete()
        if exclusion is None:
            council = Council.load()
            exclusion = AgendaItem(
                meeting=meeting,
                kind=AgendaItem.Kind.EXCLUSION,
                title=council.text_exclusion_item,
                description=council.text_exclusion_description,
            )
        public.insert(_exclusion_position(public), exclusion)
    else:
        for exclusion in exclusions:
            exclusion.delete()

    ordered = public + private
    # Two passes so that no intermediate state breaks meetings_agendaitem_unique_number.
    clear_of = max([item.number for item in items if item.pk] + [len(ordered)]) + 1
    # The parking numbers are written with update(), which leaves no history entry: the
    # meeting's history shows each item's real move, "Number: 7 → 8", and nothing between.
    final = {id(item): number for number, item in enumerate(ordered, start=1)}
    moving = [item for item in ordered if item.pk and item.number != final[id(item)]]
    for offset, item in enumerate(moving):
        AgendaItem.objects.filter(pk=item.pk).update(number=clear_of + offset)
    for item in ordered:
        if not item.pk:
            item.number = final[id(item)]
            item.save()
        elif item in moving:
            item.number = final[id(item)]
            item.save(update_fields=["number"])
    return ordered
