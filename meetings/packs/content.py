"""What goes into a meeting's pack: the front sheet and each item's documents, in order."""

import contextlib
from collections import defaultdict
from dataclasses import dataclass, field

from django.db.models import BooleanField, Prefetch, Value
from django.utils import timezone

from boards.formats import work_programme_meeting_label, work_programme_year
from boards.models import Council, Membership
from meetings.minutes_layout import minute_sections, minutes_attendance
from meetings.models import (
    AgendaItem,
    Attendance,
    Declaration,
    Document,
    Meeting,
    Minute,
    ResolutionPart,
    WorkProgramme,
    taken_in_private,
)
from meetings.packs.html import pdf_html
from meetings.packs.registry import (
    GeneratedDocument,
    generated_renderer,
    register_generated_document,
)


@dataclass
class Part:
    """One document of the pack: it starts on an odd page and is padded to an even end."""

    item: AgendaItem
    title: str
    html: str = ""
    upload: Document | None = None
    exempt: bool = False
    paragraphs: str = ""
    # The public pack's version of a paper that is public but for some exempt passages
    # (minutes with a private item's minute); "" when both packs print the same.
    public_html: str = ""

    @property
    def is_upload(self) -> bool:
        return self.upload is not None


@dataclass
class PackContent:
    meeting: Meeting
    council: Council
    title: str
    items: list[AgendaItem]
    parts: list[Part] = field(default_factory=list)


def pack_title(meeting: Meeting) -> str:
    return f"{meeting.board.name}, {meeting.date:%-d %B %Y}: agenda pack"


def _exempt(document: Document) -> tuple[bool, str]:
    """Whether a paper is exempt, and the Schedule 12A paragraphs that make it so: marked
    restricted, under a private item, or an appendix of a restricted paper (as
    Document.objects.visible_to decides)."""
    item = document.agenda_item
    parent = document.parent
    if document.is_restricted:
        return True, document.paragraphs_text
    if parent is not None and parent.is_restricted:
        return True, parent.paragraphs_text
    if item.section == AgendaItem.Section.PRIVATE:
        return True, item.paragraphs_text
    return False, ""


def document_html(document: Document, council: Council) -> str:
    from django.utils.safestring import mark_safe

    from meetings.html import clean_html

    return pdf_html(
        "pdf/document.html",
        {
            "council": council,
            "document": document,
            "document_date": council.format("document", document.document_date)
            if document.document_date
            else "",
            "body": mark_safe(clean_html(document.body_html)),  # noqa: S308 - nh3 cleaned it
            "authors": list(document.authors.all()),
        },
        title=document.title,
    )


def pack_content(meeting: Meeting) -> PackContent:
    """The front sheet's items and every document of the full pack, in pack order."""
    council = Council.load()
    documents = (
        Document.objects.current()
        .select_related("parent", "agenda_item")
        .prefetch_related("authors")
        .order_by("position")
    )
    items = list(
        meeting.items.select_related("report_of", "meeting__board")
        .prefetch_related(
            "sub_items", Prefetch("documents", queryset=documents, to_attr="pack_documents")
        )
        .order_by("number")
    )
    content = PackContent(meeting=meeting, council=council, title=pack_title(meeting), items=items)
    for item in items:
        # The item's own papers first (a covering note), then what the system generates
        # from its records (the report's appendix: the tracker table, the programme).
        for document in item.pack_documents:
            exempt, paragraphs = _exempt(document)
            part = Part(item=item, title=document.title, exempt=exempt, paragraphs=paragraphs)
            if document.source == Document.Source.UPLOADED:
                if not document.file:
                    continue
                part.upload = document
            else:
                part.html = document_html(document, council)
            content.parts.append(part)
        renderer = generated_renderer(item.kind)
        if renderer is not None:
            exempt = item.section == AgendaItem.Section.PRIVATE
            for generated in renderer(item=item):
                content.parts.append(
                    Part(
                        item=item,
                        title=generated.title,
                        html=generated.html,
                        public_html=generated.public_html,
                        exempt=exempt,
                        paragraphs=item.paragraphs_text if exempt else "",
                    )
                )
    return content


# --- The front sheet -----------------------------------------------------------------


