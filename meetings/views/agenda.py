"""Officers' pages: the dashboard, meetings, the agenda builder, publishing, history;
and the public sign-up for agenda e-mails.

Officers and admins only (`user_edits_meetings`, `get_meeting_for_officer`): everyone
else gets 404. Every change goes through a service in meetings/services/.
"""

import datetime
from collections import defaultdict

from django.contrib import messages
from django.contrib.auth.decorators import login_not_required
from django.core.exceptions import ValidationError
from django.db.models import Count, Exists, OuterRef, Prefetch, Q
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from boards.models import Board, ClosureDay, Council
from meetings import deadlines, services
from meetings.access import get_meeting_for_officer, user_edits_meetings
from meetings.fields import format_paragraphs
from meetings.forms import add_validation_error, form_rebased
from meetings.forms.agenda import (
    AgendaItemForm,
    MeetingCancelForm,
    MeetingCreateForm,
    MeetingEditForm,
    MeetingMoveForm,
    PublishForm,
    ScheduleForm,
    SubscribeForm,
)
from meetings.models import (
    AgendaItem,
    AgendaSubscription,
    Document,
    Meeting,
    Minute,
)

CONFLICT_MESSAGE = (
    "Someone else changed this while you were writing. Their version is shown below; "
    "your text is kept in the form — check it and save again."
)
DUE_SOON_DAYS = 7


def _officer(request: HttpRequest) -> None:
    if not user_edits_meetings(request.user):
        raise Http404("No such page.")


# --- Dashboard ---------------------------------------------------------------------------


def _status(meeting: Meeting, deadline: datetime.date, today: datetime.date) -> tuple[str, str]:
    if meeting.is_published:
        return "published", "Published"
    if today > deadline:
        return "late", "Late"
    if (deadline - today).days <= DUE_SOON_DAYS:
        return "due-soon", "Due soon"
    return "on-time", "On time"


@require_safe
def dashboard(request: HttpRequest) -> HttpResponse:
    """The officer's upcoming meetings: publication deadlines and what is still missing.

    A fixed number of queries whatever the number of meetings: the meetings with their
    items and papers, the earlier meetings of the same boards, the council, closure days.
    """
    _officer(request)
    today = timezone.localdate()
    council = Council.load()
    closures = ClosureDay.objects.dates_set()
    papers = Document.objects.current()
    meetings = list(
        Meeting.objects.upcoming(today)
        .not_cancelled()
        .select_related("board", "venue")
        .prefetch_related(
            Prefetch(
                "items",
                queryset=AgendaItem.objects.annotate(
                    paper_count=Count("documents", filter=Q(documents__in=papers))
                ).order_by("number"),
                to_attr="agenda",
            )
        )[:100]
    )
    # The board's previous held meeting of each, and whether its minutes are drafted.
    previous_by_board = defaultdict(list)
    if meetings:
        earlier = (
            Meeting.objects.not_cancelled()
            .filter(
                board_id__in={m.board_id for m in meetings},
                date__lt=max(m.date for m in meetings),
                date__gte=min(m.date for m in meetings) - datetime.timedelta(days=400),
            )
            .annotate(has_minutes=Exists(Minute.objects.filter(meeting=OuterRef("pk"))))
            .order_by("date", "start_time")
        )
        for row in earlier:
            previous_by_board[row.board_id].append(row)
    printed = services.publishing.work_programmes_printed(meetings=meetings)
    rows = []
    for meeting in meetings:
        deadline = deadlines.latest_publication_date(
            meeting.date, council.clear_working_days, closures
        )
        missing = []
        for item in meeting.agenda:
            item.meeting = meeting
            needs_paper = services.publishing.item_needs_paper(item, printed=printed)
            if needs_paper and not item.paper_count and not item.documents_to_follow:
                missing.append(f"Item {item.number}, {item.title}: no documents")
            if item.is_private and not item.exempt_paragraphs:
                missing.append(f"Item {item.number}, {item.title}: no exempt paragraphs")
        if not meeting.agenda:
            missing.append("The agenda has no items")
        previous = [m for m in previous_by_board[meeting.board_id] if m.date < meeting.date]
        if previous and not previous[-1].has_minutes:
            missing.append(
                f"Minutes of {council.format('published', previous[-1].date)} not drafted"
            )
        tag, label = _status(meeting, deadline, today)
        rows.append(
            {
                "meeting": meeting,
                "deadline": council.format("published", deadline),
                "tag": tag,
                "tag_label": label,
                "missing": missing,
            }
        )
    return render(request, "meetings/agenda/dashboard.html", {"rows": rows, "today": today})


