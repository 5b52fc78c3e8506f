"""Officers write the minutes: attendance, declarations, numbered minutes with their
resolutions; publish them as draft minutes; record their approval at the next meeting.
Also the public list of a board's decisions.

Officers and admins only (`get_meeting_for_officer`): everyone else gets 404. The public
minutes are the meeting page (`meetings.views.public.meeting_detail`).
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_not_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db import transaction
from django.db.models import Prefetch
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST, require_safe

from boards.models import Board, Council, Person
from meetings import services
from meetings.access import get_meeting_for_officer
from meetings.forms import add_validation_error, form_rebased
from meetings.forms.minutes import (
    NOT_RECORDED,
    AttendanceMembersForm,
    ClosedAtForm,
    DeclarationFormSet,
    MinuteForm,
    OtherAttendeeFormSet,
    PartFormSet,
    ReasonForm,
    RequestFormSet,
    SubstituteFormSet,
    _lines,
    board_members,
)
from meetings.models import (
    Attendance,
    Meeting,
    Minute,
    MinuteRequest,
    Resolution,
    ResolutionPart,
)

LIST_CONFLICT_MESSAGE = (
    "Someone else saved the {what} while you were filling it in. What they saved is shown "
    "below; your entries are kept in the form — check them and save again."
)
CONFLICT_MESSAGE = (
    "Someone else saved this minute while you were writing. Their version is shown below; "
    "your text is kept in the form — check it and save again."
)


def _with_extra_row(data, prefix: str):
    """The posted data with one more blank row in the formset `prefix`."""
    data = data.copy()
    key = f"{prefix}-TOTAL_FORMS"
    try:
        data[key] = str(int(data.get(key, 0)) + 1)
    except ValueError:
        data[key] = "1"
    return data


def _manage_url(meeting: Meeting) -> str:
    from django.urls import reverse

    return reverse("meetings:minutes_manage", args=[meeting.pk])


def _error_forms(*items) -> list:
    """Forms and formsets flattened for the error summary."""
    forms = []
    for item in items:
        if hasattr(item, "forms"):
            forms.extend(item.forms)
        elif item is not None:
            forms.append(item)
    return forms


def _render(request, template: str, context: dict, status: int = 200) -> HttpResponse:
    """Render a form page; `has_errors` drives the error summary and the title's "Error:"."""
    forms = context.get("error_forms") or []
    context["has_errors"] = bool(context.get("non_form_errors")) or any(
        form.is_bound and form.errors for form in forms
    )
    return render(request, template, context, status=status)


def _heading(meeting: Meeting, council: Council) -> str:
    return council.format("minutes_heading", meeting.date, meeting.start_time)


# --- The minutes of a meeting: overview ---------------------------------------------------


def _manage_page(request: HttpRequest, meeting: Meeting, closed_form=None) -> HttpResponse:
    council = Council.load()
    minutes = list(
        meeting.minutes.select_related("agenda_item", "resolution")
        .prefetch_related("resolution__parts")
        .order_by("number")
    )
    unminuted = list(
        meeting.items.filter(minute__isnull=True)
        .exclude(kind__in=services.minutes.UNMINUTED_KINDS)
        .order_by("number")
    )
    reason = services.minutes_need_reason(meeting)
    if closed_form is None:
        closed_form = ClosedAtForm(
            reason=reason,
            initial={"closed_at": meeting.closed_at.strftime("%H:%M") if meeting.closed_at else ""},
        )
    return _render(
        request,
        "meetings/minutes/manage.html",
        {
            "meeting": meeting,
            "heading": _heading(meeting, council),
            "minutes": minutes,
            "unminuted": unminuted,
            "next_number": Minute.objects.next_number(meeting.board, meeting.municipal_year),
            "attendance_count": meeting.attendances.count(),
            "declaration_count": meeting.declarations.count(),
            "closed_form": closed_form,
            "error_forms": [closed_form],
            "non_form_errors": list(closed_form.non_field_errors()) if closed_form.is_bound else [],
            "candidate": services.approval_candidate(meeting),
            "approved_at": meeting.minutes_approved_at,
            "corrections": meeting.corrections.select_related("made_by"),
            "reason_needed": reason,
        },
    )


