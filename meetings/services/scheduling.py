"""Meetings: create them from a board's defaults, a year's schedule at once, edit,
cancel and move. Keyword-only functions named <entity>_<action>."""

import datetime

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from boards.models import Board, Council, MunicipalYear, Venue
from meetings.models import AgendaItem, AgendaSubItem, Meeting, StandardItem
from meetings.services.agendas import agenda_renumber


class MeetingConflict(Exception):
    """Someone else saved the meeting since it was read; `current` is the meeting as now saved."""

    def __init__(self, current: Meeting) -> None:
        self.current = current
        super().__init__("Someone else has changed this meeting since you opened it.")


def _municipal_year(day: datetime.date) -> MunicipalYear:
    try:
        return MunicipalYear.get_or_create_for(day)
    except MunicipalYear.DoesNotExist as error:
        raise ValidationError({"date": str(error)}) from error


def _save(meeting: Meeting, user) -> None:
    meeting.full_clean()
    meeting._history_user = user
    meeting.save()


def _minutes_sub_items(meeting: Meeting, council: Council) -> list[tuple[str, str]]:
    previous = meeting.previous_held_meeting()
    if previous is None:
        agree = council.text_minutes_subitem_agree.replace(" held on {date}", "").replace(
            "{date}", ""
        )
    else:
        agree = council.text_minutes_subitem_agree.replace(
            "{date}", council.format("minutes_item", previous.date)
        )
    if not agree.rstrip().endswith((".", ":")):
        agree = agree.rstrip() + "."
    return [("a)", agree), ("b)", council.text_minutes_subitem_matters_arising)]


def agenda_standard_items_add(*, meeting: Meeting, user=None) -> list[AgendaItem]:
    """Give an empty agenda the board's standard items, in the board's order.

    The minutes item gets its sub-items with the previous held meeting's date; the
    outstanding-issues item only when the board keeps a tracker; Any Other Business its
    standard wording. Items the officer adds later go between "before" and "after" items.
    """
    council = Council.load()
    descriptions = {
        AgendaItem.Kind.AOB: council.text_aob_description,
        AgendaItem.Kind.MEETING_EVALUATION: council.text_meeting_evaluation_description,
    }
    created = []
    start = (max((item.number for item in meeting.items.all()), default=0)) + 1
    standard = StandardItem.objects.filter(board_id=meeting.board_id).order_by("position")
    for standard_item in standard:
        if (
            standard_item.kind == AgendaItem.Kind.OUTSTANDING_ISSUES
            and not meeting.board.keeps_tracker
        ):
            continue
        item = AgendaItem(
            meeting=meeting,
            number=start + len(created),
            kind=standard_item.kind,
            title=standard_item.title,
            description=standard_item.description or descriptions.get(standard_item.kind, ""),
        )
        item._history_user = user
        item.save()
        if item.kind == AgendaItem.Kind.MINUTES:
            AgendaSubItem.objects.bulk_create(
                AgendaSubItem(agenda_item=item, position=position, label=label, text=text)
                for position, (label, text) in enumerate(_minutes_sub_items(meeting, council), 1)
            )
        created.append(item)
    agenda_renumber(meeting=meeting)
    return created


@transaction.atomic
def meeting_create(
    *,
    board: Board,
    date: datetime.date,
    start_time: datetime.time | None = None,
    venue: Venue | None = None,
    user=None,
    standard_items: bool = True,
    **fields,
) -> Meeting:
    """A meeting on the board's defaults (venue, start time), in the municipal year of its
    date, with the board's standard agenda items."""
    meeting = Meeting(
        board=board,
        date=date,
        start_time=start_time or board.default_start_time,
        venue=venue if venue is not None else board.default_venue,
        municipal_year=_municipal_year(date),
        **fields,
    )
    _save(meeting, user)
    if standard_items:
        agenda_standard_items_add(meeting=meeting, user=user)
    return meeting


@transaction.atomic
def meetings_schedule(
    *,
    board: Board,
    dates: list[datetime.date],
    start_time: datetime.time | None = None,
    venue: Venue | None = None,
    user=None,
) -> list[Meeting]:
    """A year's schedule at once: one meeting per date, all or none."""
    start_time = start_time or board.default_start_time
    taken = set(
        Meeting.objects.filter(board=board, date__in=dates, start_time=start_time).values_list(
            "date", flat=True
        )
    )
    if taken:
        listed = ", ".join(f"{day.day} {day:%B %Y}" for day in sorted(taken))
        raise ValidationError({"dates": f"The board already meets at this time on {listed}."})
    return [
        meeting_create(board=board, date=day, start_time=start_time, venue=venue, user=user)
        for day in sorted(set(dates))
    ]


def _locked(meeting: Meeting, version: int) -> Meeting:
    current = Meeting.objects.select_for_update().get(pk=meeting.pk)
    if current.version != version:
        raise MeetingConflict(Meeting.objects.select_related("venue").get(pk=meeting.pk))
    return current


MEETING_FIELDS = {
    "date",
    "start_time",
    "session_label",
    "venue",
    "contact_officer",
    "signatory",
}


def meeting_update(*, meeting: Meeting, version: int, user=None, **fields) -> Meeting:
    """Change a meeting's details, unless someone else has since (MeetingConflict)."""
    unknown = set(fields) - MEETING_FIELDS
    if unknown:
        raise TypeError(f"meeting_update() cannot change {', '.join(sorted(unknown))}")
    with transaction.atomic():
        current = _locked(meeting, version)
        for name, value in fields.items():
            setattr(current, name, value)
        if "date" in fields:
            current.municipal_year = _municipal_year(current.date)
        current.version += 1
        try:
            with transaction.atomic():
                _save(current, user)
        except IntegrityError as error:
            raise ValidationError("This board already has a meeting at this date and time.") from (
                error
            )
    return current


@transaction.atomic
def meeting_cancel(*, meeting: Meeting, version: int, user=None) -> Meeting:
    """Cancel a meeting. The record stays, shown "cancelled" wherever the meeting appears."""
    current = _locked(meeting, version)
    current.status = Meeting.Status.CANCELLED
    current.version += 1
    current._history_user = user
    current.save(update_fields=["status", "version"])
    return current


@transaction.atomic
def meeting_move(
    *,
    meeting: Meeting,
    version: int,
    date: datetime.date,
    start_time: datetime.time | None = None,
    user=None,
) -> Meeting:
    """Move a meeting to another date, keeping the original ("moved from 27th March 25")."""
    current = _locked(meeting, version)
    if date == current.date and (start_time is None or start_time == current.start_time):
        raise ValidationError({"date": "Enter a date or time different from the present one."})
    clash = (
        Meeting.objects.filter(
            board_id=current.board_id, date=date, start_time=start_time or current.start_time
        )
        .exclude(pk=current.pk)
        .exists()
    )
    if clash:
        raise ValidationError({"date": "This board already has a meeting at this date and time."})
    current.municipal_year = _municipal_year(date)
    current.version += 1
    current._history_user = user
    current.move_to(date, start_time)
    return current
