"""Publishing an agenda: the check, the frozen version, the e-mails, the signal.

The first publication is the agenda. A change to the items afterwards republishes it
as a new version with a note of what changed; papers added after publication (and
nothing else) go out as a "Supplementary agenda" with its own number sequence.
Members of the board and confirmed subscribers are e-mailed a link, never the content.
"""

import dataclasses
import datetime

from django.conf import settings
from django.core.mail import EmailMessage, mailers
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone

from boards.models import Council, Membership
from meetings.models import (
    AgendaItem,
    AgendaPublication,
    AgendaSubscription,
    Meeting,
    Minute,
    WorkProgramme,
)
from meetings.services.packs import pack_build_request
from meetings.signals import agenda_published

# Items whose business is a paper: they need one, or "documents to follow".
PAPER_KINDS = {AgendaItem.Kind.REPORT}


def work_programmes_printed(*, meetings) -> set[tuple[int, int]]:
    """The (board, municipal year) pairs of these meetings that have a work programme:
    the pack prints it as the work programme item's paper (meetings.packs.content)."""
    boards = {meeting.board_id for meeting in meetings}
    years = {meeting.municipal_year_id for meeting in meetings}
    if not boards:
        return set()
    return set(
        WorkProgramme.objects.filter(board_id__in=boards, municipal_year_id__in=years).values_list(
            "board_id", "municipal_year_id"
        )
    )


def item_needs_paper(item: AgendaItem, *, printed: set[tuple[int, int]]) -> bool:
    """Whether the officer must give the item a paper (or mark it "to follow"): a report,
    or an item with a document type, except the work programme item when the board has a
    programme for the year, which the pack prints itself (`printed`, from
    work_programmes_printed)."""
    meeting = item.meeting
    if (
        item.kind == AgendaItem.Kind.WORK_PROGRAMME
        and (meeting.board_id, meeting.municipal_year_id) in printed
    ):
        return False
    return item.kind in PAPER_KINDS or bool(item.document_type)


@dataclasses.dataclass
class PublicationCheck:
    """What stands in the way of publishing (blockers) and what an officer should know."""

    blockers: list[str]
    warnings: list[str]
    deadline: datetime.date
    clear_working_days: int
    required_days: int
    last: AgendaPublication | None
    changes: list[str]
    added_documents: list[int]

    @property
    def late(self) -> bool:
        return self.clear_working_days < self.required_days

    @property
    def kind(self) -> str:
        """What publishing now would make: the agenda, a new version, or a supplement."""
        if self.last is None:
            return "agenda"
        return "supplementary" if self.supplementary else "republication"

    @property
    def supplementary(self) -> bool:
        return self.last is not None and bool(self.added_documents) and self.items_unchanged

    items_unchanged: bool = True

    def can_publish(self, urgency_reason: str = "") -> bool:
        return not self.blockers and (not self.late or bool(urgency_reason.strip()))


class PublicationBlocked(Exception):
    def __init__(self, check: PublicationCheck) -> None:
        self.check = check
        reasons = list(check.blockers)
        if check.late:
            reasons.append("Give the reason for publishing late.")
        super().__init__(" ".join(reasons))


def _items(meeting: Meeting) -> list[AgendaItem]:
    return list(meeting.items.with_current_papers())


def agenda_snapshot(*, meeting: Meeting, items: list[AgendaItem] | None = None) -> dict:
    """The agenda as it stands, as plain data: what a publication freezes."""
    items = _items(meeting) if items is None else items
    return {
        "items": [
            {
                "id": item.pk,
                "number": item.number,
                "section": item.section,
                "kind": item.kind,
                "title": item.title,
                "description": item.description,
                "report_of": item.report_of_line,
                "paragraphs": list(item.exempt_paragraphs),
                "documents_to_follow": item.documents_to_follow,
                "sub_items": [f"{sub.label} {sub.text}" for sub in item.sub_items.all()],
                "documents": [
                    {
                        "id": document.pk,
                        "title": document.title,
                        "restricted": document.is_restricted or item.is_private,
                    }
                    for document in item.current_documents
                ],
            }
            for item in items
        ]
    }


def _paper(document: dict) -> str:
    return "a restricted paper" if document["restricted"] else f'"{document["title"]}"'


