"""Writing the minutes: attendance, declarations, numbered minutes and their resolutions;
publishing them as draft minutes, approving them at the next meeting and correcting them.

The minutes are structured data: the minutes page, the decisions list and the tracker all
come from these rows. Every save of a minute checks its `version`, so that two officers
writing one minute at once never silently overwrite each other (security.md, "Lost
updates"). Once the minutes are approved every change records a `MinutesCorrection`.
"""

import dataclasses
import hashlib
import html as html_module
import re
from collections.abc import Callable, Iterable

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone

from boards.models import Council, Person
from meetings.html import clean_html
from meetings.models import (
    AgendaItem,
    Attendance,
    Declaration,
    DiscussionPoint,
    Meeting,
    Minute,
    MinuteRequest,
    MinutesCorrection,
    Resolution,
    ResolutionBullet,
    ResolutionPart,
)
from meetings.signals import minutes_published

NUMBER_TAKEN = "Minute %(number)s already exists for this board in %(year)s. Choose another number."


class MinuteConflict(Exception):
    """Someone else saved the minute since it was read; `current` is the minute as now saved."""

    def __init__(self, current: Minute) -> None:
        self.current = current
        super().__init__(
            "Someone else has changed this minute since you opened it. Check their change, "
            "then save yours again."
        )


class ListConflict(Exception):
    """Someone else saved a meeting's attendance or declarations since they were read;
    `current` is what is now saved, as text."""

    def __init__(self, current: str) -> None:
        self.current = current
        super().__init__("Someone else has saved this list since you opened it.")


def _fingerprint(text: str) -> str:
    return hashlib.sha256(text.encode()).hexdigest()[:20]


# --- Data the forms hand over ----------------------------------------------------------


@dataclasses.dataclass
class RequestData:
    text: str
    kind: str = MinuteRequest.Kind.BOARD_REQUEST
    label: str = ""
    tracker_kind: str = ""


@dataclasses.dataclass
class PartData:
    text: str
    tracker_kind: str = ""
    bullets: list[str] = dataclasses.field(default_factory=list)


@dataclasses.dataclass
class ResolutionData:
    preamble: str
    label_style: str
    parts: list[PartData]


@dataclasses.dataclass
class AttendanceRow:
    person: Person
    category: str
    status: str = Attendance.Status.PRESENT
    is_chair: bool = False
    substitute_for: Person | None = None
    org_unit_id: int | None = None
    description: str = ""


@dataclasses.dataclass
class DeclarationRow:
    person: Person
    kind: str
    interest: str
    agenda_item: AgendaItem | None = None
    action: str = ""


# --- Corrections -----------------------------------------------------------------------


def minutes_need_reason(meeting: Meeting) -> bool:
    """Approved minutes change only with a recorded reason."""
    return meeting.minutes_approved_at_id is not None


def _record_correction(
    *, meeting: Meeting, user, before: str, after: str, subject: str, reason: str
) -> None:
    if not minutes_need_reason(meeting) or before == after:
        return
    if not reason.strip():
        raise ValidationError("These minutes have been approved. Say why you are correcting them.")
    MinutesCorrection.objects.create(
        meeting=meeting,
        made_by=user,
        what_changed=f"{subject}\nBefore:\n{before}\nAfter:\n{after}",
        reason=reason.strip(),
    )


def _attendance_text(meeting: Meeting) -> str:
    rows = meeting.attendances.select_related("person", "substitute_for").order_by(
        "category", "person__surname", "pk"
    )
    lines = []
    for row in rows:
        line = (
            f"{row.get_category_display()}: {row.person.formal_name} ({row.get_status_display()})"
        )
        if row.substitute_for_id:
            line += f", substitute for {row.substitute_for.formal_name}"
        if row.description:
            line += f", {row.description}"
        lines.append(line)
    return "\n".join(lines) or "(none)"


def _declarations_text(meeting: Meeting) -> str:
    rows = meeting.declarations.select_related("person", "agenda_item").order_by("pk")
    lines = [
        f"{row.person.formal_name}: {row.get_kind_display()}: {row.interest}"
        + (f" (item {row.agenda_item.number})" if row.agenda_item_id else "")
        + (f", {row.get_action_display().lower()}" if row.action else "")
        for row in rows
    ]
    return "\n".join(lines) or "(none)"


