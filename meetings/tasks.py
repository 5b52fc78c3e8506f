"""Background tasks of the meetings app (django.tasks; the database backend of
django-tasks-db in production and `make run`, the immediate backend in tests)."""

from django.tasks import task

from meetings.models import AgendaPack, Meeting


@task
def pack_build_task(meeting_id: int) -> int:
    """Build both packs of a meeting; returns the full pack's page count (0 if the
    meeting has gone)."""
    from meetings.packs.build import pack_build

    meeting = Meeting.objects.select_related("board").filter(pk=meeting_id).first()
    if meeting is None:
        return 0
    rows = pack_build(meeting=meeting)
    return next((row.page_count for row in rows if row.audience == AgendaPack.Audience.FULL), 0)
