"""Stored title vectors for ranking search results, on PostgreSQL only (meetings/search.py).

A search ranks every match by its title (weight A), and computing the vectors of some
1,500 titles for a common word was a third of what a search cost. PostgreSQL now keeps
each agenda item's, document's and minute's title vector in a generated column,
`search_title`: written with the row, by the database, so it can never go stale.

Like the GIN indexes of 0002, the columns live outside the models' state: Django never
reads or writes them (the search refers to them by name, `StoredTitleVector`), the models
stay portable and SQLite gets nothing. The expression is the title half of
`search_vector()`; tests/meetings/test_search_indexes.py checks that the ranks agree.

PostgreSQL will not change the type of a column a generated column is computed from: a
later migration that alters one of these `title` fields (its max_length, say) must drop
`search_title` first and add it again after, as this migration does. Adding a stored
generated column rewrites the table, under a lock, once.
"""

from django.db import migrations

TABLES = ["meetings_agendaitem", "meetings_document", "meetings_minute"]


class RunSQLOnPostgreSQL(migrations.RunSQL):
    """Run SQL when the database is PostgreSQL; elsewhere do nothing."""

    def database_forwards(self, app_label, schema_editor, from_state, to_state) -> None:
        if schema_editor.connection.vendor == "postgresql":
            super().database_forwards(app_label, schema_editor, from_state, to_state)

    def database_backwards(self, app_label, schema_editor, from_state, to_state) -> None:
        if schema_editor.connection.vendor == "postgresql":
            super().database_backwards(app_label, schema_editor, from_state, to_state)


def add_search_title(table: str) -> RunSQLOnPostgreSQL:
    return RunSQLOnPostgreSQL(
        f"ALTER TABLE {table} ADD COLUMN search_title tsvector GENERATED ALWAYS AS "
        "(setweight(to_tsvector('english'::regconfig, COALESCE(title, '')), 'A')) STORED",
        reverse_sql=f"ALTER TABLE {table} DROP COLUMN search_title",
    )


class Migration(migrations.Migration):
    dependencies = [
        ("meetings", "0005_agenda_packs"),
    ]

    operations = [add_search_title(table) for table in TABLES]