# --- Meetings ----------------------------------------------------------------------------


@require_http_methods(["GET", "POST"])
def meeting_create(request: HttpRequest) -> HttpResponse:
    _officer(request)
    initial = {}
    if slug := request.GET.get("board"):
        initial["board"] = Board.objects.filter(slug=slug).first()
    form = MeetingCreateForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            meeting = services.meeting_create(
                board=form.cleaned_data["board"],
                date=form.cleaned_data["date"],
                start_time=form.cleaned_data["start_time"],
                venue=form.cleaned_data["venue"],
                user=request.user,
            )
        except ValidationError as error:
            add_validation_error(form, error)
        else:
            messages.success(request, "Meeting created with the board's standard items.")
            return redirect("meetings:agenda_builder", pk=meeting.pk)
    return render(request, "meetings/agenda/meeting_create.html", {"form": form})


@require_http_methods(["GET", "POST"])
def meeting_schedule(request: HttpRequest) -> HttpResponse:
    _officer(request)
    form = ScheduleForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            created = services.meetings_schedule(
                board=form.cleaned_data["board"],
                dates=form.cleaned_data["dates"],
                start_time=form.cleaned_data["start_time"],
                user=request.user,
            )
        except ValidationError as error:
            add_validation_error(form, error)
        else:
            messages.success(request, f"{len(created)} meetings created.")
            return redirect("meetings:dashboard")
    return render(request, "meetings/agenda/meeting_schedule.html", {"form": form})


@require_http_methods(["GET", "POST"])
def meeting_edit(request: HttpRequest, pk: int) -> HttpResponse:
    meeting = get_meeting_for_officer(request, pk)
    conflict = None
    if request.method == "POST":
        form = MeetingEditForm(request.POST, instance=Meeting.objects.get(pk=meeting.pk))
        if form.is_valid():
            fields = {name: form.cleaned_data[name] for name in MeetingEditForm.Meta.fields}
            try:
                services.meeting_update(
                    meeting=meeting,
                    version=form.cleaned_data["version"],
                    user=request.user,
                    **fields,
                )
            except services.MeetingConflict as error:
                conflict = error.current
                form = form_rebased(
                    form, version=conflict.version, instance=Meeting.objects.get(pk=pk)
                )
            except ValidationError as error:
                add_validation_error(form, error)
            else:
                messages.success(request, "Meeting details saved.")
                return redirect("meetings:agenda_builder", pk=meeting.pk)
    else:
        form = MeetingEditForm(instance=meeting, initial={"version": meeting.version})
    return render(
        request,
        "meetings/agenda/meeting_edit.html",
        {
            "meeting": meeting,
            "form": form,
            "conflict": conflict,
            "conflict_message": CONFLICT_MESSAGE,
        },
        status=409 if conflict else 200,
    )


@require_http_methods(["GET", "POST"])
def meeting_cancel(request: HttpRequest, pk: int) -> HttpResponse:
    meeting = get_meeting_for_officer(request, pk)
    form = MeetingCancelForm(request.POST or None, initial={"version": meeting.version})
    if request.method == "POST" and form.is_valid():
        try:
            services.meeting_cancel(
                meeting=meeting, version=form.cleaned_data["version"], user=request.user
            )
        except services.MeetingConflict:
            form.add_error(None, "Someone else changed this meeting. Check it and try again.")
        else:
            messages.success(request, "The meeting is cancelled. It stays on the record.")
            return redirect("meetings:agenda_builder", pk=meeting.pk)
    return render(
        request, "meetings/agenda/meeting_cancel.html", {"meeting": meeting, "form": form}
    )


@require_http_methods(["GET", "POST"])
def meeting_move(request: HttpRequest, pk: int) -> HttpResponse:
    meeting = get_meeting_for_officer(request, pk)
    form = MeetingMoveForm(request.POST or None, initial={"version": meeting.version})
    if request.method == "POST" and form.is_valid():
        try:
            services.meeting_move(
                meeting=meeting,
                version=form.cleaned_data["version"],
                date=form.cleaned_data["date"],
                start_time=form.cleaned_data["start_time"],
                user=request.user,
            )
        except services.MeetingConflict:
            form.add_error(None, "Someone else changed this meeting. Check it and try again.")
        except ValidationError as error:
            add_validation_error(form, error)
        else:
            messages.success(request, "The meeting has been moved. The original date is kept.")
            return redirect("meetings:agenda_builder", pk=meeting.pk)
    return render(request, "meetings/agenda/meeting_move.html", {"meeting": meeting, "form": form})


