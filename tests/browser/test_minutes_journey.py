"""A new officer records the minutes of 21 July 2016 in the browser (issue 6).

The demo's own minutes of that meeting are taken away first (attendance, declarations,
minutes and resolutions), and so is the record that the meeting agreed the minutes of
16 June 2016, so that the officer records all of it through the forms: attendance with
Councillor R Lancaster substituting for Councillor Lucas, the apologies, the
declarations minute, minutes 7 to 14 after June's 1 to 6, the resolutions of minutes 8
to 11, the approval of June's minutes, the closing time; then publishes the draft. The
narratives are typed into the rich-text editor (pell, as on the documents pages). A
resident then reads the minutes page and the minutes PDF (from the page's link, page by
page with pypdf) against the 21 July 2016 minutes in the pack of 15 September 2016.

This test WRITES to the shared demo data. The fixture puts everything back as it was
afterwards (the same rows with the same keys, the tracker items relinked, the items that
publishing created removed), so the other browser tests read the demo they expect.
axe-core runs on every minutes page: the editor's at 1280 px and at 375 px, the public
minutes page at both.
"""

import datetime
import re

import pytest
from playwright.sync_api import expect

from tests.browser.support import PHONE, log_in
from tests.browser.test_accessibility import check
from tests.browser.test_tracker_journey import in_a_thread

BOARD = "Education and Children's Services Scrutiny Board (2)"
MINUTE_MODELS = [
    "meetings.attendance",
    "meetings.declaration",
    "meetings.minute",
    "meetings.discussionpoint",
    "meetings.minuterequest",
    "meetings.resolution",
    "meetings.resolutionpart",
    "meetings.resolutionbullet",
]
MEMBERS_PRESENT = ["Mutton", "Bains", "Gannon", "Kershaw", "Lapsa", "Male", "Hanson"]
APOLOGIES = ["Akhtar", "Lucas", "Miks", "Jones", "Potter"]
CABINET = ["Maton", "Ruane", "Seaman"]
OTHERS = [
    ("Invited guest", "Duggins", "Leader Coventry City Council", ""),
    ("Invited guest", "Mokades", "Local Safeguarding Children's Board (LSCB)", ""),
    ("Invited guest", "Green", "Police Representative", ""),
    ("Officer (employee)", "Coulson-Haggins", "", "Resources Directorate"),
    ("Officer (employee)", "Gregg", "", "People Directorate"),
    ("Officer (employee)", "Holmes", "", "Resources Directorate"),
    ("Officer (employee)", "Moynihan", "", "Chief Executive's Directorate"),
    ("Officer (employee)", "Newman", "", "Resources Directorate"),
    ("Officer (employee)", "Rose", "", "Resources Directorate"),
    ("Officer (employee)", "Walker", "", "People Directorate"),
]

