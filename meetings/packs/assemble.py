"""Putting rendered PDFs together with pikepdf: one tagged document, stamped and labelled.

WeasyPrint renders each document as its own PDF/UA file. Here their pages are appended
to the front sheet's file and their structure trees merged into its StructTreeRoot (the
ParentTree keys offset, so each page's marked content keeps pointing at its own
elements). Uploaded PDFs bring pages only. Page numbers and "Agenda Item N" are overlaid
from a stamp PDF whose content is turned into pagination artifacts.
"""

import io
from dataclasses import dataclass

import pikepdf
from pikepdf import Array, Dictionary, Name, OutlineItem, Pdf


@dataclass
class Source:
    """Pages to append: a rendered PDF (tagged) or an uploaded one (untagged).

    `shared` sources are opened once and appended to both packs (a Pdf may feed several
    targets); the blank and placeholder pages, appended many times to one pack, are
    opened afresh each time (one target cannot take the same page twice)."""

    data: bytes
    tagged: bool = True
    shared: bool = False


class Opened:
    """The sources of one build, each opened once."""

    def __init__(self) -> None:
        self._pdfs: dict[int, Pdf] = {}

    def get(self, data: bytes) -> Pdf:
        pdf = self._pdfs.get(id(data))
        if pdf is None:
            pdf = self._pdfs[id(data)] = Pdf.open(io.BytesIO(data))
        return pdf

    def close(self) -> None:
        for pdf in self._pdfs.values():
            pdf.close()
        self._pdfs.clear()


@dataclass
class Bookmark:
    title: str
    page: int  # 0-based index in the assembled file
    children: list["Bookmark"] | None = None


def page_count(data: bytes) -> int:
    with Pdf.open(io.BytesIO(data)) as pdf:
        return len(pdf.pages)


def _nums(tree: Dictionary) -> list[tuple[int, pikepdf.Object]]:
    """Flatten a number tree into (key, value) pairs."""
    pairs = []
    if "/Nums" in tree:
        nums = tree.Nums
        pairs.extend((int(nums[i]), nums[i + 1]) for i in range(0, len(nums), 2))
    for kid in tree.get("/Kids", []):
        pairs.extend(_nums(kid))
    return pairs


