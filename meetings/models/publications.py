"""Published versions of an agenda, and the people who asked to hear of them."""

import secrets

from django.conf import settings
from django.db import models
from django.db.models import Q

from boards.models import Board
from meetings.models.meetings import Meeting


class AgendaPublicationKind(models.TextChoices):
    AGENDA = "agenda", "Agenda"
    SUPPLEMENTARY = "supplementary", "Supplementary agenda"


class AgendaPublication(models.Model):
    """One publication of a meeting's agenda, frozen as it was published.

    The first is the agenda; a change to the items after that is a republication (a new
    version with a note of what changed); papers added after publication go out as a
    "Supplementary agenda" with its own number sequence (1, 2, …).
    """

    Kind = AgendaPublicationKind

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="publications")
    version = models.PositiveIntegerField(help_text="1, 2, … over every publication.")
    kind = models.CharField(max_length=20, choices=Kind, default=Kind.AGENDA)
    supplement_number = models.PositiveIntegerField(
        null=True, blank=True, help_text="Supplementary agenda 1, 2, …"
    )
    published_at = models.DateTimeField()
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    clear_working_days = models.IntegerField(
        help_text="Clear working days between publication and the meeting."
    )
    urgency_reason = models.TextField(blank=True)
    change_note = models.TextField(blank=True, help_text="What changed since the last version.")
    snapshot = models.JSONField(help_text="The agenda as published: items and their papers.")

    class Meta:
        ordering = ["meeting", "version"]
        constraints = [
            models.UniqueConstraint(
                fields=["meeting", "version"],
                name="meetings_agendapublication_unique_version",
                violation_error_message="This version of the agenda was already published.",
            ),
            models.UniqueConstraint(
                fields=["meeting", "supplement_number"],
                name="meetings_agendapublication_unique_supplement",
                violation_error_message="This supplementary agenda number is already used.",
            ),
            models.CheckConstraint(
                condition=Q(kind="agenda", supplement_number__isnull=True)
                | Q(kind="supplementary", supplement_number__isnull=False),
                name="meetings_agendapublication_supplement_numbered",
                violation_error_message="A supplementary agenda has a number; an agenda has none.",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.title} – {self.meeting}"

    @property
    def title(self) -> str:
        if self.kind == self.Kind.SUPPLEMENTARY:
            return f"Supplementary agenda {self.supplement_number}"
        return "Agenda" if self.version == 1 else f"Agenda (version {self.version})"


def _token() -> str:
    return secrets.token_urlsafe(32)


class AgendaSubscriptionQuerySet(models.QuerySet):
    def confirmed(self) -> "AgendaSubscriptionQuerySet":
        return self.filter(confirmed_at__isnull=False)


class AgendaSubscription(models.Model):
    """Someone who asked to be e-mailed when a board publishes an agenda. No account is
    needed: the address is confirmed by a link, and every e-mail carries an unsubscribe
    link (the same secret token)."""

    board = models.ForeignKey(Board, on_delete=models.CASCADE, related_name="agenda_subscriptions")
    email = models.EmailField()
    token = models.CharField(max_length=64, unique=True, default=_token, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    confirmed_at = models.DateTimeField(null=True, blank=True)
    confirmation_sent_at = models.DateTimeField(
        null=True, blank=True, help_text="When the last confirmation e-mail went out."
    )

    objects = AgendaSubscriptionQuerySet.as_manager()

    class Meta:
        ordering = ["board", "email"]
        constraints = [
            models.UniqueConstraint(
                fields=["board", "email"],
                name="meetings_agendasubscription_unique_email",
                violation_error_message="This address already gets this board's agendas.",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.email} ({self.board})"
