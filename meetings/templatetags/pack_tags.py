"""The meeting page's pack section: which packs the user may download, and the agenda's
"(Pages X - Y)" once a pack exists."""

from django import template

register = template.Library()


@register.simple_tag
def meeting_packs(meeting, user) -> dict:
    """{"public": AgendaPack?, "full": AgendaPack?, "ranges": {...}, "building": bool}."""
    from meetings.views.packs import packs_for_user

    packs = packs_for_user(user, meeting)
    ready = [pack for pack in packs.values() if pack.file]
    return {
        "public": packs.get("public"),
        "full": packs.get("full"),
        "any": bool(packs),
        "ranges": ready[0].page_ranges if ready else {},
        "building": any(pack.is_building for pack in packs.values()),
        "failed": any(pack.status == "failed" for pack in packs.values()),
        "untagged": sorted({title for pack in packs.values() for title in pack.untagged_documents}),
    }


@register.filter
def pack_pages(item, packs) -> str:
    """ "(Pages 13 - 18)" for an agenda item, from the latest built pack."""
    span = (packs or {}).get("ranges", {}).get(str(item.number))
    return f"(Pages {span[0]} - {span[1]})" if span else ""
