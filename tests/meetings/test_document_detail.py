"""The document page: the HTML twin of a paper, sanitised on render."""

import pytest
from django.utils import timezone

from meetings.models import DocumentAuthor
from tests.factories import AgendaItemFactory, DocumentFactory, MeetingFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def document(council, board):
    meeting = MeetingFactory(board=board, published=True)
    return DocumentFactory(
        agenda_item=AgendaItemFactory(meeting=meeting, title="Quality Assurance Auditing"),
        heading="Briefing note",
        to_line="Education and Children's Services Scrutiny Board (2)",
        title="Quality Assurance Audits",
        body_html="<h2>1 Purpose of the Note</h2><p>To inform the Board.</p>",
    )


@pytest.mark.parametrize(
    "persona", ["public", "other_member_client", "member_client", "officer_client"]
)
def test_a_public_document_answers_every_role(request, document, persona):
    assert request.getfixturevalue(persona).get(document.get_absolute_url()).status_code == 200


def test_the_document_page_refuses_a_post(public, document):
    assert public.post(document.get_absolute_url()).status_code == 405


def test_it_prints_the_heading_lines_and_body(public, document):
    text = public.get(document.get_absolute_url()).text

    assert "Briefing note" in text
    assert "Education and Children&#x27;s Services Scrutiny Board (2)" in text
    assert "Quality Assurance Audits" in text
    assert "<h2>1 Purpose of the Note</h2>" in text
    assert "Agenda Item 1</a>: Quality Assurance Auditing" in text


def test_it_sanitises_the_body_on_render(public, document):
    document.body_html = (
        '<p style="x" onclick="steal()">Text <a href="javascript:alert(1)">bad</a> '
        '<a href="https://www.coventry.gov.uk">good</a></p><script>alert(2)</script>'
        '<img src="file:///etc/passwd"><iframe src="https://example.org"></iframe>'
    )
    document.save()

    text = public.get(document.get_absolute_url()).text

    assert '<a href="https://www.coventry.gov.uk">good</a>' in text
    for forbidden in ["javascript:", "alert(2)", "steal()", "<img", "<iframe", 'style="x"']:
        assert forbidden not in text


def test_it_lists_the_authors_and_appendices(public, document):
    DocumentAuthor.objects.create(
        document=document, position=1, name="Gennie Holmes", job_title="Scrutiny Co-ordinator"
    )
    appendix = DocumentFactory(
        agenda_item=document.agenda_item, parent=document, heading="Appendix 1", title="Flow Chart"
    )

    text = public.get(document.get_absolute_url()).text

    assert "Gennie Holmes" in text and "Scrutiny Co-ordinator" in text
    assert f'href="{appendix.get_absolute_url()}">Appendix 1: Flow Chart' in text


def test_a_restricted_appendix_is_listed_only_for_those_who_may_see_it(
    public, member_client, document
):
    appendix = DocumentFactory(
        agenda_item=document.agenda_item, parent=document, restricted=True, title="Canary costs"
    )

    assert "Canary costs" not in public.get(document.get_absolute_url()).text
    assert "Canary costs" in member_client.get(document.get_absolute_url()).text
    assert public.get(appendix.get_absolute_url()).status_code == 404


def test_a_restricted_document_carries_the_schedule_12a_notice(member_client, document):
    document.is_restricted = True
    document.exempt_paragraphs = (1, 3)
    document.save()

    text = member_client.get(document.get_absolute_url()).text

    assert "Restricted: not for publication by virtue of paragraph(s) 1, 3 of Part 1" in text


def test_a_withdrawn_document_answers_404_to_everyone(public, officer_client, document):
    document.withdrawn_at = timezone.now()
    document.save()

    assert public.get(document.get_absolute_url()).status_code == 404
    assert officer_client.get(document.get_absolute_url()).status_code == 404


def test_the_query_count_does_not_grow_with_appendices(
    public, document, django_assert_max_num_queries, django_assert_num_queries
):
    for _ in range(2):
        DocumentFactory(agenda_item=document.agenda_item, parent=document)
        DocumentAuthor.objects.create(document=document, position=_ + 1, name="An Author")
    with django_assert_max_num_queries(10) as captured:
        public.get(document.get_absolute_url())

    for position in range(3, 5):
        DocumentFactory(agenda_item=document.agenda_item, parent=document)
        DocumentAuthor.objects.create(document=document, position=position, name="An Author")

    with django_assert_num_queries(len(captured)):
        response = public.get(document.get_absolute_url())
    assert len(response.context["appendices"]) == 4
