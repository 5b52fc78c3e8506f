"""The public feeds: iCalendar files of meetings and the Atom feed of what was published.

Feeds are public, so they show what an anonymous visitor sees; the calendars carry title,
time, venue and link only (security.md, "One visibility policy for every channel").
"""

import datetime
import xml.etree.ElementTree as ET
from zoneinfo import ZoneInfo

import icalendar
import pytest
from django.urls import reverse
from django.utils import timezone

from tests.factories import AgendaItemFactory, DocumentFactory, MeetingFactory, MinuteFactory

pytestmark = pytest.mark.django_db

LONDON = ZoneInfo("Europe/London")
ATOM = "{http://www.w3.org/2005/Atom}"
EXEMPT = "zebracanary"
UNPUBLISHED = "quokkacanary"
DRAFT_MINUTES = "wombatcanary"
CANARIES = (EXEMPT, UNPUBLISHED, DRAFT_MINUTES)


def _at(day: datetime.date, hour: int = 17) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour, 0)))


@pytest.fixture
def summer(council, board):
    """Thursday 15 September 2016, 2pm BST: agenda and minutes published; an exempt paper."""
    meeting = MeetingFactory(
        board=board,
        date=datetime.date(2016, 9, 15),
        published=True,
        closed_at=datetime.time(16, 10),
        minutes_published_at=_at(datetime.date(2016, 9, 22)),
    )
    item = AgendaItemFactory(meeting=meeting, title="Quality Assurance Auditing")
    DocumentFactory(agenda_item=item, body_html="<p>Audits of case files</p>")
    private = AgendaItemFactory(meeting=meeting, private=True, title=f"Homes {EXEMPT}")
    DocumentFactory(
        agenda_item=private, restricted=True, title=EXEMPT, body_html=f"<p>{EXEMPT}</p>"
    )
    MinuteFactory(meeting=meeting, title="Serious Case Review")
    return meeting


@pytest.fixture
def winter(council, board):
    """Thursday 17 November 2016, 2pm GMT: published; its minutes are still a draft."""
    meeting = MeetingFactory(board=board, date=datetime.date(2016, 11, 17), published=True)
    MinuteFactory(meeting=meeting, title=f"Draft {DRAFT_MINUTES}")
    return meeting


@pytest.fixture
def cancelled(council, board):
    """Thursday 13 October 2016: published, then cancelled."""
    meeting = MeetingFactory(board=board, date=datetime.date(2016, 10, 13), published=True)
    meeting.cancel()
    return meeting


@pytest.fixture
def unpublished(council, board):
    """Thursday 8 December 2016: the agenda is still being drafted."""
    meeting = MeetingFactory(board=board, date=datetime.date(2016, 12, 8))
    AgendaItemFactory(meeting=meeting, title=f"Draft item {UNPUBLISHED}")
    return meeting


@pytest.fixture
def elsewhere(council, other_board):
    """A published meeting of board B, for the per-board calendar."""
    return MeetingFactory(board=other_board, date=datetime.date(2016, 9, 21), published=True)


@pytest.fixture
def meetings(summer, winter, cancelled, unpublished, elsewhere) -> None:
    """Every meeting above."""


def _calendar(response) -> icalendar.Calendar:
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    return icalendar.Calendar.from_ical(response.content)


def _events(calendar: icalendar.Calendar) -> dict[str, icalendar.Event]:
    return {str(event["url"]): event for event in calendar.walk("VEVENT")}


def _url(meeting) -> str:
    return f"http://testserver{meeting.get_absolute_url()}"


def test_the_calendar_lists_every_published_meeting(
    public, meetings, summer, winter, cancelled, elsewhere
):
    events = _events(_calendar(public.get(reverse("feeds:meetings_ics"))))

    assert set(events) == {_url(summer), _url(winter), _url(cancelled), _url(elsewhere)}


def test_the_calendar_leaves_out_unpublished_meetings(public, meetings, unpublished):
    response = public.get(reverse("feeds:meetings_ics"))

    assert _url(unpublished) not in _events(_calendar(response))
    for canary in CANARIES:
        assert canary not in response.text


def test_an_event_has_title_time_venue_and_link_only(public, meetings, summer):
    event = _events(_calendar(public.get(reverse("feeds:meetings_ics"))))[_url(summer)]

    assert str(event["uid"]) == f"meeting-{summer.pk}@testserver"
    assert str(event["summary"]) == "Education and Children's Services Scrutiny Board (2)"
    assert str(event["location"]) == "Committee Rooms 2 and 3 - Council House"
    assert str(event["status"]) == "CONFIRMED"
    assert event.decoded("dtend") == datetime.datetime(2016, 9, 15, 16, 10, tzinfo=LONDON)
    assert event.decoded("dtstamp") == summer.agenda_published_at
    assert set(event) == {
        "UID",
        "DTSTAMP",
        "DTSTART",
        "DTEND",
        "SUMMARY",
        "LOCATION",
        "URL",
        "STATUS",
    }


