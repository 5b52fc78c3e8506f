"""The work programme page, dated by the board's meetings as the packs print it."""

import datetime

import pytest
from django.urls import reverse

from meetings.models import Meeting, WorkProgramme, WorkProgrammeItem
from tests.factories import MeetingFactory, MunicipalYearFactory

pytestmark = pytest.mark.django_db

Section = WorkProgrammeItem.Section


@pytest.fixture
def programme(council, board) -> WorkProgramme:
    """2024/25: a held meeting, a cancelled one, one moved to the afternoon, undated items."""
    year = MunicipalYearFactory(start_year=2024)
    held = MeetingFactory(board=board, date=datetime.date(2024, 7, 11), published=True)
    MeetingFactory(board=board, date=datetime.date(2024, 9, 12), status=Meeting.Status.CANCELLED)
    MeetingFactory(
        board=board,
        date=datetime.date(2025, 3, 13),
        session_label="PM",
        status=Meeting.Status.MOVED,
        moved_from_date=datetime.date(2025, 3, 27),
    )
    programme = WorkProgramme.objects.create(board=board, municipal_year=year, title="")
    programme.items.create(
        meeting=held, title="Early Years Strategy", lead_text="Rachael Sugars Cllr Sandhu"
    )
    programme.items.create(section=Section.THIS_YEAR, title="Early Help")
    programme.items.create(section=Section.NEXT_YEAR, title="Early Years Strategy (2025)")
    programme.items.create(section=Section.PROGRESS_REPORTS, title="Improvement Board")
    return programme


def url(board, **query) -> str:
    return reverse("boards:work_programme", args=[board.slug])


@pytest.mark.parametrize("persona", ["public", "member_client", "officer_client"])
def test_the_work_programme_is_public(request, board, programme, persona):
    assert request.getfixturevalue(persona).get(url(board)).status_code == 200


def test_it_refuses_a_post(public, board, programme):
    assert public.post(url(board)).status_code == 405


def test_it_dates_sections_by_the_boards_meetings(public, board, programme):
    text = public.get(url(board), {"year": "2024/25"}).text

    assert "11th July 24</a>" in text
    assert "12th September 24 - cancelled" in text
    assert "13th March 25 PM (moved from 27th March 25)" in text
    assert "Rachael Sugars Cllr Sandhu" in text
    assert "Cabinet Member/ Lead Officer" in text


def test_unpublished_meetings_are_dated_but_not_linked_for_the_public(public, board, programme):
    cancelled = Meeting.objects.get(date=datetime.date(2024, 9, 12))

    text = public.get(url(board)).text

    assert cancelled.get_absolute_url() not in text


def test_it_prints_the_undated_sections_with_their_labels(public, board, programme, council):
    text = public.get(url(board)).text

    assert text.index("Items for 2024-25") < text.index("Early Help")
    assert text.index("Items for 2025-26") < text.index("Early Years Strategy (2025)")
    assert "Progress Reports" in text
    assert council.text_progress_reports in text


def test_a_board_without_a_programme_says_so(public, board, council):
    assert "No work programme has been published" in public.get(url(board)).text


def test_the_query_count_does_not_grow_with_items(
    public, board, programme, django_assert_max_num_queries, django_assert_num_queries
):
    with django_assert_max_num_queries(12) as captured:
        public.get(url(board))

    for day in (9, 16):
        meeting = MeetingFactory(board=board, date=datetime.date(2024, 10, day), published=True)
        programme.items.create(meeting=meeting, title="Another item")
        programme.items.create(section=Section.FOR_INFORMATION, title="For information")

    with django_assert_num_queries(len(captured)):
        response = public.get(url(board))
    assert len(response.context["dated"]) == 5
