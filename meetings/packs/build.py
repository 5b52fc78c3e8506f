"""Building a meeting's two packs: render what changed, lay out, assemble, store.

1. Every document's HTML is rendered (in parallel, a process per core) unless its
   render is already cached under the hash of everything that affects it.
2. The layout is computed on the full pack: the front sheet, then each document from an
   odd page, padded to an even end with "This page is intentionally left blank".
3. The front sheet is rendered with the "(Pages X - Y)" that layout gives; if its own
   length changes the ranges, the layout is recomputed (it converges in a step or two).
4. The full pack and the public pack are assembled from the same layout: in the public
   pack each exempt document is one placeholder page and a blank page stamped with the
   full pack's range, so every public page keeps the number it has in the full pack.
"""

import hashlib
import logging
import time
from dataclasses import dataclass

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.template.loader import render_to_string
from django.utils import timezone

from meetings.models import AgendaPack, Meeting
from meetings.packs.assemble import (
    Assembler,
    Bookmark,
    Opened,
    Source,
    page_count,
    stamps_as_artifacts,
)
from meetings.packs.content import (
    PackContent,
    Part,
    blank_html,
    front_sheet_html,
    pack_content,
    restricted_html,
)
from meetings.packs.html import FONT_DIR, render_key
from scrutiny.pagecache import site_revision_bump_on_commit
from scrutiny.pdf import render_pdfs, static_url

logger = logging.getLogger(__name__)

CACHE_DIR = "pack-cache"
MAX_FRONT_SHEET_PASSES = 4
STAMP_CHUNK = 48  # stamp pages per render: parallel, and cached in pieces


# --- The render cache ----------------------------------------------------------------


def _cache_name(key: str) -> str:
    return f"{CACHE_DIR}/{key[:2]}/{key}.pdf"


def render_cached(htmls: list[str]) -> list[bytes]:
    """Render HTML documents, reusing any render already stored under the same key."""
    keys = [render_key(html) for html in htmls]
    found: dict[str, bytes] = {}
    missing: dict[str, str] = {}
    for key, html in zip(keys, htmls, strict=True):
        if key in found or key in missing:
            continue
        name = _cache_name(key)
        if default_storage.exists(name):
            with default_storage.open(name, "rb") as handle:
                found[key] = handle.read()
        else:
            missing[key] = html
    if missing:
        for key, data in zip(missing, render_pdfs(list(missing.values())), strict=True):
            found[key] = data
            if not default_storage.exists(_cache_name(key)):
                default_storage.save(_cache_name(key), ContentFile(data))
    return [found[key] for key in keys]


def _derived_cached(key: str, data: bytes, derive) -> bytes:
    """`derive(data)`, stored in the render cache under `key`."""
    name = _cache_name(key)
    if default_storage.exists(name):
        with default_storage.open(name, "rb") as handle:
            return handle.read()
    derived = derive(data)
    default_storage.save(name, ContentFile(derived))
    return derived


# --- Layout ----------------------------------------------------------------------------


@dataclass
class Placed:
    part: Part
    data: bytes
    pages: int
    start: int  # its first page number in the full pack

    @property
    def padded(self) -> int:
        return self.pages + self.pages % 2

    @property
    def end(self) -> int:
        return self.start + self.padded - 1


def _place(
    parts: list[Part], datas: list[bytes], counts: list[int], front_pages: int
) -> list[Placed]:
    placed = []
    page = front_pages + front_pages % 2 + 1
    for part, data, count in zip(parts, datas, counts, strict=True):
        placed.append(Placed(part=part, data=data, pages=count, start=page))
        page += count + count % 2
    return placed


def _ranges(placed: list[Placed]) -> dict[int, tuple[int, int]]:
    ranges: dict[int, tuple[int, int]] = {}
    for entry in placed:
        number = entry.part.item.number
        start, _ = ranges.get(number, (entry.start, entry.end))
        ranges[number] = (start, entry.end)
    return ranges


def stamps_html(stamps: list[tuple[str, str]]) -> str:
    pages = [{"number": number, "item": item} for number, item in stamps]
    return render_to_string("pdf/stamps.html", {"pages": pages, "font_base": static_url(FONT_DIR)})


# --- Building ------------------------------------------------------------------------------


@dataclass
class BuiltPack:
    audience: str
    data: bytes
    page_count: int
    ranges: dict[int, tuple[int, int]]
    untagged: list[str]


def _upload_bytes(part: Part) -> bytes:
    with part.upload.file.open("rb") as handle:
        return handle.read()


