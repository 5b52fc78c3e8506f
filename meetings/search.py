"""Search across meetings, agenda items, documents and minutes, limited to what the user may
see (security.md: "search only what visible_to returns").

On PostgreSQL each kind is matched with full-text search (English stemming, websearch
syntax: quotes, `or`, `-word`), ranked, and given a ts_headline snippet. Elsewhere (SQLite,
the embedded default) every word must appear somewhere in the text, newest meeting first,
with a snippet around the first match cut in Python.

On PostgreSQL every match is found through a GIN index, never by computing text vectors
row by row (meetings/migrations/0002_search_indexes.py):

- agenda items, documents and minutes are matched on `search_vector(titles, bodies)`, the
  very expression their indexes are built on (tests/meetings/test_search_indexes.py checks
  with EXPLAIN that each query uses its index);
- a minute is also found by one of its discussion points or resolution parts, each matched
  on its own (every word within that one point or part), through their own indexes;
- a meeting has no text of its own: it is found by its board's name or its venue (every
  word within the one or the other); both tables are small.

Ranking counts title matches only (weight A): a match in the title ranks above a match in
the body, and equal ranks go newest first. Titles' vectors are stored by PostgreSQL in
generated columns (`StoredTitleVector`, meetings/migrations/0006_search_titles.py);
computing them for every match was a third of a search's time. Ranking on the bodies too
would mean reading or computing the vector of every matching body for every search,
where the index only says which rows match. Snippets (ts_headline) are cut for the page's 20
rows only.

Every kind comes from its `visible_to(user)` only (documents also `.current()`), so a
restricted paper's text is never matched nor quoted for anyone who may not read it, and
unpublished meetings and draft minutes reach officers and the co-ordinator alone.

The four kinds are merged into one UNION ALL of (kind, id, date, rank) rows, which the
database orders, pages and counts in one pass (HitList); the page's rows, with their
snippets, then come from a second UNION ALL (PageRow). A page costs the same few queries
however many results it shows. For anonymous visitors both are compiled once per process
and only their parameters change; both run with a planner setting for tables held in
memory (see _planned_for_memory).
"""

import datetime
import html
import re
from contextlib import contextmanager
from dataclasses import dataclass
from typing import NamedTuple

from django.contrib.auth.decorators import login_not_required
from django.contrib.auth.models import AnonymousUser
from django.contrib.postgres.search import (
    CombinedSearchVector,
    SearchHeadline,
    SearchQuery,
    SearchRank,
    SearchVector,
    SearchVectorField,
)
from django.core.paginator import Page, Paginator
from django.db import connection, transaction
from django.db.models import (
    CharField,
    F,
    FloatField,
    Func,
    IntegerField,
    OuterRef,
    Q,
    QuerySet,
    StringAgg,
    Subquery,
    TextField,
    Value,
)
from django.db.models.expressions import Col, Expression, RawSQL
from django.db.models.functions import Coalesce, Concat
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.views.decorators.http import require_GET

from boards.models import Board, Venue
from meetings.models import (
    AgendaItem,
    DiscussionPoint,
    Document,
    Meeting,
    Minute,
    ResolutionPart,
)

RESULTS_PER_PAGE = 20
MAX_QUERY_LENGTH = 200
# The SQLite fallback ANDs one LIKE per word; a handful of words is plenty.
MAX_FALLBACK_WORDS = 8
SNIPPET_BEFORE = 60
SNIPPET_AFTER = 160
SEARCH_CONFIG = "english"

MEETING = "meeting"
AGENDA_ITEM = "agenda_item"
DOCUMENT = "document"
MINUTES = "minutes"
KIND_LABELS = {
    MEETING: "Meeting",
    AGENDA_ITEM: "Agenda item",
    DOCUMENT: "Document",
    MINUTES: "Minutes",
}

_MARK = re.compile(r"(<mark>|</mark>)")
_TAG = re.compile(r"<[^>]*>")