@require_safe
def minutes_manage(request: HttpRequest, pk: int) -> HttpResponse:
    return _manage_page(request, get_meeting_for_officer(request, pk))


@require_POST
def minutes_start(request: HttpRequest, pk: int) -> HttpResponse:
    meeting = get_meeting_for_officer(request, pk)
    if services.minutes_need_reason(meeting):
        messages.error(request, "These minutes are approved: add a minute one at a time.")
        return redirect(_manage_url(meeting))
    created = services.minutes_start_from_agenda(meeting=meeting, user=request.user)
    if created:
        messages.success(
            request,
            f"Minutes {created[0].number} to {created[-1].number} started from the agenda."
            if len(created) > 1
            else f"Minute {created[0].number} started from the agenda.",
        )
    else:
        messages.info(request, "Every agenda item already has a minute.")
    return redirect(_manage_url(meeting))


@require_POST
def minutes_closed_at(request: HttpRequest, pk: int) -> HttpResponse:
    meeting = get_meeting_for_officer(request, pk)
    form = ClosedAtForm(request.POST, reason=services.minutes_need_reason(meeting))
    if form.is_valid():
        services.meeting_closed_at_save(
            meeting=meeting,
            closed_at=form.cleaned_data["closed_at"],
            user=request.user,
            reason=form.cleaned_data.get("reason", ""),
        )
        messages.success(request, "Closing time saved.")
        return redirect(_manage_url(meeting))
    # Shown again with what was typed and the error.
    return _manage_page(request, meeting, closed_form=form)


@require_POST
def minutes_publish(request: HttpRequest, pk: int) -> HttpResponse:
    meeting = get_meeting_for_officer(request, pk)
    already = meeting.minutes_published_at is not None
    try:
        services.minutes_publish(meeting=meeting, user=request.user)
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
        return redirect(_manage_url(meeting))
    messages.success(
        request,
        "The draft minutes were already published; flagged parts not yet on the tracker "
        "have been added."
        if already
        else "Draft minutes published. Flagged resolution parts are on the board's tracker.",
    )
    return redirect(_manage_url(meeting))


@require_POST
def minutes_approve(request: HttpRequest, pk: int) -> HttpResponse:
    """At this meeting (pk), the previous meeting's minutes were agreed as a true record."""
    meeting = get_meeting_for_officer(request, pk)
    candidate = services.approval_candidate(meeting)
    if candidate is None or str(candidate.pk) != request.POST.get("minutes_of", ""):
        raise Http404("Those minutes cannot be approved here.")
    try:
        services.minutes_approve(meeting=candidate, at_meeting=meeting, user=request.user)
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
    else:
        messages.success(request, "Recorded: the minutes were agreed as a true record.")
    return redirect(_manage_url(meeting))


# --- Attendance ----------------------------------------------------------------------------


def _attendance_initial(meeting: Meeting, members) -> tuple[dict, list, list]:
    rows = list(meeting.attendances.select_related("person").order_by("category", "pk"))
    member_ids = {m.person_id for m in members}
    initial = {"chair": ""}
    substitutes, others = [], []
    for row in rows:
        if row.is_chair:
            initial["chair"] = str(row.person_id)
        if row.substitute_for_id:
            substitutes.append({"person": row.person_id, "substitute_for": row.substitute_for_id})
        elif row.person_id in member_ids and f"member_{row.person_id}" not in initial:
            initial[f"member_{row.person_id}"] = row.status
        else:
            others.append(
                {
                    "category": row.category,
                    "person": row.person_id,
                    "description": row.description,
                    "org_unit": row.org_unit_id,
                }
            )
    if not rows:
        chair = next((m for m in members if m.role == "chair"), None)
        if chair:
            initial["chair"] = str(chair.person_id)
    return initial, substitutes, others


def _new_person(name: str) -> Person:
    """A guest typed by name: "Janet Mokades" → forenames Janet, surname Mokades."""
    words = name.split()
    person = Person(forenames=" ".join(words[:-1]), surname=words[-1])
    person.full_clean()
    person.save()
    return person