# What the officer writes for minutes 8 to 14, after the pack of 15 September 2016.
MINUTES = {
    8: {
        "body": "Further to Minute 4/16 there were three Members interested in the Task and "
        "Finish Group to consider the Recruitment and Retention of Social Work Staff.",
        "preamble": "RESOLVED that",
        "style": "1) 2) 3)",
        "parts": [
            (
                "if any other Scrutiny Member would like to join the Task and Finish Group they "
                "would contact the Chair",
                "Not for the tracker",
            )
        ],
    },
    9: {
        "body": "The Scrutiny Board considered a briefing note of the Serious Case Review (SCR) "
        "Co-ordinator for Adult and Children's Safeguarding Boards.",
        "intro": "Having considered the report the Scrutiny Board questioned those present on "
        "the following:",
        "points": [
            "Reassurance regarding whether victims feel safer when providing information",
            "Targeted youth services",
            "Ways scrutiny could help improvements",
        ],
        "preamble": "RESOLVED that",
        "style": "1. 2. 3.",
        "parts": [
            (
                "The Scrutiny Board note the recommendations and request that the Cabinet Member "
                "for Children and Young People write to Government regarding Funding for "
                "long-term support to victims of Child Sexual Exploitation (CSE) into adulthood",
                "Recommendation",
            ),
            (
                "The Board requested that the individuals noted in the report as evidencing "
                "good, determined practice be congratulated",
                "Action",
            ),
        ],
    },
    10: {
        "body": "Further to Minute 37/15 the Scrutiny Board noted a progress report of the "
        "Executive Director for People regarding Early Help.",
        "intro": "The Scrutiny Board questioned the officers and the Cabinet Member for "
        "Children and Young People on aspects of the reports which included:",
        "points": ["Measuring effectiveness", "Challenges", "Family group conferencing"],
        "preamble": "RESOLVED that",
        "style": "1. 2. 3.",
        "parts": [
            (
                "the Board noted the report and requested a briefing note in 6 months to update "
                "members on Early Help",
                "Action",
            ),
            (
                "the Board requested that officers investigate whether there is a standard "
                "definition of 'school ready' so that the expectation can be shared with all "
                "providers",
                "Information request",
            ),
        ],
    },
    11: {
        "body": "Further to Minute 3/16 the Scrutiny Board noted a joint briefing note which "
        "detailed progress on the Children's Services Improvement Plan.",
        "intro": "The Scrutiny Board questioned officers on the following:",
        "points": ["The new Chair of the Improvement Board", "Recruitment"],
        "preamble": "RESOLVED that the Board requested",
        "style": "a) b) c)",
        "parts": [
            ("The new Chair of the Improvement Board be invited to the Scrutiny Board", "Action"),
            (
                "A letter of thanks be sent to Mark Rogers for his support to the Improvement "
                "Board",
                "Action",
            ),
        ],
    },
    12: {
        "body": "The Scrutiny Board noted a briefing note of the Scrutiny Co-ordinator which "
        "detailed the new approach to be taken on progress, outcomes and responses to "
        "recommendations."
    },
    13: {"body": "The Scrutiny Board noted the work programme."},
    14: {"body": "There were no other items of business."},
}

# The approval sentence is written today in the council's current house style (the demo's
# 2024 style, "16th June 2016"); the 2016 seed printed it in the style of its day,
# "16th June, 2016". The date is the fact; the comma is the style.
AGREED = "The minutes of the meeting held on 16th June 2016 were agreed as a true record."


def _snapshot_and_clear() -> dict:
    from django.apps import apps
    from django.core import serializers

    from boards.models import Board, Person
    from meetings.models import Meeting, MinutesCorrection
    from recommendations.models import TrackerItem

    board = Board.objects.get(name=BOARD)
    july = Meeting.objects.get(board=board, date=datetime.date(2016, 7, 21))
    june = Meeting.objects.get(board=board, date=datetime.date(2016, 6, 16))
    rows = []
    for label in MINUTE_MODELS:
        model = apps.get_model(label)
        path = {
            "meetings.discussionpoint": "minute__meeting",
            "meetings.minuterequest": "minute__meeting",
            "meetings.resolution": "minute__meeting",
            "meetings.resolutionpart": "resolution__minute__meeting",
            "meetings.resolutionbullet": "part__resolution__minute__meeting",
        }.get(label, "meeting")
        rows += serializers.serialize("python", model.objects.filter(**{path: july}))
    tracker = list(
        TrackerItem.objects.filter(source_meeting=july).values(
            "pk", "minute_id", "resolution_part_id", "minute_request_id"
        )
    )
    saved = {
        "rows": rows,
        "tracker": tracker,
        "july": july.pk,
        "june": june.pk,
        "july_fields": {
            "minutes_published_at": july.minutes_published_at,
            "closed_at": july.closed_at,
            "status": july.status,
            "version": july.version,
        },
        "june_approved_at": june.minutes_approved_at_id,
        "people": {p.pk for p in Person.objects.all()},
        "corrections": set(MinutesCorrection.objects.values_list("pk", flat=True)),
    }
    july.attendances.all().delete()
    july.declarations.all().delete()
    july.minutes.all().delete()
    Meeting.objects.filter(pk=july.pk).update(minutes_published_at=None, closed_at=None)
    Meeting.objects.filter(pk=june.pk).update(minutes_approved_at=None)
    names = {}
    for surname in MEMBERS_PRESENT + APOLOGIES + CABINET + ["Lancaster"] + [o[1] for o in OTHERS]:
        names[surname] = Person.objects.get(surname=surname).formal_name
    saved["names"] = names
    saved["paths"] = {
        "meeting": july.get_absolute_url(),
        "june": june.get_absolute_url(),
    }
    return saved


