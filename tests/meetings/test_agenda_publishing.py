"""Publishing an agenda: the deadline, the check, versions, supplementary agendas, the
e-mails (a link only), subscriptions, and the tracker hearing of it (issue 4, item 5)."""

import datetime
import re

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from meetings import services
from meetings.models import AgendaPublication, AgendaSubscription, Meeting
from recommendations.models import TrackerItemReport
from tests.factories import (
    AgendaItemFactory,
    DocumentFactory,
    MeetingFactory,
    MembershipFactory,
    PersonFactory,
    TrackerItemFactory,
)
from tests.meetings.agenda_support import D, give_standard_items

pytestmark = pytest.mark.django_db

LONDON = timezone.get_default_timezone()


def _at(day: datetime.date, hour: int = 9) -> datetime.datetime:
    return datetime.datetime.combine(day, datetime.time(hour), tzinfo=LONDON)


@pytest.fixture
def meeting(board, officer):
    """28 November 2024 with its standard items and one report with its paper."""
    give_standard_items(board)
    MeetingFactory(board=board, date=D(2024, 10, 17))
    meeting = services.meeting_create(board=board, date=D(2024, 11, 28), user=officer)
    item = services.agenda_item_create(
        meeting=meeting, user=officer, title="Coventry Holiday Activities and Food Programme"
    )
    DocumentFactory(agenda_item=item, title="HAF briefing note")
    return meeting


# --- The deadline around a bank holiday ----------------------------------------------------


@pytest.mark.parametrize(
    ("meeting_day", "deadline"),
    [
        # Before the August bank holiday (Monday 26 August 2024): five plain working days.
        (D(2024, 8, 22), D(2024, 8, 14)),
        # After it: the bank holiday does not count, so the deadline is a day earlier.
        (D(2024, 8, 29), D(2024, 8, 20)),
        # Christmas and Boxing Day 2024, and New Year's Day 2025, do not count either.
        (D(2025, 1, 2), D(2024, 12, 20)),
    ],
)
def test_the_deadline_on_each_side_of_a_bank_holiday(board, meeting_day, deadline):
    meeting = MeetingFactory(board=board, date=meeting_day)

    assert meeting.publication_deadline() == deadline
    assert meeting.clear_working_days_given(deadline) == 5
    next_working_day = deadline + datetime.timedelta(days=1)
    while next_working_day.weekday() >= 5:
        next_working_day += datetime.timedelta(days=1)
    assert meeting.clear_working_days_given(next_working_day) == 4


def test_the_check_page_shows_the_deadline_after_the_bank_holiday(
    officer_client, board, time_machine
):
    time_machine.move_to(_at(D(2024, 8, 20)), tick=False)
    meeting = MeetingFactory(board=board, date=D(2024, 8, 29))
    AgendaItemFactory(meeting=meeting, kind="apologies", title="Apologies")
    url = reverse("meetings:publication_check", args=[meeting.pk])

    on_time = officer_client.get(url).content.decode()
    time_machine.move_to(_at(D(2024, 8, 21)), tick=False)
    late = officer_client.get(url).content.decode()

    assert "Tuesday, 20 August 2024" in on_time
    assert "Reason for publishing late" not in on_time
    assert "fewer than the 5 the law requires" in late
    assert "Reason for publishing late" in late


# --- Late publication ------------------------------------------------------------------


def test_late_publication_is_blocked_without_an_urgency_reason(
    officer_client, meeting, time_machine
):
    time_machine.move_to(_at(D(2024, 11, 22)), tick=False)
    url = reverse("meetings:publication_check", args=[meeting.pk])

    response = officer_client.post(url, {"urgency_reason": "  "})

    assert response.status_code == 200
    assert "Enter the reason for publishing late" in response.content.decode()
    meeting.refresh_from_db()
    assert meeting.agenda_published_at is None
    assert not meeting.publications.exists()
    with pytest.raises(services.PublicationBlocked):
        services.agenda_publish(meeting=meeting, user=None, now=_at(D(2024, 11, 22)))


