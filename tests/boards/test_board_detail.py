"""The board page: members by year, meetings grouped by municipal year."""

import datetime
from zoneinfo import ZoneInfo

import pytest

from boards.models import Membership
from tests.factories import MeetingFactory, MembershipFactory, MunicipalYearFactory

pytestmark = pytest.mark.django_db

LONDON = ZoneInfo("Europe/London")


@pytest.fixture(autouse=True)
def today(time_machine):
    time_machine.move_to(datetime.datetime(2016, 9, 1, 9, 0, tzinfo=LONDON), tick=False)


@pytest.fixture
def two_years(council, board):
    """A 2015/16 membership and meeting, and a 2016/17 one."""
    MunicipalYearFactory(start_year=2015)
    MunicipalYearFactory(start_year=2016)
    MembershipFactory(
        board=board,
        person__surname="Lucas",
        start_date=datetime.date(2015, 5, 1),
        end_date=datetime.date(2016, 4, 30),
    )
    MembershipFactory(board=board, person__surname="Thomas", start_date=datetime.date(2016, 5, 1))
    MeetingFactory(board=board, date=datetime.date(2016, 4, 14), published=True)
    MeetingFactory(board=board, date=datetime.date(2016, 7, 21), published=True)


@pytest.mark.parametrize(
    "persona", ["public", "other_member_client", "member_client", "officer_client"]
)
def test_the_board_page_answers_every_role(request, board, council, persona):
    assert request.getfixturevalue(persona).get(board.get_absolute_url()).status_code == 200


def test_it_refuses_a_post(public, board, council):
    assert public.post(board.get_absolute_url()).status_code == 405


def test_it_shows_the_current_years_members_by_default(public, board, two_years):
    response = public.get(board.get_absolute_url())

    assert response.context["year"].label == "2016/17"
    assert "Councillor A Thomas" in response.text
    assert "Councillor A Lucas" not in response.text


@pytest.mark.parametrize("year", ["2015/16", "2015-16"])
def test_the_year_switcher_shows_past_members(public, board, two_years, year):
    response = public.get(board.get_absolute_url(), {"year": year})

    assert "Councillor A Lucas" in response.text
    assert "Councillor A Thomas" not in response.text


def test_an_unknown_year_answers_404(public, board, two_years):
    assert public.get(board.get_absolute_url(), {"year": "1999/00"}).status_code == 404


def test_it_lists_invited_members_separately_with_their_capacity(public, board, two_years):
    MembershipFactory(
        board=board,
        person__surname="Seaman",
        role=Membership.Role.BY_INVITATION,
        capacity="Cabinet Member for Children and Young People",
    )

    text = public.get(board.get_absolute_url()).text

    assert text.index("Councillor A Thomas") < text.index("By invitation")
    assert "Councillor A Seaman (Cabinet Member for Children and Young People)" in text


def test_it_groups_past_meetings_by_municipal_year(public, board, two_years):
    text = public.get(board.get_absolute_url()).text

    assert text.index("2016/17</h3>") < text.index("Thursday 21 July 2016")
    assert text.index("2015/16</h3>") < text.index("Thursday 14 April 2016")
    assert text.index("Thursday 21 July 2016") < text.index("2015/16</h3>")
