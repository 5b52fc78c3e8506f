"""Public pages about boards, their work programmes and the people who sit on them.

`boards` never imports `meetings` (docs/architecture.md): meetings and work programmes are
read through reverse managers (`board.meetings`, `board.work_programmes`), which carry the
meetings app's QuerySet methods.
"""

import datetime
import re
from collections import defaultdict

from django.contrib.auth.decorators import login_not_required
from django.db.models import Exists, F, OuterRef, Q
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.http import require_GET, require_safe

from boards.access import get_board_for_user, get_person_for_user
from boards.formats import work_programme_meeting_label, work_programme_year
from boards.models import Board, Council, Membership, MunicipalYear


def _chosen_year(
    request: HttpRequest,
    years: list[MunicipalYear],
    today: datetime.date,
    filled: set[int] | None = None,
) -> MunicipalYear | None:
    """The year named by ?year=2016/17 (or its id), else the one containing today.

    With `filled` (the ids of the years that have something to show), the default is the
    current year only if it is filled, else the latest filled year that has begun: a board
    page should not open on an empty year just because annual council has not yet
    appointed its members, or the records stop some years back.
    An unknown year answers 404, so that every URL names a real page.
    """
    wanted = request.GET.get("year", "").strip()
    if wanted:
        for year in years:
            if wanted in {year.label, str(year.pk), year.label.replace("/", "-")}:
                return year
        raise Http404("No such municipal year.")
    current = next((y for y in years if y.start_date <= today <= y.end_date), None)
    if filled is not None and (current is None or current.pk not in filled):
        begun = [y for y in years if y.pk in filled and y.start_date <= today]
        later = [y for y in years if y.pk in filled and y.start_date > today]
        if begun or later:
            return begun[-1] if begun else later[0]
    if current:
        return current
    return years[-1] if years else None


@login_not_required
@require_safe
def board_list(request: HttpRequest) -> HttpResponse:
    boards = Board.objects.active()
    return render(request, "boards/board_list.html", {"boards": boards})


@login_not_required
@require_safe
def board_detail(request: HttpRequest, slug: str) -> HttpResponse:
    board = get_board_for_user(request, slug)
    today = timezone.localdate()
    years = list(MunicipalYear.objects.all())
    spans = list(board.memberships.values_list("start_date", "end_date").distinct())
    filled = {
        year.pk
        for year in years
        if any(
            start <= year.end_date and (end is None or end >= year.start_date)
            for start, end in spans
        )
    }
    year = _chosen_year(request, years, today, filled)
    memberships = []
    if year:
        memberships = list(
            board.memberships.during(year)
            .select_related("person")
            .order_by("person__surname", "person__initials", "start_date")
        )
    meetings = board.meetings.visible_to(request.user).select_related("venue", "municipal_year")
    return render(
        request,
        "boards/board_detail.html",
        {
            "board": board,
            "year": year,
            # The switcher offers the years with members, and the one being shown.
            "years": [y for y in years if y.pk in filled or y == year],
            "memberships": [m for m in memberships if m.role != Membership.Role.BY_INVITATION],
            "invited": [m for m in memberships if m.role == Membership.Role.BY_INVITATION],
            "upcoming": list(meetings.upcoming(today)),
            "past": list(meetings.past(today)),
        },
    )


@login_not_required
@require_safe
def work_programme(request: HttpRequest, slug: str) -> HttpResponse:
    """The board's work programme for a year, as the packs print it (a public document)."""
    board = get_board_for_user(request, slug)
    today = timezone.localdate()
    years = list(MunicipalYear.objects.filter(work_programmes__board=board).order_by("start_date"))
    year = _chosen_year(request, years, today)
    programme = board.work_programmes.filter(municipal_year=year).first() if year else None
    council = Council.load()
    dated, undated = [], []
    if programme:
        items = list(programme.items.select_related("meeting").order_by("position", "pk"))
        Section = programme.items.model.Section  # noqa: N806 - the meetings app's choices
        by_meeting = defaultdict(list)
        by_section = defaultdict(list)
        for item in items:
            if item.meeting_id:
                by_meeting[item.meeting_id].append(item)
            else:
                by_section[item.section].append(item)
        # Every meeting of the year is a dated section, with or without items: the
        # schedule of meetings is part of the published programme.
        meetings = (
            board.meetings.filter(Q(municipal_year=year) | Q(pk__in=list(by_meeting)))
            .distinct()
            .order_by("date", "start_time")
        )
        visible = set(board.meetings.visible_to(request.user).values_list("pk", flat=True))
        for meeting in meetings:
            dated.append(
                {
                    "label": work_programme_meeting_label(council, meeting),
                    "meeting": meeting if meeting.pk in visible else None,
                    "items": by_meeting.get(meeting.pk, []),
                }
            )
        start = year.start_date.year
        labels = {
            Section.THIS_YEAR: f"Items for {work_programme_year(start)}",
            Section.NEXT_YEAR: f"Items for {work_programme_year(start + 1)}",
        }
        for section in Section:
            if section == Section.MEETING or section not in by_section:
                continue
            undated.append(
                {
                    "label": labels.get(section, section.label),
                    "description": council.text_progress_reports
                    if section == Section.PROGRESS_REPORTS
                    else "",
                    "items": by_section[section],
                }
            )
    return render(
        request,
        "boards/work_programme.html",
        {
            "board": board,
            "year": year,
            "years": years,
            "programme": programme,
            "dated": dated,
            "undated": undated,
        },
    )


