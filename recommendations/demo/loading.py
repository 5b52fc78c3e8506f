"""Small loader functions that turn the demo's plain data into rows, idempotently.

Every row is found by its natural key and only saved when a value differs, so a second
run of `load_demo` saves nothing: no new history rows, no bumped `updated_at`.
"""

import datetime
from dataclasses import dataclass, field
from typing import Any
from zoneinfo import ZoneInfo

from django.db import models

from boards.models import Board, MunicipalYear, OrgUnit, Person, Post, Venue
from meetings.models import (
    AgendaItem,
    AgendaSubItem,
    Attendance,
    Declaration,
    DiscussionPoint,
    Document,
    DocumentAuthor,
    Meeting,
    Minute,
    MinuteRequest,
    Resolution,
    ResolutionBullet,
    ResolutionPart,
    WorkProgramme,
    WorkProgrammeItem,
    WorkProgrammeMove,
)

LONDON = ZoneInfo("Europe/London")


def london(day: datetime.date, hour: int = 10, minute: int = 0) -> datetime.datetime:
    """An aware datetime in council time: agendas are published at 10.00 am."""
    return datetime.datetime(day.year, day.month, day.day, hour, minute, tzinfo=LONDON)


@dataclass
class Loaded:
    """What has been loaded so far, by the keys the data modules use."""

    years: dict[str, MunicipalYear] = field(default_factory=dict)
    org_units: dict[str, OrgUnit] = field(default_factory=dict)
    venues: dict[str, Venue] = field(default_factory=dict)
    people: dict[str, Person] = field(default_factory=dict)
    posts: dict[str, Post] = field(default_factory=dict)
    boards: dict[str, Board] = field(default_factory=dict)
    meetings: dict[tuple[str, datetime.date], Meeting] = field(default_factory=dict)
    wp_items: dict[str, WorkProgrammeItem] = field(default_factory=dict)

    def meeting(self, board: str, day: datetime.date) -> Meeting:
        return self.meetings[(board, day)]


def _same(obj: models.Model, name: str, value: Any) -> bool:
    model_field = obj._meta.get_field(name)
    if model_field.many_to_one or model_field.one_to_one:
        return getattr(obj, model_field.attname) == (value.pk if value is not None else None)
    return getattr(obj, name) == value


def upsert[M: models.Model](model: type[M], lookup: dict[str, Any], **values: Any) -> M:
    """Find a row by its natural key; create it, or save only the values that differ."""
    obj = model._default_manager.filter(**lookup).first()
    if obj is None:
        obj = model(**lookup, **values)
        obj.full_clean()
        obj.save()
        return obj
    changed = [name for name, value in values.items() if not _same(obj, name, value)]
    if changed:
        for name in changed:
            setattr(obj, name, values[name])
        obj.full_clean()
        obj.save(update_fields=changed)
    return obj


# Meetings ------------------------------------------------------------------------


def load_meetings(ctx: Loaded, board_key: str, specs: list[dict]) -> None:
    """Meetings of one board. Minutes approvals are set afterwards by `approve_minutes`."""
    board = ctx.boards[board_key]
    for spec in specs:
        day = spec["date"]
        published = spec.get("published")
        minutes_published = spec.get("minutes_published")
        ctx.meetings[(board_key, day)] = upsert(
            Meeting,
            {"board": board, "date": day},
            municipal_year=MunicipalYear.for_date(day),
            start_time=spec["time"],
            session_label=spec.get("session_label", ""),
            venue=ctx.venues[spec["venue"]],
            status=spec.get("status", Meeting.Status.SCHEDULED),
            moved_from_date=spec.get("moved_from"),
            contact_officer=ctx.people[spec["contact"]] if spec.get("contact") else None,
            signatory=ctx.posts[spec["signatory"]] if spec.get("signatory") else None,
            agenda_published_at=london(published) if published else None,
            closed_at=spec.get("closed_at"),
            minutes_published_at=london(minutes_published) if minutes_published else None,
        )


def approve_minutes(
    ctx: Loaded, board_key: str, approvals: dict[datetime.date, datetime.date]
) -> None:
    """Record which meeting agreed each meeting's minutes as a true record."""
    for minutes_of, agreed_at in approvals.items():
        upsert(
            Meeting,
            {"pk": ctx.meeting(board_key, minutes_of).pk},
            minutes_approved_at=ctx.meeting(board_key, agreed_at),
        )


