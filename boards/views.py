from django.contrib.auth.decorators import login_not_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils import timezone

from boards.models import Board, Membership, MunicipalYear


@login_not_required
def board_list(request: HttpRequest) -> HttpResponse:
    boards = Board.objects.active()
    return render(request, "boards/board_list.html", {"boards": boards})


@login_not_required
def board_detail(request: HttpRequest, slug: str) -> HttpResponse:
    board = get_object_or_404(Board.objects.active(), slug=slug)
    today = timezone.localdate()
    year = MunicipalYear.objects.containing(today).first() or MunicipalYear.objects.last()
    memberships = Membership.objects.none()
    if year:
        memberships = (
            board.memberships.during(year)
            .select_related("person")
            .order_by("person__surname", "person__initials")
        )
    # The reverse manager carries Meeting's QuerySet methods, so boards need not import meetings.
    meetings = board.meetings.visible_to(request.user).select_related("venue")
    return render(
        request,
        "boards/board_detail.html",
        {
            "board": board,
            "year": year,
            "memberships": [m for m in memberships if m.role != Membership.Role.BY_INVITATION],
            "invited": [m for m in memberships if m.role == Membership.Role.BY_INVITATION],
            "upcoming": meetings.upcoming(today),
            "past": meetings.past(today)[:20],
        },
    )