# --- Agenda builder ----------------------------------------------------------------------


@require_safe
def agenda_builder(request: HttpRequest, pk: int) -> HttpResponse:
    meeting = get_meeting_for_officer(request, pk)
    council = Council.load()
    items = list(meeting.items.with_current_papers())
    sections = []
    for section, label in AgendaItem.Section.choices:
        rows = [item for item in items if item.section == section]
        movable = [item for item in rows if item.kind != AgendaItem.Kind.EXCLUSION]
        for item in rows:
            item.can_move_up = item.kind != AgendaItem.Kind.EXCLUSION and movable[0] is not item
            item.can_move_down = item.kind != AgendaItem.Kind.EXCLUSION and movable[-1] is not item
        sections.append({"value": section, "label": label, "items": rows})
    return render(
        request,
        "meetings/agenda/builder.html",
        {
            "meeting": meeting,
            "sections": sections,
            "council": council,
            "time_and_date": council.format("front_sheet", meeting.date, meeting.start_time),
            "deadline": council.format("published", meeting.publication_deadline(council)),
            "moved_from": council.format("published", meeting.moved_from_date)
            if meeting.moved_from_date
            else "",
            "publications": list(meeting.publications.select_related("published_by")),
            "work_programme_printed": bool(
                services.publishing.work_programmes_printed(meetings=[meeting])
            ),
        },
    )


def _get_item(request: HttpRequest, pk: int) -> AgendaItem:
    _officer(request)
    return get_object_or_404(
        AgendaItem.objects.select_related("meeting__board", "report_of"), pk=pk
    )


def _item_fields(form: AgendaItemForm) -> dict:
    names = [n for n in AgendaItemForm.Meta.fields if n in form.fields]
    fields = {name: form.cleaned_data[name] for name in names}
    if "exempt_paragraphs" in fields:
        fields["exempt_paragraphs"] = tuple(fields["exempt_paragraphs"] or ())
    if "document_type" in fields:
        fields["document_type"] = fields["document_type"] or ""
    return fields


@require_http_methods(["GET", "POST"])
def item_add(request: HttpRequest, pk: int) -> HttpResponse:
    meeting = get_meeting_for_officer(request, pk)
    initial = {"kind": AgendaItem.Kind.REPORT, "section": AgendaItem.Section.PUBLIC}
    if request.GET.get("section") == AgendaItem.Section.PRIVATE:
        initial["section"] = AgendaItem.Section.PRIVATE
    form = AgendaItemForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            item = services.agenda_item_create(
                meeting=meeting,
                user=request.user,
                sub_items=form.cleaned_data["sub_items"],
                **_item_fields(form),
            )
        except ValidationError as error:
            add_validation_error(form, error)
        else:
            messages.success(request, f"Item {item.number}, {item.title}, added.")
            return redirect(f"{meeting_builder_url(meeting)}#item-{item.pk}")
    return render(request, "meetings/agenda/item_form.html", {"meeting": meeting, "form": form})


def meeting_builder_url(meeting: Meeting) -> str:
    from django.urls import reverse

    return reverse("meetings:agenda_builder", args=[meeting.pk])


@require_http_methods(["GET", "POST"])
def item_edit(request: HttpRequest, pk: int) -> HttpResponse:
    item = _get_item(request, pk)
    exclusion = item.kind == AgendaItem.Kind.EXCLUSION
    conflict = None
    if request.method == "POST":
        form = AgendaItemForm(request.POST, instance=item, editing_exclusion=exclusion)
        if form.is_valid():
            try:
                item = services.agenda_item_update(
                    item=item,
                    version=form.cleaned_data["version"],
                    user=request.user,
                    sub_items=form.cleaned_data.get("sub_items") if not exclusion else None,
                    **_item_fields(form),
                )
            except services.AgendaItemConflict as error:
                conflict = error.current
                form = form_rebased(
                    form,
                    version=conflict.version,
                    instance=AgendaItem.objects.get(pk=pk),
                    editing_exclusion=exclusion,
                )
            except ValidationError as error:
                add_validation_error(form, error)
            else:
                messages.success(request, f"Item {item.number}, {item.title}, saved.")
                return redirect(f"{meeting_builder_url(item.meeting)}#item-{item.pk}")
    else:
        form = AgendaItemForm(instance=item, editing_exclusion=exclusion)
    return render(
        request,
        "meetings/agenda/item_form.html",
        {
            "meeting": item.meeting,
            "item": item,
            "form": form,
            "conflict": conflict,
            "conflict_message": CONFLICT_MESSAGE,
        },
        status=409 if conflict else 200,
    )


