"""Tracker workflows: keyword-only functions named <entity>_<action>.

Every change to a tracker item goes through `save()` (audited by django-simple-history,
with the acting user) and checks the item's version, so that two people updating one item
at once never silently overwrite each other (security.md, "Lost updates").
"""

import calendar
import datetime
from collections import defaultdict
from collections.abc import Iterable, Iterator

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.mail import send_mail
from django.db import transaction
from django.db.models import Max, Prefetch
from django.template.loader import render_to_string
from django.urls import reverse

from boards.models import Board, Council, Person
from meetings.models import AgendaItem, Meeting, Minute, MinuteRequest, ResolutionPart
from recommendations.models import (
    TrackerItem,
    TrackerItemReport,
    TrackerReminder,
    TrackerResponse,
)

# Fields `tracker_item_update` may change; status changes go through `tracker_item_respond`.
UPDATABLE_FIELDS = frozenset(
    {
        "text",
        "kind",
        "responsible_text",
        "responsible_person",
        "officer_contacts",
        "due_date",
        "internal_notes",
        "agenda_item_title",
    }
)


class TrackerItemConflict(Exception):
    """Someone else saved the item since it was read; `current` is the item as now saved."""

    def __init__(self, current: TrackerItem) -> None:
        self.current = current
        super().__init__(
            "Someone else has updated this item since you opened it. Check their change, "
            "then save yours again."
        )


# --- Due dates ---------------------------------------------------------------------------


def _add_months(day: datetime.date, months: int) -> datetime.date:
    """The same day `months` later, clamped to the month's end (31 Dec + 2 → 28/29 Feb)."""
    year, month_index = divmod(day.month - 1 + months, 12)
    year += day.year
    month = month_index + 1
    return day.replace(
        year=year, month=month, day=min(day.day, calendar.monthrange(year, month)[1])
    )


def tracker_item_due_date(
    *, meeting_date: datetime.date, kind: str, council: Council | None = None
) -> datetime.date | None:
    """When a response is due: recommendations only.

    The executive must respond to a scrutiny recommendation within two months (Local
    Government Act 2000 s9FE; statutory guidance on overview and scrutiny, 2019); the
    council may configure another period. Actions and information requests have no
    statutory deadline.
    """
    if kind != TrackerItem.Kind.RECOMMENDATION:
        return None
    council = council or Council.load()
    return _add_months(meeting_date, council.tracker_response_months)


# --- Creating and changing items ---------------------------------------------------------


def _save(item: TrackerItem, user) -> None:
    """Validate and save an item with the acting user in its history."""
    item.full_clean(exclude=["officer_contacts"])
    # simple_history takes the user from `_history_user` before the request middleware.
    item._history_user = user
    item.save()


@transaction.atomic
def tracker_item_create(
    *,
    board: Board,
    source_meeting: Meeting,
    kind: str,
    text: str,
    agenda_item_title: str,
    user,
    responsible_text: str = "",
    responsible_person: Person | None = None,
    officer_contacts: Iterable[Person] = (),
    resolution_part: ResolutionPart | None = None,
    minute_request: MinuteRequest | None = None,
    minute: Minute | None = None,
    agenda_item: AgendaItem | None = None,
    position: int | None = None,
    internal_notes: str = "",
) -> TrackerItem:
    """Put a recommendation, action or information request on the tracker."""
    if source_meeting.board_id != board.pk:
        raise ValidationError({"source_meeting": "Choose a meeting of this item's board."})
    if position is None:
        # Lock the meeting so that two people adding items get different positions.
        Meeting.objects.select_for_update().filter(pk=source_meeting.pk).first()
        last = TrackerItem.objects.filter(source_meeting=source_meeting).aggregate(
            last=Max("position")
        )["last"]
        position = (last or 0) + 1
    item = TrackerItem(
        board=board,
        source_meeting=source_meeting,
        agenda_item=agenda_item,
        minute=minute,
        resolution_part=resolution_part,
        minute_request=minute_request,
        agenda_item_title=agenda_item_title,
        kind=kind,
        text=text,
        responsible_text=responsible_text,
        responsible_person=responsible_person,
        due_date=tracker_item_due_date(meeting_date=source_meeting.date, kind=kind),
        internal_notes=internal_notes,
        position=position,
    )
    _save(item, user)
    item.officer_contacts.set(officer_contacts)
    return item