def _restore(saved: dict) -> None:
    from django.core import serializers
    from django.db import transaction

    from boards.models import Person
    from meetings.models import Meeting, MinutesCorrection
    from recommendations.models import TrackerItem

    july = Meeting.objects.get(pk=saved["july"])
    with transaction.atomic():
        kept = [row["pk"] for row in saved["tracker"]]
        TrackerItem.objects.filter(source_meeting=july).exclude(pk__in=kept).delete()
        MinutesCorrection.objects.exclude(pk__in=saved["corrections"]).delete()
        july.attendances.all().delete()
        july.declarations.all().delete()
        july.minutes.all().delete()
        Person.objects.exclude(pk__in=saved["people"]).delete()
        for obj in serializers.deserialize("python", saved["rows"]):
            obj.save()
        for row in saved["tracker"]:
            TrackerItem.objects.filter(pk=row["pk"]).update(
                minute_id=row["minute_id"],
                resolution_part_id=row["resolution_part_id"],
                minute_request_id=row["minute_request_id"],
            )
        Meeting.objects.filter(pk=july.pk).update(**saved["july_fields"])
        Meeting.objects.filter(pk=saved["june"]).update(
            minutes_approved_at_id=saved["june_approved_at"]
        )


@pytest.fixture
def july_without_minutes(demo_site):
    saved = in_a_thread(_snapshot_and_clear)
    yield saved
    in_a_thread(lambda: _restore(saved))


def _tracker_items_created(saved: dict) -> list[tuple[str, str]]:
    from recommendations.models import TrackerItem

    kept = [row["pk"] for row in saved["tracker"]]
    return list(
        TrackerItem.objects.filter(source_meeting_id=saved["july"])
        .exclude(pk__in=kept)
        .order_by("position")
        .values_list("kind", "text")
    )


def _axe(page, name: str, *, phone: bool = True) -> None:
    """axe-core at 1280 px and, for the editor's pages, at 375 px too."""
    check(page, name, "desktop")
    if phone:
        page.set_viewport_size(PHONE)
        check(page, name, "phone")
        page.set_viewport_size({"width": 1280, "height": 900})


def _narrative(page):
    """The narrative's rich-text editor (pell over the textarea, as on the documents pages)."""
    editor = page.get_by_role("textbox", name="What the board considered and heard")
    expect(editor).to_be_visible()
    expect(editor).to_have_attribute("contenteditable", "true")
    return editor


def _fill_minute(page, number: int, spec: dict) -> None:
    editor = _narrative(page)
    editor.click()
    # Type at the end, in a paragraph of its own, as an officer adds to what is there.
    page.keyboard.press("Control+End")
    if editor.inner_text().strip():
        page.keyboard.press("Enter")
    page.keyboard.type(spec["body"])
    if "intro" in spec:
        page.get_by_label("Introduction to the matters questioned").fill(spec["intro"])
        page.get_by_label("Matters the board questioned").fill("\n".join(spec["points"]))
    for index, (text, flag) in enumerate(spec.get("parts", [])):
        if index == 0:
            page.get_by_label("Resolution begins").fill(spec["preamble"])
            page.get_by_label("Label the parts").select_option(label=spec["style"])
        part = page.get_by_role("group", name=f"Part {index + 1}", exact=True)
        if part.count() == 0:
            page.get_by_role("button", name="Add another part").click()
            part = page.get_by_role("group", name=f"Part {index + 1}", exact=True)
        part.get_by_label("Resolution part").fill(text)
        part.get_by_label("For the tracker").select_option(label=flag)
    page.get_by_role("button", name="Save minute", exact=True).click()
    expect(page.get_by_role("main")).to_contain_text(f"Minute {number} saved.")


def _pdf_pages(data: bytes) -> list[str]:
    """Each page's text, with runs of white space (line and column breaks) as one space."""
    import io

    from pypdf import PdfReader

    reader = PdfReader(io.BytesIO(data))
    return [" ".join((page.extract_text() or "").split()) for page in reader.pages]


