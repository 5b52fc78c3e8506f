"""manage.py send_tracker_reminders: daily digests for officer contacts and co-ordinators."""

import datetime
import io

import pytest
from django.core import mail
from django.core.management import call_command
from django.core.management.base import CommandError

from recommendations.models import TrackerItem, TrackerReminder
from tests.factories import MeetingFactory, PersonFactory, TrackerItemFactory

d = datetime.date
TODAY = d(2016, 9, 15)
SECRET = "Cabinet Member reluctant; chase in person."


@pytest.fixture
def holmes(db):
    return PersonFactory(forenames="Gennie", surname="Holmes", email="gennie.holmes@example.gov.uk")


@pytest.fixture
def coordinator_person(board):
    person = PersonFactory(forenames="Lara", surname="Knight", email="lara.knight@example.gov.uk")
    board.scrutiny_coordinator = person
    board.save()
    return person


@pytest.fixture
def items(board, holmes, coordinator_person, council) -> dict[str, TrackerItem]:
    meeting = MeetingFactory(board=board, date=d(2016, 7, 21))

    def item(title: str, **fields) -> TrackerItem:
        tracker_item = TrackerItemFactory(
            source_meeting=meeting, agenda_item_title=title, internal_notes=SECRET, **fields
        )
        tracker_item.officer_contacts.set([holmes])
        return tracker_item

    return {
        "overdue": item("Serious Case Review", due_date=d(2016, 9, 1)),
        "due_soon": item("Early Help Strategy", due_date=d(2016, 9, 21)),
        "due_later": item("Improvement Board", due_date=d(2016, 11, 30)),
        "complete": item(
            "Mark Rogers letter",
            due_date=d(2016, 9, 1),
            status=TrackerItem.Status.COMPLETE,
            completed_on=d(2016, 7, 26),
        ),
        "no_due_date": item("Letter of thanks", kind=TrackerItem.Kind.ACTION, due_date=None),
    }


def _send(day: str = "2016-09-15") -> None:
    call_command("send_tracker_reminders", "--date", day, stdout=io.StringIO())


def test_running_twice_on_one_day_sends_one_email_per_recipient(
    items, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        _send()
    with django_capture_on_commit_callbacks(execute=True):
        _send()
    assert sorted(message.to[0] for message in mail.outbox) == [
        "gennie.holmes@example.gov.uk",
        "lara.knight@example.gov.uk",
    ]
    assert TrackerReminder.objects.count() == 2


def test_the_next_day_sends_again(items, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        _send("2016-09-15")
    with django_capture_on_commit_callbacks(execute=True):
        _send("2016-09-16")
    assert len(mail.outbox) == 4


def test_the_digest_lists_due_soon_and_overdue_items_only(
    items, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        _send()
    [digest] = [m for m in mail.outbox if m.to == ["gennie.holmes@example.gov.uk"]]
    assert "Serious Case Review" in digest.body
    assert "OVERDUE: was due 1 September 2016" in digest.body
    assert "Early Help Strategy" in digest.body
    assert "Due 21 September 2016" in digest.body
    for title in ("Improvement Board", "Mark Rogers letter", "Letter of thanks"):
        assert title not in digest.body
    assert f"http://testserver.example/tracker/{items['overdue'].pk}/" in digest.body
    assert digest.subject == "Scrutiny tracker: 1 overdue, 1 due soon"
    assert TrackerReminder.objects.get(person__surname="Holmes").item_count == 2


def test_emails_carry_titles_and_links_never_notes_or_item_text(
    items, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        _send()
    assert len(mail.outbox) == 2
    for message in mail.outbox:
        assert SECRET not in message.body
        assert items["overdue"].text not in message.body


def test_the_coordinator_summary_groups_the_boards_items(
    items, board, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        _send()
    [summary] = [m for m in mail.outbox if m.to == ["lara.knight@example.gov.uk"]]
    assert board.name in summary.body
    assert "1 overdue, 1 due soon" in summary.body
    assert "http://testserver.example/tracker/" in summary.body


def test_people_without_an_email_address_are_skipped(
    items, holmes, django_capture_on_commit_callbacks
):
    holmes.email = ""
    holmes.save()
    with django_capture_on_commit_callbacks(execute=True):
        _send()
    assert [m.to for m in mail.outbox] == [["lara.knight@example.gov.uk"]]


def test_nothing_is_sent_before_the_transaction_commits(items, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        _send()
    assert mail.outbox == []
    assert len(callbacks) == 2


def test_a_malformed_date_is_refused_plainly(db):
    with pytest.raises(CommandError, match="YYYY-MM-DD"):
        _send("15/09/2016")


@pytest.fixture(autouse=True)
def _site_url(settings) -> None:
    settings.SITE_URL = "http://testserver.example"
