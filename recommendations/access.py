"""Access to tracker items: one helper, 404 when unseen, 403 when read-only.

The full tracker (internal notes, officer contacts, history) is for officers, the
co-ordinator and admins; everyone else reaches tracker items only through the public
board page and the outstanding-issues report, which go through `visible_to`.
"""

from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest
from django.shortcuts import get_object_or_404

from boards.access import user_keeps_tracker
from meetings.models import user_sees_everything
from recommendations.models import TrackerItem, TrackerItemQuerySet


def can_edit_tracker(user) -> bool:
    """Officers and the co-ordinator keep the tracker; the rule lives in boards.access."""
    return user_keeps_tracker(user)


def tracker_items_for_user(request: HttpRequest) -> TrackerItemQuerySet:
    """All tracker items, for the people who keep the tracker; 404 for anyone else."""
    if not user_sees_everything(request.user):
        raise Http404("No tracker here.")
    return TrackerItem.objects.visible_to(request.user)


def get_trackeritem_for_user(request: HttpRequest, pk: int, write: bool = False) -> TrackerItem:
    item = get_object_or_404(
        tracker_items_for_user(request).select_related(
            "board",
            "source_meeting",
            "agenda_item",
            "minute",
            "resolution_part",
            "minute_request",
            "responsible_person",
        ),
        pk=pk,
    )
    if write and not can_edit_tracker(request.user):
        raise PermissionDenied("Only officers and the scrutiny co-ordinator edit the tracker.")
    return item
