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

import datetime
import hashlib
import logging
import time
from dataclasses import dataclass, field

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.utils import timezone

from meetings.models import AgendaPack, Meeting
from meetings.packs.assemble import Assembler, Bookmark, Opened, Source, page_count
from meetings.packs.content import (
    PackContent,
    Part,
    blank_html,
    front_sheet_html,
    pack_content,
    restricted_html,
)
from meetings.packs.html import render_key
from meetings.packs.stamps import StampSheet, type_sheet_html
from scrutiny.pagecache import site_revision_bump_on_commit
from scrutiny.pdf import start_renders

logger = logging.getLogger(__name__)

FULL = AgendaPack.Audience.FULL
PUBLIC = AgendaPack.Audience.PUBLIC

CACHE_DIR = "pack-cache"
MAX_FRONT_SHEET_PASSES = 4


# --- The render cache ----------------------------------------------------------------


def _cache_name(key: str) -> str:
    return f"{CACHE_DIR}/{key[:2]}/{key}.pdf"


def render_cached(htmls: list[str], while_rendering=None) -> list[bytes]:
    """Render HTML documents, reusing any render already stored under the same key.

    What is missing starts rendering first; the stored renders are read meanwhile and
    handed to `while_rendering({index in htmls: bytes})`, if given, before waiting."""
    keys = [render_key(html) for html in htmls]
    stored: dict[str, str] = {}
    missing: dict[str, str] = {}
    for key, html in zip(keys, htmls, strict=True):
        if key in stored or key in missing:
            continue
        if default_storage.exists(_cache_name(key)):
            stored[key] = html
        else:
            missing[key] = html
    renders = start_renders(list(missing.values()))
    found: dict[str, bytes] = {}
    vanished: dict[str, str] = {}  # pruned since exists() was asked: rendered again
    for key, html in stored.items():
        try:
            with default_storage.open(_cache_name(key), "rb") as handle:
                found[key] = handle.read()
        except FileNotFoundError:
            vanished[key] = html
    late = start_renders(list(vanished.values()))
    if while_rendering is not None:
        while_rendering({i: found[key] for i, key in enumerate(keys) if key in found})
    for batch, rendered in ((missing, renders), (vanished, late)):
        for key, data in zip(batch, rendered.results(), strict=True):
            found[key] = data
            if not default_storage.exists(_cache_name(key)):
                default_storage.save(_cache_name(key), ContentFile(data))
    return [found[key] for key in keys]


def prune_render_cache(keep_for: datetime.timedelta) -> tuple[int, int]:
    """Delete the cached renders no pack was last assembled from, once older than
    `keep_for` (a build in progress stores renders before its packs name them).
    Returns how many renders were deleted and how many kept."""
    wanted = {
        key for keys in AgendaPack.objects.values_list("render_keys", flat=True) for key in keys
    }
    cutoff = timezone.now() - keep_for
    deleted = kept = 0
    try:
        folders, _files = default_storage.listdir(CACHE_DIR)
    except FileNotFoundError:  # nothing rendered yet
        return deleted, kept
    for folder in folders:
        for name in default_storage.listdir(f"{CACHE_DIR}/{folder}")[1]:
            path = f"{CACHE_DIR}/{folder}/{name}"
            key = name.removesuffix(".pdf")
            if key in wanted or default_storage.get_modified_time(path) > cutoff:
                kept += 1
            else:
                default_storage.delete(path)
                deleted += 1
    return deleted, kept


# --- Layout ----------------------------------------------------------------------------


@dataclass
class Placed:
    part: Part
    pages: int
    start: int  # its first page number in the full pack

    @property
    def padded(self) -> int:
        return self.pages + self.pages % 2

    @property
    def end(self) -> int:
        return self.start + self.padded - 1


def _place(parts: list[Part], counts: list[int], front_pages: int) -> list[Placed]:
    placed = []
    page = front_pages + front_pages % 2 + 1
    for part, count in zip(parts, counts, strict=True):
        placed.append(Placed(part=part, pages=count, start=page))
        page += count + count % 2
    return placed


def _ranges(placed: list[Placed]) -> dict[int, tuple[int, int]]:
    ranges: dict[int, tuple[int, int]] = {}
    for entry in placed:
        number = entry.part.item.number
        start, _ = ranges.get(number, (entry.start, entry.end))
        ranges[number] = (start, entry.end)
    return ranges


# --- Building ------------------------------------------------------------------------------


@dataclass
class BuiltPack:
    audience: str
    data: bytes
    page_count: int
    ranges: dict[int, tuple[int, int]]
    untagged: list[str]
    render_keys: list[str] = field(default_factory=list)  # the cached renders used


