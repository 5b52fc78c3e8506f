"""The council, its municipal years, boards, people, posts and memberships."""

import datetime

from django.contrib.auth.models import AbstractUser
from django.contrib.auth.models import UserManager as AuthUserManager
from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.db import models
from django.db.models import Q
from django.urls import reverse
from simple_history.models import HistoricalRecords

from boards.formats import format_date, validate_pattern


class CouncilMinuteNumbering(models.TextChoices):
    PER_MUNICIPAL_YEAR = "per_year", "Restart at 1 each municipal year"
    CONTINUOUS = "continuous", "Continue from the board's previous minute"


class CouncilResolutionLabels(models.TextChoices):
    NUMERIC_DOT = "numeric_dot", "1. 2. 3."
    NUMERIC_PAREN = "numeric_paren", "1) 2) 3)"
    ALPHA_PAREN = "alpha_paren", "a) b) c)"


class Council(models.Model):
    """The council's settings and house style: one row, edited in the admin."""

    MinuteNumbering = CouncilMinuteNumbering
    ResolutionLabels = CouncilResolutionLabels

    name = models.CharField(max_length=200, default="Coventry City Council")
    address = models.CharField(max_length=300, blank=True)
    website_url = models.URLField(blank=True)
    public_attendance_url = models.URLField(
        blank=True, help_text="Guide to attending public meetings, linked from the agenda."
    )
    contact_email = models.EmailField(blank=True)
    contact_phone = models.CharField(max_length=50, blank=True)
    logo = models.ImageField(upload_to="council/", blank=True)
    brand_colour = models.CharField(
        max_length=7,
        default="#1d70b8",
        validators=[RegexValidator(r"^#[0-9a-fA-F]{6}$", "Enter a colour like #1d70b8.")],
        help_text="Header colour as a hex value, e.g. #1d70b8.",
    )

    # Date formats, one per place a date appears (see boards/formats.py).
    date_format_front_sheet = models.CharField(
        "front sheet time and date",
        max_length=100,
        default="{time} on {weekday}, {day_ord} {month}, {year}",
        validators=[validate_pattern],
    )
    date_format_published = models.CharField(
        "publication date",
        max_length=100,
        default="{weekday}, {day} {month} {year}",
        validators=[validate_pattern],
    )
    date_format_minutes_item = models.CharField(
        "minutes agenda item",
        max_length=100,
        default="{day_ord} {month}, {year}",
        validators=[validate_pattern],
        help_text='Used in "To agree the minutes of the meeting held on …".',
    )
    date_format_minutes_heading = models.CharField(
        "minutes heading",
        max_length=100,
        default="held at {time} on {weekday}, {day} {month} {year}",
        validators=[validate_pattern],
    )
    date_format_document = models.CharField(
        "document date",
        max_length=100,
        default="{day} {month} {year}",
        validators=[validate_pattern],
    )
    date_format_tracker = models.CharField(
        "tracker meeting date",
        max_length=100,
        default="{day_ord} {month} {year}",
        validators=[validate_pattern],
    )
    date_format_response = models.CharField(
        "tracker response date",
        max_length=100,
        default="{day}/{month_num}/{year_short}",
        validators=[validate_pattern],
    )
    date_format_work_programme = models.CharField(
        "work programme meeting",
        max_length=100,
        default="{day_ord} {month} {year_short}",
        validators=[validate_pattern],
    )
    date_format_apology_deadline = models.CharField(
        "apology deadline",
        max_length=100,
        default="{time_dotted} on {day_ord} {month}, {year}",
        validators=[validate_pattern],
    )

    # Minutes.
    minute_numbering = models.CharField(
        max_length=20, choices=MinuteNumbering, default=MinuteNumbering.PER_MUNICIPAL_YEAR
    )
    minute_reference_format = models.CharField(
        max_length=50,
        default="{number}/{year_short}",
        help_text='How one minute cites another: "{number}/{year_short}" gives "37/15".',
    )
    resolution_labels = models.CharField(
        max_length=20, choices=ResolutionLabels, default=ResolutionLabels.NUMERIC_PAREN
    )

    # Clear working days (Local Government Act 1972 s100B(3)).
    clear_working_days = models.PositiveSmallIntegerField(
        default=5,
        help_text="Clear working days an agenda must be published before its meeting.",
    )
    apology_deadline_time = models.TimeField(default=datetime.time(13, 0))
    speaking_request_deadline_time = models.TimeField(
        default=datetime.time(12, 0),
        help_text="Non-members ask the Chair to speak by this time on the day before.",
    )
    tracker_response_months = models.PositiveSmallIntegerField(
        default=2,
        help_text="Months the executive has to respond to a recommendation "
        "(statutory scrutiny guidance, 2019).",
    )

    # Boilerplate printed on agendas, minutes and packs.
    text_apologies_item = models.CharField(max_length=200, default="Apologies and Substitutions")
    text_declarations_item = models.CharField(max_length=200, default="Declarations of Interests")
    text_exclusion_item = models.CharField(max_length=200, default="Exclusion of Press and Public")
    text_exclusion_description = models.TextField(
        default="To consider whether to exclude the press and public for the item(s) of "
        "private business for the reasons shown in the report."
    )
    text_aob_description = models.TextField(
        default="Any other items of business which the Chair decides to take as matters "
        "of urgency because of the special circumstances involved."
    )
    text_meeting_evaluation_description = models.TextField(
        default="To discuss and evaluate the effectiveness of the meeting."
    )
    text_minutes_subitem_agree = models.CharField(
        max_length=200,
        default="To agree the minutes of the meeting held on {date}",
        help_text="{date} is replaced by the previous meeting's date.",
    )
    text_minutes_subitem_matters_arising = models.CharField(
        max_length=200, default="Matters Arising"
    )
    text_agenda_notes = models.TextField(
        blank=True,
        help_text="Notes printed under the agenda. Placeholders: {contact}, {apology_deadline}.",
    )
    text_accessibility = models.TextField(blank=True)
    text_public_access = models.TextField(blank=True)
    text_blank_page = models.CharField(
        max_length=200, default="This page is intentionally left blank"
    )
    text_restricted = models.TextField(
        default="By virtue of paragraph(s) {paragraphs} of Part 1 of Schedule 12A of the "
        "Local Government Act 1972.\n\nDocument is Restricted",
        help_text="{paragraphs} is replaced by the exempt paragraphs, e.g. 1, 3.",
    )
    text_no_interests = models.CharField(
        max_length=200, default="There were no disclosable pecuniary interests."
    )
    text_minutes_approved = models.CharField(
        max_length=200,
        default="The minutes of the meeting held on {date} were agreed as a true record.",
    )
    text_progress_reports = models.TextField(
        default="These items will only be reported to the Board by exception. Where progress "
        "is on track reports will be circulated to the Board for information only"
    )

    history = HistoricalRecords()

    class Meta:
        verbose_name = "council settings"
        verbose_name_plural = "council settings"
        constraints = [
            models.CheckConstraint(condition=Q(id=1), name="boards_council_singleton"),
            models.CheckConstraint(
                condition=Q(clear_working_days__gte=1), name="boards_council_clear_days_positive"
            ),
            models.CheckConstraint(
                condition=Q(minute_numbering__in=CouncilMinuteNumbering.values),
                name="boards_council_minute_numbering_valid",
            ),
            models.CheckConstraint(
                condition=Q(resolution_labels__in=CouncilResolutionLabels.values),
                name="boards_council_resolution_labels_valid",
            ),
        ]

    def __str__(self) -> str:
        return self.name

    def save(self, *args, **kwargs) -> None:
        self.pk = 1
        super().save(*args, **kwargs)

    def clean(self) -> None:
        try:
            self.minute_reference_format.format(number=1, year_short="16", year="2016")
        except (KeyError, IndexError, ValueError) as error:
            raise ValidationError(
                {
                    "minute_reference_format": "Use only {number}, {year} and {year_short}, "
                    'e.g. "{number}/{year_short}".'
                }
            ) from error

    @classmethod
    def load(cls) -> "Council":
        """The settings row, created with the defaults the first time it is asked for."""
        council, _ = cls.objects.get_or_create(pk=1)
        return council

    def format(self, slot: str, value: datetime.date, time: datetime.time | None = None) -> str:
        """Format a date for one slot: council.format("front_sheet", meeting.date, ...)."""
        return format_date(getattr(self, f"date_format_{slot}"), value, time)


