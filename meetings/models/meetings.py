"""Meetings and their agendas: items, sub-items and the board's standard items."""

import datetime

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from simple_history.models import HistoricalRecords

from boards.models import (
    Board,
    ClosureDay,
    Council,
    MunicipalYear,
    Person,
    Post,
    Venue,
)
from meetings import deadlines
from meetings.fields import ExemptParagraphsField, format_paragraphs
from meetings.models.visibility import agenda_published, user_sees_everything


class MeetingQuerySet(models.QuerySet):
    def published(self) -> "MeetingQuerySet":
        return self.filter(agenda_published_at__isnull=False)

    def visible_to(self, user) -> "MeetingQuerySet":
        """Meetings with a published agenda; unpublished ones for officers and the co-ordinator."""
        if user_sees_everything(user):
            return self
        return self.filter(agenda_published())

    def upcoming(self, today: datetime.date | None = None) -> "MeetingQuerySet":
        today = today or timezone.localdate()
        return self.filter(date__gte=today).order_by("date", "start_time")

    def past(self, today: datetime.date | None = None) -> "MeetingQuerySet":
        today = today or timezone.localdate()
        return self.filter(date__lt=today).order_by("-date", "-start_time")

    def not_cancelled(self) -> "MeetingQuerySet":
        return self.exclude(status=Meeting.Status.CANCELLED)


class MeetingStatus(models.TextChoices):
    SCHEDULED = "scheduled", "Scheduled"
    HELD = "held", "Held"
    CANCELLED = "cancelled", "Cancelled"
    MOVED = "moved", "Moved"


