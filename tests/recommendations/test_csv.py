"""The tracker CSV export: the report's columns, safe to open in a spreadsheet."""

import datetime

import pytest

from recommendations.services import tracker_csv_rows
from tests.factories import MeetingFactory, TrackerItemFactory


@pytest.fixture
def meeting(board):
    return MeetingFactory(board=board, date=datetime.date(2016, 7, 21))


@pytest.mark.parametrize(
    "text",
    ['=HYPERLINK("http://evil")', "+1+1", "-2+3", "@SUM(A1:A2)", "\tTAB", "\rCR"],
)
def test_cells_a_spreadsheet_would_run_as_formulas_are_escaped(meeting, council, text):
    TrackerItemFactory(source_meeting=meeting, text=text, responsible_text=text)
    header, row = list(tracker_csv_rows(items=meeting.tracker_items.all()))
    assert row[header.index("Recommendations/Actions")] == f"'{text}"
    assert row[header.index("Cabinet Member/Responsible Officer")] == f"'{text}"


def test_ordinary_cells_are_left_as_they_are(meeting, council):
    TrackerItemFactory(
        source_meeting=meeting,
        text="Letter of thanks = appreciation; cost -£0",
        responsible_text="Cabinet Member",
        due_date=datetime.date(2016, 9, 21),
    )
    header, row = list(tracker_csv_rows(items=meeting.tracker_items.all()))
    assert header[:7] == [
        "Meeting Date",
        "Agenda Item",
        "Cabinet Member/Responsible Officer",
        "Rec/Action/Information",
        "Recommendations/Actions",
        "Officer contact",
        "Response/Status",
    ]
    assert row == [
        "21st July 2016",
        "Serious Case Review",
        "Cabinet Member",
        "R",
        "Letter of thanks = appreciation; cost -£0",
        "",
        "",
        meeting.board.name,
        "Open",
        "2016-09-21",
    ]


def test_a_board_name_starting_with_a_formula_character_is_escaped_too(board, council):
    board.name = "-Board"
    board.save()
    TrackerItemFactory(source_meeting=MeetingFactory(board=board))
    _, row = list(tracker_csv_rows(items=board.tracker_items.all()))
    assert row[7] == "'-Board"