@login_not_required
@require_safe
def person_detail(request: HttpRequest, pk: int) -> HttpResponse:
    """A councillor's or co-optee's memberships, and their attendance at meetings they
    were expected at (cancelled meetings and invitations excluded)."""
    person = get_person_for_user(request, pk)
    today = timezone.localdate()
    memberships = list(
        person.memberships.select_related("board").order_by("board__name", "-start_date")
    )
    # Expected: a member (not by invitation) on the day of a past, published, not
    # cancelled meeting. One filter() call, so that every condition applies to the same
    # meeting row. Attendance is part of the minutes, so it counts only once the minutes
    # are published with some attendance in them; until then the meeting is listed as
    # "attendance not recorded" and left out of the figures, rather than counted as an
    # absence.
    Attendance = person.attendances.model  # noqa: N806 - the meetings app's model
    recorded = Attendance.objects.filter(
        meeting=OuterRef("board__meetings__pk"),
        meeting__minutes_published_at__isnull=False,
    )
    expected_rows = (
        person.memberships.voting()
        .filter(
            Q(end_date__isnull=True) | Q(board__meetings__date__lte=F("end_date")),
            board__meetings__date__gte=F("start_date"),
            board__meetings__date__lt=today,
            board__meetings__status__in=["scheduled", "held", "moved"],
            board__meetings__agenda_published_at__isnull=False,
        )
        .values(
            "board_id",
            meeting_id=F("board__meetings__pk"),
            meeting_date=F("board__meetings__date"),
            recorded=Exists(recorded),
        )
        .distinct()
        .order_by("board_id", "-board__meetings__date")
    )
    attendance = {
        row.meeting_id: row
        for row in person.attendances.filter(meeting__minutes_published_at__isnull=False)
    }
    boards = {m.board_id: m.board for m in memberships}
    present_status = Attendance.Status.PRESENT
    records: dict[int, dict] = {}
    for row in expected_rows:
        record = records.setdefault(
            row["board_id"],
            {"board": boards[row["board_id"]], "meetings": [], "attended": 0, "recorded": 0},
        )
        if row["recorded"]:
            present = attendance.get(row["meeting_id"])
            status = present.status if present else "absent"
            record["recorded"] += 1
        else:
            status = "not_recorded"
        record["meetings"].append(
            {"pk": row["meeting_id"], "date": row["meeting_date"], "status": status}
        )
        if status == present_status:
            record["attended"] += 1
    for record in records.values():
        recorded_count = record["recorded"]
        record["not_recorded"] = len(record["meetings"]) - recorded_count
        record["percent"] = (
            round(100 * record["attended"] / recorded_count) if recorded_count else None
        )
    return render(
        request,
        "boards/person_detail.html",
        {
            "person": person,
            "memberships": memberships,
            "portfolios": list(
                person.portfolios.filter(valid_from__lte=today).order_by("-valid_from")
            ),
            "posts": list(person.posts.filter(Q(valid_to__isnull=True) | Q(valid_to__gte=today))),
            "records": sorted(records.values(), key=lambda r: r["board"].name),
        },
    )


@login_not_required
@require_GET
def council_css(request: HttpRequest) -> HttpResponse:
    """The council's colour for the header: the one run-time value in our CSS."""
    colour = Council.load().brand_colour
    if not re.fullmatch(r"#[0-9a-fA-F]{6}", colour):
        colour = "#0b0c0c"
    response = HttpResponse(
        f":root {{ --scrutiny-brand-colour: {colour}; }}\n",
        content_type="text/css",
    )
    response["Cache-Control"] = "public, max-age=300"
    return response


@login_not_required
def accessibility(request: HttpRequest) -> HttpResponse:
    return render(request, "accessibility.html")
