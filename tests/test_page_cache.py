"""The public page cache (scrutiny/pagecache.py): served to anonymous visitors only,
never stale after a change, never holding what one visitor must not pass to another."""

from unittest import mock

import pytest
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from boards.models import SiteRevision
from recommendations import views as tracker_views
from tests.factories import (
    AgendaItemFactory,
    DocumentFactory,
    MeetingFactory,
    TrackerItemFactory,
)

# Changes are committed as in production, so that the revision goes up on commit.
pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture(autouse=True)
def page_cache_on(settings) -> None:
    settings.PAGE_CACHE_SECONDS = 300


@pytest.fixture
def meeting(council, board):
    meeting = MeetingFactory(board=board, published=True)
    AgendaItemFactory(meeting=meeting, number=1, title="Apologies and substitutions")
    return meeting


def _queries(client, url) -> tuple[int, str]:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries), response.text


def test_the_second_anonymous_visitor_gets_the_stored_page(public, meeting) -> None:
    url = meeting.get_absolute_url()
    first, page = _queries(public, url)
    second, again = _queries(public, url)
    assert first > 2
    assert second == 1  # the site revision, nothing else
    assert again == page


def test_a_change_saved_makes_the_stored_page_stale(public, meeting) -> None:
    url = meeting.get_absolute_url()
    public.get(url)
    item = meeting.items.get()
    item.title = "Apologies for absence"
    item.save()
    assert "Apologies for absence" in public.get(url).text


def test_a_change_counts_once_it_is_committed(meeting) -> None:
    before = SiteRevision.current()
    with transaction.atomic():
        for number in (2, 3, 4):
            AgendaItemFactory(meeting=meeting, number=number)
        assert SiteRevision.current() == before  # not before the commit
    assert SiteRevision.current() == before + 1  # once for the three rows


def test_a_rolled_back_change_does_not_count(meeting) -> None:
    before = SiteRevision.current()
    with pytest.raises(RuntimeError), transaction.atomic():
        AgendaItemFactory(meeting=meeting, number=2)
        raise RuntimeError
    assert SiteRevision.current() == before


def test_a_deleted_paper_makes_the_stored_page_stale(public, meeting) -> None:
    document = DocumentFactory(agenda_item=meeting.items.get(), title="Briefing on admissions")
    url = meeting.get_absolute_url()
    assert "Briefing on admissions" in public.get(url).text
    document.delete()
    assert "Briefing on admissions" not in public.get(url).text


def test_signed_in_users_are_neither_served_nor_stored(
    public, member_client, officer_client, meeting
) -> None:
    url = meeting.get_absolute_url()
    public.get(url)
    for client in (member_client, officer_client):
        count, _ = _queries(client, url)
        assert count > 2, "a signed-in user must get the page rendered for them"
    # An officer's page (which may show more) was not stored for the public either.
    count, _ = _queries(public, url)
    assert count == 1


def test_an_unpublished_meeting_is_not_stored(public, officer_client, board) -> None:
    draft = MeetingFactory(board=board, published=False)
    assert officer_client.get(draft.get_absolute_url()).status_code == 200
    assert public.get(draft.get_absolute_url()).status_code == 404
    assert public.get(draft.get_absolute_url()).status_code == 404


def test_a_page_with_a_form_token_is_not_stored(public) -> None:
    # The sign-in form carries a CSRF token tied to its visitor's cookie: never shared.
    login = reverse("login")
    first = public.get(login)
    public.cookies.clear()
    second = public.get(login)
    assert "csrfmiddlewaretoken" in first.text
    assert first.cookies["csrftoken"].value != second.cookies["csrftoken"].value


def test_the_cache_can_be_turned_off(settings, public, meeting) -> None:
    settings.PAGE_CACHE_SECONDS = 0
    url = meeting.get_absolute_url()
    public.get(url)
    first, _ = _queries(public, url)
    second, _ = _queries(public, url)
    assert second == first > 2


def test_the_tracker_table_is_stored_for_officers_until_the_tracker_changes(
    officer_client, coordinator_client, council, board
) -> None:
    item = TrackerItemFactory(board=board, text="Circulate the placement sufficiency data")
    url = reverse("recommendations:tracker") + f"?board={board.slug}"
    rendered, page = _queries(officer_client, url)
    assert "Circulate the placement sufficiency data" in page
    # The co-ordinator asking for the same view is served the same stored table, without
    # the filter and its form being built.
    with mock.patch.object(
        tracker_views, "TrackerItemFilter", wraps=tracker_views.TrackerItemFilter
    ) as tracker_filter:
        stored, _ = _queries(coordinator_client, url)
    assert stored < rendered
    assert not tracker_filter.called

    item.text = "Circulate the revised placement sufficiency data"
    item.save()
    assert "Circulate the revised placement" in officer_client.get(url).text


def test_the_tracker_is_not_stored_for_the_public(public, council, board) -> None:
    url = reverse("recommendations:tracker")
    assert public.get(url).status_code in (302, 404)