class Assembler:
    """Builds one pack file from the front sheet's PDF and the sources after it."""

    def __init__(self, front: bytes, opened: Opened | None = None):
        self.opened = opened
        self.pdf = Pdf.open(io.BytesIO(front))
        root = self.pdf.Root.StructTreeRoot
        kids = root.K
        self.document = kids[0] if isinstance(kids, Array) else kids
        if not isinstance(self.document.get("/K"), Array):
            self.document.K = Array([self.document.K]) if "/K" in self.document else Array()
        self.parent_tree = _nums(root.ParentTree)
        self.next_key = max((key for key, _ in self.parent_tree), default=-1) + 1
        self._open: list[Pdf] = []
        self._used: set[int] = set()  # shared sources already appended to this pack

    def append(self, source: Source, pages: list[int] | None = None) -> int:
        """Append a source's pages (all of them by default); returns how many."""
        if source.shared and self.opened is not None and id(source.data) not in self._used:
            self._used.add(id(source.data))
            other = self.opened.get(source.data)
        else:
            other = Pdf.open(io.BytesIO(source.data))
            self._open.append(other)
        indexes = range(len(other.pages)) if pages is None else pages
        first = len(self.pdf.pages)
        for index in indexes:
            self.pdf.pages.append(other.pages[index])
        added = self.pdf.pages[first:]
        if source.tagged and "/StructTreeRoot" in other.Root:
            self._merge_structure(other, added)
        else:
            for page in added:
                self._untag(page)
        return len(added)

    def _untag(self, page: pikepdf.Page) -> None:
        """Uploaded pages: no structure to merge; drop keys pointing into theirs, and
        attachments (an uploaded PDF may carry files)."""
        obj = page.obj
        if "/StructParents" in obj:
            del obj["/StructParents"]
        if "/Annots" in obj:
            kept = Array()
            for annotation in obj.Annots:
                if annotation.get("/Subtype") == Name.FileAttachment:
                    continue
                if "/StructParent" in annotation:
                    del annotation["/StructParent"]
                kept.append(annotation)
            obj.Annots = kept

    def _merge_structure(self, other: Pdf, added: list[pikepdf.Page]) -> None:
        offset = self.next_key
        copied_root = self.pdf.copy_foreign(other.Root.StructTreeRoot)
        kids = copied_root.K
        documents = list(kids) if isinstance(kids, Array) else [kids]
        for document in documents:
            children = document.get("/K", Array())
            children = children if isinstance(children, Array) else Array([children])
            for child in children:
                if isinstance(child, Dictionary):
                    child.P = self.document
                self.document.K.append(child)
        highest = -1
        for key, value in _nums(copied_root.ParentTree):
            self.parent_tree.append((key + offset, value))
            highest = max(highest, key)
        for page in added:
            obj = page.obj
            if "/StructParents" in obj:
                obj.StructParents = int(obj.StructParents) + offset
            for annotation in obj.get("/Annots", []):
                if "/StructParent" in annotation:
                    annotation.StructParent = int(annotation.StructParent) + offset
        self.next_key = offset + highest + 1

    def stamp(self, stamps: list[tuple[bytes, int]]) -> None:
        """Overlay on page i the stamp page stamps[i] = (stamp PDF, page index) (stamp
        PDFs as `stamps_as_artifacts` gives them)."""
        if len(stamps) != len(self.pdf.pages):
            raise ValueError("One stamp is needed for every page.")
        for page, (data, index) in zip(self.pdf.pages, stamps, strict=True):
            page.add_overlay(self.opened.get(data).pages[index])

    def finish(self, *, title: str, labels: list[str], bookmarks: list[Bookmark]) -> bytes:
        root = self.pdf.Root.StructTreeRoot
        self.parent_tree.sort(key=lambda pair: pair[0])
        nums = Array()
        for key, value in self.parent_tree:
            nums.append(key)
            nums.append(value)
        root.ParentTree = self.pdf.make_indirect(Dictionary(Nums=nums))
        root.ParentTreeNextKey = self.next_key
        self.pdf.Root.PageLabels = _page_labels(labels)
        self.pdf.Root.Lang = pikepdf.String("en-GB")
        self.pdf.Root.MarkInfo = Dictionary(Marked=True)
        self.pdf.Root.ViewerPreferences = Dictionary(DisplayDocTitle=True)
        self.pdf.docinfo[Name.Title] = title
        with self.pdf.open_metadata(set_pikepdf_as_editor=False) as meta:
            meta["dc:title"] = title
        with self.pdf.open_outline() as outline:
            outline.root.clear()
            for bookmark in bookmarks:
                outline.root.append(_outline_item(bookmark))
        out = io.BytesIO()
        # Object streams: a third of the size, and faster to write (many small objects).
        self.pdf.save(
            out, compress_streams=True, object_stream_mode=pikepdf.ObjectStreamMode.generate
        )
        for other in self._open:
            other.close()
        self.pdf.close()
        return out.getvalue()


def _outline_item(bookmark: Bookmark) -> OutlineItem:
    item = OutlineItem(bookmark.title, bookmark.page)
    for child in bookmark.children or []:
        item.children.append(_outline_item(child))
    return item


def _page_labels(labels: list[str]) -> Dictionary:
    """PDF page labels: decimal runs where the labels count up, literal prefixes elsewhere."""
    nums = Array()
    previous = None
    for index, label in enumerate(labels):
        number = int(label) if label.isdigit() else None
        if number is not None and previous is not None and number == previous + 1:
            previous = number
            continue
        if number is not None:
            nums.extend([index, Dictionary(S=Name.D, St=number)])
        else:
            nums.extend([index, Dictionary(P=pikepdf.String(label))])
        previous = number
    return Dictionary(Nums=nums)


def stamps_as_artifacts(data: bytes) -> bytes:
    """The stamp PDF with all its marked content turned into pagination artifacts: page
    numbers are not part of the documents' structure (PDF/UA)."""
    with Pdf.open(io.BytesIO(data)) as pdf:
        for page in pdf.pages:
            _as_artifacts(pdf, page)
        if "/StructTreeRoot" in pdf.Root:
            del pdf.Root["/StructTreeRoot"]
        out = io.BytesIO()
        pdf.save(out, compress_streams=True)
        return out.getvalue()


def _as_artifacts(pdf: Pdf, page: pikepdf.Page) -> None:
    """Mark all of a page's marked content as pagination artifacts (no MCIDs)."""
    instructions = []
    for operands, operator in pikepdf.parse_content_stream(page):
        if str(operator) in {"BDC", "BMC"}:
            operands = [Name.Artifact, Dictionary(Type=Name.Pagination)]
            operator = pikepdf.Operator("BDC")
        instructions.append((operands, operator))
    page.obj.Contents = pdf.make_stream(pikepdf.unparse_content_stream(instructions))
    if "/StructParents" in page.obj:
        del page.obj["/StructParents"]
    if "/Annots" in page.obj:
        del page.obj["/Annots"]
