"""Search: what each persona finds, what it never finds, snippets and the page's queries.

PostgreSQL (CI) runs full-text search with ranking and ts_headline snippets; SQLite runs the
plain fallback. Tests that hold on both run on both; the few that differ say which.
"""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from meetings.models import DiscussionPoint
from meetings.search import fallback_snippet, search_results
from tests.factories import (
    AgendaItemFactory,
    DocumentFactory,
    MeetingFactory,
    MinuteFactory,
    ResolutionPartFactory,
)

pytestmark = pytest.mark.django_db

on_postgresql = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="full-text search runs on PostgreSQL only"
)
on_fallback = pytest.mark.skipif(
    connection.vendor == "postgresql", reason="the plain fallback runs where PostgreSQL is absent"
)

# Canary words: each lives only where some personas may not look.
EXEMPT = "zebracanary"
UNPUBLISHED = "quokkacanary"
DRAFT_MINUTES = "wombatcanary"


def _published(day: datetime.date) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(17, 0)))


@pytest.fixture
def meeting(council, board):
    """Thursday 15 September 2016, published, minutes published, one public briefing note."""
    meeting = MeetingFactory(
        board=board,
        date=datetime.date(2016, 9, 15),
        published=True,
        minutes_published_at=_published(datetime.date(2016, 9, 20)),
    )
    item = AgendaItemFactory(
        meeting=meeting,
        title="Quality Assurance Auditing",
        description="Briefing note on audits of children's case files.",
    )
    DocumentFactory(
        agenda_item=item,
        title="Quality Assurance Audits",
        body_html="<p>The service audited <strong>placements</strong> of looked after "
        "children.</p>",
    )
    return meeting


@pytest.fixture
def restricted(meeting):
    """An exempt paper of board A under a private item, carrying the EXEMPT canary."""
    item = AgendaItemFactory(meeting=meeting, private=True, title="Homes for Children in Care")
    return DocumentFactory(
        agenda_item=item,
        restricted=True,
        title=f"Placements by provider {EXEMPT}",
        body_html=f"<p>Weekly fees paid to {EXEMPT} providers of placements.</p>",
    )


@pytest.fixture
def unpublished(council, board):
    """Thursday 10 November 2016: agenda still in draft, carrying the UNPUBLISHED canary."""
    meeting = MeetingFactory(board=board, date=datetime.date(2016, 11, 10))
    item = AgendaItemFactory(meeting=meeting, title=f"Draft item {UNPUBLISHED}")
    DocumentFactory(agenda_item=item, body_html=f"<p>Draft placements paper {UNPUBLISHED}</p>")
    MinuteFactory(meeting=meeting, title=f"Draft minute {UNPUBLISHED}")
    return meeting


@pytest.fixture
def minute(meeting):
    """A published minute of `meeting` with a discussion point and a resolution part."""
    minute = MinuteFactory(
        meeting=meeting, title="Serious Case Review", body_html="<p>The board heard evidence.</p>"
    )
    DiscussionPoint.objects.create(
        minute=minute, position=1, text="The timeliness of initial health assessments"
    )
    ResolutionPartFactory(
        resolution__minute=minute, text="That the Cabinet Member reviews respite capacity"
    )
    return minute


@pytest.fixture
def draft_minutes(council, board):
    """A held meeting whose agenda is published but whose minutes are not yet."""
    meeting = MeetingFactory(board=board, date=datetime.date(2016, 10, 13), published=True)
    return MinuteFactory(
        meeting=meeting,
        title="Outstanding Issues",
        body_html=f"<p>Draft wording {DRAFT_MINUTES}</p>",
    )


@pytest.fixture
def everything(restricted, unpublished, minute, draft_minutes) -> None:
    """Every canary in place, beside the public material."""


def _search(client, query: str, **params):
    return client.get(reverse("search"), {"q": query, **params})


def _kinds_and_urls(response) -> list[tuple[str, str]]:
    return [(result.kind, result.url) for result in response.context["results"]]


