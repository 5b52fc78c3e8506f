"""`visible_to(user)`, model by model: what each persona may see (design.md "Who sees what").

Every page, feed, search and download lists through these methods, so this file is the
policy's unit test; tests/test_leak_matrix.py checks the channels that use it.
"""

import datetime

import pytest
from django.contrib.auth.models import AnonymousUser
from django.urls import reverse
from django.utils import timezone

from boards.models import Membership
from meetings.models import (
    AgendaItem,
    Attendance,
    Declaration,
    Document,
    Meeting,
    Minute,
    Resolution,
    ResolutionPart,
    WorkProgramme,
)
from recommendations.models import TrackerItem
from tests.factories import (
    AgendaItemFactory,
    DocumentFactory,
    MeetingFactory,
    MembershipFactory,
    MinuteFactory,
    MunicipalYearFactory,
    PersonFactory,
    ResolutionPartFactory,
    TrackerItemFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db

PERSONAS = ["public", "member", "other_member", "officer", "coordinator", "admin_user"]


def _published(day: datetime.date) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(9)))


def _minuted(meeting: Meeting, published: bool) -> Meeting:
    """Give a meeting a minute with a resolution part, attendance and a declaration."""
    minute = MinuteFactory(meeting=meeting)
    ResolutionPartFactory(resolution__minute=minute)
    person = PersonFactory(councillor=True)
    Attendance.objects.create(meeting=meeting, person=person, category="member")
    Declaration.objects.create(
        meeting=meeting, person=person, kind="other_registrable", interest="School governor"
    )
    if published:
        meeting.minutes_published_at = _published(meeting.date)
        meeting.save()
    return meeting


@pytest.fixture
def world(board, other_board, council) -> dict[str, Meeting]:
    """Board A: a held meeting (minutes published) with public, private and exempt papers;
    a held meeting whose minutes are still a draft; an unpublished meeting. Board B: one
    published meeting with an exempt paper."""
    held = _minuted(
        MeetingFactory(board=board, date=datetime.date(2016, 7, 21), published=True), True
    )
    public_item = AgendaItemFactory(meeting=held, title="Quality Assurance")
    report = DocumentFactory(agenda_item=public_item, title="public report")
    DocumentFactory(agenda_item=public_item, parent=report, title="public appendix")
    private_item = AgendaItemFactory(meeting=held, private=True, title="Children in care")
    exempt = DocumentFactory(agenda_item=private_item, restricted=True, title="exempt paper")
    # Exempt by where they sit, though nobody ticked "restricted":
    DocumentFactory(agenda_item=private_item, title="unticked paper under a private item")
    DocumentFactory(agenda_item=public_item, parent=exempt, title="appendix of an exempt paper")
    DocumentFactory(agenda_item=public_item, title="withdrawn", withdrawn_at=timezone.now())

    draft_minutes = _minuted(
        MeetingFactory(board=board, date=datetime.date(2016, 9, 15), published=True), False
    )
    unpublished = MeetingFactory(board=board, date=datetime.date(2016, 11, 10))
    DocumentFactory(agenda_item__meeting=unpublished, title="draft paper")
    _minuted(unpublished, False)

    other = MeetingFactory(board=other_board, date=datetime.date(2016, 9, 20), published=True)
    DocumentFactory(agenda_item__meeting=other, restricted=True, title="board B exempt paper")
    DocumentFactory(agenda_item__meeting=other, title="board B public paper")

    for meeting in (held, draft_minutes, unpublished, other):
        TrackerItemFactory(source_meeting=meeting)
    return {"held": held, "draft_minutes": draft_minutes, "unpublished": unpublished}


def _user(request, persona: str):
    return AnonymousUser() if persona == "public" else request.getfixturevalue(persona)


# (persona, meetings, agenda items, documents, minutes-and-their-parts, tracker items)
MATRIX = [
    ("public", 3, 4, 3, 1, 3),
    ("member", 3, 4, 6, 1, 3),
    ("other_member", 3, 4, 4, 1, 3),
    ("officer", 4, 5, 9, 3, 4),
    ("coordinator", 4, 5, 9, 3, 4),
    ("admin_user", 4, 5, 9, 3, 4),
]


@pytest.mark.parametrize(
    ("persona", "meetings", "items", "documents", "minutes", "tracker"), MATRIX
)
def test_each_persona_sees_what_design_md_allows(
    request, world, persona, meetings, items, documents, minutes, tracker
):
    user = _user(request, persona)

    assert Meeting.objects.visible_to(user).count() == meetings
    assert AgendaItem.objects.visible_to(user).count() == items
    assert Document.objects.visible_to(user).count() == documents
    for model in (Minute, Resolution, ResolutionPart, Attendance, Declaration):
        assert model.objects.visible_to(user).count() == minutes, model.__name__
    assert TrackerItem.objects.visible_to(user).count() == tracker


