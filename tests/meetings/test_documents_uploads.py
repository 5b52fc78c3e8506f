"""Uploading a PDF and importing a Word file: checked before anything is kept.

A file that is refused gives its reason on the form, and leaves nothing behind: no row,
no file in MEDIA_ROOT. A good PDF is stored under a random name with its page count.
"""

import pytest
from django.urls import reverse

from meetings.models import Document
from tests.document_files import (
    DOCX_TYPE,
    assert_within_allow_list,
    hostile_docx,
    pdf_bytes,
    simple_docx,
    upload,
)
from tests.factories import AgendaItemFactory, DocumentFactory, MeetingFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


@pytest.fixture
def item(board):
    return AgendaItemFactory(
        meeting=MeetingFactory(board=board), title="Social Worker Recruitment and Retention"
    )


def _files(media) -> list:
    return [path for path in media.rglob("*") if path.is_file()] if media.exists() else []


def _post_pdf(client, item, data: bytes, name: str = "paper.pdf", **fields):
    return client.post(
        reverse("meetings:document_add", args=[item.pk]) + "?how=pdf",
        {
            "kind": "briefing_note",
            "title": "Workforce figures",
            "file": upload(data, name),
            **fields,
        },
    )


def test_a_good_pdf_is_stored_under_a_random_name_with_its_page_count(officer_client, item, media):
    response = _post_pdf(officer_client, item, pdf_bytes(pages=3), name="Secret plans.pdf")

    assert response.status_code == 302
    document = Document.objects.get()
    assert document.source == Document.Source.UPLOADED
    assert document.page_count == 3
    assert document.original_filename == "Secret plans.pdf"
    assert "Secret" not in document.file.name
    assert document.file.name.startswith("documents/") and document.file.name.endswith(".pdf")
    assert len(_files(media)) == 1
    served = officer_client.get(reverse("meetings:document_file", args=[document.pk]))
    assert b"".join(served.streaming_content).startswith(b"%PDF-")


@pytest.mark.parametrize(
    ("data", "name", "reason"),
    [
        (b"This is a plain text file, not a PDF.\n", "report.pdf", "not a PDF"),
        (simple_docx(), "report.pdf", "Word or other Office file"),
        (pdf_bytes(password="letmein"), "locked.pdf", "protected by a password"),
        (pdf_bytes(owner_only=True), "restricted.pdf", "encrypted"),
        (b"%PDF-1.7\n1 0 obj <</Type /Catalog /Pages 2 0 R", "broken.pdf", "damaged"),
        (b"", "empty.pdf", "empty"),
    ],
    ids=["renamed text file", "renamed Word file", "password", "encrypted", "broken", "empty"],
)
def test_a_bad_pdf_is_refused_with_its_reason_and_nothing_is_saved(
    officer_client, item, media, data, name, reason
):
    response = _post_pdf(officer_client, item, data, name=name)

    assert response.status_code == 400
    assert reason in response.content.decode()
    assert 'class="govuk-error-summary' in response.content.decode()
    # What the officer typed is kept.
    assert 'value="Workforce figures"' in response.content.decode()
    assert not Document.objects.exists()
    assert _files(media) == []


def test_an_oversized_file_is_refused_and_nothing_is_saved(officer_client, item, media, settings):
    settings.DOCUMENT_UPLOAD_MAX_BYTES = 2048
    data = pdf_bytes(pages=40)
    assert len(data) > 2048

    response = _post_pdf(officer_client, item, data)

    assert response.status_code == 400
    assert "it must be smaller than" in response.content.decode()
    assert not Document.objects.exists()
    assert _files(media) == []


def test_an_oversized_word_file_is_refused(officer_client, item, settings):
    settings.DOCUMENT_UPLOAD_MAX_BYTES = 1024

    response = officer_client.post(
        reverse("meetings:document_add", args=[item.pk]) + "?how=word",
        {"kind": "briefing_note", "title": "Big", "file": upload(hostile_docx(), "big.docx")},
    )

    assert response.status_code == 400
    assert "it must be smaller than" in response.content.decode()
    assert not Document.objects.exists()


def test_the_pdf_page_tells_the_officer_to_import_word_instead(officer_client, item):
    response = officer_client.get(reverse("meetings:document_add", args=[item.pk]) + "?how=pdf")

    text = response.content.decode()
    assert "cannot be made accessible in the agenda pack" in text
    assert reverse("meetings:document_add", args=[item.pk]) + "?how=word" in text


