"""The HTML of every part of a pack, from templates/pdf/, in the house style."""

import hashlib
from pathlib import Path

from django.conf import settings
from django.template.loader import render_to_string

from boards.models import Council
from scrutiny.pdf import static_url

FONT_DIR = "fonts/liberation-sans/"


def pdf_html(template: str, context: dict, *, title: str) -> str:
    """A whole HTML document for WeasyPrint: lang en-GB, a title, the shipped font."""
    return render_to_string(
        template,
        {
            "council": context.get("council") or Council.load(),
            **context,
            "pdf_title": title,
            "font_base": static_url(FONT_DIR),
        },
    )


def _font_digest() -> str:
    digest = hashlib.sha256()
    for path in sorted((Path(settings.BASE_DIR) / "static" / FONT_DIR).glob("*.ttf")):
        digest.update(path.name.encode())
        digest.update(str(path.stat().st_size).encode())
    return digest.hexdigest()[:16]


# Bump when the rendering itself changes in a way the HTML does not show (WeasyPrint
# version, PDF options); the fonts are part of the key too.
RENDER_VERSION = "1"


def render_key(html: str) -> str:
    """The cache key of an HTML render: everything that affects the pages it gives."""
    import weasyprint

    digest = hashlib.sha256()
    for part in (RENDER_VERSION, weasyprint.__version__, _font_digest(), html):
        digest.update(part.encode())
        digest.update(b"\0")
    return digest.hexdigest()