# Agendas and documents -----------------------------------------------------------


def item(
    number: int,
    kind: str,
    title: str,
    *,
    description: str = "",
    sub: tuple[str, ...] = (),
    by: tuple[str, str] | None = None,
    suffix: str = "",
    private: tuple[int, ...] = (),
    counterpart: int | None = None,
    wp: str | None = None,
    documents: tuple[dict, ...] = (),
) -> dict:
    """One agenda item as data. `by` is (document type, post title); `sub` lines start
    with their label ("a) To agree the minutes …")."""
    return {
        "number": number,
        "kind": kind,
        "title": title,
        "description": description,
        "sub": sub,
        "by": by,
        "suffix": suffix,
        "private": private,
        "counterpart": counterpart,
        "wp": wp,
        "documents": documents,
    }


def document(
    title: str,
    body_html: str,
    *,
    kind: str = Document.Kind.BRIEFING_NOTE,
    heading: str = "Briefing note",
    to_line: str = "",
    date: datetime.date | None = None,
    authors: tuple[dict, ...] = (),
    restricted: tuple[int, ...] = (),
    appendices: tuple[dict, ...] = (),
) -> dict:
    """One paper as data. `date` is the date printed on it; left out, it is the meeting's.
    `authors` is the paper's author/contact block, in print order (see `author`)."""
    return {
        "title": title,
        "body_html": body_html,
        "kind": kind,
        "heading": heading,
        "to_line": to_line,
        "date": date,
        "authors": authors,
        "restricted": restricted,
        "appendices": appendices,
    }


def author(name: str, job_title: str = "", contact: str = "", *, person: str = "") -> dict:
    """One entry of a paper's author block; `person` is the demo's key for a known Person."""
    return {"name": name, "job_title": job_title, "contact": contact, "person": person}


def appendix(title: str, body_html: str, *, heading: str = "Appendix 1", **kwargs: Any) -> dict:
    return document(title, body_html, kind=Document.Kind.APPENDIX, heading=heading, **kwargs)


def load_agenda(ctx: Loaded, meeting: Meeting, items: list[dict]) -> dict[int, AgendaItem]:
    """A meeting's agenda items, their sub-items and documents, keyed by item number."""
    loaded: dict[int, AgendaItem] = {}
    for spec in items:
        document_type, post = spec["by"] or ("", None)
        agenda_item = upsert(
            AgendaItem,
            {"meeting": meeting, "number": spec["number"]},
            section=AgendaItem.Section.PRIVATE if spec["private"] else AgendaItem.Section.PUBLIC,
            kind=spec["kind"],
            title=spec["title"],
            description=spec["description"],
            document_type=document_type,
            report_of=ctx.posts[post] if post else None,
            report_of_suffix=spec["suffix"],
            exempt_paragraphs=tuple(spec["private"]),
            public_counterpart=loaded[spec["counterpart"]] if spec["counterpart"] else None,
            work_programme_item=ctx.wp_items[spec["wp"]] if spec["wp"] else None,
        )
        loaded[spec["number"]] = agenda_item
        for position, line in enumerate(spec["sub"], start=1):
            label, text = line.split(" ", 1)
            upsert(
                AgendaSubItem,
                {"agenda_item": agenda_item, "position": position},
                label=label,
                text=text,
            )
        load_documents(ctx, agenda_item, spec["documents"])
    return loaded


def load_documents(ctx: Loaded, agenda_item: AgendaItem, specs: tuple[dict, ...]) -> None:
    """Documents in pack order: each paper, then its appendices."""
    position = 0
    for spec in specs:
        position += 1
        paper = _load_document(ctx, agenda_item, position, spec, parent=None)
        for appendix_spec in spec["appendices"]:
            position += 1
            _load_document(ctx, agenda_item, position, appendix_spec, parent=paper)