@dataclass(frozen=True)
class Result:
    """One search hit, ready for the results page."""

    kind: str
    title: str
    url: str
    board: str
    date: datetime.date
    snippet: SafeString

    @property
    def kind_label(self) -> str:
        return KIND_LABELS[self.kind]


class StripTags(Func):
    """The text of sanitised HTML, tags replaced by spaces (PostgreSQL's regexp_replace)."""

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


def _is_postgresql() -> bool:
    return connection.vendor == "postgresql"


def _html_text(field: str):
    """An HTML field as text to match: tags stripped on PostgreSQL; as stored elsewhere."""
    return StripTags(F(field)) if _is_postgresql() else Coalesce(F(field), Value(""))


def _joined(*parts) -> Concat:
    spaced = []
    for part in parts:
        spaced += [Coalesce(part, Value(""), output_field=TextField()), Value(" ")]
    spaced.pop()
    return spaced[0] if len(spaced) == 1 else Concat(*spaced, output_field=TextField())


def _minute_points() -> Subquery:
    """A minute's discussion points as one text, for matching and snippets."""
    return Subquery(
        DiscussionPoint.objects.filter(minute=OuterRef("pk"))
        .order_by()
        .values("minute")
        .annotate(text=StringAgg("text", Value(" ")))
        .values("text")
    )


def _minute_resolution_parts() -> Subquery:
    return Subquery(
        ResolutionPart.objects.filter(resolution__minute=OuterRef("pk"))
        .order_by()
        .values("resolution")
        .annotate(text=StringAgg("text", Value(" ")))
        .values("text")
    )


class Kind(NamedTuple):
    """What one kind of result is searched in: its visible rows, the path to its meeting's
    date, the title-like texts (ranked higher), the body texts snippets are quoted from,
    and texts of related rows (a minute's points and resolution) matched and quoted too."""

    rows: QuerySet
    date_path: str
    titles: list
    bodies: list
    related: tuple = ()


def _kinds(user) -> dict[str, Kind]:
    return {
        MEETING: Kind(
            Meeting.objects.visible_to(user),
            "date",
            [F("board__name")],
            [F("venue__room"), F("venue__building")],
        ),
        AGENDA_ITEM: Kind(
            AgendaItem.objects.visible_to(user),
            "meeting__date",
            [F("title")],
            [F("description")],
        ),
        DOCUMENT: Kind(
            Document.objects.visible_to(user).current(),
            "agenda_item__meeting__date",
            [F("title")],
            [_html_text("body_html")],
        ),
        MINUTES: Kind(
            # A private item's minute is found only by those who may read it in full.
            Minute.objects.readable_by(user),
            "meeting__date",
            [F("title")],
            [_html_text("body_html")],
            (_minute_points(), _minute_resolution_parts()),
        ),
    }


def search_vector(titles: list, bodies: list) -> CombinedSearchVector:
    """The text of a row to match on PostgreSQL: titles weigh A, bodies B.

    Agenda items', documents' and minutes' GIN indexes are built on this expression
    (meetings/migrations/0002_search_indexes.py); PostgreSQL uses an expression index only
    for the identical expression, so change both together.
    """
    return SearchVector(*titles, config=SEARCH_CONFIG, weight="A") + SearchVector(
        *bodies, config=SEARCH_CONFIG, weight="B"
    )


def text_vector() -> SearchVector:
    """The text of a discussion point or resolution part, as their GIN indexes have it."""
    return SearchVector("text", config=SEARCH_CONFIG)


class StoredTitleVector(Expression):
    """A row's title vector as PostgreSQL keeps it: the `search_title` column of agenda
    items, documents and minutes (meetings/migrations/0006_search_titles.py), which holds
    what `SearchVector(title, weight="A")` would compute, read instead of computed."""

    output_field = SearchVectorField()
    _columns: dict[type, SearchVectorField] = {}

    @classmethod
    def column(cls, model) -> SearchVectorField:
        """The column as a field of `model` that Django's state does not hold."""
        if model not in cls._columns:
            field = SearchVectorField()
            field.set_attributes_from_name("search_title")
            field.model = model
            cls._columns[model] = field
        return cls._columns[model]

    def resolve_expression(self, query=None, *args, **kwargs) -> Col:
        if query is None or query.model is None:
            raise ValueError("StoredTitleVector reads a column of the query's model.")
        return Col(query.get_initial_alias(), self.column(query.model))


