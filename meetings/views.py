from django.contrib.auth.decorators import login_not_required
from django.db.models import Prefetch
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone

from boards.models import Council
from meetings.access import get_document_for_user, get_meeting_for_user
from meetings.models import AgendaItem, Document, Meeting


@login_not_required
def home(request: HttpRequest) -> HttpResponse:
    today = timezone.localdate()
    meetings = Meeting.objects.visible_to(request.user).select_related("board", "venue")
    return render(
        request,
        "meetings/home.html",
        {
            "upcoming": meetings.upcoming(today)[:10],
            "recently_published": meetings.published().order_by("-agenda_published_at")[:10],
        },
    )


@login_not_required
def meeting_detail(request: HttpRequest, pk: int) -> HttpResponse:
    meeting = get_meeting_for_user(request, pk)
    documents = Document.objects.visible_to(request.user).current().filter(parent__isnull=True)
    items = meeting.items.select_related("report_of").prefetch_related(
        "sub_items", Prefetch("documents", queryset=documents, to_attr="visible_documents")
    )
    council = Council.load()
    return render(
        request,
        "meetings/meeting_detail.html",
        {
            "meeting": meeting,
            "council": council,
            "public_items": [i for i in items if i.section == AgendaItem.Section.PUBLIC],
            "private_items": [i for i in items if i.section == AgendaItem.Section.PRIVATE],
            "time_and_date": council.format("front_sheet", meeting.date, meeting.start_time),
        },
    )


@login_not_required
def document_detail(request: HttpRequest, pk: int) -> HttpResponse:
    document = get_document_for_user(request, pk)
    return render(request, "meetings/document_detail.html", {"document": document})
