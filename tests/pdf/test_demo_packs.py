"""load_demo asks for the packs of the published demo meetings (built by the worker in
`make run`); tests skip them unless asked, since building takes seconds."""

import datetime
from io import StringIO

import pytest
from django.core.management import call_command

from meetings.models import AgendaPack, Meeting

pytestmark = pytest.mark.django_db


def test_load_demo_requests_the_packs_of_published_meetings(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        call_command("load_demo", "--packs", stdout=StringIO())
    published = Meeting.objects.published()
    assert published.exists()
    requested = AgendaPack.objects.filter(status=AgendaPack.Status.BUILDING)
    assert set(requested.values_list("meeting", flat=True)) == set(
        published.values_list("pk", flat=True)
    )
    assert requested.filter(meeting__date=datetime.date(2024, 11, 28)).count() == 2
    # One build task queued per meeting (besides the page cache's revision, once).
    queued = [c for c in callbacks if "enqueue" in getattr(c, "__qualname__", "")]
    assert len(queued) == published.count()


def test_load_demo_without_packs_requests_none(settings):
    settings.DEMO_BUILD_PACKS = False
    call_command("load_demo", stdout=StringIO())
    assert not AgendaPack.objects.exists()