class ClosureDayQuerySet(models.QuerySet):
    def dates_set(self) -> frozenset[datetime.date]:
        return frozenset(self.values_list("date", flat=True))


class ClosureDay(models.Model):
    """A day the council's offices are closed, not counted as a clear working day."""

    date = models.DateField()
    reason = models.CharField(max_length=200)

    objects = ClosureDayQuerySet.as_manager()

    class Meta:
        ordering = ["date"]
        constraints = [
            models.UniqueConstraint(fields=["date"], name="boards_closureday_unique_date"),
        ]

    def __str__(self) -> str:
        return f"{self.date:%d %B %Y}: {self.reason}"


class MunicipalYearQuerySet(models.QuerySet):
    def containing(self, day: datetime.date) -> "MunicipalYearQuerySet":
        return self.filter(start_date__lte=day, end_date__gte=day)


class MunicipalYear(models.Model):
    """A council year, from annual council in May to the next."""

    label = models.CharField(max_length=20, help_text='The canonical form, e.g. "2016/17".')
    start_date = models.DateField()
    end_date = models.DateField()

    objects = MunicipalYearQuerySet.as_manager()

    class Meta:
        ordering = ["start_date"]
        constraints = [
            models.UniqueConstraint(
                fields=["label"],
                name="boards_municipalyear_unique_label",
                violation_error_message="A municipal year with this label already exists.",
            ),
            models.UniqueConstraint(
                fields=["start_date"], name="boards_municipalyear_unique_start"
            ),
            models.CheckConstraint(
                condition=Q(end_date__gt=models.F("start_date")),
                name="boards_municipalyear_ends_after_start",
                violation_error_message="The end date must be after the start date.",
            ),
        ]

    def __str__(self) -> str:
        return self.label

    def clean(self) -> None:
        if self.start_date and self.end_date and self.end_date <= self.start_date:
            raise ValidationError({"end_date": "The end date must be after the start date."})
        if self.start_date and self.end_date:
            overlapping = MunicipalYear.objects.filter(
                start_date__lte=self.end_date, end_date__gte=self.start_date
            ).exclude(pk=self.pk)
            if overlapping.exists():
                raise ValidationError(
                    "These dates overlap the municipal year %(other)s.",
                    params={"other": overlapping.first()},
                )

    @property
    def year_short(self) -> str:
        """The two-digit suffix minutes cite: "16" for 2016/17 ("Minute 4/16")."""
        return f"{self.start_date.year % 100:02d}"

    @classmethod
    def for_date(cls, day: datetime.date) -> "MunicipalYear":
        """The municipal year a date falls in; raises DoesNotExist when there is none."""
        return cls.objects.containing(day).get()

    @classmethod
    def default_bounds(cls, day: datetime.date) -> tuple[datetime.date, datetime.date, str]:
        """May to May: the start, end and label of the year a date would fall in.

        Annual council meets in May (Local Government Act 1972 Sch. 12 para 1); we take
        1 May as the start unless the council records other dates.
        """
        start_year = day.year if day.month >= 5 else day.year - 1
        start = datetime.date(start_year, 5, 1)
        end = datetime.date(start_year + 1, 4, 30)
        return start, end, f"{start_year}/{(start_year + 1) % 100:02d}"

    @classmethod
    def get_or_create_for(cls, day: datetime.date) -> "MunicipalYear":
        """The year containing `day`, created May to May if no recorded year is near it."""
        try:
            return cls.for_date(day)
        except cls.DoesNotExist:
            start, end, label = cls.default_bounds(day)
            clashes = cls.objects.filter(
                Q(label=label) | Q(start_date__lte=end, end_date__gte=start)
            )
            if clashes.exists():
                raise cls.DoesNotExist(
                    f"No municipal year covers {day:%d %B %Y}, and a May-to-May year would "
                    f"overlap {clashes.first()}. Record the year's dates in the admin."
                ) from None
            return cls.objects.create(label=label, start_date=start, end_date=end)


