"""Screenshots of the main pages, desktop and phone, into docs/screenshots/.

Not a check but a tool, so it runs only when asked:

    SCREENSHOTS=1 make test PYTEST_ARGS="tests/browser/test_screenshots.py"
"""

import os
from pathlib import Path

import pytest

from tests.browser.support import VIEWPORTS, log_in

OUTPUT = Path(__file__).resolve().parents[2] / "docs" / "screenshots"
PAGES = ["home", "board", "meeting", "document", "person", "calendar", "search", "login"]

pytestmark = pytest.mark.skipif(
    os.environ.get("SCREENSHOTS") != "1", reason="screenshots are made only with SCREENSHOTS=1"
)


@pytest.mark.parametrize("viewport", VIEWPORTS.keys())
def test_screenshots_of_the_main_pages(new_page, demo_site, viewport):
    OUTPUT.mkdir(parents=True, exist_ok=True)
    page = new_page(viewport=VIEWPORTS[viewport])
    written = []
    for name in PAGES:
        response = page.goto(demo_site(name))
        assert response.status == 200, f"{name}: {response.status}"
        path = OUTPUT / f"{name}-{viewport}.png"
        page.screenshot(path=path, full_page=True)
        written.append(path)

    # What a member of the board sees of the meeting: the restricted paper listed.
    log_in(page, demo_site, "member")
    page.goto(demo_site("meeting"))
    path = OUTPUT / f"meeting-member-{viewport}.png"
    page.screenshot(path=path, full_page=True)
    written.append(path)

    assert all(path.stat().st_size > 5_000 for path in written)
