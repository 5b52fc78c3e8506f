"""The database itself refuses records that break the rules, whatever code writes them.

Each test writes past model validation (objects.create, QuerySet.update, bulk_create) and
expects an IntegrityError that names the constraint. PostgreSQL names every constraint;
SQLite names CHECK constraints ("CHECK constraint failed: <name>") but reports a UNIQUE
one by its columns, so there we check the columns instead.
"""

import datetime
from collections.abc import Iterator
from contextlib import contextmanager

import pytest
from django.apps import apps
from django.db import IntegrityError, connection, models, transaction

from boards.models import Council, Membership, User
from meetings.models import AgendaItem, Document, Meeting, Minute, WorkProgramme, WorkProgrammeItem
from recommendations.models import TrackerItem
from tests.factories import (
    AgendaItemFactory,
    DocumentFactory,
    MeetingFactory,
    MembershipFactory,
    MinuteFactory,
    PersonFactory,
    ResolutionPartFactory,
    TrackerItemFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db


def _find_constraint(name: str) -> tuple[type[models.Model], models.BaseConstraint]:
    for model in apps.get_models():
        for constraint in model._meta.constraints:
            if constraint.name == name:
                return model, constraint
    raise LookupError(f"No model declares the constraint {name}")


@contextmanager
def refuses(name: str) -> Iterator[None]:
    """Expect the database to refuse what the block writes, citing constraint `name`."""
    model, constraint = _find_constraint(name)
    with pytest.raises(IntegrityError) as caught, transaction.atomic():
        yield
    message = str(caught.value)
    if connection.vendor == "sqlite" and isinstance(constraint, models.UniqueConstraint):
        table = model._meta.db_table
        columns = [model._meta.get_field(field).column for field in constraint.fields]
        assert message == "UNIQUE constraint failed: " + ", ".join(
            f"{table}.{column}" for column in columns
        )
    else:
        assert name in message


def test_two_agenda_items_may_not_share_a_number():
    item = AgendaItemFactory(number=4)

    with refuses("meetings_agendaitem_unique_number"):
        AgendaItem.objects.create(meeting=item.meeting, number=4, title="Quality Assurance")


def test_a_private_item_must_name_a_paragraph():
    meeting = MeetingFactory()

    with refuses("meetings_agendaitem_private_has_paragraphs"):
        AgendaItem.objects.create(
            meeting=meeting, number=10, section=AgendaItem.Section.PRIVATE, title="Homes"
        )


def test_a_public_item_may_not_name_paragraphs():
    item = AgendaItemFactory()

    with refuses("meetings_agendaitem_private_has_paragraphs"):
        AgendaItem.objects.filter(pk=item.pk).update(exempt_paragraphs=(1, 3))


def test_a_membership_may_not_end_before_it_starts():
    with refuses("boards_membership_ends_after_start"):
        MembershipFactory(start_date=datetime.date(2016, 5, 1), end_date=datetime.date(2016, 4, 30))


def test_a_membership_may_end_the_day_it_starts():
    membership = MembershipFactory(
        start_date=datetime.date(2016, 5, 1), end_date=datetime.date(2016, 5, 1)
    )

    assert Membership.objects.filter(pk=membership.pk).exists()


def test_a_tracker_item_kind_must_be_r_a_or_i():
    with refuses("recommendations_trackeritem_kind_valid"):
        TrackerItemFactory(kind="X")


def test_a_complete_tracker_item_needs_its_completion_date():
    item = TrackerItemFactory()

    with refuses("recommendations_trackeritem_completed_on_iff_complete"):
        TrackerItem.objects.filter(pk=item.pk).update(status=TrackerItem.Status.COMPLETE)


def test_an_open_tracker_item_has_no_completion_date():
    with refuses("recommendations_trackeritem_completed_on_iff_complete"):
        TrackerItemFactory(completed_on=datetime.date(2016, 7, 27))


def test_a_board_may_not_use_a_minute_number_twice_in_one_year():
    first = MinuteFactory(number=7, meeting__date=datetime.date(2016, 7, 21))
    later = MeetingFactory(board=first.board, date=datetime.date(2016, 9, 15))
    assert later.municipal_year == first.municipal_year

    with refuses("meetings_minute_unique_number_in_year"):
        Minute.objects.create(
            meeting=later,
            board=later.board,
            municipal_year=later.municipal_year,
            number=7,
            title="Declarations of Interests",
        )


def test_the_same_minute_number_is_fine_in_another_year():
    first = MinuteFactory(number=7, meeting__date=datetime.date(2016, 7, 21))

    again = MinuteFactory(
        number=7, meeting__board=first.board, meeting__date=datetime.date(2017, 7, 20)
    )

    assert again.municipal_year != first.municipal_year


def test_a_restricted_document_must_name_a_paragraph():
    item = AgendaItemFactory(private=True)

    with refuses("meetings_document_restricted_has_paragraphs"):
        Document.objects.bulk_create(
            [Document(agenda_item=item, title="Appendix 1", is_restricted=True)]
        )


def test_an_unrestricted_document_may_not_name_paragraphs():
    document = DocumentFactory()

    with refuses("meetings_document_restricted_has_paragraphs"):
        Document.objects.filter(pk=document.pk).update(exempt_paragraphs=(1,))


def test_a_moved_meeting_keeps_its_original_date():
    meeting = MeetingFactory()

    with refuses("meetings_meeting_moved_keeps_original_date"):
        Meeting.objects.filter(pk=meeting.pk).update(status=Meeting.Status.MOVED)


def test_there_is_only_one_council_row():
    Council.load()

    with refuses("boards_council_singleton"):
        # bulk_create skips Council.save(), which would force the primary key to 1.
        Council.objects.bulk_create([Council(pk=2, name="Warwickshire County Council")])


def test_a_councillor_login_may_not_be_staff():
    with refuses("boards_user_members_not_staff"):
        UserFactory(role=User.Role.MEMBER, is_staff=True, person=PersonFactory(councillor=True))


def test_an_officer_login_may_be_staff():
    officer = UserFactory(role=User.Role.OFFICER, is_staff=True)

    assert User.objects.filter(pk=officer.pk, is_staff=True).exists()


def test_a_work_programme_item_for_a_meeting_names_the_meeting():
    meeting = MeetingFactory()
    programme = WorkProgramme.objects.create(
        board=meeting.board, municipal_year=meeting.municipal_year
    )

    with refuses("meetings_workprogrammeitem_meeting_iff_dated"):
        WorkProgrammeItem.objects.create(
            programme=programme, section=WorkProgrammeItem.Section.MEETING, title="HAF Update"
        )


def test_an_undated_work_programme_item_names_no_meeting():
    meeting = MeetingFactory()
    programme = WorkProgramme.objects.create(
        board=meeting.board, municipal_year=meeting.municipal_year
    )

    with refuses("meetings_workprogrammeitem_meeting_iff_dated"):
        WorkProgrammeItem.objects.create(
            programme=programme,
            section=WorkProgrammeItem.Section.NEXT_YEAR,
            meeting=meeting,
            title="Post 16 Education",
        )


def test_a_resolution_part_is_tracked_only_once():
    part = ResolutionPartFactory()
    meeting = part.resolution.minute.meeting
    TrackerItemFactory(source_meeting=meeting, resolution_part=part)

    with refuses("recommendations_trackeritem_unique_resolution_part"):
        TrackerItemFactory(source_meeting=meeting, resolution_part=part)


def test_requests_not_from_a_resolution_can_be_tracked_side_by_side():
    meeting = MeetingFactory()

    TrackerItemFactory(source_meeting=meeting, kind=TrackerItem.Kind.INFORMATION)
    TrackerItemFactory(source_meeting=meeting, kind=TrackerItem.Kind.INFORMATION)

    assert TrackerItem.objects.filter(resolution_part__isnull=True).count() == 2