def attendance_edit(request: HttpRequest, pk: int) -> HttpResponse:
    meeting = get_meeting_for_officer(request, pk)
    members = board_members(meeting)
    reason = services.minutes_need_reason(meeting)
    sub_kwargs = {"members": members}
    conflict = None
    if request.method == "POST":
        data = request.POST
        adding = None
        if "add_substitute" in data:
            data, adding = _with_extra_row(data, "substitutes"), "substitutes"
        elif "add_other" in data:
            data, adding = _with_extra_row(data, "others"), "others"
        form = AttendanceMembersForm(data, meeting=meeting, members=members, reason=reason)
        substitutes = SubstituteFormSet(data, prefix="substitutes", form_kwargs=sub_kwargs)
        others = OtherAttendeeFormSet(data, prefix="others")
        valid = form.is_valid() and substitutes.is_valid() and others.is_valid()
        if adding is None and valid:
            try:
                saved = _attendance_save(request, meeting, form, substitutes, others)
            except services.ListConflict as error:
                # Keep everything typed; saving again applies it over the newer list.
                conflict, saved = error.current, False
                data = data.copy()
                data["fingerprint"] = services.attendance_fingerprint(meeting)
                form = AttendanceMembersForm(data, meeting=meeting, members=members, reason=reason)
                substitutes = SubstituteFormSet(data, prefix="substitutes", form_kwargs=sub_kwargs)
                others = OtherAttendeeFormSet(data, prefix="others")
            if saved:
                messages.success(request, "Attendance saved.")
                return redirect(_manage_url(meeting))
    else:
        initial, subs, others_initial = _attendance_initial(meeting, members)
        initial["fingerprint"] = services.attendance_fingerprint(meeting)
        form = AttendanceMembersForm(
            meeting=meeting, members=members, reason=reason, initial=initial
        )
        substitutes = SubstituteFormSet(prefix="substitutes", form_kwargs=sub_kwargs, initial=subs)
        others = OtherAttendeeFormSet(prefix="others", initial=others_initial)
        adding = None
    return _render(
        request,
        "meetings/minutes/attendance.html",
        {
            "meeting": meeting,
            "form": form,
            "substitutes": substitutes,
            "others": others,
            "error_forms": [] if adding else _error_forms(form, substitutes, others),
            "non_form_errors": [] if adding else list(form.non_field_errors()),
            "heading": _heading(meeting, Council.load()),
            "conflict": conflict,
            "conflict_message": LIST_CONFLICT_MESSAGE.format(what="attendance"),
        },
        status=409 if conflict is not None else 200,
    )


def _attendance_save(request, meeting, form, substitutes, others) -> bool:
    data = form.cleaned_data
    chair = data.get("chair") or ""
    rows = []
    statuses = {}
    for membership in form.members:
        status = data.get(f"member_{membership.person_id}") or NOT_RECORDED
        statuses[membership.person_id] = status
        if status == NOT_RECORDED:
            continue
        rows.append(
            services.AttendanceRow(
                person=membership.person,
                category=form.category_of(membership.person_id),
                status=status,
                is_chair=chair == str(membership.person_id) and status == "present",
                # A member by invitation attends in their capacity ("Cabinet Member for …").
                description=membership.capacity,
            )
        )
    ok = True
    for sub_form in substitutes.forms:
        sub = sub_form.cleaned_data if sub_form.has_changed() else None
        if not sub or not sub.get("person"):
            continue
        if statuses.get(sub["substitute_for"].pk) == Attendance.Status.PRESENT:
            sub_form.add_error(
                "substitute_for",
                f"{sub['substitute_for'].formal_name} is marked present: a substitute replaces "
                "a member who sent apologies",
            )
            ok = False
            continue
        rows.append(
            services.AttendanceRow(
                person=sub["person"],
                category=Attendance.Category.MEMBER,
                substitute_for=sub["substitute_for"],
            )
        )
    if not ok:
        return False
    try:
        with transaction.atomic():
            for row in others.rows():
                if not row.get("category"):
                    continue
                person = row.get("person") or _new_person(row["new_name"].strip())
                rows.append(
                    services.AttendanceRow(
                        person=person,
                        category=row["category"],
                        org_unit_id=row["org_unit"].pk if row.get("org_unit") else None,
                        description=row.get("description", "").strip(),
                    )
                )
            services.attendance_save(
                meeting=meeting,
                rows=rows,
                user=request.user,
                reason=data.get("reason", ""),
                fingerprint=data.get("fingerprint") or None,
            )
    except ValidationError as error:
        for message in error.messages:
            form.add_error(None, message)
        return False
    return True


