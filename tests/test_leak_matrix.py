"""The leak matrix: every role × every channel, with canary text in an exempt paper and in
an unpublished meeting (issue 3, "Done when"; security.md "Figures we measure").

design.md "Who sees what" decides each cell:

- the exempt canary (a restricted paper of board A) reaches members of board A, officers
  and the co-ordinator, and no one else;
- the draft canary (an unpublished meeting of board A, and the unpublished draft minutes
  and resolution of a published one) reaches officers and the co-ordinator only;
- the private-minute canary (the narrative, matters questioned and resolution of the
  published minute of a private item, issue 6) reaches the same audience as exempt papers:
  everyone else reads only the minute's number and title, on the meeting's page, in the
  minutes PDF, in the next meeting's public pack and in search;
- feeds are public (security.md: `visible_to` for the anonymous user), so neither canary
  is in any feed, whoever asks.

Where a role may see a canary and the channel is one that shows it (the paper's own page,
its file, its meeting's page, a search for it), the canary must be there: that proves the
cell looked at the right thing. Everywhere else it must be absent, in the body and in the
headers, in any letter case; and so must links to the papers, files and meeting that
carry it. A search page repeats its query, so a search for a canary itself is checked
by those links, with the query's own echo taken out.
"""

import datetime
import html
from dataclasses import dataclass, field
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.core.files.base import ContentFile
from django.db import transaction
from django.test import Client, override_settings
from django.urls import NoReverseMatch, reverse
from django.utils.html import strip_tags