@transaction.atomic
def tracker_item_create_from_part(
    *,
    part: ResolutionPart,
    kind: str,
    text: str,
    user,
    responsible_text: str = "",
    responsible_person: Person | None = None,
    officer_contacts: Iterable[Person] = (),
) -> TrackerItem:
    """Mark a resolution part as R, A or I and put it on the tracker, once."""
    part = (
        ResolutionPart.objects.select_for_update()
        .select_related("resolution__minute__meeting__board")
        .get(pk=part.pk)
    )
    if TrackerItem.objects.filter(resolution_part=part).exists():
        raise ValidationError("This resolution part is already on the tracker.")
    minute = part.resolution.minute
    item = tracker_item_create(
        board=minute.meeting.board,
        source_meeting=minute.meeting,
        kind=kind,
        text=text,
        agenda_item_title=minute.title,
        user=user,
        responsible_text=responsible_text,
        responsible_person=responsible_person,
        officer_contacts=officer_contacts,
        resolution_part=part,
        minute=minute,
        agenda_item=minute.agenda_item,
    )
    part.tracker_kind = kind
    part._history_user = user
    part.save(update_fields=["tracker_kind"])
    return item


def _locked(item: TrackerItem, version: int) -> TrackerItem:
    """The item locked for update, or TrackerItemConflict if it has moved on from `version`."""
    current = TrackerItem.objects.select_for_update().get(pk=item.pk)
    if current.version != version:
        raise TrackerItemConflict(
            TrackerItem.objects.prefetch_related("officer_contacts", "responses").get(pk=item.pk)
        )
    return current


def tracker_item_update(*, item: TrackerItem, version: int, user, **fields) -> TrackerItem:
    """Edit an item's wording, owners, contacts, due date or notes, if nobody else has.

    `version` is the version the user read; when the saved item has moved on the change
    is refused with TrackerItemConflict, which carries the item as now saved.
    """
    unknown = set(fields) - UPDATABLE_FIELDS
    if unknown:
        raise TypeError(f"tracker_item_update() cannot change {', '.join(sorted(unknown))}")
    with transaction.atomic():
        current = _locked(item, version)
        contacts = fields.pop("officer_contacts", None)
        kind_changed = "kind" in fields and fields["kind"] != current.kind
        for name, value in fields.items():
            setattr(current, name, value)
        if kind_changed and "due_date" not in fields:
            current.due_date = tracker_item_due_date(
                meeting_date=current.source_meeting.date, kind=current.kind
            )
        current.version += 1
        _save(current, user)
        if contacts is not None:
            current.officer_contacts.set(contacts)
        if kind_changed and current.resolution_part_id:
            part = current.resolution_part
            part.tracker_kind = current.kind
            part._history_user = user
            part.save(update_fields=["tracker_kind"])
    return current


def tracker_item_respond(
    *,
    item: TrackerItem,
    version: int,
    user,
    date: datetime.date,
    text: str,
    from_text: str = "",
    complete: bool = False,
) -> TrackerItem:
    """Record a response on an item and mark it in progress, or complete."""
    with transaction.atomic():
        current = _locked(item, version)
        response = TrackerResponse(
            tracker_item=current, date=date, text=text, from_text=from_text, recorded_by=user
        )
        response.full_clean()
        response.save()
        if complete:
            current.status = TrackerItem.Status.COMPLETE
            current.completed_on = date
        else:
            current.status = TrackerItem.Status.IN_PROGRESS
            current.completed_on = None
        current.version += 1
        _save(current, user)
    return current


# --- The outstanding-issues report -------------------------------------------------------


def _response_status(item: TrackerItem) -> str:
    """The report's Response/Status cell: "Letter sent 26/7/16 COMPLETE"."""
    text = " ".join(response.text.strip() for response in item.responses.all())
    if item.is_complete:
        text = f"{text} COMPLETE".strip()
    return text


