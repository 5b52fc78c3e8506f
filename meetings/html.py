"""Sanitising rich text (reports, minutes) to an allow-list, on save and on render.

security.md: user-written HTML is cleaned with nh3 before it reaches a page, so a
report pasted from anywhere can carry headings, lists, tables and links, and nothing
that runs, loads or restyles the page. Images are kept only when they carry their own
bytes (a `data:` URI of a PNG, JPEG or GIF, as Word imports make them): nothing in a
paper may make a browser or the PDF renderer fetch anything.
"""

import re

import nh3

ALLOWED_TAGS = frozenset(
    {
        "h2",
        "h3",
        "h4",
        "p",
        "ul",
        "ol",
        "li",
        "table",
        "caption",
        "thead",
        "tbody",
        "tr",
        "th",
        "td",
        "strong",
        "em",
        "a",
        "br",
        "sup",
        "sub",
        "blockquote",
        "img",
    }
)

ALLOWED_ATTRIBUTES = {
    "a": {"href"},
    "th": {"scope", "colspan", "rowspan"},
    "td": {"colspan", "rowspan"},
    "img": {"src", "alt"},
}

ALLOWED_URL_SCHEMES = frozenset({"http", "https", "mailto"})

# An image's bytes inline, base64-encoded; SVG is refused (it can carry script).
IMAGE_DATA_URI = re.compile(r"data:image/(png|jpeg|gif);base64,[A-Za-z0-9+/=\s]+", re.ASCII)
# In nh3's output (attributes always double-quoted): an image left without its source,
# and an image without a text alternative.
_IMAGE_WITHOUT_SOURCE = re.compile(r"<img(?![^>]*\ssrc=)[^>]*>")
_IMAGE_WITHOUT_ALT = re.compile(r"<img(?![^>]*\salt=)")


def _keep_absolute_links(tag: str, attribute: str, value: str) -> str | None:
    """Links must name their scheme: relative and fragment links are dropped, so a report
    cannot point into the site (or anywhere else) without saying where. Images keep only
    an inline PNG, JPEG or GIF: never a file, a remote address or SVG."""
    if attribute == "href":
        scheme = value.split(":", 1)[0].strip().lower() if ":" in value else ""
        return value if scheme in ALLOWED_URL_SCHEMES else None
    if attribute == "src":
        return value if tag == "img" and IMAGE_DATA_URI.fullmatch(value) else None
    return value


def _clean(html: str) -> str:
    return nh3.clean(
        html,
        tags=set(ALLOWED_TAGS),
        attributes={tag: set(names) for tag, names in ALLOWED_ATTRIBUTES.items()},
        # "data" only so that images may carry their bytes; links are held to
        # ALLOWED_URL_SCHEMES and images to IMAGE_DATA_URI by the attribute filter.
        url_schemes={*ALLOWED_URL_SCHEMES, "data"},
        attribute_filter=_keep_absolute_links,
        link_rel=None,
        strip_comments=True,
    )


def clean_html(html: str) -> str:
    """The HTML with every tag, attribute and URL outside the allow-list removed."""
    if not html:
        return ""
    cleaned = _clean(html)
    if "<img" not in cleaned:
        return cleaned
    # An image whose source was refused is dropped; one with no description is marked
    # as decoration (alt="") rather than left for a screen reader to spell out. The
    # patterns work on text, so the result is cleaned once more: whatever they might
    # cut out of an attribute's value cannot become markup.
    cleaned = _IMAGE_WITHOUT_SOURCE.sub("", cleaned)
    return _clean(_IMAGE_WITHOUT_ALT.sub('<img alt=""', cleaned))
