"""Files for the document tests, made in the test: PDFs (pikepdf), Word files (python-docx),
and a checker that a piece of stored HTML keeps to the allow-list of meetings/html.py."""

import io
from html.parser import HTMLParser

import pikepdf
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from meetings.html import ALLOWED_ATTRIBUTES, ALLOWED_TAGS, IMAGE_DATA_URI

DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def pdf_bytes(pages: int = 1, password: str | None = None, owner_only: bool = False) -> bytes:
    pdf = pikepdf.new()
    for _ in range(pages):
        pdf.add_blank_page(page_size=(595, 842))
    out = io.BytesIO()
    if password is not None or owner_only:
        encryption = pikepdf.Encryption(owner="owner-secret", user=password or "")
        pdf.save(out, encryption=encryption)
    else:
        pdf.save(out)
    return out.getvalue()


def upload(data: bytes, name: str = "paper.pdf", content_type: str = "application/pdf"):
    return SimpleUploadedFile(name, data, content_type=content_type)


def png_bytes(colour=(200, 30, 30)) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (4, 4), colour).save(out, format="PNG")
    return out.getvalue()


def _external_relationship(part, url: str, reltype: str) -> str:
    return part.relate_to(url, reltype, is_external=True)


def hostile_docx() -> bytes:
    """A Word file with a heading, a list, a table, an embedded picture, and what must not
    survive: script-like text, a `javascript:` hyperlink, pictures linked to `file://`
    and to a remote address."""
    from docx import Document as WordDocument
    from docx.opc.constants import RELATIONSHIP_TYPE as RT
    from docx.oxml.ns import qn
    from docx.oxml.parser import OxmlElement

    word = WordDocument()
    word.add_heading("1 Purpose of the Note", level=1)
    word.add_paragraph("<script>alert('docx')</script> and <img src=x onerror=alert(1)>")
    word.add_paragraph("Receiving healthy and nutritious meals", style="List Bullet")
    word.add_paragraph("Maintaining a healthy level of physical activity", style="List Bullet")
    table = word.add_table(rows=2, cols=2)
    table.rows[0].cells[0].text = "Provider"
    table.rows[0].cells[1].text = "Places"
    table.rows[1].cells[0].text = "Coventry Rugby"
    table.rows[1].cells[1].text = "120"

    # A hyperlink to javascript:, built as Word stores one (python-docx has no API for it).
    paragraph = word.add_paragraph("See ")
    link_id = _external_relationship(word.part, "javascript:alert('link')", RT.HYPERLINK)
    hyperlink = OxmlElement("w:hyperlink")
    hyperlink.set(qn("r:id"), link_id)
    run = OxmlElement("w:r")
    text = OxmlElement("w:t")
    text.text = "the evil link"
    run.append(text)
    hyperlink.append(run)
    paragraph._p.append(hyperlink)
    good = word.add_paragraph("And ")
    good_id = _external_relationship(word.part, "https://www.coventry.gov.uk/haf", RT.HYPERLINK)
    good_link = OxmlElement("w:hyperlink")
    good_link.set(qn("r:id"), good_id)
    good_run = OxmlElement("w:r")
    good_text = OxmlElement("w:t")
    good_text.text = "the HAF page"
    good_run.append(good_text)
    good_link.append(good_run)
    good._p.append(good_link)

    # An embedded picture (kept, as a data: URI) and two linked ones (never fetched).
    word.add_paragraph().add_run().add_picture(io.BytesIO(png_bytes()))
    for target in ("file:///etc/passwd", "http://127.0.0.1:9/tracker.png"):
        word.add_paragraph().add_run().add_picture(io.BytesIO(png_bytes((0, 0, 200))))
        blip = word.element.body.findall(".//" + qn("a:blip"))[-1]
        del blip.attrib[qn("r:embed")]
        blip.set(qn("r:link"), _external_relationship(word.part, target, RT.IMAGE))

    out = io.BytesIO()
    word.save(out)
    return out.getvalue()


def simple_docx(title: str = "Homes for children in care") -> bytes:
    from docx import Document as WordDocument

    word = WordDocument()
    word.add_heading(title, level=1)
    word.add_paragraph("1.1 This note provides an update.")
    out = io.BytesIO()
    word.save(out)
    return out.getvalue()


class _Collector(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.elements: list[tuple[str, dict]] = []

    def handle_starttag(self, tag, attrs):
        self.elements.append((tag, dict(attrs)))

    handle_startendtag = handle_starttag


def elements(html: str) -> list[tuple[str, dict]]:
    collector = _Collector()
    collector.feed(html)
    collector.close()
    return collector.elements


def assert_within_allow_list(html: str) -> None:
    """Every tag and attribute allowed; links http(s)/mailto; images inline PNG/JPEG/GIF."""
    for tag, attrs in elements(html):
        assert tag in ALLOWED_TAGS, f"<{tag}> is not allowed: {html}"
        allowed = ALLOWED_ATTRIBUTES.get(tag, set())
        assert set(attrs) <= set(allowed), f"<{tag} {attrs}> has attributes not allowed"
        if "href" in attrs:
            assert attrs["href"].split(":", 1)[0].lower() in {"http", "https", "mailto"}
        if tag == "img":
            assert IMAGE_DATA_URI.fullmatch(attrs.get("src", "")), attrs
    lowered = html.lower()
    for needle in ("<script", "javascript:", "file:", "127.0.0.1", "style=", " on"):
        if needle == " on":
            assert not any(name.startswith("on") for _, a in elements(html) for name in a)
        else:
            assert needle not in lowered, f"{needle!r} survived: {html}"
