"""The demo's front sheets read as a reader reads them (pypdf), line by line against the
seeds: the 28 November 2024 pack (seed 004) in the council's current house style, and a
2016 front sheet (seed 000) under that same style, with the facts of its own meeting.

The seed lines are copied from ../shared/seeds/004_abad7057a7c4af1b.txt and
000_1831948b7815d278.txt. Page ranges are left out of the comparison: the demo's papers
are shorter than the real ones, and test_pack.py checks that every range is computed
from the pack itself.
"""

import datetime
import io
import re
from io import StringIO

import pytest
from django.core.management import call_command
from django.db import transaction
from django.test import override_settings
from pypdf import PdfReader

from meetings.models import Meeting
from meetings.packs.build import build_packs
from meetings.packs.content import front_sheet_html, pack_content
from scrutiny.pdf import render_pdf

pytestmark = pytest.mark.django_db

BOARD = "Education and Children's Services Scrutiny Board (2)"
PAGES = re.compile(r"\s*\(Pages \d+ - \d+\)")

# Seed 004, pages 1 and 2, in order.
SEED_2024 = [
    BOARD,
    "Time and Date",
    "10.00 am on Thursday, 28th November, 2024",
    "Place",
    "Diamond Room 2 - Council House",
    "Public Business",
    "1. Apologies and Substitutions",
    "2. Declarations of Interests",
    "3. Exclusion of Press and Public",
    "To consider whether to exclude the press and public for the item(s) of private "
    "business for the reasons shown in the report.",
    "4. Minutes (Pages 3 - 12)",
    "a) To agree the minutes of the meeting held on 17th October 2024.",
    "b) Matters Arising",
    "5. Coventry Holiday Activities and Food Programme (Pages 13 - 18)",
    "Briefing Note of the Director of Children and Education",
    "6. Social Worker Recruitment and Retention - Workforce Update (Pages 19 - 26)",
    "Briefing Note of the Director of Children and Education",
    "7. Homes for Children in Care - Update Report (Pages 27 - 32)",
    "Briefing Note of the Director of Children and Education",
    "8. Work Programme (Pages 33 - 36)",
    "Briefing Note of the Director of Law and Governance",
    "9. Any Other Business",
    "Any other items of business which the Chair decides to take as matters of urgency "
    "because of the special circumstances involved.",
    "Private Business",
    "10. Homes for Children in Care - Update Report (Pages 37 - 54)",
    "Briefing Note of the Director of Children and Education",
    "Julie Newman, Chief Legal Officer, Council House, Coventry",
    "Wednesday, 20 November 2024",
    "Note: The person to contact about the agenda and documents for this meeting is "
    "Tom Robinson Email: tom.robinson@coventry.gov.uk",
    "Membership: Councillors J Birdi, B Christopher, J Gardiner, Mrs S Hanson (Co-opted "
    "Member), Mr D Jackson (Co-opted Member), R Lancaster, S Nazir, E M Reeves, R Thay, "
    "CE Thomas (Chair), A Tucker and Mr G Vohra (Co-opted Member)",
    "By invitation: Councillors K Sandhu (Cabinet Member for Education and Skills) and "
    "P Seaman (Cabinet Member for Children and Young People)",
    "Public Access",
    "Any member of the public who would like to attend the meeting in person is encouraged "
    "to contact the officer below in advance of the meeting regarding arrangements for "
    "public attendance. A guide to attending public meeting can be found here: "
    "https://www.coventry.gov.uk/publicAttendanceMeetings",
    "Tom Robinson",
    "Email: tom.robinson@coventry.gov.uk",
]

# The 2016 style, which the council no longer uses (see recommendations/demo/council.py).
OLD_STYLE = [
    "1) The person to contact",
    "Council Members who are not able to attend",
    "12 noon on the day before",
    "British Sign Language",
    "hearing loop",
    "(By Invitation)",
]


def _flat(text: str) -> str:
    """One line, single spaces: pypdf's line breaks fall where the PDF's lines do."""
    return " ".join(text.split())


def _pages(data: bytes) -> list[str]:
    return [page.extract_text() or "" for page in PdfReader(io.BytesIO(data)).pages]