class OrgUnitKind(models.TextChoices):
    DIRECTORATE = "directorate", "Directorate"
    SERVICE_AREA = "service_area", "Service area"
    TEAM = "team", "Team"


class OrgUnit(models.Model):
    """A directorate or service area that officers belong to."""

    Kind = OrgUnitKind

    name = models.CharField(max_length=200)
    kind = models.CharField(max_length=20, choices=Kind, default=Kind.SERVICE_AREA)

    class Meta:
        ordering = ["name"]
        verbose_name = "directorate or service area"
        verbose_name_plural = "directorates and service areas"
        constraints = [
            models.UniqueConstraint(fields=["name"], name="boards_orgunit_unique_name"),
            models.CheckConstraint(
                condition=Q(kind__in=OrgUnitKind.values), name="boards_orgunit_kind_valid"
            ),
        ]

    def __str__(self) -> str:
        return self.name


class PersonQuerySet(models.QuerySet):
    def councillors(self) -> "PersonQuerySet":
        return self.filter(is_councillor=True)

    def by_surname(self) -> "PersonQuerySet":
        return self.order_by("surname", "initials", "forenames")


class Person(models.Model):
    """A councillor, co-opted member, officer or guest; independent of any login."""

    honorific = models.CharField(max_length=20, blank=True, help_text="Mrs, Mr, Dr, DCI …")
    initials = models.CharField(max_length=20, blank=True, help_text='As printed: "CE", "E M".')
    forenames = models.CharField(max_length=100, blank=True)
    surname = models.CharField(max_length=100)
    is_councillor = models.BooleanField(default=False)
    email = models.EmailField(blank=True)
    phone = models.CharField(max_length=50, blank=True)
    organisation = models.CharField(
        max_length=200, blank=True, help_text="For guests from outside the council."
    )
    org_unit = models.ForeignKey(
        OrgUnit, null=True, blank=True, on_delete=models.SET_NULL, related_name="people"
    )

    objects = PersonQuerySet.as_manager()

    class Meta:
        ordering = ["surname", "initials", "forenames"]
        verbose_name_plural = "people"
        indexes = [
            # Alphabetical lists of members and attendance blocks sort by surname.
            models.Index(fields=["surname", "initials"], name="boards_person_surname_idx"),
        ]

    def __str__(self) -> str:
        return self.formal_name

    @property
    def short_name(self) -> str:
        """Initials and surname as the seeds print them: "M Mutton", "CE Thomas"."""
        initials = self.initials or (self.forenames[:1] if self.forenames else "")
        return f"{initials} {self.surname}".strip()

    @property
    def full_name(self) -> str:
        """Forenames and surname, falling back to initials: "Gennie Holmes"."""
        first = self.forenames or self.initials
        return f"{first} {self.surname}".strip()

    @property
    def formal_name(self) -> str:
        """ "Councillor M Mutton", "Mrs S Hanson", "Gennie Holmes"."""
        if self.is_councillor:
            return f"Councillor {self.short_name}"
        if self.honorific:
            return f"{self.honorific} {self.short_name}"
        return self.full_name


