"""The agenda pack on the 28 November 2024 meeting page (issue 5): a resident downloads
the public pack, a member of the board the full pack too; the page stays axe-clean."""

import datetime
import re

import pytest
from django.test.utils import override_settings
from playwright.sync_api import expect

from tests.browser.support import VIEWPORTS, log_in
from tests.browser.test_accessibility import check
from tests.browser.test_tracker_journey import in_a_thread

BOARD = "Education and Children's Services Scrutiny Board (2)"


def _build_packs() -> None:
    from meetings.models import Meeting
    from meetings.packs.build import pack_build

    meeting = Meeting.objects.get(board__name=BOARD, date=datetime.date(2024, 11, 28))
    pack_build(meeting=meeting)


@pytest.fixture(scope="module")
def packs_built(demo_site, django_db_blocker, tmp_path_factory):
    """The demo meeting's packs, built as publishing would (load_demo skips them in tests).
    The packs stay for the rest of the package; the flush at its end removes them."""
    media = override_settings(MEDIA_ROOT=tmp_path_factory.mktemp("pack-media"))
    media.enable()
    try:
        with django_db_blocker.unblock():
            in_a_thread(_build_packs)
        yield
    finally:
        media.disable()


def _download(page, demo_site, name: re.Pattern) -> bytes:
    link = page.get_by_role("link", name=name)
    expect(link).to_have_count(1)
    response = page.request.get(demo_site(link.get_attribute("href")))
    assert response.status == 200
    assert response.headers["content-type"] == "application/pdf"
    return response.body()


def test_a_resident_downloads_the_public_pack(packs_built, page, demo_site):
    page.goto(demo_site("meeting"))
    expect(page.get_by_role("heading", name="Agenda pack")).to_be_visible()
    body = _download(page, demo_site, re.compile(r"^Download the agenda pack"))
    assert body.startswith(b"%PDF")
    expect(page.get_by_role("link", name=re.compile("full agenda pack"))).to_have_count(0)
    expect(page.locator("#item-5")).to_contain_text(re.compile(r"\(Pages \d+ - \d+\)"))


def test_a_member_of_the_board_downloads_the_full_pack(packs_built, page, demo_site):
    log_in(page, demo_site, "member")
    page.goto(demo_site("meeting"))
    full = _download(page, demo_site, re.compile(r"^Download the full agenda pack"))
    public = _download(page, demo_site, re.compile(r"^Download the agenda pack"))
    assert full.startswith(b"%PDF") and full != public


@pytest.mark.parametrize("viewport", VIEWPORTS.keys())
def test_the_meeting_page_with_its_pack_has_no_accessibility_violations(
    packs_built, new_page, demo_site, viewport
):
    page = new_page(viewport=VIEWPORTS[viewport], bypass_csp=True)
    assert page.goto(demo_site("meeting")).status == 200
    expect(page.get_by_role("heading", name="Agenda pack")).to_be_visible()
    check(page, "meeting with its pack", viewport)
