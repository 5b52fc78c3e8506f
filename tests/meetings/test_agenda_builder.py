"""The agenda builder: standard items, report and private items, reordering, deleting,
the edit conflict and fixed query counts (issue 4, item 3)."""

import re

import pytest
from django.urls import reverse

from boards.models import Council
from meetings import services
from meetings.models import AgendaItem, Document
from tests.factories import DocumentFactory, MeetingFactory, MinuteFactory, PostFactory
from tests.meetings.agenda_support import D, give_standard_items, titles

pytestmark = pytest.mark.django_db


@pytest.fixture
def director():
    return PostFactory(title="Director of Children and Education")


@pytest.fixture
def meeting(board, officer):
    give_standard_items(board)
    MeetingFactory(board=board, date=D(2024, 10, 17))
    return services.meeting_create(board=board, date=D(2024, 11, 28), user=officer)


def _item_data(**changes):
    data = {
        "title": "Coventry Holiday Activities and Food Programme",
        "kind": "report",
        "document_type": "briefing_note",
        "report_of": "",
        "report_of_suffix": "",
        "description": "",
        "sub_items": "",
        "section": "public",
        "documents_to_follow": "",
    }
    data.update(changes)
    return {key: value for key, value in data.items() if value is not None}


def test_a_report_item_goes_before_the_work_programme(officer_client, meeting, director):
    response = officer_client.post(
        reverse("meetings:item_add", args=[meeting.pk]), _item_data(report_of=director.pk)
    )

    assert response.status_code == 302
    item = meeting.items.get(title="Coventry Holiday Activities and Food Programme")
    assert item.number == 5
    assert item.report_of_line == "Briefing Note of the Director of Children and Education"
    assert [t for _, _, t in titles(meeting)][-2:] == ["Work Programme", "Any Other Business"]


def test_a_report_without_its_post_is_refused_and_keeps_the_text(officer_client, meeting):
    response = officer_client.post(
        reverse("meetings:item_add", args=[meeting.pk]), _item_data(title="Early Help")
    )

    assert response.status_code == 200
    page = response.content.decode()
    assert "Choose the post this item is a report of" in page
    assert 'value="Early Help"' in page
    assert not meeting.items.filter(title="Early Help").exists()


def test_a_private_item_needs_paragraphs(officer_client, meeting):
    response = officer_client.post(
        reverse("meetings:item_add", args=[meeting.pk]),
        _item_data(title="Homes", document_type="", section="private"),
    )

    assert response.status_code == 200
    assert "Choose the Schedule 12A paragraphs for a private item" in response.content.decode()


def test_a_private_item_brings_the_exclusion_item_and_continues_the_numbering(
    officer_client, meeting, director
):
    response = officer_client.post(
        reverse("meetings:item_add", args=[meeting.pk]),
        {
            **_item_data(title="Homes for Children in Care - Update Report"),
            "report_of": director.pk,
            "section": "private",
            "exempt_paragraphs": ["1", "3"],
        },
    )

    assert response.status_code == 302
    council = Council.load()
    assert titles(meeting) == [
        (1, "public", "Apologies and Substitutions"),
        (2, "public", "Declarations of Interests"),
        (3, "public", council.text_exclusion_item),
        (4, "public", "Minutes"),
        (5, "public", "Outstanding Issues"),
        (6, "public", "Work Programme"),
        (7, "public", "Any Other Business"),
        (8, "private", "Homes for Children in Care - Update Report"),
    ]
    private = meeting.items.get(number=8)
    assert private.exempt_paragraphs == (1, 3)
    # Deleting the private item takes the exclusion item with it.
    officer_client.post(reverse("meetings:item_delete", args=[private.pk]))
    assert not meeting.items.filter(kind=AgendaItem.Kind.EXCLUSION).exists()
    assert [n for n, _, _ in titles(meeting)] == [1, 2, 3, 4, 5, 6]


