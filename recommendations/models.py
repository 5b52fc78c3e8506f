"""The recommendations tracker ("outstanding issues"): what a board asked for, and the answer."""

import datetime

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils import timezone
from simple_history.models import HistoricalRecords

from boards.models import Board, Person
from meetings.models import (
    AgendaItem,
    Meeting,
    Minute,
    MinuteRequest,
    ResolutionPart,
    agenda_published,
    exempt_minutes_hidden_from,
    user_sees_everything,
)


class TrackerItemQuerySet(models.QuerySet):
    def outstanding(self) -> "TrackerItemQuerySet":
        return self.exclude(status=TrackerItem.Status.COMPLETE)

    def overdue(self, today: datetime.date | None = None) -> "TrackerItemQuerySet":
        today = today or timezone.localdate()
        return self.outstanding().filter(due_date__lt=today)

    def visible_to(self, user) -> "TrackerItemQuerySet":
        """Tracker items of published meetings; everything for officers and the co-ordinator.

        The public tracker never shows `internal_notes`; templates leave them out. Items
        from a private item's minute are exempt, as that minute's resolution is.
        """
        if user_sees_everything(user):
            return self
        return self.filter(agenda_published("source_meeting__")).exclude(
            exempt_minutes_hidden_from(user, "minute__")
        )

    def for_report(self, meeting: Meeting) -> "TrackerItemQuerySet":
        """What the outstanding-issues report for `meeting` lists.

        Items still open or in progress, and items completed since the board last saw
        them: once a report has shown an item as complete it stays only in the full
        tracker (Coventry, minute 12 of 21 July 2016).
        """
        shown_complete = TrackerItemReport.objects.filter(
            status_shown=TrackerItem.Status.COMPLETE, meeting__date__lt=meeting.date
        ).values("tracker_item")
        return self.filter(
            board_id=meeting.board_id, source_meeting__date__lt=meeting.date
        ).exclude(pk__in=shown_complete)


class TrackerItemKind(models.TextChoices):
    RECOMMENDATION = "R", "Recommendation"
    ACTION = "A", "Action"
    INFORMATION = "I", "Information"


class TrackerItemStatus(models.TextChoices):
    OPEN = "open", "Open"
    IN_PROGRESS = "in_progress", "In progress"
    COMPLETE = "complete", "Complete"


