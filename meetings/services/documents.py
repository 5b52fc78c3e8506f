"""Papers under agenda items: written in the browser, imported from Word, uploaded as PDF.

Every change goes through a function here, which sanitises what is stored (nh3, the
allow-list in meetings/html.py), checks uploaded files before anything is kept, records
the acting user in the paper's history, checks the version the officer started from
(two officers editing one paper: the second is told, and keeps their text), and sends
`meetings.signals.document_changed` once the change has committed, so that the agenda
pack can be rebuilt.
"""

import dataclasses
import difflib
import html
import io
import re
import zipfile
from collections.abc import Iterable, Sequence

import mammoth
import pikepdf
from django.conf import settings
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone

from meetings.html import clean_html
from meetings.models import AgendaItem, Document, DocumentAuthor
from meetings.signals import document_changed

PDF_MAGIC = b"%PDF-"
ZIP_MAGIC = b"PK\x03\x04"
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # Word 97-2003 (.doc) and other old Office files
# A .docx unpacks to more than it weighs; more than this many times the upload limit is
# a zip bomb, not a report.
DOCX_UNPACKED_RATIO = 10
# A PDF with more pages than this is not a committee paper (and would stall the pack).
PDF_MAX_PAGES = 2000

# Word's heading styles one level down: a paper's page already has its own <h1>.
DOCX_STYLE_MAP = """
p[style-name='Title'] => h2:fresh
p[style-name='Heading 1'] => h2:fresh
p[style-name='Heading 2'] => h3:fresh
p[style-name='Heading 3'] => h4:fresh
p[style-name='Heading 4'] => h4:fresh
p[style-name='Heading 5'] => h4:fresh
p[style-name='Heading 6'] => h4:fresh
"""


class DocumentRefused(ValueError):
    """An uploaded file that cannot become a paper; the message tells the officer why."""


class DocumentConflict(Exception):
    """Someone else saved the paper since it was opened; `current` is the paper as saved."""

    def __init__(self, current: Document) -> None:
        self.current = current
        super().__init__(
            "Someone else has changed this paper since you opened it. Check their change, "
            "then save yours again."
        )


@dataclasses.dataclass(frozen=True)
class Author:
    """A line of a paper's contact block."""

    name: str
    job_title: str = ""
    contact: str = ""


@dataclasses.dataclass(frozen=True)
class CheckedPdf:
    """An uploaded PDF that passed the checks: its bytes and page count."""

    content: bytes
    page_count: int
    original_filename: str


@dataclasses.dataclass(frozen=True)
class ImportedWord:
    """A Word file converted to sanitised HTML."""

    body_html: str
    original_filename: str
    messages: tuple[str, ...] = ()


# --- Checking uploaded files -------------------------------------------------------------


def _megabytes(size: int) -> str:
    return f"{size / 1024**2:.1f}".removesuffix(".0") + " MB"


def _read_limited(upload) -> bytes:
    """The upload's bytes, refused before reading when it is over the size limit."""
    limit = settings.DOCUMENT_UPLOAD_MAX_BYTES
    size = getattr(upload, "size", None)
    if size is not None and size > limit:
        raise DocumentRefused(
            f"The file is {_megabytes(size)}: it must be smaller than {_megabytes(limit)}"
        )
    upload.seek(0)
    data = upload.read(limit + 1)
    if len(data) > limit:
        raise DocumentRefused(f"The file must be smaller than {_megabytes(limit)}")
    if not data:
        raise DocumentRefused("The file is empty")
    return data


def _filename(upload) -> str:
    return (getattr(upload, "name", "") or "")[:255]


