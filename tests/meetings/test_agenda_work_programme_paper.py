"""The work programme item's paper is the board's programme, which the pack prints: with
a document type ("Briefing Note of the Director of Law and Governance", as in the seed
packs) it needs no paper from the officer, so the publication check, the dashboard and
the builder do not ask for one (issue 4). Without a programme for the year, it does."""

import pytest
from django.urls import reverse

from meetings import services
from meetings.models import AgendaItem, WorkProgramme
from tests.factories import PostFactory
from tests.meetings.agenda_support import D, give_standard_items

pytestmark = pytest.mark.django_db


@pytest.fixture
def meeting(board, officer):
    give_standard_items(board)
    meeting = services.meeting_create(board=board, date=D(2024, 11, 28), user=officer)
    item = meeting.items.get(kind=AgendaItem.Kind.WORK_PROGRAMME)
    services.agenda_item_update(
        item=item,
        version=item.version,
        user=officer,
        document_type=AgendaItem.DocumentType.BRIEFING_NOTE,
        report_of=PostFactory(title="Director of Law and Governance"),
    )
    return meeting


def _programme(meeting) -> WorkProgramme:
    return WorkProgramme.objects.create(
        board=meeting.board, municipal_year=meeting.municipal_year, title="Work Programme"
    )


def test_the_check_needs_no_paper_for_the_work_programme_the_pack_prints(meeting):
    check = services.publication_check(meeting=meeting, today=D(2024, 11, 1))
    assert any("Work Programme, has no documents" in line for line in check.blockers)

    _programme(meeting)

    check = services.publication_check(meeting=meeting, today=D(2024, 11, 1))
    assert not any("Work Programme" in line for line in check.blockers + check.warnings)


def test_a_programme_of_another_year_does_not_count(meeting, other_board):
    WorkProgramme.objects.create(board=other_board, municipal_year=meeting.municipal_year)

    check = services.publication_check(meeting=meeting, today=D(2024, 11, 1))

    assert any("Work Programme, has no documents" in line for line in check.blockers)


def test_the_dashboard_and_the_builder_do_not_ask_for_it(officer_client, meeting, time_machine):
    time_machine.move_to("2024-11-15 09:00", tick=False)
    dashboard = reverse("meetings:dashboard")
    builder = reverse("meetings:agenda_builder", args=[meeting.pk])
    assert "Work Programme: no documents" in officer_client.get(dashboard).content.decode()

    _programme(meeting)

    assert "Work Programme: no documents" not in officer_client.get(dashboard).content.decode()
    page = officer_client.get(builder).content.decode()
    assert "Documents: the board's work programme for the year" in page