def _matching(model, vector, query) -> QuerySet:
    """The ids of `model`'s rows whose `vector` matches: a subquery its index answers."""
    return model.objects.annotate(search_vector=vector).filter(search_vector=query).values("pk")


def _matches_postgresql(kind: str, spec: Kind, query):
    if kind == MEETING:
        # Boards and venues are a few dozen rows; vectors of their few texts cost nothing.
        boards = _matching(Board, SearchVector("name", config=SEARCH_CONFIG), query)
        venues = _matching(Venue, SearchVector("room", "building", config=SEARCH_CONFIG), query)
        matches = spec.rows.filter(Q(board__in=boards) | Q(venue__in=venues))
    elif kind == MINUTES:
        points = DiscussionPoint.objects.annotate(search_vector=text_vector())
        parts = ResolutionPart.objects.annotate(search_vector=text_vector())
        # One IN (… UNION …) rather than three ORed INs, which PostgreSQL can only check
        # row by row over every minute.
        ids = _matching(Minute, search_vector(spec.titles, spec.bodies), query).union(
            points.filter(search_vector=query).values("minute"),
            parts.filter(search_vector=query).values("resolution__minute"),
        )
        matches = spec.rows.filter(pk__in=ids)
    else:
        vector = search_vector(spec.titles, spec.bodies)
        matches = spec.rows.annotate(search_vector=vector).filter(search_vector=query)
    if kind == MEETING:
        title_vector = SearchVector(*spec.titles, config=SEARCH_CONFIG, weight="A")
    else:
        title_vector = StoredTitleVector()
    return matches, SearchRank(title_vector, query)


def _matches_fallback(spec: Kind, words):
    queryset = spec.rows.annotate(search_text=_joined(*spec.titles, *spec.bodies, *spec.related))
    for word in words:
        queryset = queryset.filter(search_text__icontains=word)
    return queryset, Value(0.0, output_field=FloatField())


def _parse(query: str):
    """The database's form of the query: a SearchQuery, or the words to AND."""
    if _is_postgresql():
        return SearchQuery(query, search_type="websearch", config=SEARCH_CONFIG)
    words = [word.strip("\"'") for word in query.split()]
    return [word for word in words if word][:MAX_FALLBACK_WORDS]


def _hits(query, kinds: dict[str, Kind]) -> QuerySet:
    """One (kind, ident, day, rank) row per match, best first."""
    parts = []
    for kind, spec in kinds.items():
        if _is_postgresql():
            matches, rank = _matches_postgresql(kind, spec, query)
        else:
            matches, rank = _matches_fallback(spec, query)
        parts.append(
            matches.order_by()
            .annotate(
                hit_kind=Value(kind, output_field=CharField()),
                hit_id=F("pk"),
                hit_day=F(spec.date_path),
                hit_rank=rank,
            )
            .values_list("hit_kind", "hit_id", "hit_day", "hit_rank")
        )
    first, *rest = parts
    return first.union(*rest, all=True).order_by()


# The union's SQL for anonymous visitors on PostgreSQL, compiled once per process with a
# stand-in for the query text: building and compiling it costs more than running it, and
# for the public it differs only in that text (see _hits_sql).
_PUBLIC_HITS: dict[str, tuple[str, list, list[int]]] = {}
_STAND_IN = "\x00scrutiny-search-query\x00"


