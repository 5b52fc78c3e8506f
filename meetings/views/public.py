"""Public pages: home, meetings with their agendas and minutes, documents, the calendar.

Every object comes through `visible_to` or the helpers in meetings/access.py; what a user
may not see answers 404. Pages load what they show in a fixed number of queries
(prefetch_related with Prefetch objects), whatever the number of items or minutes.
"""

import calendar as calendar_module
import datetime

from django.contrib.auth.decorators import login_not_required
from django.db.models import Prefetch, QuerySet
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.text import slugify
from django.views.decorators.http import require_safe

from boards.access import user_keeps_tracker
from boards.models import Board, Council
from meetings import html
from meetings.access import get_document_for_user, get_meeting_for_user, user_edits_meetings
from meetings.minutes_layout import minute_sections, minutes_attendance
from meetings.models import (
    AgendaItem,
    Attendance,
    Declaration,
    Document,
    Meeting,
    Minute,
    ResolutionPart,
    user_sees_everything,
)
from meetings.services.minutes import link_minute_references, minute_reference_urls


@login_not_required
@require_safe
def home(request: HttpRequest) -> HttpResponse:
    today = timezone.localdate()
    meetings = Meeting.objects.visible_to(request.user).select_related("board", "venue")
    minutes = meetings.filter(minutes_published_at__isnull=False)
    return render(
        request,
        "meetings/home.html",
        {
            "upcoming": meetings.upcoming(today)[:10],
            "recently_published": meetings.published().order_by("-agenda_published_at")[:10],
            "recent_minutes": minutes.order_by("-minutes_published_at")[:10],
            "boards": Board.objects.active(),
        },
    )


def _visible_documents(user) -> QuerySet[Document]:
    """A user's current documents, with their visible appendices, for Prefetch objects."""
    documents = Document.objects.visible_to(user).current()
    return documents.filter(parent__isnull=True).prefetch_related(
        Prefetch(
            "appendices", queryset=documents.order_by("position"), to_attr="visible_appendices"
        )
    )


@login_not_required
@require_safe
def meeting_detail(request: HttpRequest, pk: int) -> HttpResponse:
    meeting = get_meeting_for_user(request, pk)
    user = request.user
    council = Council.load()
    items = list(
        meeting.items.select_related("report_of").prefetch_related(
            "sub_items",
            Prefetch("documents", queryset=_visible_documents(user), to_attr="visible_documents"),
        )
    )
    # Officers and the co-ordinator put resolution parts on the board's tracker from here.
    can_track = meeting.board.keeps_tracker and user_keeps_tracker(user)
    parts = ResolutionPart.objects.prefetch_related("bullets")
    if can_track:
        parts = parts.prefetch_related("tracker_items")
    minutes = list(
        Minute.objects.visible_to(user)
        .with_withheld(user)
        .filter(meeting=meeting)
        .select_related("resolution", "agenda_item")
        .prefetch_related(
            "discussion_points",
            "requests",
            Prefetch("resolution__parts", queryset=parts),
        )
        .order_by("number")
    )
    # "Further to Minute 37/15" links to that minute (one query for all the references).
    # A minute of a private item shows only its number and title to those who may not
    # see its exempt papers (MinuteQuerySet.readable_by): its record is never rendered.
    readable = [minute for minute in minutes if not minute.withheld]
    urls = minute_reference_urls(
        [minute.body_html for minute in readable], meeting=meeting, user=user
    )
    for minute in minutes:
        minute.linked_body = (
            ""
            if minute.withheld
            else link_minute_references(html.clean_html(minute.body_html), urls)
        )
    declarations = (
        list(
            Declaration.objects.visible_to(user)
            .filter(meeting=meeting)
            .select_related("person", "agenda_item")
        )
        if minutes
        else []
    )
    attendance = list(
        Attendance.objects.visible_to(user)
        .filter(meeting=meeting)
        .select_related("person", "substitute_for", "org_unit")
    )
    officer = user_sees_everything(user)
    # The work programme item links to the board's programme for the year, when it has one.
    has_work_programme = (
        any(item.kind == AgendaItem.Kind.WORK_PROGRAMME for item in items)
        and meeting.board.work_programmes.filter(
            municipal_year_id=meeting.municipal_year_id
        ).exists()
    )
    return render(
        request,
        "meetings/meeting_detail.html",
        {
            "meeting": meeting,
            "has_work_programme": has_work_programme,
            "can_track": can_track,
            "council": council,
            "public_items": [i for i in items if i.section == AgendaItem.Section.PUBLIC],
            "private_items": [i for i in items if i.section == AgendaItem.Section.PRIVATE],
            "time_and_date": council.format("front_sheet", meeting.date, meeting.start_time),
            "published_on": council.format(
                "published", timezone.localdate(meeting.agenda_published_at)
            )
            if meeting.agenda_published_at
            else "",
            "deadline": council.format("published", meeting.publication_deadline(council))
            if officer
            else "",
            "moved_from": council.format("published", meeting.moved_from_date)
            if meeting.moved_from_date
            else "",
            "minutes": minutes,
            "minutes_heading": council.format("minutes_heading", meeting.date, meeting.start_time),
            "approved_on": council.format("published", meeting.minutes_approved_at.date)
            if meeting.minutes_approved_at
            else "",
            "attendance": minutes_attendance(attendance),
            "minute_sections": minute_sections(minutes),
            "decisions": [m for m in readable if hasattr(m, "resolution")],
            "declarations": declarations,
            "corrections": list(meeting.corrections.select_related("made_by"))
            if minutes and meeting.minutes_approved_at_id
            else [],
            "edits_minutes": user_edits_meetings(user),
        },
    )


