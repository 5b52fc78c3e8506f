"""Page numbers and "Agenda Item N", drawn onto the pack's pages.

Every page of a pack carries its number at the foot ("Page 7", or "Pages 37 - 54" on a
restricted placeholder), and the first page of each item's documents "Agenda Item N" at
the top right. A WeasyPrint pass over hundreds of nearly empty pages would cost as much
as a few documents, so WeasyPrint sets the stamps only once: a small "type sheet"
(templates/pdf/stamps.html, cached like any render) whose first page is a model stamp and
whose other pages put every character a stamp uses into the two embedded font subsets.

Each stamp is then the model page's own drawing instructions with other glyphs: the
same fonts, sizes and baselines, the foot number re-centred and the item label kept
flush right by the glyph widths the fonts declare. The marked content becomes a
pagination artifact (PDF/UA: page numbers are not part of the documents' structure),
and the fonts' ToUnicode maps keep the stamps readable as text ("Page 7").
"""

import io
import re
from dataclasses import dataclass
from decimal import Decimal

import pikepdf
from django.template.loader import render_to_string
from pikepdf import Array, Dictionary, Name, Operator, Pdf

from meetings.packs.html import FONT_DIR
from scrutiny.pdf import static_url

# The model stamp (one line each, as every real stamp is), then the characters stamps use.
MODEL = ("Page 8", "Agenda Item 8")
CHARACTERS = [("0123456789", "0123456789"), ("Pages -", "Agenda Item")]

_HEX_PAIR = re.compile(r"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>")
_HEX_RANGE = re.compile(r"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>")


def stamps_html(stamps: list[tuple[str, str]]) -> str:
    """Pages whose foot reads stamps[i][0] and top right stamps[i][1] (HTML for WeasyPrint)."""
    pages = [{"number": number, "item": item} for number, item in stamps]
    return render_to_string("pdf/stamps.html", {"pages": pages, "font_base": static_url(FONT_DIR)})


def type_sheet_html() -> str:
    return stamps_html([MODEL, *CHARACTERS])


@dataclass
class _Face:
    """One embedded font subset: its glyph for each character and the glyphs' widths."""

    glyphs: dict[str, int]
    widths: dict[int, int]  # in thousandths of the font size
    default_width: int

    def encode(self, text: str) -> bytes:
        try:
            return b"".join(self.glyphs[char].to_bytes(2, "big") for char in text)
        except KeyError as error:
            raise ValueError(f"The stamp type sheet has no glyph for {error}.") from None

    def width(self, encoded: bytes, size: Decimal) -> Decimal:
        """The advance of encoded glyphs (two bytes each) at `size`, in text space."""
        glyphs = (int.from_bytes(encoded[i : i + 2], "big") for i in range(0, len(encoded), 2))
        return sum(Decimal(self.widths.get(g, self.default_width)) for g in glyphs) * size / 1000


def _face(font: pikepdf.Object) -> _Face:
    cmap = font.ToUnicode.read_bytes().decode("latin-1")
    glyphs: dict[str, int] = {}
    for block in re.findall(r"beginbfchar(.*?)endbfchar", cmap, re.S):
        for glyph, text in _HEX_PAIR.findall(block):
            glyphs.setdefault(bytes.fromhex(text).decode("utf-16-be"), int(glyph, 16))
    for block in re.findall(r"beginbfrange(.*?)endbfrange", cmap, re.S):
        for first, last, text in _HEX_RANGE.findall(block):
            start = int.from_bytes(bytes.fromhex(text), "big")
            for offset in range(int(last, 16) - int(first, 16) + 1):
                glyphs.setdefault(chr(start + offset), int(first, 16) + offset)
    descendant = font.DescendantFonts[0]
    widths: dict[int, int] = {}
    entries = list(descendant.get("/W", Array()))
    index = 0
    while index < len(entries):
        first = int(entries[index])
        if isinstance(entries[index + 1], Array):
            for offset, width in enumerate(entries[index + 1]):
                widths[first + offset] = int(width)
            index += 2
        else:
            for glyph in range(first, int(entries[index + 1]) + 1):
                widths[glyph] = int(entries[index + 2])
            index += 3
    return _Face(glyphs, widths, int(descendant.get("/DW", 1000)))