def test_the_search_page_without_a_query_shows_just_the_form(public):
    response = public.get(reverse("search"))

    assert response.status_code == 200
    assert 'name="q"' in response.text
    assert '<label class="govuk-label govuk-label--s" for="search-q">' in response.text
    assert "results" not in response.context
    assert "results-heading" not in response.text


def test_the_search_page_answers_only_get(public):
    assert public.post(reverse("search"), {"q": "audit"}).status_code == 405


def test_it_finds_a_meeting_by_its_board_and_venue(public, meeting):
    by_board = _search(public, "Education Children's Services")
    by_venue = _search(public, "Committee Rooms")

    assert ("meeting", meeting.get_absolute_url()) in _kinds_and_urls(by_board)
    assert ("meeting", meeting.get_absolute_url()) in _kinds_and_urls(by_venue)
    assert "Meeting" in by_venue.text


def test_it_finds_an_agenda_item_and_links_to_it_on_the_meeting_page(public, meeting):
    response = _search(public, "auditing")

    item = meeting.items.get(title="Quality Assurance Auditing")
    assert ("agenda_item", f"{meeting.get_absolute_url()}#item-{item.number}") in _kinds_and_urls(
        response
    )
    assert f'href="{meeting.get_absolute_url()}#item-{item.number}"' in response.text
    assert "Agenda item" in response.text


def test_it_finds_a_document_by_the_text_of_its_body(public, meeting):
    document = meeting.items.get(title="Quality Assurance Auditing").documents.get()

    response = _search(public, "looked after")

    assert _kinds_and_urls(response) == [("document", document.get_absolute_url())]
    assert "Document" in response.text
    assert "1 result for" in response.text


def test_it_finds_minutes_by_discussion_points_and_resolutions(public, minute):
    url = f"{minute.meeting.get_absolute_url()}#minute-{minute.number}"

    by_point = _search(public, "timeliness assessments")
    by_resolution = _search(public, "respite capacity")
    by_body = _search(public, "evidence")

    assert _kinds_and_urls(by_point) == [("minutes", url)]
    assert _kinds_and_urls(by_resolution) == [("minutes", url)]
    assert _kinds_and_urls(by_body) == [("minutes", url)]
    assert f"Minute {minute.number}: Serious Case Review" in by_point.text


def test_every_word_must_match(public, meeting):
    assert _kinds_and_urls(_search(public, "placements looked")) != []
    assert _kinds_and_urls(_search(public, "placements giraffes")) == []


def test_the_body_is_matched_without_its_html_tags(public, meeting):
    """<strong> wraps "placements"; a search for the tag's name finds nothing on PostgreSQL,
    and the snippet never shows a tag on either database."""
    response = _search(public, "placements")

    [result] = response.context["results"]
    assert "<strong>" not in result.snippet
    assert "&lt;strong&gt;" not in result.snippet


@pytest.mark.parametrize("client_name", ["public", "other_member_client"])
def test_exempt_papers_never_reach_the_public_or_other_boards(request, client_name, everything):
    client = request.getfixturevalue(client_name)
    restricted = request.getfixturevalue("restricted")

    by_canary = _search(client, EXEMPT)
    by_shared_word = _search(client, "placements providers fees")
    by_title_word = _search(client, "placements")

    assert by_canary.context["results"] == []
    assert by_shared_word.context["results"] == []
    assert by_title_word.context["results"] != []
    assert EXEMPT not in by_title_word.text
    assert restricted.get_absolute_url() not in by_title_word.text


@pytest.mark.parametrize("client_name", ["public", "member_client", "other_member_client"])
def test_unpublished_meetings_and_draft_minutes_are_found_by_no_one_but_officers(
    request, client_name, everything
):
    client = request.getfixturevalue(client_name)

    assert _search(client, UNPUBLISHED).context["results"] == []
    assert _search(client, DRAFT_MINUTES).context["results"] == []
    assert UNPUBLISHED not in _search(client, "draft placements").text
    assert DRAFT_MINUTES not in _search(client, "draft wording").text


def test_a_board_member_finds_the_exempt_papers_of_their_board(member_client, restricted):
    response = _search(member_client, EXEMPT)

    assert _kinds_and_urls(response) == [("document", restricted.get_absolute_url())]
    assert f"<mark>{EXEMPT}</mark>" in str(response.context["results"][0].snippet)


