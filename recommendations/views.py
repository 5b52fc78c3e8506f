"""The recommendations tracker: the co-ordinator's pages, and the public's.

Officers, the co-ordinator and admins reach items through recommendations/access.py
(everyone else gets 404); the public board page and the outstanding-issues report go
through `visible_to` and never show internal notes or officers' e-mail addresses.
"""

import csv

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_not_required
from django.core.paginator import Paginator
from django.db.models import F, Prefetch
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.functional import SimpleLazyObject
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from boards.access import get_board_for_user
from boards.models import Council, Person
from meetings.access import get_meeting_for_user
from meetings.forms import form_rebased
from meetings.models import Minute, ResolutionPart
from recommendations import services
from recommendations.access import (
    can_edit_tracker,
    get_trackeritem_for_user,
    tracker_items_for_user,
)
from recommendations.filters import TrackerItemFilter
from recommendations.forms import TrackerItemEditForm, TrackerItemForm, TrackerResponseForm
from recommendations.models import TrackerItem, TrackerResponse
from scrutiny.pagecache import site_revision

PER_PAGE = 50
CONFLICT_MESSAGE = (
    "Someone else updated this item while you were writing. Their change is shown below; "
    "your text is kept — check it and save again."
)

# ?sort= values the tracker accepts; anything else falls back to the first. Every order
# ends with the primary key so that pages never overlap or skip rows.
SORTS = {
    "meeting": (F("source_meeting__date").asc(), "position", "pk"),
    "-meeting": (F("source_meeting__date").desc(), "-position", "-pk"),
    "due_date": (F("due_date").asc(nulls_last=True), "pk"),
    "-due_date": (F("due_date").desc(nulls_last=True), "-pk"),
    "board": ("board__name", "source_meeting__date", "position", "pk"),
    "-board": ("-board__name", "-source_meeting__date", "-position", "-pk"),
    "status": ("status", "due_date", "pk"),
    "-status": ("-status", "-due_date", "-pk"),
    "kind": ("kind", "source_meeting__date", "pk"),
    "-kind": ("-kind", "-source_meeting__date", "-pk"),
}
SORT_OPTIONS = [
    ("meeting", "Meeting date, oldest first"),
    ("-meeting", "Meeting date, newest first"),
    ("due_date", "Due date, soonest first"),
    ("-due_date", "Due date, latest first"),
    ("board", "Board"),
    ("status", "Status"),
    ("kind", "Type"),
]
# The table's headings; those with a key sort by it.
COLUMNS = [
    ("meeting", "Meeting"),
    (None, "Recommendation or action"),
    ("due_date", "Due"),
]


def _tracker_filter(request: HttpRequest) -> TrackerItemFilter:
    """The tracker filter bound to the query string."""
    items = tracker_items_for_user(request).select_related(
        "board", "source_meeting", "responsible_person"
    )
    return TrackerItemFilter(request.GET, queryset=items)


def _sort(request: HttpRequest) -> str:
    sort = request.GET.get("sort", "")
    return sort if sort in SORTS else "meeting"


def _sort_links(request: HttpRequest, sort: str) -> list[dict]:
    """The column headings: each links to its ascending sort, or descending if already so."""
    links = []
    for key, label in COLUMNS:
        if key is None:
            links.append({"label": label, "query": "", "aria_sort": "none"})
            continue
        current = "ascending" if sort == key else "descending" if sort == f"-{key}" else ""
        query = request.GET.copy()
        query["sort"] = f"-{key}" if sort == key else key
        query.pop("page", None)
        links.append({"label": label, "query": query.urlencode(), "aria_sort": current or "none"})
    return links


@require_safe
def tracker(request: HttpRequest) -> HttpResponse:
    sort = _sort(request)
    # Lazy, as the page is: building the filter's form copies all its fields, which a
    # view of the tracker served from the cache never needs.
    tracker_filter = SimpleLazyObject(lambda: _tracker_filter(request))

    def page_of_items():
        items = tracker_filter.qs.order_by(*SORTS[sort]).prefetch_related(
            Prefetch("officer_contacts", queryset=Person.objects.order_by("surname"))
        )
        return Paginator(items, PER_PAGE).get_page(request.GET.get("page"))

    # Lazy: a view of the tracker served from the cache (see the template) never checks
    # its filters, counts or reads rows.
    page = SimpleLazyObject(page_of_items)
    return render(
        request,
        "recommendations/tracker.html",
        {
            "filter": tracker_filter,
            "page": page,
            "page_range": SimpleLazyObject(
                lambda: list(page.paginator.get_elided_page_range(page.number, on_each_side=1))
            ),
            "sort_links": _sort_links(request, sort),
            "sort": sort,
            "sort_options": SORT_OPTIONS,
            "today": timezone.localdate(),
            "can_edit": can_edit_tracker(request.user),
            # The filters and the table are stored for this revision of the site: every
            # officer asking for the same view of the tracker gets the same fragment.
            "cache_seconds": settings.PAGE_CACHE_SECONDS,
            "site_revision": site_revision(request),
        },
    )


