"""The public pages: who sees what (design.md "Who sees what"), and query counts that do
not grow with the number of meetings or agenda items."""

import datetime
import re
from zoneinfo import ZoneInfo

import pytest
from django.urls import reverse
from django.utils import timezone

from boards.models import Membership
from tests.factories import (
    AgendaItemFactory,
    DocumentFactory,
    MeetingFactory,
    MembershipFactory,
    PostFactory,
)

pytestmark = pytest.mark.django_db

LONDON = ZoneInfo("Europe/London")


@pytest.fixture(autouse=True)
def today(time_machine) -> datetime.date:
    """Thursday 1 September 2016: the 15 September meeting is still to come."""
    time_machine.move_to(datetime.datetime(2016, 9, 1, 9, 0, tzinfo=LONDON), tick=False)
    return datetime.date(2016, 9, 1)


@pytest.fixture
def meeting(council, board):
    """Thursday 15 September 2016, published, with a public report and an exempt one."""
    meeting = MeetingFactory(board=board, date=datetime.date(2016, 9, 15), published=True)
    report = AgendaItemFactory(
        meeting=meeting,
        title="Quality Assurance Auditing",
        document_type="briefing_note",
        report_of=PostFactory(title="Director for Children's Services"),
    )
    DocumentFactory(agenda_item=report, title="Quality Assurance Audits")
    return meeting


@pytest.fixture
def restricted(meeting):
    """An exempt paper (paragraphs 1 and 3) under a private item of `meeting`."""
    item = AgendaItemFactory(meeting=meeting, private=True, title="Homes for Children in Care")
    return DocumentFactory(agenda_item=item, restricted=True, title="Placements by provider")


@pytest.fixture
def unpublished(council, board):
    """Thursday 10 November 2016: its agenda is still being drafted."""
    return MeetingFactory(board=board, date=datetime.date(2016, 11, 10))


def test_the_home_page_lists_published_meetings(public, meeting, unpublished):
    response = public.get(reverse("home"))

    assert response.status_code == 200
    assert list(response.context["upcoming"]) == [meeting]
    assert "Thursday 15 September 2016" in response.text


def test_officers_see_unpublished_meetings_on_the_home_page(officer_client, meeting, unpublished):
    response = officer_client.get(reverse("home"))

    assert list(response.context["upcoming"]) == [meeting, unpublished]
    assert "Not published" in response.text


def test_the_board_list_names_each_active_board(public, board, other_board):
    other_board.is_active = False
    other_board.save()

    response = public.get(reverse("boards:board_list"))

    assert response.status_code == 200
    assert list(response.context["boards"]) == [board]


def test_the_board_page_lists_members_and_meetings(public, board, member, meeting, unpublished):
    MembershipFactory(
        board=board,
        person__surname="Seaman",
        role=Membership.Role.BY_INVITATION,
        capacity="Cabinet Member for Children and Young People",
    )

    response = public.get(board.get_absolute_url())

    assert response.status_code == 200
    assert "Councillor M Mutton (Chair)" in response.text
    assert "Councillor A Seaman (Cabinet Member for Children and Young People)" in response.text
    assert list(response.context["upcoming"]) == [meeting]


def test_an_inactive_board_answers_404(public, board):
    board.is_active = False
    board.save()

    assert public.get(board.get_absolute_url()).status_code == 404


def test_the_meeting_page_prints_the_front_sheet(public, meeting):
    response = public.get(meeting.get_absolute_url())

    assert response.status_code == 200
    assert "2.00 pm on Thursday, 15th September, 2016" in response.text
    assert "Committee Rooms 2 and 3 - Council House" in response.text
    assert "Briefing Note of the Director for Children&#x27;s Services" in response.text
    assert re.search(r"Private Business</h3>\s*<p class=\"govuk-body\">Nil</p>", response.text)


def test_the_public_see_a_private_item_but_not_its_paper(public, restricted):
    response = public.get(restricted.agenda_item.meeting.get_absolute_url())

    assert "Homes for Children in Care" in response.text
    assert "By virtue of paragraph(s) 1, 3 of Part 1 of Schedule 12A" in response.text
    assert restricted.get_absolute_url() not in response.text
    assert "Placements by provider" not in response.text


def test_a_board_member_sees_the_restricted_paper_on_the_meeting_page(member_client, restricted):
    response = member_client.get(restricted.agenda_item.meeting.get_absolute_url())

    assert restricted.get_absolute_url() in response.text
    assert "Placements by provider" in response.text


def test_a_public_document_answers_everyone(public, meeting):
    document = meeting.items.get().documents.get()

    response = public.get(document.get_absolute_url())

    assert response.status_code == 200
    assert "Quality Assurance Audits" in response.text
    assert "Agenda Item 1" in response.text