def _officer_contact_text(item: TrackerItem) -> str:
    """The report's Officer contact cell: "Gennie Holmes/Michelle Rose"."""
    return "/".join(person.full_name for person in item.officer_contacts.all())


def outstanding_issues_report(*, meeting: Meeting) -> list[TrackerItem]:
    """The items the outstanding-issues report for `meeting` lists, in the seed's order.

    Each item carries `response_status` and `officer_contact_text`, the report's cells.
    """
    items = list(
        TrackerItem.objects.for_report(meeting)
        .select_related("source_meeting", "board", "responsible_person")
        .prefetch_related(
            Prefetch("responses", queryset=TrackerResponse.objects.order_by("date", "pk")),
            Prefetch("officer_contacts", queryset=Person.objects.order_by("surname", "pk")),
        )
        .order_by("source_meeting__date", "position", "pk")
    )
    for item in items:
        item.response_status = _response_status(item)
        item.officer_contact_text = _officer_contact_text(item)
    return items


@transaction.atomic
def outstanding_issues_report_record(*, meeting: Meeting) -> int:
    """Record which items the meeting's report showed, and in what status.

    Called when the agenda is published, and again on republication: the record is of
    the report as last published, so a later report knows which completions the board has
    already seen (Coventry, minute 12 of 21 July 2016).
    """
    items = outstanding_issues_report(meeting=meeting)
    for item in items:
        TrackerItemReport.objects.update_or_create(
            tracker_item=item, meeting=meeting, defaults={"status_shown": item.status}
        )
    TrackerItemReport.objects.filter(meeting=meeting).exclude(
        tracker_item__in=[item.pk for item in items]
    ).delete()
    return len(items)


# --- CSV export --------------------------------------------------------------------------

CSV_HEADER = [
    "Meeting Date",
    "Agenda Item",
    "Cabinet Member/Responsible Officer",
    "Rec/Action/Information",
    "Recommendations/Actions",
    "Officer contact",
    "Response/Status",
    "Board",
    "Status",
    "Due date",
]

# A spreadsheet reads a cell starting with one of these as a formula (OWASP, CSV Injection).
_FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


def _csv_cell(value: str) -> str:
    return f"'{value}" if value.startswith(_FORMULA_PREFIXES) else value


def tracker_csv_rows(*, items: Iterable[TrackerItem]) -> Iterator[list[str]]:
    """The header, then one row per item in the report's columns, formula-safe.

    `items` should already be filtered through `visible_to`; pass a queryset with
    `responses` and `officer_contacts` prefetched to keep to a fixed number of queries.
    """
    council = Council.load()
    yield CSV_HEADER
    for item in items:
        row = [
            council.format("tracker", item.source_meeting.date),
            item.agenda_item_title,
            item.responsible_text,
            item.kind,
            item.text,
            _officer_contact_text(item),
            _response_status(item),
            item.board.name,
            item.get_status_display(),
            item.due_date.isoformat() if item.due_date else "",
        ]
        yield [_csv_cell(cell) for cell in row]


# --- Reminders ---------------------------------------------------------------------------


def _absolute_url(path: str) -> str:
    return settings.SITE_URL.rstrip("/") + path


def _reminder_line(item: TrackerItem, today: datetime.date) -> dict:
    """What an e-mail says of an item: titles, dates and a link; never text or notes.

    The item's text may come from a private (exempt) minute, so e-mails carry the link
    and the reader logs in to read it (security.md, "e-mails carry links, not content").
    """
    return {
        "board": item.board.name,
        "meeting_date": item.source_meeting.date,
        "agenda_item_title": item.agenda_item_title,
        "kind": item.get_kind_display(),
        "due_date": item.due_date,
        "overdue": item.due_date < today,
        "url": _absolute_url(reverse("recommendations:trackeritem_detail", args=[item.pk])),
    }


def _send_on_commit(*, subject: str, body: str, to: str) -> None:
    transaction.on_commit(
        lambda: send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, [to], fail_silently=False)
    )


