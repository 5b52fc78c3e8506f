"""Access to meetings and documents: one helper per object type, 404 when unseen."""

from django.http import Http404, HttpRequest
from django.shortcuts import get_object_or_404

from meetings.models import Document, Meeting


def get_meeting_for_user(request: HttpRequest, pk: int) -> Meeting:
    return get_object_or_404(
        Meeting.objects.visible_to(request.user).select_related(
            "board",
            "venue",
            "municipal_year",
            "contact_officer",
            "signatory__holder",
            "minutes_approved_at",
        ),
        pk=pk,
    )


def get_document_for_user(request: HttpRequest, pk: int) -> Document:
    document = get_object_or_404(
        Document.objects.visible_to(request.user).select_related(
            "agenda_item__meeting__board", "parent"
        ),
        pk=pk,
    )
    if document.withdrawn_at:
        raise Http404("This document has been withdrawn.")
    return document


def user_edits_meetings(user) -> bool:
    """Officers and admins edit meetings, agendas, documents and minutes (design.md)."""
    return user.is_authenticated and user.is_officer


def get_meeting_for_officer(request: HttpRequest, pk: int) -> Meeting:
    """A meeting to edit: officers and admins only; everyone else is told nothing (404)."""
    if not user_edits_meetings(request.user):
        raise Http404("No such page.")
    return get_object_or_404(
        Meeting.objects.select_related("board", "venue", "municipal_year"), pk=pk
    )
