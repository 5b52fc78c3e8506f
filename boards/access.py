"""Access to boards and people: one helper per object type, 404 when unseen.

Boards and their memberships are public record. People are shown only when they sit on
a board or are councillors: the site is not a directory of council staff.
"""

from django.db.models import Exists, OuterRef, Q
from django.http import HttpRequest
from django.shortcuts import get_object_or_404

from boards.models import Board, Membership, Person


def get_board_for_user(request: HttpRequest, slug: str) -> Board:
    """An active board; retired boards answer 404."""
    return get_object_or_404(Board.objects.active(), slug=slug)


def get_person_for_user(request: HttpRequest, pk: int) -> Person:
    """A councillor, or anyone who has sat on a board (co-optees, invited members)."""
    has_membership = Exists(Membership.objects.filter(person_id=OuterRef("pk")))
    people = Person.objects.filter(Q(is_councillor=True) | Q(has_membership))
    return get_object_or_404(people.select_related("org_unit"), pk=pk)


def user_keeps_tracker(user) -> bool:
    """Officers and the scrutiny co-ordinator keep the recommendations tracker
    (design.md: "edit tracker and work programme"); superusers may too."""
    return bool(
        user.is_authenticated and (user.is_superuser or user.role in {"officer", "coordinator"})
    )
