"""The council's house style for dates and times, one pattern per place a date appears.

The seeds show that a pack uses a different date format in each slot: the front sheet's
"2.00 pm on Thursday, 15th September, 2016", the publication date "Wednesday,
7 September 2016", the minutes heading "held at 2.00 pm on Thursday, 21 July 2016".
Patterns are stored in Council settings and use the placeholders in PLACEHOLDERS.
"""

import datetime
import string

from django.core.exceptions import ValidationError

PLACEHOLDERS = {
    "weekday": "day of the week, e.g. Thursday",
    "day": "day of the month, e.g. 7",
    "day_ord": "day with its ordinal, e.g. 7th",
    "month": "month name, e.g. September",
    "month_short": "short month name, e.g. Sep",
    "month_num": "month number, e.g. 9",
    "year": "four-digit year, e.g. 2016",
    "year_short": "two-digit year, e.g. 16",
    "time": "time, e.g. 2.00 pm",
    "time_dotted": "time with dotted am/pm, e.g. 1.00 p.m.",
}


def ordinal(day: int) -> str:
    """1 → '1st', 2 → '2nd', 11 → '11th', 22 → '22nd'."""
    suffix = "th" if 10 <= day % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(day % 10, "th")
    return f"{day}{suffix}"


def format_time(value: datetime.time, *, dotted: bool = False) -> str:
    """14:00 → '2.00 pm' (the seeds' 12-hour style); dotted gives '2.00 p.m.'."""
    hour = value.hour % 12 or 12
    meridiem = "am" if value.hour < 12 else "pm"
    if dotted:
        meridiem = f"{meridiem[0]}.m."
    return f"{hour}.{value.minute:02d} {meridiem}"


def pattern_fields(pattern: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(pattern) if name is not None}


def validate_pattern(pattern: str) -> None:
    """Refuse a pattern that names a placeholder we do not know."""
    try:
        unknown = pattern_fields(pattern) - PLACEHOLDERS.keys()
    except ValueError as error:
        raise ValidationError(
            "Check the braces in this format: each placeholder is written like {day}."
        ) from error
    if unknown:
        raise ValidationError(
            "Unknown placeholder %(unknown)s. Use any of: %(known)s.",
            params={
                "unknown": ", ".join("{" + name + "}" for name in sorted(unknown)),
                "known": ", ".join("{" + name + "}" for name in PLACEHOLDERS),
            },
        )


def format_date(pattern: str, value: datetime.date, time: datetime.time | None = None) -> str:
    """Render a date (and optionally a time) with one of the council's patterns."""
    if time is None and pattern_fields(pattern) & {"time", "time_dotted"}:
        raise ValueError(f"The date format {pattern!r} needs a time as well as a date.")
    fields = {
        "weekday": value.strftime("%A"),
        "day": str(value.day),
        "day_ord": ordinal(value.day),
        "month": value.strftime("%B"),
        "month_short": value.strftime("%b"),
        "month_num": str(value.month),
        "year": str(value.year),
        "year_short": f"{value.year % 100:02d}",
        "time": format_time(time) if time else "",
        "time_dotted": format_time(time, dotted=True) if time else "",
    }
    return pattern.format_map(fields)


def work_programme_year(start_year: int) -> str:
    """2024 → "2024-25", as work programmes name a municipal year."""
    return f"{start_year}-{(start_year + 1) % 100:02d}"


def work_programme_meeting_label(council, meeting) -> str:
    """A meeting as a work programme heads it: "12th September 24 - cancelled",
    "13th March 25 PM (moved from 27th March 25)". `council` is the Council settings."""
    label = council.format("work_programme", meeting.date)
    if meeting.session_label:
        label = f"{label} {meeting.session_label}"
    if meeting.is_cancelled:
        return f"{label} - cancelled"
    if meeting.moved_from_date:
        return f"{label} (moved from {council.format('work_programme', meeting.moved_from_date)})"
    return label