def _upload_bytes(part: Part) -> bytes:
    with part.upload.file.open("rb") as handle:
        return handle.read()


def build_packs(meeting: Meeting, content: PackContent | None = None) -> dict[str, BuiltPack]:
    """Both packs of a meeting as bytes, with the page ranges of the full pack.

    The main process assembles whatever is at hand while the render processes work:
    stored papers while changed ones render, every paper while the front sheet renders.
    """
    started = time.perf_counter()
    timings: dict[str, float] = {}
    content = content or pack_content(meeting)
    council = content.council
    parts = content.parts
    # Papers whose public version prints less (a private item's minute withheld).
    restricted = sorted({part.paragraphs for part in parts if part.exempt})
    # The blank page (also the packs' template), the stamps' type sheet, one placeholder
    # page for each set of Schedule 12A paragraphs, then the papers.
    htmls = [blank_html(council), type_sheet_html()]
    htmls += [restricted_html(council, paragraphs) for paragraphs in restricted]
    placeholder_at = {paragraphs: 2 + i for i, paragraphs in enumerate(restricted)}
    where: dict[tuple[int, str], int] = {}  # (part index, "full" or "public") -> html index
    for index, part in enumerate(parts):
        if not part.is_upload:
            where[index, FULL] = len(htmls)
            htmls.append(part.html)
            if part.public_html:
                where[index, PUBLIC] = len(htmls)
                htmls.append(part.public_html)
    # With nothing exempt the two packs are the same file: it is assembled once.
    anything_exempt = any(part.exempt or part.public_html for part in parts)
    audiences = [FULL, PUBLIC] if anything_exempt else [FULL]
    opened = Opened()
    assemblers: dict[str, Assembler] = {}
    at_hand: dict[int, bytes] = {}
    uploads: dict[int, bytes] = {}
    added: set[int] = set()  # parts whose blocks are in the packs

    def versions(index: int) -> tuple[bytes, bytes] | None:
        """A paper's full and public versions, or None while one is rendering."""
        part = parts[index]
        if part.is_upload:
            if index not in uploads:
                uploads[index] = _upload_bytes(part)
            return uploads[index], uploads[index]
        full = at_hand.get(where[index, FULL])
        public = at_hand.get(where[index, PUBLIC]) if part.public_html else full
        return (full, public) if full is not None and public is not None else None

    def longest(index: int) -> int:
        """A paper with a public version takes the longer of its two lengths in both
        packs, so that every page keeps its number; the shorter is padded."""
        return max(len(opened.get(data).pages) for data in versions(index))

    def add_papers(ready: dict[int, bytes]) -> None:
        """Add to the packs every paper whose renders are at hand, opening each once."""
        at_hand.update(ready)
        blank = at_hand.get(0)
        if blank is None:
            return
        for audience in audiences:
            if audience not in assemblers:
                assemblers[audience] = Assembler(blank, opened)
        for index, part in enumerate(parts):
            if index in added:
                continue
            both = versions(index)
            placeholder = at_hand.get(placeholder_at[part.paragraphs]) if part.exempt else b""
            if both is None or placeholder is None:
                continue
            added.add(index)
            full, public = both
            padded = longest(index) + longest(index) % 2
            for audience in audiences:
                assembler = assemblers[audience]
                if audience == PUBLIC and part.exempt:
                    assembler.add(index + 1, Source(placeholder))
                    assembler.add(index + 1, Source(blank))
                    continue
                data = public if audience == PUBLIC else full
                pages = assembler.add(index + 1, Source(data, not part.is_upload, shared=True))
                for _ in range(padded - pages):
                    assembler.add(index + 1, Source(blank))

    rendered = render_cached(htmls, while_rendering=add_papers)
    at_hand.update(enumerate(rendered))
    stamp_sheet = StampSheet(rendered[1])
    counts = [longest(index) for index in range(len(parts))]
    timings["documents"] = time.perf_counter() - started

    # The front sheet renders on the guess that it keeps the length it had (two pages, as
    # in the seeds); if it does not, the layout is redone with its real length.
    front_pages = 2
    for _ in range(MAX_FRONT_SHEET_PASSES):
        placed = _place(parts, counts, front_pages)
        ranges = _ranges(placed)
        # The papers still to add go in while the front sheet renders.
        front_html = front_sheet_html(content, ranges)
        [front] = render_cached([front_html], while_rendering=lambda _: add_papers({}))
        actual = page_count(front)
        if actual == front_pages:
            break
        front_pages = actual
    else:  # pragma: no cover - the front sheet's length cannot keep changing
        raise RuntimeError("The front sheet's page ranges did not settle.")
    for assembler in assemblers.values():
        assembler.add(0, Source(front))
        if front_pages % 2:
            assembler.add(0, Source(rendered[0]))
    sequences = {a: _sequence(a, front_pages, placed, versions, opened) for a in audiences}
    # Each distinct stamp is drawn once, for both packs.
    distinct = list(dict.fromkeys(s for seq in sequences.values() for s in seq.stamps))
    stamp_pdf = stamp_sheet.render(distinct)
    stamp_pages = {stamp: stamp_pdf.pages[index] for index, stamp in enumerate(distinct)}
    timings["front sheet (papers added meanwhile) and stamps"] = (
        time.perf_counter() - started - timings["documents"]
    )

    packs: dict[str, BuiltPack] = {}
    for audience in audiences:
        public = audience == PUBLIC
        sequence = sequences[audience]
        title = content.title
        if public:
            title = title.replace("agenda pack", "public agenda pack")
        assembler = assemblers[audience]
        assembler.arrange()
        assembler.stamp([stamp_pages[stamp] for stamp in sequence.stamps])
        packs[audience] = BuiltPack(
            audience=audience,
            data=assembler.finish(
                title=title, labels=sequence.labels, bookmarks=sequence.bookmarks
            ),
            page_count=len(sequence.labels),
            ranges=ranges,
            untagged=[p.title for p in parts if p.is_upload and not (public and p.exempt)],
        )
    if not anything_exempt:
        full = packs[FULL]
        packs[PUBLIC] = BuiltPack(PUBLIC, full.data, full.page_count, ranges, full.untagged)
    # Every render the packs were assembled from: the render cache keeps these.
    used = list(dict.fromkeys(render_key(html) for html in [*htmls, front_html]))
    for built in packs.values():
        built.render_keys = used
    opened.close()
    stamp_pdf.close()
    timings["assembly"] = time.perf_counter() - started - sum(timings.values())
    timings["total"] = time.perf_counter() - started
    logger.info(
        "Packs of meeting %s built: %s",
        meeting.pk,
        ", ".join(f"{name} {seconds:.2f} s" for name, seconds in timings.items()),
    )
    return packs


