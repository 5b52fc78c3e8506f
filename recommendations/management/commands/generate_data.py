"""manage.py generate_data: a council's worth of invented data for benchmarks.

Boards × municipal years × meetings × agenda items, with published agendas, authored
documents (some restricted), attendance, minutes with resolutions, and tracker items for
the recommendations. Rows go in with bulk_create, so django-simple-history records no
history for them (acceptable for generated data); every model constraint still holds.

Defaults are issue 3's benchmark size: 30 boards × 10 years × 10 meetings × 10 items.
"""

import datetime
import random
import time
from collections import defaultdict

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import transaction
from django.utils import timezone

from boards.models import Board, Membership, MunicipalYear, Person, Post, Venue
from meetings.models import (
    AgendaItem,
    Attendance,
    Document,
    Meeting,
    Minute,
    Resolution,
    ResolutionPart,
)
from recommendations.models import TrackerItem

BATCH = 2000
SLUG_PREFIX = "generated-"
MEMBERS_PER_BOARD = 9
EXEMPT = (1, 3)

TOPICS = [
    "Adult Social Care",
    "Air Quality",
    "Allotments",
    "Bus Services",
    "Carers",
    "Child Poverty",
    "Children in Care",
    "Climate Change",
    "Community Safety",
    "Council Tax",
    "Cycling",
    "Domestic Abuse",
    "Early Help",
    "Economic Development",
    "Education Attainment",
    "Elective Home Education",
    "Flood Risk",
    "Food Banks",
    "Homelessness",
    "Housing Repairs",
    "Libraries",
    "Licensing",
    "Mental Health",
    "Parks and Open Spaces",
    "Planning Enforcement",
    "Public Health",
    "Recycling",
    "Road Safety",
    "School Admissions",
    "Special Educational Needs",
    "Street Lighting",
    "Tourism",
    "Waste Collection",
    "Youth Services",
]
REPORT_KINDS = [
    "Update Report",
    "Annual Report",
    "Performance Review",
    "Strategy Consultation",
    "Progress Briefing",
    "Budget Monitoring",
]
WORDS_TEXT = (
    "council board members officers residents service services budget funding plan plans "
    "strategy review report outcomes performance targets delivery partners partnership "
    "consultation community communities families children young people schools housing "
    "health care support demand pressure savings investment contract providers quality "
    "safeguarding inspection improvement risk risks priority priorities evidence data "
    "trend trends quarter year years local city ward wards neighbourhood access waiting "
    "times staff recruitment retention training capacity commissioning procurement "
    "monitoring feedback complaints satisfaction equality inclusion climate transport "
    "roads parking libraries parks leisure culture tourism economy jobs skills "
    "apprenticeships employers digital online customers visits referrals assessments "
    "placements costs income charges policy"
)
WORDS = WORDS_TEXT.split()
SURNAMES_TEXT = (
    "Abbott Ahmed Akhtar Bailey Baker Bell Bennett Brown Campbell Carter Clarke Collins "
    "Cook Cooper Davies Edwards Evans Fisher Green Hall Harris Hill Hughes Hussain "
    "Jackson James Johnson Jones Kaur Khan King Lee Lewis Martin Mitchell Moore Morgan "
    "Morris Murphy Patel Phillips Price Roberts Robinson Scott Shah Singh Smith Taylor "
    "Thomas Thompson Turner Walker Ward Watson White Williams Wilson Wood Wright Young"
)
SURNAMES = SURNAMES_TEXT.split()
INITIALS_TEXT = "A B C D E F G H J K L M N P R S T V W"
INITIALS = INITIALS_TEXT.split()


def thursday_on_or_after(day: datetime.date) -> datetime.date:
    return day + datetime.timedelta((3 - day.weekday()) % 7)