def _minute_text(minute: Minute | None) -> str:
    """A minute as plain text, to show what a correction changed."""
    if minute is None or minute.pk is None:
        return "(no minute)"
    lines = [f"{minute.number}. {minute.title}"]
    body = html_module.unescape(re.sub(r"<[^>]+>", " ", minute.body_html or ""))
    if body.strip():
        lines.append(" ".join(body.split()))
    if minute.discussion_intro:
        lines.append(minute.discussion_intro)
    lines += [f"- {point.text}" for point in minute.discussion_points.order_by("position")]
    if minute.requests_intro:
        lines.append(minute.requests_intro)
    lines += [
        f"{request.label or '-'} {request.text}" for request in minute.requests.order_by("position")
    ]
    resolution = Resolution.objects.filter(minute=minute).first()
    if resolution:
        lines.append(resolution.preamble)
        for part in resolution.parts.order_by("position"):
            lines.append(f"{part.label} {part.text}".strip())
            lines += [f"  - {bullet.text}" for bullet in part.bullets.order_by("position")]
    return "\n".join(lines)


# --- Attendance and declarations -------------------------------------------------------


def attendance_fingerprint(meeting: Meeting) -> str:
    """A short digest of the saved attendance, for the lost-update check."""
    return _fingerprint(_attendance_text(meeting))


def declarations_fingerprint(meeting: Meeting) -> str:
    return _fingerprint(_declarations_text(meeting))


def _meeting_list_replace(
    *,
    meeting: Meeting,
    related,
    records: Iterable,
    describe: Callable[[Meeting], str],
    subject: str,
    user,
    reason: str,
    fingerprint: str | None,
) -> None:
    """Replace one of the meeting's lists (attendance, declarations) with `records`.

    Locks the meeting, refuses with ListConflict when the list as `describe`d has changed
    since the user read its `fingerprint`, validates and saves each record (a generator is
    read only after the old rows are gone), and records the change as a correction.
    """
    Meeting.objects.select_for_update().filter(pk=meeting.pk).first()
    before = describe(meeting)
    if fingerprint is not None and fingerprint != _fingerprint(before):
        raise ListConflict(before)
    related.all().delete()
    for record in records:
        record.full_clean()
        record.save()
    _record_correction(
        meeting=meeting,
        user=user,
        before=before,
        after=describe(meeting),
        subject=subject,
        reason=reason,
    )


@transaction.atomic
def attendance_save(
    *,
    meeting: Meeting,
    rows: Iterable[AttendanceRow],
    user,
    reason: str = "",
    fingerprint: str | None = None,
) -> None:
    """Replace the meeting's attendance with `rows` (one form holds it all).

    `fingerprint` is `attendance_fingerprint` as the user read it: when the saved
    attendance has changed since, the save is refused with ListConflict.
    """
    _meeting_list_replace(
        meeting=meeting,
        related=meeting.attendances,
        records=(
            Attendance(
                meeting=meeting,
                person=row.person,
                category=row.category,
                status=row.status,
                is_chair=row.is_chair,
                substitute_for=row.substitute_for,
                org_unit_id=row.org_unit_id,
                description=row.description,
            )
            for row in rows
        ),
        describe=_attendance_text,
        subject="Attendance",
        user=user,
        reason=reason,
        fingerprint=fingerprint,
    )


def _declaration(meeting: Meeting, row: DeclarationRow) -> Declaration:
    if row.agenda_item and row.agenda_item.meeting_id != meeting.pk:
        raise ValidationError("Choose an item of this meeting's agenda.")
    return Declaration(
        meeting=meeting,
        person=row.person,
        kind=row.kind,
        interest=row.interest,
        agenda_item=row.agenda_item,
        action=row.action,
    )


@transaction.atomic
def declarations_save(
    *,
    meeting: Meeting,
    rows: Iterable[DeclarationRow],
    user,
    reason: str = "",
    fingerprint: str | None = None,
) -> None:
    """Replace the meeting's declarations of interests with `rows` (refused with
    ListConflict when they changed since `declarations_fingerprint` was read)."""
    _meeting_list_replace(
        meeting=meeting,
        related=meeting.declarations,
        records=(_declaration(meeting, row) for row in rows),
        describe=_declarations_text,
        subject="Declarations of interests",
        user=user,
        reason=reason,
        fingerprint=fingerprint,
    )


# --- Minutes ---------------------------------------------------------------------------