@dataclass
class Sequence:
    """One audience's pages, in order: their stamps, labels and bookmarks."""

    labels: list[str]
    stamps: list[tuple[str, str]]  # (page number, "Agenda Item N" or "")
    bookmarks: list[Bookmark]


def _sequence(audience, front_count, placed, versions, opened) -> Sequence:
    public = audience == PUBLIC
    sequence = Sequence(labels=[], stamps=[], bookmarks=[Bookmark("Agenda", 0)])

    def add(number_label: str, page_label: str, item_label: str = "") -> None:
        sequence.stamps.append((number_label, item_label))
        sequence.labels.append(page_label)

    for index in range(front_count + front_count % 2):
        add(f"Page {index + 1}", str(index + 1))

    current = None
    for index, entry in enumerate(placed):
        item = entry.part.item
        first_of_item = item.number != current
        current = item.number
        position = len(sequence.labels)
        item_label = f"Agenda Item {item.number}" if first_of_item else ""
        if first_of_item:
            sequence.bookmarks.append(Bookmark(f"{item.number}. {item.title}", position, []))
        if public and entry.part.exempt:
            span = f"{entry.start} - {entry.end}"
            add(f"Pages {span}", f"{entry.start}-{entry.end}", item_label)
            add(f"Pages {span}", f"{entry.start}-{entry.end} (blank)")
            sequence.bookmarks[-1].children.append(Bookmark("Document is Restricted", position))
            continue
        # This audience's version, with its own length, then blank pages to the paper's
        # even end (its longer version's, see build_packs).
        pages = len(opened.get(versions(index)[1 if public else 0]).pages)
        for offset in range(pages):
            number = entry.start + offset
            add(f"Page {number}", str(number), item_label if offset == 0 else "")
        for number in range(entry.start + pages, entry.end + 1):
            add(f"Page {number}", str(number))
        sequence.bookmarks[-1].children.append(Bookmark(entry.part.title, position))
    return sequence


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
            # Packs built before they named their renders are built again, to name them.
            and all(row.render_keys for row in existing)
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
        row.render_keys = built.render_keys
        row.built_at = now
        row.error = ""
        row.save()
        if old and old != row.file.name:
            default_storage.delete(old)
        rows.append(row)
    return rows