@require_safe
def tracker_csv(request: HttpRequest) -> HttpResponse:
    sort, tracker_filter = _sort(request), _tracker_filter(request)
    items = tracker_filter.qs.order_by(*SORTS[sort]).prefetch_related(
        "officer_contacts",
        Prefetch("responses", queryset=TrackerResponse.objects.order_by("date", "pk")),
    )
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="tracker.csv"'
    csv.writer(response).writerows(services.tracker_csv_rows(items=items))
    return response


def _detail(request: HttpRequest, item: TrackerItem, response_form=None, conflict=False, **extra):
    responses = item.responses.select_related("recorded_by").order_by("date", "pk")
    records = list(item.history.select_related("history_user").order_by("history_date", "pk"))
    history = []
    previous = None
    for record in records:
        changes = []
        if previous is not None:
            delta = record.diff_against(previous, excluded_fields=["version"])
            changes = [
                TrackerItem._meta.get_field(change.field).verbose_name for change in delta.changes
            ]
        history.append({"record": record, "changes": changes})
        previous = record
    history.reverse()
    if response_form is None and can_edit_tracker(request.user):
        response_form = TrackerResponseForm(initial={"version": item.version})
    return render(
        request,
        "recommendations/trackeritem_detail.html",
        {
            "item": item,
            "contacts": item.officer_contacts.order_by("surname"),
            "responses": responses,
            "history": history,
            "response_form": response_form,
            "conflict": conflict,
            "conflict_message": CONFLICT_MESSAGE,
            "today": timezone.localdate(),
            "can_edit": can_edit_tracker(request.user),
            **extra,
        },
        status=409 if conflict else 200,
    )


@require_safe
def trackeritem_detail(request: HttpRequest, pk: int) -> HttpResponse:
    return _detail(request, get_trackeritem_for_user(request, pk))


@require_POST
def trackeritem_respond(request: HttpRequest, pk: int) -> HttpResponse:
    item = get_trackeritem_for_user(request, pk, write=True)
    form = TrackerResponseForm(request.POST)
    if not form.is_valid():
        return _detail(request, item, response_form=form)
    data = form.cleaned_data
    try:
        services.tracker_item_respond(
            item=item,
            version=data["version"],
            user=request.user,
            date=data["date"],
            text=data["text"],
            from_text=data["from_text"],
            complete=data["complete"],
        )
    except services.TrackerItemConflict as conflict:
        current = get_trackeritem_for_user(request, conflict.current.pk)
        return _detail(request, current, response_form=_rebased(form, current), conflict=True)
    messages.success(
        request, "Response saved; the item is complete." if data["complete"] else "Response saved."
    )
    return redirect("recommendations:trackeritem_detail", pk=item.pk)


def _rebased(form, current: TrackerItem):
    """The user's form, unchanged but for the version: saving again applies it on top."""
    # Validating a ModelForm writes into its instance: give it a copy, not the item shown.
    extra = (
        {"instance": TrackerItem.objects.get(pk=current.pk)}
        if form._meta.model is TrackerItem
        else {}
    )
    return form_rebased(form, version=current.version, **extra)


@require_http_methods(["GET", "POST"])
def trackeritem_edit(request: HttpRequest, pk: int) -> HttpResponse:
    item = get_trackeritem_for_user(request, pk, write=True)
    conflict = False
    if request.method == "POST":
        form = TrackerItemEditForm(request.POST, instance=item)
        if form.is_valid():
            fields = {name: form.cleaned_data[name] for name in TrackerItemEditForm.Meta.fields}
            try:
                services.tracker_item_update(
                    item=item, version=form.cleaned_data["version"], user=request.user, **fields
                )
            except services.TrackerItemConflict as error:
                item = get_trackeritem_for_user(request, error.current.pk)
                form, conflict = _rebased(form, item), True
            else:
                messages.success(request, "Changes saved.")
                return redirect("recommendations:trackeritem_detail", pk=item.pk)
    else:
        form = TrackerItemEditForm(instance=item, initial={"version": item.version})
    return render(
        request,
        "recommendations/trackeritem_edit.html",
        {"item": item, "form": form, "conflict": conflict, "conflict_message": CONFLICT_MESSAGE},
        status=409 if conflict else 200,
    )


