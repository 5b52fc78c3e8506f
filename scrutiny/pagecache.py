"""The public page cache: pages served to anonymous visitors, stored for the next one.

When a controversial meeting is published, the public arrives all at once and every one of
them reads the same few pages. Those pages are the same for every anonymous visitor, so
the first request renders a page and the next ones get the stored copy (issue 3's target:
the meeting page within 3× the cost of a "hello" response).

A stored page is never stale and never seen by the wrong person:

- Only anonymous visitors are served or stored: a request that carries a session (anyone
  signed in) or a messages cookie goes to the view, so nothing a member or officer sees is
  ever stored, and nothing stored is shown to them.
- Keys hold the site revision (`boards.models.SiteRevision`), which goes up after every
  committed change to a model of boards, meetings or recommendations (the receivers in
  `boards/apps.py`), and today's date (upcoming and past meetings move at midnight). A
  change made with `QuerySet.update()` or `bulk_create()` sends no signal: code that
  writes that way calls `site_revision_bump_on_commit()` itself. Pages expire after
  PAGE_CACHE_SECONDS anyway.
- Only complete 200 responses without cookies are stored: a page that put a CSRF token in
  a form (and so sets a cookie) or said `Cache-Control: private`/`no-store` is not.

The revision lives in the database, so the cache itself can be each process's own memory
(the default) or a shared one: several web workers never disagree about what is current.
"""

import hashlib
from collections.abc import Callable

from django.apps import apps as django_apps
from django.conf import settings
from django.core.cache import caches
from django.db import DEFAULT_DB_ALIAS, connections, transaction
from django.http import HttpRequest, HttpResponse
from django.utils import timezone

from boards.models import Council, SiteRevision

# Models whose rows the public pages show; other apps (sessions, axes, tasks) do not count.
WATCHED_APPS = frozenset({"boards", "meetings", "recommendations"})
UNCACHEABLE_DIRECTIVES = ("private", "no-store", "no-cache")


def _bump() -> None:
    SiteRevision.bump()


def site_revision_bump_on_commit(using: str = DEFAULT_DB_ALIAS) -> None:
    """Bump the site revision once the current transaction commits (at once outside
    one); once per transaction however often it is called. Code that writes with
    `QuerySet.update()` or `bulk_create()` calls this, since no signal is sent."""
    connection = connections[using]
    if connection.in_atomic_block and any(entry[1] is _bump for entry in connection.run_on_commit):
        return
    transaction.on_commit(_bump, using=using)


def site_changed(sender, **kwargs) -> None:
    """Receiver of post_save, post_delete and m2m_changed: bump the revision on commit.

    History rows (django-simple-history) accompany a change already counted.
    """
    meta = sender._meta
    if meta.apps is not django_apps:  # a migration's frozen model: no pages to serve yet
        return
    if meta.app_label not in WATCHED_APPS or meta.model_name.startswith("historical"):
        return
    if sender is SiteRevision:
        return
    site_revision_bump_on_commit(kwargs.get("using") or DEFAULT_DB_ALIAS)


def site_revision(request: HttpRequest) -> int:
    """The site revision, read once per request."""
    if not hasattr(request, "_site_revision"):
        request._site_revision = SiteRevision.current()
    return request._site_revision


def council_settings(request: HttpRequest) -> Council:
    """The council's settings row, kept in the cache for the current site revision: every
    page shows the council's name, and the row changes seldom (a change to it is a change
    to the site, so the revision goes up)."""
    cache = caches[settings.PAGE_CACHE_ALIAS]
    key = f"council:{site_revision(request)}"
    council = cache.get(key) if settings.PAGE_CACHE_SECONDS else None
    if council is None:
        council = Council.load()
        if settings.PAGE_CACHE_SECONDS:
            cache.set(key, council, settings.PAGE_CACHE_SECONDS)
    return council


class AnonymousPageCacheMiddleware:
    """Serve anonymous GET requests from the page cache (see this module's docstring).

    Sits after AuthenticationMiddleware and before LoginRequiredMiddleware: a page that
    needs a login answers anonymous visitors with a redirect, which is never stored.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        seconds = settings.PAGE_CACHE_SECONDS
        if not seconds or not self._is_cacheable_request(request):
            return self.get_response(request)
        cache = caches[settings.PAGE_CACHE_ALIAS]
        key = self._key(request)
        response = cache.get(key)
        if response is not None:
            return response
        response = self.get_response(request)
        if self._is_cacheable_response(request, response):
            cache.set(key, response, seconds)
        return response

    @staticmethod
    def _is_cacheable_request(request: HttpRequest) -> bool:
        if request.method not in ("GET", "HEAD"):
            return False
        cookies = request.COOKIES
        return settings.SESSION_COOKIE_NAME not in cookies and "messages" not in cookies

    @staticmethod
    def _key(request: HttpRequest) -> str:
        where = f"{request.get_host()}{request.get_full_path()}"
        digest = hashlib.sha256(where.encode()).hexdigest()
        return f"page:{site_revision(request)}:{timezone.localdate():%Y%m%d}:{digest}"

    @staticmethod
    def _is_cacheable_response(request: HttpRequest, response: HttpResponse) -> bool:
        if response.status_code != 200 or response.streaming or response.cookies:
            return False
        if request.META.get("CSRF_COOKIE_NEEDS_UPDATE"):
            return False
        control = response.get("Cache-Control", "").lower()
        return not any(directive in control for directive in UNCACHEABLE_DIRECTIVES)
