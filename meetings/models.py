"""Meetings, agendas, documents, attendance, minutes, resolutions and work programmes."""

import datetime
import uuid

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Exists, Max, OuterRef, Q
from django.urls import reverse
from django.utils import timezone
from simple_history.models import HistoricalRecords

from boards.models import (
    Board,
    ClosureDay,
    Council,
    Membership,
    MunicipalYear,
    OrgUnit,
    Person,
    Post,
    Venue,
)
from meetings import deadlines
from meetings.fields import ExemptParagraphsField, format_paragraphs

# Who sees what (design.md): every `visible_to(user)` below is built from these rules,
# so that pages, feeds, search, packs and downloads cannot disagree.


def user_sees_everything(user) -> bool:
    """Officers, the co-ordinator and admins see unpublished meetings and exempt papers.

    The co-ordinator only reads them; who may edit is decided by the edit views.
    """
    return bool(
        user is not None
        and user.is_authenticated
        and (user.is_superuser or user.role in {"officer", "coordinator", "admin"})
    )


def agenda_published(meeting: str = "") -> Q:
    """Rows whose meeting's agenda is published; `meeting` is the lookup path to the
    meeting, e.g. "agenda_item__meeting__", or "" on Meeting itself."""
    return Q(**{f"{meeting}agenda_published_at__isnull": False})


def minutes_published(meeting: str = "") -> Q:
    """Rows whose meeting's agenda and minutes (draft or approved) are published."""
    return agenda_published(meeting) & Q(**{f"{meeting}minutes_published_at__isnull": False})


def sits_on_board(user, meeting: str = "") -> Q:
    """Rows whose meeting's board the user's person sat on, on the meeting's date.

    An EXISTS subquery rather than a join, so that a person with two memberships of one
    board (a new term, a change of role) does not duplicate rows.
    """
    if user is None or not user.is_authenticated or not getattr(user, "person_id", None):
        return Q(pk__in=[])
    on_the_day = Membership.objects.on(OuterRef(f"{meeting}date")).filter(
        board_id=OuterRef(f"{meeting}board_id"), person_id=user.person_id
    )
    return Q(Exists(on_the_day))


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


def document_upload_path(instance: "Document", filename: str) -> str:
    """A random name: uploaded file names are never trusted nor guessable."""
    return f"documents/{uuid.uuid4().hex}.pdf"


class DocumentQuerySet(models.QuerySet):
    def current(self) -> "DocumentQuerySet":
        return self.filter(withdrawn_at__isnull=True)

    def visible_to(self, user) -> "DocumentQuerySet":
        """Current papers of published meetings; exempt ones only for members of the board
        on the meeting's date. Officers and the co-ordinator see every paper.

        A paper counts as exempt when it is marked restricted, sits under a private item,
        or is an appendix of a restricted paper: a missed tick must not publish it.
        """
        if user_sees_everything(user):
            return self
        public = Q(is_restricted=False, agenda_item__section=AgendaItemSection.PUBLIC) & (
            Q(parent__isnull=True) | Q(parent__is_restricted=False)
        )
        meeting = "agenda_item__meeting__"
        return self.filter(agenda_published(meeting), withdrawn_at__isnull=True).filter(
            public | sits_on_board(user, meeting)
        )


class DocumentKind(models.TextChoices):
    MINUTES = "minutes", "Minutes"
    BRIEFING_NOTE = "briefing_note", "Briefing note"
    REPORT = "report", "Report"
    APPENDIX = "appendix", "Appendix"
    OUTSTANDING_ISSUES = "outstanding_issues", "Outstanding issues report"
    WORK_PROGRAMME = "work_programme", "Work programme"
    PRESENTATION = "presentation", "Presentation"


class DocumentSource(models.TextChoices):
    AUTHORED = "authored", "Written in the browser"
    IMPORTED = "imported", "Imported from Word"
    UPLOADED = "uploaded", "Uploaded PDF"
    GENERATED = "generated", "Generated from the system's records"