def _hits_sql(query: str, user, parsed) -> tuple[str, list]:
    """The SQL and parameters of `_hits` for this query and user.

    For anonymous visitors on PostgreSQL, the SQL compiled for the stand-in text is reused
    with the real text put in its parameters: what the public may see is the same for
    every anonymous visitor, and the text reaches the SQL only as a parameter.
    """
    if user.is_authenticated or not _is_postgresql():
        return _hits(parsed, _kinds(user)).query.sql_with_params()
    compiled = _PUBLIC_HITS.get(connection.alias)
    if compiled is None:
        stand_in = _kinds(AnonymousUser())
        sql, params = _hits(_parse(_STAND_IN), stand_in).query.sql_with_params()
        slots = [index for index, value in enumerate(params) if value == _STAND_IN]
        compiled = _PUBLIC_HITS[connection.alias] = (sql, list(params), slots)
    sql, params, slots = compiled
    params = list(params)
    for index in slots:
        params[index] = query
    return sql, params


class HitList:
    """The union of every kind's hits, for the Paginator: a page's rows and the number of
    all hits come from one query (``COUNT(*) OVER ()``), not a count and then a page.

    The Paginator asks for the count first, then for its page's slice; the count is read
    off the page it was asked for (`number`), so a search costs one pass over the matches.
    Only a page past the end (no rows to read the count off) costs a separate count.
    """

    ORDER = "hit_rank DESC, hit_day DESC, hit_kind, hit_id DESC"

    def __init__(self, sql: str, params: list, number: int, per_page: int) -> None:
        self.sql, self.params = sql, params
        self.window = (max(number - 1, 0) * per_page, per_page)
        self.rows: list[tuple] = []
        self.total: int | None = None

    def _fetch(self, offset: int, limit: int) -> list[tuple]:
        sql = (
            f"SELECT hit_kind, hit_id, hit_day, hit_rank, COUNT(*) OVER () FROM ({self.sql}) "
            f"AS hits ORDER BY {self.ORDER} LIMIT %s OFFSET %s"
        )
        with connection.cursor() as cursor:
            cursor.execute(sql, [*self.params, limit, offset])
            rows = cursor.fetchall()
        if rows:
            self.total = rows[0][4]
        return [row[:4] for row in rows]

    def count(self) -> int:
        if self.total is None:
            self.rows = self._fetch(*self.window)
        if self.total is None:  # the page asked for is past the end, or nothing matched
            with connection.cursor() as cursor:
                cursor.execute(f"SELECT COUNT(*) FROM ({self.sql}) AS hits", self.params)
                self.total = cursor.fetchone()[0]
        return self.total

    def __len__(self) -> int:
        return self.count()

    def __getitem__(self, window: slice) -> list[tuple]:
        offset, limit = window.start or 0, window.stop - (window.start or 0)
        if limit <= 0:
            return []
        if offset == self.window[0] and self.rows:
            return self.rows[:limit]
        return self._fetch(offset, limit)


def _headline(text_expression, query) -> SearchHeadline:
    return SearchHeadline(
        text_expression,
        query,
        config=SEARCH_CONFIG,
        start_sel="<mark>",
        stop_sel="</mark>",
        max_words=35,
        min_words=15,
        max_fragments=2,
        fragment_delimiter=" … ",
        highlight_all=False,
    )


def _marked(headline: str) -> SafeString:
    """A ts_headline result escaped, except for the <mark> pairs it added.

    The text it quotes is HTML with its tags stripped, so entities are decoded first and
    everything is escaped again; only balanced marks of our own survive.
    """
    out, open_mark = [], False
    for token in _MARK.split(headline):
        if token == "<mark>" and not open_mark:
            out.append("<mark>")
            open_mark = True
        elif token == "</mark>" and open_mark:
            out.append("</mark>")
            open_mark = False
        elif token not in ("<mark>", "</mark>"):
            out.append(escape(html.unescape(token)))
    if open_mark:
        out.append("</mark>")
    return mark_safe(" ".join("".join(out).split()))


