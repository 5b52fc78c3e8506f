"""Putting rendered PDFs together with pikepdf: one tagged document, stamped and labelled.

WeasyPrint renders each document as its own PDF/UA file. Here their pages are appended
to one file and their structure trees merged into its StructTreeRoot (the ParentTree
keys offset, so each page's marked content keeps pointing at its own elements), in
whatever order the renders are ready, then arranged in pack order. Uploaded PDFs bring
pages only. Page numbers and "Agenda Item N" are overlaid from a stamp PDF whose content
is pagination artifacts (meetings/packs/stamps.py).
"""

import io
from collections import defaultdict
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
    """Builds one pack file from blocks of pages that may arrive in any order.

    A block is what one place in the pack holds (the front sheet and its blank page, or
    one paper and the blank pages padding it); blocks are numbered in pack order. Papers
    are appended as their renders become ready, while others still render, and
    `arrange()` then puts pages and structure in block order.
    """

    def __init__(self, template: bytes, opened: Opened | None = None):
        """An empty tagged PDF: the catalogue of `template` (a render of ours, whose
        metadata carries the PDF/UA identifier), without its pages or structure."""
        self.opened = opened
        self.pdf = Pdf.open(io.BytesIO(template))
        while len(self.pdf.pages):
            del self.pdf.pages[-1]
        root = self.pdf.Root.StructTreeRoot
        kids = root.K
        self.document = kids[0] if isinstance(kids, Array) else kids
        root.K = self.document
        self.document.K = Array()
        self.parent_tree: list[tuple[int, pikepdf.Object]] = []
        self.next_key = 0
        self._pages: dict[int, list[pikepdf.Page]] = defaultdict(list)
        self._kids: dict[int, list[pikepdf.Object]] = defaultdict(list)
        self._open: list[Pdf] = []
        self._used: set[int] = set()  # shared sources already appended to this pack

    def add(self, block: int, source: Source) -> int:
        """Append a source's pages to a block; returns how many."""
        if source.shared and self.opened is not None and id(source.data) not in self._used:
            self._used.add(id(source.data))
            other = self.opened.get(source.data)
        else:
            other = Pdf.open(io.BytesIO(source.data))
            self._open.append(other)
        first = len(self.pdf.pages)
        self.pdf.pages.extend(other.pages)
        added = self.pdf.pages[first:]
        self._pages[block].extend(added)
        if source.tagged and "/StructTreeRoot" in other.Root:
            self._merge_structure(block, other, added)
        else:
            for page in added:
                self._untag(page)
        return len(added)

    def arrange(self) -> None:
        """Put the pages and the structure's top-level elements in block order."""
        order = sorted(self._pages)
        pages = [page for block in order for page in self._pages[block]]
        if [page.obj.objgen for page in self.pdf.pages] != [page.obj.objgen for page in pages]:
            while len(self.pdf.pages):
                del self.pdf.pages[-1]
            self.pdf.pages.extend(pages)
        self.document.K = Array([kid for block in sorted(self._kids) for kid in self._kids[block]])

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

    def _merge_structure(self, block: int, other: Pdf, added: list[pikepdf.Page]) -> None:
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
                self._kids[block].append(child)
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

    def stamp(self, stamps: list[pikepdf.Page]) -> None:
        """Overlay on page i the stamp page stamps[i] (as meetings/packs/stamps.py draws
        them: pagination artifacts)."""
        if len(stamps) != len(self.pdf.pages):
            raise ValueError("One stamp is needed for every page.")
        for page, stamp in zip(self.pdf.pages, stamps, strict=True):
            page.add_overlay(stamp)

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
