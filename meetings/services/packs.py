"""Asking for a meeting's packs to be (re)built in the background."""

from django.db import transaction
from django.utils import timezone

from meetings.models import AgendaPack, Meeting
from scrutiny.pagecache import site_revision_bump_on_commit


def pack_build_request(*, meeting: Meeting) -> None:
    """Mark both packs of a meeting as being rebuilt and queue the build once the
    current transaction commits. Call it when an agenda is published or republished,
    and when a document of a published meeting changes."""
    now = timezone.now()
    for audience in AgendaPack.Audience.values:
        pack, created = AgendaPack.objects.get_or_create(
            meeting=meeting,
            audience=audience,
            defaults={"status": AgendaPack.Status.BUILDING, "requested_at": now},
        )
        if not created:
            AgendaPack.objects.filter(pk=pack.pk).update(
                status=AgendaPack.Status.BUILDING, requested_at=now, error=""
            )

    site_revision_bump_on_commit()  # the meeting page says the pack is being rebuilt

    def enqueue() -> None:
        from meetings.tasks import pack_build_task

        pack_build_task.enqueue(meeting.pk)

    transaction.on_commit(enqueue)