@pytest.mark.parametrize(
    ("persona", "status"),
    [
        ("public", 404),
        ("member_client", 404),
        ("other_member_client", 404),
        ("officer_client", 200),
        ("coordinator_client", 200),
        ("admin_client", 200),
    ],
)
def test_an_unpublished_meeting_is_seen_only_by_officers(request, unpublished, persona, status):
    client = request.getfixturevalue(persona)

    assert client.get(unpublished.get_absolute_url()).status_code == status


@pytest.mark.parametrize(
    ("persona", "status"),
    [
        ("public", 404),
        ("other_member_client", 404),
        ("member_client", 200),
        ("officer_client", 200),
        ("coordinator_client", 200),
        ("admin_client", 200),
    ],
)
def test_a_restricted_document_is_seen_only_by_its_boards_members_and_officers(
    request, restricted, persona, status
):
    client = request.getfixturevalue(persona)

    response = client.get(restricted.get_absolute_url())

    assert response.status_code == status
    if status == 200:
        assert "paragraph(s) 1, 3 of Part 1 of Schedule 12A" in response.text


def test_a_former_member_no_longer_sees_restricted_papers(member_client, member, restricted):
    Membership.objects.filter(person=member.person).update(end_date=datetime.date(2016, 9, 1))

    assert member_client.get(restricted.get_absolute_url()).status_code == 404


def test_a_document_of_an_unpublished_meeting_answers_404_to_members(member_client, unpublished):
    document = DocumentFactory(agenda_item__meeting=unpublished)

    assert member_client.get(document.get_absolute_url()).status_code == 404


def test_a_withdrawn_document_answers_404(officer_client, meeting):
    document = meeting.items.get().documents.get()
    document.withdrawn_at = timezone.now()
    document.save()

    assert officer_client.get(document.get_absolute_url()).status_code == 404


# Query counts: build N, count the queries, build as many again, and expect the same count.


def add_meetings(board, count: int, first: datetime.date) -> None:
    for week in range(count):
        MeetingFactory(board=board, date=first + datetime.timedelta(weeks=week), published=True)


def add_items(meeting, count: int) -> None:
    post = PostFactory()
    for _ in range(count):
        item = AgendaItemFactory(meeting=meeting, document_type="report", report_of=post)
        item.sub_items.create(position=1, label="a)", text="To agree the minutes")
        DocumentFactory(agenda_item=item)
        DocumentFactory(agenda_item=item, parent=item.documents.get())
        private = AgendaItemFactory(meeting=meeting, private=True)
        DocumentFactory(agenda_item=private, restricted=True)


def test_the_board_page_query_count_does_not_grow_with_meetings(
    public, board, council, django_assert_max_num_queries, django_assert_num_queries
):
    for _ in range(3):
        MembershipFactory(board=board)
    add_meetings(board, 3, datetime.date(2016, 6, 2))  # past
    add_meetings(board, 3, datetime.date(2016, 9, 8))  # upcoming
    with django_assert_max_num_queries(10) as captured:
        assert public.get(board.get_absolute_url()).status_code == 200

    for _ in range(3):
        MembershipFactory(board=board)
    add_meetings(board, 3, datetime.date(2016, 5, 5))
    add_meetings(board, 3, datetime.date(2016, 10, 6))

    with django_assert_num_queries(len(captured)):
        response = public.get(board.get_absolute_url())
    assert len(response.context["upcoming"]) == 6


@pytest.mark.parametrize("persona", ["public", "member_client", "officer_client"])
def test_the_meeting_page_query_count_does_not_grow_with_items(
    request, meeting, persona, django_assert_max_num_queries, django_assert_num_queries
):
    client = request.getfixturevalue(persona)
    add_items(meeting, 3)
    with django_assert_max_num_queries(15) as captured:
        assert client.get(meeting.get_absolute_url()).status_code == 200

    add_items(meeting, 3)

    with django_assert_num_queries(len(captured)):
        response = client.get(meeting.get_absolute_url())
    assert len(response.context["private_items"]) == 6


def test_the_home_page_query_count_does_not_grow_with_meetings(
    public, board, other_board, council, django_assert_max_num_queries, django_assert_num_queries
):
    add_meetings(board, 2, datetime.date(2016, 9, 8))
    add_meetings(other_board, 2, datetime.date(2016, 9, 8))
    with django_assert_max_num_queries(10) as captured:
        assert public.get(reverse("home")).status_code == 200

    add_meetings(board, 2, datetime.date(2016, 10, 6))
    add_meetings(other_board, 2, datetime.date(2016, 10, 6))

    with django_assert_num_queries(len(captured)):
        response = public.get(reverse("home"))
    assert len(response.context["upcoming"]) == 8