def _in_order(text: str, lines: list[str]) -> None:
    """Each line appears in the text, after the one before it."""
    at = 0
    for line in lines:
        found = text.find(_flat(line), at)
        assert found >= 0, f"{line!r} is not on the front sheet after position {at}:\n{text}"
        at = found + len(_flat(line))


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker, tmp_path_factory):
    media = override_settings(MEDIA_ROOT=tmp_path_factory.mktemp("media"), DEMO_BUILD_PACKS=0)
    media.enable()
    try:
        with django_db_blocker.unblock(), transaction.atomic():
            call_command("load_demo", stdout=StringIO())
            meeting = Meeting.objects.get(board__name=BOARD, date=datetime.date(2024, 11, 28))
            packs = build_packs(meeting)
            earlier = Meeting.objects.get(board__name=BOARD, date=datetime.date(2016, 9, 15))
            front_2016 = render_pdf(front_sheet_html(pack_content(earlier), {}))
            yield {"packs": packs, "front_2016": _flat(" ".join(_pages(front_2016)))}
            transaction.set_rollback(True)
    finally:
        media.disable()


@pytest.mark.parametrize("audience", ["full", "public"])
def test_the_2024_front_sheet_reads_as_the_seed(demo, audience):
    pages = _pages(demo["packs"][audience].data)
    front = _flat(" ".join(pages[:2]))
    _in_order(PAGES.sub("", front), [PAGES.sub("", line) for line in SEED_2024])
    for old in OLD_STYLE:
        assert old not in front


def test_the_2024_front_sheet_is_two_pages_and_the_minutes_start_on_page_3(demo):
    full = demo["packs"]["full"]
    pages = _pages(full.data)
    assert "Page 1" in pages[0] and "Page 2" in pages[1]
    assert "Membership:" not in pages[0], "the notes and membership open page 2, as in the seed"
    assert full.ranges[4][0] == 3
    assert _flat(pages[0]).count("(Pages ") == 6


def test_the_restricted_page_of_the_public_pack_reads_as_the_seed(demo):
    public = demo["packs"]["public"]
    start = public.ranges[10][0]
    page = _pages(public.data)[start - 1]
    lines = [_flat(line) for line in page.splitlines() if line.strip()]
    # Set on two lines, as in the seed, then the notice; stamped with the item and range.
    assert lines[:3] == [
        "By virtue of paragraph(s) 1, 3 of Part 1 of Schedule 12A",
        "of the Local Government Act 1972.",
        "Document is Restricted",
    ]
    assert "Agenda Item 10" in lines
    assert lines[-1] == f"Pages {start} - {start + 1}"


def test_a_2016_front_sheet_keeps_its_meeting_s_facts_in_the_current_style(demo):
    front = demo["front_2016"]
    _in_order(
        front,
        [
            "2.00 pm on Thursday, 15th September, 2016",
            "Committee Rooms 2 and 3 - Council House",
            # Stored with the agenda item as published in 2016.
            "a) To agree the minutes of the meeting held on 21st July, 2016",
            "Wednesday, 7 September 2016",
            "Note: The person to contact about the agenda and documents for this meeting is "
            "Michelle Rose Email: michelle.rose@coventry.gov.uk",
            "Membership: Councillors N Akhtar, S Bains, D Gannon,",
            "M Mutton (Chair) and R Potter (Co-opted Member)",
            # The 2016 invitees have no capacity: the line names them only.
            "By invitation: Councillors K Maton, E Ruane and P Seaman",
            # The room's own notice: Committee Rooms 2 and 3 have a hearing loop.
            "Please note: a hearing loop is available in the committee rooms",
            "Michelle Rose",
        ],
    )
    assert "British Sign Language" not in front
    assert "(By Invitation)" not in front


def test_the_report_page_opens_as_the_seed_s_briefing_note(demo):
    full = demo["packs"]["full"]
    start = full.ranges[5][0]
    page = _flat(_pages(full.data)[start - 1])
    _in_order(
        page,
        [
            "Coventry City Council",
            "Briefing note",
            "To: Education and Children's Services Scrutiny Board (2)",
            # Seed 004 prints "28th November 2024" here and "28 November 2024" on the
            # other two notes; the council's document date format is the latter.
            "Date: 28 November 2024",
            "Subject: Coventry Holiday Activities and Food programme",
            "1 Purpose of the Note",
            "2 Recommendations",
        ],
    )
    assert "Agenda Item 5" in page


def test_each_page_of_the_work_programme_table_carries_the_title_and_headers(demo):
    full = demo["packs"]["full"]
    start, end = full.ranges[8]
    title = f"{BOARD} Work Programme 2024-25"
    headers = "Date Title Detail Cabinet Member/ Lead Officer"
    pages = [_flat(text) for text in _pages(full.data)[start - 1 : end]]
    assert pages[0].startswith(title)
    assert "Agenda Item 8" in pages[0]
    assert "Last updated 20th November 2024" in pages[0]
    table_pages = [page for page in pages if headers in page]
    assert len(table_pages) >= 2, "the demo's table runs over two pages, as in the seed"
    for page in table_pages:
        # pypdf reads the repeated title (a page-margin box) last, pdftotext first.
        assert title in page, page[:200]
