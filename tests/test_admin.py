"""The admin, where officers keep the council's records: every page loads, searches find
what they should, and bad input is re-shown with a plain-English message, saving nothing."""

import datetime

import pytest
from django import forms
from django.contrib import admin
from django.core.management import call_command
from django.test import RequestFactory
from django.urls import reverse

from boards.models import Council, Membership, Person
from meetings.models import (
    AgendaItem,
    Attendance,
    Declaration,
    Meeting,
    Minute,
    WorkProgramme,
    WorkProgrammeItem,
)
from recommendations.models import TrackerItem, TrackerResponse
from tests.factories import (
    AgendaItemFactory,
    DocumentFactory,
    MeetingFactory,
    MembershipFactory,
    MinuteFactory,
    PersonFactory,
    PostFactory,
    ResolutionPartFactory,
    TrackerItemFactory,
)

pytestmark = pytest.mark.django_db

REGISTERED = sorted(admin.site._registry.items(), key=lambda pair: pair[0]._meta.label)


def admin_url(model, view: str, *args) -> str:
    return reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_{view}", args=args)


def admin_form_data(response) -> dict:
    """What a browser would post back, unchanged, from an admin add or change page."""
    forms_on_page = [response.context["adminform"].form]
    for inline in response.context["inline_admin_formsets"]:
        forms_on_page += [inline.formset.management_form, *inline.formset.forms]
    data = {}
    for form in forms_on_page:
        for bound in form:
            value = bound.value()
            widget = bound.field.widget
            if isinstance(widget, forms.CheckboxInput):
                if value:
                    data[bound.html_name] = "on"
            elif isinstance(widget, forms.MultiWidget):
                for index, part in enumerate(widget.decompress(value)):
                    data[f"{bound.html_name}_{index}"] = "" if part is None else str(part)
            elif isinstance(value, list | tuple):
                data[bound.html_name] = [str(part) for part in value]
            else:
                data[bound.html_name] = "" if value is None else str(value)
    return data


def post_add_form(client, model, **changes):
    """Open a model's add page, change some fields and post it back."""
    url = admin_url(model, "add")
    data = admin_form_data(client.get(url))
    data.update(changes)
    return client.post(url, data)


@pytest.fixture
def one_of_everything(council, board, member):
    """A row for most admin pages to list, so that each list renders at least one."""
    meeting = MeetingFactory(board=board, date=datetime.date(2016, 9, 15), published=True)
    item = AgendaItemFactory(meeting=meeting, title="Quality Assurance Auditing")
    DocumentFactory(agenda_item=item)
    part = ResolutionPartFactory(resolution__minute__meeting=meeting)
    tracker_item = TrackerItemFactory(source_meeting=meeting, resolution_part=part)
    TrackerResponse.objects.create(
        tracker_item=tracker_item, date=datetime.date(2016, 7, 26), text="Circulated."
    )
    PostFactory(title="Scrutiny Co-ordinator")
    Attendance.objects.create(
        meeting=meeting, person=member.person, category=Attendance.Category.MEMBER
    )
    Declaration.objects.create(
        meeting=meeting,
        person=member.person,
        kind=Declaration.Kind.OTHER_REGISTRABLE,
        interest="School governor",
    )
    programme = WorkProgramme.objects.create(board=board, municipal_year=meeting.municipal_year)
    WorkProgrammeItem.objects.create(programme=programme, meeting=meeting, title="HAF Update")
    return meeting


@pytest.mark.parametrize(
    ("model", "model_admin"), REGISTERED, ids=[model._meta.label for model, _ in REGISTERED]
)
def test_every_admin_list_add_and_change_page_loads(
    admin_client, admin_user, one_of_everything, model, model_admin
):
    request = RequestFactory().get("/")
    request.user = admin_user

    changelist = admin_client.get(admin_url(model, "changelist"), follow=True)
    add = admin_client.get(admin_url(model, "add"))

    assert changelist.status_code == 200
    assert add.status_code == (200 if model_admin.has_add_permission(request) else 403)
    first = model_admin.get_queryset(request).first()
    if first is not None:
        change = admin_client.get(admin_url(model, "change", first.pk))
        assert change.status_code == 200


def test_the_council_list_opens_the_one_settings_row(admin_client, council):
    response = admin_client.get(admin_url(Council, "changelist"))

    assert response.status_code == 302
    assert response.url == admin_url(Council, "change", 1)


@pytest.mark.parametrize(
    ("model", "query", "expected"),
    [
        (Person, "Mutton", 1),
        (Person, "Nobody", 0),
        (Meeting, "Quality Assurance", 1),
        (Minute, "Education and Children", 1),
        (TrackerItem, "Holmes", 1),
        (AgendaItem, "Quality", 1),
    ],
)
def test_admin_search_finds_matching_rows(admin_client, one_of_everything, model, query, expected):
    TrackerItem.objects.get().officer_contacts.add(PersonFactory(surname="Holmes"))

    response = admin_client.get(admin_url(model, "changelist"), {"q": query})

    assert response.status_code == 200
    assert response.context["cl"].result_count == expected