def agenda_changes(*, before: dict, after: dict) -> tuple[list[str], list[int], bool]:
    """What changed between two snapshots, in words; the papers added; whether the items
    themselves (all but their papers) are unchanged."""
    old = {item["id"]: item for item in before["items"]}
    new = {item["id"]: item for item in after["items"]}
    changes: list[str] = []
    added_documents: list[int] = []
    items_unchanged = True
    for item in after["items"]:
        previous = old.get(item["id"])
        if previous is None:
            changes.append(f"Item {item['number']} added: {item['title']}.")
            items_unchanged = False
            continue
        for field, words in (
            ("number", "renumbered from {old}"),
            ("title", 'retitled from "{old}"'),
            ("section", "moved between public and private business"),
            ("report_of", "report-of line changed"),
            ("description", "wording changed"),
            ("sub_items", "sub-items changed"),
            ("paragraphs", "exempt paragraphs changed"),
        ):
            if previous[field] != item[field]:
                changes.append(
                    f"Item {item['number']} ({item['title']}): "
                    + words.format(old=previous[field])
                    + "."
                )
                items_unchanged = False
        old_documents = {document["id"] for document in previous["documents"]}
        new_documents = {document["id"] for document in item["documents"]}
        for document in item["documents"]:
            if document["id"] not in old_documents:
                added_documents.append(document["id"])
                changes.append(f"Item {item['number']}: {_paper(document)} added.")
        for document in previous["documents"]:
            if document["id"] not in new_documents:
                changes.append(f"Item {item['number']}: {_paper(document)} withdrawn.")
                items_unchanged = False
    for item in before["items"]:
        if item["id"] not in new:
            changes.append(f"Item {item['number']} removed: {item['title']}.")
            items_unchanged = False
    return changes, added_documents, items_unchanged


def publication_check(*, meeting: Meeting, today: datetime.date | None = None) -> PublicationCheck:
    """Everything that blocks publishing the agenda now, and what to warn about."""
    today = today or timezone.localdate()
    council = Council.load()
    items = _items(meeting)
    blockers: list[str] = []
    warnings: list[str] = []
    if meeting.is_cancelled:
        blockers.append("The meeting is cancelled.")
    if not items:
        blockers.append("The agenda has no items.")
    printed = work_programmes_printed(meetings=[meeting])
    for item in items:
        item.meeting = meeting
        if item_needs_paper(item, printed=printed) and not item.current_documents:
            if item.documents_to_follow:
                warnings.append(f"Item {item.number}, {item.title}: documents to follow.")
            else:
                blockers.append(
                    f"Item {item.number}, {item.title}, has no documents. Add them, or mark "
                    "them as to follow."
                )
        if item.is_private and not item.exempt_paragraphs:
            blockers.append(
                f"Item {item.number}, {item.title}, is private but names no Schedule 12A "
                "paragraphs."
            )
    previous = meeting.previous_held_meeting()
    if (
        previous is not None
        and any(item.kind == AgendaItem.Kind.MINUTES for item in items)
        and not Minute.objects.filter(meeting=previous).exists()
    ):
        warnings.append(
            f"The minutes of the previous meeting ({council.format('published', previous.date)})"
            " have not been drafted yet."
        )
    if meeting.venue_id is None:
        warnings.append("The meeting has no venue.")
    last = meeting.publications.order_by("-version").first()
    changes, added, unchanged = [], [], True
    if last is not None:
        changes, added, unchanged = agenda_changes(
            before=last.snapshot, after=agenda_snapshot(meeting=meeting, items=items)
        )
        if not changes:
            blockers.append(
                f"Nothing has changed since {last.title.lower()} was published. Change the "
                "agenda or add papers first."
            )
    days = meeting.clear_working_days_given(today)
    return PublicationCheck(
        blockers=blockers,
        warnings=warnings,
        deadline=meeting.publication_deadline(council),
        clear_working_days=days,
        required_days=council.clear_working_days,
        last=last,
        changes=changes,
        added_documents=added,
        items_unchanged=unchanged,
    )


def _absolute(path: str) -> str:
    return settings.SITE_URL.rstrip("/") + path


