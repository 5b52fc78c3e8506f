"""Sign-in lockout: the page django-axes shows after too many failed attempts."""

import datetime

from axes.helpers import get_cool_off
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone


def locked_out(
    request: HttpRequest,
    original_response: HttpResponse | None = None,
    credentials: dict | None = None,
) -> HttpResponse:
    """Say when the user may try again; axes unlocks the name after the cool-off.

    Lockout is per user name and address (security.md), so the page names no account
    and gives nothing away about whether the user name exists.
    """
    cool_off: datetime.timedelta | None = get_cool_off(request)
    context = {"try_again_at": timezone.localtime() + cool_off if cool_off else None}
    if cool_off:
        context["minutes"] = max(1, round(cool_off.total_seconds() / 60))
    return render(request, "registration/locked_out.html", context, status=429)
