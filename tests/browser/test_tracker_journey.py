"""A new scrutiny co-ordinator's first use of the recommendations tracker (issue 7).

This test WRITES to the shared demo data (one response; one item marked complete), so it
restores the item afterwards; its file name sorts it after the other browser tests, and
no other browser test depends on that item.

The demo's one overdue item is the board's recommendation of 17 October 2024 to the
Cabinet Member for Children and Young People (recommendations/demo/tracker_2024.py): the
journey filters to the board's overdue items, finds it, and records its response.
"""

import re
from concurrent.futures import ThreadPoolExecutor

import pytest
from playwright.sync_api import expect

BOARD = "Education and Children's Services Scrutiny Board (2)"
ITEM_TEXT = "That the Board's recommendations on Child Friendly Cov be forwarded"
RESPONSE = "Accepted: Safe Spaces will include libraries and community centres."
PASSWORD = "demo-coordinator-2024"  # recommendations/demo/accounts.py


def in_a_thread(function):
    """Run ORM code away from the thread in which Playwright's event loop runs."""

    def run():
        from django.db import connection

        try:
            return function()
        finally:
            connection.close()

    with ThreadPoolExecutor(1) as executor:
        return executor.submit(run).result()


def log_in_as_coordinator(page, demo_site) -> None:
    page.goto(demo_site("login"))
    page.get_by_label(re.compile("user ?name", re.I)).fill("coordinator")
    page.get_by_label(re.compile("password", re.I)).fill(PASSWORD)
    page.get_by_role("button", name=re.compile(r"^sign in$", re.I)).click()
    expect(
        page.get_by_role("button", name=re.compile("sign out", re.I), include_hidden=True)
    ).to_have_count(1)


@pytest.fixture
def overdue_item():
    """The demo's overdue recommendation on Child Friendly Cov, restored afterwards."""

    def snapshot():
        from recommendations.models import TrackerItem

        item = TrackerItem.objects.get(text__startswith=ITEM_TEXT)
        return (
            item.pk,
            item.status,
            item.completed_on,
            item.version,
            list(item.responses.values_list("pk", flat=True)),
        )

    pk, status, completed_on, version, responses = in_a_thread(snapshot)
    yield pk

    def restore():
        from recommendations.models import TrackerItem, TrackerResponse

        TrackerResponse.objects.filter(tracker_item_id=pk).exclude(pk__in=responses).delete()
        # Test clean-up only: put the demo row back as it was, without a history entry.
        TrackerItem.objects.filter(pk=pk).update(
            status=status, completed_on=completed_on, version=version
        )

    in_a_thread(restore)


def test_a_new_coordinator_records_a_response_and_completes_an_item(page, demo_site, overdue_item):
    log_in_as_coordinator(page, demo_site)
    page.goto(demo_site("/tracker/"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Recommendations tracker")

    # The board's overdue items: the recommendation of 17 October 2024, due 17 December.
    page.get_by_label("Board").select_option(label=BOARD)
    page.get_by_label("Overdue only").check()
    page.get_by_role("button", name="Apply filters").click()
    expect(page).to_have_url(re.compile(r"overdue=on"))
    expect(page.locator("#result-count")).to_contain_text("1 item")
    expect(page.get_by_role("main")).to_contain_text("17 Dec 2024")
    page.get_by_role("link", name=re.compile(re.escape(ITEM_TEXT[:40]))).click()
    expect(page).to_have_url(demo_site(f"/tracker/{overdue_item}/"))
    expect(page.get_by_role("main")).to_contain_text("Sukriti Sen")
    expect(page.get_by_role("main")).to_contain_text("Overdue")

    page.get_by_label("Day").fill("22")
    page.get_by_label("Month").fill("11")
    page.get_by_label("Year").fill("2026")
    page.get_by_label("Response", exact=True).fill(RESPONSE)
    page.get_by_label("From").fill("Cabinet Member for Children and Young People")
    page.get_by_label("Mark as complete").check()
    page.get_by_role("button", name="Save response").click()

    expect(page.get_by_role("alert")).to_contain_text("Response saved; the item is complete.")
    expect(page.locator(".govuk-tag", has_text="Complete")).to_have_count(1)
    expect(page.get_by_role("main")).to_contain_text(RESPONSE)
