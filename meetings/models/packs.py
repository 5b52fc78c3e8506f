"""Built agenda packs: one file per meeting and audience, served by an access-checked view."""

import uuid

from django.db import models
from django.db.models import Q

from meetings.models.meetings import Meeting


def pack_upload_path(instance: "AgendaPack", filename: str) -> str:
    """A random name: pack files are never served from MEDIA_URL, nor guessable."""
    return f"packs/{uuid.uuid4().hex}.pdf"


class AgendaPackAudience(models.TextChoices):
    FULL = "full", "Full pack (members and officers)"
    PUBLIC = "public", "Public pack"


class AgendaPackStatus(models.TextChoices):
    BUILDING = "building", "Being built"
    READY = "ready", "Ready"
    FAILED = "failed", "Failed"


class AgendaPack(models.Model):
    """The PDF agenda pack of a meeting for one audience, as last built.

    While a rebuild runs (`status` building) the previous file, if any, stays available.
    `page_ranges` maps agenda item numbers to their "(Pages X - Y)" in the full pack;
    `untagged_documents` names the uploaded PDFs merged in, which cannot be made accessible.
    `render_keys` names the cached renders it was assembled from: the render cache keeps
    those and prunes the rest (meetings/packs/build.py, `prune_render_cache`).
    """

    Audience = AgendaPackAudience
    Status = AgendaPackStatus

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="packs")
    audience = models.CharField(max_length=10, choices=Audience)
    status = models.CharField(max_length=10, choices=Status, default=Status.BUILDING)
    file = models.FileField(upload_to=pack_upload_path, blank=True)
    page_count = models.PositiveIntegerField(null=True, blank=True)
    page_ranges = models.JSONField(default=dict, blank=True)
    untagged_documents = models.JSONField(default=list, blank=True)
    source_hash = models.CharField(max_length=64, blank=True)
    render_keys = models.JSONField(default=list, blank=True)
    requested_at = models.DateTimeField(null=True, blank=True)
    built_at = models.DateTimeField(null=True, blank=True)
    error = models.TextField(blank=True)

    class Meta:
        ordering = ["meeting", "audience"]
        constraints = [
            models.UniqueConstraint(
                fields=["meeting", "audience"],
                name="meetings_agendapack_unique_audience",
                violation_error_message="This meeting already has a pack for this audience.",
            ),
            models.CheckConstraint(
                condition=Q(audience__in=AgendaPackAudience.values),
                name="meetings_agendapack_audience_valid",
            ),
            models.CheckConstraint(
                condition=Q(status__in=AgendaPackStatus.values),
                name="meetings_agendapack_status_valid",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_audience_display()}: {self.meeting_id}"

    @property
    def is_building(self) -> bool:
        return self.status == self.Status.BUILDING

    @property
    def has_file(self) -> bool:
        return bool(self.file)
