"""A new governance officer builds and publishes the 28 November 2024 agenda (issue 4).

Through the UI only, from an empty meeting: the board's standard items, the three
report items with their report-of lines, the work programme's, the private item under
paragraphs 1 and 3 (which brings the "Exclusion of Press and Public" item); then the
papers, from the builder's "Add a document" links: a briefing note imported from a Word
file made here with python-docx (heading, numbered paragraphs, a list, a table), a PDF
made here with pikepdf uploaded for another report (the officer is told it cannot be made
accessible), and a restricted paper under the private item; papers the pack has but the
officer has not yet are marked "to follow". Then publication (late, so with an urgency
reason), and, signed out, the published agenda with the items of the seed pack in the
pack's order, the imported note as a web page, the PDF downloading, the restricted paper
out of reach, and the public agenda pack on the meeting page (tests build packs at once).

The demo already holds the published 28 November 2024 meeting at 10.00 am, which the
other browser tests read. This journey builds its own meeting of the same board on the
same day at 2.00 pm, so the demo meeting is never touched, and deletes it afterwards
(and before, should an earlier run have stopped half-way), so the tests after this one
see the demo data as loaded; its files (papers, packs) go to a temporary MEDIA_ROOT and
are deleted with it. Every officer page the journey visits is checked with
axe-core on a desktop, and the builder on a phone too.
"""

import datetime
import functools
import io
import re
import shutil
from pathlib import Path

import docx
import pikepdf
import pytest
from django.test.utils import override_settings
from playwright.sync_api import expect

from meetings.packs.build import CACHE_DIR
from tests.browser.support import PHONE, log_in
from tests.browser.test_accessibility import check
from tests.browser.test_tracker_journey import in_a_thread

BOARD = "Education and Children's Services Scrutiny Board (2)"
DAY = datetime.date(2024, 11, 28)
START = datetime.time(14, 0)
PACK = Path("/work/shared/seeds/004_abad7057a7c4af1b.txt")
CHILDREN = "Director of Children and Education"
LAW = "Director of Law and Governance"
REPORTS = [
    "Coventry Holiday Activities and Food Programme",
    "Social Worker Recruitment and Retention - Workforce Update",
    "Homes for Children in Care - Update Report",
]
# The seed pack's front sheet (seeds/004), as a list of (number, title, report-of line).
SEED_AGENDA = [
    (1, "Apologies and Substitutions", ""),
    (2, "Declarations of Interests", ""),
    (3, "Exclusion of Press and Public", ""),
    (4, "Minutes", ""),
    (5, REPORTS[0], f"Briefing Note of the {CHILDREN}"),
    (6, REPORTS[1], f"Briefing Note of the {CHILDREN}"),
    (7, REPORTS[2], f"Briefing Note of the {CHILDREN}"),
    (8, "Work Programme", f"Briefing Note of the {LAW}"),
    (9, "Any Other Business", ""),
    (10, REPORTS[2], f"Briefing Note of the {CHILDREN}"),
]


def _seed_titles() -> list[tuple[int, str]]:
    """The numbered items of the pack's front sheet, read from the pack itself when the
    product documents are at hand."""
    if not PACK.exists():
        return [(number, title) for number, title, _ in SEED_AGENDA]
    text = PACK.read_text()
    front = text[: text.index("Julie Newman")]
    pattern = r"(\d+)\. ([^*\n]+?)(?: \(Pages [^)]*\))?(?=\*\*|\n|$)"
    return [(int(m.group(1)), m.group(2)) for m in re.finditer(pattern, front)]


SUBSCRIBER = "agenda-journey@example.com"
# Building the meeting's two packs takes seconds (more on a busy machine).
PACK_BUILD_SECONDS = 90


