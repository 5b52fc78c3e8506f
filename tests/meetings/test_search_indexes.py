"""Search on PostgreSQL goes through its GIN indexes (meetings/migrations/0002_search_indexes.py)
and ranks by stored title vectors (0006_search_titles.py).

PostgreSQL uses an expression index only when the query's expression is identical to the
index's. The migration writes its expressions out, the search builds them in
meetings/search.py; these tests fail when the two drift apart, which would silently turn
every search back into computing text vectors row by row. The stored title vectors must
hold what the search would otherwise compute.
"""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.contrib.postgres.search import SearchVector
from django.db import connection

from meetings.search import SEARCH_CONFIG, StoredTitleVector, _hits, _kinds, _parse
from tests.factories import AgendaItemFactory, DocumentFactory, MinuteFactory

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(
        connection.vendor != "postgresql", reason="indexes exist on PostgreSQL only"
    ),
]

SEARCH_INDEXES = [
    "meetings_item_search_idx",
    "meetings_document_search_idx",
    "meetings_minute_search_idx",
    "meetings_point_search_idx",
    "meetings_respart_search_idx",
]


def _plan(user) -> str:
    sql, params = _hits(_parse("placements"), _kinds(user))[:20].query.sql_with_params()
    with connection.cursor() as cursor:
        # Empty test tables make a sequential scan cheapest; forbid it, so that the plan
        # shows whether an index could serve the query at all.
        cursor.execute("SET LOCAL enable_seqscan = off")
        cursor.execute(f"EXPLAIN {sql}", params)
        return "\n".join(row[0] for row in cursor.fetchall())


@pytest.mark.parametrize("persona", ["anonymous", "officer"])
def test_every_kind_is_matched_through_its_index(request, persona):
    user = AnonymousUser() if persona == "anonymous" else request.getfixturevalue("officer")

    plan = _plan(user)

    for name in SEARCH_INDEXES:
        assert f"Bitmap Index Scan on {name}" in plan, plan


def test_the_indexes_exist():
    with connection.cursor() as cursor:
        cursor.execute("SELECT indexname FROM pg_indexes WHERE indexname LIKE '%%_search_idx'")
        names = {row[0] for row in cursor.fetchall()}

    assert names == set(SEARCH_INDEXES)


def test_ranks_read_the_stored_title_vectors():
    sql, _params = _hits(_parse("placements"), _kinds(AnonymousUser())).query.sql_with_params()

    for table in ["meetings_agendaitem", "meetings_document", "meetings_minute"]:
        assert f'ts_rank("{table}"."search_title"' in sql, sql


@pytest.mark.parametrize("factory", [AgendaItemFactory, DocumentFactory, MinuteFactory])
def test_a_stored_title_vector_is_the_title_vector_search_would_compute(factory):
    row = factory(title="Placements for looked after children")
    row.title = "Respite care and short breaks"
    row.save()

    # Read as the models order their rows, as a page of results would.
    [(stored, computed)] = (
        type(row)
        .objects.filter(pk=row.pk)
        .annotate(
            stored=StoredTitleVector(),
            computed=SearchVector("title", config=SEARCH_CONFIG, weight="A"),
        )
        .values_list("stored", "computed")
    )

    assert stored == computed
    assert "'respit':1A" in stored