# --- Declarations --------------------------------------------------------------------------


def declaration_edit(request: HttpRequest, pk: int) -> HttpResponse:
    meeting = get_meeting_for_officer(request, pk)
    reason = services.minutes_need_reason(meeting)
    form_kwargs = {"meeting": meeting}
    adding = False
    conflict = None
    if request.method == "POST":
        data = request.POST
        if "add_declaration" in data:
            data, adding = _with_extra_row(data, "declarations"), True
        formset = DeclarationFormSet(data, prefix="declarations", form_kwargs=form_kwargs)
        reason_form = ReasonForm(data, reason=reason, fingerprint=True)
        if not adding and formset.is_valid() and reason_form.is_valid():
            rows = [
                services.DeclarationRow(
                    person=row["person"],
                    kind=row["kind"],
                    interest=row["interest"].strip(),
                    agenda_item=row.get("agenda_item"),
                    action=row.get("action") or "",
                )
                for row in formset.rows()
                if row.get("person")
            ]
            try:
                services.declarations_save(
                    meeting=meeting,
                    rows=rows,
                    user=request.user,
                    reason=reason_form.cleaned_data.get("reason", ""),
                    fingerprint=reason_form.cleaned_data.get("fingerprint") or None,
                )
            except services.ListConflict as error:
                conflict = error.current
                data = data.copy()
                data["fingerprint"] = services.declarations_fingerprint(meeting)
                formset = DeclarationFormSet(data, prefix="declarations", form_kwargs=form_kwargs)
                reason_form = ReasonForm(data, reason=reason, fingerprint=True)
            except ValidationError as error:
                for message in error.messages:
                    reason_form.add_error(None, message)
            else:
                messages.success(
                    request,
                    "Declarations saved." if rows else "Saved: no interests were declared.",
                )
                return redirect(_manage_url(meeting))
    else:
        initial = [
            {
                "person": row.person_id,
                "agenda_item": row.agenda_item_id,
                "kind": row.kind,
                "interest": row.interest,
                "action": row.action,
            }
            for row in meeting.declarations.order_by("pk")
        ]
        formset = DeclarationFormSet(
            prefix="declarations", form_kwargs=form_kwargs, initial=initial
        )
        reason_form = ReasonForm(
            reason=reason,
            fingerprint=True,
            initial={"fingerprint": services.declarations_fingerprint(meeting)},
        )
    return _render(
        request,
        "meetings/minutes/declarations.html",
        {
            "meeting": meeting,
            "formset": formset,
            "reason_form": reason_form,
            "error_forms": [] if adding else _error_forms(formset, reason_form),
            "non_form_errors": [] if adding else list(reason_form.non_field_errors()),
            "no_interests": Council.load().text_no_interests,
            "heading": _heading(meeting, Council.load()),
            "conflict": conflict,
            "conflict_message": LIST_CONFLICT_MESSAGE.format(what="declarations"),
        },
        status=409 if conflict is not None else 200,
    )


# --- A minute ------------------------------------------------------------------------------


def _minute_initial(minute: Minute) -> tuple[dict, list, list]:
    council = Council.load()
    initial = {
        "number": minute.number,
        "title": minute.title,
        "agenda_item": minute.agenda_item_id,
        "body_html": minute.body_html,
        "discussion_intro": minute.discussion_intro,
        "discussion_points": "\n".join(p.text for p in minute.discussion_points.all()),
        "requests_intro": minute.requests_intro,
        "preamble": "RESOLVED that",
        "label_style": council.resolution_labels,
        "version": minute.version,
    }
    parts = []
    resolution = Resolution.objects.filter(minute=minute).first() if minute.pk else None
    if resolution:
        initial["preamble"] = resolution.preamble
        initial["label_style"] = resolution.label_style
        parts = [
            {
                "text": part.text,
                "tracker_kind": part.tracker_kind,
                "bullets": "\n".join(b.text for b in part.bullets.all()),
            }
            for part in resolution.parts.prefetch_related("bullets")
        ]
    requests = (
        [
            {"text": r.text, "kind": r.kind, "tracker_kind": r.tracker_kind}
            for r in minute.requests.all()
        ]
        if minute.pk
        else []
    )
    return initial, parts, requests


