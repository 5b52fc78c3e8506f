"""axe-core on every page an officer has (issues 4 and 6: "0 violations on every officer
page", "on every minutes page"), not only on those the journeys happen to visit.

The list of pages comes from the URL classification (tests/test_url_classification.py):
every URL name classified "officer" is either swept here (SWEEP: how to build its paths
from the demo data), or listed in NOT_PAGES with the reason it has no page to check (it
only accepts POST, or it answers with a file). A new officer URL in neither fails
`test_every_officer_url_is_swept`; the POST-only ones are checked to refuse GET.

One browser context signs in once as the demo `officer` and visits every page at
1280 px; the dashboard, the agenda builder, the document editor and the minute editor
also at 375 px; and the error state of the cheap forms (an empty meeting, agenda item,
written paper) once each. Read-only: the only rows added are an uploaded PDF paper (the
demo has none, and only an uploaded paper has a "replace the PDF" page) and four upcoming
meetings (the demo's are all past, and the dashboard lists only upcoming ones), created
before the browser starts and deleted with their file and history afterwards; the
error-state submits create nothing.
"""

import datetime
import io
import re
from collections.abc import Callable

import pikepdf
import pytest
from django.test.utils import override_settings
from django.urls import reverse
from django.utils import timezone
from playwright.sync_api import expect

from tests.browser.support import DESKTOP, PASSWORDS, PHONE
from tests.browser.test_accessibility import check
from tests.browser.test_tracker_journey import in_a_thread
from tests.test_url_classification import CLASSIFICATION

BOARD = "Education and Children's Services Scrutiny Board (2)"

# Officer URL names with no page for axe to check, and why.
NOT_PAGES = {
    "meetings:item_move": "POST only: the builder's move up/down buttons",
    "meetings:document_move": "POST only: the paper list's move up/down buttons",
    "meetings:document_restore": "POST only: the restore button of a withdrawn paper",
    "meetings:minutes_start": "POST only: the minutes page's start-from-the-agenda button",
    "meetings:minutes_closed_at": "POST only: the minutes page's closing-time form",
    "meetings:minutes_publish": "POST only: the minutes page's publish button",
    "meetings:minutes_approve": "POST only: the minutes page's approve button",
    "recommendations:trackeritem_respond": "POST only: the tracker item's response form",
    "recommendations:tracker_csv": "a CSV download, not a page",
}
POST_ONLY = {name for name, reason in NOT_PAGES.items() if reason.startswith("POST only")}


def _path(name: str, *args, query: str = "") -> str:
    return reverse(name, args=args) + query


# "Add a paper" first asks how, then shows the form for the answer (?how=).
HOWS = [("", ""), ("write", "?how=write"), ("word", "?how=word"), ("pdf", "?how=pdf")]