@require_POST
def item_move(request: HttpRequest, pk: int) -> HttpResponse:
    item = _get_item(request, pk)
    direction = request.POST.get("direction", "")
    if direction not in {"up", "down"}:
        raise Http404("Move an item up or down.")
    services.agenda_item_move(item=item, direction=direction, user=request.user)
    item.refresh_from_db()
    messages.success(request, f"{item.title} is now item {item.number}.")
    return redirect(f"{meeting_builder_url(item.meeting)}#item-{item.pk}")


@require_http_methods(["GET", "POST"])
def item_delete(request: HttpRequest, pk: int) -> HttpResponse:
    item = _get_item(request, pk)
    if item.kind == AgendaItem.Kind.EXCLUSION:
        raise Http404("The exclusion item goes when the private business goes.")
    if request.method == "POST":
        meeting = item.meeting
        title = item.title
        services.agenda_item_delete(item=item, user=request.user)
        messages.success(request, f"{title} deleted. The items are renumbered.")
        return redirect("meetings:agenda_builder", pk=meeting.pk)
    return render(
        request,
        "meetings/agenda/item_delete.html",
        {"meeting": item.meeting, "item": item, "documents": item.documents.current()},
    )


# --- Publishing --------------------------------------------------------------------------


@require_http_methods(["GET", "POST"])
def publication_check(request: HttpRequest, pk: int) -> HttpResponse:
    """The check page: what blocks, what warns; and the button that publishes."""
    meeting = get_meeting_for_officer(request, pk)
    council = Council.load()
    check = services.publication_check(meeting=meeting)
    form = PublishForm(request.POST or None, late=check.late, republishing=check.last is not None)
    if request.method == "POST" and form.is_valid() and not check.blockers:
        try:
            publication = services.agenda_publish(
                meeting=meeting,
                user=request.user,
                urgency_reason=form.cleaned_data.get("urgency_reason", ""),
                change_note=form.cleaned_data.get("change_note", ""),
            )
        except services.PublicationBlocked as error:
            check = error.check
            form.add_error(None, str(error))
        else:
            messages.success(request, f"{publication.title} published. Subscribers are e-mailed.")
            return redirect("meetings:agenda_builder", pk=meeting.pk)
    return render(
        request,
        "meetings/agenda/publication_check.html",
        {
            "meeting": meeting,
            "check": check,
            "form": form,
            "deadline": council.format("published", check.deadline),
            "today": timezone.localdate(),
        },
    )


# --- History -----------------------------------------------------------------------------


HIDDEN_HISTORY_FIELDS = {"version", "updated_at", "body_html"}


def _changes(record, previous) -> list[tuple]:
    """(field, old, new) for each field that changed between two historical records."""
    if previous is None:
        return []
    delta = record.diff_against(previous)
    model = record.instance_type
    return [
        (model._meta.get_field(change.field), change.old, change.new)
        for change in delta.changes
        if change.field not in HIDDEN_HISTORY_FIELDS
    ]


def _worded(changes: list[tuple], related: dict) -> list[str]:
    """ "Venue: Committee Room 3 → Diamond Room 2", in words rather than ids."""

    def word(field, value) -> str:
        if value in (None, "", ()):
            return "–"
        if field.is_relation:
            return str(related.get((field.related_model, value), value))
        if field.choices:
            return str(dict(field.flatchoices).get(value, value))
        if isinstance(value, bool):
            return "yes" if value else "no"
        if field.name == "exempt_paragraphs":
            return format_paragraphs(field.to_python(value))
        if isinstance(value, datetime.date):
            return f"{value.day} {value:%B %Y}"
        return str(value)

    return [
        f"{str(field.verbose_name).capitalize()}: {word(field, old)} → {word(field, new)}"
        for field, old, new in changes
    ]


