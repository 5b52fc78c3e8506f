"""Personas and shared fixtures.

Two boards: `board` (A) and `other_board` (B). `member` sits on board A, `other_member`
on board B only, so a restricted paper of board A tells the two apart. Each persona has a
logged-in client next to it (`member_client` …); `public` is an anonymous client.
"""

import datetime

import pytest
from django.conf import settings as django_settings
from django.core.cache import caches
from django.test import Client

from boards.models import Board, Council, Membership, User
from tests.factories import BoardFactory, MembershipFactory, PersonFactory, UserFactory


@pytest.fixture(autouse=True)
def _test_settings(settings) -> None:
    """Plain HTTP for the test client (outside DEBUG the site redirects it to HTTPS), and
    a fast password hasher: the real one takes half a second per user on purpose.

    The public page cache is off: tests change rows with `QuerySet.update()`, which the
    cache does not hear of; tests/test_page_cache.py turns it on and tests it."""
    settings.SECURE_SSL_REDIRECT = False
    settings.PAGE_CACHE_SECONDS = 0
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(autouse=True)
def _empty_page_cache() -> None:
    """Every test starts with an empty public page cache: a rolled-back test leaves the
    site revision where it found it, so pages it stored could match the next test's keys."""
    caches[django_settings.PAGE_CACHE_ALIAS].clear()


def _client_for(user: User) -> Client:
    client = Client()
    client.force_login(user)
    return client


@pytest.fixture
def council(db) -> Council:
    """The council's settings row with its defaults: Coventry's 2016 house style."""
    return Council.load()


@pytest.fixture
def board(db) -> Board:
    """Board A: the board of the seeds, on which `member` sits."""
    return BoardFactory(
        name="Education and Children's Services Scrutiny Board (2)",
        slug="education-and-childrens-services",
        short_name="Scrutiny Board 2",
        number=2,
        keeps_tracker=True,
    )


@pytest.fixture
def other_board(db) -> Board:
    """Board B: a different scrutiny board, on which `other_member` sits."""
    return BoardFactory(
        name="Health and Social Care Scrutiny Board (5)",
        slug="health-and-social-care",
        number=5,
    )


@pytest.fixture
def officer(db) -> User:
    """A governance officer: edits meetings, sees unpublished meetings and exempt papers."""
    return UserFactory(username="officer", role=User.Role.OFFICER, is_staff=True)


@pytest.fixture
def coordinator(db) -> User:
    """The scrutiny co-ordinator: keeps the tracker; reads unpublished meetings and papers."""
    return UserFactory(username="coordinator", role=User.Role.COORDINATOR, is_staff=True)


@pytest.fixture
def member(board) -> User:
    """Councillor M Mutton, Chair of board A since 1 May 2016: reads board A's exempt papers."""
    person = PersonFactory(initials="M", surname="Mutton", is_councillor=True)
    MembershipFactory(
        board=board, person=person, role=Membership.Role.CHAIR, start_date=datetime.date(2016, 5, 1)
    )
    return UserFactory(username="member", role=User.Role.MEMBER, person=person)


@pytest.fixture
def other_member(other_board) -> User:
    """Councillor D Kershaw, member of board B only: sees only public papers of board A."""
    person = PersonFactory(initials="D", surname="Kershaw", is_councillor=True)
    MembershipFactory(board=other_board, person=person, start_date=datetime.date(2016, 5, 1))
    return UserFactory(username="other_member", role=User.Role.MEMBER, person=person)


@pytest.fixture
def admin_user(db) -> User:
    """A superuser. Replaces pytest-django's, whose default role ("member") may not be staff."""
    return UserFactory(username="admin", role=User.Role.ADMIN, is_staff=True, is_superuser=True)


@pytest.fixture
def public() -> Client:
    """Anyone on the internet: not logged in."""
    return Client()


@pytest.fixture
def officer_client(officer) -> Client:
    """A client logged in as `officer`."""
    return _client_for(officer)


@pytest.fixture
def coordinator_client(coordinator) -> Client:
    """A client logged in as `coordinator`."""
    return _client_for(coordinator)


@pytest.fixture
def member_client(member) -> Client:
    """A client logged in as `member` (board A)."""
    return _client_for(member)


@pytest.fixture
def other_member_client(other_member) -> Client:
    """A client logged in as `other_member` (board B)."""
    return _client_for(other_member)


@pytest.fixture
def admin_client(admin_user) -> Client:
    """A client logged in as the superuser `admin_user`."""
    return _client_for(admin_user)