def _load_document(
    ctx: Loaded, agenda_item: AgendaItem, position: int, spec: dict, parent: Document | None
) -> Document:
    paper = upsert(
        Document,
        {"agenda_item": agenda_item, "position": position},
        parent=parent,
        kind=spec["kind"],
        source=Document.Source.AUTHORED,
        title=spec["title"],
        heading=spec["heading"],
        to_line=spec["to_line"],
        document_date=spec["date"] or agenda_item.meeting.date,
        body_html=spec["body_html"],
        is_restricted=bool(spec["restricted"]),
        exempt_paragraphs=tuple(spec["restricted"]),
    )
    for author_position, author_spec in enumerate(spec["authors"], start=1):
        upsert(
            DocumentAuthor,
            {"document": paper, "position": author_position},
            person=ctx.people[author_spec["person"]] if author_spec["person"] else None,
            name=author_spec["name"],
            job_title=author_spec["job_title"],
            contact=author_spec["contact"],
        )
    return paper


# Attendance ----------------------------------------------------------------------


def present(person: str, category: str, **details: Any) -> dict:
    return {"person": person, "category": category, "status": "present", **details}


def apologies(person: str, category: str = "member") -> dict:
    return {"person": person, "category": category, "status": "apologies"}


def load_attendance(ctx: Loaded, meeting: Meeting, rows: list[dict]) -> None:
    for row in rows:
        upsert(
            Attendance,
            {"meeting": meeting, "person": ctx.people[row["person"]], "category": row["category"]},
            status=row["status"],
            is_chair=row.get("chair", False),
            substitute_for=ctx.people[row["substitute_for"]] if "substitute_for" in row else None,
            org_unit=ctx.org_units[row["org_unit"]] if "org_unit" in row else None,
            description=row.get("description", ""),
        )


def load_declarations(
    ctx: Loaded, meeting: Meeting, agenda: dict[int, AgendaItem], rows: list[dict]
) -> None:
    for row in rows:
        upsert(
            Declaration,
            {"meeting": meeting, "person": ctx.people[row["person"]], "kind": row["kind"]},
            agenda_item=agenda[row["item"]] if row.get("item") else None,
            interest=row["interest"],
        )


# Minutes and resolutions ---------------------------------------------------------


def minute(
    number: int,
    title: str,
    body_html: str,
    *,
    item: int | None = None,
    intro: str = "",
    points: tuple[str, ...] = (),
    requests_intro: str = "",
    requests: tuple[dict, ...] = (),
    resolution: dict | None = None,
) -> dict:
    """One minute as data. `requests` are those minuted outside the resolution, introduced
    by `requests_intro` (see `undertakings` and `board_requests`)."""
    return {
        "number": number,
        "title": title,
        "body_html": body_html,
        "item": item,
        "intro": intro,
        "points": points,
        "requests_intro": requests_intro,
        "requests": requests,
        "resolution": resolution,
    }


def undertakings(*texts: str) -> tuple[dict, ...]:
    """Officer undertakings, numbered "1.", "2.", … as the minutes print them."""
    return tuple(
        {"kind": MinuteRequest.Kind.OFFICER_UNDERTAKING, "label": f"{number}.", "text": text}
        for number, text in enumerate(texts, start=1)
    )


def board_requests(*texts: str) -> tuple[dict, ...]:
    """Requests of the board, printed as bullets: no labels."""
    return tuple(
        {"kind": MinuteRequest.Kind.BOARD_REQUEST, "label": "", "text": text} for text in texts
    )


def resolved(preamble: str, label_style: str, *parts: dict) -> dict:
    return {"preamble": preamble, "label_style": label_style, "parts": parts}


def part(text: str, *, tracker: str = "", bullets: tuple[str, ...] = ()) -> dict:
    """One resolution part; `tracker` is R, A or I when it goes on the tracker."""
    return {"text": text, "tracker": tracker, "bullets": bullets}


def single(text: str) -> dict:
    """A one-sentence resolution ("RESOLVED that the report be noted …"): one unlabelled part."""
    return resolved("RESOLVED that", "numeric_paren", {"text": text, "tracker": "", "bullets": ()})


