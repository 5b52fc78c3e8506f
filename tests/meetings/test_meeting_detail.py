"""The meeting page: front sheet, agenda, minutes with attendance, decisions."""

import datetime
from zoneinfo import ZoneInfo

import pytest
from django.urls import reverse
from django.utils import timezone

from boards.models import OrgUnit
from meetings.models import Attendance, Meeting, WorkProgramme
from tests.factories import (
    AgendaItemFactory,
    DocumentFactory,
    MeetingFactory,
    MinuteFactory,
    PersonFactory,
    ResolutionFactory,
    ResolutionPartFactory,
    TrackerItemFactory,
)

pytestmark = pytest.mark.django_db

LONDON = ZoneInfo("Europe/London")


@pytest.fixture(autouse=True)
def today(time_machine) -> datetime.date:
    time_machine.move_to(datetime.datetime(2016, 9, 1, 9, 0, tzinfo=LONDON), tick=False)
    return datetime.date(2016, 9, 1)


@pytest.fixture
def held(council, board) -> Meeting:
    """Thursday 21 July 2016: held, closed at 4.00 pm, its minutes published in draft."""
    return MeetingFactory(
        board=board,
        date=datetime.date(2016, 7, 21),
        published=True,
        status=Meeting.Status.HELD,
        closed_at=datetime.time(16, 0),
        minutes_published_at=timezone.make_aware(datetime.datetime(2016, 9, 7, 10)),
    )


def attend(meeting: Meeting, surname: str, category: str = "member", **details) -> Attendance:
    councillor = category in {"member", "cabinet_member", "other_member"}
    person = details.pop("person", None) or PersonFactory(
        initials=details.pop("initials", "A"), surname=surname, is_councillor=councillor
    )
    return Attendance.objects.create(meeting=meeting, person=person, category=category, **details)


def add_minute(meeting: Meeting, title: str = "Quality Assurance Auditing"):
    minute = MinuteFactory(
        meeting=meeting,
        title=title,
        body_html="<p>The Board considered a Briefing Note.</p>",
        discussion_intro="Having considered the report the Scrutiny Board questioned "
        "those present on the following:",
        requests_intro="Officers agreed to provide further information to Members on the "
        "following:",
    )
    minute.discussion_points.create(position=1, text="The number of audits completed")
    minute.requests.create(
        position=1, kind="officer_undertaking", label="1.", text="Audit figures by team"
    )
    resolution = ResolutionFactory(minute=minute, preamble="RESOLVED that:")
    first = ResolutionPartFactory(resolution=resolution, label="1)", text="The report be noted.")
    first.bullets.create(position=1, text="with thanks to officers")
    ResolutionPartFactory(resolution=resolution, label="2)", text="A further report comes back.")
    return minute


@pytest.mark.parametrize(
    ("persona", "status"),
    [
        ("public", 200),
        ("other_member_client", 200),
        ("member_client", 200),
        ("officer_client", 200),
    ],
)
def test_a_published_meeting_answers_everyone(request, held, persona, status):
    client = request.getfixturevalue(persona)

    assert client.get(held.get_absolute_url()).status_code == status


def test_the_meeting_page_refuses_a_post(public, held):
    assert public.post(held.get_absolute_url()).status_code == 405


def test_an_unknown_meeting_answers_404(public, db):
    assert public.get(reverse("meetings:meeting_detail", args=[999])).status_code == 404


def test_it_prints_the_attendance_blocks_as_the_minutes_do(public, held):
    attend(held, "Mutton", initials="M", is_chair=True)
    attend(held, "Akhtar", initials="N")
    lucas = PersonFactory(initials="A", surname="Lucas", is_councillor=True)
    attend(held, "Lancaster", initials="R", substitute_for=lucas)
    attend(held, "Hanson", "co_opted", initials="S")
    attend(
        held,
        "Gregg",
        "officer",
        initials="J",
        org_unit=OrgUnit.objects.create(name="People Directorate", kind=OrgUnit.Kind.DIRECTORATE),
    )
    attend(held, "Duggins", "invited", initials="G", description="Leader Coventry City Council")
    attend(held, "Lucas", status="apologies", person=lucas)
    attend(held, "Jones", "co_opted", initials="K", status="apologies")

    text = public.get(held.get_absolute_url()).text

    chair = text.index("Councillor M Mutton (Chair)")
    assert chair < text.index("Councillor N Akhtar") < text.index("Councillor R Lancaster")
    assert "Councillor R Lancaster (substitute for Councillor Lucas)" in text
    assert "Co-Opted Members" in text and "A Hanson" not in text
    assert "Employees (by Directorate)" in text
    assert "J Gregg, People Directorate" in text
    assert "G Duggins – Leader Coventry City Council" in text
    assert "Councillor A Lucas" in text and "K Jones" in text


