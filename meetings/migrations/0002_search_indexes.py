"""GIN indexes for full-text search, on PostgreSQL only (meetings/search.py).

Each index is built on the very expression the search matches with (`search_vector()` and
`text_vector()` in meetings/search.py): PostgreSQL uses an expression index only for an
identical expression. They are written out here rather than imported, so that this
migration stays as it was when applied; tests/meetings/test_search_indexes.py checks with
EXPLAIN that every search query still uses its index.

The indexes live outside the models' state: the models stay portable, and SQLite (the
embedded default, which has no full-text search) gets nothing.
"""

from django.contrib.postgres.indexes import GinIndex
from django.contrib.postgres.search import SearchVector
from django.db import migrations
from django.db.models import F, Func, TextField, Value
from django.db.models.functions import Coalesce

CONFIG = "english"


class StripTags(Func):
    """meetings.search.StripTags as of this migration: HTML tags replaced by spaces."""

    function = "regexp_replace"
    output_field = TextField()

    def __init__(self, expression) -> None:
        super().__init__(
            Coalesce(expression, Value("")),
            Value("<[^>]*>"),
            Value(" "),
            Value("g"),
            output_field=TextField(),
        )


def weighted(title: str, body) -> SearchVector:
    """meetings.search.search_vector([F(title)], [body]): the title weighs A, the body B."""
    return SearchVector(F(title), config=CONFIG, weight="A") + SearchVector(
        body, config=CONFIG, weight="B"
    )


class AddIndexOnPostgreSQL(migrations.operations.base.Operation):
    """Add an index when the database is PostgreSQL; elsewhere do nothing."""

    reversible = True

    def __init__(self, model_name: str, index: GinIndex) -> None:
        self.model_name = model_name
        self.index = index

    def state_forwards(self, app_label, state) -> None:
        pass

    def database_forwards(self, app_label, schema_editor, from_state, to_state) -> None:
        if schema_editor.connection.vendor == "postgresql":
            model = to_state.apps.get_model(app_label, self.model_name)
            schema_editor.add_index(model, self.index)

    def database_backwards(self, app_label, schema_editor, from_state, to_state) -> None:
        if schema_editor.connection.vendor == "postgresql":
            model = from_state.apps.get_model(app_label, self.model_name)
            schema_editor.remove_index(model, self.index)

    def describe(self) -> str:
        return f"Create index {self.index.name} on {self.model_name} (PostgreSQL only)"


class Migration(migrations.Migration):
    dependencies = [
        ("meetings", "0001_initial"),
    ]

    operations = [
        # Search: agenda items by title and description.
        AddIndexOnPostgreSQL(
            "agendaitem",
            GinIndex(weighted("title", F("description")), name="meetings_item_search_idx"),
        ),
        # Search: documents by title and body (tags stripped).
        AddIndexOnPostgreSQL(
            "document",
            GinIndex(
                weighted("title", StripTags(F("body_html"))), name="meetings_document_search_idx"
            ),
        ),
        # Search: minutes by title and narrative (tags stripped).
        AddIndexOnPostgreSQL(
            "minute",
            GinIndex(
                weighted("title", StripTags(F("body_html"))), name="meetings_minute_search_idx"
            ),
        ),
        # Search: minutes by one of their discussion points.
        AddIndexOnPostgreSQL(
            "discussionpoint",
            GinIndex(SearchVector("text", config=CONFIG), name="meetings_point_search_idx"),
        ),
        # Search: minutes by one part of their resolution.
        AddIndexOnPostgreSQL(
            "resolutionpart",
            GinIndex(SearchVector("text", config=CONFIG), name="meetings_respart_search_idx"),
        ),
    ]