def document_check_pdf(*, upload) -> CheckedPdf:
    """Check an uploaded file is a PDF the pack can use: really a PDF (its first bytes and
    a parse by qpdf), under the size limit, not encrypted, not broken.

    Raises DocumentRefused with the reason; nothing is stored here either way.
    """
    data = _read_limited(upload)
    if not data.startswith(PDF_MAGIC):
        if data.startswith(ZIP_MAGIC) or data.startswith(OLE_MAGIC):
            raise DocumentRefused(
                "The file is not a PDF: it looks like a Word or other Office file. "
                "Import a Word file instead, or save it as a PDF first"
            )
        raise DocumentRefused("The file is not a PDF, whatever its name says")
    try:
        with pikepdf.open(io.BytesIO(data)) as pdf:
            if pdf.is_encrypted:
                raise DocumentRefused(
                    "The PDF is encrypted: remove its password or restrictions and save it "
                    "again before uploading"
                )
            page_count = len(pdf.pages)
            if page_count > PDF_MAX_PAGES:
                raise DocumentRefused(f"The PDF has more than {PDF_MAX_PAGES} pages")
            for page in pdf.pages:  # Every page must resolve, with a size.
                page.mediabox  # noqa: B018
    except pikepdf.PasswordError as error:
        raise DocumentRefused(
            "The PDF is protected by a password: remove the password and upload it again"
        ) from error
    except DocumentRefused:
        raise
    except (pikepdf.PdfError, ValueError, KeyError, TypeError, RuntimeError) as error:
        raise DocumentRefused(
            "The PDF is damaged and cannot be read: export or save it as a PDF again, "
            "then upload the new file"
        ) from error
    if page_count == 0:
        raise DocumentRefused("The PDF has no pages")
    return CheckedPdf(content=data, page_count=page_count, original_filename=_filename(upload))


def document_read_docx(*, upload) -> ImportedWord:
    """Convert an uploaded Word file (.docx) to sanitised HTML, keeping headings, lists,
    tables and images (as data: URIs). Linked files are never opened.

    Raises DocumentRefused with the reason when the file is not a real .docx.
    """
    data = _read_limited(upload)
    if data.startswith(PDF_MAGIC):
        raise DocumentRefused("The file is a PDF, not a Word file: upload it as a PDF instead")
    if data.startswith(OLE_MAGIC):
        raise DocumentRefused(
            "The file is an older Word file (.doc): open it in Word, save it as a Word "
            "Document (.docx) and import that"
        )
    not_docx = DocumentRefused("The file is not a Word document (.docx), whatever its name says")
    if not data.startswith(ZIP_MAGIC):
        raise not_docx
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            members = archive.infolist()
            if "word/document.xml" not in {member.filename for member in members}:
                raise not_docx
            unpacked = sum(member.file_size for member in members)
    except zipfile.BadZipFile as error:
        raise not_docx from error
    if unpacked > DOCX_UNPACKED_RATIO * settings.DOCUMENT_UPLOAD_MAX_BYTES:
        raise DocumentRefused("The Word file unpacks to too much data to be a paper")
    try:
        result = mammoth.convert_to_html(
            io.BytesIO(data),
            style_map=DOCX_STYLE_MAP,
            convert_image=mammoth.images.data_uri,
            external_file_access=False,
        )
    except Exception as error:  # mammoth raises many kinds on broken XML
        raise DocumentRefused(
            "The Word file is damaged and cannot be read: open it in Word, save it again "
            "and import the new file"
        ) from error
    body = clean_html(result.value)
    if not body.strip():
        raise DocumentRefused("The Word file has no text to import")
    return ImportedWord(
        body_html=body,
        original_filename=_filename(upload),
        messages=tuple(message.message for message in result.messages),
    )


# --- Order within an item ----------------------------------------------------------------


def document_reading_order(documents: Iterable[Document]) -> list[Document]:
    """Papers in the order the pack prints them: each paper, then its appendices."""
    documents = sorted(documents, key=lambda document: (document.position, document.pk or 0))
    appendices: dict[int, list[Document]] = {}
    for document in documents:
        if document.parent_id:
            appendices.setdefault(document.parent_id, []).append(document)
    ordered = []
    for document in documents:
        if not document.parent_id:
            ordered.append(document)
            ordered += appendices.pop(document.pk, [])
    for orphans in appendices.values():  # an appendix whose paper is elsewhere: keep it
        ordered += orphans
    return ordered


