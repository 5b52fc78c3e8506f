"""An officer writes a briefing note in the browser (issue 4, "Documents"), and axe-core
finds nothing wrong on any of the officers' document pages, on a desktop and a phone.

These tests WRITE to the database, but only to a meeting of their own (in 2031, which no
other browser test reads, and unpublished, so no other role sees it); the fixture deletes
it afterwards, with its items and papers.
"""

import datetime
import re

import pytest
from playwright.sync_api import expect

from tests.browser.support import PASSWORDS, VIEWPORTS
from tests.browser.test_accessibility import check
from tests.browser.test_tracker_journey import in_a_thread

BOARD = "Education and Children's Services Scrutiny Board (2)"
SCRATCH_DATE = datetime.date(2031, 1, 16)


def log_in_as_officer(page, demo_site) -> None:
    page.goto(demo_site("login"))
    page.get_by_label(re.compile("user ?name", re.I)).fill("officer")
    page.get_by_label(re.compile("password", re.I)).fill(PASSWORDS["officer"])
    page.get_by_role("button", name=re.compile(r"^sign in$", re.I)).click()
    expect(
        page.get_by_role("button", name=re.compile("sign out", re.I), include_hidden=True)
    ).to_have_count(1)


@pytest.fixture(scope="module")
def scratch(demo_site):
    """A meeting of the demo board with one report item, a written paper with a
    restricted appendix, and an uploaded paper (its row only: no page here reads the file)."""

    def make():
        from django.urls import reverse

        from boards.models import Board, MunicipalYear, User
        from meetings.models import AgendaItem, Document, Meeting

        board = Board.objects.get(name=BOARD)
        officer = User.objects.get(username="officer")
        meeting = Meeting.objects.create(
            board=board,
            date=SCRATCH_DATE,
            start_time=datetime.time(10, 0),
            municipal_year=MunicipalYear.get_or_create_for(SCRATCH_DATE),
        )
        item = AgendaItem.objects.create(
            meeting=meeting, number=1, title="Holiday Activities and Food", kind="report"
        )
        paper = Document.objects.create(
            agenda_item=item,
            position=1,
            title="Holiday Activities and Food programme",
            heading="Briefing note",
            body_html="<h2>1 Purpose of the Note</h2><p>An update.</p>",
        )
        paper.history.update(history_user=officer)
        appendix = Document.objects.create(
            agenda_item=item,
            parent=paper,
            position=2,
            kind="appendix",
            title="Summer holiday providers",
            body_html="<p>Providers</p>",
            is_restricted=True,
            exempt_paragraphs=(3,),
        )
        uploaded = Document.objects.create(
            agenda_item=item,
            position=3,
            source="uploaded",
            title="Provider survey",
            file="documents/not-read-by-these-tests.pdf",
            page_count=2,
        )
        paths = {
            "list": reverse("meetings:document_list", args=[item.pk]),
            "add": reverse("meetings:document_add", args=[item.pk]),
            "add-write": reverse("meetings:document_add", args=[item.pk]) + "?how=write",
            "add-word": reverse("meetings:document_add", args=[item.pk]) + "?how=word",
            "add-pdf": reverse("meetings:document_add", args=[item.pk]) + "?how=pdf",
            "add-appendix": reverse("meetings:document_add_appendix", args=[paper.pk])
            + "?how=write",
            "edit": reverse("meetings:document_edit", args=[paper.pk]),
            "edit-appendix": reverse("meetings:document_edit", args=[appendix.pk]),
            "edit-pdf": reverse("meetings:document_edit", args=[uploaded.pk]),
            "replace": reverse("meetings:document_replace", args=[uploaded.pk]),
            "withdraw": reverse("meetings:document_withdraw", args=[paper.pk]),
            "history": reverse("meetings:document_history", args=[paper.pk]),
        }
        return meeting.pk, item.pk, paths

    meeting_pk, item_pk, paths = in_a_thread(make)
    yield {"item": item_pk, "paths": paths}

    def clean_up():
        from meetings.models import Meeting

        Meeting.objects.filter(pk=meeting_pk).delete()

    in_a_thread(clean_up)


def test_an_officer_writes_a_briefing_note_with_the_editor(page, demo_site, scratch):
    log_in_as_officer(page, demo_site)
    page.goto(demo_site(scratch["paths"]["list"]))
    page.get_by_role("link", name="Add a paper").click()
    page.get_by_label("Write it here").check()
    page.get_by_role("button", name="Continue").click()

    page.get_by_label("Subject").fill("Social Worker Recruitment and Retention")
    editor = page.get_by_role("textbox", name="Text of the paper")
    expect(editor).to_be_visible()
    expect(page.locator("textarea[name=body_html]")).to_be_hidden()
    editor.click()
    page.keyboard.type("1 Purpose of the Note")
    page.get_by_role("toolbar", name="Formatting").get_by_role(
        "button", name="Heading", exact=True
    ).click()
    page.keyboard.press("End")
    page.keyboard.press("Enter")
    page.keyboard.type("This note updates the board on the workforce.")
    page.keyboard.press("Enter")
    page.get_by_role("button", name="Bulleted list").click()
    page.keyboard.type("Recruitment")
    page.keyboard.press("Enter")
    page.keyboard.type("Retention")
    page.get_by_label("Name", exact=True).first.fill("Sonia Watson")
    page.get_by_role("button", name="Save", exact=True).click()

    expect(page.get_by_role("alert")).to_contain_text(
        "“Social Worker Recruitment and Retention” added."
    )

    def saved():
        from meetings.models import Document

        document = Document.objects.get(
            agenda_item_id=scratch["item"], title="Social Worker Recruitment and Retention"
        )
        return document.body_html, list(document.authors.values_list("name", flat=True))

    body, authors = in_a_thread(saved)
    assert "<h2>1 Purpose of the Note</h2>" in body
    assert "<p>This note updates the board on the workforce.</p>" in body
    assert "<ul><li>Recruitment</li><li>Retention</li></ul>" in body
    assert authors == ["Sonia Watson"]


PAGES = [
    "list",
    "add",
    "add-write",
    "add-word",
    "add-pdf",
    "add-appendix",
    "edit",
    "edit-appendix",
    "edit-pdf",
    "replace",
    "withdraw",
    "history",
]


@pytest.mark.parametrize("viewport", VIEWPORTS.keys())
def test_the_document_pages_have_no_accessibility_violations(
    new_page, demo_site, scratch, viewport
):
    page = new_page(viewport=VIEWPORTS[viewport], bypass_csp=True)
    log_in_as_officer(page, demo_site)
    for name in PAGES:
        response = page.goto(demo_site(scratch["paths"][name]))
        assert response.status == 200, name
        check(page, f"document page {name}", viewport)
    # An error page too: the add form posted empty.
    page.goto(demo_site(scratch["paths"]["add-write"]))
    page.get_by_role("button", name="Save", exact=True).click()
    expect(page.get_by_role("alert").first).to_contain_text("There is a problem")
    check(page, "document page add-write with errors", viewport)
