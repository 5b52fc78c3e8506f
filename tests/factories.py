"""factory_boy factories: the smallest valid record of each model, with traits for the
variants tests ask for (a published meeting, a private item, a restricted document)."""

import datetime

import factory
from django.db.models import Max
from django.utils import timezone
from django.utils.text import slugify
from factory.django import DjangoModelFactory, Password

from boards.models import Board, Membership, MunicipalYear, Person, Post, User, Venue
from meetings.models import (
    AgendaItem,
    Document,
    Meeting,
    Minute,
    Resolution,
    ResolutionPart,
)
from recommendations.models import TrackerItem


def _next_number(queryset, field: str = "number") -> int:
    return (queryset.aggregate(last=Max(field))["last"] or 0) + 1


class MunicipalYearFactory(DjangoModelFactory):
    """May to May, by default 2016/17; the same label always gives the same row."""

    class Meta:
        model = MunicipalYear
        django_get_or_create = ("label",)

    class Params:
        start_year = 2016

    label = factory.LazyAttribute(lambda o: f"{o.start_year}/{(o.start_year + 1) % 100:02d}")
    start_date = factory.LazyAttribute(lambda o: datetime.date(o.start_year, 5, 1))
    end_date = factory.LazyAttribute(lambda o: datetime.date(o.start_year + 1, 4, 30))


class PersonFactory(DjangoModelFactory):
    class Meta:
        model = Person

    initials = "A"
    surname = factory.Sequence(lambda n: f"Surname{n}")
    email = factory.LazyAttribute(lambda o: f"{o.surname.lower()}@example.gov.uk")

    class Params:
        councillor = factory.Trait(is_councillor=True)


class VenueFactory(DjangoModelFactory):
    class Meta:
        model = Venue
        django_get_or_create = ("room", "building")

    room = "Committee Rooms 2 and 3"
    building = "Council House"


class PostFactory(DjangoModelFactory):
    class Meta:
        model = Post

    title = factory.Sequence(lambda n: f"Director of Service {n}")
    holder = factory.SubFactory(PersonFactory)


class BoardFactory(DjangoModelFactory):
    class Meta:
        model = Board

    name = factory.Sequence(lambda n: f"Scrutiny Board ({n})")
    slug = factory.LazyAttribute(lambda o: slugify(o.name))
    default_start_time = datetime.time(14, 0)


class MembershipFactory(DjangoModelFactory):
    class Meta:
        model = Membership

    board = factory.SubFactory(BoardFactory)
    person = factory.SubFactory(PersonFactory, councillor=True)
    role = Membership.Role.MEMBER
    start_date = datetime.date(2016, 5, 1)


class UserFactory(DjangoModelFactory):
    class Meta:
        model = User
        django_get_or_create = ("username",)

    username = factory.Sequence(lambda n: f"user{n}")
    email = factory.LazyAttribute(lambda o: f"{o.username}@example.gov.uk")
    password = Password("correct horse battery staple")
    role = User.Role.MEMBER


class MeetingFactory(DjangoModelFactory):
    """A scheduled, unpublished meeting; `published=True` publishes its agenda."""

    class Meta:
        model = Meeting

    class Params:
        published = factory.Trait(
            agenda_published_at=factory.LazyAttribute(
                lambda o: timezone.make_aware(
                    datetime.datetime.combine(o.date - datetime.timedelta(days=8), o.start_time)
                )
            )
        )

    board = factory.SubFactory(BoardFactory)
    date = factory.Sequence(lambda n: datetime.date(2016, 6, 16) + datetime.timedelta(weeks=n))
    start_time = datetime.time(14, 0)
    municipal_year = factory.LazyAttribute(lambda o: MunicipalYear.get_or_create_for(o.date))
    venue = factory.SubFactory(VenueFactory)


class AgendaItemFactory(DjangoModelFactory):
    """A public report item numbered after the meeting's last; `private=True` for 12A."""

    class Meta:
        model = AgendaItem

    class Params:
        private = factory.Trait(section=AgendaItem.Section.PRIVATE, exempt_paragraphs=(1, 3))

    meeting = factory.SubFactory(MeetingFactory)
    number = factory.LazyAttribute(lambda o: _next_number(o.meeting.items.all()))
    section = AgendaItem.Section.PUBLIC
    kind = AgendaItem.Kind.REPORT
    title = factory.Sequence(lambda n: f"Report {n}")


class DocumentFactory(DjangoModelFactory):
    """A briefing note written in the browser; `restricted=True` for an exempt paper."""

    class Meta:
        model = Document

    class Params:
        restricted = factory.Trait(is_restricted=True, exempt_paragraphs=(1, 3))

    agenda_item = factory.SubFactory(AgendaItemFactory)
    position = factory.LazyAttribute(
        lambda o: _next_number(o.agenda_item.documents.all(), "position")
    )
    title = factory.Sequence(lambda n: f"Briefing note {n}")
    body_html = "<p>1 Purpose of the Note</p>"


class MinuteFactory(DjangoModelFactory):
    """A minute numbered by the council's policy; board and year follow the meeting."""

    class Meta:
        model = Minute

    meeting = factory.SubFactory(MeetingFactory)
    board = factory.SelfAttribute("meeting.board")
    municipal_year = factory.SelfAttribute("meeting.municipal_year")
    number = factory.LazyAttribute(
        lambda o: Minute.objects.next_number(o.meeting.board, o.meeting.municipal_year)
    )
    title = factory.Sequence(lambda n: f"Minute {n}")


class ResolutionFactory(DjangoModelFactory):
    class Meta:
        model = Resolution

    minute = factory.SubFactory(MinuteFactory)


class ResolutionPartFactory(DjangoModelFactory):
    class Meta:
        model = ResolutionPart

    resolution = factory.SubFactory(ResolutionFactory)
    position = factory.LazyAttribute(lambda o: _next_number(o.resolution.parts.all(), "position"))
    text = "That the Cabinet Member considers the Board's comments."
    tracker_kind = ResolutionPart.TrackerKind.RECOMMENDATION


class TrackerItemFactory(DjangoModelFactory):
    """An open recommendation from a meeting of its board."""

    class Meta:
        model = TrackerItem

    source_meeting = factory.SubFactory(MeetingFactory)
    board = factory.SelfAttribute("source_meeting.board")
    agenda_item_title = "Serious Case Review"
    kind = TrackerItem.Kind.RECOMMENDATION
    text = "The LSCB to report back on the action plan."