def _recipients(meeting: Meeting) -> tuple[list[str], list[AgendaSubscription]]:
    members = (
        Membership.objects.on(meeting.date)
        .filter(board_id=meeting.board_id)
        .exclude(person__email="")
        .values_list("person__email", flat=True)
    )
    subscribers = list(
        AgendaSubscription.objects.confirmed().filter(board_id=meeting.board_id).order_by("pk")
    )
    member_addresses = sorted({address.lower(): address for address in members}.values())
    known = {address.lower() for address in member_addresses}
    return member_addresses, [s for s in subscribers if s.email.lower() not in known]


def _messages(meeting: Meeting, publication: AgendaPublication) -> list[EmailMessage]:
    """One e-mail per address (no one sees another's), each a link and nothing more."""
    council = Council.load()
    context = {
        "council": council,
        "meeting": meeting,
        "publication": publication,
        "date": council.format("front_sheet", meeting.date, meeting.start_time),
        "url": _absolute(meeting.get_absolute_url()),
    }
    subject = render_to_string("emails/agenda_published_subject.txt", context).strip()
    members, subscribers = _recipients(meeting)
    messages = []
    for address in members:
        body = render_to_string("emails/agenda_published.txt", context)
        messages.append(EmailMessage(subject, body, settings.DEFAULT_FROM_EMAIL, [address]))
    for subscription in subscribers:
        unsubscribe = _absolute(
            reverse("meetings:publication_unsubscribe", args=[subscription.token])
        )
        body = render_to_string(
            "emails/agenda_published.txt", {**context, "unsubscribe_url": unsubscribe}
        )
        messages.append(
            EmailMessage(
                subject,
                body,
                settings.DEFAULT_FROM_EMAIL,
                [subscription.email],
                headers={
                    "List-Unsubscribe": f"<{unsubscribe}>",
                    "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
                },
            )
        )
    return messages


def _send(messages: list[EmailMessage]) -> None:
    if messages:
        mailers.default.send_messages(messages)


def agenda_publish(
    *,
    meeting: Meeting,
    user,
    urgency_reason: str = "",
    change_note: str = "",
    now: datetime.datetime | None = None,
) -> AgendaPublication:
    """Publish (or republish) a meeting's agenda, if the check allows.

    Records who and when, freezes the agenda as published, e-mails the board's members
    and subscribers a link once the transaction commits, and sends `agenda_published`.
    Raises PublicationBlocked when something blocks it, or when it is late (fewer clear
    working days than the council requires) and no urgency reason is given.
    """
    now = now or timezone.now()
    urgency_reason = urgency_reason.strip()
    with transaction.atomic():
        meeting = Meeting.objects.select_for_update().select_related("board").get(pk=meeting.pk)
        check = publication_check(meeting=meeting, today=timezone.localdate(now))
        if not check.can_publish(urgency_reason):
            raise PublicationBlocked(check)
        last = check.last
        version = (last.version + 1) if last else 1
        supplement = None
        kind = AgendaPublication.Kind.AGENDA
        if check.supplementary:
            kind = AgendaPublication.Kind.SUPPLEMENTARY
            supplement = (
                max(
                    (
                        number
                        for number in meeting.publications.values_list(
                            "supplement_number", flat=True
                        )
                        if number
                    ),
                    default=0,
                )
                + 1
            )
        note = "\n".join([*check.changes, change_note.strip()]).strip()
        publication = AgendaPublication.objects.create(
            meeting=meeting,
            version=version,
            kind=kind,
            supplement_number=supplement,
            published_at=now,
            published_by=user,
            clear_working_days=check.clear_working_days,
            urgency_reason=urgency_reason if check.late else "",
            change_note=note,
            snapshot=agenda_snapshot(meeting=meeting),
        )
        fields = ["version"]
        if meeting.agenda_published_at is None:
            meeting.agenda_published_at = now
            meeting.agenda_published_by = user
            fields += ["agenda_published_at", "agenda_published_by"]
        if check.late:
            meeting.urgency_reason = urgency_reason
            fields.append("urgency_reason")
        meeting.version += 1
        meeting._history_user = user
        meeting.save(update_fields=fields)
        messages = _messages(meeting, publication)
        transaction.on_commit(lambda: _send(messages))
        transaction.on_commit(
            lambda: agenda_published.send(sender=Meeting, meeting=meeting, user=user)
        )
        # Both packs are marked as being rebuilt now and built once this commits.
        pack_build_request(meeting=meeting)
    return publication