@login_not_required
@require_safe
def document_detail(request: HttpRequest, pk: int) -> HttpResponse:
    document = get_document_for_user(request, pk)
    appendices = (
        Document.objects.visible_to(request.user)
        .current()
        .filter(parent=document)
        .order_by("position")
    )
    council = Council.load()
    meeting = document.agenda_item.meeting
    return render(
        request,
        "meetings/document_detail.html",
        {
            "document": document,
            "meeting": meeting,
            "date": council.format("document", document.document_date or meeting.date),
            "authors": document.authors.all(),
            "appendices": appendices,
        },
    )


@login_not_required
@require_safe
def document_file(request: HttpRequest, pk: int) -> FileResponse:
    """An uploaded PDF, through the access check on every request (never MEDIA_URL)."""
    document = get_document_for_user(request, pk)
    if document.source != Document.Source.UPLOADED or not document.file:
        raise Http404("This document has no file.")
    try:
        handle = document.file.open("rb")
    except FileNotFoundError as error:
        raise Http404("The file is missing.") from error
    # The name comes from the title, never from the uploaded file's name.
    filename = f"{slugify(document.title)[:80] or 'document'}.pdf"
    response = FileResponse(handle, content_type="application/pdf", filename=filename)
    response["X-Content-Type-Options"] = "nosniff"
    return response


def _month(request: HttpRequest, today: datetime.date) -> datetime.date:
    value = request.GET.get("month", "").strip()
    if not value:
        return today.replace(day=1)
    try:
        month = datetime.datetime.strptime(value, "%Y-%m").date()
    except ValueError as error:
        raise Http404("Give the month as 2024-11.") from error
    if not 1900 <= month.year <= 2999:
        raise Http404("No such month.")
    return month


def _add_months(month: datetime.date, count: int) -> datetime.date:
    index = month.year * 12 + month.month - 1 + count
    return datetime.date(index // 12, index % 12 + 1, 1)


@login_not_required
@require_safe
def calendar(request: HttpRequest) -> HttpResponse:
    """Meetings by month (?month=2024-11), optionally of one board (?board=slug)."""
    month = _month(request, timezone.localdate())
    boards = list(Board.objects.active())
    board = None
    if slug := request.GET.get("board", "").strip():
        board = next((b for b in boards if b.slug == slug), None)
        if board is None:
            raise Http404("No such board.")
    last_day = calendar_module.monthrange(month.year, month.month)[1]
    meetings = (
        Meeting.objects.visible_to(request.user)
        .filter(date__gte=month, date__lte=month.replace(day=last_day))
        .select_related("board", "venue")
        .order_by("date", "start_time", "board__name")
    )
    if board:
        meetings = meetings.filter(board=board)
    query = f"&board={board.slug}" if board else ""
    return render(
        request,
        "meetings/calendar.html",
        {
            "month": month,
            "meetings": list(meetings),
            "boards": boards,
            "board": board,
            "previous": f"?month={_add_months(month, -1):%Y-%m}{query}",
            "previous_month": _add_months(month, -1),
            "next": f"?month={_add_months(month, 1):%Y-%m}{query}",
            "next_month": _add_months(month, 1),
        },
    )