# Apologies are recorded in the attendance block and never get a numbered minute.
UNMINUTED_KINDS = frozenset({AgendaItem.Kind.APOLOGIES})


def _save_number(minute: Minute) -> None:
    """Save a minute; a number taken in the meantime becomes a form error, never a 500."""
    try:
        with transaction.atomic():
            minute.save()
    except IntegrityError as error:
        if (
            Minute.objects.filter(
                board_id=minute.board_id,
                municipal_year_id=minute.municipal_year_id,
                number=minute.number,
            )
            .exclude(pk=minute.pk)
            .exists()
        ):
            raise ValidationError(
                {
                    "number": ValidationError(
                        NUMBER_TAKEN,
                        params={"number": minute.number, "year": minute.municipal_year},
                    )
                }
            ) from error
        raise


@transaction.atomic
def minutes_start_from_agenda(*, meeting: Meeting, user) -> list[Minute]:
    """A minute for each agenda item that has none, numbered on in the board's sequence.

    Apologies get no minute (they are in the attendance block). Titles copy the agenda.
    """
    Meeting.objects.select_for_update().filter(pk=meeting.pk).first()
    created = []
    items = meeting.items.filter(minute__isnull=True).exclude(kind__in=UNMINUTED_KINDS)
    for item in items.order_by("number"):
        minute = Minute(
            meeting=meeting,
            board_id=meeting.board_id,
            municipal_year_id=meeting.municipal_year_id,
            number=Minute.objects.next_number(meeting.board, meeting.municipal_year),
            title=item.title,
            agenda_item=item,
        )
        minute._history_user = user
        _save_number(minute)
        created.append(minute)
    if created:
        _record_correction(
            meeting=meeting,
            user=user,
            before="(no minute)",
            after="\n".join(f"{m.number}. {m.title}" for m in created),
            subject="Minutes added from the agenda",
            reason="Minutes added from the agenda",
        )
    return created


def _replace_children(minute: Minute, points, requests, resolution) -> None:
    minute.discussion_points.all().delete()
    DiscussionPoint.objects.bulk_create(
        DiscussionPoint(minute=minute, position=position, text=text)
        for position, text in enumerate(points, start=1)
    )
    # Requests and parts are updated in place by position: the tracker links to them.
    existing = {request.position: request for request in minute.requests.all()}
    for position, data in enumerate(requests, start=1):
        request = existing.pop(position, None) or MinuteRequest(minute=minute, position=position)
        request.text, request.kind = data.text, data.kind
        request.label, request.tracker_kind = data.label, data.tracker_kind
        request.full_clean()
        request.save()
    MinuteRequest.objects.filter(pk__in=[r.pk for r in existing.values()]).delete()

    current = Resolution.objects.filter(minute=minute).first()
    if resolution is None or not resolution.parts:
        if current:
            current.delete()
        return
    if current is None:
        current = Resolution(minute=minute)
    current.preamble = resolution.preamble
    current.label_style = resolution.label_style
    current.full_clean(exclude=["minute"])
    current.save()
    parts = {part.position: part for part in current.parts.all()}
    labelled = len(resolution.parts) > 1
    for position, data in enumerate(resolution.parts, start=1):
        part = parts.pop(position, None) or ResolutionPart(resolution=current, position=position)
        part.text, part.tracker_kind = data.text, data.tracker_kind
        part.label = current.label_for(position) if labelled else ""
        part.full_clean(exclude=["resolution"])
        part.save()
        part.bullets.all().delete()
        ResolutionBullet.objects.bulk_create(
            ResolutionBullet(part=part, position=index, text=text)
            for index, text in enumerate(data.bullets, start=1)
        )
    ResolutionPart.objects.filter(pk__in=[p.pk for p in parts.values()]).delete()


def _minute_save(
    minute: Minute,
    *,
    user,
    before: str,
    subject: str,
    points: Iterable[str],
    requests: Iterable[RequestData],
    resolution: ResolutionData | None,
    reason: str,
) -> None:
    """Validate and save a minute with its discussion points, requests and resolution,
    and record the change (`before` → the minute as saved) as a correction."""
    minute.full_clean()
    minute._history_user = user
    _save_number(minute)
    _replace_children(minute, list(points), list(requests), resolution)
    _record_correction(
        meeting=minute.meeting,
        user=user,
        before=before,
        after=_minute_text(minute),
        subject=subject,
        reason=reason,
    )