def fallback_snippet(text: str, words: list[str]) -> SafeString:
    """A short, escaped quote from `text` around the first word found, words in <mark>."""
    # Tags become spaces, as on PostgreSQL, so that "<li>a</li><li>b</li>" reads "a b".
    plain = " ".join(html.unescape(_TAG.sub(" ", text)).split())
    if not words:
        return escape(plain[: SNIPPET_BEFORE + SNIPPET_AFTER])
    pattern = re.compile("|".join(re.escape(word) for word in words), re.IGNORECASE)
    first = pattern.search(plain)
    start = 0 if first is None else max(0, first.start() - SNIPPET_BEFORE)
    end = min(len(plain), (first.end() if first else 0) + SNIPPET_AFTER)
    # Cut at spaces, not in the middle of words.
    if start > 0:
        start = plain.find(" ", start, first.start() if first else None) + 1 or start
    if end < len(plain):
        space = plain.rfind(" ", first.end() if first else start, end)
        end = space if space > 0 else end
    window = plain[start:end]
    out, position = [], 0
    for match in pattern.finditer(window):
        out += [escape(window[position : match.start()]), "<mark>"]
        out += [escape(match.group()), "</mark>"]
        position = match.end()
    out.append(escape(window[position:]))
    prefix = "… " if start > 0 else ""
    suffix = " …" if end < len(plain) else ""
    return mark_safe(prefix + "".join(out) + suffix)


class PageRow(NamedTuple):
    """What a result shows, as one row of the page-rows query (the same for every kind)."""

    kind: str
    ident: int
    title: str
    number: int | None  # an agenda item's or a minute's number
    meeting: int
    date: datetime.date
    board: str
    snippet_source: str  # ts_headline's result on PostgreSQL; the text to quote elsewhere


def _page_rows_query(kinds: dict[str, Kind], ids: dict[str, object], query) -> QuerySet:
    """The page's rows of every kind in one UNION ALL: `ids[kind]` is a list of ids, or
    on PostgreSQL anything that adapts to an array of them."""
    parts = []
    for kind, spec in kinds.items():
        # Quoted from the body: the title is the result's link already.
        text = _joined(*spec.bodies, *spec.related)
        snippet = _headline(text, query) if _is_postgresql() else text
        meeting = spec.date_path.removesuffix("date")  # the path to the row's meeting
        if _is_postgresql():
            chosen = spec.rows.filter(pk__in=RawSQL("SELECT unnest(%s::bigint[])", [ids[kind]]))
        else:
            chosen = spec.rows.filter(pk__in=ids[kind])
        parts.append(
            chosen.order_by()
            .annotate(
                row_kind=Value(kind, output_field=CharField()),
                row_id=F("pk"),
                row_title=F("board__name") if kind == MEETING else F("title"),
                row_number=F("number")
                if kind in (AGENDA_ITEM, MINUTES)
                else Value(None, output_field=IntegerField()),
                row_meeting=F(f"{meeting}pk"),
                row_date=F(f"{meeting}date"),
                row_board=F(f"{meeting}board__name"),
                row_snippet=snippet,
            )
            .values_list(*(f"row_{name}" for name in PAGE_ROW_COLUMNS))
        )
    first, *rest = parts
    return first.union(*rest, all=True).order_by()


PAGE_ROW_COLUMNS = ("kind", "id", "title", "number", "meeting", "date", "board", "snippet")
# The page-rows query for anonymous visitors on PostgreSQL, compiled once per process with
# stand-ins for the query text and the ids, as the hits' union is (see _hits_sql).
_PUBLIC_PAGE_ROWS: dict[str, tuple[str, list, list[int], dict[int, str]]] = {}