def _minute_data(form, parts, requests) -> dict:
    data = form.cleaned_data
    part_rows = [row for row in parts.rows() if (row.get("text") or "").strip()]
    resolution = None
    if part_rows:
        resolution = services.ResolutionData(
            preamble=(data.get("preamble") or "").strip() or "RESOLVED that",
            label_style=data["label_style"],
            parts=[
                services.PartData(
                    text=row["text"].strip(),
                    tracker_kind=row.get("tracker_kind") or "",
                    bullets=_lines(row.get("bullets", "")),
                )
                for row in part_rows
            ],
        )
    request_rows = []
    undertakings = 0
    for row in requests.rows():
        if not (row.get("text") or "").strip():
            continue
        kind = row.get("kind") or MinuteRequest.Kind.BOARD_REQUEST
        label = ""
        if kind == MinuteRequest.Kind.OFFICER_UNDERTAKING:
            undertakings += 1
            label = f"{undertakings}."
        request_rows.append(
            services.RequestData(
                text=row["text"].strip(),
                kind=kind,
                label=label,
                tracker_kind=row.get("tracker_kind") or "",
            )
        )
    return {
        "number": data["number"],
        "title": data["title"].strip(),
        "agenda_item": data.get("agenda_item"),
        "body_html": data.get("body_html", ""),
        "discussion_intro": data.get("discussion_intro", "").strip(),
        "points": data.get("discussion_points", []),
        "requests_intro": data.get("requests_intro", "").strip(),
        "requests": request_rows,
        "resolution": resolution,
        "reason": data.get("reason", ""),
    }


def _minute_page(request, meeting, minute, *, creating: bool) -> HttpResponse:
    reason = services.minutes_need_reason(meeting)
    kwargs = {"meeting": meeting, "reason": reason}
    conflict = None
    adding = False
    if request.method == "POST":
        data = request.POST
        if "add_part" in data:
            data, adding = _with_extra_row(data, "parts"), True
        elif "add_request" in data:
            data, adding = _with_extra_row(data, "requests"), True
        form = MinuteForm(data, **kwargs)
        parts = PartFormSet(data, prefix="parts")
        requests = RequestFormSet(data, prefix="requests")
        if not adding and form.is_valid() and parts.is_valid() and requests.is_valid():
            values = _minute_data(form, parts, requests)
            if values["agenda_item"] and values["agenda_item"].meeting_id != meeting.pk:
                raise Http404("No such agenda item.")
            taken = (
                Minute.objects.filter(agenda_item=values["agenda_item"])
                .exclude(pk=minute.pk if minute else None)
                .first()
                if values["agenda_item"]
                else None
            )
            if taken:
                form.add_error("agenda_item", f"Minute {taken.number} already records this item")
            else:
                try:
                    if creating:
                        minute = services.minute_create(
                            meeting=meeting, user=request.user, **values
                        )
                    else:
                        minute = services.minute_update(
                            minute=minute,
                            version=form.cleaned_data.get("version") or 0,
                            user=request.user,
                            **values,
                        )
                except services.MinuteConflict as error:
                    conflict = error.current
                    form = form_rebased(form, version=conflict.version, **kwargs)
                except ValidationError as error:
                    add_validation_error(form, error)
                else:
                    messages.success(request, f"Minute {minute.number} saved.")
                    if "save_next" in request.POST:
                        following = (
                            meeting.minutes.filter(number__gt=minute.number)
                            .order_by("number")
                            .first()
                        )
                        if following:
                            return redirect(
                                "meetings:minute_edit", pk=meeting.pk, minute_pk=following.pk
                            )
                    return redirect(_manage_url(meeting))
    else:
        if creating:
            initial = {
                "number": Minute.objects.next_number(meeting.board, meeting.municipal_year),
                "preamble": "RESOLVED that",
                "label_style": Council.load().resolution_labels,
            }
            part_initial, request_initial = [], []
        else:
            initial, part_initial, request_initial = _minute_initial(minute)
        form = MinuteForm(initial=initial, **kwargs)
        parts = PartFormSet(prefix="parts", initial=part_initial)
        requests = RequestFormSet(prefix="requests", initial=request_initial)
    conflict_parts = []
    if conflict is not None:
        conflict_parts = list(
            ResolutionPart.objects.filter(resolution__minute=conflict).order_by("position")
        )
    return _render(
        request,
        "meetings/minutes/minute_form.html",
        {
            "meeting": meeting,
            "minute": minute,
            "creating": creating,
            "form": form,
            "parts": parts,
            "requests": requests,
            "conflict": conflict,
            "conflict_parts": conflict_parts,
            "conflict_message": CONFLICT_MESSAGE,
            "error_forms": [] if adding else _error_forms(form, parts, requests),
            "non_form_errors": [] if adding else list(form.non_field_errors()),
            "heading": _heading(meeting, Council.load()),
        },
        status=409 if conflict is not None else 200,
    )


