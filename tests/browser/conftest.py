"""Browser tests: Playwright driving Debian's chromium against a live server with the demo data.

How the server and its data work, and why:

- The demo data (`recommendations.demo.load`, the same as `manage.py load_demo --accounts`)
  takes seconds to load, so it is loaded ONCE for the whole `tests/browser/` package, not
  per test. pytest-django's own `live_server` fixture cannot do that: it makes every test
  that uses it transactional, and a transactional test flushes the database afterwards.
- So `demo_site` (package scope) unblocks the test database with `django_db_blocker`,
  loads the demo data outside any transaction (committed, so the server thread sees it on
  PostgreSQL too), and starts pytest-django's `LiveServer` helper: Django's
  LiveServerThread serving `/static/` through the staticfiles finders, sharing the
  connection when the test database is in-memory SQLite. When the package is done it
  stops the server and flushes the database, so the tests after this package start from
  the empty database they expect.
- The browser tests are therefore read-only: they log in and read pages, and change
  nothing but sessions. They are not marked `django_db`; `_database_open` keeps the
  database unblocked while each one runs so that the server thread may use it.
- Every URL and id a test needs is looked up in `demo_site` before the Playwright
  fixtures start, because Django refuses ORM calls from the thread Playwright's sync API
  runs its event loop in.
- Settings the server needs are fixed for the package before the server starts (its
  middleware reads them once): plain HTTP (no SSL redirect, no Secure cookies) and a fast
  password hasher.

Chromium is Debian's (`/usr/bin/chromium`, the `chromium` package that `make test`
installs); Playwright never downloads a browser. Without it the tests fail, never skip.
"""

import datetime
import shutil
from collections.abc import Iterator

import pytest
from django.core.management import call_command
from django.test.utils import override_settings
from django.urls import NoReverseMatch, reverse

from tests.browser.support import CHROMIUM, CHROMIUM_ARGS, DESKTOP, SERVER_SETTINGS, DemoSite


def _person_path(person) -> str:
    if hasattr(person, "get_absolute_url"):
        return person.get_absolute_url()
    return reverse("boards:person_detail", args=[person.pk])


def _demo_paths() -> tuple[dict[str, str], str, str]:
    from boards.models import Board, Person
    from meetings.models import Document, Meeting

    board = Board.objects.get(name="Education and Children's Services Scrutiny Board (2)")
    meeting = Meeting.objects.get(board=board, date=datetime.date(2024, 11, 28))
    briefing_note = Document.objects.get(
        agenda_item__meeting=meeting,
        title__iexact="Coventry Holiday Activities and Food programme",
    )
    restricted = (
        Document.objects.filter(
            agenda_item__meeting=meeting,
            agenda_item__number=10,
            is_restricted=True,
            parent__isnull=True,
        )
        .order_by("position")
        .first()
    )
    assert restricted is not None, "The demo has no restricted document on item 10"
    thomas = Person.objects.get(user__username="member")
    paths = {
        "home": lambda: reverse("home"),
        "board": board.get_absolute_url,
        "meeting": meeting.get_absolute_url,
        "document": briefing_note.get_absolute_url,
        "person": lambda: _person_path(thomas),
        "calendar": lambda: reverse("meetings:calendar") + "?month=2024-11",
        "search": lambda: reverse("search") + "?q=holiday",
        "login": lambda: reverse("login"),
    }
    for name, path in paths.items():
        try:
            paths[name] = path()
        except NoReverseMatch as error:
            # A page not built yet fails the tests that visit it, not the whole package.
            paths[name] = f"/no-such-page/{name}/?error={error}"
    return paths, restricted.get_absolute_url(), restricted.title


@pytest.fixture(scope="package")
def demo_site(django_db_setup, django_db_blocker) -> Iterator[DemoSite]:
    from pytest_django.live_server_helper import LiveServer

    from recommendations import demo

    with django_db_blocker.unblock(), override_settings(**SERVER_SETTINGS):
        try:
            demo.load(with_accounts=True)
            paths, restricted_path, restricted_title = _demo_paths()
            server = LiveServer("127.0.0.1:0")
            server._live_server_modified_settings.enable()
            try:
                yield DemoSite(server.url, paths, restricted_path, restricted_title)
            finally:
                server._live_server_modified_settings.disable()
                server.stop()
        finally:
            call_command("flush", interactive=False, verbosity=0)


@pytest.fixture(autouse=True)
def _database_open(django_db_blocker) -> Iterator[None]:
    """The live server's thread uses the database while a test runs; no transaction here."""
    with django_db_blocker.unblock():
        yield


@pytest.fixture(scope="package")
def browser(demo_site):
    """One chromium for the package. Depends on `demo_site` so it closes first."""
    if not shutil.which(CHROMIUM):
        pytest.fail(f"{CHROMIUM} is missing: apt-get install chromium (make test does this)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def new_page(browser):
    """Open a page in a fresh context (own cookies): `new_page(viewport=PHONE)`."""
    contexts = []

    def open_page(viewport: dict | None = None, **options):
        context = browser.new_context(
            viewport=viewport or DESKTOP,
            locale="en-GB",
            timezone_id="Europe/London",
            **options,
        )
        context.set_default_timeout(10_000)
        contexts.append(context)
        return context.new_page()

    yield open_page
    for context in contexts:
        context.close()


@pytest.fixture
def page(new_page):
    """A desktop page with no one logged in: a resident."""
    return new_page()