def test_a_membership_ending_before_it_starts_is_refused(admin_client, board):
    person = PersonFactory(councillor=True)

    response = post_add_form(
        admin_client,
        Membership,
        board=board.pk,
        person=person.pk,
        role=Membership.Role.MEMBER,
        start_date="2016-05-01",
        end_date="2016-04-30",
    )

    assert response.status_code == 200
    assert response.context["adminform"].form.errors["end_date"] == [
        "The end date must be on or after the start date."
    ]
    assert not Membership.objects.exists()


def test_a_private_agenda_item_without_paragraphs_is_refused(admin_client, council):
    meeting = MeetingFactory()

    response = post_add_form(
        admin_client,
        AgendaItem,
        meeting=meeting.pk,
        number="10",
        section=AgendaItem.Section.PRIVATE,
        kind=AgendaItem.Kind.REPORT,
        title="Homes for Children in Care - Update Report",
    )

    assert response.status_code == 200
    assert response.context["adminform"].form.errors["exempt_paragraphs"] == [
        "Choose the Schedule 12A paragraphs for a private item."
    ]
    assert not AgendaItem.objects.exists()


def test_a_private_agenda_item_with_paragraphs_1_and_3_is_saved(admin_client, council):
    meeting = MeetingFactory()
    add_page = admin_client.get(admin_url(AgendaItem, "add"))
    assert 'type="checkbox" name="exempt_paragraphs" value="3"' in add_page.text

    response = post_add_form(
        admin_client,
        AgendaItem,
        meeting=meeting.pk,
        number="10",
        section=AgendaItem.Section.PRIVATE,
        kind=AgendaItem.Kind.REPORT,
        title="Homes for Children in Care - Update Report",
        exempt_paragraphs=["1", "3"],
    )

    assert response.status_code == 302, response.context["adminform"].form.errors
    assert AgendaItem.objects.get().exempt_paragraphs == (1, 3)


def test_a_duplicate_minute_number_in_a_year_is_refused(admin_client, council, board):
    july = MeetingFactory(board=board, date=datetime.date(2016, 7, 21))
    MinuteFactory(meeting=july, number=7)
    september = MeetingFactory(board=board, date=datetime.date(2016, 9, 15))

    response = post_add_form(
        admin_client, Minute, meeting=september.pk, number="7", title="Declarations of Interests"
    )

    assert response.status_code == 200
    assert response.context["adminform"].form.errors["number"] == [
        "Minute 7 already exists for this board in 2016/17. Choose another number."
    ]
    assert Minute.objects.count() == 1


def test_a_new_minute_takes_its_board_and_year_from_the_meeting(admin_client, council, board):
    september = MeetingFactory(board=board, date=datetime.date(2016, 9, 15))

    response = post_add_form(
        admin_client, Minute, meeting=september.pk, number="15", title="Declarations of Interests"
    )

    assert response.status_code == 302
    minute = Minute.objects.get()
    assert (minute.board, minute.municipal_year) == (board, september.municipal_year)


def test_a_council_date_format_with_an_unknown_placeholder_is_refused(admin_client, council):
    url = admin_url(Council, "change", council.pk)
    data = admin_form_data(admin_client.get(url))
    data["date_format_published"] = "{weekday}, {dayofmonth} {month} {year}"

    response = admin_client.post(url, data)

    assert response.status_code == 200
    [message] = response.context["adminform"].form.errors["date_format_published"]
    assert message.startswith("Unknown placeholder {dayofmonth}. Use any of: {weekday}, {day},")
    council.refresh_from_db()
    assert council.date_format_published == "{weekday}, {day} {month} {year}"


def test_the_council_settings_save_when_valid(admin_client, council):
    url = admin_url(Council, "change", council.pk)
    data = admin_form_data(admin_client.get(url))
    data["minute_reference_format"] = "{number}"

    response = admin_client.post(url, data)

    assert response.status_code == 302
    council.refresh_from_db()
    assert council.minute_reference_format == "{number}"


def test_superusers_made_on_the_command_line_are_administrators(django_user_model):
    call_command("createsuperuser", interactive=False, username="root", email="root@example.gov.uk")

    user = django_user_model.objects.get(username="root")
    assert (user.role, user.is_staff, user.is_superuser) == ("admin", True, True)


def test_memberships_are_listed_with_their_history(admin_client, board):
    membership = MembershipFactory(board=board)

    response = admin_client.get(admin_url(Membership, "history", membership.pk))

    assert response.status_code == 200
    assert str(membership.person) in response.text