@require_safe
def meeting_history(request: HttpRequest, pk: int) -> HttpResponse:
    """Who changed what and when: the meeting, its items and its papers, newest first."""
    meeting = get_meeting_for_officer(request, pk)
    meeting_records = list(
        meeting.history.select_related("history_user").order_by("history_date", "history_id")
    )
    item_model = AgendaItem.history.model
    item_records = list(
        item_model.objects.filter(meeting_id=meeting.pk)
        .select_related("history_user")
        .order_by("id", "history_date", "history_id")
    )
    document_model = Document.history.model
    item_ids = {record.id for record in item_records}
    document_records = list(
        document_model.objects.filter(agenda_item_id__in=item_ids)
        .select_related("history_user")
        .order_by("id", "history_date", "history_id")
    )
    kinds = {"+": "created", "~": "changed", "-": "deleted"}
    entries = []

    def add(records, what, label):
        previous_by_id = {}
        for record in records:
            previous = previous_by_id.get(record.id)
            previous_by_id[record.id] = record
            changes = _changes(record, previous) if record.history_type == "~" else []
            if record.history_type == "~" and previous is not None and not changes:
                continue
            entries.append(
                {
                    "when": record.history_date,
                    "who": record.history_user,
                    "what": what,
                    "label": label(record),
                    "action": kinds.get(record.history_type, "changed"),
                    "changes": changes,
                }
            )

    add(meeting_records, "Meeting", lambda r: f"{r.date.day} {r.date:%B %Y}")
    add(item_records, "Agenda item", lambda r: f"{r.number}. {r.title}")
    add(document_records, "Document", lambda r: r.title)
    # Related records named in the changes, one query per kind of record.
    wanted = defaultdict(set)
    for entry in entries:
        for field, old, new in entry["changes"]:
            if field.is_relation:
                wanted[field.related_model].update(v for v in (old, new) if v is not None)
    related = {}
    for model, ids in wanted.items():
        for row in model._default_manager.filter(pk__in=ids):
            related[(model, row.pk)] = row
    for entry in entries:
        entry["changes"] = _worded(entry["changes"], related)
    entries.sort(key=lambda entry: entry["when"], reverse=True)
    publications = list(meeting.publications.select_related("published_by"))
    return render(
        request,
        "meetings/agenda/meeting_history.html",
        {"meeting": meeting, "entries": entries, "publications": publications},
    )


# --- Agenda e-mails (public) ---------------------------------------------------------------


@login_not_required
@require_http_methods(["GET", "POST"])
def publication_subscribe(request: HttpRequest, slug: str) -> HttpResponse:
    board = get_object_or_404(Board.objects.active(), slug=slug)
    form = SubscribeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        services.subscription_request(board=board, email=form.cleaned_data["email"])
        return render(
            request,
            "meetings/agenda/subscribe_sent.html",
            {"board": board, "email": form.cleaned_data["email"]},
        )
    return render(request, "meetings/agenda/subscribe.html", {"board": board, "form": form})


@login_not_required
@require_http_methods(["GET", "POST"])
def publication_subscribe_confirm(request: HttpRequest, token: str) -> HttpResponse:
    subscription = get_object_or_404(
        AgendaSubscription.objects.select_related("board"), token=token
    )
    if request.method == "POST":
        services.subscription_confirm(subscription=subscription)
        return render(
            request, "meetings/agenda/subscribe_done.html", {"subscription": subscription}
        )
    return render(request, "meetings/agenda/subscribe_confirm.html", {"subscription": subscription})


@login_not_required
@csrf_exempt  # RFC 8058 one-click: mail clients POST here; the secret token is the check.
@require_http_methods(["GET", "POST"])
def publication_unsubscribe(request: HttpRequest, token: str) -> HttpResponse:
    subscription = AgendaSubscription.objects.select_related("board").filter(token=token).first()
    if request.method == "POST":
        board = subscription.board if subscription else None
        if subscription is not None:
            services.subscription_cancel(subscription=subscription)
        return render(request, "meetings/agenda/unsubscribe_done.html", {"board": board})
    if subscription is None:
        raise Http404("This link has already been used, or was never valid.")
    return render(request, "meetings/agenda/unsubscribe.html", {"subscription": subscription})