def load_minutes(
    meeting: Meeting, agenda: dict[int, AgendaItem], specs: list[dict]
) -> dict[int, Minute]:
    """A meeting's numbered minutes: discussion points, requests and resolutions."""
    loaded: dict[int, Minute] = {}
    for spec in specs:
        record = upsert(
            Minute,
            {"meeting": meeting, "number": spec["number"]},
            board=meeting.board,
            municipal_year=meeting.municipal_year,
            title=spec["title"],
            agenda_item=agenda[spec["item"]] if spec["item"] else None,
            body_html=spec["body_html"],
            discussion_intro=spec["intro"],
            requests_intro=spec["requests_intro"],
        )
        loaded[spec["number"]] = record
        for position, text in enumerate(spec["points"], start=1):
            upsert(DiscussionPoint, {"minute": record, "position": position}, text=text)
        for position, request in enumerate(spec["requests"], start=1):
            upsert(
                MinuteRequest,
                {"minute": record, "position": position},
                kind=request["kind"],
                label=request["label"],
                text=request["text"],
            )
        if spec["resolution"]:
            _load_resolution(record, spec["resolution"])
    return loaded


def _load_resolution(record: Minute, spec: dict) -> None:
    resolution = upsert(
        Resolution,
        {"minute": record},
        preamble=spec["preamble"],
        label_style=spec["label_style"],
    )
    labelled = len(spec["parts"]) > 1
    for position, part_spec in enumerate(spec["parts"], start=1):
        resolution_part = upsert(
            ResolutionPart,
            {"resolution": resolution, "position": position},
            label=resolution.label_for(position) if labelled else "",
            text=part_spec["text"],
            tracker_kind=part_spec["tracker"],
        )
        for bullet_position, text in enumerate(part_spec["bullets"], start=1):
            upsert(
                ResolutionBullet,
                {"part": resolution_part, "position": bullet_position},
                text=text,
            )


def resolution_part(minutes: dict[int, Minute], number: int, position: int) -> ResolutionPart:
    return ResolutionPart.objects.get(resolution__minute=minutes[number], position=position)


# Work programmes -----------------------------------------------------------------


def wp(
    key: str,
    title: str,
    detail: str = "",
    lead: str = "",
    *,
    origin: str = WorkProgrammeItem.Origin.OTHER,
    status: str | None = None,
    requested_at: datetime.date | None = None,
    standing: bool = False,
) -> dict:
    """One work-programme row as printed: title, detail and the lead cell."""
    return {
        "key": key,
        "title": title,
        "detail": detail,
        "lead": lead,
        "origin": origin,
        "status": status,
        "requested_at": requested_at,
        "standing": standing,
    }


def load_work_programme(
    ctx: Loaded,
    board_key: str,
    year: str,
    *,
    title: str,
    last_updated: datetime.date | None = None,
    intro: str = "",
    sections: list[tuple[datetime.date | str, str, list[dict]]],
) -> WorkProgramme:
    """A work programme; `sections` is a list of (meeting date or section, status, rows)."""
    programme = upsert(
        WorkProgramme,
        {"board": ctx.boards[board_key], "municipal_year": ctx.years[year]},
        title=title,
        is_draft=False,
        last_updated=last_updated,
        intro=intro,
    )
    for where, status, rows in sections:
        meeting = ctx.meeting(board_key, where) if isinstance(where, datetime.date) else None
        section = WorkProgrammeItem.Section.MEETING if meeting else where
        for position, row in enumerate(rows, start=1):
            requested = row["requested_at"]
            ctx.wp_items[row["key"]] = upsert(
                WorkProgrammeItem,
                {
                    "programme": programme,
                    "section": section,
                    "meeting": meeting,
                    "position": position,
                },
                title=row["title"],
                detail=row["detail"],
                lead_text=row["lead"],
                origin=row["origin"],
                status=row["status"] or status,
                requested_at=ctx.meeting(board_key, requested) if requested else None,
                is_standing_item=row["standing"],
            )
    return programme


def load_moves(ctx: Loaded, board_key: str, moves: list[dict], *, moved_on: datetime.date) -> None:
    """The history of work-programme items that moved between meetings or sections."""
    for move in moves:
        source, target = move["from"], move["to"]
        upsert(
            WorkProgrammeMove,
            {"item": ctx.wp_items[move["item"]], "moved_on": moved_on},
            from_meeting=ctx.meeting(board_key, source)
            if isinstance(source, datetime.date)
            else None,
            to_meeting=ctx.meeting(board_key, target)
            if isinstance(target, datetime.date)
            else None,
            from_section="" if isinstance(source, datetime.date) else source,
            to_section="" if isinstance(target, datetime.date) else target,
            note=move["note"],
        )