class Meeting(models.Model):
    """A meeting of a board: when, where, its agenda's publication and its minutes."""

    Status = MeetingStatus

    board = models.ForeignKey(Board, on_delete=models.PROTECT, related_name="meetings")
    municipal_year = models.ForeignKey(
        MunicipalYear, on_delete=models.PROTECT, related_name="meetings"
    )
    date = models.DateField()
    start_time = models.TimeField()
    session_label = models.CharField(
        max_length=20, blank=True, help_text='Printed after the date, e.g. "PM".'
    )
    venue = models.ForeignKey(
        Venue, null=True, blank=True, on_delete=models.PROTECT, related_name="meetings"
    )
    status = models.CharField(max_length=20, choices=Status, default=Status.SCHEDULED)
    moved_from_date = models.DateField(
        null=True, blank=True, help_text="The original date of a meeting that was moved."
    )
    contact_officer = models.ForeignKey(
        Person, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    signatory = models.ForeignKey(
        Post,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="The proper officer who signs the agenda.",
    )
    agenda_published_at = models.DateTimeField(null=True, blank=True)
    agenda_published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    urgency_reason = models.TextField(
        blank=True,
        help_text="Why the agenda was published with fewer clear working days than required.",
    )
    closed_at = models.TimeField(null=True, blank=True)
    minutes_published_at = models.DateTimeField(null=True, blank=True)
    minutes_approved_at = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="approved_minutes_of",
        help_text="The meeting that agreed these minutes as a true record.",
    )
    version = models.PositiveIntegerField(default=1)

    objects = MeetingQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        ordering = ["date", "start_time"]
        constraints = [
            models.UniqueConstraint(
                fields=["board", "date", "start_time"],
                name="meetings_meeting_unique_slot",
                violation_error_message="This board already has a meeting at this date and time.",
            ),
            models.CheckConstraint(
                condition=Q(status__in=MeetingStatus.values), name="meetings_meeting_status_valid"
            ),
            models.CheckConstraint(
                condition=~Q(status="moved") | Q(moved_from_date__isnull=False),
                name="meetings_meeting_moved_keeps_original_date",
                violation_error_message="Enter the date the meeting was moved from.",
            ),
            models.CheckConstraint(
                condition=Q(minutes_approved_at__isnull=True)
                | Q(minutes_published_at__isnull=False),
                name="meetings_meeting_minutes_published_before_approved",
                violation_error_message="Publish the minutes before recording their approval.",
            ),
        ]
        indexes = [
            # Home page and calendar: meetings from a date onwards.
            models.Index(fields=["date"], name="meetings_meeting_date_idx"),
            # Board page: a board's meetings by date.
            models.Index(fields=["board", "date"], name="meetings_meeting_board_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.board} – {self.date.day} {self.date:%B %Y}"

    def get_absolute_url(self) -> str:
        return reverse("meetings:meeting_detail", args=[self.pk])

    def clean(self) -> None:
        if self.status == self.Status.MOVED and not self.moved_from_date:
            raise ValidationError({"moved_from_date": "Enter the date the meeting was moved from."})
        if self.date and self.municipal_year_id:
            year = self.municipal_year
            if not year.start_date <= self.date <= year.end_date:
                # A dict of messages ignores params, so each message carries its own.
                raise ValidationError(
                    {
                        "date": ValidationError(
                            "The date must fall within the municipal year %(year)s.",
                            params={"year": year},
                        )
                    }
                )

    @property
    def is_published(self) -> bool:
        return self.agenda_published_at is not None

    @property
    def is_cancelled(self) -> bool:
        return self.status == self.Status.CANCELLED

    @property
    def has_private_business(self) -> bool:
        return self.items.filter(section=AgendaItem.Section.PRIVATE).exists()

    @property
    def minutes_status(self) -> str:
        if self.minutes_approved_at_id:
            return "approved"
        if self.minutes_published_at:
            return "published"
        return "draft"

    def previous_held_meeting(self) -> "Meeting | None":
        """The board's last meeting before this one that was not cancelled.

        The 17 October 2024 minutes item approves 11 July 2024 because the
        12 September 2024 meeting was cancelled.
        """
        return (
            Meeting.objects.filter(board_id=self.board_id, date__lt=self.date)
            .not_cancelled()
            .order_by("-date", "-start_time")
            .first()
        )

    def next_held_meeting(self) -> "Meeting | None":
        """The board's next meeting after this one that is not cancelled: the one whose
        "Minutes" item agrees this meeting's minutes, and whose pack prints them."""
        return (
            Meeting.objects.filter(board_id=self.board_id, date__gt=self.date)
            .not_cancelled()
            .order_by("date", "start_time")
            .first()
        )

    def publication_deadline(self, council: Council | None = None) -> datetime.date:
        """The last working day that still gives the required clear working days."""
        council = council or Council.load()
        return deadlines.latest_publication_date(
            self.date, council.clear_working_days, ClosureDay.objects.dates_set()
        )

    def clear_working_days_given(self, published_on: datetime.date) -> int:
        return deadlines.clear_working_days(published_on, self.date, ClosureDay.objects.dates_set())

    def cancel(self) -> None:
        self.status = self.Status.CANCELLED
        self.save(update_fields=["status"])

    def move_to(self, new_date: datetime.date, start_time: datetime.time | None = None) -> None:
        """Move the meeting, keeping the first original date ("moved from 27th March 25")."""
        self.moved_from_date = self.moved_from_date or self.date
        self.date = new_date
        if start_time:
            self.start_time = start_time
        self.status = self.Status.MOVED
        self.save()


class AgendaItemQuerySet(models.QuerySet):
    def with_current_papers(self) -> "AgendaItemQuerySet":
        """Items in agenda order with their report-of post, sub-items and current papers
        (papers, then their appendices, as `current_documents`): the agenda as an officer
        checks and builds it."""
        from meetings.models.documents import Document

        return (
            self.select_related("report_of")
            .prefetch_related(
                "sub_items",
                models.Prefetch(
                    "documents",
                    queryset=Document.objects.current().order_by("parent_id", "position"),
                    to_attr="current_documents",
                ),
            )
            .order_by("number")
        )

    def visible_to(self, user) -> "AgendaItemQuerySet":
        """Items of meetings the user may see, private ones included: a private item's
        number and title are public on a published agenda; only its papers are exempt."""
        if user_sees_everything(user):
            return self
        return self.filter(agenda_published("meeting__"))


class AgendaItemSection(models.TextChoices):
    PUBLIC = "public", "Public business"
    PRIVATE = "private", "Private business"


class AgendaItemKind(models.TextChoices):
    APOLOGIES = "apologies", "Apologies and substitutions"
    DECLARATIONS = "declarations", "Declarations of interests"
    EXCLUSION = "exclusion", "Exclusion of press and public"
    MINUTES = "minutes", "Minutes of the previous meeting"
    REPORT = "report", "Report"
    OUTSTANDING_ISSUES = "outstanding_issues", "Outstanding issues"
    WORK_PROGRAMME = "work_programme", "Work programme"
    AOB = "aob", "Any other business"
    MEETING_EVALUATION = "meeting_evaluation", "Meeting evaluation"
    OTHER = "other", "Other"


class AgendaItemDocumentType(models.TextChoices):
    NONE = "", "None"
    BRIEFING_NOTE = "briefing_note", "Briefing Note"
    REPORT = "report", "Report"


class AgendaItem(models.Model):
    """A numbered item on a meeting's agenda."""

    Section = AgendaItemSection
    Kind = AgendaItemKind
    DocumentType = AgendaItemDocumentType

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="items")
    number = models.PositiveSmallIntegerField()
    section = models.CharField(max_length=10, choices=Section, default=Section.PUBLIC)
    kind = models.CharField(max_length=30, choices=Kind, default=Kind.REPORT)
    # PostgreSQL derives search_title from this column (migrations/0006_search_titles.py).
    title = models.CharField(max_length=300)
    description = models.TextField(blank=True)
    document_type = models.CharField(
        max_length=20, choices=DocumentType, default=DocumentType.NONE, blank=True
    )
    report_of = models.ForeignKey(
        Post,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="agenda_items",
        help_text='The accountable post: "Briefing Note of the Director of …".',
    )
    report_of_suffix = models.CharField(max_length=50, blank=True, help_text='e.g. "(attached)"')
    exempt_paragraphs = ExemptParagraphsField(
        help_text="Schedule 12A paragraphs that make a private item exempt."
    )
    public_counterpart = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="exempt_companions",
        help_text="The public item this private item accompanies.",
    )
    work_programme_item = models.ForeignKey(
        "WorkProgrammeItem",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="agenda_items",
    )
    documents_to_follow = models.BooleanField(default=False)
    version = models.PositiveIntegerField(default=1)

    objects = AgendaItemQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        ordering = ["meeting", "number"]
        constraints = [
            models.UniqueConstraint(
                fields=["meeting", "number"],
                name="meetings_agendaitem_unique_number",
                violation_error_message="Another item on this agenda already has this number.",
            ),
            models.CheckConstraint(
                condition=Q(number__gte=1), name="meetings_agendaitem_number_positive"
            ),
            models.CheckConstraint(
                condition=Q(section__in=AgendaItemSection.values),
                name="meetings_agendaitem_section_valid",
            ),
            models.CheckConstraint(
                condition=Q(kind__in=AgendaItemKind.values), name="meetings_agendaitem_kind_valid"
            ),
            models.CheckConstraint(
                condition=Q(document_type__in=AgendaItemDocumentType.values),
                name="meetings_agendaitem_document_type_valid",
            ),
            # Private business must say why it is exempt (LGA 1972 s100A(4), Sch. 12A).
            models.CheckConstraint(
                condition=Q(section="public", exempt_paragraphs=0)
                | Q(section="private", exempt_paragraphs__gt=0),
                name="meetings_agendaitem_private_has_paragraphs",
                violation_error_message=(
                    "A private item must name its Schedule 12A paragraphs, and a public item none."
                ),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.number}. {self.title}"

    def clean(self) -> None:
        if self.section == self.Section.PRIVATE and not self.exempt_paragraphs:
            raise ValidationError(
                {"exempt_paragraphs": "Choose the Schedule 12A paragraphs for a private item."}
            )
        if self.section == self.Section.PUBLIC and self.exempt_paragraphs:
            raise ValidationError(
                {
                    "exempt_paragraphs": "Only private items have exempt paragraphs. "
                    "Untick them, or move the item to private business."
                }
            )
        if self.document_type and not self.report_of_id:
            raise ValidationError({"report_of": "Choose the post this item is a report of."})

    @property
    def is_private(self) -> bool:
        return self.section == self.Section.PRIVATE

    @property
    def report_of_line(self) -> str:
        """ "Briefing Note of the Director of Children and Education"."""
        if not self.document_type or not self.report_of_id:
            return ""
        line = f"{self.get_document_type_display()} of the {self.report_of.title}"
        return f"{line} {self.report_of_suffix}".strip()

    @property
    def paragraphs_text(self) -> str:
        return format_paragraphs(self.exempt_paragraphs)


class AgendaSubItem(models.Model):
    """A lettered line under an agenda item: "a) To agree the minutes …"."""

    agenda_item = models.ForeignKey(AgendaItem, on_delete=models.CASCADE, related_name="sub_items")
    position = models.PositiveSmallIntegerField()
    label = models.CharField(max_length=10)
    text = models.CharField(max_length=500)

    class Meta:
        ordering = ["agenda_item", "position"]
        constraints = [
            models.UniqueConstraint(
                fields=["agenda_item", "position"], name="meetings_agendasubitem_unique_position"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.label} {self.text}"


class StandardItemPlacement(models.TextChoices):
    BEFORE_REPORTS = "before", "Before the reports"
    AFTER_REPORTS = "after", "After the reports"


class StandardItem(models.Model):
    """An item every new agenda of a board starts with: the board's agenda template."""

    Placement = StandardItemPlacement

    board = models.ForeignKey(Board, on_delete=models.CASCADE, related_name="standard_items")
    position = models.PositiveSmallIntegerField()
    kind = models.CharField(max_length=30, choices=AgendaItem.Kind)
    placement = models.CharField(max_length=10, choices=Placement)
    title = models.CharField(max_length=300)
    description = models.TextField(blank=True)

    class Meta:
        ordering = ["board", "position"]
        constraints = [
            models.UniqueConstraint(
                fields=["board", "position"], name="meetings_standarditem_unique_position"
            ),
            models.CheckConstraint(
                condition=Q(kind__in=AgendaItem.Kind.values),
                name="meetings_standarditem_kind_valid",
            ),
            models.CheckConstraint(
                condition=Q(placement__in=StandardItemPlacement.values),
                name="meetings_standarditem_placement_valid",
            ),
        ]

    def __str__(self) -> str:
        return self.title