def test_the_public_see_only_public_papers(world):
    titles = set(Document.objects.visible_to(AnonymousUser()).values_list("title", flat=True))

    assert titles == {"public report", "public appendix", "board B public paper"}


def test_a_member_sees_the_exempt_papers_of_their_own_board_only(world, member, other_member):
    mine = set(Document.objects.visible_to(member).values_list("title", flat=True))
    theirs = set(Document.objects.visible_to(other_member).values_list("title", flat=True))

    assert mine == {
        "public report",
        "public appendix",
        "exempt paper",
        "unticked paper under a private item",
        "appendix of an exempt paper",
        "board B public paper",
    }
    assert theirs == {
        "public report",
        "public appendix",
        "board B exempt paper",
        "board B public paper",
    }


def test_private_items_are_listed_on_a_published_agenda(world):
    titles = AgendaItem.objects.visible_to(AnonymousUser()).values_list("title", flat=True)

    assert "Children in care" in titles


def test_nobody_but_officers_sees_anything_of_an_unpublished_meeting(world, member):
    unpublished = world["unpublished"]

    for user in (AnonymousUser(), None, member):
        assert not Meeting.objects.visible_to(user).filter(pk=unpublished.pk).exists()
        assert not AgendaItem.objects.visible_to(user).filter(meeting=unpublished).exists()
        assert (
            not Document.objects.visible_to(user).filter(agenda_item__meeting=unpublished).exists()
        )
        assert not Minute.objects.visible_to(user).filter(meeting=unpublished).exists()


def test_a_member_with_two_memberships_of_the_board_gets_each_paper_once(world, member, board):
    # A second, overlapping membership: Chair from 1 May, and a new term from 1 June.
    MembershipFactory(board=board, person=member.person, start_date=datetime.date(2016, 6, 1))
    assert Membership.objects.filter(person=member.person, board=board).count() == 2

    visible = Document.objects.visible_to(member)

    assert visible.count() == 6
    assert len(list(visible)) == len({document.pk for document in visible})
    assert visible.filter(title="exempt paper").count() == 1


def test_membership_counts_on_the_meeting_date(world, board):
    """Exempt papers go to those on the board when it met, not before or after."""
    before = UserFactory(person=PersonFactory(councillor=True))
    MembershipFactory(
        board=board,
        person=before.person,
        start_date=datetime.date(2015, 5, 1),
        end_date=datetime.date(2016, 7, 20),
    )
    after = UserFactory(person=PersonFactory(councillor=True))
    MembershipFactory(board=board, person=after.person, start_date=datetime.date(2016, 7, 22))
    on_the_day = UserFactory(person=PersonFactory(councillor=True))
    MembershipFactory(
        board=board,
        person=on_the_day.person,
        start_date=datetime.date(2016, 5, 1),
        end_date=datetime.date(2016, 7, 21),
    )

    def sees_exempt(user) -> bool:
        return Document.objects.visible_to(user).filter(title="exempt paper").exists()

    assert not sees_exempt(before)
    assert not sees_exempt(after)
    assert sees_exempt(on_the_day)


def test_a_user_without_a_person_sees_what_the_public_sees(world):
    login_only = UserFactory(role="member", person=None)

    assert set(Document.objects.visible_to(login_only)) == set(
        Document.objects.visible_to(AnonymousUser())
    )


def test_work_programmes_are_public(board, council):
    WorkProgramme.objects.create(board=board, municipal_year=MunicipalYearFactory(), is_draft=True)

    assert WorkProgramme.objects.visible_to(AnonymousUser()).count() == 1


# Caches (security.md): a page served to a signed-in user must never be stored and served
# to the public by a proxy or CDN.


@pytest.mark.parametrize("persona", ["member_client", "officer_client", "coordinator_client"])
def test_pages_for_signed_in_users_are_not_stored_by_caches(request, persona, council):
    client = request.getfixturevalue(persona)

    response = client.get(reverse("boards:board_list"))

    assert response.status_code == 200
    assert response["Cache-Control"] == "private, no-store"
    assert "Cookie" in response["Vary"]


def test_public_pages_are_left_cacheable(public, council):
    response = public.get(reverse("boards:board_list"))

    assert response.status_code == 200
    assert "no-store" not in response.get("Cache-Control", "")


def test_a_view_that_sets_its_own_caching_keeps_it(member_client, council):
    response = member_client.get(reverse("council_css"))

    assert response["Cache-Control"] == "public, max-age=300"
    assert "Cookie" in response["Vary"]
