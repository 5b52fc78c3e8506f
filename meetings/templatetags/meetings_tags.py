"""Filters for meeting pages. They format what the view has loaded and never query."""

import datetime

from django import template
from django.utils.safestring import SafeString, mark_safe

from boards.formats import format_time
from meetings import html

register = template.Library()


@register.filter
def clean_html(value: str) -> SafeString:
    """Sanitise stored rich text on render: `{{ document.body_html|clean_html }}`."""
    return mark_safe(html.clean_html(value or ""))  # nh3 has cleaned it


@register.filter
def clock(value: datetime.time | None) -> str:
    """14:00 → "2.00 pm", as the seeds print times ("Meeting closed at 4.00 pm")."""
    return format_time(value) if value else ""


@register.filter
def join_names(names: list[str]) -> str:
    """["A", "B", "C"] → "A, B and C", as agendas and minutes list people."""
    names = [str(name) for name in names]
    if len(names) <= 1:
        return "".join(names)
    return f"{', '.join(names[:-1])} and {names[-1]}"