def _renumber(ordered: Sequence[Document], user) -> None:
    """Positions 1..n in `ordered`, in two passes so that no intermediate state breaks
    meetings_document_unique_position; only the final positions enter the history."""
    moving = [
        (position, document)
        for position, document in enumerate(ordered, start=1)
        if document.position != position
    ]
    if not moving:
        return
    clear_of = max([document.position for document in ordered] + [len(ordered)]) + 1
    for offset, (_, document) in enumerate(moving):
        document.position = clear_of + offset
        document.skip_history_when_saving = True
        try:
            document.save(update_fields=["position"])
        finally:
            del document.skip_history_when_saving
    for position, document in moving:
        document.position = position
        document._history_user = user
        document.save(update_fields=["position"])


def _locked_documents(agenda_item: AgendaItem) -> list[Document]:
    AgendaItem.objects.select_for_update().filter(pk=agenda_item.pk).first()
    return list(Document.objects.select_for_update().filter(agenda_item=agenda_item))


@transaction.atomic
def document_renumber(*, agenda_item: AgendaItem, user=None) -> list[Document]:
    """Number an item's papers 1..n in reading order (each paper, then its appendices)."""
    ordered = document_reading_order(_locked_documents(agenda_item))
    _renumber(ordered, user)
    return ordered


def document_move(*, document: Document, user, up: bool) -> bool:
    """Move a paper one place up or down among its siblings (papers of its item, or
    appendices of its paper); its appendices move with it. False when it cannot move."""
    with transaction.atomic():
        ordered = document_reading_order(_locked_documents(document.agenda_item))
        current = next(d for d in ordered if d.pk == document.pk)
        papers = [d for d in ordered if not d.parent_id]
        appendices: dict[int, list[Document]] = {}
        for d in ordered:
            if d.parent_id:
                appendices.setdefault(d.parent_id, []).append(d)
        siblings = appendices[current.parent_id] if current.parent_id else papers
        index = siblings.index(current)
        other = index - 1 if up else index + 1
        if not 0 <= other < len(siblings):
            return False
        siblings[index], siblings[other] = siblings[other], siblings[index]
        reordered = []
        for paper in papers:
            reordered += [paper, *appendices.pop(paper.pk, [])]
        for rest in appendices.values():
            reordered += rest
        _renumber(reordered, user)
        _changed(current, user)
    return True


# --- Creating and changing papers --------------------------------------------------------


def _changed(document: Document, user) -> None:
    transaction.on_commit(
        lambda: document_changed.send(sender=Document, document=document, user=user)
    )


def _set_authors(document: Document, authors: Sequence[Author]) -> None:
    document.authors.all().delete()
    DocumentAuthor.objects.bulk_create(
        DocumentAuthor(
            document=document,
            position=position,
            name=author.name,
            job_title=author.job_title,
            contact=author.contact,
        )
        for position, author in enumerate(authors, start=1)
    )


def _store_pdf(document: Document, pdf: CheckedPdf) -> None:
    """Write the file under a random name (document_upload_path); the caller saves the row."""
    document.file.save("upload.pdf", ContentFile(pdf.content), save=False)
    document.original_filename = pdf.original_filename
    document.page_count = pdf.page_count


def _discard_file(name: str) -> None:
    if name:
        Document._meta.get_field("file").storage.delete(name)