def test_up_and_down_buttons_reorder_and_the_numbering_follows(officer_client, meeting):
    work_programme = meeting.items.get(title="Work Programme")
    url = reverse("meetings:item_move", args=[work_programme.pk])

    response = officer_client.post(url, {"direction": "up"})

    assert response.status_code == 302
    assert [t for _, _, t in titles(meeting)][2:5] == [
        "Minutes",
        "Work Programme",
        "Outstanding Issues",
    ]
    officer_client.post(url, {"direction": "down"})
    assert [t for _, _, t in titles(meeting)][3:5] == ["Outstanding Issues", "Work Programme"]
    # The first item cannot go up: nothing changes.
    first = meeting.items.get(number=1)
    officer_client.post(reverse("meetings:item_move", args=[first.pk]), {"direction": "up"})
    assert meeting.items.get(number=1) == first


def test_moving_needs_a_post(officer_client, meeting):
    item = meeting.items.get(number=2)

    response = officer_client.get(reverse("meetings:item_move", args=[item.pk]))

    assert response.status_code == 405


def test_deleting_asks_first_then_closes_up_the_numbers(officer_client, meeting):
    minutes = meeting.items.get(title="Minutes")
    url = reverse("meetings:item_delete", args=[minutes.pk])

    confirm = officer_client.get(url)
    assert confirm.status_code == 200
    assert "Delete item 3?" in confirm.content.decode()
    assert meeting.items.filter(pk=minutes.pk).exists()

    officer_client.post(url)
    assert [n for n, _, _ in titles(meeting)] == [1, 2, 3, 4, 5]
    assert not meeting.items.filter(pk=minutes.pk).exists()


def test_the_second_officer_to_save_an_item_is_told_and_keeps_their_text(
    officer_client, admin_client, meeting
):
    item = meeting.items.get(title="Any Other Business")
    url = reverse("meetings:item_edit", args=[item.pk])
    data = _item_data(title="Any Other Business", kind="aob", document_type="")

    first = officer_client.post(url, {**data, "description": "Officer one", "version": 1})
    second = admin_client.post(url, {**data, "description": "Officer two's words", "version": 1})

    assert first.status_code == 302
    assert second.status_code == 409
    page = second.content.decode()
    assert "Your changes have not been saved yet" in page
    assert "Officer two&#x27;s words" in page  # kept in the form
    assert "Officer one" in page  # the item as now saved
    item.refresh_from_db()
    assert item.description == "Officer one"
    assert item.version == 2


def test_sub_items_are_lettered_in_order(officer, meeting):
    item = services.agenda_item_create(
        meeting=meeting, user=officer, title="Budget", sub_items="a) Capital\nRevenue\n"
    )

    assert [(s.label, s.text) for s in item.sub_items.all()] == [
        ("a)", "Capital"),
        ("b)", "Revenue"),
    ]


def test_the_builder_lists_documents_and_to_follow(officer_client, meeting, officer):
    report = services.agenda_item_create(
        meeting=meeting, user=officer, title="Early Help", documents_to_follow=True
    )
    other = services.agenda_item_create(meeting=meeting, user=officer, title="Family Hubs")
    DocumentFactory(agenda_item=other, title="Family Hubs briefing note")

    page = officer_client.get(reverse("meetings:agenda_builder", args=[meeting.pk]))

    text = page.content.decode()
    assert "To follow" in text
    assert "Family Hubs briefing note" in text
    assert report.title in text


def test_the_builder_takes_a_fixed_number_of_queries(
    officer_client, meeting, officer, django_assert_max_num_queries, django_assert_num_queries
):
    url = reverse("meetings:agenda_builder", args=[meeting.pk])
    officer_client.get(url)  # the session and the council's settings are cached after this
    with django_assert_max_num_queries(20) as captured:
        officer_client.get(url)
    for number in range(5):
        item = services.agenda_item_create(meeting=meeting, user=officer, title=f"Report {number}")
        DocumentFactory(agenda_item=item)
    services.agenda_publish(meeting=meeting, user=officer, urgency_reason="test")

    with django_assert_num_queries(len(captured)):
        officer_client.get(url)


