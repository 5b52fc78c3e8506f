"""Writing a paper in the browser, editing it, its appendices, order, withdrawal, history.

Hostile HTML posted from the editor is sanitised on save; a second officer saving an
older version is told of the conflict and keeps their text.
"""

import datetime

import pytest
from django.urls import reverse

from meetings.models import Document
from meetings.signals import document_changed
from tests.document_files import assert_within_allow_list
from tests.factories import AgendaItemFactory, DocumentFactory, MeetingFactory, UserFactory

pytestmark = pytest.mark.django_db

HOSTILE = (
    "<h2 onclick=\"alert('h')\">1 Purpose of the Note</h2>"
    "<p style=\"position:fixed;top:0\">Intro <script>alert('x')</script>"
    "<a href=\"javascript:alert('l')\">bad link</a> "
    '<a href="https://www.gov.uk/haf" onmouseover="alert(1)">good link</a> '
    '<a href="mailto:tom.robinson@coventry.gov.uk">Tom</a></p>'
    '<img src="file:///etc/passwd" alt="passwd">'
    '<img src="http://127.0.0.1:9/beacon.png" alt="beacon">'
    '<img src="data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+" alt="svg">'
    '<img src="data:image/png;base64,iVBORw0KGgo=" alt="A chart" onerror="alert(2)">'
    '<iframe src="https://example.com"></iframe><style>body{display:none}</style>'
    "<ul><li>one</li><li>two</li></ul>"
    '<table><thead><tr><th scope="col">Year</th></tr></thead><tbody><tr><td>2024</td></tr>'
    "</tbody></table><b>bold</b> <strong>strong</strong> <em>em</em>"
)


@pytest.fixture
def meeting(board):
    return MeetingFactory(board=board, date=datetime.date(2024, 11, 28))


@pytest.fixture
def item(meeting):
    return AgendaItemFactory(meeting=meeting, title="Coventry Holiday Activities and Food")


def _written(**overrides) -> dict:
    data = {
        "kind": "briefing_note",
        "heading": "Briefing note",
        "to_line": "Education and Children's Services Scrutiny Board (2)",
        "document_date_0": "28",
        "document_date_1": "11",
        "document_date_2": "2024",
        "title": "Coventry Holiday Activities and Food programme",
        "body_html": "<h2>1 Purpose of the Note</h2><p>This note provides an update.</p>",
        "authors-TOTAL_FORMS": "2",
        "authors-INITIAL_FORMS": "2",
        "authors-MIN_NUM_FORMS": "0",
        "authors-MAX_NUM_FORMS": "10",
        "authors-0-name": "Adrian Coles",
        "authors-0-job_title": "Education Programme Manager",
        "authors-0-contact": "Adrian.Coles@coventry.gov.uk",
        "authors-1-name": "",
        "authors-1-job_title": "",
        "authors-1-contact": "",
    }
    data.update(overrides)
    return data


def _add(client, item, **overrides):
    return client.post(
        reverse("meetings:document_add", args=[item.pk]) + "?how=write", _written(**overrides)
    )


def test_the_add_page_asks_how(officer_client, item):
    response = officer_client.get(reverse("meetings:document_add", args=[item.pk]))

    text = response.content.decode()
    assert response.status_code == 200
    for choice in ("Write it here", "Import a Word file (.docx)", "Upload a PDF"):
        assert choice in text
    missing = officer_client.get(reverse("meetings:document_add", args=[item.pk]), {"how": ""})
    assert missing.status_code == 400
    assert "Choose how to add the paper" in missing.content.decode()


def test_an_officer_writes_a_briefing_note(
    officer_client, officer, item, django_capture_on_commit_callbacks
):
    heard = []
    document_changed.connect(lambda **kwargs: heard.append(kwargs), weak=False, dispatch_uid="t")
    try:
        with django_capture_on_commit_callbacks(execute=True):
            response = _add(officer_client, item)
    finally:
        document_changed.disconnect(dispatch_uid="t")

    assert response.status_code == 302
    document = Document.objects.get()
    assert document.source == Document.Source.AUTHORED
    assert document.heading == "Briefing note"
    assert document.to_line.startswith("Education and Children")
    assert document.document_date == datetime.date(2024, 11, 28)
    assert document.position == 1
    assert [(a.name, a.job_title, a.contact) for a in document.authors.all()] == [
        ("Adrian Coles", "Education Programme Manager", "Adrian.Coles@coventry.gov.uk")
    ]
    assert document.history.get().history_user == officer
    assert [h["document"] for h in heard] == [document]