class Post(models.Model):
    """A job held by an officer for a period; agenda report-of lines name posts."""

    title = models.CharField(max_length=200)
    org_unit = models.ForeignKey(
        OrgUnit, null=True, blank=True, on_delete=models.SET_NULL, related_name="posts"
    )
    holder = models.ForeignKey(
        Person, null=True, blank=True, on_delete=models.SET_NULL, related_name="posts"
    )
    valid_from = models.DateField(null=True, blank=True)
    valid_to = models.DateField(null=True, blank=True)

    class Meta:
        ordering = ["title"]
        constraints = [
            models.CheckConstraint(
                condition=Q(valid_to__isnull=True)
                | Q(valid_from__isnull=True)
                | Q(valid_to__gte=models.F("valid_from")),
                name="boards_post_ends_after_start",
                violation_error_message="The end date must be on or after the start date.",
            ),
        ]

    def __str__(self) -> str:
        return self.title


class Portfolio(models.Model):
    """A cabinet portfolio held by a councillor for a period."""

    title = models.CharField(max_length=200, help_text='"Cabinet Member for Education and Skills"')
    holder = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="portfolios")
    is_deputy = models.BooleanField(default=False)
    valid_from = models.DateField()
    valid_to = models.DateField(null=True, blank=True)

    class Meta:
        ordering = ["title", "-valid_from"]
        constraints = [
            models.CheckConstraint(
                condition=Q(valid_to__isnull=True) | Q(valid_to__gte=models.F("valid_from")),
                name="boards_portfolio_ends_after_start",
                violation_error_message="The end date must be on or after the start date.",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.title} ({self.holder.short_name})"


class Venue(models.Model):
    """A meeting room and its building."""

    room = models.CharField(max_length=200)
    building = models.CharField(max_length=200)
    accessibility_notes = models.TextField(blank=True, help_text="Hearing loop, step-free access …")

    class Meta:
        ordering = ["building", "room"]
        constraints = [
            models.UniqueConstraint(
                fields=["room", "building"],
                name="boards_venue_unique_room",
                violation_error_message="This room is already recorded for this building.",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.room} - {self.building}"


class BoardQuerySet(models.QuerySet):
    def active(self) -> "BoardQuerySet":
        return self.filter(is_active=True)


class BoardKind(models.TextChoices):
    SCRUTINY_BOARD = "scrutiny_board", "Scrutiny board"
    COMMITTEE = "committee", "Committee"
    PANEL = "panel", "Panel"
    SINGLE_MEMBER = "single_member", "Single executive member"


class Board(models.Model):
    """A scrutiny board, committee or panel that holds meetings."""

    Kind = BoardKind

    name = models.CharField(max_length=200)
    short_name = models.CharField(max_length=100, blank=True, help_text='"Scrutiny Board 2"')
    slug = models.SlugField(max_length=100)
    number = models.PositiveSmallIntegerField(null=True, blank=True)
    kind = models.CharField(max_length=20, choices=Kind, default=Kind.SCRUTINY_BOARD)
    remit = models.TextField(blank=True)
    default_venue = models.ForeignKey(
        Venue, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    default_start_time = models.TimeField(default=datetime.time(10, 0))
    keeps_tracker = models.BooleanField(
        "keeps a recommendations tracker",
        default=False,
        help_text="Adds an Outstanding Issues item to each agenda.",
    )
    scrutiny_coordinator = models.ForeignKey(
        Person, null=True, blank=True, on_delete=models.SET_NULL, related_name="coordinated_boards"
    )
    governance_contacts = models.ManyToManyField(
        Person, blank=True, related_name="governance_boards"
    )
    is_active = models.BooleanField(default=True)

    objects = BoardQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(
                fields=["slug"],
                name="boards_board_unique_slug",
                violation_error_message="Another board already uses this web address (slug).",
            ),
            models.UniqueConstraint(fields=["name"], name="boards_board_unique_name"),
            models.CheckConstraint(
                condition=Q(kind__in=BoardKind.values), name="boards_board_kind_valid"
            ),
        ]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("boards:board_detail", args=[self.slug])


class MembershipQuerySet(models.QuerySet):
    def on(self, day: datetime.date) -> "MembershipQuerySet":
        """Memberships in force on a day."""
        return self.filter(start_date__lte=day).filter(
            Q(end_date__isnull=True) | Q(end_date__gte=day)
        )

    def during(self, year: MunicipalYear) -> "MembershipQuerySet":
        """Memberships in force at any time in a municipal year."""
        return self.filter(start_date__lte=year.end_date).filter(
            Q(end_date__isnull=True) | Q(end_date__gte=year.start_date)
        )

    def voting(self) -> "MembershipQuerySet":
        """Members expected to attend or send apologies: by-invitation members are not."""
        return self.exclude(role=Membership.Role.BY_INVITATION)


class MembershipRole(models.TextChoices):
    CHAIR = "chair", "Chair"
    VICE_CHAIR = "vice_chair", "Vice-Chair"
    MEMBER = "member", "Member"
    CO_OPTED = "co_opted", "Co-opted Member"
    BY_INVITATION = "by_invitation", "By Invitation"


class Membership(models.Model):
    """A person's place on a board for a period, with their role."""

    Role = MembershipRole

    board = models.ForeignKey(Board, on_delete=models.CASCADE, related_name="memberships")
    person = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="memberships")
    role = models.CharField(max_length=20, choices=Role, default=Role.MEMBER)
    is_voting = models.BooleanField(
        default=True, help_text="Untick for co-opted members without a vote."
    )
    capacity = models.CharField(
        max_length=200,
        blank=True,
        help_text='For members by invitation: "Cabinet Member for Education and Skills".',
    )
    start_date = models.DateField()
    end_date = models.DateField(null=True, blank=True)

    objects = MembershipQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        ordering = ["board", "person__surname"]
        constraints = [
            models.CheckConstraint(
                condition=Q(end_date__isnull=True) | Q(end_date__gte=models.F("start_date")),
                name="boards_membership_ends_after_start",
                violation_error_message="The end date must be on or after the start date.",
            ),
            models.CheckConstraint(
                condition=Q(role__in=MembershipRole.values), name="boards_membership_role_valid"
            ),
            models.UniqueConstraint(
                fields=["board", "person", "start_date"],
                name="boards_membership_unique_start",
                violation_error_message=(
                    "This person already has a membership of this board starting on that date."
                ),
            ),
        ]
        indexes = [
            # Board pages and access checks: who sits on this board on this date.
            models.Index(fields=["board", "start_date"], name="boards_membership_board_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.person} ({self.get_role_display()}), {self.board}"

    def clean(self) -> None:
        if self.end_date and self.start_date and self.end_date < self.start_date:
            raise ValidationError({"end_date": "The end date must be on or after the start date."})
        if self.role != self.Role.BY_INVITATION and self.capacity:
            raise ValidationError(
                {"capacity": "Only members by invitation have a capacity; leave it blank."}
            )

    @property
    def role_label(self) -> str:
        """The bracketed role on an agenda's membership line, or "" for plain members."""
        if self.role == self.Role.MEMBER:
            return ""
        if self.role == self.Role.BY_INVITATION and self.capacity:
            return self.capacity
        return self.get_role_display()


class UserRole(models.TextChoices):
    MEMBER = "member", "Member (councillor or co-opted member)"
    OFFICER = "officer", "Governance officer"
    COORDINATOR = "coordinator", "Scrutiny co-ordinator"
    ADMIN = "admin", "Administrator"


class UserManager(AuthUserManager):
    def create_superuser(self, username, email=None, password=None, **extra_fields) -> "User":
        # A superuser is staff, and the default role ("member") may not be staff.
        extra_fields.setdefault("role", UserRole.ADMIN)
        return super().create_superuser(username, email, password, **extra_fields)


class User(AbstractUser):
    """A login. Its role decides what it may do; councillors are never staff."""

    Role = UserRole

    role = models.CharField(max_length=20, choices=Role, default=Role.MEMBER)
    person = models.OneToOneField(
        Person, null=True, blank=True, on_delete=models.SET_NULL, related_name="user"
    )

    objects = UserManager()

    class Meta:
        constraints = [
            models.CheckConstraint(
                condition=Q(role__in=UserRole.values), name="boards_user_role_valid"
            ),
            # Councillors read the site; the admin is for officers (security.md).
            models.CheckConstraint(
                condition=~Q(role="member", is_staff=True),
                name="boards_user_members_not_staff",
                violation_error_message=(
                    "Members (councillors and co-optees) cannot be staff: the admin is for "
                    "officers."
                ),
            ),
        ]

    @property
    def is_officer(self) -> bool:
        return self.role in {self.Role.OFFICER, self.Role.ADMIN} or self.is_superuser

    @property
    def is_coordinator(self) -> bool:
        return self.role == self.Role.COORDINATOR


class SiteRevision(models.Model):
    """A counter that goes up after every committed change to what the site shows.

    The public page cache (scrutiny/pagecache.py) keys every stored page on it, so a
    change to any board, meeting, paper, minute or tracker item makes every stored page
    stale at once, on every web worker, whatever cache backend each one uses. One row.
    """

    number = models.PositiveBigIntegerField(default=0)

    class Meta:
        constraints = [
            models.CheckConstraint(condition=Q(pk=1), name="boards_siterevision_one_row"),
        ]

    def __str__(self) -> str:
        return f"Site revision {self.number}"

    @classmethod
    def current(cls) -> int:
        return cls.objects.filter(pk=1).values_list("number", flat=True).first() or 0

    @classmethod
    def bump(cls) -> None:
        if not cls.objects.filter(pk=1).update(number=models.F("number") + 1):
            cls.objects.get_or_create(pk=1, defaults={"number": 1})
