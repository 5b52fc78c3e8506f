"""What happened at a meeting: attendance, declarations, minutes and resolutions."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import BooleanField, ExpressionWrapper, Max, Q, Value
from simple_history.models import HistoricalRecords

from boards.models import (
    Board,
    Council,
    MunicipalYear,
    OrgUnit,
    Person,
)
from meetings.models.meetings import AgendaItem, Meeting
from meetings.models.visibility import (
    minutes_published,
    sits_on_board,
    taken_in_private,
    user_sees_everything,
)

# What the public minutes say in place of a minute of a private item.
PRIVATE_MINUTE_NOTE = (
    "This item was considered in private. The press and public were excluded by virtue of "
    "paragraph(s) {paragraphs} of Part 1 of Schedule 12A of the Local Government Act 1972."
)


def exempt_minutes_hidden_from(user, minute: str = "") -> Q:
    """Rows of minutes of private items that `user` may not read: everyone but officers,
    the co-ordinator and members of the board on the meeting's date (as exempt papers).
    `minute` is the lookup path to the minute, e.g. "minute__", or "" on Minute."""
    if user_sees_everything(user):
        return Q(pk__in=[])
    return taken_in_private(minute) & ~sits_on_board(user, f"{minute}meeting__")


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

    def readable_by(self, user) -> "MinuteQuerySet":
        """Minutes whose whole record (narrative, matters questioned, requests, resolution)
        the user may read: those visible to them, less minutes of private items unless they
        may see the item's exempt papers. A withheld minute shows only its number and title
        and the note that it was considered in private."""
        if user_sees_everything(user):
            return self
        return self.visible_to(user).exclude(exempt_minutes_hidden_from(user))

    def with_withheld(self, user) -> "MinuteQuerySet":
        """Each minute annotated `withheld`: True where the user sees only its number and
        title (readable_by leaves it out)."""
        if user_sees_everything(user):
            return self.annotate(withheld=Value(False, output_field=BooleanField()))
        return self.annotate(
            withheld=ExpressionWrapper(
                exempt_minutes_hidden_from(user), output_field=BooleanField()
            )
        )

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
    # PostgreSQL derives search_title from this column (migrations/0006_search_titles.py).
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
    def is_private(self) -> bool:
        """A minute of a private (exempt) agenda item."""
        return self.agenda_item_id is not None and self.agenda_item.is_private

    @property
    def private_note(self) -> str:
        """ "This item was considered in private … paragraph(s) 3 of Part 1 of Schedule 12A…"."""
        if not self.is_private:
            return ""
        return PRIVATE_MINUTE_NOTE.format(paragraphs=self.agenda_item.paragraphs_text)

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


class ResolutionPartTrackerKind(models.TextChoices):
    NONE = "", "Not for the tracker"
    RECOMMENDATION = "R", "Recommendation"
    ACTION = "A", "Action"
    INFORMATION = "I", "Information request"


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
    tracker_kind = models.CharField(
        max_length=1,
        choices=ResolutionPartTrackerKind,
        default=ResolutionPartTrackerKind.NONE,
        blank=True,
        help_text="Put on the board's tracker when the minutes are published.",
    )

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
            models.CheckConstraint(
                condition=Q(tracker_kind__in=ResolutionPartTrackerKind.values),
                name="meetings_minuterequest_tracker_kind_valid",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.label} {self.text[:80]}".strip()


class ResolutionQuerySet(models.QuerySet):
    def visible_to(self, user) -> "ResolutionQuerySet":
        """Resolutions of minutes the user may read in full (Minute.objects.readable_by):
        a private item's resolution is exempt."""
        if user_sees_everything(user):
            return self
        return self.filter(minutes_published("minute__meeting__")).exclude(
            exempt_minutes_hidden_from(user, "minute__")
        )


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


class ResolutionPartQuerySet(models.QuerySet):
    def visible_to(self, user) -> "ResolutionPartQuerySet":
        """Parts of resolutions the user may see (ResolutionQuerySet.visible_to)."""
        if user_sees_everything(user):
            return self
        return self.filter(minutes_published("resolution__minute__meeting__")).exclude(
            exempt_minutes_hidden_from(user, "resolution__minute__")
        )


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


class MinutesCorrection(models.Model):
    """A change made to minutes after they were approved: what, why, who and when.

    Approved minutes are a true record; a correction is never silent. It is shown with
    the minutes, under them.
    """

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="corrections")
    made_at = models.DateTimeField(auto_now_add=True)
    made_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    what_changed = models.TextField(help_text="What the correction changed, old and new.")
    reason = models.TextField(help_text="Why the approved minutes were corrected.")

    class Meta:
        ordering = ["meeting", "made_at", "pk"]

    def __str__(self) -> str:
        return f"Correction to the minutes of {self.meeting}"