def test_hostile_html_from_the_editor_is_sanitised_on_save(officer_client, item):
    _add(officer_client, item, body_html=HOSTILE)

    body = Document.objects.get().body_html
    assert_within_allow_list(body)
    assert "<h2>1 Purpose of the Note</h2>" in body
    assert '<a href="https://www.gov.uk/haf">good link</a>' in body
    assert '<a href="mailto:tom.robinson@coventry.gov.uk">Tom</a>' in body
    assert '<img src="data:image/png;base64,iVBORw0KGgo=" alt="A chart">' in body
    assert body.count("<img") == 1
    assert "<ul><li>one</li><li>two</li></ul>" in body
    assert '<th scope="col">Year</th>' in body and "<thead>" in body
    assert "<strong>strong</strong>" in body and "<em>em</em>" in body
    assert "iframe" not in body and "display:none" not in body


def test_hostile_html_is_not_echoed_back_when_the_form_has_an_error(officer_client, item):
    response = _add(officer_client, item, body_html=HOSTILE, title="")

    assert response.status_code == 400
    text = response.content.decode()
    assert "Enter the subject of the paper" in text
    assert "alert(" not in text and "file:///" not in text
    assert "1 Purpose of the Note" in text  # the officer's text is kept, cleaned
    assert not Document.objects.exists()


def test_text_typed_without_the_editor_becomes_paragraphs(officer_client, item):
    _add(officer_client, item, body_html="1 Purpose\r\n\r\nFirst line\r\nsecond line & more")

    assert Document.objects.get().body_html == (
        "<p>1 Purpose</p><p>First line<br>second line &amp; more</p>"
    )


def test_a_restricted_paper_needs_its_paragraphs(officer_client, item):
    response = _add(officer_client, item, is_restricted="on")

    assert response.status_code == 400
    assert "Choose the Schedule 12A paragraphs" in response.content.decode()
    assert not Document.objects.exists()
    _add(officer_client, item, is_restricted="on", exempt_paragraphs=["1", "3"])
    document = Document.objects.get()
    assert document.is_restricted and document.exempt_paragraphs == (1, 3)


def test_an_empty_body_is_refused(officer_client, item):
    response = _add(officer_client, item, body_html="<p> </p><script>x</script>")

    assert response.status_code == 400
    assert "Enter the text of the paper" in response.content.decode()


# --- Conflicts -------------------------------------------------------------------------


def _edit_data(document, **overrides) -> dict:
    data = _written(
        version=str(document.version),
        **{"authors-TOTAL_FORMS": "1", "authors-INITIAL_FORMS": "1"},
    )
    data.update(overrides)
    return data


def test_the_second_officer_is_told_of_the_conflict_and_keeps_their_text(officer_client, item, db):
    document = DocumentFactory(agenda_item=item, body_html="<p>The original text.</p>")
    second = UserFactory(username="second", role="officer")
    from django.test import Client

    second_client = Client()
    second_client.force_login(second)
    url = reverse("meetings:document_edit", args=[document.pk])
    assert officer_client.get(url).status_code == 200  # both open version 1

    first = officer_client.post(
        url, _edit_data(document, body_html="<p>The first officer's text.</p>")
    )
    assert first.status_code == 302
    response = second_client.post(
        url,
        _edit_data(document, body_html="<p>The second officer's careful rewrite.</p>"),
    )

    assert response.status_code == 409
    text = response.content.decode()
    assert "Your changes have not been saved yet" in text
    # Their text is in the form, not lost; the saved text is not overwritten.
    assert "The second officer&#x27;s careful rewrite." in text
    document.refresh_from_db()
    assert document.body_html == "<p>The first officer's text.</p>"
    assert document.version == 2
    # They can see what changed: lines only in the saved version, and only in theirs.
    assert "Only in the saved version" in text
    assert "<del>The first officer&#x27;s text.</del>" in text
    assert "<ins>The second officer&#x27;s careful rewrite.</ins>" in text
    # The form now carries the saved version: saving again applies their text on top.
    assert 'name="version" value="2"' in text
    again = second_client.post(
        url,
        _edit_data(document, body_html="<p>The second officer's careful rewrite.</p>"),
    )
    assert again.status_code == 302
    document.refresh_from_db()
    assert document.body_html == "<p>The second officer's careful rewrite.</p>"
    assert document.version == 3