def test_a_failing_save_leaves_no_file_behind(officer, item, media, monkeypatch):
    from meetings import services

    checked = services.document_check_pdf(upload=upload(pdf_bytes()))

    def refuse(*args, **kwargs):
        raise RuntimeError("database went away")

    monkeypatch.setattr(services.documents, "_set_authors", refuse)
    with pytest.raises(RuntimeError):
        services.document_create(
            agenda_item=item,
            user=officer,
            source=Document.Source.UPLOADED,
            title="Workforce",
            pdf=checked,
        )

    assert not Document.objects.exists()
    assert _files(media) == []


def test_replacing_a_pdf_keeps_the_paper_and_counts_the_new_pages(officer_client, item, media):
    _post_pdf(officer_client, item, pdf_bytes(pages=1))
    document = Document.objects.get()

    response = officer_client.post(
        reverse("meetings:document_replace", args=[document.pk]),
        {"file": upload(pdf_bytes(pages=5), "v2.pdf"), "version": document.version},
    )

    assert response.status_code == 302
    document.refresh_from_db()
    assert document.page_count == 5
    assert document.original_filename == "v2.pdf"
    assert document.version == 2


def test_replacing_with_a_bad_file_changes_nothing(officer_client, item, media):
    _post_pdf(officer_client, item, pdf_bytes(pages=1))
    document = Document.objects.get()
    before = _files(media)

    response = officer_client.post(
        reverse("meetings:document_replace", args=[document.pk]),
        {"file": upload(pdf_bytes(password="x"), "v2.pdf"), "version": document.version},
    )

    assert response.status_code == 400
    assert "protected by a password" in response.content.decode()
    document.refresh_from_db()
    assert (document.page_count, document.version) == (1, 1)
    assert _files(media) == before


# --- Word -----------------------------------------------------------------------------


def test_a_hostile_word_file_comes_out_clean_with_its_structure_kept(officer_client, item):
    response = officer_client.post(
        reverse("meetings:document_add", args=[item.pk]) + "?how=word",
        {
            "kind": "briefing_note",
            "heading": "Briefing note",
            "title": "Coventry Holiday Activities and Food programme",
            "file": upload(hostile_docx(), "haf.docx", DOCX_TYPE),
        },
    )

    document = Document.objects.get()
    assert response.status_code == 302
    assert response.url == reverse("meetings:document_edit", args=[document.pk])
    assert document.source == Document.Source.IMPORTED
    assert document.original_filename == "haf.docx"
    body = document.body_html
    assert_within_allow_list(body)
    assert "<h2>1 Purpose of the Note</h2>" in body
    assert "<li>Receiving healthy and nutritious meals</li>" in body
    assert "<table>" in body and "Coventry Rugby" in body
    assert body.count('src="data:image/png;base64,') == 1  # the embedded one only
    assert '<a href="https://www.coventry.gov.uk/haf">the HAF page</a>' in body
    assert "&lt;script&gt;" in body  # the text is kept as text
    # The imported paper opens in the editor, and says what was left out.
    page = officer_client.get(response.url)
    assert "external file access is disabled" in page.content.decode()


@pytest.mark.parametrize(
    ("data", "name", "reason"),
    [
        (b"Not a Word file at all", "report.docx", "not a Word document"),
        (pdf_bytes(), "report.docx", "a PDF, not a Word file"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 100, "old.docx", "older Word file"),
    ],
    ids=["text", "pdf", "doc"],
)
def test_a_file_that_is_not_a_docx_is_refused(officer_client, item, data, name, reason):
    response = officer_client.post(
        reverse("meetings:document_add", args=[item.pk]) + "?how=word",
        {"kind": "briefing_note", "title": "Paper", "file": upload(data, name, DOCX_TYPE)},
    )

    assert response.status_code == 400
    assert reason in response.content.decode()
    assert not Document.objects.exists()


def test_a_zip_without_word_document_xml_is_refused(officer_client, item):
    import io
    import zipfile

    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("word/other.xml", "<x/>")
    response = officer_client.post(
        reverse("meetings:document_add", args=[item.pk]) + "?how=word",
        {"kind": "briefing_note", "title": "Paper", "file": upload(out.getvalue(), "x.docx")},
    )

    assert response.status_code == 400
    assert "not a Word document (.docx)" in response.content.decode()
    assert not Document.objects.exists()


def test_uploads_are_not_offered_for_written_papers(officer_client, item):
    document = DocumentFactory(agenda_item=item)

    response = officer_client.get(reverse("meetings:document_replace", args=[document.pk]))

    assert response.status_code == 404
