"""Hostile HTML reaches WeasyPrint only through scrutiny.pdf: nothing is fetched but our
static files and data: URIs. Only 127.0.0.1 and file:// are ever tried (design.md)."""

import base64
import io
import socket
import threading

import pikepdf
import pytest
from pypdf import PdfReader

from scrutiny.pdf import BASE_URL, STATIC_URL, render_pdf, resolve_static

PNG = base64.b64encode(
    bytes.fromhex(
        "89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c489"
        "0000000d49444154789c6360f8cf000000030101009c1c2e4d0000000049454e44ae426082"
    )
).decode()


class Listener:
    """A TCP listener on 127.0.0.1 that records whether anything connected."""

    def __init__(self):
        self.socket = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self.socket.bind(("127.0.0.1", 0))
        self.socket.listen(5)
        self.socket.settimeout(0.2)
        self.port = self.socket.getsockname()[1]
        self.contacted = False
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._thread.start()

    def _run(self):
        while not self._stop.is_set():
            try:
                connection, _ = self.socket.accept()
            except TimeoutError:
                continue
            except OSError:
                return
            self.contacted = True
            connection.close()

    def close(self):
        self._stop.set()
        self._thread.join(timeout=2)
        self.socket.close()


@pytest.fixture
def listener():
    server = Listener()
    yield server
    server.close()


def _document(body: str, head: str = "") -> str:
    return (
        '<!DOCTYPE html><html lang="en-GB"><head><meta charset="utf-8"><title>Hostile</title>'
        f"{head}</head><body>{body}</body></html>"
    )


def test_hostile_urls_fetch_nothing(listener):
    local = f"http://127.0.0.1:{listener.port}"
    html = _document(
        f"""
        <p>Start</p>
        <img src="file:///etc/passwd" alt="">
        <img src="/etc/passwd" alt="">
        <img src="../../../../etc/passwd" alt="">
        <img src="{STATIC_URL}../../../etc/passwd" alt="">
        <img src="{STATIC_URL}%2e%2e/%2e%2e/etc/passwd" alt="">
        <img src="{local}/image.png" alt="">
        <a rel="attachment" href="file:///etc/passwd">passwd</a>
        <a rel="attachment" href="{local}/file.txt">remote</a>
        <object data="file:///etc/hostname"></object>
        <div style="background: url('{local}/bg.png')">x</div>
        <img src="data:image/png;base64,{PNG}" alt="A dot">
        <p>End</p>
        """,
        head=f'<link rel="stylesheet" href="{local}/style.css">'
        f"<style>@import url('file:///etc/passwd'); @font-face {{ font-family: X; "
        f"src: url('{local}/font.ttf'); }} p {{ font-family: X; }}</style>",
    )
    data = render_pdf(html)
    assert not listener.contacted
    text = "".join(page.extract_text() or "" for page in PdfReader(io.BytesIO(data)).pages)
    assert "Start" in text and "End" in text
    assert "root:" not in text
    assert b"root:x:0" not in data
    with pikepdf.open(io.BytesIO(data)) as pdf:
        assert len(pdf.attachments) == 0
        for page in pdf.pages:
            for annotation in page.obj.get("/Annots", []):
                assert annotation.get("/Subtype") != pikepdf.Name.FileAttachment
        images = [name for page in pdf.pages for name in page.get_images()]
        assert len(images) == 1  # the data: image only


def test_static_files_are_served_through_the_finders():
    assert resolve_static(f"{STATIC_URL}fonts/liberation-sans/LiberationSans-Regular.ttf") == (
        "fonts/liberation-sans/LiberationSans-Regular.ttf"
    )
    for url in (
        f"{STATIC_URL}../settings.py",
        f"{STATIC_URL}fonts/../../manage.py",
        f"{STATIC_URL}/etc/passwd",
        f"{BASE_URL}etc/passwd",
        "file:///etc/passwd",
        "http://127.0.0.1/static/x.css",
        f"{STATIC_URL}fonts/x.ttf?download",
    ):
        assert resolve_static(url) is None, url
    assert not BASE_URL.startswith(("/", "file:"))