def test_a_conflict_on_the_details_lists_them(officer_client, item):
    document = DocumentFactory(agenda_item=item, title="Old title")
    url = reverse("meetings:document_edit", args=[document.pk])
    officer_client.post(url, _edit_data(document, title="Title A"))

    response = officer_client.post(url, _edit_data(document, title="Title B"))

    assert response.status_code == 409
    text = response.content.decode()
    assert "Saved: Title A<br>Yours: Title B" in text


# --- Appendices, order, withdrawal ---------------------------------------------------------


def _appendix(client, parent, title, **overrides):
    return client.post(
        reverse("meetings:document_add_appendix", args=[parent.pk]) + "?how=write",
        _written(title=title, heading="", **overrides),
    )


def test_appendices_follow_their_paper_in_order(officer_client, item):
    first = DocumentFactory(agenda_item=item, title="HAF note")
    second = DocumentFactory(agenda_item=item, title="Workforce note")

    _appendix(officer_client, first, "Summer holiday providers")
    _appendix(officer_client, first, "Locations and venues")
    _appendix(officer_client, second, "Vacancy rates")

    order = list(item.documents.order_by("position").values_list("title", "kind"))
    assert order == [
        ("HAF note", "briefing_note"),
        ("Summer holiday providers", "appendix"),
        ("Locations and venues", "appendix"),
        ("Workforce note", "briefing_note"),
        ("Vacancy rates", "appendix"),
    ]
    page = officer_client.get(
        reverse("meetings:document_add_appendix", args=[first.pk]), {"how": "write"}
    )
    assert 'value="Appendix 3"' in page.content.decode()


def test_an_appendix_cannot_have_appendices(officer_client, item):
    paper = DocumentFactory(agenda_item=item)
    appendix = DocumentFactory(agenda_item=item, parent=paper, kind="appendix")

    response = officer_client.get(reverse("meetings:document_add_appendix", args=[appendix.pk]))

    assert response.status_code == 404


def test_papers_move_with_their_appendices_and_appendices_among_themselves(officer_client, item):
    first = DocumentFactory(agenda_item=item, title="A")
    DocumentFactory(agenda_item=item, title="A1", parent=first, kind="appendix")
    a2 = DocumentFactory(agenda_item=item, title="A2", parent=first, kind="appendix")
    second = DocumentFactory(agenda_item=item, title="B")

    def order():
        return list(item.documents.order_by("position").values_list("title", flat=True))

    response = officer_client.post(
        reverse("meetings:document_move", args=[second.pk]), {"direction": "up"}
    )
    assert response.status_code == 302
    assert order() == ["B", "A", "A1", "A2"]
    officer_client.post(reverse("meetings:document_move", args=[a2.pk]), {"direction": "up"})
    assert order() == ["B", "A", "A2", "A1"]
    # At the top already: nothing moves.
    officer_client.post(reverse("meetings:document_move", args=[second.pk]), {"direction": "up"})
    assert order() == ["B", "A", "A2", "A1"]
    assert (
        officer_client.post(
            reverse("meetings:document_move", args=[second.pk]), {"direction": "sideways"}
        ).status_code
        == 404
    )
    assert (
        officer_client.get(reverse("meetings:document_move", args=[second.pk])).status_code == 405
    )
    # The move is in the history, with who did it; the temporary positions are not.
    positions = list(second.history.order_by("history_date").values_list("position", flat=True))
    assert positions == [4, 1]  # created 4th (after A and its appendices), then moved to 1


