"""How minutes lay out a meeting's record, shared by the meeting's page and the minutes PDF.

Pure functions over rows already loaded (no queries), in the seeds' order and wording.
"""

from collections import defaultdict

from boards.models import OrgUnit
from meetings.models import Attendance, Minute


def minute_sections(minutes: list[Minute]) -> list[tuple[str, list[Minute]]]:
    """The minutes under "Public Business" and, for private items, "Private Business", as
    the seeds print them (the meeting's page and the minutes PDF share this)."""
    public = [minute for minute in minutes if not minute.is_private]
    private = [minute for minute in minutes if minute.is_private]
    return [
        (title, rows)
        for title, rows in (("Public Business", public), ("Private Business", private))
        if rows
    ]


def minutes_attendance(rows: list[Attendance]) -> list[dict]:
    """The attendance as the minutes record it: the "Present:" groups and the apologies,
    in the seeds' order and wording.

        Members: the Chair first, then by surname. Employees: one line per person with their
        directorate, or grouped by service area. Apologies come last, councillors first.
    """
    present = [row for row in rows if row.status == Attendance.Status.PRESENT]
    by_category = defaultdict(list)
    for row in present:
        by_category[row.category].append(row)
    blocks = []
    for category in Attendance.Category:
        people = sorted(
            by_category.get(category, []), key=lambda r: (not r.is_chair, r.person.surname)
        )
        if not people:
            continue
        block = {"category": category.value, "label": category.label, "rows": people}
        if category == Attendance.Category.OFFICER:
            kinds = {row.org_unit.kind for row in people if row.org_unit_id}
            by_directorate = kinds == {OrgUnit.Kind.DIRECTORATE}
            block["label"] = (
                "Employees (by Directorate)" if by_directorate else "Employees (by Service Area)"
            )
            block["by_directorate"] = by_directorate
            groups = defaultdict(list)
            for row in people:
                groups[row.org_unit.name if row.org_unit_id else ""].append(row)
            block["groups"] = sorted(groups.items())
        blocks.append(block)
    apologies = sorted(
        (row for row in rows if row.status == Attendance.Status.APOLOGIES),
        key=lambda r: r.person.surname,
    )
    if apologies:
        blocks.append(
            {
                "category": "apologies",
                "label": "Apologies",
                "councillors": [r.person.short_name for r in apologies if r.person.is_councillor],
                "others": [r.person.short_name for r in apologies if not r.person.is_councillor],
            }
        )
    return blocks