def _in_order(text: str, pieces: list[str]) -> None:
    at = 0
    for piece in pieces:
        found = text.find(piece, at)
        assert found >= 0, f"{piece!r} not found (in order) in the minutes PDF"
        at = found + len(piece)


def _check_minutes_pdf(page, demo_site) -> None:
    """The minutes PDF downloaded through the meeting page's link, page by page, against
    the 21 July 2016 minutes in the 15 September 2016 pack (seeds/000_…)."""
    link = page.get_by_role("link", name="Download the minutes (PDF)")
    response = page.request.get(demo_site(link.get_attribute("href")))
    assert response.ok
    assert response.headers["content-type"] == "application/pdf"
    pages = _pdf_pages(response.body())
    assert len(pages) >= 2
    first, everything = pages[0], " ".join(pages)
    # The heading and the attendance blocks open the first page, in the seed's order.
    _in_order(
        first,
        [
            "Coventry City Council",
            f"Minutes of the Meeting of {BOARD}",
            "held at 2.00 pm on Thursday, 21 July 2016",
            "Present:",
            "Members: Councillor M Mutton (Chair)",
            "Councillor R Lancaster (substitute for Councillor Lucas)",
            "Co-Opted Members: Mrs S Hanson",
            "Cabinet Members and Deputy Cabinet Members: Councillor K Maton",
            "Councillor E Ruane",
            "Councillor P Seaman",
            "Invited: Councillor Duggins – Leader Coventry City Council",
            "Employees (by Directorate): C Coulson-Haggins, Resources Directorate",
            "J Gregg, People Directorate",
            "H Walker, People Directorate",
            "Apologies: Councillors N Akhtar,",
            "Lucas and C Miks K Jones and R Potter",
            "Public Business",
            "7. Declarations of Interests",
        ],
    )
    assert "there were no disclosable pecuniary interests" in first.lower()
    # Minutes 7 to 14 with their titles, their narratives and the RESOLVED parts.
    _in_order(
        everything,
        [
            "7. Declarations of Interests",
            "8. Minutes",
            AGREED,
            MINUTES[8]["body"],
            "RESOLVED that " + MINUTES[8]["parts"][0][0],
            "9. Serious Case Review",
            MINUTES[9]["intro"],
            *MINUTES[9]["points"],
            "RESOLVED that",
            "1. " + MINUTES[9]["parts"][0][0],
            "2. " + MINUTES[9]["parts"][1][0],
            "10. Early Help Strategy Progress Report",
            MINUTES[10]["body"],
            "RESOLVED that",
            "1. " + MINUTES[10]["parts"][0][0],
            "2. " + MINUTES[10]["parts"][1][0],
            "11. Improvement Board Progress Review",
            "RESOLVED that the Board requested",
            "a) " + MINUTES[11]["parts"][0][0],
            "b) " + MINUTES[11]["parts"][1][0],
            "12. Outstanding Issues",
            "13. Work Programme",
            MINUTES[13]["body"],
            "14. Any Other Business",
            MINUTES[14]["body"],
        ],
    )
    # Nothing of the page's own furniture (tracker links) is printed.
    assert "tracker" not in everything.lower()
    # (pypdf reads the list bullets, drawn as artifacts, at the end of a page)
    assert pages[-1].rstrip(" •").endswith("(Meeting closed at 4.00 pm)")


