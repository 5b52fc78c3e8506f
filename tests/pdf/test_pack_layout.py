"""Pack layouts the main pack test does not reach: a front sheet of odd length.

The papers are appended as their renders are ready and arranged in pack order at the
end (meetings/packs/assemble.py); a three-page front sheet takes a blank fourth page, and
every paper still starts on an odd page with the numbers the front sheet prints.
"""

import datetime
import io
import re

import pytest
from django.test import override_settings
from pypdf import PdfReader

from meetings.packs.build import build_packs
from tests.factories import AgendaItemFactory, DocumentFactory, MeetingFactory

pytestmark = pytest.mark.django_db

BLANK = "This page is intentionally left blank"
WORDY = "The board will consider the progress made and the risks that remain. " * 6


def test_a_three_page_front_sheet_is_padded_and_the_papers_keep_their_ranges(tmp_path):
    meeting = MeetingFactory(date=datetime.date(2024, 11, 28), published=True)
    reports = []
    for number in range(1, 16):
        item = AgendaItemFactory(
            meeting=meeting, number=number, title=f"Report {number}", description=WORDY
        )
        if number in (3, 9, 15):
            body = f"<h2>1 Purpose</h2><p>1.1 Paper of item {number}.</p>"
            reports.append(
                DocumentFactory(agenda_item=item, title=f"Paper {number}", body_html=body)
            )
    with override_settings(MEDIA_ROOT=tmp_path):
        packs = build_packs(meeting)
    pages = [page.extract_text() or "" for page in PdfReader(io.BytesIO(packs["full"].data)).pages]

    assert "Report 15" in pages[2] and "Report 15" not in pages[1], "a three-page front sheet"
    assert BLANK in pages[3], "the front sheet's three pages are padded to four"
    printed = {
        int(number): (int(start), int(end))
        for number, start, end in re.findall(
            r"Report (\d+) \(Pages (\d+) - (\d+)\)", " ".join(" ".join(pages[:3]).split())
        )
    }
    assert printed == {3: (5, 6), 9: (7, 8), 15: (9, 10)}
    for number, (start, end) in printed.items():
        assert f"Agenda Item {number}" in pages[start - 1]
        assert f"Paper of item {number}" in pages[start - 1]
        assert BLANK in pages[end - 1]
    for index, text in enumerate(pages, start=1):
        assert f"Page {index}" in text
    assert packs["full"].ranges == {3: (5, 6), 9: (7, 8), 15: (9, 10)}
