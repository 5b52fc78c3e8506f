"""Public feeds: iCalendar files of meetings and an Atom feed of published agendas and minutes.

Feeds are public, so everything in them comes from `visible_to(AnonymousUser())`; the
calendars carry the title, time, venue and link of each meeting and nothing else
(security.md: "iCal carries title, time, venue, link only").
"""

import datetime
from zoneinfo import ZoneInfo

import icalendar
from django.contrib.auth.decorators import login_not_required
from django.contrib.auth.models import AnonymousUser
from django.contrib.syndication.views import Feed
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404
from django.urls import path, reverse
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed
from django.views.decorators.http import require_GET

from boards.models import Board, Council
from meetings.models import Meeting

LONDON = ZoneInfo("Europe/London")
# A meeting's end is rarely recorded before it is held; two hours is a fair guess.
DEFAULT_LENGTH = datetime.timedelta(hours=2)
ATOM_ENTRIES = 50


def public_meetings() -> QuerySet[Meeting]:
    """Meetings as anyone on the internet sees them."""
    return Meeting.objects.visible_to(AnonymousUser()).select_related("board", "venue")


def meeting_event(meeting: Meeting, request: HttpRequest) -> icalendar.Event:
    """A meeting as a calendar event: title, time, venue and link only."""
    start = datetime.datetime.combine(meeting.date, meeting.start_time, tzinfo=LONDON)
    end = start + DEFAULT_LENGTH
    if meeting.closed_at:
        closed = datetime.datetime.combine(meeting.date, meeting.closed_at, tzinfo=LONDON)
        end = closed if closed > start else end
    event = icalendar.Event()
    event.add("uid", f"meeting-{meeting.pk}@{request.get_host()}")
    # Without a METHOD, DTSTAMP is the last change (RFC 5545 3.8.7.2): the publication.
    event.add("dtstamp", (meeting.agenda_published_at or timezone.now()).astimezone(datetime.UTC))
    event.add("dtstart", start)
    event.add("dtend", end)
    event.add("summary", meeting.board.name)
    if meeting.venue:
        event.add("location", str(meeting.venue))
    event.add("url", request.build_absolute_uri(meeting.get_absolute_url()))
    event.add("status", "CANCELLED" if meeting.is_cancelled else "CONFIRMED")
    return event


def calendar_response(meetings, name: str, request: HttpRequest) -> HttpResponse:
    calendar = icalendar.Calendar()
    calendar.add("prodid", "-//Scrutiny//Committee meetings//EN")
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", name)
    dates = []
    for meeting in meetings:
        calendar.add_component(meeting_event(meeting, request))
        dates.append(meeting.date)
    if dates:
        # The VTIMEZONE for Europe/London, so clients read DTSTART in UK time (BST or GMT),
        # with the clock changes of the years the meetings span, not of 1970 to 2038.
        a_year = datetime.timedelta(days=366)
        calendar.add_missing_timezones(
            first_date=min(dates) - a_year, last_date=max(dates) + a_year
        )
    return HttpResponse(calendar.to_ical(), content_type="text/calendar; charset=utf-8")


@login_not_required
@require_GET
def meetings_ics(request: HttpRequest) -> HttpResponse:
    council = Council.load()
    return calendar_response(public_meetings(), f"{council.name} meetings", request)


@login_not_required
@require_GET
def board_ics(request: HttpRequest, slug: str) -> HttpResponse:
    board = get_object_or_404(Board, slug=slug)
    return calendar_response(public_meetings().filter(board=board), board.name, request)


class PublishedFeed(Feed):
    """Agendas and minutes as they are published, newest first."""

    feed_type = Atom1Feed
    item_guid_is_permalink = False

    def __call__(self, request: HttpRequest, *args, **kwargs) -> HttpResponse:
        # One instance per request (see published_atom): entry ids need the host.
        self.request = request
        return super().__call__(request, *args, **kwargs)

    def title(self) -> str:
        return f"{Council.load().name}: published agendas and minutes"

    def link(self) -> str:
        return reverse("home")

    def feed_url(self) -> str:
        return reverse("feeds:published_atom")

    def items(self) -> list[tuple[str, datetime.datetime, Meeting]]:
        meetings = public_meetings()
        agendas = meetings.order_by("-agenda_published_at")[:ATOM_ENTRIES]
        minutes = meetings.filter(minutes_published_at__isnull=False).order_by(
            "-minutes_published_at"
        )[:ATOM_ENTRIES]
        entries = [("Agenda", m.agenda_published_at, m) for m in agendas]
        entries += [("Minutes", m.minutes_published_at, m) for m in minutes]
        entries.sort(key=lambda entry: entry[1], reverse=True)
        return entries[:ATOM_ENTRIES]

    def item_title(self, item) -> str:
        what, _when, meeting = item
        return f"{what} published: {meeting.board.name} {meeting.date.day} {meeting.date:%B %Y}"

    def item_description(self, item) -> None:
        # Title and link only: the entry says what was published, the page shows it.
        return None

    def item_link(self, item) -> str:
        return item[2].get_absolute_url()

    def item_guid(self, item) -> str:
        what, _when, meeting = item
        return self.request.build_absolute_uri(f"{meeting.get_absolute_url()}#{what.lower()}")

    def item_updateddate(self, item) -> datetime.datetime:
        return item[1]

    def item_pubdate(self, item) -> datetime.datetime:
        return item[1]


@login_not_required
@require_GET
def published_atom(request: HttpRequest) -> HttpResponse:
    return PublishedFeed()(request)


urlpatterns = [
    path("meetings.ics", meetings_ics, name="meetings_ics"),
    path("boards/<slug:slug>.ics", board_ics, name="board_ics"),
    path("published.atom", published_atom, name="published_atom"),
]
