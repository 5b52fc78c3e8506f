"""Sanitising rich text (reports, minutes) to an allow-list, on save and on render.

security.md: user-written HTML is cleaned with nh3 before it reaches a page, so a
report pasted from anywhere can carry headings, lists, tables and links, and nothing
that runs, loads or restyles the page.
"""

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
    }
)

ALLOWED_ATTRIBUTES = {
    "a": {"href"},
    "th": {"scope", "colspan", "rowspan"},
    "td": {"colspan", "rowspan"},
}

ALLOWED_URL_SCHEMES = frozenset({"http", "https", "mailto"})


def _keep_absolute_links(tag: str, attribute: str, value: str) -> str | None:
    """Links must name their scheme: relative and fragment links are dropped, so a report
    cannot point into the site (or anywhere else) without saying where."""
    if attribute == "href":
        scheme = value.split(":", 1)[0].strip().lower() if ":" in value else ""
        return value if scheme in ALLOWED_URL_SCHEMES else None
    return value


def clean_html(html: str) -> str:
    """The HTML with every tag, attribute and URL outside the allow-list removed."""
    if not html:
        return ""
    return nh3.clean(
        html,
        tags=set(ALLOWED_TAGS),
        attributes={tag: set(names) for tag, names in ALLOWED_ATTRIBUTES.items()},
        url_schemes=set(ALLOWED_URL_SCHEMES),
        attribute_filter=_keep_absolute_links,
        link_rel=None,
        strip_comments=True,
    )