def _delete_journey_meeting() -> None:
    """The journey's meeting, with its papers' and packs' files, and the subscription."""
    from boards.models import Board
    from meetings.models import AgendaPack, AgendaSubscription, Document, Meeting

    board = Board.objects.get(name=BOARD)
    meetings = Meeting.objects.filter(board=board, date=DAY, start_time=START)
    for model, path in [(Document, "agenda_item__meeting__in"), (AgendaPack, "meeting__in")]:
        for record in model.objects.filter(**{path: meetings}).exclude(file=""):
            record.file.delete(save=False)
    meetings.delete()
    AgendaSubscription.objects.filter(email=SUBSCRIBER).delete()


@pytest.fixture
def journey_meeting(tmp_path):
    media = tmp_path / "media"
    with override_settings(MEDIA_ROOT=media):
        in_a_thread(_delete_journey_meeting)
        yield
        in_a_thread(_delete_journey_meeting)
    # The packs' render cache is keyed by content, not by meeting: this one holds only the
    # journey's renders, so it goes with its temporary media root.
    shutil.rmtree(media / CACHE_DIR, ignore_errors=True)
    leftovers = [path for path in media.rglob("*") if path.is_file()]
    assert leftovers == [], f"The journey left files behind: {leftovers}"


DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def _briefing_note_docx(title: str) -> bytes:
    """A briefing note as officers write them in Word: a heading, numbered paragraphs, a
    bulleted list and a table."""
    document = docx.Document()
    document.add_heading(title, level=1)
    document.add_paragraph("Purpose of the Note", style="List Number")
    document.add_paragraph(
        "To update the Scrutiny Board on the summer programme.", style="List Number"
    )
    document.add_heading("What the programme offered", level=2)
    for line in ["Free meals for eligible children", "Activities from 43 funded providers"]:
        document.add_paragraph(line, style="List Bullet")
    table = document.add_table(rows=2, cols=2)
    for row, cells in enumerate([("Measure", "Summer 2024"), ("Children attending", "9,400")]):
        for column, text in enumerate(cells):
            table.cell(row, column).text = text
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


@functools.cache
def _small_pdf(text: str) -> bytes:
    """A one-page A4 PDF with a line of text (the same bytes each call: pikepdf gives
    every file a new /ID)."""
    pdf = pikepdf.new()
    pdf.add_blank_page(page_size=(595, 842))
    font = pdf.make_indirect(
        pikepdf.Dictionary(
            Type=pikepdf.Name.Font, Subtype=pikepdf.Name.Type1, BaseFont=pikepdf.Name.Helvetica
        )
    )
    page = pdf.pages[0]
    page.Resources = pikepdf.Dictionary(Font=pikepdf.Dictionary(F1=font))
    page.Contents = pdf.make_stream(f"BT /F1 14 Tf 72 770 Td ({text}) Tj ET".encode())
    buffer = io.BytesIO()
    pdf.save(buffer)
    return buffer.getvalue()


def _add_document(page, number: int, how: str, *, accessible: bool = False) -> None:
    """From the builder, "Add a document" to item `number`, then choose how."""
    page.get_by_role("link", name=f"Add a document to item {number}", exact=True).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Add a paper")
    if accessible:
        _accessible(page, "how to add a paper")
    page.get_by_label(how).check()
    page.get_by_role("button", name="Continue").click()