@pytest.mark.parametrize("client_name", ["officer_client", "coordinator_client"])
def test_officers_find_exempt_papers_unpublished_meetings_and_draft_minutes(
    request, client_name, everything, restricted, draft_minutes
):
    client = request.getfixturevalue(client_name)

    exempt = _kinds_and_urls(_search(client, EXEMPT))
    draft = _kinds_and_urls(_search(client, UNPUBLISHED))
    minutes = _kinds_and_urls(_search(client, DRAFT_MINUTES))

    assert exempt == [("document", restricted.get_absolute_url())]
    assert sorted(kind for kind, _url in draft) == ["agenda_item", "document", "minutes"]
    assert minutes == [
        ("minutes", f"{draft_minutes.meeting.get_absolute_url()}#minute-{draft_minutes.number}")
    ]


def test_withdrawn_documents_are_not_found(officer_client, meeting):
    document = meeting.items.get(title="Quality Assurance Auditing").documents.get()
    document.withdrawn_at = timezone.now()
    document.save()

    assert _search(officer_client, "looked after").context["results"] == []


def test_snippets_are_escaped_except_for_the_marks(public, meeting):
    item = AgendaItemFactory(meeting=meeting, title="Hostile <b>title</b>")
    DocumentFactory(
        agenda_item=item,
        title="Script & <i>tags</i>",
        body_html="<p>Costs &lt;script&gt;alert(1)&lt;/script&gt; of respite provision</p>",
    )

    response = _search(public, "respite")

    [result] = response.context["results"]
    assert "<script>" not in response.text
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in result.snippet
    assert "<mark>respite</mark>" in result.snippet
    assert "Script &amp; &lt;i&gt;tags&lt;/i&gt;" in response.text


def test_the_results_name_the_board_and_the_date(public, meeting):
    response = _search(public, "looked after")

    assert "Education and Children&#x27;s Services Scrutiny Board (2)" in response.text
    assert "Thursday 15 September 2016" in response.text


def _many_results(board, count: int, start: int = 0) -> None:
    """`count` hits for "placements": documents, agenda items and minutes spread over
    published meetings, so every kind is on the page."""
    for n in range(start, start + count):
        day = datetime.date(2016, 6, 2) + datetime.timedelta(weeks=n)
        meeting = MeetingFactory(
            board=board, date=day, published=True, minutes_published_at=_published(day)
        )
        kind = n % 3
        if kind == 0:
            AgendaItemFactory(meeting=meeting, title=f"Placements review {n}")
        elif kind == 1:
            item = AgendaItemFactory(meeting=meeting, title=f"Report {n}")
            DocumentFactory(agenda_item=item, body_html=f"<p>Placements data {n}</p>")
        else:
            MinuteFactory(meeting=meeting, title=f"Placements minute {n}")


def _queries_for(client, query: str) -> tuple[int, int]:
    with CaptureQueriesContext(connection) as queries:
        response = _search(client, query)
    return len(queries), len(response.context["results"])


def test_the_number_of_queries_does_not_grow_with_the_results(public, council, board):
    _many_results(board, 5)
    few, shown_few = _queries_for(public, "placements")
    _many_results(board, 15, start=5)
    many, shown_many = _queries_for(public, "placements")

    assert (shown_few, shown_many) == (5, 20)
    assert few == many


def test_a_page_and_the_number_of_results_come_from_one_pass(public, council, board):
    _many_results(board, 25)

    with CaptureQueriesContext(connection) as queries:
        response = _search(public, "placements", page=2)

    hits = [q["sql"] for q in queries.captured_queries if "hit_kind" in q["sql"]]
    assert len(hits) == 1, "the count is read off the page's rows"
    assert "COUNT(*) OVER ()" in hits[0]
    rows = [q["sql"] for q in queries.captured_queries if "row_snippet" in q["sql"]]
    assert len(rows) == 1, "the page's rows of every kind come from one query"
    assert "25 results for" in response.text


