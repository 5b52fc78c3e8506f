"""The board page: members by year, meetings grouped by municipal year."""

import datetime
import re
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


def test_it_defaults_to_the_latest_year_with_members_when_this_year_has_none(
    public, board, two_years, time_machine
):
    """Annual council has not yet appointed 2018/19's members, and none were recorded for
    2017/18: the page opens on 2016/17 rather than on an empty year."""
    Membership.objects.filter(person__surname="Thomas").update(end_date=datetime.date(2017, 4, 30))
    MunicipalYearFactory(start_year=2017)
    MunicipalYearFactory(start_year=2018)
    time_machine.move_to(datetime.datetime(2018, 9, 1, 9, 0, tzinfo=LONDON), tick=False)

    response = public.get(board.get_absolute_url())

    assert response.context["year"].label == "2016/17"
    assert "Membership 2016/17" in response.text
    assert "Councillor A Thomas" in response.text
    assert [year.label for year in response.context["years"]] == ["2015/16", "2016/17"]


def test_an_empty_year_can_still_be_asked_for(public, board, two_years):
    MunicipalYearFactory(start_year=2017)

    response = public.get(board.get_absolute_url(), {"year": "2017/18"})

    assert "Councillor A Thomas" in response.text  # still a member, open-ended
    Membership.objects.filter(person__surname="Thomas").update(end_date=datetime.date(2017, 4, 30))
    response = public.get(board.get_absolute_url(), {"year": "2017/18"})
    assert "No members are recorded for this year." in response.text
    assert "2017/18" in [year.label for year in response.context["years"]]


def test_it_shows_the_membership_before_the_meetings(public, board, two_years):
    text = public.get(board.get_absolute_url()).text

    assert text.index("Membership 2016/17") < text.index("Upcoming meetings")
    assert text.index("Upcoming meetings") < text.index("Past meetings")


def test_headings_of_the_same_level_look_the_same(public, board, two_years):
    MembershipFactory(board=board, person__surname="Seaman", role=Membership.Role.BY_INVITATION)
    text = public.get(board.get_absolute_url()).text
    main = text[text.index("<main") : text.index("</main>")]

    assert set(re.findall(r'<h2 class="([^"]+)"', main)) == {"govuk-heading-l"}
    assert set(re.findall(r'<h3 class="([^"]+)"', main)) == {"govuk-heading-m"}


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