def _membership_lines(meeting: Meeting) -> tuple[list[str], list[str]]:
    """ "J Birdi, …, CE Thomas (Chair), …" and the by-invitation line, sorted by surname."""
    memberships = (
        Membership.objects.on(meeting.date)
        .filter(board_id=meeting.board_id)
        .select_related("person")
        .order_by("person__surname", "person__initials")
    )
    members, invited = [], []
    for membership in memberships:
        person = membership.person
        name = person.short_name
        if not person.is_councillor and person.honorific:
            name = f"{person.honorific} {name}"
        if membership.role == Membership.Role.BY_INVITATION:
            # The "By invitation:" line says the role already: only a capacity follows the
            # name ("K Sandhu (Cabinet Member for Education and Skills)"), never "(By
            # Invitation)" again.
            invited.append(f"{name} ({membership.capacity})" if membership.capacity else name)
            continue
        role = membership.role_label
        members.append(f"{name} ({role})" if role else name)
    return members, invited


def _paragraphs(text: str, **values: str) -> list[str]:
    if not text:
        return []
    with contextlib.suppress(KeyError, IndexError, ValueError):
        text = text.format(**values)
    return [block.strip() for block in text.split("\n\n") if block.strip()]


def front_sheet_html(content: PackContent, ranges: dict[int, tuple[int, int]]) -> str:
    meeting, council = content.meeting, content.council
    for item in content.items:
        item.pack_pages = ranges.get(item.number)
        item.pack_sub_items = list(item.sub_items.all())
    contact = meeting.contact_officer
    contact_text = ""
    if contact:
        contact_text = contact.full_name + (f" Email: {contact.email}" if contact.email else "")
    apology_deadline = council.format(
        "apology_deadline", meeting.date, council.apology_deadline_time
    )
    notes = _paragraphs(
        council.text_agenda_notes, contact=contact_text, apology_deadline=apology_deadline
    )
    if not notes and contact_text:
        notes = [
            "The person to contact about the agenda and documents for this meeting is "
            + contact_text
        ]
    # "Note: The person to contact …" (2024); "Notes: 1) The person … 2) …" (2016).
    notes_label = "Note:" if len(notes) == 1 else "Notes:"
    signatory = ""
    if meeting.signatory_id and meeting.signatory.holder_id:
        signatory = ", ".join(
            part
            for part in (
                meeting.signatory.holder.full_name,
                meeting.signatory.title,
                council.address,
            )
            if part
        )
    members, invited = _membership_lines(meeting)
    return pdf_html(
        "pdf/front_sheet.html",
        {
            "council": council,
            "meeting": meeting,
            "time_and_date": council.format("front_sheet", meeting.date, meeting.start_time),
            "public_items": [i for i in content.items if i.section == AgendaItem.Section.PUBLIC],
            "private_items": [i for i in content.items if i.section == AgendaItem.Section.PRIVATE],
            "signatory": signatory,
            "published_on": council.format(
                "published", timezone.localdate(meeting.agenda_published_at)
            )
            if meeting.agenda_published_at
            else "",
            "notes": notes,
            "notes_label": notes_label,
            "membership": members,
            "by_invitation": invited,
            "public_access": _paragraphs(council.text_public_access),
            "accessibility": _paragraphs(council.text_accessibility),
            # The room's own notice ("a hearing loop is available in the committee rooms").
            "venue_notes": _paragraphs(meeting.venue.accessibility_notes)
            if meeting.venue_id
            else [],
        },
        title=content.title,
    )


def blank_html(council: Council) -> str:
    return pdf_html(
        "pdf/blank.html",
        {"council": council, "text": council.text_blank_page},
        title=council.text_blank_page,
    )


def restricted_html(council: Council, paragraphs: str) -> str:
    text = council.text_restricted.replace("{paragraphs}", paragraphs)
    blocks = [block.strip() for block in text.split("\n\n") if block.strip()]
    return pdf_html(
        "pdf/restricted.html",
        {"council": council, "paragraphs": blocks},
        title=blocks[-1] if blocks else "Document is Restricted",
    )


# --- Generated documents of the meetings app -------------------------------------------