def document_create(
    *,
    agenda_item: AgendaItem,
    user,
    source: str,
    title: str,
    parent: Document | None = None,
    kind: str = Document.Kind.BRIEFING_NOTE,
    heading: str = "",
    to_line: str = "",
    document_date=None,
    body_html: str = "",
    is_restricted: bool = False,
    exempt_paragraphs: Sequence[int] = (),
    authors: Sequence[Author] = (),
    pdf: CheckedPdf | None = None,
    original_filename: str = "",
) -> Document:
    """Add a paper (or, with `parent`, an appendix) at the end of an item's papers.

    `body_html` is sanitised here whatever its origin; an uploaded paper needs `pdf`, the
    result of document_check_pdf. If anything fails, no row and no file are left behind.
    """
    if parent is not None:
        if parent.agenda_item_id != agenda_item.pk:
            raise ValueError("An appendix belongs to the item of its paper.")
        if parent.parent_id:
            raise ValueError("An appendix cannot have appendices of its own.")
        kind = Document.Kind.APPENDIX
    if (source == Document.Source.UPLOADED) != (pdf is not None):
        raise ValueError("An uploaded paper needs its checked PDF, and only it has one.")
    document = Document(
        agenda_item=agenda_item,
        parent=parent,
        kind=kind,
        source=source,
        title=title,
        heading=heading,
        to_line=to_line,
        document_date=document_date,
        body_html=clean_html(body_html) if source != Document.Source.UPLOADED else "",
        is_restricted=is_restricted,
        exempt_paragraphs=tuple(exempt_paragraphs) if is_restricted else (),
        original_filename=original_filename[:255],
    )
    try:
        with transaction.atomic():
            documents = _locked_documents(agenda_item)
            document.position = max([d.position for d in documents], default=0) + 1
            if pdf is not None:
                _store_pdf(document, pdf)
            document.full_clean()
            document._history_user = user
            document.save()
            _set_authors(document, authors)
            _renumber(document_reading_order([*documents, document]), user)
            _changed(document, user)
    except BaseException:
        _discard_file(document.file.name if document.file else "")
        raise
    return document


UPDATABLE_FIELDS = frozenset(
    {
        "kind",
        "title",
        "heading",
        "to_line",
        "document_date",
        "body_html",
        "is_restricted",
        "exempt_paragraphs",
    }
)


def _locked(document: Document, version: int) -> Document:
    current = Document.objects.select_for_update().get(pk=document.pk)
    if current.version != version:
        raise DocumentConflict(
            Document.objects.select_related("agenda_item__meeting", "parent").get(pk=document.pk)
        )
    return current


def document_update(
    *,
    document: Document,
    version: int,
    user,
    authors: Sequence[Author] | None = None,
    **fields,
) -> Document:
    """Save an officer's edit, if nobody else has saved the paper since `version`.

    Raises DocumentConflict (carrying the paper as now saved) otherwise; nothing changes.
    """
    unknown = set(fields) - UPDATABLE_FIELDS
    if unknown:
        raise TypeError(f"document_update() cannot change {', '.join(sorted(unknown))}")
    with transaction.atomic():
        current = _locked(document, version)
        if "body_html" in fields:
            if current.source == Document.Source.UPLOADED:
                raise ValueError("An uploaded PDF has no text to edit.")
            fields["body_html"] = clean_html(fields["body_html"])
        if current.parent_id:
            fields.pop("kind", None)  # an appendix stays an appendix
        if not fields.get("is_restricted", current.is_restricted):
            fields["exempt_paragraphs"] = ()
        for name, value in fields.items():
            setattr(current, name, tuple(value) if name == "exempt_paragraphs" else value)
        current.version += 1
        current.full_clean()
        current._history_user = user
        current.save()
        if authors is not None:
            _set_authors(current, authors)
        _changed(current, user)
    return current


def document_replace_pdf(*, document: Document, version: int, user, pdf: CheckedPdf) -> Document:
    """Put a new PDF in place of an uploaded paper's file. The old file is kept: the
    paper's history names it, and a published pack may have used it."""
    new_name = ""
    try:
        with transaction.atomic():
            current = _locked(document, version)
            if current.source != Document.Source.UPLOADED:
                raise ValueError("Only an uploaded PDF can be replaced by a PDF.")
            _store_pdf(current, pdf)
            new_name = current.file.name
            current.version += 1
            current.full_clean()
            current._history_user = user
            current.save()
            _changed(current, user)
    except BaseException:
        _discard_file(new_name)
        raise
    return current