def test_results_come_twenty_to_a_page(public, council, board):
    _many_results(board, 25)

    first = _search(public, "placements")
    second = _search(public, "placements", page=2)

    assert len(first.context["results"]) == 20
    assert len(second.context["results"]) == 5
    assert "25 results for" in first.text
    assert 'class="govuk-pagination"' in first.text
    assert "?q=placements&amp;page=2" in first.text
    urls = {r.url for r in first.context["results"]} | {r.url for r in second.context["results"]}
    assert len(urls) == 25


def test_a_page_beyond_the_last_shows_the_last(public, council, board):
    _many_results(board, 3)

    response = _search(public, "placements", page=9)

    assert len(response.context["results"]) == 3


def test_search_results_is_a_function_of_the_query_and_the_user(member, restricted):
    from django.contrib.auth.models import AnonymousUser

    assert [r.url for r in search_results(EXEMPT, member)] == [restricted.get_absolute_url()]
    assert search_results(EXEMPT, AnonymousUser()) == []


@on_postgresql
def test_postgresql_ranks_a_title_match_above_a_body_match(public, meeting):
    item = AgendaItemFactory(meeting=meeting, title="Report")
    body_only = DocumentFactory(
        agenda_item=item, title="Annual figures", body_html="<p>Respite in the year.</p>"
    )
    in_title = DocumentFactory(
        agenda_item=item, title="Respite", body_html="<p>Short breaks in the year.</p>"
    )

    urls = [url for _kind, url in _kinds_and_urls(_search(public, "respite"))]

    assert urls == [in_title.get_absolute_url(), body_only.get_absolute_url()]


@on_postgresql
def test_postgresql_understands_stems_and_web_search_syntax(public, meeting):
    document = meeting.items.get(title="Quality Assurance Auditing").documents.get()

    assert _kinds_and_urls(_search(public, "placement")) == [
        ("document", document.get_absolute_url())
    ]
    assert _kinds_and_urls(_search(public, "placements -looked")) == []
    assert _kinds_and_urls(_search(public, '"children looked after"')) == []


@on_postgresql
def test_postgresql_ignores_html_tag_names(public, meeting):
    assert _kinds_and_urls(_search(public, "strong")) == []


@on_fallback
def test_the_fallback_matches_parts_of_words(public, meeting):
    document = meeting.items.get(title="Quality Assurance Auditing").documents.get()

    assert ("document", document.get_absolute_url()) in _kinds_and_urls(_search(public, "placem"))


def test_the_fallback_snippet_quotes_around_the_first_match():
    text = "<p>" + "word " * 40 + "the placements &amp; costs " + "more " * 60 + "</p>"

    snippet = fallback_snippet(text, ["placements", "costs"])

    assert snippet.startswith("… ")
    assert snippet.endswith(" …")
    assert "<mark>placements</mark> &amp; <mark>costs</mark>" in snippet
    assert "<p>" not in snippet


def test_the_fallback_snippet_escapes_everything_it_quotes():
    snippet = fallback_snippet("<p>&lt;script&gt;alert(1)&lt;/script&gt; fees</p>", ["fees"])

    assert snippet == "&lt;script&gt;alert(1)&lt;/script&gt; <mark>fees</mark>"


def test_the_fallback_snippet_keeps_words_of_neighbouring_elements_apart():
    snippet = fallback_snippet(
        "<ul><li>costs of placements</li><li>Note the work</li></ul>", ["placements"]
    )

    assert snippet == "costs of <mark>placements</mark> Note the work"


@on_postgresql
def test_the_public_search_reuses_its_sql_with_each_query_text(public, everything, minute):
    """Anonymous searches share one compiled query (meetings.search._hits_sql): each must
    still find what its own words match, and the exempt canary stays hidden."""
    respite = _search(public, "respite")
    audits = _search(public, "audited")
    canary = _search(public, EXEMPT)

    assert [r.kind for r in respite.context["results"]] == ["minutes"]
    assert "Quality Assurance Audits" in [r.title for r in audits.context["results"]]
    assert "minutes" not in [r.kind for r in audits.context["results"]]
    assert canary.context["results"] == []