def test_the_list_page_shows_papers_in_pack_order_with_buttons(officer_client, item):
    paper = DocumentFactory(agenda_item=item, title="HAF note")
    DocumentFactory(
        agenda_item=item, title="Providers", parent=paper, kind="appendix", restricted=True
    )

    response = officer_client.get(reverse("meetings:document_list", args=[item.pk]))

    text = response.content.decode()
    assert response.status_code == 200
    assert text.index("HAF note") < text.index("Providers")
    assert "Restricted, paragraphs 1, 3" in text
    assert reverse("meetings:document_move", args=[paper.pk]) not in text  # alone: stays put
    assert reverse("meetings:document_edit", args=[paper.pk]) in text
    assert reverse("meetings:document_add_appendix", args=[paper.pk]) in text


def test_withdrawing_keeps_the_record_and_takes_the_appendices(officer_client, item, officer):
    paper = DocumentFactory(agenda_item=item)
    appendix = DocumentFactory(agenda_item=item, parent=paper, kind="appendix")
    url = reverse("meetings:document_withdraw", args=[paper.pk])

    assert officer_client.get(url).status_code == 200
    assert officer_client.post(url).status_code == 302

    paper.refresh_from_db()
    appendix.refresh_from_db()
    assert paper.withdrawn_at is not None and appendix.withdrawn_at == paper.withdrawn_at
    assert paper.history.latest().history_user == officer
    officer_client.post(reverse("meetings:document_restore", args=[paper.pk]))
    paper.refresh_from_db()
    appendix.refresh_from_db()
    assert paper.withdrawn_at is None and appendix.withdrawn_at is None


def test_history_shows_who_changed_what_and_when(officer_client, item, officer):
    _add(officer_client, item)
    document = Document.objects.get()
    officer_client.post(
        reverse("meetings:document_edit", args=[document.pk]),
        _edit_data(document, title="A new subject", is_restricted="on", exempt_paragraphs=["3"]),
    )

    response = officer_client.get(reverse("meetings:document_history", args=[document.pk]))

    text = response.content.decode()
    assert response.status_code == 200
    assert "Subject: “Coventry Holiday Activities and Food programme” → “A new subject”" in text
    assert "Schedule 12A paragraphs: “none” → “3”" in text
    assert "Restricted (exempt information): “no” → “yes”" in text
    assert "Added (Written in the browser)" in text
    assert text.count(officer.get_username()) >= 2


def test_an_uploaded_paper_edits_its_details_only(officer_client, item, settings, tmp_path):
    from django.core.files.base import ContentFile

    from tests.document_files import pdf_bytes

    settings.MEDIA_ROOT = tmp_path
    document = DocumentFactory(
        agenda_item=item,
        source=Document.Source.UPLOADED,
        body_html="",
        file=ContentFile(pdf_bytes(), name="x.pdf"),
    )
    url = reverse("meetings:document_edit", args=[document.pk])

    page = officer_client.get(url)
    assert "body_html" not in page.content.decode()
    assert "Replace the PDF file" in page.content.decode()
    response = officer_client.post(
        url, {"kind": "report", "title": "Renamed", "version": str(document.version)}
    )

    assert response.status_code == 302
    document.refresh_from_db()
    assert (document.kind, document.title, document.version) == ("report", "Renamed", 2)


def test_the_list_page_queries_do_not_grow_with_papers(officer_client, item):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    def count() -> int:
        with CaptureQueriesContext(connection) as queries:
            assert (
                officer_client.get(reverse("meetings:document_list", args=[item.pk])).status_code
                == 200
            )
        return len(queries)

    paper = DocumentFactory(agenda_item=item)
    DocumentFactory(agenda_item=item, parent=paper, kind="appendix")
    count()  # the first request also loads what is cached afterwards (the council)
    few = count()
    for _ in range(4):
        other = DocumentFactory(agenda_item=item, restricted=True)
        DocumentFactory(agenda_item=item, parent=other, kind="appendix")

    assert count() == few
