"""Search on PostgreSQL goes through its GIN indexes (meetings/migrations/0002_search_indexes.py).

PostgreSQL uses an expression index only when the query's expression is identical to the
index's. The migration writes its expressions out, the search builds them in
meetings/search.py; these tests fail when the two drift apart, which would silently turn
every search back into computing text vectors row by row.
"""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.db import connection

from meetings.search import _hits, _kinds, _parse

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
