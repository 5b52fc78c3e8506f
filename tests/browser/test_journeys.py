"""The journeys of issue 3, walked in chromium: a resident, a member of the board, and
people who must not see the board's exempt papers."""

import re

import pytest
from playwright.sync_api import expect

from tests.browser.support import log_in

BOARD = "Education and Children's Services Scrutiny Board (2)"
BRIEFING_NOTE = "Coventry Holiday Activities and Food programme"
# Words of the restricted paper of item 10 (recommendations/demo/documents_2024.py).
EXEMPT_TEXT = "weekly cost of each external placement"


def test_a_resident_finds_the_28_november_2024_meeting_and_reads_a_briefing_note(page, demo_site):
    page.goto(demo_site("home"))
    page.get_by_role("link", name="Boards and committees", exact=True).click()
    page.get_by_role("link", name=BOARD).first.click()
    expect(page.get_by_role("heading", level=1)).to_have_text(BOARD)

    meeting_link = page.get_by_role("link", name=re.compile(r"\b28 November 2024\b"))
    if not meeting_link.count():
        # Past municipal years may sit behind a link of their own.
        page.get_by_role("link", name=re.compile(r"2024/25")).first.click()
    meeting_link.first.click()
    expect(page).to_have_url(demo_site("meeting"))
    expect(page.get_by_role("main")).to_contain_text(re.compile(r"28(th)? November,? 2024"))

    page.get_by_role("link", name=re.compile(re.escape(BRIEFING_NOTE), re.I)).first.click()
    expect(page).to_have_url(demo_site("document"))
    expect(page.get_by_role("heading", level=1)).to_contain_text(
        re.compile(re.escape(BRIEFING_NOTE), re.I)
    )
    expect(page.get_by_role("main")).to_contain_text("Holiday Activities and Food (HAF)")


def test_a_member_of_the_board_logs_in_and_opens_the_restricted_paper_of_item_10(page, demo_site):
    log_in(page, demo_site, "member")
    page.goto(demo_site("meeting"))

    page.get_by_role("link", name=demo_site.restricted_document_title, exact=True).click()
    expect(page).to_have_url(demo_site(demo_site.restricted_document_path))
    expect(page.get_by_role("heading", level=1)).to_contain_text(
        demo_site.restricted_document_title
    )
    expect(page.get_by_role("main")).to_contain_text(EXEMPT_TEXT)


@pytest.mark.parametrize("username", [None, "other-member"], ids=["resident", "other-member"])
def test_someone_not_on_the_board_cannot_open_the_restricted_paper_of_item_10(
    page, demo_site, username
):
    if username:
        log_in(page, demo_site, username)
    page.goto(demo_site("meeting"))
    # The agenda is there, with its public papers…
    expect(
        page.get_by_role("link", name=re.compile(re.escape(BRIEFING_NOTE), re.I))
    ).not_to_have_count(0)
    # …but no way to the exempt one, and its address answers 404 without its text.
    expect(page.get_by_role("link", name=demo_site.restricted_document_title)).to_have_count(0)
    expect(page.get_by_role("main")).not_to_contain_text(EXEMPT_TEXT)

    response = page.goto(demo_site(demo_site.restricted_document_path))
    assert response.status == 404
    expect(page.locator("body")).not_to_contain_text(EXEMPT_TEXT)
    expect(page.locator("body")).not_to_contain_text(demo_site.restricted_document_title)