def _page_rows_sql(wanted: dict[str, list[int]], query: str, user, parsed) -> tuple:
    if user.is_authenticated or not _is_postgresql():
        kinds = _kinds(user)
        ids = {kind: wanted.get(kind, []) for kind in kinds}
        return _page_rows_query(kinds, ids, parsed).query.sql_with_params()
    compiled = _PUBLIC_PAGE_ROWS.get(connection.alias)
    if compiled is None:
        stand_ins = {kind: [-index - 1] for index, kind in enumerate(KIND_LABELS)}
        sql, params = _page_rows_query(
            _kinds(AnonymousUser()), stand_ins, _parse(_STAND_IN)
        ).query.sql_with_params()
        texts = [index for index, value in enumerate(params) if value == _STAND_IN]
        id_slots = {
            index: kind
            for index, value in enumerate(params)
            for kind, stand_in in stand_ins.items()
            if value is stand_in
        }
        compiled = _PUBLIC_PAGE_ROWS[connection.alias] = (sql, list(params), texts, id_slots)
    sql, params, texts, id_slots = compiled
    params = list(params)
    for index in texts:
        params[index] = query
    for index, kind in id_slots.items():
        params[index] = wanted.get(kind, [])
    return sql, params


def _page_rows(wanted: dict[str, list[int]], query: str, user, parsed) -> dict:
    """The page's rows, by (kind, id), from one query."""
    sql, params = _page_rows_sql(wanted, query, user, parsed)
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        rows = [PageRow(*row) for row in cursor.fetchall()]
    return {(row.kind, row.ident): row for row in rows}


def _result(row: PageRow, query) -> Result:
    if _is_postgresql():
        snippet = _marked(row.snippet_source)
    else:
        snippet = fallback_snippet(row.snippet_source, query)
    meeting_url = reverse("meetings:meeting_detail", args=[row.meeting])
    if row.kind == MEETING:
        title, url = f"{row.board} meeting", meeting_url
    elif row.kind == AGENDA_ITEM:
        title, url = f"{row.number}. {row.title}", f"{meeting_url}#item-{row.number}"
    elif row.kind == DOCUMENT:
        title, url = row.title, reverse("meetings:document_detail", args=[row.ident])
    else:
        title, url = f"Minute {row.number}: {row.title}", f"{meeting_url}#minute-{row.number}"
    return Result(
        kind=row.kind, title=title, url=url, board=row.board, date=row.date, snippet=snippet
    )


@contextmanager
def _planned_for_memory():
    """On PostgreSQL, plan the search's queries for tables held in memory.

    Each kind's matches come from its GIN index, a few hundred rows; their meetings and
    agenda items are then best fetched by primary key. With the default
    random_page_cost (4, for spinning disks) the planner reads all 30,000 agenda items
    instead. SET LOCAL keeps the setting to this transaction.
    """
    if not _is_postgresql():
        yield
        return
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("SET LOCAL random_page_cost = 1.1")
        yield


def search_page(query: str, user, page_number: str | int | None = 1) -> tuple[Page, list[Result]]:
    """One page of what `user` may see that matches `query`, and its results, best first."""
    query = query.strip()[:MAX_QUERY_LENGTH]
    parsed = _parse(query)
    try:
        number = max(int(page_number or 1), 1)
    except (TypeError, ValueError):
        number = 1
    with _planned_for_memory():
        hits = HitList(*_hits_sql(query, user, parsed), number, RESULTS_PER_PAGE)
        page = Paginator(hits, RESULTS_PER_PAGE).get_page(page_number)
        wanted: dict[str, list[int]] = {}
        for kind, ident, _day, _score in page.object_list:
            wanted.setdefault(kind, []).append(ident)
        rows = _page_rows(wanted, query, user, parsed) if wanted else {}
    results = [
        _result(rows[kind, ident], parsed)
        for kind, ident, _day, _score in page.object_list
        if (kind, ident) in rows
    ]
    return page, results


def search_results(query: str, user) -> list[Result]:
    """The first page of results: what `user` may see that matches `query`."""
    return search_page(query, user)[1]


@login_not_required
@require_GET
def search(request: HttpRequest) -> HttpResponse:
    query = request.GET.get("q", "").strip()[:MAX_QUERY_LENGTH]
    context: dict = {"query": query}
    if query:
        page, results = search_page(query, request.user, request.GET.get("page"))
        context.update(
            page=page,
            results=results,
            page_range=page.paginator.get_elided_page_range(page.number, on_each_side=1, on_ends=1),
        )
    return render(request, "meetings/search.html", context)
