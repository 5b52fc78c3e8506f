"""What asks for a meeting's packs to be rebuilt: publishing its agenda, a change to one of
its papers once published, and publishing the minutes its pack prints (the previous
meeting's). The build itself is tested in test_pack.py; here, only that it is asked for."""

import datetime

import pytest
from django.utils import timezone

from meetings import services
from meetings.models import AgendaPack
from tests.factories import DocumentFactory, MeetingFactory, MinuteFactory
from tests.meetings.agenda_support import D, give_standard_items

pytestmark = pytest.mark.django_db

LONDON = timezone.get_default_timezone()


def _requested(meeting) -> set[str]:
    return set(AgendaPack.objects.filter(meeting=meeting).values_list("status", flat=True))


@pytest.fixture
def meeting(board, officer):
    give_standard_items(board)
    MeetingFactory(board=board, date=D(2024, 10, 17))
    meeting = services.meeting_create(board=board, date=D(2024, 11, 28), user=officer)
    item = services.agenda_item_create(
        meeting=meeting, user=officer, title="Coventry Holiday Activities and Food Programme"
    )
    DocumentFactory(agenda_item=item, title="HAF briefing note")
    return meeting


def test_publishing_an_agenda_asks_for_its_packs(
    officer, meeting, django_capture_on_commit_callbacks
):
    assert _requested(meeting) == set()
    now = datetime.datetime(2024, 11, 20, 9, tzinfo=LONDON)
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        services.agenda_publish(meeting=meeting, user=officer, now=now)
    assert _requested(meeting) == {AgendaPack.Status.BUILDING}
    assert AgendaPack.objects.filter(meeting=meeting).count() == 2  # public and full
    assert any("enqueue" in getattr(c, "__qualname__", "") for c in callbacks)


def test_a_changed_paper_of_a_published_agenda_asks_for_its_packs(
    officer, meeting, django_capture_on_commit_callbacks
):
    document = meeting.items.get(title__startswith="Coventry Holiday").documents.get()
    with django_capture_on_commit_callbacks(execute=True):
        services.document_withdraw(document=document, user=officer)
    assert _requested(meeting) == set(), "no pack for an agenda not yet published"

    meeting.agenda_published_at = timezone.now()
    meeting.save()
    with django_capture_on_commit_callbacks(execute=True):
        services.document_restore(document=document, user=officer)
    # Asked for, and (the immediate task backend of the tests) built at once.
    assert AgendaPack.objects.filter(meeting=meeting).count() == 2
    assert _requested(meeting) <= {AgendaPack.Status.BUILDING, AgendaPack.Status.READY}


def test_publishing_minutes_asks_for_the_next_meetings_packs(
    officer, board, django_capture_on_commit_callbacks
):
    held = MeetingFactory(board=board, date=datetime.date(2016, 7, 21), published=True)
    MinuteFactory(meeting=held, number=7, title="Apologies")
    following = MeetingFactory(board=board, date=datetime.date(2016, 9, 15), published=True)
    later = MeetingFactory(board=board, date=datetime.date(2016, 11, 10), published=True)

    with django_capture_on_commit_callbacks(execute=True):
        services.minutes_publish(meeting=held, user=officer)

    # Asked for, and (the immediate task backend of the tests) built at once.
    assert AgendaPack.objects.filter(meeting=following).count() == 2
    assert _requested(following) <= {AgendaPack.Status.BUILDING, AgendaPack.Status.READY}
    assert _requested(later) == set()