def _source(request: HttpRequest) -> tuple[ResolutionPart | None, Minute]:
    """The resolution part (?part=) or, for a request made in discussion, the minute (?minute=)."""
    source = request.POST if request.method == "POST" else request.GET
    tracker_items_for_user(request)  # 404 unless the user keeps the tracker
    try:
        if source.get("part"):
            part = get_object_or_404(
                ResolutionPart.objects.visible_to(request.user).select_related(
                    "resolution__minute__meeting__board", "resolution__minute__agenda_item"
                ),
                pk=int(source["part"]),
            )
            return part, part.resolution.minute
        if source.get("minute"):
            minute = get_object_or_404(
                Minute.objects.visible_to(request.user).select_related(
                    "meeting__board", "agenda_item"
                ),
                pk=int(source["minute"]),
            )
            return None, minute
    except ValueError:
        pass
    raise Http404("Choose a resolution part or a minute.")


@require_http_methods(["GET", "POST"])
def trackeritem_create_from_part(request: HttpRequest) -> HttpResponse:
    part, minute = _source(request)
    if not can_edit_tracker(request.user):
        raise Http404
    if part is not None and part.tracker_items.exists():
        messages.info(request, "This resolution part is already on the tracker.")
        return redirect("recommendations:trackeritem_detail", pk=part.tracker_items.first().pk)
    if request.method == "POST":
        form = TrackerItemForm(request.POST)
        if form.is_valid():
            data = form.cleaned_data
            common = {
                "kind": data["kind"],
                "text": data["text"],
                "user": request.user,
                "responsible_text": data["responsible_text"],
                "responsible_person": data["responsible_person"],
                "officer_contacts": list(data["officer_contacts"]),
            }
            if part is not None:
                item = services.tracker_item_create_from_part(part=part, **common)
            else:
                item = services.tracker_item_create(
                    board=minute.meeting.board,
                    source_meeting=minute.meeting,
                    agenda_item_title=minute.agenda_item.title
                    if minute.agenda_item
                    else minute.title,
                    minute=minute,
                    agenda_item=minute.agenda_item,
                    **common,
                )
            messages.success(request, "Added to the tracker.")
            return redirect("recommendations:trackeritem_detail", pk=item.pk)
    else:
        initial = {"text": part.text, "kind": _kind_of(part)} if part else {}
        form = TrackerItemForm(initial=initial)
    return render(
        request,
        "recommendations/trackeritem_create.html",
        {"form": form, "part": part, "minute": minute},
    )


def _kind_of(part: ResolutionPart) -> str:
    return part.tracker_kind if part.tracker_kind in TrackerItem.Kind.values else ""


@login_not_required
@require_safe
def board_recommendations(request: HttpRequest, slug: str) -> HttpResponse:
    board = get_board_for_user(request, slug)
    if not board.keeps_tracker:
        raise Http404("This board does not keep a recommendations tracker.")
    items = (
        TrackerItem.objects.visible_to(request.user)
        .filter(board=board)
        .select_related("source_meeting")
        .prefetch_related(
            Prefetch("responses", queryset=TrackerResponse.objects.order_by("date", "pk"))
        )
        .order_by("-source_meeting__date", "position", "pk")
    )
    page = Paginator(items, PER_PAGE).get_page(request.GET.get("page"))
    return render(
        request,
        "recommendations/board_recommendations.html",
        {"board": board, "page": page, "council": Council.load()},
    )


@login_not_required
@require_safe
def outstanding_issues(request: HttpRequest, pk: int) -> HttpResponse:
    meeting = get_meeting_for_user(request, pk)
    if not meeting.board.keeps_tracker:
        raise Http404("This board does not keep a recommendations tracker.")
    council = Council.load()
    items = services.outstanding_issues_report(meeting=meeting)
    # Only what the user may see: items from a private item's minute are exempt.
    visible = set(
        TrackerItem.objects.visible_to(request.user)
        .filter(pk__in=[item.pk for item in items])
        .values_list("pk", flat=True)
    )
    rows = [
        {
            "item": item,
            "meeting_date": council.format("tracker", item.source_meeting.date),
        }
        for item in items
        if item.pk in visible
    ]
    return render(
        request,
        "recommendations/outstanding_issues.html",
        {"meeting": meeting, "rows": rows, "council": council},
    )