def minutes_html(meeting: Meeting, *, full: bool = True) -> str:
    """A meeting's minutes as the seeds print them (also served on their own as a PDF).

    `full` is the members' and officers' version; without it a minute of a private item
    shows only its number, title and the Schedule 12A note, as it does on the public
    page (the same rule: MinuteQuerySet.with_withheld for the public).
    """
    from django.contrib.auth.models import AnonymousUser

    from meetings.html import clean_html

    council = Council.load()
    parts = ResolutionPart.objects.prefetch_related("bullets")
    minutes = Minute.objects.filter(meeting=meeting)
    if full:
        minutes = minutes.annotate(withheld=Value(False, output_field=BooleanField()))
    else:
        minutes = minutes.with_withheld(AnonymousUser())
    minutes = list(
        minutes.select_related("resolution", "agenda_item")
        .prefetch_related(
            "discussion_points", "requests", Prefetch("resolution__parts", queryset=parts)
        )
        .order_by("number")
    )
    for minute in minutes:
        minute.linked_body = "" if minute.withheld else clean_html(minute.body_html)
    attendance = list(
        Attendance.objects.filter(meeting=meeting).select_related(
            "person", "substitute_for", "org_unit"
        )
    )
    declarations = list(
        Declaration.objects.filter(meeting=meeting).select_related("person", "agenda_item")
    )
    return pdf_html(
        "pdf/minutes.html",
        {
            "council": council,
            "meeting": meeting,
            "minute_sections": minute_sections(minutes),
            "declarations": declarations,
            "attendance": minutes_attendance(attendance),
            "minutes_heading": council.format("minutes_heading", meeting.date, meeting.start_time),
        },
        title=f"Minutes of the Meeting of {meeting.board.name}, {meeting.date:%-d %B %Y}",
    )


def minutes_have_exempt_parts(meeting: Meeting) -> bool:
    """Whether the public version of a meeting's minutes differs from the full one."""
    return Minute.objects.filter(meeting=meeting).filter(taken_in_private()).exists()


def _previous_minutes(*, item: AgendaItem) -> list[GeneratedDocument]:
    """The draft minutes of the board's previous meeting, once they are published."""
    previous = item.meeting.previous_held_meeting()
    if previous is None or not previous.minutes_published_at:
        return []
    if not previous.minutes.exists():
        return []
    return [
        GeneratedDocument(
            title=f"Minutes of {previous.date:%-d %B %Y}",
            html=minutes_html(previous),
            public_html=minutes_html(previous, full=False)
            if minutes_have_exempt_parts(previous)
            else "",
        )
    ]


def work_programme_html(programme: WorkProgramme) -> str:
    council = Council.load()
    board, year = programme.board, programme.municipal_year
    items = list(programme.items.select_related("meeting").order_by("position", "pk"))
    Section = programme.items.model.Section  # noqa: N806
    by_meeting, by_section = defaultdict(list), defaultdict(list)
    for entry in items:
        (by_meeting[entry.meeting_id] if entry.meeting_id else by_section[entry.section]).append(
            entry
        )
    meetings = board.meetings.filter(municipal_year=year).order_by("date", "start_time")
    dated = [
        {"label": work_programme_meeting_label(council, m), "items": by_meeting.get(m.pk, [])}
        for m in meetings
    ]
    start = year.start_date.year
    labels = {
        Section.THIS_YEAR: f"Items for {work_programme_year(start)}",
        Section.NEXT_YEAR: f"Items for {work_programme_year(start + 1)}",
    }
    undated = [
        {"label": labels.get(section, section.label), "items": by_section[section]}
        for section in Section
        if section != Section.MEETING and section in by_section
    ]
    title = programme.title or f"{board.name} Work Programme {work_programme_year(start)}"
    return pdf_html(
        "pdf/work_programme.html",
        {
            "council": council,
            "programme": programme,
            "title": title,
            "last_updated": council.format("tracker", programme.last_updated)
            if programme.last_updated
            else "",
            "dated": dated,
            "undated": undated,
        },
        title=title,
    )


def _work_programme(*, item: AgendaItem) -> list[GeneratedDocument]:
    meeting = item.meeting
    programme = (
        WorkProgramme.objects.filter(
            board_id=meeting.board_id, municipal_year_id=meeting.municipal_year_id
        )
        .select_related("board", "municipal_year")
        .first()
    )
    if programme is None:
        return []
    html = work_programme_html(programme)
    return [GeneratedDocument(title=programme.title or "Work Programme", html=html)]


register_generated_document(AgendaItem.Kind.MINUTES, _previous_minutes)
register_generated_document(AgendaItem.Kind.WORK_PROGRAMME, _work_programme)