# URL name → the demo objects' ids (`ids` below) → the (label, path) pairs to check.
SWEEP: dict[str, Callable[[dict], list[tuple[str, str]]]] = {
    "meetings:dashboard": lambda ids: [("dashboard", _path("meetings:dashboard"))],
    "meetings:meeting_create": lambda ids: [
        ("meeting create", _path("meetings:meeting_create")),
        ("meeting create for a board", _path("meetings:meeting_create", query=ids["board_q"])),
    ],
    "meetings:meeting_schedule": lambda ids: [("schedule", _path("meetings:meeting_schedule"))],
    "meetings:agenda_builder": lambda ids: [
        ("agenda builder", _path("meetings:agenda_builder", ids["meeting"])),
        ("agenda builder, no items", _path("meetings:agenda_builder", ids["empty_meeting"])),
    ],
    "meetings:meeting_edit": lambda ids: [
        ("meeting edit", _path("meetings:meeting_edit", ids["meeting"]))
    ],
    "meetings:meeting_cancel": lambda ids: [
        ("meeting cancel", _path("meetings:meeting_cancel", ids["empty_meeting"]))
    ],
    "meetings:meeting_move": lambda ids: [
        ("meeting move", _path("meetings:meeting_move", ids["empty_meeting"]))
    ],
    "meetings:meeting_history": lambda ids: [
        ("meeting history", _path("meetings:meeting_history", ids["meeting"]))
    ],
    "meetings:item_add": lambda ids: [
        ("item add", _path("meetings:item_add", ids["meeting"])),
        ("item add, private", _path("meetings:item_add", ids["meeting"], query="?section=private")),
    ],
    "meetings:item_edit": lambda ids: [("item edit", _path("meetings:item_edit", ids["item"]))],
    "meetings:item_delete": lambda ids: [
        ("item delete", _path("meetings:item_delete", ids["item"]))
    ],
    "meetings:publication_check": lambda ids: [
        ("publication check, published", _path("meetings:publication_check", ids["meeting"])),
        ("publication check, empty", _path("meetings:publication_check", ids["empty_meeting"])),
    ],
    "meetings:document_list": lambda ids: [
        ("document list", _path("meetings:document_list", ids["item"]))
    ],
    "meetings:document_add": lambda ids: [
        (
            f"document add {how or 'choose how'}",
            _path("meetings:document_add", ids["item"], query=q),
        )
        for how, q in HOWS
    ],
    "meetings:document_add_appendix": lambda ids: [
        (
            f"appendix add {how or 'choose how'}",
            _path("meetings:document_add_appendix", ids["document"], query=q),
        )
        for how, q in HOWS
    ],
    "meetings:document_edit": lambda ids: [
        ("document edit", _path("meetings:document_edit", ids["document"])),
        ("document edit, restricted", _path("meetings:document_edit", ids["restricted"])),
    ],
    "meetings:document_replace": lambda ids: [
        ("document replace", _path("meetings:document_replace", ids["uploaded"]))
    ],
    "meetings:document_withdraw": lambda ids: [
        ("document withdraw", _path("meetings:document_withdraw", ids["document"]))
    ],
    "meetings:document_history": lambda ids: [
        ("document history", _path("meetings:document_history", ids["document"]))
    ],
    "meetings:minutes_manage": lambda ids: [
        ("minutes manage", _path("meetings:minutes_manage", ids["minuted"])),
        ("minutes manage, none yet", _path("meetings:minutes_manage", ids["meeting"])),
    ],
    "meetings:attendance_edit": lambda ids: [
        ("attendance", _path("meetings:attendance_edit", ids["minuted"]))
    ],
    "meetings:declaration_edit": lambda ids: [
        ("declarations", _path("meetings:declaration_edit", ids["minuted"]))
    ],
    "meetings:minute_add": lambda ids: [
        ("minute add", _path("meetings:minute_add", ids["minuted"]))
    ],
    "meetings:minute_edit": lambda ids: [
        ("minute edit", _path("meetings:minute_edit", ids["minuted"], ids["minute"]))
    ],
    "meetings:minute_delete": lambda ids: [
        ("minute delete", _path("meetings:minute_delete", ids["minuted"], ids["minute"]))
    ],
    "recommendations:tracker": lambda ids: [
        ("tracker", _path("recommendations:tracker")),
    ],
    "recommendations:trackeritem_detail": lambda ids: [
        ("tracker item", _path("recommendations:trackeritem_detail", ids["trackeritem"]))
    ],
    "recommendations:trackeritem_edit": lambda ids: [
        ("tracker item edit", _path("recommendations:trackeritem_edit", ids["trackeritem"]))
    ],
    "recommendations:trackeritem_create_from_part": lambda ids: [
        (
            "tracker item from a minute",
            _path("recommendations:trackeritem_create_from_part", query=f"?minute={ids['minute']}"),
        )
    ],
}

# Checked again at 375 px: the pages an officer is likeliest to use on a phone (the
# dashboard and the minutes page scrolled sideways there with their tables filled in).
PHONE_PAGES = ["dashboard", "agenda builder", "document edit", "minutes manage", "minute edit"]

OFFICER_NAMES = sorted(name for name, kind in CLASSIFICATION.items() if kind == "officer")


def test_every_officer_url_is_swept():
    """A new officer URL fails here until it is swept below or said to have no page."""
    assert sorted(set(SWEEP) | set(NOT_PAGES)) == OFFICER_NAMES


# --- The demo objects, looked up (and the one uploaded paper made) before Playwright ---


def _small_pdf() -> bytes:
    pdf = pikepdf.new()
    pdf.add_blank_page(page_size=(595, 842))
    buffer = io.BytesIO()
    pdf.save(buffer)
    return buffer.getvalue()