class Document(models.Model):
    """A paper under an agenda item: written in the browser, imported from Word, or a PDF."""

    Kind = DocumentKind
    Source = DocumentSource

    agenda_item = models.ForeignKey(AgendaItem, on_delete=models.CASCADE, related_name="documents")
    parent = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="appendices",
        help_text="The document this is an appendix to.",
    )
    position = models.PositiveSmallIntegerField(default=1)
    kind = models.CharField(max_length=30, choices=Kind, default=Kind.BRIEFING_NOTE)
    source = models.CharField(max_length=20, choices=Source, default=Source.AUTHORED)
    title = models.CharField(max_length=300, help_text="The subject line of the document.")
    heading = models.CharField(max_length=100, blank=True, help_text='"Briefing note"')
    to_line = models.CharField(max_length=300, blank=True, help_text="Who the paper is for.")
    document_date = models.DateField(
        null=True, blank=True, help_text="The date printed on the paper; usually the meeting's."
    )
    body_html = models.TextField(blank=True, help_text="Sanitised HTML.")
    file = models.FileField(upload_to=document_upload_path, blank=True)
    original_filename = models.CharField(max_length=255, blank=True)
    is_restricted = models.BooleanField(default=False)
    exempt_paragraphs = ExemptParagraphsField()
    page_count = models.PositiveIntegerField(null=True, blank=True)
    withdrawn_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    version = models.PositiveIntegerField(default=1)

    objects = DocumentQuerySet.as_manager()
    history = HistoricalRecords(excluded_fields=["body_html"])

    class Meta:
        ordering = ["agenda_item", "position"]
        constraints = [
            models.UniqueConstraint(
                fields=["agenda_item", "position"], name="meetings_document_unique_position"
            ),
            models.CheckConstraint(
                condition=Q(kind__in=DocumentKind.values), name="meetings_document_kind_valid"
            ),
            models.CheckConstraint(
                condition=Q(source__in=DocumentSource.values), name="meetings_document_source_valid"
            ),
            models.CheckConstraint(
                condition=Q(is_restricted=False, exempt_paragraphs=0)
                | Q(is_restricted=True, exempt_paragraphs__gt=0),
                name="meetings_document_restricted_has_paragraphs",
                violation_error_message=(
                    "A restricted paper must name its Schedule 12A paragraphs, and an "
                    "unrestricted one none."
                ),
            ),
            models.CheckConstraint(
                condition=~Q(source="uploaded") | ~Q(file=""),
                name="meetings_document_upload_has_file",
                violation_error_message="Choose a PDF file to upload.",
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("meetings:document_detail", args=[self.pk])

    def clean(self) -> None:
        if self.is_restricted and not self.exempt_paragraphs:
            raise ValidationError(
                {"exempt_paragraphs": "Choose the Schedule 12A paragraphs for a restricted paper."}
            )
        if not self.is_restricted and self.exempt_paragraphs:
            raise ValidationError(
                {"is_restricted": "Tick restricted, or untick the exempt paragraphs."}
            )
        if self.source == self.Source.UPLOADED and not self.file:
            raise ValidationError({"file": "Choose a PDF file to upload."})

    @property
    def paragraphs_text(self) -> str:
        return format_paragraphs(self.exempt_paragraphs)


class AttendanceQuerySet(models.QuerySet):
    def visible_to(self, user) -> "AttendanceQuerySet":
        """Attendance is part of the minutes: public once they are published; before that
        only for officers and the co-ordinator."""
        if user_sees_everything(user):
            return self
        return self.filter(minutes_published("meeting__"))

    def present(self) -> "AttendanceQuerySet":
        return self.filter(status=Attendance.Status.PRESENT)

    def apologies(self) -> "AttendanceQuerySet":
        return self.filter(status=Attendance.Status.APOLOGIES)


class DocumentAuthor(models.Model):
    """An author named in a paper's contact block."""

    document = models.ForeignKey(Document, on_delete=models.CASCADE, related_name="authors")
    position = models.PositiveSmallIntegerField()
    person = models.ForeignKey(
        Person, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    name = models.CharField(max_length=200)
    job_title = models.CharField(max_length=200, blank=True)
    contact = models.CharField(max_length=200, blank=True, help_text="E-mail or telephone.")

    class Meta:
        ordering = ["document", "position"]
        constraints = [
            models.UniqueConstraint(
                fields=["document", "position"], name="meetings_documentauthor_unique_position"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.name}, {self.job_title}" if self.job_title else self.name


class AttendanceCategory(models.TextChoices):
    MEMBER = "member", "Members"
    CO_OPTED = "co_opted", "Co-Opted Members"
    CABINET_MEMBER = "cabinet_member", "Cabinet Members and Deputy Cabinet Members"
    OTHER_MEMBER = "other_member", "Other Members"
    INVITED = "invited", "Invited"
    OFFICER = "officer", "Employees"


class AttendanceStatus(models.TextChoices):
    PRESENT = "present", "Present"
    APOLOGIES = "apologies", "Apologies"


class Attendance(models.Model):
    """Who was at a meeting and in what capacity, or who sent apologies."""

    Category = AttendanceCategory
    Status = AttendanceStatus

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="attendances")
    person = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="attendances")
    category = models.CharField(max_length=20, choices=Category)
    status = models.CharField(max_length=20, choices=Status, default=Status.PRESENT)
    is_chair = models.BooleanField(default=False)
    substitute_for = models.ForeignKey(
        Person, null=True, blank=True, on_delete=models.PROTECT, related_name="substituted_by"
    )
    org_unit = models.ForeignKey(
        OrgUnit,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        help_text="For officers: their directorate or service area.",
    )
    description = models.CharField(
        max_length=200, blank=True, help_text='"Leader Coventry City Council", "Police"'
    )

    objects = AttendanceQuerySet.as_manager()

    class Meta:
        ordering = ["meeting", "category", "-is_chair", "person__surname"]
        verbose_name_plural = "attendance"
        constraints = [
            models.UniqueConstraint(
                fields=["meeting", "person", "category"],
                name="meetings_attendance_unique_person_category",
                violation_error_message=(
                    "This person is already recorded in this group for this meeting."
                ),
            ),
            models.CheckConstraint(
                condition=Q(category__in=AttendanceCategory.values),
                name="meetings_attendance_category_valid",
            ),
            models.CheckConstraint(
                condition=Q(status__in=AttendanceStatus.values),
                name="meetings_attendance_status_valid",
            ),
            models.CheckConstraint(
                condition=Q(substitute_for__isnull=True) | Q(status="present"),
                name="meetings_attendance_substitute_is_present",
                violation_error_message="Only someone present can be a substitute.",
            ),
            models.CheckConstraint(
                condition=~Q(substitute_for=models.F("person")),
                name="meetings_attendance_not_own_substitute",
                violation_error_message="A person cannot substitute for themselves.",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.person} – {self.get_status_display()}"

    def clean(self) -> None:
        if self.substitute_for_id and self.status != self.Status.PRESENT:
            raise ValidationError({"substitute_for": "Only someone present can be a substitute."})
        if self.substitute_for_id and self.substitute_for_id == self.person_id:
            raise ValidationError({"substitute_for": "A person cannot substitute for themselves."})


class DeclarationQuerySet(models.QuerySet):
    def visible_to(self, user) -> "DeclarationQuerySet":
        """Declarations are minuted: public once the minutes are published."""
        if user_sees_everything(user):
            return self
        return self.filter(minutes_published("meeting__"))


class DeclarationKind(models.TextChoices):
    DISCLOSABLE_PECUNIARY = "disclosable_pecuniary", "Disclosable pecuniary interest"
    OTHER_REGISTRABLE = "other_registrable", "Other registrable interest"
    NON_REGISTRABLE = "non_registrable", "Non-registrable interest"


class DeclarationAction(models.TextChoices):
    NONE = "", "Stayed and took part"
    LEFT_ROOM = "left_room", "Left the room"
    DID_NOT_VOTE = "did_not_vote", "Stayed but did not vote"


class Declaration(models.Model):
    """An interest a member declared at a meeting, optionally on one item."""

    Kind = DeclarationKind
    Action = DeclarationAction

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="declarations")
    agenda_item = models.ForeignKey(
        AgendaItem, null=True, blank=True, on_delete=models.SET_NULL, related_name="declarations"
    )
    person = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="declarations")
    kind = models.CharField(max_length=30, choices=Kind)
    interest = models.TextField(help_text="What the interest is.")
    action = models.CharField(max_length=20, choices=Action, default=Action.NONE, blank=True)

    objects = DeclarationQuerySet.as_manager()

    class Meta:
        ordering = ["meeting", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(kind__in=DeclarationKind.values), name="meetings_declaration_kind_valid"
            ),
            models.CheckConstraint(
                condition=Q(action__in=DeclarationAction.values),
                name="meetings_declaration_action_valid",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.person}: {self.get_kind_display()}"


class MinuteQuerySet(models.QuerySet):
    def visible_to(self, user) -> "MinuteQuerySet":
        """Minutes, draft or approved, once published; before that only for officers and
        the co-ordinator."""
        if user_sees_everything(user):
            return self
        return self.filter(minutes_published("meeting__"))

    def next_number(self, board: Board, municipal_year: MunicipalYear) -> int:
        """The number the board's next minute takes, by the council's numbering policy.

        Per municipal year (Coventry 2015/16 and 2016/17): 1 at the first meeting of the
        year, then continuing. Continuous: on from the board's last minute in any year.
        """
        council = Council.load()
        minutes = self.filter(board=board)
        if council.minute_numbering == Council.MinuteNumbering.PER_MUNICIPAL_YEAR:
            minutes = minutes.filter(municipal_year=municipal_year)
            last = minutes.aggregate(last=Max("number"))["last"]
        else:
            latest = minutes.order_by("-meeting__date", "-number").first()
            last = latest.number if latest else None
        return (last or 0) + 1


class Minute(models.Model):
    """A numbered minute of a meeting: what the board heard, asked and resolved."""

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="minutes")
    # Copied from the meeting so the database can keep numbers unique within a year.
    board = models.ForeignKey(Board, on_delete=models.PROTECT, related_name="+")
    municipal_year = models.ForeignKey(MunicipalYear, on_delete=models.PROTECT, related_name="+")
    number = models.PositiveIntegerField()
    title = models.CharField(max_length=300)
    agenda_item = models.OneToOneField(
        AgendaItem, null=True, blank=True, on_delete=models.SET_NULL, related_name="minute"
    )
    body_html = models.TextField(blank=True, help_text="Sanitised HTML narrative.")
    discussion_intro = models.CharField(
        max_length=300,
        blank=True,
        help_text='"Having considered the report the Scrutiny Board questioned those present '
        'on the following:"',
    )
    requests_intro = models.CharField(
        max_length=300,
        blank=True,
        help_text='Introduces requests made outside the resolution: "The Scrutiny Board '
        'requested:-" or "Officers agreed to provide further information to Members on the '
        'following:"',
    )
    version = models.PositiveIntegerField(default=1)

    objects = MinuteQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        ordering = ["meeting", "number"]
        constraints = [
            models.UniqueConstraint(
                fields=["board", "municipal_year", "number"],
                name="meetings_minute_unique_number_in_year",
                violation_error_message=(
                    "This board already has a minute with this number in this municipal year."
                ),
            ),
            models.CheckConstraint(
                condition=Q(number__gte=1), name="meetings_minute_number_positive"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.number}. {self.title}"

    def get_absolute_url(self) -> str:
        return f"{self.meeting.get_absolute_url()}#minute-{self.number}"

    def clean(self) -> None:
        if not self.meeting_id:
            return
        # The board and year always follow the meeting; they are copied, never chosen.
        self.board_id = self.meeting.board_id
        self.municipal_year_id = self.meeting.municipal_year_id
        taken = Minute.objects.filter(
            board_id=self.board_id, municipal_year_id=self.municipal_year_id, number=self.number
        ).exclude(pk=self.pk)
        if self.number and taken.exists():
            raise ValidationError(
                {
                    "number": ValidationError(
                        "Minute %(number)s already exists for this board in %(year)s. "
                        "Choose another number.",
                        params={"number": self.number, "year": self.meeting.municipal_year},
                    )
                }
            )

    @property
    def reference(self) -> str:
        """How other minutes cite this one: "37/15" (Coventry 2016) or "46" (2024)."""
        return Council.load().minute_reference_format.format(
            number=self.number,
            year_short=self.municipal_year.year_short,
            year=self.municipal_year.start_date.year,
        )


class DiscussionPoint(models.Model):
    """One of the matters the board questioned or discussed under a minute."""

    minute = models.ForeignKey(Minute, on_delete=models.CASCADE, related_name="discussion_points")
    position = models.PositiveSmallIntegerField()
    text = models.TextField()

    class Meta:
        ordering = ["minute", "position"]
        constraints = [
            models.UniqueConstraint(
                fields=["minute", "position"], name="meetings_discussionpoint_unique_position"
            ),
        ]

    def __str__(self) -> str:
        return self.text[:80]


class MinuteRequestKind(models.TextChoices):
    BOARD_REQUEST = "board_request", "Request of the board"
    OFFICER_UNDERTAKING = "officer_undertaking", "Officer undertaking"


class MinuteRequest(models.Model):
    """A request or undertaking minuted outside the resolution; it may feed the tracker."""

    Kind = MinuteRequestKind

    minute = models.ForeignKey(Minute, on_delete=models.CASCADE, related_name="requests")
    position = models.PositiveSmallIntegerField()
    kind = models.CharField(max_length=30, choices=Kind)
    label = models.CharField(max_length=10, blank=True, help_text='"1." or blank for a bullet')
    text = models.TextField()

    class Meta:
        ordering = ["minute", "position"]
        constraints = [
            models.UniqueConstraint(
                fields=["minute", "position"], name="meetings_minuterequest_unique_position"
            ),
            models.CheckConstraint(
                condition=Q(kind__in=MinuteRequestKind.values),
                name="meetings_minuterequest_kind_valid",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.label} {self.text[:80]}".strip()


class ResolutionQuerySet(models.QuerySet):
    def visible_to(self, user) -> "ResolutionQuerySet":
        """Resolutions of minutes the user may see."""
        if user_sees_everything(user):
            return self
        return self.filter(minutes_published("minute__meeting__"))


class Resolution(models.Model):
    """What a minute resolved: a preamble and numbered parts."""

    minute = models.OneToOneField(Minute, on_delete=models.CASCADE, related_name="resolution")
    preamble = models.CharField(max_length=300, default="RESOLVED that")
    label_style = models.CharField(
        max_length=20,
        choices=Council.ResolutionLabels,
        default=Council.ResolutionLabels.NUMERIC_PAREN,
    )

    objects = ResolutionQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        constraints = [
            models.CheckConstraint(
                condition=Q(label_style__in=Council.ResolutionLabels.values),
                name="meetings_resolution_label_style_valid",
            ),
        ]

    def __str__(self) -> str:
        return f"Resolution of minute {self.minute.number}"

    def label_for(self, position: int) -> str:
        """The label of the part at a 1-based position: "1.", "1)" or "a)"."""
        if self.label_style == Council.ResolutionLabels.NUMERIC_DOT:
            return f"{position}."
        if self.label_style == Council.ResolutionLabels.ALPHA_PAREN:
            return f"{chr(ord('a') + position - 1)})"
        return f"{position})"


class ResolutionPartTrackerKind(models.TextChoices):
    NONE = "", "Not for the tracker"
    RECOMMENDATION = "R", "Recommendation"
    ACTION = "A", "Action"
    INFORMATION = "I", "Information request"


class ResolutionPartQuerySet(models.QuerySet):
    def visible_to(self, user) -> "ResolutionPartQuerySet":
        """Parts of resolutions of minutes the user may see."""
        if user_sees_everything(user):
            return self
        return self.filter(minutes_published("resolution__minute__meeting__"))


class ResolutionPart(models.Model):
    """One numbered part of a resolution, optionally flagged for the tracker."""

    TrackerKind = ResolutionPartTrackerKind

    resolution = models.ForeignKey(Resolution, on_delete=models.CASCADE, related_name="parts")
    position = models.PositiveSmallIntegerField()
    label = models.CharField(max_length=10, blank=True)
    text = models.TextField()
    tracker_kind = models.CharField(
        max_length=1, choices=TrackerKind, default=TrackerKind.NONE, blank=True
    )

    objects = ResolutionPartQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        ordering = ["resolution", "position"]
        constraints = [
            models.UniqueConstraint(
                fields=["resolution", "position"], name="meetings_resolutionpart_unique_position"
            ),
            models.CheckConstraint(
                condition=Q(tracker_kind__in=ResolutionPartTrackerKind.values),
                name="meetings_resolutionpart_tracker_kind_valid",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.label} {self.text[:80]}".strip()


class ResolutionBullet(models.Model):
    """A bullet point under a resolution part."""

    part = models.ForeignKey(ResolutionPart, on_delete=models.CASCADE, related_name="bullets")
    position = models.PositiveSmallIntegerField()
    text = models.TextField()

    class Meta:
        ordering = ["part", "position"]
        constraints = [
            models.UniqueConstraint(
                fields=["part", "position"], name="meetings_resolutionbullet_unique_position"
            ),
        ]

    def __str__(self) -> str:
        return self.text[:80]


class WorkProgrammeQuerySet(models.QuerySet):
    def visible_to(self, user) -> "WorkProgrammeQuerySet":
        """Work programmes are public, drafts included: a DRAFT programme is itself a
        published agenda paper (seeds, 16 June 2016, item 6)."""
        return self.all()


class WorkProgramme(models.Model):
    """A board's plan of items for a municipal year."""

    board = models.ForeignKey(Board, on_delete=models.CASCADE, related_name="work_programmes")
    municipal_year = models.ForeignKey(
        MunicipalYear, on_delete=models.PROTECT, related_name="work_programmes"
    )
    title = models.CharField(max_length=300, blank=True)
    is_draft = models.BooleanField(default=False)
    last_updated = models.DateField(null=True, blank=True)
    intro = models.TextField(blank=True)

    objects = WorkProgrammeQuerySet.as_manager()

    class Meta:
        ordering = ["board", "municipal_year__start_date"]
        constraints = [
            models.UniqueConstraint(
                fields=["board", "municipal_year"],
                name="meetings_workprogramme_unique_year",
                violation_error_message=(
                    "This board already has a work programme for this municipal year."
                ),
            ),
        ]

    def __str__(self) -> str:
        return self.title or f"{self.board} work programme {self.municipal_year}"


class WorkProgrammeItemSection(models.TextChoices):
    MEETING = "meeting", "Scheduled to a meeting"
    THIS_YEAR = "this_year", "Items for this year"
    NEXT_YEAR = "next_year", "Items for next year"
    FOR_INFORMATION = "for_information", "Items taken for information"
    PROGRESS_REPORTS = "progress_reports", "Progress Reports"
    PROPOSED = "proposed", "Proposed Agenda Items"


class WorkProgrammeItemOrigin(models.TextChoices):
    MEMBER_REQUEST = "member_request", "Members' request"
    RESOLUTION = "resolution", "A resolution of the board"
    REFERRAL = "referral", "Referred by another body"
    STANDING_ITEM = "standing_item", "Standing item agreed by Council"
    ANNUAL_REPORT = "annual_report", "Annual report"
    EXECUTIVE = "executive", "To tie in with the executive"
    OTHER = "other", "Other"


class WorkProgrammeItemStatus(models.TextChoices):
    PROPOSED = "proposed", "Proposed"
    SCHEDULED = "scheduled", "Scheduled"
    CONSIDERED = "considered", "Considered"
    DEFERRED = "deferred", "Deferred"
    FOR_INFORMATION = "for_information", "For information"
    MERGED = "merged", "Merged"
    WITHDRAWN = "withdrawn", "Withdrawn"


class WorkProgrammeItem(models.Model):
    """A topic on a work programme, scheduled to a meeting or in an undated section."""

    Section = WorkProgrammeItemSection
    Origin = WorkProgrammeItemOrigin
    Status = WorkProgrammeItemStatus

    programme = models.ForeignKey(WorkProgramme, on_delete=models.CASCADE, related_name="items")
    section = models.CharField(max_length=20, choices=Section, default=Section.MEETING)
    meeting = models.ForeignKey(
        Meeting,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="work_programme_items",
    )
    position = models.PositiveSmallIntegerField(default=1)
    title = models.CharField(max_length=300)
    detail = models.TextField(blank=True)
    lead_text = models.CharField("Cabinet Member / lead officer", max_length=300, blank=True)
    origin = models.CharField(max_length=20, choices=Origin, default=Origin.OTHER)
    requested_at = models.ForeignKey(
        Meeting,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="The meeting at which members asked for this item.",
    )
    status = models.CharField(max_length=20, choices=Status, default=Status.PROPOSED)
    is_standing_item = models.BooleanField(default=False)

    class Meta:
        ordering = ["programme", "meeting__date", "section", "position"]
        constraints = [
            models.CheckConstraint(
                condition=Q(section="meeting", meeting__isnull=False)
                | (~Q(section="meeting") & Q(meeting__isnull=True)),
                name="meetings_workprogrammeitem_meeting_iff_dated",
                violation_error_message=(
                    "Choose a meeting for an item scheduled to a meeting, and none for an undated"
                    " item."
                ),
            ),
            models.CheckConstraint(
                condition=Q(section__in=WorkProgrammeItemSection.values),
                name="meetings_workprogrammeitem_section_valid",
            ),
            models.CheckConstraint(
                condition=Q(origin__in=WorkProgrammeItemOrigin.values),
                name="meetings_workprogrammeitem_origin_valid",
            ),
            models.CheckConstraint(
                condition=Q(status__in=WorkProgrammeItemStatus.values),
                name="meetings_workprogrammeitem_status_valid",
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def clean(self) -> None:
        if self.section == self.Section.MEETING and not self.meeting_id:
            raise ValidationError({"meeting": "Choose the meeting this item is scheduled to."})
        if self.section != self.Section.MEETING and self.meeting_id:
            raise ValidationError(
                {"meeting": "Leave the meeting empty for an item in an undated section."}
            )


class WorkProgrammeMove(models.Model):
    """A record of a work programme item moving between meetings or sections."""

    item = models.ForeignKey(WorkProgrammeItem, on_delete=models.CASCADE, related_name="moves")
    moved_on = models.DateField()
    from_meeting = models.ForeignKey(
        Meeting, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    to_meeting = models.ForeignKey(
        Meeting, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    from_section = models.CharField(max_length=20, choices=WorkProgrammeItem.Section, blank=True)
    to_section = models.CharField(max_length=20, choices=WorkProgrammeItem.Section, blank=True)
    note = models.CharField(max_length=300, blank=True)

    class Meta:
        ordering = ["item", "moved_on"]
        constraints = [
            models.CheckConstraint(
                condition=Q(from_section__in=["", *WorkProgrammeItemSection.values])
                & Q(to_section__in=["", *WorkProgrammeItemSection.values]),
                name="meetings_workprogrammemove_sections_valid",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.item} moved on {self.moved_on}"
