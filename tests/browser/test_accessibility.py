"""axe-core on every key page, on a desktop and on a 375 px wide phone: no WCAG 2.2 AA
violations, and no page that scrolls sideways on the phone (WCAG 1.4.10 Reflow)."""

import re

import pytest
from playwright.sync_api import expect

from tests.browser.support import AXE_JS, VIEWPORTS
from tests.browser.test_tracker_journey import in_a_thread, log_in_as_coordinator

PAGES = ["home", "board", "meeting", "document", "person", "calendar", "search", "login"]
AXE_OPTIONS = {
    "runOnly": {
        "type": "tag",
        "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"],
    }
}


def describe(violations: list[dict]) -> str:
    lines = []
    for violation in violations:
        lines.append(f"{violation['id']} ({violation['impact']}): {violation['help']}")
        lines.extend(
            f"    {' '.join(node['target'])}: {node['failureSummary'].splitlines()[-1].strip()}"
            for node in violation["nodes"]
        )
    return "\n".join(lines)


# The tracker's pages (issue 7): the co-ordinator's, signed in, and the public's.
TRACKER_PAGES = [
    "tracker",
    "tracker-filtered",
    "trackeritem",
    "trackeritem-edit",
    "board-recommendations",
    "outstanding-issues",
]
PUBLIC_TRACKER_PAGES = {"board-recommendations", "outstanding-issues"}


def _tracker_paths() -> dict[str, str]:
    import datetime

    from django.urls import reverse

    from meetings.models import Meeting
    from recommendations.models import TrackerItem

    item = TrackerItem.objects.order_by("pk").first()
    report = Meeting.objects.get(board=item.board, date=datetime.date(2016, 9, 15))
    return {
        "tracker": reverse("recommendations:tracker"),
        "tracker-filtered": reverse("recommendations:tracker")
        + f"?board={item.board.slug}&status=open&overdue=on",
        "trackeritem": reverse("recommendations:trackeritem_detail", args=[item.pk]),
        "trackeritem-edit": reverse("recommendations:trackeritem_edit", args=[item.pk]),
        "board-recommendations": reverse(
            "recommendations:board_recommendations", args=[item.board.slug]
        ),
        "outstanding-issues": reverse("recommendations:outstanding_issues", args=[report.pk]),
    }


@pytest.fixture(scope="module")
def tracker_paths(demo_site) -> dict[str, str]:
    return in_a_thread(_tracker_paths)


@pytest.mark.parametrize("viewport", VIEWPORTS.keys())
@pytest.mark.parametrize("page_name", PAGES)
def test_the_page_has_no_accessibility_violations(new_page, demo_site, page_name, viewport):
    # The site's CSP allows no injected script; axe is test tooling, so bypass it.
    page = new_page(viewport=VIEWPORTS[viewport], bypass_csp=True)
    response = page.goto(demo_site(page_name))
    assert response.status == 200
    check(page, page_name, viewport)


@pytest.mark.parametrize("viewport", VIEWPORTS.keys())
@pytest.mark.parametrize("page_name", TRACKER_PAGES)
def test_the_tracker_page_has_no_accessibility_violations(
    new_page, demo_site, tracker_paths, page_name, viewport
):
    page = new_page(viewport=VIEWPORTS[viewport], bypass_csp=True)
    if page_name not in PUBLIC_TRACKER_PAGES:
        log_in_as_coordinator(page, demo_site)
    response = page.goto(demo_site(tracker_paths[page_name]))
    assert response.status == 200
    expect(page.get_by_role("heading", level=1)).not_to_have_text(re.compile("sign in", re.I))
    check(page, page_name, viewport)


def check(page, page_name: str, viewport: str) -> None:
    """axe-core finds no violation, and the page does not scroll sideways."""
    page.add_script_tag(path=AXE_JS)
    results = page.evaluate("options => axe.run(document, options)", AXE_OPTIONS)
    if results["violations"]:
        pytest.fail(
            f"axe-core found violations on {page_name} ({viewport}):\n"
            + describe(results["violations"]),
            pytrace=False,
        )
    assert results["passes"], "axe-core ran no rule"

    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= VIEWPORTS[viewport]["width"], (
        f"{page_name} is {width}px wide at {VIEWPORTS[viewport]['width']}px: it scrolls sideways"
    )


def test_the_stylesheets_load_from_the_live_server(page, demo_site):
    failed = []
    page.on(
        "response",
        lambda response: (
            failed.append(f"{response.status} {response.url}")
            if response.request.resource_type == "stylesheet" and response.status != 200
            else None
        ),
    )
    page.goto(demo_site("home"))
    assert failed == []
    # GOV.UK Frontend's rules: the body has no margin, and the skip link is hidden until focused.
    assert page.evaluate("getComputedStyle(document.body).margin") == "0px"
    skip_link = page.get_by_role("link", name="Skip to main content")
    assert skip_link.evaluate("link => getComputedStyle(link).position") == "absolute"
