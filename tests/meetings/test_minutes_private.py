"""The minute of a private (exempt) item once the minutes are published (issue 6).

Its number and title are public, with a note that it was considered in private under the
item's Schedule 12A paragraphs; its narrative, the matters questioned, requests and
resolution reach only those who see the item's exempt papers: members of the board on
the meeting's date, officers and the co-ordinator. The same rule (MinuteQuerySet
.readable_by / .with_withheld) decides the meeting's page, the minutes PDF, the next
meeting's packs, the decisions page and search.
"""

import datetime
import io
import re
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.contrib.auth.models import AnonymousUser
from django.db import transaction
from django.test import Client, override_settings
from django.urls import reverse
from pypdf import PdfReader

from boards.models import Council, User
from meetings.models import (
    AgendaItem,
    DiscussionPoint,
    Minute,
    Resolution,
    ResolutionPart,
)
from tests.factories import (
    AgendaItemFactory,
    BoardFactory,
    DocumentFactory,
    MeetingFactory,
    MembershipFactory,
    MinuteFactory,
    PersonFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db

SECRET = "SECRET-FEES-2c7e"
NOW = datetime.datetime(2024, 11, 20, 9, 0, tzinfo=ZoneInfo("Europe/London"))
NOTE = (
    "This item was considered in private. The press and public were excluded by virtue of "
    "paragraph(s) 1, 3 of Part 1 of Schedule 12A of the Local Government Act 1972."
)
# Long enough that the members' version of the minutes runs pages past the public one.
LONG = "".join(
    f"<p>{n}. " + f"Provider fees {SECRET} and placements. " * 30 + "</p>" for n in range(12)
)


def _build() -> dict:
    board = BoardFactory(
        name="Education Scrutiny Board", slug="private-minutes-board", keeps_tracker=True
    )
    member = PersonFactory(initials="M", surname="Mutton", councillor=True)
    MembershipFactory(board=board, person=member, start_date=datetime.date(2024, 5, 16))
    users = {
        "member": UserFactory(username="pm-member", person=member),
        "other": UserFactory(
            username="pm-other", person=PersonFactory(surname="Other", councillor=True)
        ),
        "officer": UserFactory(username="pm-officer", role=User.Role.OFFICER, is_staff=True),
        "coordinator": UserFactory(
            username="pm-coordinator", role=User.Role.COORDINATOR, is_staff=True
        ),
    }
    october = MeetingFactory(board=board, date=datetime.date(2024, 10, 17), published=True)
    public_item = AgendaItemFactory(meeting=october, number=5, title="Holiday Activities")
    private_item = AgendaItemFactory(
        meeting=october, number=10, private=True, title="Homes for Children in Care"
    )
    public_minute = MinuteFactory(
        meeting=october,
        number=41,
        title="Holiday Activities",
        agenda_item=public_item,
        body_html="<p>The Board noted the programme.</p>",
    )
    Resolution.objects.create(minute=public_minute, preamble="RESOLVED that")
    ResolutionPart.objects.create(
        resolution=public_minute.resolution, position=1, text="the report be noted"
    )
    private_minute = MinuteFactory(
        meeting=october,
        number=46,
        title="Homes for Children in Care",
        agenda_item=private_item,
        body_html=LONG,
        discussion_intro="The Board questioned officers on:",
    )
    DiscussionPoint.objects.create(minute=private_minute, position=1, text=f"Costs {SECRET}")
    resolution = Resolution.objects.create(minute=private_minute)
    part = ResolutionPart.objects.create(
        resolution=resolution, position=1, text=f"the fees be renegotiated {SECRET}"
    )
    from recommendations.services import tracker_item_create_from_part

    tracker_item_create_from_part(
        part=part, kind="A", text=f"Renegotiate the fees {SECRET}", user=users["officer"]
    )
    # A business item taken without an agenda item is public.
    MinuteFactory(meeting=october, number=47, title="Urgent Business", body_html="<p>None.</p>")
    october.minutes_published_at = NOW - datetime.timedelta(days=20)
    october.closed_at = datetime.time(16, 0)
    october.save()

    november = MeetingFactory(board=board, date=datetime.date(2024, 11, 28), published=True)
    AgendaItemFactory(meeting=november, number=1, kind=AgendaItem.Kind.MINUTES, title="Minutes")
    after = AgendaItemFactory(meeting=november, number=2, title="Attendance Report")
    DocumentFactory(agenda_item=after, title="Attendance note", body_html="<p>Attendance.</p>")
    AgendaItemFactory(
        meeting=november, number=3, kind=AgendaItem.Kind.OUTSTANDING_ISSUES, title="Outstanding"
    )

    from meetings.packs.build import pack_build

    rows = {row.audience: row for row in pack_build(meeting=november)}
    data = {audience: row.file.open("rb").read() for audience, row in rows.items()}
    return {
        "board": board,
        "october": october,
        "november": november,
        "private_minute": private_minute,
        "users": users,
        "packs": data,
        "rows": rows,
    }


@pytest.fixture(scope="module")
def world(django_db_setup, django_db_blocker, tmp_path_factory):
    traveller = time_machine.travel(NOW, tick=False)
    traveller.start()
    media = override_settings(MEDIA_ROOT=tmp_path_factory.mktemp("media"))
    media.enable()
    try:
        with django_db_blocker.unblock(), transaction.atomic():
            Council.load()
            yield _build()
            transaction.set_rollback(True)
    finally:
        media.disable()
        traveller.stop()


def _client(world, role: str) -> Client:
    client = Client()
    if role != "anonymous":
        client.force_login(world["users"][role])
    return client


def _pages(data: bytes) -> list[str]:
    return [" ".join((p.extract_text() or "").split()) for p in PdfReader(io.BytesIO(data)).pages]


def _flat(text: str) -> str:
    return " ".join(text.split())


@pytest.mark.parametrize(
    ("role", "reads"),
    [("anonymous", False), ("other", False), ("member", True), ("officer", True)],
)
def test_the_querysets_withhold_the_record_from_those_who_may_not_see_exempt_papers(
    world, role, reads
):
    user = AnonymousUser() if role == "anonymous" else world["users"][role]
    minute = world["private_minute"]
    # Its number and title are public with the minutes.
    assert Minute.objects.visible_to(user).filter(pk=minute.pk).exists()
    assert Minute.objects.readable_by(user).filter(pk=minute.pk).exists() is reads
    withheld = Minute.objects.with_withheld(user).get(pk=minute.pk).withheld
    assert bool(withheld) is not reads
    assert Resolution.objects.visible_to(user).filter(minute=minute).exists() is reads
    assert (
        ResolutionPart.objects.visible_to(user).filter(resolution__minute=minute).exists() is reads
    )
    # The public minute of the same meeting, and one without an agenda item, are read by
    # everyone.
    assert Minute.objects.readable_by(user).filter(number=41).exists()
    assert Minute.objects.readable_by(user).filter(number=47).exists()
    assert not Minute.objects.with_withheld(user).get(number=47).withheld
    # So are the tracker items made from its resolution.
    from recommendations.models import TrackerItem

    assert TrackerItem.objects.visible_to(user).filter(minute=minute).exists() is reads


@pytest.mark.parametrize(
    ("role", "reads"),
    [("anonymous", False), ("other", False), ("member", True), ("coordinator", True)],
)
def test_the_meeting_page_shows_number_title_and_note_only(world, role, reads):
    response = _client(world, role).get(world["october"].get_absolute_url())
    assert response.status_code == 200
    text = _flat(re.sub(r"<[^>]+>", " ", response.content.decode()))
    assert "Private Business" in text
    assert "46. Homes for Children in Care" in text
    assert "41. Holiday Activities" in text
    assert "The Board noted the programme." in text
    assert (SECRET in text) is reads
    assert ("The Board questioned officers on:" in text) is reads
    assert (NOTE in text) is not reads
    decisions = [m.number for m in response.context["decisions"]]
    assert decisions == ([41, 46] if reads else [41])


@pytest.mark.parametrize(("role", "reads"), [("anonymous", False), ("member", True)])
def test_the_decisions_page_lists_a_private_resolution_only_for_its_audience(world, role, reads):
    response = _client(world, role).get(reverse("meetings:decisions", args=[world["board"].slug]))
    assert response.status_code == 200
    content = response.content.decode()
    assert "the report be noted" in content
    assert ("the fees be renegotiated" in content) is reads


@pytest.mark.parametrize(("role", "reads"), [("anonymous", False), ("member", True)])
def test_the_minutes_pdf_withholds_the_record(world, role, reads):
    response = _client(world, role).get(
        reverse("meetings:pack_minutes", args=[world["october"].pk])
    )
    assert response.status_code == 200
    text = " ".join(_pages(b"".join(response.streaming_content)))
    assert "Public Business 41. Holiday Activities" in text
    assert "Private Business 46. Homes for Children in Care" in text
    assert (SECRET in text) is reads
    assert (NOTE in text) is not reads
    # (pypdf reads the list bullets, drawn as artifacts, at the end of the page)
    assert text.rstrip(" •").endswith("(Meeting closed at 4.00 pm)")


def test_the_public_pack_prints_the_note_and_keeps_the_full_packs_page_numbers(world):
    full, public = _pages(world["packs"]["full"]), _pages(world["packs"]["public"])
    full_text, public_text = " ".join(full), " ".join(public)
    # The members' pack prints the whole minute; the public pack its number, title, note.
    assert SECRET in full_text
    assert NOTE not in full_text
    assert SECRET not in public_text
    assert "46. Homes for Children in Care " + NOTE in public_text
    # The members' minutes run longer; the public pack pads them with blank pages so that
    # every later page has the number it has in the full pack.
    assert len(full) == len(public)
    ranges = world["rows"]["full"].page_ranges
    start, end = ranges["1"]
    assert end - start >= 3
    assert "This page is intentionally left blank" in public[end - 1]
    after = ranges["2"][0]
    assert "Attendance note" in full[after - 1] or "Attendance." in full[after - 1]
    assert full[after - 1] == public[after - 1]
    assert world["rows"]["public"].page_ranges == ranges


@pytest.mark.parametrize(("role", "reads"), [("anonymous", False), ("member", True)])
def test_search_finds_a_private_minute_only_for_its_audience(world, role, reads):
    response = _client(world, role).get(reverse("search"), {"q": "provider fees"})
    assert response.status_code == 200
    content = response.content.decode()
    assert ("#minute-46" in content) is reads
    # The snippet quotes the narrative only to those who may read it.
    text = re.sub(r"<[^>]+>", "", content).lower()
    assert ("and placements" in text) is reads


def test_the_public_packs_outstanding_issues_report_leaves_out_private_items(world):
    full = " ".join(_pages(world["packs"]["full"]))
    public = " ".join(_pages(world["packs"]["public"]))
    assert "Renegotiate the fees" in full
    assert "members' version of this report only" not in full
    assert "Renegotiate the fees" not in public
    assert (
        "1 item arising from business considered in private is in the members' version of "
        "this report only." in public
    )