class TrackerItem(models.Model):
    """A recommendation, action or information request followed until it is complete."""

    Kind = TrackerItemKind
    Status = TrackerItemStatus

    board = models.ForeignKey(Board, on_delete=models.PROTECT, related_name="tracker_items")
    source_meeting = models.ForeignKey(
        Meeting, on_delete=models.PROTECT, related_name="tracker_items"
    )
    agenda_item = models.ForeignKey(
        AgendaItem, null=True, blank=True, on_delete=models.SET_NULL, related_name="tracker_items"
    )
    minute = models.ForeignKey(
        Minute, null=True, blank=True, on_delete=models.SET_NULL, related_name="tracker_items"
    )
    resolution_part = models.ForeignKey(
        ResolutionPart,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="tracker_items",
        help_text="Empty for requests made in discussion but not resolved.",
    )
    minute_request = models.ForeignKey(
        MinuteRequest,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="tracker_items",
        help_text="An officer undertaking or board request recorded outside the resolution.",
    )
    agenda_item_title = models.CharField(
        max_length=300, help_text='As the report shows it: "Serious Case Review".'
    )
    kind = models.CharField(max_length=1, choices=Kind)
    text = models.TextField(help_text="The recommendation or action as a tracker sentence.")
    responsible_text = models.CharField(
        "Cabinet Member / responsible officer",
        max_length=200,
        blank=True,
        help_text='A role, body or person: "Cabinet Member", "LSCB", "John Gregg".',
    )
    responsible_person = models.ForeignKey(
        Person, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    officer_contacts = models.ManyToManyField(Person, blank=True, related_name="tracker_contacts")
    due_date = models.DateField(null=True, blank=True)
    status = models.CharField(max_length=20, choices=Status, default=Status.OPEN)
    completed_on = models.DateField(null=True, blank=True)
    internal_notes = models.TextField(blank=True, help_text="Never shown to the public.")
    position = models.PositiveSmallIntegerField(default=1)
    version = models.PositiveIntegerField(default=1)

    objects = TrackerItemQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        ordering = ["source_meeting__date", "position"]
        constraints = [
            models.CheckConstraint(
                condition=Q(kind__in=TrackerItemKind.values),
                name="recommendations_trackeritem_kind_valid",
            ),
            models.CheckConstraint(
                condition=Q(status__in=TrackerItemStatus.values),
                name="recommendations_trackeritem_status_valid",
            ),
            models.CheckConstraint(
                condition=Q(status="complete", completed_on__isnull=False)
                | (~Q(status="complete") & Q(completed_on__isnull=True)),
                name="recommendations_trackeritem_completed_on_iff_complete",
                violation_error_message=(
                    "Enter the completion date of a complete item, and none for an item not yet "
                    "complete."
                ),
            ),
            # A flagged resolution part becomes a tracker item exactly once.
            models.UniqueConstraint(
                fields=["resolution_part"],
                condition=Q(resolution_part__isnull=False),
                name="recommendations_trackeritem_unique_resolution_part",
                violation_error_message="This resolution part is already on the tracker.",
            ),
        ]
        indexes = [
            # The co-ordinator's tracker: a board's items by status.
            models.Index(fields=["board", "status"], name="recs_trackeritem_board_idx"),
            # Overdue lists and reminder digests: outstanding items by due date.
            models.Index(fields=["status", "due_date"], name="recs_trackeritem_due_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()}: {self.text[:80]}"

    def clean(self) -> None:
        if self.status == self.Status.COMPLETE and not self.completed_on:
            raise ValidationError({"completed_on": "Enter the date the item was completed."})
        if self.status != self.Status.COMPLETE and self.completed_on:
            raise ValidationError(
                {"completed_on": "Only complete items have a completion date; clear it."}
            )
        if self.source_meeting_id and self.board_id != self.source_meeting.board_id:
            raise ValidationError({"source_meeting": "Choose a meeting of this item's board."})

    @property
    def is_complete(self) -> bool:
        return self.status == self.Status.COMPLETE


class TrackerResponse(models.Model):
    """A dated response or update on a tracker item."""

    tracker_item = models.ForeignKey(
        TrackerItem, on_delete=models.CASCADE, related_name="responses"
    )
    date = models.DateField()
    text = models.TextField()
    from_text = models.CharField(
        "from", max_length=200, blank=True, help_text="Who the response came from."
    )
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["tracker_item", "date", "pk"]
        indexes = [
            # An item's responses in date order on its page and in the report.
            models.Index(fields=["tracker_item", "date"], name="recs_response_item_date_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.date}: {self.text[:80]}"


class TrackerItemReport(models.Model):
    """That an outstanding-issues report for a meeting showed an item, and in what state."""

    tracker_item = models.ForeignKey(
        TrackerItem, on_delete=models.CASCADE, related_name="report_appearances"
    )
    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="+")
    status_shown = models.CharField(max_length=20, choices=TrackerItem.Status)

    class Meta:
        ordering = ["meeting__date"]
        constraints = [
            models.UniqueConstraint(
                fields=["tracker_item", "meeting"],
                name="recommendations_trackeritemreport_unique_item",
            ),
            models.CheckConstraint(
                condition=Q(status_shown__in=TrackerItem.Status.values),
                name="recommendations_trackeritemreport_status_valid",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.tracker_item} shown {self.meeting.date}"


class TrackerReminderKind(models.TextChoices):
    OFFICER_DIGEST = "officer_digest", "Officer digest"
    COORDINATOR_SUMMARY = "coordinator_summary", "Co-ordinator summary"


class TrackerReminder(models.Model):
    """That a person was sent a tracker reminder e-mail of one kind on one day."""

    Kind = TrackerReminderKind

    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="tracker_reminders")
    sent_on = models.DateField()
    kind = models.CharField(max_length=30, choices=Kind)
    item_count = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["-sent_on", "person"]
        constraints = [
            # The reminder command is run by cron and may run twice: one e-mail a day.
            models.UniqueConstraint(
                fields=["person", "sent_on", "kind"],
                name="recommendations_trackerreminder_unique_day",
            ),
            models.CheckConstraint(
                condition=Q(kind__in=TrackerReminderKind.values),
                name="recommendations_trackerreminder_kind_valid",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} to {self.person} on {self.sent_on}"
