"""Every URL pattern of the project is classified by who may use it (security.md).

A new pattern fails here until someone decides, in CLASSIFICATION below, who it is for;
then the anonymous visitor is checked against that decision.
"""

import uuid
from dataclasses import dataclass

import pytest
from django.conf import settings
from django.urls import URLPattern, URLResolver, converters, get_resolver, reverse

pytestmark = pytest.mark.django_db

# public: anyone, signed in or not; member: any signed-in user; officer: officers, the
# co-ordinator and admins; admin: Django's admin site (officers with staff status).
CLASSIFICATION: dict[str, str] = {
    "home": "public",
    "accessibility": "public",
    "council_css": "public",
    "search": "public",
    "boards:board_list": "public",
    "boards:board_detail": "public",
    "boards:work_programme": "public",
    "boards:person_detail": "public",
    "meetings:calendar": "public",
    "meetings:meeting_detail": "public",
    "meetings:document_detail": "public",
    "meetings:document_file": "public",
    "feeds:meetings_ics": "public",
    "feeds:board_ics": "public",
    "feeds:published_atom": "public",
    "login": "public",
    "logout": "public",
    "password_reset": "public",
    "password_reset_done": "public",
    "password_reset_confirm": "public",
    "password_reset_complete": "public",
    "password_change": "member",
    "password_change_done": "member",
    "admin": "admin",
    "recommendations:tracker": "officer",
    "recommendations:tracker_csv": "officer",
    "recommendations:trackeritem_detail": "officer",
    "recommendations:trackeritem_respond": "officer",
    "recommendations:trackeritem_edit": "officer",
    "recommendations:trackeritem_create_from_part": "officer",
    "recommendations:board_recommendations": "public",
    "recommendations:outstanding_issues": "public",
    # Officers' pages for papers (meetings/views/documents.py): officers and admins only.
    "meetings:document_list": "officer",
    "meetings:document_add": "officer",
    "meetings:document_add_appendix": "officer",
    "meetings:document_edit": "officer",
    "meetings:document_replace": "officer",
    "meetings:document_withdraw": "officer",
    "meetings:document_restore": "officer",
    "meetings:document_move": "officer",
    "meetings:document_history": "officer",
    "meetings:dashboard": "officer",
    "meetings:meeting_create": "officer",
    "meetings:meeting_schedule": "officer",
    "meetings:agenda_builder": "officer",
    "meetings:meeting_edit": "officer",
    "meetings:meeting_cancel": "officer",
    "meetings:meeting_move": "officer",
    "meetings:meeting_history": "officer",
    "meetings:item_add": "officer",
    "meetings:publication_check": "officer",
    "meetings:item_edit": "officer",
    "meetings:item_move": "officer",
    "meetings:item_delete": "officer",
    "meetings:publication_subscribe": "public",
    "meetings:publication_subscribe_confirm": "public",
    "meetings:publication_unsubscribe": "public",
    "meetings:minutes_manage": "officer",
    "meetings:minutes_start": "officer",
    "meetings:minutes_closed_at": "officer",
    "meetings:minutes_publish": "officer",
    "meetings:minutes_approve": "officer",
    "meetings:attendance_edit": "officer",
    "meetings:declaration_edit": "officer",
    "meetings:minute_add": "officer",
    "meetings:minute_edit": "officer",
    "meetings:minute_delete": "officer",
    "meetings:decisions": "public",
    # Agenda packs (issue 5): the full pack answers 404 to those who may not see exempt
    # papers; the minutes PDF to everyone while the minutes are unpublished.
    "meetings:pack_public": "public",
    "meetings:pack_full": "public",
    "meetings:pack_minutes": "public",
    # Routed only when BENCHMARK_HELLO=1 (scrutiny/urls.py), never in production.
    "bench_hello": "public",
}
# Classified, but present only under some settings.
OPTIONAL = {"bench_hello"}

# A value for each path converter that names nothing in the database.
DUMMY_VALUES = {
    converters.IntConverter: "999999",
    converters.SlugConverter: "no-such-thing",
    converters.StringConverter: "no-such-thing",
    converters.PathConverter: "no/such/thing",
    converters.UUIDConverter: str(uuid.UUID(int=0)),
}


@dataclass(frozen=True)
class Route:
    name: str
    path: str
    converters: dict

    def __str__(self) -> str:
        return self.name


def _walk(patterns, prefix: str = "", namespace: str = "") -> list[Route]:
    routes = []
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            if pattern.namespace == "admin":
                # The admin checks staff status on every view itself; it is one entry.
                routes.append(Route("admin", prefix + str(pattern.pattern), {}))
                continue
            inner = f"{namespace}{pattern.namespace}:" if pattern.namespace else namespace
            routes += _walk(pattern.url_patterns, prefix + str(pattern.pattern), inner)
        elif isinstance(pattern, URLPattern):
            path = prefix + str(pattern.pattern)
            name = f"{namespace}{pattern.name}" if pattern.name else f"<unnamed: {path}>"
            routes.append(Route(name, path, getattr(pattern.pattern, "converters", {})))
    return routes


ROUTES = _walk(get_resolver().url_patterns)


def _url(route: Route) -> str:
    if route.name == "admin":
        return reverse("admin:index")
    kwargs = {name: DUMMY_VALUES[type(conv)] for name, conv in route.converters.items()}
    return reverse(route.name, kwargs=kwargs)


def test_every_url_pattern_is_classified():
    unclassified = [f"{r.name} ({r.path})" for r in ROUTES if r.name not in CLASSIFICATION]

    assert unclassified == [], "Classify these URL patterns in CLASSIFICATION"


def test_every_classification_names_a_url_pattern():
    """A stale entry would let a later pattern of that name through unexamined."""
    names = {route.name for route in ROUTES}

    assert sorted(set(CLASSIFICATION) - OPTIONAL - names) == []
    assert set(CLASSIFICATION.values()) <= {"public", "member", "officer", "admin"}


@pytest.mark.parametrize("route", ROUTES, ids=str)
def test_an_anonymous_visitor_gets_what_the_classification_says(public, route):
    kind = CLASSIFICATION.get(route.name)
    if kind is None:
        pytest.fail(f"{route.name} is not classified")
    url = _url(route)

    response = public.get(url)

    assert response.status_code < 500
    login = reverse(settings.LOGIN_URL)
    redirected_to_login = response.status_code == 302 and response.url.startswith(login)
    if kind == "public":
        assert not redirected_to_login, f"{route.name} is public but asks anonymous to sign in"
        if not route.converters:
            assert response.status_code in {200, 405}, response.status_code
    elif kind == "admin":
        assert response.status_code == 302
        assert response.url.startswith(reverse("admin:login"))
    else:
        assert redirected_to_login or response.status_code == 404, (
            f"{route.name} is for {kind}s but answered {response.status_code} to anonymous"
        )