def test_the_dashboard_shows_deadlines_status_and_what_is_missing(
    officer_client, board, officer, time_machine
):
    time_machine.move_to("2024-11-15 09:00", tick=False)
    give_standard_items(board)
    previous = MeetingFactory(board=board, date=D(2024, 10, 17))
    meeting = services.meeting_create(board=board, date=D(2024, 11, 28), user=officer)
    services.agenda_item_create(meeting=meeting, user=officer, title="Early Help")
    later = services.meeting_create(board=board, date=D(2025, 1, 16), user=officer)

    page = officer_client.get(reverse("meetings:dashboard"))

    text = page.content.decode()
    assert "Wednesday, 20 November 2024" in text  # 5 clear working days before 28 November
    assert 'data-status="due-soon"' in text
    assert 'data-status="on-time"' in text
    assert "Early Help: no documents" in text
    assert "Minutes of Thursday, 17 October 2024 not drafted" in text
    MinuteFactory(meeting=previous)
    assert (
        "17 October 2024 not drafted"
        not in officer_client.get(reverse("meetings:dashboard")).content.decode()
    )
    assert later.get_absolute_url()  # listed by its builder link
    assert reverse("meetings:agenda_builder", args=[later.pk]) in text


def test_a_late_meeting_is_tagged_late(officer_client, board, officer, time_machine):
    time_machine.move_to("2024-11-22 09:00", tick=False)
    services.meeting_create(board=board, date=D(2024, 11, 28), user=officer)

    page = officer_client.get(reverse("meetings:dashboard"))

    assert 'data-status="late"' in page.content.decode()


def test_the_dashboard_takes_a_fixed_number_of_queries(
    officer_client,
    board,
    other_board,
    officer,
    time_machine,
    django_assert_max_num_queries,
    django_assert_num_queries,
):
    time_machine.move_to("2024-09-01 09:00", tick=False)
    give_standard_items(board)
    services.meeting_create(board=board, date=D(2024, 10, 17), user=officer)
    url = reverse("meetings:dashboard")
    with django_assert_max_num_queries(12) as captured:
        officer_client.get(url)
    for day in (D(2024, 11, 28), D(2025, 1, 16), D(2025, 2, 13)):
        meeting = services.meeting_create(board=board, date=day, user=officer)
        DocumentFactory(agenda_item=meeting.items.first())
        services.meeting_create(board=other_board, date=day, user=officer)

    with django_assert_num_queries(len(captured)):
        officer_client.get(url)
    assert Document.objects.count() == 3


def test_the_exclusion_items_wording_can_be_edited_but_not_its_kind(
    officer_client, officer, meeting
):
    services.agenda_item_create(
        meeting=meeting, user=officer, title="Exempt", section="private", exempt_paragraphs=(1,)
    )
    exclusion = meeting.items.get(kind=AgendaItem.Kind.EXCLUSION)
    url = reverse("meetings:item_edit", args=[exclusion.pk])

    response = officer_client.post(
        url,
        {
            "title": "Exclusion of Press and Public",
            "description": "To exclude the press and public for item 8.",
            "kind": "report",
            "version": exclusion.version,
        },
    )

    assert response.status_code == 302
    exclusion.refresh_from_db()
    assert exclusion.description == "To exclude the press and public for item 8."
    assert exclusion.kind == AgendaItem.Kind.EXCLUSION
    assert (
        officer_client.get(reverse("meetings:item_delete", args=[exclusion.pk])).status_code == 404
    )


def test_editing_a_private_item_shows_its_paragraphs_ticked(officer_client, officer, meeting):
    item = services.agenda_item_create(
        meeting=meeting, user=officer, title="Exempt", section="private", exempt_paragraphs=(1, 3)
    )

    page = officer_client.get(reverse("meetings:item_edit", args=[item.pk])).content.decode()

    ticked = re.findall(r'name="exempt_paragraphs"[^>]*value="(\d)"[^>]*checked', page)
    assert ticked == ["1", "3"]
