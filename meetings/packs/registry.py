"""Generated documents: papers the pack builds from the system's records.

The meetings app renders the previous meeting's minutes and the work programme itself;
apps above it (recommendations: the outstanding-issues report) register theirs from
their AppConfig.ready(), so that meetings never imports them (design.md: apps import
downwards only).
"""

from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class GeneratedDocument:
    """One generated paper: its title (for bookmarks) and its whole HTML document, and
    where the public pack must print less of it (the minutes of a private item), the
    public version's HTML."""

    title: str
    html: str
    public_html: str = ""


Renderer = Callable[..., list[GeneratedDocument]]

_renderers: dict[str, Renderer] = {}


def register_generated_document(kind: str, renderer: Renderer) -> None:
    """Have the pack call `renderer(item=agenda_item)` for every agenda item of `kind`
    (an AgendaItem.Kind value); it returns the GeneratedDocuments to print, or []."""
    _renderers[kind] = renderer


def generated_renderer(kind: str) -> Renderer | None:
    return _renderers.get(kind)