def _import_word(
    page, builder_url: str, number: int, title: str, *, restricted=False, accessible=False
) -> str:
    """Import the Word file for item `number`, check the text it made, save it; return
    the paper's public address. `accessible`: run axe-core on each page on the way."""
    _add_document(page, number, "Import a Word file (.docx)", accessible=accessible)
    expect(page.get_by_label("Subject")).to_have_value(title)
    # A private item's paper starts restricted, under the item's paragraphs.
    expect(page.get_by_label("Restricted (exempt information)")).to_be_checked(checked=restricted)
    for paragraph in ("1. Information relating to any individual", "3. Financial or business"):
        expect(page.get_by_label(paragraph)).to_be_checked(checked=restricted)
    if accessible:
        _accessible(page, "import a Word file")
    page.get_by_label("Word file (.docx)").set_input_files(
        files=[
            {"name": "briefing-note.docx", "mimeType": DOCX, "buffer": _briefing_note_docx(title)}
        ]
    )
    page.get_by_role("button", name="Import").click()
    banner = page.locator(".govuk-notification-banner").filter(has_text="imported from Word")
    expect(banner).to_have_count(1)
    expect(page.get_by_role("heading", level=1)).to_have_text("Edit paper")
    expect(page.locator("textarea[data-rich-text]")).to_have_value(re.compile("<table>"))
    if accessible:
        _accessible(page, "imported paper")
    page.get_by_role("button", name="Save changes").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text(f"Papers for Agenda Item {number}")
    if accessible:
        _accessible(page, "papers of an item")
    card = page.locator(".govuk-summary-card").filter(has_text=title)
    if restricted:
        expect(card).to_contain_text("Restricted, paragraphs 1, 3")
    address = card.get_by_role("link", name=re.compile("^View")).get_attribute("href")
    page.goto(builder_url)
    return address


def _accessible(page, name: str) -> None:
    check(page, name, "desktop")


def _add_item(page, title: str, post: str, *, private: bool = False) -> None:
    if private:
        page.get_by_role("link", name="Add a private item").click()
    else:
        page.get_by_role("link", name="Add an item").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Add an agenda item")
    page.get_by_label("Title").fill(title)
    page.get_by_label("Type of item").select_option(label="Report")
    page.get_by_label("Briefing Note").check()
    page.get_by_label("Report of").select_option(label=post)
    if private:
        expect(page.get_by_label("Private business")).to_be_checked()
        page.get_by_label("1. Information relating to any individual").check()
        page.get_by_label("3. Financial or business affairs").check()
    page.get_by_label("Documents to follow").check()
    page.get_by_role("button", name="Add the item").click()
    expect(
        page.get_by_role("alert").or_(page.locator(".govuk-notification-banner"))
    ).to_contain_text("added")