from boards.models import User
from meetings.models import (
    AgendaItem,
    Attendance,
    DiscussionPoint,
    Document,
    Minute,
    MinuteRequest,
    Resolution,
    ResolutionPart,
    WorkProgramme,
    WorkProgrammeItem,
)
from tests.factories import (
    AgendaItemFactory,
    BoardFactory,
    DocumentFactory,
    MeetingFactory,
    MembershipFactory,
    PersonFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db

EXEMPT = "CANARY-EXEMPT-7f3a"
DRAFT = "CANARY-DRAFT-91c2"
PRIVATE = "CANARY-PRIVATE-MINUTE-4b8d"
CANARIES = (EXEMPT, DRAFT, PRIVATE)
AUDIENCE = {
    EXEMPT: {"member_a", "officer", "coordinator"},
    DRAFT: {"officer", "coordinator"},
    PRIVATE: {"member_a", "officer", "coordinator"},
}
ROLES = ["anonymous", "member_a", "member_b", "officer", "coordinator"]
NOW = datetime.datetime(2024, 11, 1, 9, 0, tzinfo=ZoneInfo("Europe/London"))


def _pdf(text: str) -> bytes:
    """A one-page PDF whose content stream carries `text` uncompressed."""
    stream = f"BT /F1 12 Tf 10 100 Td ({text}) Tj ET".encode()
    return (
        b"%PDF-1.4\n1 0 obj <</Type/Catalog/Pages 2 0 R>> endobj\n"
        b"2 0 obj <</Type/Pages/Kids[3 0 R]/Count 1>> endobj\n"
        b"3 0 obj <</Type/Page/Parent 2 0 R/MediaBox[0 0 200 200]/Contents 4 0 R>> endobj\n"
        b"4 0 obj <</Length " + str(len(stream)).encode() + b">> stream\n" + stream + b"\n"
        b"endstream endobj\ntrailer <</Root 1 0 R>>\n%%EOF\n"
    )


def _build() -> dict:
    board_a = BoardFactory(name="Education Scrutiny Board", slug="board-a", keeps_tracker=True)
    board_b = BoardFactory(name="Health Scrutiny Board", slug="board-b")
    person_a = PersonFactory(initials="M", surname="Mutton", councillor=True)
    person_b = PersonFactory(initials="D", surname="Kershaw", councillor=True)
    MembershipFactory(board=board_a, person=person_a, start_date=datetime.date(2024, 5, 16))
    MembershipFactory(board=board_b, person=person_b, start_date=datetime.date(2024, 5, 16))
    users = {
        "member_a": UserFactory(username="member_a", person=person_a),
        "member_b": UserFactory(username="member_b", person=person_b),
        "officer": UserFactory(username="officer", role=User.Role.OFFICER, is_staff=True),
        "coordinator": UserFactory(
            username="coordinator", role=User.Role.COORDINATOR, is_staff=True
        ),
    }

    # Board A, October: published minutes with a minute of a private item (issue 6). Its
    # number and title are public; what it records is exempt.
    october = MeetingFactory(board=board_a, date=datetime.date(2024, 10, 17), published=True)
    october_private = AgendaItemFactory(
        meeting=october, private=True, title="Homes for Children in Care"
    )
    private_minute = Minute.objects.create(
        meeting=october,
        board=board_a,
        municipal_year=october.municipal_year,
        number=30,
        title="Homes for Children in Care",
        agenda_item=october_private,
        body_html=f"<p>Placement sufficiency costs {PRIVATE}</p>",
        discussion_intro="The Board questioned officers on:",
    )
    DiscussionPoint.objects.create(minute=private_minute, position=1, text=f"Provider {PRIVATE}")
    MinuteRequest.objects.create(
        minute=private_minute,
        position=1,
        kind=MinuteRequest.Kind.BOARD_REQUEST,
        text=f"Figures by provider {PRIVATE}",
    )
    private_resolution = Resolution.objects.create(minute=private_minute)
    ResolutionPart.objects.create(
        resolution=private_resolution, position=1, text=f"Negotiate the fee {PRIVATE}"
    )
    type(october).objects.filter(pk=october.pk).update(minutes_published_at=NOW)
    from recommendations.services import tracker_item_create_from_part

    tracker_item_create_from_part(
        part=private_resolution.parts.get(),
        kind="A",
        text=f"Renegotiate the fee {PRIVATE}",
        user=users["officer"],
    )

    # Board A, published: a public report and, under a private item, two exempt papers.
    published = MeetingFactory(board=board_a, date=datetime.date(2024, 11, 14), published=True)
    # Its minutes item prints October's minutes in the pack.
    AgendaItemFactory(meeting=published, kind=AgendaItem.Kind.MINUTES, title="Minutes")
    report = AgendaItemFactory(meeting=published, title="Quality Assurance Auditing")
    DocumentFactory(agenda_item=report, title="Quality Assurance Audits")
    private = AgendaItemFactory(meeting=published, private=True, title="Homes for Children")
    exempt = DocumentFactory(
        agenda_item=private,
        restricted=True,
        title=f"Placements by provider {EXEMPT}",
        body_html=f"<p>Weekly cost per placement: {EXEMPT}</p>",
    )
    exempt_pdf = DocumentFactory(
        agenda_item=private,
        restricted=True,
        source=Document.Source.UPLOADED,
        title=f"Contract prices {EXEMPT}",
        body_html="",
        file=ContentFile(_pdf(EXEMPT), name="upload.pdf"),
    )
    Attendance.objects.create(meeting=published, person=person_a, category="member")
    # Its minutes are written but not published: draft minutes, for officers only.
    draft_minute = Minute.objects.create(
        meeting=published,
        board=board_a,
        municipal_year=published.municipal_year,
        number=1,
        title="Quality Assurance Auditing",
        body_html=f"<p>Draft minute {DRAFT}</p>",
    )
    resolution = Resolution.objects.create(minute=draft_minute)
    ResolutionPart.objects.create(resolution=resolution, position=1, text=f"Resolved {DRAFT}")

    # Board A, unpublished: the canary in an item's title, a paper and an uploaded file.
    unpublished = MeetingFactory(board=board_a, date=datetime.date(2024, 11, 21))
    draft_item = AgendaItemFactory(meeting=unpublished, title=f"Budget options {DRAFT}")
    draft = DocumentFactory(
        agenda_item=draft_item,
        title=f"Savings proposals {DRAFT}",
        body_html=f"<p>Proposal: {DRAFT}</p>",
    )
    draft_pdf = DocumentFactory(
        agenda_item=draft_item,
        source=Document.Source.UPLOADED,
        title="Savings appendix",
        body_html="",
        file=ContentFile(_pdf(DRAFT), name="upload.pdf"),
    )

    # Board B, published, with its own public paper.
    other = MeetingFactory(board=board_b, date=datetime.date(2024, 11, 19), published=True)
    DocumentFactory(agenda_item__meeting=other, title="Hospital discharge")

    # Board A's work programme names both meetings (the topics are public).
    programme = WorkProgramme.objects.create(board=board_a, municipal_year=published.municipal_year)
    for position, meeting in enumerate((published, unpublished), start=1):
        WorkProgrammeItem.objects.create(
            programme=programme, meeting=meeting, position=position, title=f"Topic {position}"
        )

    # The agenda packs of board A's meetings (issue 5), built as publishing would.
    from meetings.packs.build import pack_build

    pack_build(meeting=published)
    pack_build(meeting=unpublished)

    return {
        "users": users,
        "board_a": board_a,
        "person_a": person_a,
        "published": published,
        "october": october,
        "unpublished": unpublished,
        "other": other,
        "exempt": exempt,
        "exempt_pdf": exempt_pdf,
        "draft": draft,
        "draft_pdf": draft_pdf,
    }


@pytest.fixture(scope="module")
def world(django_db_setup, django_db_blocker, tmp_path_factory):
    """The data, built once for the module and rolled back after it; 1 November 2024."""
    traveller = time_machine.travel(NOW, tick=False)
    traveller.start()
    media = override_settings(MEDIA_ROOT=tmp_path_factory.mktemp("media"))
    media.enable()
    try:
        with django_db_blocker.unblock(), transaction.atomic():
            yield _build()
            transaction.set_rollback(True)
    finally:
        media.disable()
        traveller.stop()


@dataclass(frozen=True)
class Channel:
    """A URL by name, the canaries it shows to those allowed to see them, and the canary
    (if any) whose audience alone may open it at all (everyone else gets 404)."""

    url_name: str
    kwargs: object = None  # world -> dict
    query: dict = field(default_factory=dict)
    shows: frozenset = frozenset()
    gate: str | None = None
    feed: bool = False

    @property
    def echo(self) -> str:
        """What the page repeats back from the request: the search query."""
        return self.query.get("q", "").lower()


CHANNELS = {
    "home": Channel("home"),
    "board list": Channel("boards:board_list"),
    "board A": Channel("boards:board_detail", lambda w: {"slug": w["board_a"].slug}),
    "board A work programme": Channel(
        "boards:work_programme", lambda w: {"slug": w["board_a"].slug}
    ),
    "person (member of A)": Channel("boards:person_detail", lambda w: {"pk": w["person_a"].pk}),
    "calendar November 2024": Channel("meetings:calendar", query={"month": "2024-11"}),
    "calendar of board A": Channel(
        "meetings:calendar", query={"month": "2024-11", "board": "board-a"}
    ),
    "meeting A published": Channel(
        "meetings:meeting_detail",
        lambda w: {"pk": w["published"].pk},
        shows=frozenset({EXEMPT, DRAFT}),
    ),
    "decisions of board A": Channel(
        "meetings:decisions",
        lambda w: {"slug": w["board_a"].slug},
        shows=frozenset({DRAFT, PRIVATE}),
    ),
    "tracker of board A": Channel(
        "recommendations:board_recommendations",
        lambda w: {"slug": w["board_a"].slug},
        shows=frozenset({PRIVATE}),
    ),
    "outstanding issues for meeting A": Channel(
        "recommendations:outstanding_issues",
        lambda w: {"pk": w["published"].pk},
        shows=frozenset({PRIVATE}),
    ),
    "meeting A October (minutes published)": Channel(
        "meetings:meeting_detail", lambda w: {"pk": w["october"].pk}, shows=frozenset({PRIVATE})
    ),
    "minutes PDF of October": Channel(
        "meetings:pack_minutes", lambda w: {"pk": w["october"].pk}, shows=frozenset({PRIVATE})
    ),
    "meeting A unpublished": Channel(
        "meetings:meeting_detail",
        lambda w: {"pk": w["unpublished"].pk},
        shows=frozenset({DRAFT}),
        gate=DRAFT,
    ),
    "meeting B": Channel("meetings:meeting_detail", lambda w: {"pk": w["other"].pk}),
    "exempt document": Channel(
        "meetings:document_detail",
        lambda w: {"pk": w["exempt"].pk},
        shows=frozenset({EXEMPT}),
        gate=EXEMPT,
    ),
    "exempt uploaded PDF page": Channel(
        "meetings:document_detail",
        lambda w: {"pk": w["exempt_pdf"].pk},
        shows=frozenset({EXEMPT}),
        gate=EXEMPT,
    ),
    "exempt uploaded PDF file": Channel(
        "meetings:document_file",
        lambda w: {"pk": w["exempt_pdf"].pk},
        shows=frozenset({EXEMPT}),
        gate=EXEMPT,
    ),
    "draft document": Channel(
        "meetings:document_detail",
        lambda w: {"pk": w["draft"].pk},
        shows=frozenset({DRAFT}),
        gate=DRAFT,
    ),
    "draft uploaded PDF file": Channel(
        "meetings:document_file",
        lambda w: {"pk": w["draft_pdf"].pk},
        shows=frozenset({DRAFT}),
        gate=DRAFT,
    ),
    "public pack A": Channel("meetings:pack_public", lambda w: {"pk": w["published"].pk}),
    "full pack A": Channel(
        "meetings:pack_full",
        lambda w: {"pk": w["published"].pk},
        shows=frozenset({EXEMPT, PRIVATE}),
        gate=EXEMPT,
    ),
    "public pack A unpublished": Channel(
        "meetings:pack_public",
        lambda w: {"pk": w["unpublished"].pk},
        shows=frozenset({DRAFT}),
        gate=DRAFT,
    ),
    "full pack A unpublished": Channel(
        "meetings:pack_full",
        lambda w: {"pk": w["unpublished"].pk},
        shows=frozenset({DRAFT}),
        gate=DRAFT,
    ),
    "search for the exempt canary": Channel("search", query={"q": EXEMPT}),
    "search for the draft canary": Channel("search", query={"q": DRAFT}),
    "search for 'canary'": Channel("search", query={"q": "canary"}),
    "search for an exempt title": Channel(
        "search", query={"q": "placements"}, shows=frozenset({EXEMPT})
    ),
    "search for exempt text": Channel("search", query={"q": "weekly cost"}),
    "search for an exempt file's title": Channel(
        "search", query={"q": "contract prices"}, shows=frozenset({EXEMPT})
    ),
    "search for the private-minute canary": Channel("search", query={"q": PRIVATE}),
    "search for a private minute's text": Channel(
        "search", query={"q": "placement sufficiency"}, shows=frozenset({PRIVATE})
    ),
    "search for a private minute's resolution": Channel(
        "search", query={"q": "negotiate the fee"}, shows=frozenset({PRIVATE})
    ),
    "search for a draft item": Channel(
        "search", query={"q": "budget options"}, shows=frozenset({DRAFT})
    ),
    "search for a draft paper": Channel(
        "search", query={"q": "savings proposals"}, shows=frozenset({DRAFT})
    ),
    "Atom feed": Channel("feeds:published_atom", feed=True),
    "iCal, all meetings": Channel("feeds:meetings_ics", feed=True),
    "iCal, board A": Channel("feeds:board_ics", lambda w: {"slug": w["board_a"].slug}, feed=True),
}


def _url(channel: Channel, world: dict) -> str:
    kwargs = channel.kwargs(world) if channel.kwargs else {}
    try:
        return reverse(channel.url_name, kwargs=kwargs)
    except NoReverseMatch as error:
        if "is not a valid view function or pattern name" in str(
            error
        ) or "is not a registered namespace" in str(error):
            pytest.skip(f"URL {channel.url_name} does not exist yet")
        raise


def _everything_sent(response, echo: str) -> str:
    """Headers and body in lower case, with tags stripped too (search highlights split
    words), less the echo of the request's own query."""
    body = b"".join(response.streaming_content) if response.streaming else response.content
    text = body.decode("utf-8", errors="replace")
    disposition = response.get("Content-Disposition", "")
    if response.get("Content-Type") == "application/pdf" and (
        "pack" in disposition or "minutes" in disposition
    ):
        text += _pdf_text(body)  # a pack or minutes: compressed, so read it as a reader would
    headers = "\n".join(f"{name}: {value}" for name, value in response.items())
    sent = "\n".join([headers, text, html.unescape(strip_tags(text))]).lower()
    return sent.replace(echo, "") if echo else sent


def _pdf_text(body: bytes) -> str:
    """What a reader of a PDF gets: page text, bookmarks, metadata, attachment names."""
    import io

    import pikepdf
    from pypdf import PdfReader

    reader = PdfReader(io.BytesIO(body))
    parts = [page.extract_text() or "" for page in reader.pages]
    with pikepdf.open(io.BytesIO(body)) as pdf:
        with pdf.open_outline() as outline:
            stack = list(outline.root)
            while stack:
                entry = stack.pop()
                parts.append(entry.title)
                stack.extend(entry.children)
        parts.extend(str(value) for value in pdf.docinfo.values())
        parts.append(str(pdf.open_metadata()))
        parts.extend(pdf.attachments.keys())
    return "\n".join(parts)


def _links(world: dict, canary: str) -> list[str]:
    """The URLs of what carries a canary: its papers, their files, its meeting."""
    if canary == PRIVATE:
        return []  # its meeting and minutes are public; only what the minute records is not
    if canary == EXEMPT:
        documents, meetings = [world["exempt"], world["exempt_pdf"]], []
    else:
        documents, meetings = [world["draft"], world["draft_pdf"]], [world["unpublished"]]
    urls = [reverse("meetings:meeting_detail", args=[m.pk]) for m in meetings]
    for document in documents:
        urls.append(reverse("meetings:document_detail", args=[document.pk]))
        urls.append(reverse("meetings:document_file", args=[document.pk]))
    return urls


def _may_see(role: str, canary: str, channel: Channel) -> bool:
    return not channel.feed and role in AUDIENCE[canary]


@pytest.mark.parametrize("channel_name", list(CHANNELS))
@pytest.mark.parametrize("role", ROLES)
def test_canaries_appear_exactly_where_design_md_allows(world, role, channel_name):
    channel = CHANNELS[channel_name]
    url = _url(channel, world)
    client = Client()
    if role != "anonymous":
        client.force_login(world["users"][role])

    response = client.get(url, channel.query)

    opens = channel.gate is None or _may_see(role, channel.gate, channel)
    assert response.status_code == (200 if opens else 404), (
        f"{role} × {channel_name}: {url} answered {response.status_code}"
    )
    sent = _everything_sent(response, channel.echo)
    for canary in CANARIES:
        present = canary.lower() in sent
        if not _may_see(role, canary, channel):
            assert not present, f"LEAK: {canary} reached {role} through {channel_name} ({url})"
            leaked = [link for link in _links(world, canary) if link != url and link in sent]
            assert leaked == [], f"LEAK: {role} got links to {leaked} through {channel_name}"
        elif canary in channel.shows:
            assert present, f"{role} should see {canary} through {channel_name} ({url})"