def minute_create(
    *,
    meeting: Meeting,
    user,
    number: int,
    title: str,
    agenda_item: AgendaItem | None = None,
    body_html: str = "",
    discussion_intro: str = "",
    points: Iterable[str] = (),
    requests_intro: str = "",
    requests: Iterable[RequestData] = (),
    resolution: ResolutionData | None = None,
    reason: str = "",
) -> Minute:
    """A new minute (for an agenda item, or for business taken without one)."""
    with transaction.atomic():
        Meeting.objects.select_for_update().filter(pk=meeting.pk).first()
        minute = Minute(
            meeting=meeting,
            board_id=meeting.board_id,
            municipal_year_id=meeting.municipal_year_id,
            number=number,
            title=title,
            agenda_item=agenda_item,
            body_html=clean_html(body_html),
            discussion_intro=discussion_intro,
            requests_intro=requests_intro,
        )
        _minute_save(
            minute,
            user=user,
            before="(no minute)",
            subject=f"Minute {minute.number} added",
            points=points,
            requests=requests,
            resolution=resolution,
            reason=reason,
        )
    return minute


def minute_update(
    *,
    minute: Minute,
    version: int,
    user,
    number: int,
    title: str,
    agenda_item: AgendaItem | None = None,
    body_html: str = "",
    discussion_intro: str = "",
    points: Iterable[str] = (),
    requests_intro: str = "",
    requests: Iterable[RequestData] = (),
    resolution: ResolutionData | None = None,
    reason: str = "",
) -> Minute:
    """Save a minute as a whole, if nobody else has saved it since `version` was read."""
    with transaction.atomic():
        current = Minute.objects.select_for_update().select_related("meeting").get(pk=minute.pk)
        if current.version != version:
            raise MinuteConflict(current)
        before = _minute_text(current)
        current.number, current.title, current.agenda_item = number, title, agenda_item
        current.body_html = clean_html(body_html)
        current.discussion_intro, current.requests_intro = discussion_intro, requests_intro
        current.version += 1
        _minute_save(
            current,
            user=user,
            before=before,
            subject=f"Minute {current.number}",
            points=points,
            requests=requests,
            resolution=resolution,
            reason=reason,
        )
    return current


@transaction.atomic
def minute_delete(*, minute: Minute, user, reason: str = "") -> None:
    before = _minute_text(minute)
    meeting = minute.meeting
    _record_correction(
        meeting=meeting,
        user=user,
        before=before,
        after="(deleted)",
        subject=f"Minute {minute.number} deleted",
        reason=reason,
    )
    minute._history_user = user
    minute.delete()


def meeting_closed_at_save(*, meeting: Meeting, closed_at, user, reason: str = "") -> Meeting:
    """When the meeting closed: "(Meeting closed at 4.00 pm)"."""
    with transaction.atomic():
        current = Meeting.objects.select_for_update().get(pk=meeting.pk)
        before = f"Meeting closed at {current.closed_at:%H:%M}" if current.closed_at else "(none)"
        after = f"Meeting closed at {closed_at:%H:%M}" if closed_at else "(none)"
        current.closed_at = closed_at
        current._history_user = user
        current.save(update_fields=["closed_at"])
        _record_correction(
            meeting=current,
            user=user,
            before=before,
            after=after,
            subject="Time closed",
            reason=reason,
        )
    return current


# --- Lifecycle -------------------------------------------------------------------------


def minutes_publish(*, meeting: Meeting, user) -> Meeting:
    """Publish the minutes as draft minutes: public from now on.

    Publishing again changes nothing but still tells the tracker, which adds only what
    is not on it yet (its receiver is idempotent). The signal goes once the transaction
    has committed, so the tracker never hears of minutes that were rolled back.
    """
    with transaction.atomic():
        current = Meeting.objects.select_for_update().get(pk=meeting.pk)
        if not current.agenda_published_at:
            raise ValidationError("Publish the agenda before publishing the minutes.")
        if not current.minutes.exists():
            raise ValidationError("Write at least one minute before publishing the minutes.")
        if not current.minutes_published_at:
            current.minutes_published_at = timezone.now()
            if current.status == Meeting.Status.SCHEDULED:
                current.status = Meeting.Status.HELD
            current._history_user = user
            current.save(update_fields=["minutes_published_at", "status"])
        transaction.on_commit(
            lambda: minutes_published.send(sender=Meeting, meeting=current, user=user)
        )
    return current


