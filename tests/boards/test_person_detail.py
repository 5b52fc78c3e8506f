"""The person page: memberships, and attendance against meetings they were expected at."""

import datetime
import re
from zoneinfo import ZoneInfo

import pytest
from django.urls import reverse
from django.utils import timezone

from boards.models import Membership
from meetings.models import Attendance, Meeting
from tests.factories import BoardFactory, MeetingFactory, MembershipFactory, PersonFactory

pytestmark = pytest.mark.django_db

LONDON = ZoneInfo("Europe/London")


@pytest.fixture(autouse=True)
def today(time_machine):
    time_machine.move_to(datetime.datetime(2016, 12, 1, 9, 0, tzinfo=LONDON), tick=False)


def held(board, day: datetime.date, **details) -> Meeting:
    return MeetingFactory(
        board=board,
        date=day,
        published=True,
        status=details.pop("status", Meeting.Status.HELD),
        minutes_published_at=timezone.now(),
        **details,
    )


def record(meeting, person, status="present") -> Attendance:
    return Attendance.objects.create(
        meeting=meeting, person=person, category="member", status=status
    )


@pytest.fixture
def councillor(council, board, other_board, member):
    """Councillor M Mutton: at 2 of 3 held meetings of board A; one cancelled, one
    of board B where Mutton sits by invitation (not expected)."""
    person = member.person
    someone = PersonFactory()
    for day, status in [(7, "present"), (14, "apologies"), (21, "present")]:
        meeting = held(board, datetime.date(2016, 7, day))
        record(meeting, someone)
        record(meeting, person, status)
    held(board, datetime.date(2016, 7, 28), status=Meeting.Status.CANCELLED)
    MembershipFactory(
        board=other_board, person=person, role=Membership.Role.BY_INVITATION, capacity="Cabinet"
    )
    record(held(other_board, datetime.date(2016, 7, 8)), someone)
    return person


def url(person) -> str:
    return reverse("boards:person_detail", args=[person.pk])


@pytest.mark.parametrize("persona", ["public", "other_member_client", "officer_client"])
def test_a_councillors_page_is_public(request, councillor, persona):
    assert request.getfixturevalue(persona).get(url(councillor)).status_code == 200


def test_it_refuses_a_post(public, councillor):
    assert public.post(url(councillor)).status_code == 405


def test_an_officer_without_memberships_answers_404(public, council):
    officer = PersonFactory(surname="Holmes", is_councillor=False)

    assert public.get(url(officer)).status_code == 404


def test_it_counts_attendance_against_expected_meetings(public, councillor, board):
    response = public.get(url(councillor))

    [board_record] = response.context["records"]
    assert board_record["board"] == board
    assert "Attended 2 of 3 (67%)" in response.text
    assert "Thursday 28 July 2016" not in response.text  # cancelled
    assert "Friday 8 July 2016" not in response.text  # by invitation


def test_it_lists_memberships_with_roles(public, councillor, board, other_board):
    text = public.get(url(councillor)).text

    assert "Education and Children&#x27;s Services Scrutiny Board (2)" in text
    assert "Chair, since 1 May 2016" in text
    assert "By Invitation (Cabinet)" in text


def test_meetings_before_the_membership_are_not_expected(public, councillor, board):
    held(board, datetime.date(2016, 4, 14))  # before 1 May 2016

    assert "Attended 2 of 3 (67%)" in public.get(url(councillor)).text


def test_the_query_count_does_not_grow_with_meetings_or_boards(
    public, councillor, django_assert_max_num_queries, django_assert_num_queries
):
    def add(count):
        for _ in range(count):
            board = BoardFactory()
            MembershipFactory(board=board, person=councillor)
            record(held(board, datetime.date(2016, 9, 1)), councillor)

    add(2)
    with django_assert_max_num_queries(12) as captured:
        public.get(url(councillor))

    add(2)

    with django_assert_num_queries(len(captured)):
        response = public.get(url(councillor))
    assert len(response.context["records"]) == 5


def test_a_meeting_whose_minutes_record_no_attendance_is_not_counted_as_an_absence(
    public, councillor, board
):
    held(board, datetime.date(2016, 8, 4))  # minutes published, but nobody recorded

    text = public.get(url(councillor)).text

    assert "Attended 2 of 3 (67%)" in text
    assert "Thursday 4 August 2016" in text
    assert "Not recorded</strong>" in text
    assert "Attendance is not recorded for 1 meeting, left out of the count." in text


def test_attendance_in_unpublished_minutes_is_not_counted(public, councillor, board):
    meeting = MeetingFactory(
        board=board, date=datetime.date(2016, 8, 4), published=True, status=Meeting.Status.HELD
    )
    record(meeting, councillor)

    response = public.get(url(councillor))

    [board_record] = response.context["records"]
    assert [m["status"] for m in board_record["meetings"]][0] == "not_recorded"
    assert "Attended 2 of 3 (67%)" in response.text


def test_a_member_missing_from_recorded_attendance_is_absent(public, councillor, board):
    record(held(board, datetime.date(2016, 8, 4)), PersonFactory())

    text = public.get(url(councillor)).text

    assert "Attended 2 of 4 (50%)" in text
    assert "Absent</strong>" in text


def test_meetings_with_unpublished_agendas_or_yet_to_come_are_not_expected(
    public, councillor, board
):
    MeetingFactory(board=board, date=datetime.date(2016, 8, 4))  # agenda not published
    held(board, datetime.date(2016, 12, 8))  # after today

    text = public.get(url(councillor)).text

    assert "August 2016" not in text and "8 December 2016" not in text
    assert "Not recorded</strong>" not in text


def test_with_no_attendance_recorded_at_all_it_gives_no_percentage(public, council, board):
    person = PersonFactory()
    MembershipFactory(board=board, person=person, start_date=datetime.date(2016, 5, 1))
    held(board, datetime.date(2016, 8, 4))

    text = public.get(url(person)).text

    assert "Attended" not in text
    assert "Attendance is not recorded for 1 meeting." in text


def test_headings_of_the_same_level_look_the_same(public, councillor):
    text = public.get(url(councillor)).text
    main = text[text.index("<main") : text.index("</main>")]

    assert re.findall(r'<h2 class="([^"]+)"', main) == ["govuk-heading-l", "govuk-heading-l"]
    assert set(re.findall(r'<h3 class="([^"]+)"', main)) == {"govuk-heading-m"}