def test_start_times_are_london_time_in_summer_and_winter(public, meetings, summer, winter):
    calendar = _calendar(public.get(reverse("feeds:meetings_ics")))
    events = _events(calendar)

    bst = events[_url(summer)].decoded("dtstart")
    gmt = events[_url(winter)].decoded("dtstart")

    assert bst == datetime.datetime(2016, 9, 15, 13, 0, tzinfo=datetime.UTC)
    assert bst.utcoffset() == datetime.timedelta(hours=1)
    assert gmt == datetime.datetime(2016, 11, 17, 14, 0, tzinfo=datetime.UTC)
    assert gmt.utcoffset() == datetime.timedelta(0)
    assert "DTSTART;TZID=Europe/London:20160915T140000" in calendar.to_ical().decode()
    assert [str(tz["tzid"]) for tz in calendar.walk("VTIMEZONE")] == ["Europe/London"]


def test_a_cancelled_meeting_is_a_cancelled_event(public, meetings, cancelled):
    response = public.get(reverse("feeds:meetings_ics"))

    assert str(_events(_calendar(response))[_url(cancelled)]["status"]) == "CANCELLED"
    assert "STATUS:CANCELLED" in response.text


def test_a_meeting_without_a_closing_time_lasts_two_hours(public, meetings, winter):
    event = _events(_calendar(public.get(reverse("feeds:meetings_ics"))))[_url(winter)]

    assert event.decoded("dtend") - event.decoded("dtstart") == datetime.timedelta(hours=2)


def test_a_board_calendar_lists_only_that_boards_published_meetings(
    public, meetings, board, summer, winter, cancelled, elsewhere
):
    response = public.get(reverse("feeds:board_ics", args=[board.slug]))
    calendar = _calendar(response)

    assert set(_events(calendar)) == {_url(summer), _url(winter), _url(cancelled)}
    assert str(calendar["x-wr-calname"]) == board.name
    assert UNPUBLISHED not in response.text


def test_an_unknown_board_has_no_calendar(public, meetings):
    assert public.get(reverse("feeds:board_ics", args=["no-such-board"])).status_code == 404


@pytest.mark.parametrize("client_name", ["member_client", "officer_client"])
def test_the_calendar_is_the_same_for_everyone(request, client_name, meetings, unpublished):
    """Calendars are public files, shared and cached; they never carry what a login sees."""
    client = request.getfixturevalue(client_name)

    response = client.get(reverse("feeds:meetings_ics"))

    assert len(_events(_calendar(response))) == 4
    for canary in CANARIES:
        assert canary not in response.text


def _atom(response) -> ET.Element:
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/atom+xml")
    return ET.fromstring(response.content)


def _entries(feed: ET.Element) -> list[tuple[str, str, str]]:
    return [
        (
            entry.findtext(f"{ATOM}title"),
            entry.find(f"{ATOM}link").get("href"),
            entry.findtext(f"{ATOM}updated"),
        )
        for entry in feed.findall(f"{ATOM}entry")
    ]


def test_the_atom_feed_lists_published_agendas_and_minutes_newest_first(
    public, meetings, summer, winter, cancelled, elsewhere
):
    feed = _atom(public.get(reverse("feeds:published_atom")))
    board_a = "Education and Children's Services Scrutiny Board (2)"

    titles = [title for title, _link, _updated in _entries(feed)]

    assert titles == [
        f"Agenda published: {board_a} 17 November 2016",
        f"Agenda published: {board_a} 13 October 2016",
        f"Minutes published: {board_a} 15 September 2016",
        "Agenda published: Health and Social Care Scrutiny Board (5) 21 September 2016",
        f"Agenda published: {board_a} 15 September 2016",
    ]
    assert feed.findtext(f"{ATOM}title").endswith("published agendas and minutes")


def test_an_atom_entry_links_to_the_meeting_and_is_dated_by_its_publication(
    public, meetings, summer
):
    entries = _entries(_atom(public.get(reverse("feeds:published_atom"))))

    [(_title, link, updated)] = [e for e in entries if e[0].startswith("Minutes published")]
    assert link == _url(summer)
    assert datetime.datetime.fromisoformat(updated) == summer.minutes_published_at


def test_atom_entries_have_unique_ids(public, meetings, summer):
    feed = _atom(public.get(reverse("feeds:published_atom")))

    ids = [entry.findtext(f"{ATOM}id") for entry in feed.findall(f"{ATOM}entry")]

    assert len(ids) == len(set(ids)) == 5
    assert f"{_url(summer)}#minutes" in ids


@pytest.mark.parametrize("client_name", ["public", "member_client", "officer_client"])
def test_the_atom_feed_never_carries_unpublished_meetings_drafts_or_exempt_text(
    request, client_name, meetings, unpublished
):
    client = request.getfixturevalue(client_name)

    response = client.get(reverse("feeds:published_atom"))

    links = [link for _title, link, _updated in _entries(_atom(response))]
    assert _url(unpublished) not in links
    for canary in CANARIES:
        assert canary not in response.text


@pytest.mark.parametrize("name", ["feeds:meetings_ics", "feeds:published_atom"])
def test_feeds_answer_only_get(public, meetings, name):
    assert public.post(reverse(name)).status_code == 405