def _ids() -> dict:
    from django.core.files.base import ContentFile

    from boards.models import Board
    from meetings.models import AgendaItem, Document, Meeting, Minute
    from recommendations.models import TrackerItem

    board = Board.objects.get(name=BOARD)
    meeting = Meeting.objects.get(board=board, date=datetime.date(2024, 11, 28))
    minuted = Meeting.objects.get(board=board, date=datetime.date(2024, 10, 17))
    empty = Meeting.objects.get(board=board, date=datetime.date(2025, 1, 16))
    assert not AgendaItem.objects.filter(meeting=empty).exists()
    document = Document.objects.get(
        agenda_item__meeting=meeting,
        title__iexact="Coventry Holiday Activities and Food programme",
    )
    restricted = Document.objects.filter(
        agenda_item__meeting=meeting, is_restricted=True, parent__isnull=True
    ).first()
    minute = Minute.objects.filter(meeting=minuted, resolution__isnull=False).first()
    # The demo has no uploaded paper; one on an item of the held meeting of 17 October.
    # Saved without the services, so that nothing asks for a pack rebuild.
    item = AgendaItem.objects.filter(meeting=minuted).order_by("number").last()
    uploaded = Document(
        agenda_item=item,
        position=item.documents.count() + 1,
        kind=Document.Kind.REPORT,
        source=Document.Source.UPLOADED,
        title="Accessibility sweep PDF",
        original_filename="sweep.pdf",
        page_count=1,
    )
    uploaded.file.save("sweep.pdf", ContentFile(_small_pdf()), save=False)
    uploaded.save()
    # The demo's meetings are all past, so the dashboard would be empty: upcoming meetings
    # late, due soon, on time and published, so that every status tag is checked.
    today = timezone.localdate()
    upcoming = [
        Meeting.objects.create(
            board=board,
            municipal_year=meeting.municipal_year,
            date=today + datetime.timedelta(days=days),
            start_time=meeting.start_time,
            venue=meeting.venue,
            moved_from_date=today if days == 9 else None,
            status=Meeting.Status.MOVED if days == 9 else Meeting.Status.SCHEDULED,
            agenda_published_at=timezone.now() if days == 4 else None,
        ).pk
        for days in (2, 4, 9, 60)
    ]
    return {
        "upcoming": upcoming,
        "board_q": f"?board={board.slug}",
        "meeting": meeting.pk,
        "empty_meeting": empty.pk,
        "minuted": minuted.pk,
        "item": document.agenda_item_id,
        "document": document.pk,
        "restricted": restricted.pk,
        "uploaded": uploaded.pk,
        "minute": minute.pk,
        "trackeritem": TrackerItem.objects.order_by("pk").first().pk,
    }


def _delete_added(ids: dict) -> None:
    from meetings.models import Document, Meeting

    document = Document.objects.get(pk=ids["uploaded"])
    document.file.delete(save=False)
    document.delete()
    Document.history.filter(id=ids["uploaded"]).delete()
    Meeting.objects.filter(pk__in=ids["upcoming"]).delete()
    Meeting.history.filter(id__in=ids["upcoming"]).delete()


def _counts() -> dict[str, int]:
    """The rows of every model of the three apps, their history included."""
    from django.apps import apps

    return {
        model._meta.label: model._default_manager.count()
        for app in ["boards", "meetings", "recommendations"]
        for model in apps.get_app_config(app).get_models()
    }


@pytest.fixture(scope="module")
def sweep(demo_site, tmp_path_factory) -> dict:
    """The ids, and every (label, path) to check, by URL name. The demo is as it was after."""
    with override_settings(MEDIA_ROOT=tmp_path_factory.mktemp("media")):
        before = in_a_thread(_counts)
        ids = in_a_thread(_ids)
        try:
            yield {
                "ids": ids,
                "pages": {name: build(ids) for name, build in SWEEP.items()},
                "post_only": {name: _post_only_path(name, ids) for name in POST_ONLY},
            }
        finally:
            in_a_thread(lambda: _delete_added(ids))
        after = in_a_thread(_counts)
    assert {k: (v, after[k]) for k, v in before.items() if after[k] != v} == {}


