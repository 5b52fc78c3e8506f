"""Signing in and out, resetting a password, and the lockout after failed attempts."""

import re

import pytest
from axes.models import AccessAttempt
from django.core import mail
from django.db import IntegrityError, transaction
from django.test import Client
from django.urls import reverse

from boards.models import User
from tests.factories import DocumentFactory, UserFactory

pytestmark = pytest.mark.django_db

PASSWORD = "correct horse battery staple"


@pytest.fixture
def councillor(member) -> User:
    """`member` with a known e-mail address for password resets."""
    member.email = "m.mutton@example.gov.uk"
    member.save()
    return member


def sign_in(client: Client, username: str, password: str, **extra) -> object:
    return client.post(reverse("login"), {"username": username, "password": password}, **extra)


def test_the_sign_in_page_is_a_gov_uk_form(public):
    response = public.get(reverse("login"))

    assert response.status_code == 200
    assert '<h1 class="govuk-heading-xl">Sign in</h1>' in response.text
    assert 'autocomplete="username"' in response.text
    assert 'autocomplete="current-password"' in response.text
    assert "govuk-error-summary" not in response.text
    assert reverse("password_reset") in response.text


def test_an_empty_sign_in_says_what_to_enter(public):
    response = sign_in(public, "", "")

    assert response.status_code == 200
    assert "<title>Error: Sign in" in response.text
    summary = response.text.split('class="govuk-error-summary"')[1].split("</div>\n  </div>")[0]
    assert '<a href="#id_username">Enter your user name</a>' in summary
    assert '<a href="#id_password">Enter your password</a>' in summary
    assert "govuk-form-group--error" in response.text


def test_a_wrong_password_says_so_without_saying_which(public, councillor):
    wrong_password = sign_in(public, "member", "not the password")
    unknown_user = sign_in(public, "nobody", "not the password")

    for response in (wrong_password, unknown_user):
        assert response.status_code == 200
        assert "The user name or password is not right" in response.text
        assert "_auth_user_id" not in public.session


def test_signing_in_goes_home_and_offers_sign_out(public, councillor):
    response = sign_in(public, "member", PASSWORD)

    assert response.status_code == 302
    assert response.url == reverse("home")
    assert int(public.session["_auth_user_id"]) == councillor.pk
    home = public.get(reverse("home"))
    assert "Sign out" in home.text
    assert "Sign in</a>" not in home.text


def test_signing_in_returns_to_the_page_asked_for(public, councillor):
    calendar = reverse("meetings:calendar")
    page = public.get(reverse("login"), {"next": calendar})
    assert f'name="next" value="{calendar}"' in page.text

    response = sign_in(public, "member", PASSWORD, QUERY_STRING=f"next={calendar}")

    assert response.url == calendar


def test_signing_in_never_redirects_to_another_site(public, councillor):
    response = public.post(
        reverse("login"),
        {"username": "member", "password": PASSWORD, "next": "https://evil.example/"},
    )

    assert response.url == reverse("home")


def test_signing_out_needs_a_post(member_client):
    assert member_client.get(reverse("logout")).status_code == 405

    response = member_client.post(reverse("logout"))

    assert response.status_code == 200
    assert "You have signed out" in response.text
    assert "_auth_user_id" not in member_client.session


def test_a_password_reset_sends_a_link_and_nothing_else(public, councillor, board):
    DocumentFactory(
        agenda_item__meeting__board=board,
        agenda_item__meeting__published=True,
        restricted=True,
        title="CANARY-EXEMPT-7f3a",
        body_html="<p>CANARY-EXEMPT-7f3a</p>",
    )

    response = public.post(reverse("password_reset"), {"email": "M.Mutton@example.gov.uk"})

    assert response.status_code == 302
    assert response.url == reverse("password_reset_done")
    assert len(mail.outbox) == 1
    email = mail.outbox[0]
    assert email.to == ["m.mutton@example.gov.uk"]
    assert email.subject == "Reset your password for the committee meetings website"
    assert "CANARY" not in email.body
    link = re.search(r"http://testserver(/accounts/reset/\S+/)", email.body).group(1)

    form = public.get(link, follow=True)
    assert "Choose a new password" in form.text
    done = public.post(
        form.redirect_chain[-1][0],
        {"new_password1": "a new long passphrase", "new_password2": "a new long passphrase"},
    )
    assert done.url == reverse("password_reset_complete")
    councillor.refresh_from_db()
    assert councillor.check_password("a new long passphrase")


def test_a_password_reset_for_an_unknown_address_looks_the_same(public, councillor):
    response = public.post(reverse("password_reset"), {"email": "someone@example.com"})

    assert response.url == reverse("password_reset_done")
    assert mail.outbox == []


def test_a_password_reset_asks_for_an_address(public):
    response = public.post(reverse("password_reset"), {"email": ""})

    assert response.status_code == 200
    assert '<a href="#id_email">Enter your email address</a>' in response.text


def test_a_used_reset_link_says_it_does_not_work(public):
    response = public.get(reverse("password_reset_confirm", args=["MQ", "set-password"]))

    assert response.status_code == 200
    assert "This link does not work" in response.text


def test_a_councillor_cannot_reach_the_admin(member_client, member):
    assert not member.is_staff

    response = member_client.get("/admin/")

    assert response.status_code == 302
    assert response.url.startswith(reverse("admin:login"))
    assert member_client.get(reverse("admin:meetings_meeting_changelist")).status_code == 302


def test_a_councillor_cannot_be_made_staff():
    with pytest.raises(IntegrityError), transaction.atomic():
        UserFactory(username="staffcllr", role=User.Role.MEMBER, is_staff=True)


def test_too_many_failed_attempts_lock_the_user_name_out(public, councillor, settings):
    settings.AXES_ENABLED = True
    settings.AXES_FAILURE_LIMIT = 3
    settings.AXES_COOLOFF_TIME = 0.5

    for _ in range(2):
        assert sign_in(public, "member", "wrong").status_code == 200
    locked = sign_in(public, "member", "wrong")

    assert locked.status_code == 429
    assert "You cannot sign in at the moment" in locked.text
    assert "30 minutes from now" in locked.text
    assert re.search(r"try again after \d{1,2}:\d\d[ap]m", locked.text)
    # Even the right password is refused until the cool-off ends …
    assert sign_in(public, "member", PASSWORD).status_code == 429
    # … but only for this user name: others in the same office can still sign in.
    UserFactory(username="colleague")
    assert sign_in(Client(), "colleague", PASSWORD).status_code == 302
    assert AccessAttempt.objects.filter(username="member").exists()