def _withdrawn_at_set(rows: list[Document], when, *, user) -> None:
    """Withdraw (`when` a time) or restore (`when` None) locked papers, each a new version."""
    for row in rows:
        row.withdrawn_at = when
        row.version += 1
        row._history_user = user
        row.save(update_fields=["withdrawn_at", "version", "updated_at"])


def document_withdraw(*, document: Document, user) -> Document:
    """Withdraw a paper and its appendices: the records stay, no one but officers sees them."""
    now = timezone.now()
    with transaction.atomic():
        current = Document.objects.select_for_update().get(pk=document.pk)
        rows = [current, *Document.objects.select_for_update().filter(parent=current)]
        _withdrawn_at_set([row for row in rows if row.withdrawn_at is None], now, user=user)
        _changed(current, user)
    return current


def document_restore(*, document: Document, user) -> Document:
    """Bring a withdrawn paper back (its appendices withdrawn with it come back too)."""
    with transaction.atomic():
        current = Document.objects.select_for_update().get(pk=document.pk)
        when = current.withdrawn_at
        if when is None:
            return current
        rows = [current, *Document.objects.select_for_update().filter(parent=current)]
        _withdrawn_at_set([row for row in rows if row.withdrawn_at == when], None, user=user)
        _changed(current, user)
    return current


# --- What changed ------------------------------------------------------------------------

_BLOCK_END = re.compile(r"</(p|h[1-6]|li|tr|caption|blockquote)>|<br\s*/?>", re.I)
_CELL_END = re.compile(r"</t[dh]>", re.I)
_TAG = re.compile(r"<[^>]+>")


def html_lines(body_html: str) -> list[str]:
    """A paper's text, one line per paragraph, heading, list item or table row."""
    text = _CELL_END.sub(" | ", body_html or "")
    text = _BLOCK_END.sub("\n", text)
    text = html.unescape(_TAG.sub("", text))
    return [" ".join(line.split()).removesuffix(" |") for line in text.splitlines() if line.strip()]


@dataclasses.dataclass(frozen=True)
class FieldChange:
    label: str
    saved: str
    yours: str
    only_saved: tuple[str, ...] = ()
    only_yours: tuple[str, ...] = ()


def document_differences(*, saved: Document, yours: dict, labels: dict[str, str]) -> list:
    """What differs between the paper as saved and an officer's unsaved form: for the
    text, the lines only in one of the two."""
    changes = []
    for name, label in labels.items():
        if name not in yours:
            continue
        mine, theirs = yours[name], getattr(saved, name)
        if name == "body_html":
            saved_lines, my_lines = html_lines(theirs), html_lines(clean_html(mine or ""))
            if saved_lines != my_lines:
                diff = list(difflib.ndiff(saved_lines, my_lines))
                changes.append(
                    FieldChange(
                        label=label,
                        saved="",
                        yours="",
                        only_saved=tuple(line[2:] for line in diff if line.startswith("- ")),
                        only_yours=tuple(line[2:] for line in diff if line.startswith("+ ")),
                    )
                )
            continue
        if name == "exempt_paragraphs":
            mine, theirs = tuple(sorted(mine or ())), tuple(theirs)
        if (mine or "") != (theirs or ""):
            changes.append(FieldChange(label=label, saved=_show(theirs), yours=_show(mine)))
    return changes


def _show(value) -> str:
    if value in (None, "", ()):
        return "(blank)"
    if isinstance(value, bool):
        return "Yes" if value else "No"
    if isinstance(value, tuple):
        return ", ".join(str(v) for v in value)
    if hasattr(value, "strftime"):
        return value.strftime("%-d %B %Y")
    return str(value)