@dataclass
class _Run:
    """One line of the model stamp: where its instructions are and how it is aligned."""

    start: int  # index of its BDC/BMC
    end: int  # index of its EMC
    show: int  # index of its TJ/Tj
    matrix: int  # index of its Tm
    face: _Face
    size: Decimal
    model_width: Decimal


class StampSheet:
    """Makes the stamp pages of a pack from the rendered type sheet."""

    def __init__(self, type_sheet: bytes) -> None:
        self.pdf = Pdf.open(io.BytesIO(type_sheet))
        model = self.pdf.pages[0]
        self.media_box = [Decimal(str(value)) for value in model.obj.MediaBox]
        resources = model.obj.Resources
        self.resources = resources if resources.is_indirect else self.pdf.make_indirect(resources)
        self.instructions = list(pikepdf.parse_content_stream(model))
        fonts = {str(name): _face(font) for name, font in self.resources.Font.items()}
        runs = self._runs(fonts)
        if len(runs) != 2:
            raise ValueError("The stamp type sheet's model page must have two lines of text.")
        # The foot number is the run lower on the page (the content is drawn y-down).
        runs.sort(key=lambda run: Decimal(str(self.instructions[run.matrix][0][5])))
        self.item, self.number = runs
        self._model_chunks = self._chunks()

    def _runs(self, fonts: dict[str, _Face]) -> list[_Run]:
        runs, start, matrix, face, size, show = [], None, None, None, None, None
        for index, (operands, operator) in enumerate(self.instructions):
            name = str(operator)
            if name in {"BDC", "BMC"}:
                start = index
            elif name == "Tm":
                matrix = index
            elif name == "Tf":
                face, size = fonts[str(operands[0])], Decimal(str(operands[1]))
            elif name in {"TJ", "Tj"}:
                show = index
            elif name == "EMC" and show is not None:
                shown = self._shown_text(self.instructions[show])
                runs.append(_Run(start, index, show, matrix, face, size, face.width(shown, size)))
                start = matrix = show = None
        return runs

    @staticmethod
    def _shown_text(instruction) -> bytes:
        operands, operator = instruction
        if str(operator) == "Tj":
            return bytes(operands[0])
        return b"".join(bytes(part) for part in operands[0] if isinstance(part, pikepdf.String))

    def _chunks(self) -> list[bytes]:
        """The model's instructions as content-stream bytes, marked content as artifacts."""
        chunks = []
        for operands, operator in self.instructions:
            if str(operator) in {"BDC", "BMC"}:
                operands = [Name.Artifact, Dictionary(Type=Name.Pagination)]
                operator = Operator("BDC")
            chunks.append(pikepdf.unparse_content_stream([(operands, operator)]))
        return chunks

    def _content(self, number: str, item: str) -> bytes:
        chunks = list(self._model_chunks)
        for run, text, centred in ((self.number, number, True), (self.item, item, False)):
            if not text:
                chunks[run.start : run.end + 1] = [b""] * (run.end - run.start + 1)
                continue
            encoded = run.face.encode(text)
            shift = (run.model_width - run.face.width(encoded, run.size)) / (2 if centred else 1)
            a, b, c, d, e, f = self.instructions[run.matrix][0]
            matrix = [a, b, c, d, Decimal(str(e)) + shift, f]
            chunks[run.matrix] = pikepdf.unparse_content_stream([(matrix, Operator("Tm"))])
            shown = pikepdf.String(encoded)
            chunks[run.show] = pikepdf.unparse_content_stream([([shown], Operator("Tj"))])
        return b"\n".join(chunk for chunk in chunks if chunk)

    def render(self, stamps: list[tuple[str, str]]) -> Pdf:
        """A PDF (open, in memory) whose page i is the stamp (number, item) stamps[i]."""
        out = Pdf.new()
        resources = out.copy_foreign(self.resources)
        media_box = Array(self.media_box)
        for number, item in stamps:
            page = Dictionary(
                Type=Name.Page,
                MediaBox=media_box,
                Resources=resources,
                Contents=out.make_stream(self._content(number, item)),
            )
            out.pages.append(pikepdf.Page(page))
        return out