def test_it_groups_employees_by_service_area(public, held):
    childrens = OrgUnit.objects.create(name="Children's Services")
    for initials, surname in [("N", "Stirling"), ("H", "Bedford"), ("M", "Clayton")]:
        attend(held, surname, "officer", initials=initials, org_unit=childrens)

    text = public.get(held.get_absolute_url()).text

    assert "Employees (by Service Area)" in text
    assert "Children&#x27;s Services: H Bedford, M Clayton, N Stirling" in text


def test_it_prints_numbered_minutes_with_their_resolution(public, held):
    minute = add_minute(held)

    response = public.get(held.get_absolute_url())

    text = response.text
    assert f'id="minute-{minute.number}"' in text
    assert f"{minute.number}. Quality Assurance Auditing" in text
    assert "questioned those present on the following:" in text
    assert "1. Audit figures by team" in text
    assert "RESOLVED that:" in text
    assert "1) The report be noted." in text and "with thanks to officers" in text
    assert "(Meeting closed at 4.00 pm)" in text
    assert "Draft minutes" in text
    assert f'href="#minute-{minute.number}">Minute {minute.number}' in text


def test_it_sanitises_the_minute_narrative(public, held):
    minute = add_minute(held)
    minute.body_html = '<p onclick="steal()">Noted.<script>alert(1)</script></p>'
    minute.save()

    text = public.get(held.get_absolute_url()).text

    assert "<p>Noted.</p>" in text
    assert "alert(1)" not in text and "steal()" not in text


def test_approved_minutes_say_where_they_were_approved(public, held, board):
    later = MeetingFactory(board=board, date=datetime.date(2016, 9, 15), published=True)
    held.minutes_approved_at = later
    held.save()
    add_minute(held)

    text = public.get(held.get_absolute_url()).text

    assert "Approved at the meeting on Thursday, 15 September 2016" in text
    assert "Draft minutes" not in text


@pytest.mark.parametrize(
    ("persona", "sees_minutes"),
    [("public", False), ("member_client", False), ("officer_client", True)],
)
def test_unpublished_minutes_are_seen_only_by_officers(request, held, persona, sees_minutes):
    held.minutes_published_at = None
    held.save()
    add_minute(held, title="Canary minute")
    attend(held, "Canary", initials="C")
    client = request.getfixturevalue(persona)

    text = client.get(held.get_absolute_url()).text

    assert ("Canary minute" in text) is sees_minutes
    assert ("Councillor C Canary" in text) is sees_minutes


def test_a_cancelled_meeting_says_so(public, board, council):
    meeting = MeetingFactory(board=board, published=True, status=Meeting.Status.CANCELLED)

    assert "This meeting has been cancelled." in public.get(meeting.get_absolute_url()).text


def test_a_moved_meeting_names_its_original_date(public, board, council):
    meeting = MeetingFactory(
        board=board,
        date=datetime.date(2016, 9, 22),
        published=True,
        status=Meeting.Status.MOVED,
        moved_from_date=datetime.date(2016, 9, 15),
    )

    text = public.get(meeting.get_absolute_url()).text

    assert "This meeting was moved from Thursday, 15 September 2016." in text