def minute_add(request: HttpRequest, pk: int) -> HttpResponse:
    meeting = get_meeting_for_officer(request, pk)
    return _minute_page(request, meeting, None, creating=True)


def _minute(meeting: Meeting, minute_pk: int) -> Minute:
    return get_object_or_404(
        Minute.objects.select_related("meeting", "agenda_item", "municipal_year"),
        pk=minute_pk,
        meeting=meeting,
    )


def minute_edit(request: HttpRequest, pk: int, minute_pk: int) -> HttpResponse:
    meeting = get_meeting_for_officer(request, pk)
    return _minute_page(request, meeting, _minute(meeting, minute_pk), creating=False)


def minute_delete(request: HttpRequest, pk: int, minute_pk: int) -> HttpResponse:
    meeting = get_meeting_for_officer(request, pk)
    minute = _minute(meeting, minute_pk)
    reason = services.minutes_need_reason(meeting)
    form = ReasonForm(request.POST if request.method == "POST" else None, reason=reason)
    if request.method == "POST" and form.is_valid():
        number = minute.number
        services.minute_delete(
            minute=minute, user=request.user, reason=form.cleaned_data.get("reason", "")
        )
        messages.success(request, f"Minute {number} deleted.")
        return redirect(_manage_url(meeting))
    return _render(
        request,
        "meetings/minutes/minute_delete.html",
        {
            "meeting": meeting,
            "minute": minute,
            "form": form,
            "error_forms": _error_forms(form) if request.method == "POST" else [],
            "non_form_errors": [],
        },
    )


# --- A board's decisions (public) ----------------------------------------------------------

DECISIONS_PER_PAGE = 20


@login_not_required
@require_safe
def decisions(request: HttpRequest, slug: str) -> HttpResponse:
    """Every resolution of the board's published minutes, newest first, each linking back
    to its minute. A fixed number of queries per page, whatever the number of parts."""
    board = get_object_or_404(Board, slug=slug)
    resolutions = (
        Resolution.objects.visible_to(request.user)
        .filter(minute__board=board)
        .select_related("minute__meeting", "minute__municipal_year")
        .prefetch_related(
            Prefetch("parts", queryset=ResolutionPart.objects.prefetch_related("bullets"))
        )
        .order_by("-minute__meeting__date", "-minute__number", "-pk")
    )
    page = Paginator(resolutions, DECISIONS_PER_PAGE).get_page(request.GET.get("page"))
    council = Council.load()
    rows = [
        {
            "resolution": resolution,
            "minute": resolution.minute,
            "date": council.format("published", resolution.minute.meeting.date),
            "reference": council.minute_reference_format.format(
                number=resolution.minute.number,
                year_short=resolution.minute.municipal_year.year_short,
                year=resolution.minute.municipal_year.start_date.year,
            ),
        }
        for resolution in page.object_list
    ]
    return render(
        request,
        "meetings/minutes/decisions.html",
        {"board": board, "page": page, "rows": rows},
    )