def approval_candidate(meeting: Meeting) -> Meeting | None:
    """The minutes this meeting would agree: the board's last held meeting before it, when
    its minutes are published and not yet approved."""
    previous = meeting.previous_held_meeting()
    if previous and previous.minutes_published_at and not previous.minutes_approved_at_id:
        return previous
    return None


def minutes_approve(*, meeting: Meeting, at_meeting: Meeting, user) -> Meeting:
    """Record that `at_meeting` agreed the minutes of `meeting` as a true record.

    The approving meeting's "Minutes" minute records it in the council's words ("The
    minutes of the meeting held on 16th June, 2016 were agreed as a true record.").
    """
    council = Council.load()
    with transaction.atomic():
        current = Meeting.objects.select_for_update().get(pk=meeting.pk)
        if at_meeting.board_id != current.board_id or at_meeting.date <= current.date:
            raise ValidationError("Minutes are approved at a later meeting of the same board.")
        if not current.minutes_published_at:
            raise ValidationError("Publish the minutes before recording their approval.")
        if current.minutes_approved_at_id:
            raise ValidationError("These minutes have already been approved.")
        current.minutes_approved_at = at_meeting
        current._history_user = user
        current.full_clean()
        current.save(update_fields=["minutes_approved_at"])
        sentence = council.text_minutes_approved.format(
            date=council.format("minutes_item", current.date)
        )
        record = (
            Minute.objects.select_for_update()
            .filter(meeting=at_meeting, agenda_item__kind=AgendaItem.Kind.MINUTES)
            .first()
        )
        if record and html_module.escape(sentence) not in record.body_html:
            record.body_html = clean_html(
                f"<p>{html_module.escape(sentence)}</p>{record.body_html}"
            )
            record.version += 1
            record._history_user = user
            record.save(update_fields=["body_html", "version"])
    return current


# --- References between minutes --------------------------------------------------------

REFERENCE = re.compile(r"\bMinutes? (\d{1,4})(?:/(\d{2}))?\b")


def minute_reference_urls(
    texts: Iterable[str], *, meeting: Meeting, user
) -> dict[tuple[int, str], str]:
    """Where each "Minute 37/15" (or "Minute 46") in `texts` points, in one query.

    A reference without a year means a minute of the same municipal year. Only minutes the
    user may see become links.
    """
    wanted: set[tuple[int, str]] = set()
    for text in texts:
        for number, year_short in REFERENCE.findall(text or ""):
            wanted.add((int(number), year_short))
    if not wanted:
        return {}
    own_year = meeting.municipal_year.year_short
    condition = Q(pk__in=[])
    for number, year_short in wanted:
        short = year_short or own_year
        condition |= Q(number=number, municipal_year__start_date__year=2000 + int(short))
    found = (
        Minute.objects.visible_to(user)
        .filter(board_id=meeting.board_id)
        .filter(condition)
        .values_list("number", "municipal_year__start_date", "meeting_id")
    )
    urls = {}
    for number, start, meeting_id in found:
        short = f"{start.year % 100:02d}"
        url = reverse("meetings:meeting_detail", args=[meeting_id]) + f"#minute-{number}"
        urls[(number, short)] = url
        if short == own_year:
            urls[(number, "")] = url
    return urls


def link_minute_references(html: str, urls: dict[tuple[int, str], str]) -> str:
    """Clean HTML with each known "Minute 37/15" made a link; text already in a link and
    tag attributes are left alone."""
    if not urls:
        return html
    pieces = re.split(r"(<[^>]+>)", html)
    depth = 0
    for index, piece in enumerate(pieces):
        if piece.startswith("<"):
            name = piece[1:].lstrip("/").split(None, 1)[0].rstrip(">").lower() if piece[1:] else ""
            if name == "a":
                depth += -1 if piece.startswith("</") else 1
            continue
        if depth:
            continue

        def replace(match: re.Match) -> str:
            url = urls.get((int(match.group(1)), match.group(2) or ""))
            if not url:
                return match.group(0)
            return f'<a class="govuk-link" href="{html_module.escape(url)}">{match.group(0)}</a>'

        pieces[index] = REFERENCE.sub(replace, piece)
    return "".join(pieces)