def test_a_new_officer_builds_and_publishes_the_november_2024_agenda(
    new_page, demo_site, journey_meeting
):
    page = new_page(bypass_csp=True)
    log_in(page, demo_site, "officer")

    # The dashboard, from the header.
    page.get_by_role("link", name="Officer dashboard").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Officer dashboard")
    _accessible(page, "dashboard")
    page.get_by_role("link", name="Create a year's schedule").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Create a year's schedule of meetings"
    )
    _accessible(page, "schedule")
    page.go_back()

    # An empty meeting on the board's defaults: it comes with the standard items.
    page.get_by_role("link", name="Create a meeting").click()
    _accessible(page, "create")
    page.get_by_label("Board").select_option(label=BOARD)
    page.get_by_label("Day").fill("28")
    page.get_by_label("Month").fill("11")
    page.get_by_label("Year").fill("2024")
    page.get_by_label("Start time").fill("14:00")
    page.get_by_label("Venue").select_option(label="Diamond Room 2 - Council House")
    page.get_by_role("button", name="Create the meeting").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Agenda for 28 November 2024")
    main = page.get_by_role("main")
    expect(main).to_contain_text("a) To agree the minutes of the meeting held on 17th October")
    expect(main).to_contain_text("b) Matters Arising")
    builder_url = page.url

    # The three reports, each a briefing note of the Director of Children and Education.
    for title in REPORTS:
        _add_item(page, title, CHILDREN)
    _accessible(page, "builder")

    # The work programme is a briefing note of the Director of Law and Governance.
    page.get_by_role("link", name=re.compile(r"^Edit item \d+, Work Programme$")).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Edit the agenda item")
    _accessible(page, "item edit")
    page.get_by_label("Briefing Note").check()
    page.get_by_label("Report of").select_option(label=LAW)
    page.get_by_role("button", name="Save changes").click()
    expect(main).to_contain_text(f"Briefing Note of the {LAW}")
    # Its paper is the board's work programme, which the pack prints: nothing to add.
    programme = page.locator(".scrutiny-builder__item").filter(
        has=page.get_by_role("heading", name="Work Programme", exact=True)
    )
    expect(programme).to_contain_text("Documents: the board's work programme for the year")

    # The private item, exempt under paragraphs 1 and 3: the exclusion item appears.
    _add_item(page, REPORTS[2], CHILDREN, private=True)
    expect(main).to_contain_text("Exclusion of Press and Public")
    expect(main).to_contain_text("Exempt: paragraph(s) 1, 3 of Part 1 of Schedule 12A")

    # Reorder without JavaScript: the second report down, then back up again.
    page.get_by_role("button", name=f"Move down item 6, {REPORTS[1]}").click()
    expect(page.locator(f"#item-{_item_id(page, 7)} h3")).to_have_text(REPORTS[1])
    page.get_by_role("button", name=f"Move up item 7, {REPORTS[1]}").click()
    expect(page.locator(".scrutiny-builder__item h3").nth(5)).to_have_text(REPORTS[1])

    # The papers, from the builder's "Add a document" links: a briefing note imported
    # from Word, then another report's PDF (with the warning that it cannot be made
    # accessible), then the private item's restricted paper.
    note_url = _import_word(page, builder_url, 5, REPORTS[0], accessible=True)
    _add_document(page, 6, "Upload a PDF")
    expect(page.get_by_role("heading", level=1)).to_have_text("Add a paper")
    expect(page.locator(".govuk-warning-text")).to_contain_text(
        "An uploaded PDF cannot be made accessible"
    )
    _accessible(page, "upload a PDF")
    page.get_by_label("Briefing note").check()
    page.get_by_label("Subject").fill(REPORTS[1])
    page.get_by_label("PDF file").set_input_files(
        files=[
            {
                "name": "workforce.pdf",
                "mimeType": "application/pdf",
                "buffer": _small_pdf(REPORTS[1]),
            }
        ]
    )
    page.get_by_role("button", name="Upload").click()
    expect(page.get_by_text(f"“{REPORTS[1]}” added")).to_be_visible()
    page.goto(builder_url)
    _import_word(page, builder_url, 7, REPORTS[2])
    restricted_url = _import_word(page, builder_url, 10, REPORTS[2], restricted=True)
    for number in (5, 6, 7, 10):
        expect(page.locator(f"#item-{_item_id(page, number)}")).not_to_contain_text("To follow")

    # The builder on a phone.
    phone = new_page(viewport=PHONE, bypass_csp=True)
    phone.context.add_cookies(page.context.cookies())
    phone.goto(builder_url)
    check(phone, "builder", "phone")

    # The meeting's own pages.
    for link, name in [
        ("Move the meeting to another date", "move"),
        ("Cancel the meeting", "cancel"),
        ("History", "history"),
    ]:
        page.get_by_role("link", name=link, exact=True).click()
        _accessible(page, name)
        page.goto(builder_url)
    page.get_by_role("link", name=re.compile("Change")).first.click()
    _accessible(page, "meeting edit")
    page.goto(builder_url)

    # Publish: the meeting is long past, so it is late and needs an urgency reason.
    page.get_by_role("link", name="Check and publish").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Publish the agenda")
    # Every paper of the seed pack is there (the work programme's is made from the
    # board's programme), so nothing is left to follow.
    expect(main).not_to_contain_text("documents to follow")
    expect(main).not_to_contain_text("has no documents")
    _accessible(page, "publication check")
    page.get_by_role("button", name="Publish the agenda").click()
    expect(page.locator(".govuk-error-summary")).to_contain_text(
        "Enter the reason for publishing late"
    )
    page.get_by_label("Reason for publishing late (urgency)").fill(
        "Rebuilt for the browser test of the agenda builder."
    )
    # Tests build the packs as publishing commits, inside this request: give it time.
    with page.expect_navigation(timeout=PACK_BUILD_SECONDS * 1000):
        page.get_by_role("button", name="Publish the agenda").click(no_wait_after=True)
    expect(main).to_contain_text("Agenda: ")
    public_url = page.get_by_role("link", name="View the meeting page").get_attribute("href")

    # The pack was built on publishing; the officer is told again that the uploaded PDF
    # in it cannot be made accessible.
    page.get_by_role("link", name="View the meeting page").click()
    expect(page.locator(".govuk-warning-text").filter(has_text=REPORTS[1])).to_contain_text(
        "cannot be made accessible"
    )
    _accessible(page, "meeting page, as an officer")

    # Signed out, the published agenda has the pack's items in the pack's order.
    page.get_by_role("button", name="Sign out").click()
    page.goto(demo_site(public_url))
    expect(page.get_by_role("heading", level=1)).to_have_text(BOARD)
    items = page.locator(".scrutiny-agenda__item")
    expect(items).to_have_count(len(SEED_AGENDA))
    shown = []
    for index in range(items.count()):
        item = items.nth(index)
        number = int(item.locator(".scrutiny-agenda__number").inner_text().rstrip("."))
        heading = item.locator("h4").inner_text()
        # The pack, built on publishing, gives each paper's pages, as the seed's front sheet.
        title = re.sub(r" \(Pages? \d+ - \d+\)$", "", heading)
        if number in (4, 5, 6, 7, 8):
            assert title != heading, f"Item {number} shows no pages of the pack: {heading}"
        report_of = item.locator(".scrutiny-agenda__report-of")
        shown.append((number, title, report_of.inner_text() if report_of.count() else ""))
    assert [(number, title) for number, title, _ in shown] == _seed_titles()
    assert shown == SEED_AGENDA
    expect(page.get_by_role("main")).to_contain_text("Diamond Room 2 - Council House")
    meeting_url = page.url

    # The uploaded PDF downloads; the restricted paper is out of reach.
    pdf_link = page.get_by_role("link", name=f"{REPORTS[1]} (PDF)")
    download = page.request.get(demo_site(pdf_link.get_attribute("href")))
    assert download.status == 200
    assert download.headers["content-type"] == "application/pdf"
    assert download.body() == _small_pdf(REPORTS[1])
    expect(page.locator("#item-10 a")).to_have_count(0)
    assert page.request.get(demo_site(restricted_url)).status == 404

    # The public agenda pack, built when the agenda was published.
    body = page.request.get(
        demo_site(
            page.get_by_role("link", name=re.compile("^Download the agenda pack")).get_attribute(
                "href"
            )
        )
    )
    assert body.status == 200 and body.body().startswith(b"%PDF")

    # The imported note reads as a web page: its heading, list and table survived.
    page.get_by_role("link", name=REPORTS[0], exact=True).click()
    assert page.url == demo_site(note_url)
    main = page.get_by_role("main")
    expect(main.get_by_role("heading", name="What the programme offered")).to_be_visible()
    expect(main.locator("ol li").first).to_have_text("Purpose of the Note")
    expect(main.locator("ul li")).to_have_text(
        ["Free meals for eligible children", "Activities from 43 funded providers"]
    )
    expect(main.get_by_role("table")).to_contain_text("Children attending")
    page.goto(meeting_url)

    # A resident asks to be e-mailed when the board publishes its next agenda.
    page.get_by_role("link", name=BOARD).first.click()
    page.get_by_role("link", name="Get e-mails when this board publishes an agenda").click()
    _accessible(page, "subscribe")
    page.get_by_label("Email address").fill(SUBSCRIBER)
    page.get_by_role("button", name="Get agenda e-mails").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Check your e-mail")
    _accessible(page, "subscribe sent")


def _item_id(page, number: int) -> str:
    """The element id of the item numbered `number` in the builder."""
    item = page.locator(".scrutiny-builder__item").nth(number - 1)
    return item.get_attribute("id").removeprefix("item-")