@pytest.mark.parametrize(
    ("persona", "sees_deadline"), [("public", False), ("officer_client", True)]
)
def test_the_publication_deadline_is_shown_to_officers(
    request, board, council, persona, sees_deadline
):
    meeting = MeetingFactory(board=board, date=datetime.date(2016, 9, 15), published=True)
    client = request.getfixturevalue(persona)

    text = client.get(meeting.get_absolute_url()).text

    assert ("Publish by" in text) is sees_deadline
    if sees_deadline:
        assert "Wednesday, 7 September 2016" in text


def test_an_uploaded_pdf_links_to_its_file(public, held):
    document = DocumentFactory(
        agenda_item=AgendaItemFactory(meeting=held), source="uploaded", file="documents/x.pdf"
    )

    text = public.get(held.get_absolute_url()).text

    assert reverse("meetings:document_file", args=[document.pk]) in text
    assert f'href="{document.get_absolute_url()}"' not in text


def add_minutes_and_attendance(meeting: Meeting, count: int) -> None:
    for _ in range(count):
        add_minute(meeting)
        attend(meeting, "Member", substitute_for=PersonFactory(is_councillor=True))
        attend(meeting, "Officer", "officer", org_unit=OrgUnit.objects.get_or_create(name="Law")[0])
        AgendaItemFactory(meeting=meeting)


@pytest.mark.parametrize("persona", ["public", "member_client", "officer_client"])
def test_the_query_count_does_not_grow_with_minutes_or_attendance(
    request, held, persona, django_assert_max_num_queries, django_assert_num_queries
):
    client = request.getfixturevalue(persona)
    add_minutes_and_attendance(held, 2)
    with django_assert_max_num_queries(20) as captured:
        assert client.get(held.get_absolute_url()).status_code == 200

    add_minutes_and_attendance(held, 2)

    with django_assert_num_queries(len(captured)):
        response = client.get(held.get_absolute_url())
    assert len(response.context["minutes"]) == 4


def test_the_work_programme_item_links_to_the_boards_work_programme_for_that_year(client, held):
    AgendaItemFactory(meeting=held, number=1, kind="work_programme", title="Work Programme")
    link_text = f"Work programme {held.municipal_year.label}"
    assert link_text not in client.get(held.get_absolute_url()).content.decode()
    WorkProgramme.objects.create(board=held.board, municipal_year=held.municipal_year)

    response = client.get(reverse("meetings:meeting_detail", args=[held.pk]))

    link = (
        reverse("boards:work_programme", args=[held.board.slug]) + f"?year={held.municipal_year_id}"
    )
    assert f'href="{link}"' in response.content.decode()
    assert f"Work programme {held.municipal_year.label}" in response.content.decode()
    assert client.get(link).status_code == 200


@pytest.fixture
def tracked_board_minute(held):
    """The 21 July 2016 minutes of a board that keeps a tracker; part 1 already tracked."""
    held.board.keeps_tracker = True
    held.board.save()
    minute = add_minute(held)
    first, second = minute.resolution.parts.order_by("position")
    item = TrackerItemFactory(source_meeting=held, minute=minute, resolution_part=first)
    return minute, first, second, item


def test_officers_can_put_a_resolution_part_on_the_tracker_from_the_minutes(
    officer_client, tracked_board_minute
):
    minute, first, second, item = tracked_board_minute

    page = officer_client.get(minute.meeting.get_absolute_url()).content.decode()

    add_part = reverse("recommendations:trackeritem_create_from_part") + f"?part={second.pk}"
    assert f'href="{add_part}"' in page
    assert f'href="{reverse("recommendations:trackeritem_detail", args=[item.pk])}"' in page
    add_request = reverse("recommendations:trackeritem_create_from_part") + f"?minute={minute.pk}"
    assert f'href="{add_request}"' in page
    assert officer_client.get(add_part).status_code == 200


@pytest.mark.parametrize("persona", ["public", "member_client"])
def test_readers_see_no_tracker_links_on_the_minutes(request, persona, tracked_board_minute):
    minute = tracked_board_minute[0]
    client = request.getfixturevalue(persona)

    page = client.get(minute.meeting.get_absolute_url()).content.decode()

    assert "Add to the tracker" not in page
    assert "On the tracker" not in page
    assert reverse("recommendations:trackeritem_create_from_part") not in page