@transaction.atomic
def tracker_reminders_send(*, today: datetime.date, due_soon_days: int = 14) -> int:
    """E-mail each officer contact their items due soon or overdue, and each board's
    scrutiny co-ordinator a summary. Returns the number of e-mails sent.

    Idempotent per day: a TrackerReminder row per person, day and kind is created with
    the e-mail, so a second run on the same day (cron retried) sends nothing new.
    """
    horizon = today + datetime.timedelta(days=due_soon_days)
    items = list(
        TrackerItem.objects.outstanding()
        .filter(due_date__isnull=False, due_date__lte=horizon)
        .select_related("board__scrutiny_coordinator", "source_meeting")
        .prefetch_related("officer_contacts")
        .order_by("due_date", "source_meeting__date", "position")
    )
    by_contact: dict[Person, list[TrackerItem]] = defaultdict(list)
    by_coordinator: dict[Person, list[TrackerItem]] = defaultdict(list)
    for item in items:
        for person in item.officer_contacts.all():
            if person.email:
                by_contact[person].append(item)
        coordinator = item.board.scrutiny_coordinator
        if coordinator is not None and coordinator.email:
            by_coordinator[coordinator].append(item)

    sent = 0
    for kind, recipients, template in (
        (TrackerReminder.Kind.OFFICER_DIGEST, by_contact, "tracker_officer_digest"),
        (TrackerReminder.Kind.COORDINATOR_SUMMARY, by_coordinator, "tracker_coordinator_summary"),
    ):
        for person, person_items in recipients.items():
            _, created = TrackerReminder.objects.get_or_create(
                person=person, sent_on=today, kind=kind, defaults={"item_count": len(person_items)}
            )
            if not created:
                continue
            lines = [_reminder_line(item, today) for item in person_items]
            if kind == TrackerReminder.Kind.COORDINATOR_SUMMARY:
                lines.sort(key=lambda line: line["board"])  # grouped by board; stable sort
            context = {
                "person": person,
                "today": today,
                "items": lines,
                "overdue_count": sum(line["overdue"] for line in lines),
                "due_soon_count": sum(not line["overdue"] for line in lines),
                "tracker_url": _absolute_url(reverse("recommendations:tracker")),
            }
            subject = render_to_string(f"emails/{template}_subject.txt", context).strip()
            body = render_to_string(f"emails/{template}.txt", context)
            _send_on_commit(subject=subject, body=body, to=person.email)
            sent += 1
    return sent


# --- From published minutes --------------------------------------------------------------


@transaction.atomic
def tracker_items_create_from_minutes(*, meeting: Meeting, user) -> list[TrackerItem]:
    """Put a meeting's flagged resolution parts and requests on its board's tracker, once.

    Called when the minutes are published (meetings.signals.minutes_published). Parts and
    requests already on the tracker are left alone, so publishing again adds nothing; the
    co-ordinator refines the wording, owner and contacts afterwards. Boards that keep no
    tracker get no items.
    """
    meeting = Meeting.objects.select_for_update().select_related("board").get(pk=meeting.pk)
    if not meeting.board.keeps_tracker:
        return []
    created = []
    parts = (
        ResolutionPart.objects.filter(resolution__minute__meeting=meeting)
        .exclude(tracker_kind="")
        .filter(tracker_items__isnull=True)
        .order_by("resolution__minute__number", "position")
    )
    for part in parts:
        created.append(
            tracker_item_create_from_part(
                part=part, kind=part.tracker_kind, text=part.text, user=user
            )
        )
    requests = (
        MinuteRequest.objects.filter(minute__meeting=meeting)
        .exclude(tracker_kind="")
        .filter(tracker_items__isnull=True)
        .select_related("minute__agenda_item")
        .order_by("minute__number", "position")
    )
    for request in requests:
        created.append(
            tracker_item_create(
                board=meeting.board,
                source_meeting=meeting,
                kind=request.tracker_kind,
                text=request.text,
                agenda_item_title=request.minute.title,
                user=user,
                minute_request=request,
                minute=request.minute,
                agenda_item=request.minute.agenda_item,
            )
        )
    return created