class Command(BaseCommand):
    help = (
        "Generate boards, members, meetings with published agendas, agenda items, documents, "
        "minutes with resolutions and tracker items, for benchmarks. Defaults: 30 boards × "
        "10 years × 10 meetings × 10 items."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--boards", type=int, default=30)
        parser.add_argument("--years", type=int, default=10, help="Municipal years, to this one.")
        parser.add_argument("--meetings", type=int, default=10, help="Meetings per board a year.")
        parser.add_argument("--items", type=int, default=10, help="Agenda items per meeting.")
        parser.add_argument("--seed", type=int, default=2024)

    def handle(self, *args, **options) -> None:
        boards, years = options["boards"], options["years"]
        meetings, items = options["meetings"], options["items"]
        if min(boards, years, meetings) < 1 or items < 4:
            raise CommandError("Ask for at least 1 board, year and meeting, and 4 items.")
        if meetings > 40:
            raise CommandError("At most 40 meetings a year per board.")
        if Board.objects.filter(slug__startswith=SLUG_PREFIX).exists():
            raise CommandError("Generated data is already loaded; use a fresh database.")
        started = time.monotonic()
        with transaction.atomic():
            counts = Generator(random.Random(options["seed"])).run(boards, years, meetings, items)
        summary = ", ".join(f"{count} {name}" for name, count in counts.items())
        self.stdout.write(
            self.style.SUCCESS(f"Generated {summary} in {time.monotonic() - started:.1f}s.")
        )


class Generator:
    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.now = timezone.now()
        self.today = timezone.localdate()
        self.counts: dict[str, int] = {}

    def words(self, count: int) -> str:
        return " ".join(self.rng.choices(WORDS, k=count))

    def sentence(self, count: int = 14) -> str:
        text = self.words(count)
        return text[0].upper() + text[1:] + "."

    def paragraphs(self, count: int) -> str:
        return "".join(
            "<p>" + " ".join(self.sentence(self.rng.randint(10, 20)) for _ in range(4)) + "</p>"
            for _ in range(count)
        )

    def bulk(self, model, rows: list) -> list:
        created = model.objects.bulk_create(rows, batch_size=BATCH)
        name = model._meta.verbose_name_plural
        self.counts[name] = self.counts.get(name, 0) + len(created)
        return created

    def municipal_years(self, count: int) -> list[MunicipalYear]:
        this_year = MunicipalYear.default_bounds(self.today)[0].year
        return [
            MunicipalYear.get_or_create_for(datetime.date(start, 6, 1))
            for start in range(this_year - count + 1, this_year + 1)
        ]

    def run(self, board_count: int, year_count: int, per_year: int, item_count: int) -> dict:
        rng = self.rng
        years = self.municipal_years(year_count)
        venue, _ = Venue.objects.get_or_create(room="Committee Room 1", building="Council House")
        posts = [
            Post.objects.filter(title=title).first() or Post.objects.create(title=title)
            for title in (
                "Director of Children and Education",
                "Director of Adult Services",
                "Director of Finance",
                "Director of Law and Governance",
            )
        ]

        taken = set(Board.objects.values_list("number", flat=True))
        numbers = [n for n in range(1, board_count + len(taken) + 1) if n not in taken]
        boards = self.bulk(
            Board,
            [
                Board(
                    name=f"{TOPICS[i % len(TOPICS)]} Scrutiny Board ({numbers[i]})",
                    short_name=f"Scrutiny Board {numbers[i]}",
                    slug=f"{SLUG_PREFIX}{i + 1}",
                    number=numbers[i],
                    remit=self.sentence(30),
                    default_venue=venue,
                    keeps_tracker=True,
                )
                for i in range(board_count)
            ],
        )

        people = self.bulk(
            Person,
            [
                Person(
                    initials="".join(rng.sample(INITIALS, rng.randint(1, 2))),
                    surname=rng.choice(SURNAMES),
                    is_councillor=True,
                )
                for _ in range(board_count * MEMBERS_PER_BOARD)
            ],
        )
        members = {
            board.pk: people[i * MEMBERS_PER_BOARD : (i + 1) * MEMBERS_PER_BOARD]
            for i, board in enumerate(boards)
        }
        self.bulk(
            Membership,
            [
                Membership(
                    board=board,
                    person=person,
                    role=(
                        Membership.Role.CHAIR
                        if position == 0
                        else Membership.Role.VICE_CHAIR
                        if position == 1
                        else Membership.Role.MEMBER
                    ),
                    start_date=years[0].start_date,
                )
                for board in boards
                for position, person in enumerate(members[board.pk])
            ],
        )

        # Meetings on Thursdays through each year from June, at least a week apart.
        gap = max(7, 330 // per_year)
        days = [
            (year, thursday_on_or_after(year.start_date + datetime.timedelta(31 + n * gap)))
            for year in years
            for n in range(per_year)
        ]
        meetings = self.bulk(
            Meeting,
            [
                self.meeting(board, year, day)
                for board in boards
                for year, day in days
                if day <= year.end_date
            ],
        )
        self.approve_minutes(meetings)

        items, documents, attendances = [], [], []
        for meeting in meetings:
            private = meeting.pk % 3 == 0
            for number in range(1, item_count + 1):
                items.append(self.agenda_item(meeting, number, item_count, private, posts))
            for position, person in enumerate(members[meeting.board_id]):
                attendances.append(
                    Attendance(
                        meeting=meeting,
                        person=person,
                        category=Attendance.Category.MEMBER,
                        status=Attendance.Status.APOLOGIES
                        if rng.random() < 0.1
                        else Attendance.Status.PRESENT,
                        is_chair=position == 0,
                    )
                )
        items = self.bulk(AgendaItem, items)
        self.bulk(Attendance, [a for a in attendances if a.meeting.date < self.today])

        reports = [item for item in items if item.kind == AgendaItem.Kind.REPORT]
        for item in reports:
            documents.append(
                Document(
                    agenda_item=item,
                    kind=Document.Kind.REPORT if item.is_private else Document.Kind.BRIEFING_NOTE,
                    title=item.title,
                    heading="Briefing note",
                    to_line=item.meeting.board.name,
                    document_date=item.meeting.date,
                    body_html=f"<h2>Purpose of the note</h2>{self.paragraphs(1)}"
                    f"<h2>Background</h2>{self.paragraphs(3)}"
                    f"<h2>Recommendations</h2><ol><li>{self.sentence()}</li></ol>",
                    is_restricted=item.is_private,
                    exempt_paragraphs=EXEMPT if item.is_private else (),
                )
            )
        self.bulk(Document, documents)
        self.minutes(reports)
        return self.counts

    def meeting(self, board: Board, year: MunicipalYear, day: datetime.date) -> Meeting:
        held = day < self.today
        published = timezone.make_aware(
            datetime.datetime.combine(day - datetime.timedelta(days=9), datetime.time(17, 0))
        )
        return Meeting(
            board=board,
            municipal_year=year,
            date=day,
            start_time=datetime.time(10, 0),
            venue=board.default_venue,
            status=Meeting.Status.HELD if held else Meeting.Status.SCHEDULED,
            agenda_published_at=published if published <= self.now else None,
            closed_at=datetime.time(12, 30) if held else None,
            minutes_published_at=published + datetime.timedelta(days=14) if held else None,
        )

    def approve_minutes(self, meetings: list[Meeting]) -> None:
        """Each held meeting's minutes are agreed at the board's next held meeting."""
        by_board = defaultdict(list)
        for meeting in meetings:
            by_board[meeting.board_id].append(meeting)
        changed = []
        for board_meetings in by_board.values():
            for meeting, following in zip(board_meetings, board_meetings[1:], strict=False):
                if following.date < self.today and meeting.minutes_published_at:
                    meeting.minutes_approved_at = following
                    changed.append(meeting)
        Meeting.objects.bulk_update(changed, ["minutes_approved_at"], batch_size=BATCH)

    def agenda_item(
        self, meeting: Meeting, number: int, count: int, private: bool, posts: list[Post]
    ) -> AgendaItem:
        # Private business, when there is some, is the last item: numbers run on into it.
        is_private = private and number == count
        fixed = {
            1: (AgendaItem.Kind.APOLOGIES, "Apologies and Substitutions"),
            2: (AgendaItem.Kind.DECLARATIONS, "Declarations of Interests"),
            3: (AgendaItem.Kind.MINUTES, "Minutes"),
            count - 1 if private else count: (AgendaItem.Kind.AOB, "Any Other Business"),
        }
        if number in fixed and not is_private:
            kind, title = fixed[number]
            return AgendaItem(meeting=meeting, number=number, kind=kind, title=title)
        topic = self.rng.choice(TOPICS)
        return AgendaItem(
            meeting=meeting,
            number=number,
            kind=AgendaItem.Kind.REPORT,
            section=AgendaItem.Section.PRIVATE if is_private else AgendaItem.Section.PUBLIC,
            exempt_paragraphs=EXEMPT if is_private else (),
            title=f"{topic} - {self.rng.choice(REPORT_KINDS)}",
            description=self.sentence(20),
            document_type=AgendaItem.DocumentType.BRIEFING_NOTE,
            report_of=self.rng.choice(posts),
        )

    def minutes(self, reports: list[AgendaItem]) -> None:
        """A minute per report of a held meeting, with a resolution; recommendations tracked."""
        next_number: dict[tuple[int, int], int] = defaultdict(int)
        minutes = []
        for item in reports:
            meeting = item.meeting
            if meeting.date >= self.today:
                continue
            key = (meeting.board_id, meeting.municipal_year_id)
            next_number[key] += 1
            minutes.append(
                Minute(
                    meeting=meeting,
                    board_id=meeting.board_id,
                    municipal_year_id=meeting.municipal_year_id,
                    number=next_number[key],
                    title=item.title,
                    agenda_item=item,
                    body_html=self.paragraphs(2),
                    discussion_intro="Having considered the report the Scrutiny Board "
                    "questioned those present on the following:",
                )
            )
        minutes = self.bulk(Minute, minutes)
        resolutions = self.bulk(Resolution, [Resolution(minute=minute) for minute in minutes])
        parts = self.bulk(
            ResolutionPart,
            [
                ResolutionPart(
                    resolution=resolution,
                    position=position,
                    label=f"{position})",
                    text=self.sentence(18),
                    tracker_kind=kind,
                )
                for resolution in resolutions
                for position, kind in (
                    (1, ResolutionPart.TrackerKind.NONE),
                    (2, ResolutionPart.TrackerKind.RECOMMENDATION),
                )
            ],
        )
        tracker = []
        for part in parts:
            if part.tracker_kind != ResolutionPart.TrackerKind.RECOMMENDATION:
                continue
            minute = part.resolution.minute
            status = self.rng.choice(list(TrackerItem.Status))
            tracker.append(
                TrackerItem(
                    board_id=minute.board_id,
                    source_meeting=minute.meeting,
                    agenda_item=minute.agenda_item,
                    minute=minute,
                    resolution_part=part,
                    agenda_item_title=minute.title,
                    kind=TrackerItem.Kind.RECOMMENDATION,
                    text=part.text,
                    responsible_text="Cabinet Member",
                    due_date=minute.meeting.date + datetime.timedelta(days=61),
                    status=status,
                    completed_on=(
                        minute.meeting.date + datetime.timedelta(days=90)
                        if status == TrackerItem.Status.COMPLETE
                        else None
                    ),
                )
            )
        self.bulk(TrackerItem, tracker)