def build_packs(meeting: Meeting, content: PackContent | None = None) -> dict[str, BuiltPack]:
    """Both packs of a meeting as bytes, with the page ranges of the full pack."""
    started = time.perf_counter()
    timings: dict[str, float] = {}
    content = content or pack_content(meeting)
    council = content.council
    parts = content.parts
    html_parts = [part for part in parts if not part.is_upload]
    # Papers whose public version prints less (a private item's minute withheld).
    public_parts = [part for part in html_parts if part.public_html]
    restricted = sorted({part.paragraphs for part in parts if part.exempt})
    extra = [blank_html(council)] + [restricted_html(council, p) for p in restricted]
    rendered = render_cached(
        [part.html for part in html_parts] + [part.public_html for part in public_parts] + extra
    )
    by_part = dict(zip(map(id, html_parts), rendered, strict=False))
    public_by_part = dict(zip(map(id, public_parts), rendered[len(html_parts) :], strict=False))
    offset = len(html_parts) + len(public_parts)
    blank = rendered[offset]
    placeholders = dict(zip(restricted, rendered[offset + 1 :], strict=True))

    datas = [_upload_bytes(part) if part.is_upload else by_part[id(part)] for part in parts]
    opened = Opened()
    # A paper with a public version takes the longer of its two lengths in both packs, so
    # that every page keeps its number; the shorter is padded with blank pages.
    counts = [
        max(len(opened.get(data).pages), len(opened.get(public_by_part[id(part)]).pages))
        if id(part) in public_by_part
        else len(opened.get(data).pages)
        for part, data in zip(parts, datas, strict=True)
    ]
    public_datas = {
        id(part): public_by_part[id(part)] for part in parts if id(part) in public_by_part
    }

    timings["documents"] = time.perf_counter() - started

    # The front sheet and both stamp files render together, on the guess that the front
    # sheet keeps the length it had (two pages, as in the seeds); if it does not, the
    # layout is redone with its real length.
    audiences = [AgendaPack.Audience.FULL, AgendaPack.Audience.PUBLIC]
    front_pages = 2
    for _ in range(MAX_FRONT_SHEET_PASSES):
        placed = _place(parts, datas, counts, front_pages)
        ranges = _ranges(placed)
        sequences = [
            _sequence(a, front_pages, placed, blank, placeholders, public_datas, opened)
            for a in audiences
        ]
        # Each distinct stamp is rendered once for both packs, in chunks that render in
        # parallel and are cached on their own.
        distinct = list(dict.fromkeys(stamp for seq in sequences for stamp in seq.stamps))
        chunks = [distinct[i : i + STAMP_CHUNK] for i in range(0, len(distinct), STAMP_CHUNK)]
        stamp_htmls = [stamps_html(chunk) for chunk in chunks]
        front, *raw_stamps = render_cached([front_sheet_html(content, ranges)] + stamp_htmls)
        actual = page_count(front)
        if actual == front_pages:
            break
        front_pages = actual
    else:  # pragma: no cover - the front sheet's length cannot keep changing
        raise RuntimeError("The front sheet's page ranges did not settle.")
    stamp_pdfs = [
        _derived_cached(f"{render_key(html)}-artifacts", raw, stamps_as_artifacts)
        for html, raw in zip(stamp_htmls, raw_stamps, strict=True)
    ]
    where = {
        stamp: (stamp_pdfs[index // STAMP_CHUNK], index % STAMP_CHUNK)
        for index, stamp in enumerate(distinct)
    }
    timings["front sheet and stamps"] = time.perf_counter() - started - timings["documents"]

    # With nothing exempt the two packs are the same file: it is assembled once.
    anything_exempt = any(part.exempt or part.public_html for part in parts)
    packs: dict[str, BuiltPack] = {}
    for audience, sequence in zip(audiences, sequences, strict=True):
        public = audience == AgendaPack.Audience.PUBLIC
        if public and not anything_exempt:
            full = packs[AgendaPack.Audience.FULL]
            packs[audience] = BuiltPack(audience, full.data, full.page_count, ranges, full.untagged)
            continue
        stamps = [where[stamp] for stamp in sequence.stamps]
        title = content.title
        if public:
            title = title.replace("agenda pack", "public agenda pack")
        packs[audience] = BuiltPack(
            audience=audience,
            data=_assemble(title, front, sequence, stamps, opened),
            page_count=len(sequence.labels),
            ranges=ranges,
            untagged=[p.title for p in parts if p.is_upload and not (public and p.exempt)],
        )
    opened.close()
    timings["total"] = time.perf_counter() - started
    logger.info(
        "Packs of meeting %s built: %s",
        meeting.pk,
        ", ".join(f"{name} {seconds:.2f} s" for name, seconds in timings.items()),
    )
    return packs


@dataclass
class Sequence:
    """One audience's pages, in order: what to append, and the stamps and labels."""

    appends: list[tuple[bytes, bool, bool]]  # data, tagged, shared
    labels: list[str]
    stamps: list[tuple[str, str]]  # (page number, "Agenda Item N" or "")
    bookmarks: list[Bookmark]


def _sequence(
    audience, front_count, placed, blank, placeholders, public_datas=None, opened=None
) -> Sequence:
    public = audience == AgendaPack.Audience.PUBLIC
    sequence = Sequence(appends=[], labels=[], stamps=[], bookmarks=[Bookmark("Agenda", 0)])

    def add(number_label: str, page_label: str, item_label: str = "") -> None:
        sequence.stamps.append((number_label, item_label))
        sequence.labels.append(page_label)

    for index in range(front_count):
        add(f"Page {index + 1}", str(index + 1))
    if front_count % 2:
        sequence.appends.append((blank, True, False))
        add(f"Page {front_count + 1}", str(front_count + 1))

    current = None
    for entry in placed:
        item = entry.part.item
        first_of_item = item.number != current
        current = item.number
        position = len(sequence.labels)
        item_label = f"Agenda Item {item.number}" if first_of_item else ""
        if first_of_item:
            sequence.bookmarks.append(Bookmark(f"{item.number}. {item.title}", position, []))
        if public and entry.part.exempt:
            span = f"{entry.start} - {entry.end}"
            sequence.appends.append((placeholders[entry.part.paragraphs], True, False))
            add(f"Pages {span}", f"{entry.start}-{entry.end}", item_label)
            sequence.appends.append((blank, True, False))
            add(f"Pages {span}", f"{entry.start}-{entry.end} (blank)")
            sequence.bookmarks[-1].children.append(Bookmark("Document is Restricted", position))
            continue
        data, pages = entry.data, entry.pages
        if public_datas and id(entry.part) in public_datas:
            # Two versions: this audience's, with its own length.
            data = public_datas[id(entry.part)] if public else entry.data
            pages = len(opened.get(data).pages)
        sequence.appends.append((data, not entry.part.is_upload, True))
        for offset in range(pages):
            number = entry.start + offset
            add(f"Page {number}", str(number), item_label if offset == 0 else "")
        # Blank pages to the paper's even end (its longer version's, see build_packs).
        for number in range(entry.start + pages, entry.end + 1):
            sequence.appends.append((blank, True, False))
            add(f"Page {number}", str(number))
        sequence.bookmarks[-1].children.append(Bookmark(entry.part.title, position))
    return sequence


def _assemble(
    title: str, front: bytes, sequence: Sequence, stamps: list[tuple[bytes, int]], opened: Opened
) -> bytes:
    assembler = Assembler(front, opened)
    for data, tagged, shared in sequence.appends:
        assembler.append(Source(data, tagged=tagged, shared=shared))
    assembler.stamp(stamps)
    return assembler.finish(title=title, labels=sequence.labels, bookmarks=sequence.bookmarks)


def source_hash(content: PackContent) -> str:
    """A hash of everything the packs are built from: each document's HTML or uploaded
    file, and the front sheet without its page ranges."""
    digest = hashlib.sha256()
    digest.update(render_key(front_sheet_html(content, {})).encode())
    for part in content.parts:
        if part.is_upload:
            digest.update(f"upload:{part.upload.file.name}:{part.exempt}".encode())
        else:
            digest.update(f"{render_key(part.html)}:{part.exempt}:{part.paragraphs}".encode())
            if part.public_html:
                digest.update(f"public:{render_key(part.public_html)}".encode())
        digest.update(f"{part.item.number}".encode())
    return digest.hexdigest()


def pack_build(*, meeting: Meeting, force: bool = False) -> list[AgendaPack]:
    """Build and store both packs of a meeting. Unless forced, packs already built from
    the same sources are kept as they are. On failure the rows say so and keep their
    previous file."""
    now = timezone.now()
    try:
        content = pack_content(meeting)
        digest = source_hash(content)
        existing = list(AgendaPack.objects.filter(meeting=meeting))
        if (
            not force
            and len(existing) == len(AgendaPack.Audience.values)
            and all(row.source_hash == digest and row.file for row in existing)
            and all(default_storage.exists(row.file.name) for row in existing)
        ):
            AgendaPack.objects.filter(meeting=meeting).update(
                status=AgendaPack.Status.READY, error=""
            )
            site_revision_bump_on_commit()
            return sorted(existing, key=lambda row: row.audience)
        packs = build_packs(meeting, content)
    except Exception as error:
        logger.exception("Building the packs of meeting %s failed", meeting.pk)
        AgendaPack.objects.filter(meeting=meeting).update(
            status=AgendaPack.Status.FAILED, error=str(error)[:2000]
        )
        site_revision_bump_on_commit()
        raise
    rows = []
    for audience, built in packs.items():
        row, _ = AgendaPack.objects.get_or_create(meeting=meeting, audience=audience)
        old = row.file.name if row.file else ""
        row.file.save(f"{audience}.pdf", ContentFile(built.data), save=False)
        row.status = AgendaPack.Status.READY
        row.page_count = built.page_count
        row.page_ranges = {str(number): list(span) for number, span in built.ranges.items()}
        row.untagged_documents = built.untagged
        row.source_hash = digest
        row.built_at = now
        row.error = ""
        row.save()
        if old and old != row.file.name:
            default_storage.delete(old)
        rows.append(row)
    return rows
