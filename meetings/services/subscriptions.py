"""E-mail when a board publishes an agenda: sign up, confirm by e-mail, unsubscribe.

No account is needed. The confirmation and unsubscribe links carry the subscription's
secret token; the sign-up page says the same whether or not the address was known, so
it never tells who follows a board.
"""

import datetime

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone

from boards.models import Board, Council
from meetings.models import AgendaSubscription

RESEND_AFTER = datetime.timedelta(hours=1)


def _absolute(path: str) -> str:
    return settings.SITE_URL.rstrip("/") + path


@transaction.atomic
def subscription_request(*, board: Board, email: str) -> AgendaSubscription:
    """Record the address and e-mail it a link to confirm (unless already confirmed)."""
    email = email.strip()
    subscription = (
        AgendaSubscription.objects.select_for_update()
        .filter(board=board, email__iexact=email)
        .first()
    )
    if subscription is None:
        subscription = AgendaSubscription.objects.create(board=board, email=email)
    now = timezone.now()
    recently = subscription.confirmation_sent_at and (
        now - subscription.confirmation_sent_at < RESEND_AFTER
    )
    # One confirmation e-mail an hour at most: the form cannot be used to flood an inbox.
    if subscription.confirmed_at is None and not recently:
        subscription.confirmation_sent_at = now
        subscription.save(update_fields=["confirmation_sent_at"])
        context = {
            "council": Council.load(),
            "board": board,
            "confirm_url": _absolute(
                reverse("meetings:publication_subscribe_confirm", args=[subscription.token])
            ),
        }
        subject = render_to_string("emails/subscription_confirm_subject.txt", context).strip()
        body = render_to_string("emails/subscription_confirm.txt", context)
        to = subscription.email
        transaction.on_commit(lambda: send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, [to]))
    return subscription


def subscription_confirm(*, subscription: AgendaSubscription) -> AgendaSubscription:
    if subscription.confirmed_at is None:
        subscription.confirmed_at = timezone.now()
        subscription.save(update_fields=["confirmed_at"])
    return subscription


def subscription_cancel(*, subscription: AgendaSubscription) -> None:
    """Unsubscribe: the address is forgotten, not just switched off."""
    subscription.delete()