def test_late_publication_goes_ahead_with_an_urgency_reason(
    officer_client, officer, public, meeting, time_machine, django_capture_on_commit_callbacks
):
    time_machine.move_to(_at(D(2024, 11, 22)), tick=False)
    url = reverse("meetings:publication_check", args=[meeting.pk])

    with django_capture_on_commit_callbacks(execute=True):
        response = officer_client.post(
            url, {"urgency_reason": "The report was delayed by the Ofsted visit."}
        )

    assert response.status_code == 302
    meeting.refresh_from_db()
    assert meeting.is_published
    assert meeting.agenda_published_by == officer
    assert meeting.urgency_reason == "The report was delayed by the Ofsted visit."
    publication = meeting.publications.get()
    assert publication.clear_working_days == 3
    assert publication.urgency_reason == meeting.urgency_reason
    assert public.get(meeting.get_absolute_url()).status_code == 200


def test_on_time_publication_needs_no_reason(officer, meeting):
    publication = services.agenda_publish(meeting=meeting, user=officer, now=_at(D(2024, 11, 20)))

    assert publication.clear_working_days == 5
    assert publication.urgency_reason == ""
    assert publication.version == 1
    assert publication.kind == AgendaPublication.Kind.AGENDA
    assert publication.published_by == officer
    titles = [item["title"] for item in publication.snapshot["items"]]
    assert "Coventry Holiday Activities and Food Programme" in titles


# --- Blockers and warnings -------------------------------------------------------------


def test_a_report_without_papers_blocks_unless_they_are_to_follow(officer, meeting):
    item = services.agenda_item_create(meeting=meeting, user=officer, title="Early Help")

    check = services.publication_check(meeting=meeting, today=D(2024, 11, 1))
    assert any("Early Help, has no documents" in line for line in check.blockers)
    with pytest.raises(services.PublicationBlocked):
        services.agenda_publish(meeting=meeting, user=officer, now=_at(D(2024, 11, 1)))

    services.agenda_item_update(
        item=item, version=item.version, user=officer, documents_to_follow=True
    )
    check = services.publication_check(meeting=meeting, today=D(2024, 11, 1))
    assert check.blockers == []
    assert any("Early Help: documents to follow" in line for line in check.warnings)


def test_the_check_warns_when_the_previous_minutes_are_not_drafted(meeting):
    check = services.publication_check(meeting=meeting, today=D(2024, 11, 1))

    assert any("minutes of the previous meeting" in line for line in check.warnings)


def test_a_cancelled_meeting_cannot_be_published(officer, meeting):
    meeting = services.meeting_cancel(meeting=meeting, version=meeting.version, user=officer)

    check = services.publication_check(meeting=meeting, today=D(2024, 11, 1))

    assert "The meeting is cancelled." in check.blockers


# --- Versions and supplementary agendas --------------------------------------------------


def test_republishing_after_a_change_makes_a_new_version_with_a_note(officer, meeting):
    services.agenda_publish(meeting=meeting, user=officer, now=_at(D(2024, 11, 20)))
    with pytest.raises(services.PublicationBlocked, match="Nothing has changed"):
        services.agenda_publish(meeting=meeting, user=officer, now=_at(D(2024, 11, 20), 10))
    item = meeting.items.get(title="Coventry Holiday Activities and Food Programme")
    services.agenda_item_update(
        item=item, version=item.version, user=officer, title="Holiday Activities and Food"
    )

    second = services.agenda_publish(
        meeting=meeting,
        user=officer,
        urgency_reason="Title corrected",
        change_note="Title corrected at the Chair's request.",
        now=_at(D(2024, 11, 21)),
    )

    assert second.version == 2
    assert second.kind == AgendaPublication.Kind.AGENDA
    assert second.title == "Agenda (version 2)"
    assert 'retitled from "Coventry Holiday Activities and Food Programme"' in second.change_note
    assert "Title corrected at the Chair's request." in second.change_note
    first = meeting.publications.get(version=1)
    assert "Coventry Holiday Activities and Food Programme" in str(first.snapshot)  # frozen
    meeting.refresh_from_db()
    assert meeting.agenda_published_at == _at(D(2024, 11, 20))  # the first publication


