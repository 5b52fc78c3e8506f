"""A board's work programme: items scheduled to meetings or in undated sections."""

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q

from boards.models import (
    Board,
    MunicipalYear,
)
from meetings.models.meetings import Meeting


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
