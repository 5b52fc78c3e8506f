"""Who sees what (design.md): every `visible_to(user)` is built from these rules,
so that pages, feeds, search, packs and downloads cannot disagree."""

from django.db.models import Exists, OuterRef, Q

from boards.models import (
    Membership,
)


def user_sees_everything(user) -> bool:
    """Officers, the co-ordinator and admins see unpublished meetings and exempt papers.

    The co-ordinator only reads them; who may edit is decided by the edit views.
    """
    return bool(
        user is not None
        and user.is_authenticated
        and (user.is_superuser or user.role in {"officer", "coordinator", "admin"})
    )


def agenda_published(meeting: str = "") -> Q:
    """Rows whose meeting's agenda is published; `meeting` is the lookup path to the
    meeting, e.g. "agenda_item__meeting__", or "" on Meeting itself."""
    return Q(**{f"{meeting}agenda_published_at__isnull": False})


def minutes_published(meeting: str = "") -> Q:
    """Rows whose meeting's agenda and minutes (draft or approved) are published."""
    return agenda_published(meeting) & Q(**{f"{meeting}minutes_published_at__isnull": False})


def sits_on_board(user, meeting: str = "") -> Q:
    """Rows whose meeting's board the user's person sat on, on the meeting's date.

    An EXISTS subquery rather than a join, so that a person with two memberships of one
    board (a new term, a change of role) does not duplicate rows.
    """
    if user is None or not user.is_authenticated or not getattr(user, "person_id", None):
        return Q(pk__in=[])
    on_the_day = Membership.objects.on(OuterRef(f"{meeting}date")).filter(
        board_id=OuterRef(f"{meeting}board_id"), person_id=user.person_id
    )
    return Q(Exists(on_the_day))


def taken_in_private(minute: str = "") -> Q:
    """Minutes of private (exempt) agenda items; `minute` is the lookup path to the minute,
    e.g. "minute__" on a Resolution, or "" on Minute itself. Their number and title are
    public with the minutes; what they record is exempt, as the item's papers are."""
    return Q(**{f"{minute}agenda_item__section": "private"})