def test_papers_added_after_publication_go_out_as_numbered_supplementary_agendas(
    officer, public, meeting
):
    services.agenda_publish(meeting=meeting, user=officer, now=_at(D(2024, 11, 20)))
    item = meeting.items.get(title="Coventry Holiday Activities and Food Programme")
    DocumentFactory(agenda_item=item, title="HAF appendix: attendance figures")

    first = services.agenda_publish(
        meeting=meeting, user=officer, urgency_reason="Late appendix", now=_at(D(2024, 11, 25))
    )
    DocumentFactory(agenda_item=item, title="HAF presentation")
    DocumentFactory(agenda_item=item, title="Secret costs", restricted=True)
    second = services.agenda_publish(
        meeting=meeting, user=officer, urgency_reason="Late slides", now=_at(D(2024, 11, 26))
    )

    assert (first.kind, first.supplement_number, first.version) == ("supplementary", 1, 2)
    assert (second.kind, second.supplement_number, second.version) == ("supplementary", 2, 3)
    assert first.title == "Supplementary agenda 1"
    page = public.get(meeting.get_absolute_url()).content.decode()
    assert "Supplementary agenda 1" in page
    assert "Supplementary agenda 2" in page
    assert "HAF appendix: attendance figures" in page
    assert "HAF presentation" in page
    assert "Secret costs" not in page  # restricted: not for the public
    assert "a restricted paper added" in second.change_note


# --- E-mails: a link, nothing more ---------------------------------------------------------


def test_publishing_emails_members_and_confirmed_subscribers_a_link_only(
    officer, board, meeting, django_capture_on_commit_callbacks, settings
):
    settings.SITE_URL = "https://meetings.example.gov.uk"
    thomas = PersonFactory(surname="Thomas", email="ce.thomas@example.gov.uk")
    MembershipFactory(board=board, person=thomas, start_date=D(2024, 5, 1))
    confirmed = AgendaSubscription.objects.create(
        board=board, email="resident@example.com", confirmed_at=timezone.now()
    )
    AgendaSubscription.objects.create(board=board, email="unconfirmed@example.com")

    with django_capture_on_commit_callbacks(execute=True):
        services.agenda_publish(meeting=meeting, user=officer, now=_at(D(2024, 11, 20)))

    assert sorted(m.to[0] for m in mail.outbox) == [
        "ce.thomas@example.gov.uk",
        "resident@example.com",
    ]
    link = f"https://meetings.example.gov.uk{meeting.get_absolute_url()}"
    for message in mail.outbox:
        assert len(message.to) == 1  # no one sees another's address
        assert link in message.body
        assert "Holiday Activities" not in message.body  # no content, only the link
        assert "HAF briefing note" not in message.body
        assert not message.attachments
    resident = next(m for m in mail.outbox if m.to == ["resident@example.com"])
    unsubscribe = reverse("meetings:publication_unsubscribe", args=[confirmed.token])
    assert unsubscribe in resident.body
    assert resident.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"


def test_nothing_is_emailed_when_publication_is_blocked(
    officer, meeting, django_capture_on_commit_callbacks
):
    AgendaSubscription.objects.create(
        board=meeting.board, email="resident@example.com", confirmed_at=timezone.now()
    )
    with (
        django_capture_on_commit_callbacks(execute=True),
        pytest.raises(services.PublicationBlocked),
    ):
        services.agenda_publish(meeting=meeting, user=officer, now=_at(D(2024, 11, 25)))

    assert mail.outbox == []