def test_a_new_officer_records_the_minutes_of_21_july_2016(
    new_page, demo_site, july_without_minutes
):
    saved = july_without_minutes
    names = saved["names"]
    page = new_page(bypass_csp=True)
    log_in(page, demo_site, "officer")

    # From the meeting's page to its (empty) minutes.
    page.goto(demo_site(saved["paths"]["meeting"]))
    page.get_by_role("link", name="Write the minutes of this meeting").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Minutes of the meeting held at 2.00 pm on Thursday, 21 July 2016"
    )
    _axe(page, "minutes overview")

    # Attendance: members present or with apologies, the substitute, the others.
    page.get_by_role("link", name=re.compile("^Record attendance")).click()
    _axe(page, "attendance")
    for surname in MEMBERS_PRESENT + CABINET:
        group = page.get_by_role("group", name=re.compile("^" + re.escape(names[surname])))
        group.get_by_label("Present", exact=True).check()
    for surname in APOLOGIES:
        group = page.get_by_role("group", name=re.compile("^" + re.escape(names[surname])))
        group.get_by_label("Apologies", exact=True).check()
    page.get_by_label("Who chaired the meeting?").select_option(label=names["Mutton"])
    substitute = page.get_by_role("group", name="Substitute 1", exact=True)
    substitute.get_by_label("Substitute", exact=True).select_option(label=names["Lancaster"])
    substitute.get_by_label("Substitute for").select_option(label=names["Lucas"])
    for index, (category, surname, description, org_unit) in enumerate(OTHERS, start=1):
        row = page.get_by_role("group", name=f"Person attending {index}", exact=True)
        if row.count() == 0:
            page.get_by_role("button", name="Add another person").click()
            row = page.get_by_role("group", name=f"Person attending {index}", exact=True)
        row.get_by_label("Attended as").select_option(label=category)
        row.get_by_label("Person", exact=True).select_option(label=names[surname])
        if description:
            row.get_by_label("Organisation, role or description").fill(description)
        if org_unit:
            row.get_by_label("Directorate or service area (officers)").select_option(label=org_unit)
    page.get_by_role("button", name="Save attendance").click()
    expect(page.get_by_role("main")).to_contain_text("Attendance saved.")

    # Declarations: none were declared.
    page.get_by_role("link", name=re.compile("^Record declarations")).click()
    _axe(page, "declarations")
    page.get_by_role("button", name="Save declarations").click()
    expect(page.get_by_role("main")).to_contain_text("Saved: no interests were declared.")

    # The minutes, one per agenda item but apologies: 7 to 14, after June's 1 to 6.
    page.get_by_role("button", name="Start minutes from the agenda").click()
    expect(page.get_by_role("main")).to_contain_text("Minutes 7 to 14 started from the agenda.")
    rows = page.get_by_role("table").get_by_role("row")
    expect(rows).to_have_count(9)
    expect(rows.nth(1)).to_contain_text("7. Declarations of Interests")
    expect(rows.nth(8)).to_contain_text("14. Any Other Business")

    # At this meeting the board agreed the minutes of 16 June 2016.
    page.get_by_role("button", name=re.compile("agreed the minutes of 16 June 2016")).click()
    expect(page.get_by_role("main")).to_contain_text("agreed as a true record")

    for number, spec in MINUTES.items():
        page.get_by_role("link", name=f"Edit minute {number}", exact=True).click()
        expect(page.get_by_label("Minute number")).to_have_value(str(number))
        if number == 9:
            _axe(page, "minute editor")
        if number == 8:
            # The approval is already recorded in the minute: the officer keeps it and
            # adds the rest under it.
            expect(_narrative(page)).to_contain_text(AGREED)
        _fill_minute(page, number, spec)
        if number == 8:
            # Two paragraphs, sanitised, as the editor made them.
            manage = page.url
            page.get_by_role("link", name="Edit minute 8", exact=True).click()
            expect(_narrative(page).locator("p")).to_have_count(2)
            page.goto(manage)

    page.get_by_label("Meeting closed at").fill("4.00 pm")
    page.get_by_role("button", name="Save closing time").click()
    expect(page.get_by_role("main")).to_contain_text("Closing time saved.")

    # Publishing (and adding to the tracker) asks for the next meeting's packs to be
    # rebuilt; the tests' immediate task backend builds them before the page answers.
    page.set_default_timeout(180_000)
    page.get_by_role("button", name="Publish the draft minutes").click()
    expect(page.get_by_role("main")).to_contain_text("Draft minutes published.")
    expect(page.get_by_role("main")).to_contain_text("Published as draft minutes")

    # The flagged parts are on the tracker, once, in minute order.
    assert in_a_thread(lambda: _tracker_items_created(saved)) == [
        ("R", MINUTES[9]["parts"][0][0]),
        ("A", MINUTES[9]["parts"][1][0]),
        ("A", MINUTES[10]["parts"][0][0]),
        ("I", MINUTES[10]["parts"][1][0]),
        ("A", MINUTES[11]["parts"][0][0]),
        ("A", MINUTES[11]["parts"][1][0]),
    ]
    page.get_by_role("button", name="Add any newly flagged parts to the tracker").click()
    assert len(in_a_thread(lambda: _tracker_items_created(saved))) == 6
    page.set_default_timeout(10_000)

    # What a resident reads: the minutes as the pack of 15 September 2016 prints them.
    resident = new_page(bypass_csp=True)
    resident.goto(demo_site(saved["paths"]["meeting"]) + "#minutes")
    minutes = resident.locator("section", has=resident.locator("#minutes"))
    expect(minutes).to_contain_text(f"Minutes of the Meeting of {BOARD}")
    expect(minutes).to_contain_text("held at 2.00 pm on Thursday, 21 July 2016")
    expect(minutes).to_contain_text("Draft minutes")
    for block in (
        "Members",
        "Co-Opted Members",
        "Cabinet Members and Deputy Cabinet Members",
        "Invited",
        "Employees (by Directorate)",
        "Apologies",
    ):
        expect(minutes.locator("dt", has_text=re.compile(f"^{re.escape(block)}$"))).to_have_count(1)
    expect(minutes).to_contain_text("Councillor M Mutton (Chair)")
    expect(minutes).to_contain_text("Councillor R Lancaster (substitute for Councillor Lucas)")
    expect(minutes).to_contain_text("Mrs S Hanson")
    expect(minutes).to_contain_text("Councillor K Maton")
    expect(minutes).to_contain_text("Councillor Duggins – Leader Coventry City Council")
    expect(minutes).to_contain_text("C Coulson-Haggins, Resources Directorate")
    apologies = minutes.locator(".govuk-summary-list__row", has_text="Apologies")
    expect(apologies).to_contain_text(re.compile(r"Councillors N Akhtar, \w* ?Lucas and C Miks"))
    expect(apologies).to_contain_text("K Jones and R Potter")
    headings = minutes.locator(".scrutiny-minute h4")
    expect(headings).to_have_text(
        [
            "7. Declarations of Interests",
            "8. Minutes",
            "9. Serious Case Review",
            "10. Early Help Strategy Progress Report",
            "11. Improvement Board Progress Review",
            "12. Outstanding Issues",
            "13. Work Programme",
            "14. Any Other Business",
        ]
    )
    expect(resident.locator("#minute-7")).to_contain_text(
        re.compile("There were no disclosable pecuniary interests", re.I)
    )
    expect(resident.locator("#minute-8")).to_contain_text(AGREED)
    expect(resident.locator("#minute-8")).to_contain_text(
        "RESOLVED that if any other Scrutiny Member would like to join the Task and Finish "
        "Group they would contact the Chair"
    )
    expect(resident.locator("#minute-9")).to_contain_text(
        "1. The Scrutiny Board note the recommendations"
    )
    expect(resident.locator("#minute-10")).to_contain_text(
        "2. the Board requested that officers investigate"
    )
    expect(resident.locator("#minute-11")).to_contain_text("RESOLVED that the Board requested")
    expect(resident.locator("#minute-11")).to_contain_text(
        "b) A letter of thanks be sent to Mark Rogers"
    )
    bold = resident.locator("#minute-11 .govuk-\\!-font-weight-bold").first
    expect(bold).to_have_css("font-weight", "700")
    # "Further to Minute 3/16" leads to June's minute 3.
    link = resident.locator("#minute-11").get_by_role("link", name="Minute 3/16")
    expect(link).to_have_attribute("href", saved["paths"]["june"] + "#minute-3")
    expect(minutes).to_contain_text("(Meeting closed at 4.00 pm)")
    _axe(resident, "public minutes")

    # The minutes PDF, from the page's link, reads as the seed's pack prints them.
    _check_minutes_pdf(resident, demo_site)

    # June's minutes now show as approved at this meeting.
    resident.goto(demo_site(saved["paths"]["june"]))
    expect(resident.get_by_role("main")).to_contain_text("Approved at the meeting on")