def _post_only_path(name: str, ids: dict) -> str:
    args = {
        "meetings:item_move": [ids["item"]],
        "meetings:document_move": [ids["document"]],
        "meetings:document_restore": [ids["document"]],
        "recommendations:trackeritem_respond": [ids["trackeritem"]],
    }.get(name, [ids["minuted"]])
    return reverse(name, args=args)


@pytest.fixture(scope="module")
def officer(browser, demo_site, sweep):
    """One context, one sign-in, for every page of the module."""
    context = browser.new_context(
        viewport=DESKTOP, locale="en-GB", timezone_id="Europe/London", bypass_csp=True
    )
    context.set_default_timeout(10_000)
    page = context.new_page()
    page.goto(demo_site("login"))
    page.get_by_label(re.compile("user ?name", re.I)).fill("officer")
    page.get_by_label(re.compile("password", re.I)).fill(PASSWORDS["officer"])
    page.get_by_role("button", name=re.compile(r"^sign in$", re.I)).click()
    expect(
        page.get_by_role("button", name=re.compile(r"^sign out$", re.I), include_hidden=True)
    ).to_have_count(1)
    yield page
    context.close()


@pytest.fixture
def officer_page(officer):
    officer.set_viewport_size(DESKTOP)
    return officer


def _visit(page, demo_site, path: str, label: str) -> None:
    response = page.goto(demo_site(path))
    assert response.status == 200, f"{label}: {path} answered {response.status}"
    expect(page.get_by_role("heading", level=1)).not_to_have_text(re.compile("sign in", re.I))


@pytest.mark.parametrize("name", sorted(SWEEP))
def test_the_officer_page_has_no_accessibility_violations(officer_page, demo_site, sweep, name):
    for label, path in sweep["pages"][name]:
        _visit(officer_page, demo_site, path, label)
        if name == "meetings:dashboard":  # With the rows, not "No meetings are coming up".
            statuses = officer_page.locator("[data-status]")
            expect(statuses).to_have_count(len(sweep["ids"]["upcoming"]))
            assert set(statuses.evaluate_all("tags => tags.map(t => t.dataset.status)")) == {
                "late",
                "due-soon",
                "on-time",
                "published",
            }
        check(officer_page, label, "desktop")


@pytest.mark.parametrize("label", PHONE_PAGES)
def test_the_officer_page_has_no_accessibility_violations_on_a_phone(
    officer_page, demo_site, sweep, label
):
    paths = dict(pair for pairs in sweep["pages"].values() for pair in pairs)
    officer_page.set_viewport_size(PHONE)
    _visit(officer_page, demo_site, paths[label], label)
    check(officer_page, label, "phone")


def test_the_post_only_urls_refuse_get(officer_page, demo_site, sweep):
    """What NOT_PAGES says is true: these have no page an officer could open."""
    answers = {
        name: officer_page.request.get(demo_site(path), max_redirects=0).status
        for name, path in sweep["post_only"].items()
    }
    assert answers == dict.fromkeys(POST_ONLY, 405)


# The cheap error states: the form submitted empty shows its errors, and saves nothing.
ERROR_FORMS = {
    "meeting create": ("meetings:meeting_create", "meeting create"),
    "item add": ("meetings:item_add", "item add"),
    "written paper": ("meetings:document_add", "document add write"),
}


@pytest.mark.parametrize("form", ERROR_FORMS)
def test_the_form_error_state_has_no_accessibility_violations(officer_page, demo_site, sweep, form):
    name, label = ERROR_FORMS[form]
    path = dict(sweep["pages"][name])[label]
    page = officer_page
    _visit(page, demo_site, path, label)
    form_element = page.locator("main form[method=post]").last
    for field in form_element.locator(
        "input[type=text], input[type=date], input[type=time], input:not([type]), textarea"
    ).all():
        if field.is_visible() and field.is_editable():
            field.fill("")
    with page.expect_response(lambda response: response.request.method == "POST") as posted:
        form_element.locator("button[type=submit], button:not([type])").first.click()
    assert posted.value.status in {200, 400}, posted.value.status
    page.wait_for_load_state()
    expect(page.locator(".govuk-error-summary")).to_be_visible()
    check(page, f"{label} (errors)", "desktop")
