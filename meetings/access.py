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
