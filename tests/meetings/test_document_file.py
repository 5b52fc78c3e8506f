"""Uploaded PDFs are served through the access check on every request, never MEDIA_URL."""

import pytest
from django.core.files.base import ContentFile
from django.urls import reverse
from django.utils import timezone

from tests.factories import AgendaItemFactory, DocumentFactory, MeetingFactory

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.7\n% a tiny stand-in\n%%EOF\n"


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


def upload(meeting, **details):
    item = AgendaItemFactory(meeting=meeting, **details.pop("item", {}))
    document = DocumentFactory.build(
        agenda_item=item, source="uploaded", title='Budget "Report" 2016/17', **details
    )
    document.position = 1
    document.file.save("../../etc/evil name.pdf", ContentFile(PDF), save=False)
    document.save()
    return document


@pytest.fixture
def uploaded(council, board):
    return upload(MeetingFactory(board=board, published=True))


@pytest.fixture
def restricted(council, board):
    return upload(
        MeetingFactory(board=board, published=True),
        item={"private": True},
        is_restricted=True,
        exempt_paragraphs=(3,),
    )


def url(document) -> str:
    return reverse("meetings:document_file", args=[document.pk])


def test_it_serves_the_pdf_with_a_safe_name(public, uploaded):
    response = public.get(url(uploaded))

    assert response.status_code == 200
    assert b"".join(response.streaming_content) == PDF
    assert response["Content-Type"] == "application/pdf"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert 'filename="budget-report-201617.pdf"' in response["Content-Disposition"]
    assert "evil" not in response["Content-Disposition"]


def test_it_refuses_a_post(public, uploaded):
    assert public.post(url(uploaded)).status_code == 405


@pytest.mark.parametrize(
    ("persona", "status"),
    [
        ("public", 404),
        ("other_member_client", 404),
        ("member_client", 200),
        ("officer_client", 200),
        ("coordinator_client", 200),
    ],
)
def test_a_restricted_pdf_is_served_only_to_its_boards_members_and_officers(
    request, restricted, persona, status
):
    assert request.getfixturevalue(persona).get(url(restricted)).status_code == status


@pytest.mark.parametrize(("persona", "status"), [("member_client", 404), ("officer_client", 200)])
def test_a_pdf_of_an_unpublished_meeting_is_served_only_to_officers(
    request, council, board, persona, status
):
    document = upload(MeetingFactory(board=board))

    assert request.getfixturevalue(persona).get(url(document)).status_code == status


def test_a_withdrawn_pdf_answers_404(officer_client, uploaded):
    uploaded.withdrawn_at = timezone.now()
    uploaded.save()

    assert officer_client.get(url(uploaded)).status_code == 404


def test_a_document_without_a_file_answers_404(public, council, board):
    document = DocumentFactory(agenda_item__meeting=MeetingFactory(board=board, published=True))

    assert public.get(url(document)).status_code == 404
