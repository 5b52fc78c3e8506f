"""Attendance, declarations and the board's decisions page (issue 6)."""

import datetime

import pytest
from django.urls import reverse

from boards.models import Membership, OrgUnit
from meetings.models import AgendaItem, Attendance, Declaration
from tests.factories import (
    AgendaItemFactory,
    MeetingFactory,
    MembershipFactory,
    MinuteFactory,
    PersonFactory,
    ResolutionFactory,
    ResolutionPartFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def july(board, member):
    meeting = MeetingFactory(board=board, date=datetime.date(2016, 7, 21), published=True)
    AgendaItemFactory(
        meeting=meeting, kind=AgendaItem.Kind.DECLARATIONS, title="Declarations of Interests"
    )
    return meeting


@pytest.fixture
def lucas(board):
    person = PersonFactory(initials="", surname="Lucas", councillor=True)
    MembershipFactory(board=board, person=person)
    return person


def _attendance_post(meeting, **extra) -> dict:
    data = {
        "chair": "",
        "substitutes-TOTAL_FORMS": "1",
        "substitutes-INITIAL_FORMS": "0",
        "substitutes-0-person": "",
        "substitutes-0-substitute_for": "",
        "others-TOTAL_FORMS": "1",
        "others-INITIAL_FORMS": "0",
        "others-0-category": "",
        "others-0-person": "",
        "others-0-new_name": "",
        "others-0-description": "",
        "others-0-org_unit": "",
        "save": "1",
    }
    data.update({key: str(value) for key, value in extra.items()})
    return data


def test_attendance_lists_the_board_on_the_day(council, officer_client, july, member, lucas):
    old = PersonFactory(surname="Gone", councillor=True)
    MembershipFactory(
        board=july.board,
        person=old,
        start_date=datetime.date(2015, 5, 1),
        end_date=datetime.date(2016, 5, 1),
    )

    page = officer_client.get(reverse("meetings:attendance_edit", args=[july.pk]))

    text = page.content.decode()
    assert "Councillor M Mutton (Chair)" in text
    assert "Councillor Lucas" in text
    assert f"member_{old.pk}" not in page.context["form"].fields
    assert page.context["form"].initial["chair"] == str(member.person_id)


def test_attendance_with_a_substitute_guest_and_officer(
    council, officer_client, july, member, lucas
):
    lancaster = PersonFactory(initials="R", surname="Lancaster", councillor=True)
    resources = OrgUnit.objects.create(name="Resources Directorate", kind=OrgUnit.Kind.DIRECTORATE)
    rose = PersonFactory(initials="M", surname="Rose")
    data = _attendance_post(
        july,
        chair=member.person_id,
        **{
            f"member_{member.person_id}": "present",
            f"member_{lucas.pk}": "apologies",
            "substitutes-0-person": lancaster.pk,
            "substitutes-0-substitute_for": lucas.pk,
            "others-TOTAL_FORMS": "2",
            "others-0-category": "invited",
            "others-0-new_name": "Janet Mokades",
            "others-0-description": "Local Safeguarding Children's Board (LSCB)",
            "others-1-category": "officer",
            "others-1-person": rose.pk,
            "others-1-org_unit": resources.pk,
        },
    )

    response = officer_client.post(reverse("meetings:attendance_edit", args=[july.pk]), data)

    assert response.status_code == 302, response.context and [
        f.errors for f in response.context["error_forms"]
    ]
    rows = {(a.person.surname, a.category, a.status) for a in july.attendances.all()}
    assert rows == {
        ("Mutton", "member", "present"),
        ("Lucas", "member", "apologies"),
        ("Lancaster", "member", "present"),
        ("Mokades", "invited", "present"),
        ("Rose", "officer", "present"),
    }
    assert july.attendances.get(person=member.person).is_chair
    assert july.attendances.get(person=lancaster).substitute_for == lucas
    # The form reopens as saved.
    again = officer_client.get(reverse("meetings:attendance_edit", args=[july.pk]))
    assert again.context["substitutes"].initial == [
        {"person": lancaster.pk, "substitute_for": lucas.pk}
    ]
    july.minutes_published_at = july.agenda_published_at
    july.save()
    MinuteFactory(meeting=july, number=7)
    page = officer_client.get(july.get_absolute_url()).content.decode()
    assert "Councillor R Lancaster (substitute for Councillor Lucas)" in page
    assert "Janet Mokades – Local Safeguarding Children&#x27;s Board (LSCB)" in page


def test_a_substitute_for_a_member_marked_present_is_refused(council, officer_client, july, lucas):
    lancaster = PersonFactory(initials="R", surname="Lancaster", councillor=True)
    data = _attendance_post(
        july,
        **{
            f"member_{lucas.pk}": "present",
            "substitutes-0-person": lancaster.pk,
            "substitutes-0-substitute_for": lucas.pk,
        },
    )

    response = officer_client.post(reverse("meetings:attendance_edit", args=[july.pk]), data)

    assert response.status_code == 200
    assert "a substitute replaces a member who sent apologies" in response.content.decode()
    assert not Attendance.objects.exists()


def test_add_another_person_adds_a_blank_row(council, officer_client, july):
    data = _attendance_post(july, **{"others-0-new_name": "Ian Green"})
    del data["save"]
    data["add_other"] = "1"

    response = officer_client.post(reverse("meetings:attendance_edit", args=[july.pk]), data)

    assert response.status_code == 200
    assert len(response.context["others"].forms) == 2
    assert response.context["others"].forms[0]["new_name"].value() == "Ian Green"
    assert not Attendance.objects.exists()


def test_declarations_and_the_no_interests_sentence(council, officer_client, public, july, member):
    july.minutes_published_at = july.agenda_published_at
    july.save()
    MinuteFactory(
        meeting=july, number=7, title="Declarations of Interests", agenda_item=july.items.get()
    )
    assert (
        "There were no disclosable pecuniary interests."
        in public.get(july.get_absolute_url()).content.decode()
    )

    response = officer_client.post(
        reverse("meetings:declaration_edit", args=[july.pk]),
        {
            "declarations-TOTAL_FORMS": "1",
            "declarations-INITIAL_FORMS": "0",
            "declarations-0-person": member.person_id,
            "declarations-0-agenda_item": "",
            "declarations-0-kind": "other_registrable",
            "declarations-0-interest": "A member of the Safe Spaces Stakeholder Group",
            "declarations-0-action": "did_not_vote",
            "save": "1",
        },
    )

    assert response.status_code == 302
    declaration = Declaration.objects.get()
    assert declaration.action == "did_not_vote"
    page = public.get(july.get_absolute_url()).content.decode()
    assert "There were no disclosable pecuniary interests." not in page
    assert "Councillor M Mutton declared other registrable interest" in page
    assert "(stayed but did not vote)" in page


def test_an_incomplete_declaration_is_a_form_error(council, officer_client, july, member):
    response = officer_client.post(
        reverse("meetings:declaration_edit", args=[july.pk]),
        {
            "declarations-TOTAL_FORMS": "1",
            "declarations-INITIAL_FORMS": "0",
            "declarations-0-person": member.person_id,
            "declarations-0-kind": "",
            "declarations-0-interest": "",
            "save": "1",
        },
    )

    assert response.status_code == 200
    text = response.content.decode()
    assert "Choose the kind of interest" in text
    assert "Enter the interest" in text


def _decisions(board, meetings: int, parts: int, start: int = 0):
    for index in range(start, start + meetings):
        meeting = MeetingFactory(
            board=board,
            date=datetime.date(2016, 6, 16) + datetime.timedelta(weeks=4 * index),
            published=True,
        )
        meeting.minutes_published_at = meeting.agenda_published_at
        meeting.save()
        for _ in range(2):
            minute = MinuteFactory(meeting=meeting)
            resolution = ResolutionFactory(minute=minute)
            for _ in range(parts):
                part = ResolutionPartFactory(resolution=resolution)
                part.bullets.create(position=1, text="A bullet")


def test_the_decisions_page_links_each_resolution_to_its_minute(council, public, board):
    _decisions(board, 1, 2)
    minute = board.meetings.get().minutes.first()

    page = public.get(reverse("meetings:decisions", args=[board.slug]))

    assert page.status_code == 200
    assert f'href="{minute.get_absolute_url()}"' in page.content.decode()
    assert "(draft minutes)" in page.content.decode()


def test_the_decisions_page_leaves_out_unpublished_minutes(council, public, board):
    meeting = MeetingFactory(board=board, published=True)
    ResolutionPartFactory(resolution__minute__meeting=meeting, text="UNPUBLISHED DECISION")

    page = public.get(reverse("meetings:decisions", args=[board.slug]))

    assert "UNPUBLISHED DECISION" not in page.content.decode()


def test_the_decisions_page_makes_a_fixed_number_of_queries(
    council, public, board, django_assert_num_queries, django_assert_max_num_queries
):
    _decisions(board, 1, 1)
    url = reverse("meetings:decisions", args=[board.slug])
    with django_assert_max_num_queries(12) as captured:
        public.get(url)
    _decisions(board, 5, 4, start=1)

    with django_assert_num_queries(len(captured)):
        response = public.get(url)
    assert len(response.context["rows"]) == 12


def test_an_unknown_board_has_no_decisions_page(public, db):
    assert public.get(reverse("meetings:decisions", args=["no-such-board"])).status_code == 404


def test_membership_roles_choose_the_attendance_group(council, officer_client, july, board):
    co_opted = PersonFactory(surname="Hanson", honorific="Mrs")
    MembershipFactory(board=board, person=co_opted, role=Membership.Role.CO_OPTED)
    data = _attendance_post(july, **{f"member_{co_opted.pk}": "present"})

    officer_client.post(reverse("meetings:attendance_edit", args=[july.pk]), data)

    assert july.attendances.get().category == Attendance.Category.CO_OPTED


def test_an_attendance_conflict_is_reported_and_keeps_the_entries(
    council, officer_client, july, member, lucas
):
    url = reverse("meetings:attendance_edit", args=[july.pk])
    read = officer_client.get(url).context["form"].initial["fingerprint"]
    first = _attendance_post(july, fingerprint=read, **{f"member_{lucas.pk}": "apologies"})
    second = _attendance_post(july, fingerprint=read, **{f"member_{member.person_id}": "present"})

    assert officer_client.post(url, first).status_code == 302
    response = officer_client.post(url, second)

    assert response.status_code == 409
    text = response.content.decode()
    assert "Someone else saved the attendance while you were filling it in" in text
    assert "Members: Councillor Lucas (Apologies)" in text  # what is now saved
    assert response.context["form"].data[f"member_{member.person_id}"] == "present"
    assert list(july.attendances.values_list("person__surname", flat=True)) == ["Lucas"]
    # Saving again from the conflict page applies the officer's entries.
    assert officer_client.post(url, response.context["form"].data).status_code == 302
    assert list(july.attendances.values_list("person__surname", flat=True)) == ["Mutton"]


def test_a_declarations_conflict_is_reported(council, officer_client, july, member):
    url = reverse("meetings:declaration_edit", args=[july.pk])
    read = officer_client.get(url).context["reason_form"].initial["fingerprint"]
    row = {
        "declarations-TOTAL_FORMS": "1",
        "declarations-INITIAL_FORMS": "0",
        "declarations-0-person": member.person_id,
        "declarations-0-kind": "non_registrable",
        "declarations-0-interest": "A governor of a school",
        "fingerprint": read,
        "save": "1",
    }
    none = {
        **row,
        "declarations-0-person": "",
        "declarations-0-kind": "",
        "declarations-0-interest": "",
    }

    assert officer_client.post(url, row).status_code == 302
    response = officer_client.post(url, none)

    assert response.status_code == 409
    assert "A governor of a school" in response.content.decode()
    assert Declaration.objects.count() == 1