def test_the_subscription_flow(public, board, django_capture_on_commit_callbacks):
    page = public.get(board.get_absolute_url()).content.decode()
    subscribe_url = reverse("meetings:publication_subscribe", args=[board.slug])
    assert subscribe_url in page

    with django_capture_on_commit_callbacks(execute=True):
        response = public.post(subscribe_url, {"email": "resident@example.com"})

    assert response.status_code == 200
    assert "Check your e-mail" in response.content.decode()
    subscription = AgendaSubscription.objects.get(board=board)
    assert subscription.confirmed_at is None
    (message,) = mail.outbox
    confirm = re.search(r"https?://\S+/confirm/", message.body).group(0)
    confirm_path = confirm.split("://", 1)[1].split("/", 1)[1]
    # Opening the link (or a mail scanner fetching it) does not confirm; the button does.
    public.get("/" + confirm_path)
    subscription.refresh_from_db()
    assert subscription.confirmed_at is None
    public.post("/" + confirm_path)
    subscription.refresh_from_db()
    assert subscription.confirmed_at is not None

    # Signing up again says the same and sends nothing: it never tells who subscribes.
    with django_capture_on_commit_callbacks(execute=True):
        again = public.post(subscribe_url, {"email": "Resident@example.com"})
    assert "Check your e-mail" in again.content.decode()
    assert len(mail.outbox) == 1
    assert AgendaSubscription.objects.count() == 1

    # One click: a mail client's POST without a CSRF token unsubscribes.
    unsubscribe = reverse("meetings:publication_unsubscribe", args=[subscription.token])
    from django.test import Client

    strict = Client(enforce_csrf_checks=True)
    done = strict.post(unsubscribe, {"List-Unsubscribe": "One-Click"})
    assert done.status_code == 200
    assert not AgendaSubscription.objects.exists()
    assert public.get(unsubscribe).status_code == 404


def test_confirmation_emails_go_out_at_most_once_an_hour(
    public, board, time_machine, django_capture_on_commit_callbacks
):
    time_machine.move_to(_at(D(2026, 1, 5)), tick=False)
    url = reverse("meetings:publication_subscribe", args=[board.slug])
    with django_capture_on_commit_callbacks(execute=True):
        public.post(url, {"email": "resident@example.com"})
        public.post(url, {"email": "resident@example.com"})
    assert len(mail.outbox) == 1

    time_machine.move_to(_at(D(2026, 1, 5), 11), tick=False)
    with django_capture_on_commit_callbacks(execute=True):
        public.post(url, {"email": "resident@example.com"})
    assert len(mail.outbox) == 2
    assert AgendaSubscription.objects.count() == 1


def test_a_bad_address_is_refused_and_kept(public, board):
    response = public.post(
        reverse("meetings:publication_subscribe", args=[board.slug]), {"email": "not-an-email"}
    )

    assert response.status_code == 200
    page = response.content.decode()
    assert "Enter an email address in the correct format" in page
    assert 'value="not-an-email"' in page
    assert not AgendaSubscription.objects.exists()


def test_an_unknown_token_confirms_nothing(public):
    assert (
        public.get(reverse("meetings:publication_subscribe_confirm", args=["nope"])).status_code
        == 404
    )


# --- The tracker hears of it ---------------------------------------------------------------


def test_publishing_records_the_outstanding_issues_report(
    officer, meeting, django_capture_on_commit_callbacks
):
    source = Meeting.objects.get(date=D(2024, 10, 17))
    item = TrackerItemFactory(source_meeting=source)

    with django_capture_on_commit_callbacks(execute=True):
        services.agenda_publish(meeting=meeting, user=officer, now=_at(D(2024, 11, 20)))

    report = TrackerItemReport.objects.get(meeting=meeting)
    assert report.tracker_item == item


def test_a_board_without_a_tracker_records_no_report(
    officer, meeting, django_capture_on_commit_callbacks
):
    meeting.board.keeps_tracker = False
    meeting.board.save()
    TrackerItemFactory(source_meeting=Meeting.objects.get(date=D(2024, 10, 17)))

    with django_capture_on_commit_callbacks(execute=True):
        services.agenda_publish(meeting=meeting, user=officer, now=_at(D(2024, 11, 20)))

    assert not TrackerItemReport.objects.exists()
