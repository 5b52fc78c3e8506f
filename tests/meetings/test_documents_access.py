"""Who may use the officers' document pages (officers and admins; everyone else 404), and
what papers and appendices added through them show to whom (Document.objects.visible_to).
"""

import re

import pytest
from django.urls import reverse

from meetings.models import Document
from tests.factories import AgendaItemFactory, DocumentFactory, MeetingFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def paper(board):
    item = AgendaItemFactory(meeting=MeetingFactory(board=board, published=True))
    return DocumentFactory(agenda_item=item, title="Homes for children in care")


def _urls(paper) -> list[tuple[str, str]]:
    item = paper.agenda_item.pk
    return [
        ("get", reverse("meetings:document_list", args=[item])),
        ("get", reverse("meetings:document_add", args=[item])),
        ("post", reverse("meetings:document_add", args=[item]) + "?how=write"),
        ("get", reverse("meetings:document_add_appendix", args=[paper.pk])),
        ("get", reverse("meetings:document_edit", args=[paper.pk])),
        ("post", reverse("meetings:document_edit", args=[paper.pk])),
        ("get", reverse("meetings:document_replace", args=[paper.pk])),
        ("get", reverse("meetings:document_withdraw", args=[paper.pk])),
        ("post", reverse("meetings:document_withdraw", args=[paper.pk])),
        ("post", reverse("meetings:document_restore", args=[paper.pk])),
        ("post", reverse("meetings:document_move", args=[paper.pk])),
        ("get", reverse("meetings:document_history", args=[paper.pk])),
    ]


@pytest.mark.parametrize("persona", ["member_client", "other_member_client", "coordinator_client"])
def test_everyone_but_officers_gets_404(request, paper, persona):
    client = request.getfixturevalue(persona)

    for method, url in _urls(paper):
        response = getattr(client, method)(url, {"direction": "up"} if method == "post" else {})
        assert response.status_code == 404, f"{persona} {method} {url}"
    paper.refresh_from_db()
    assert paper.withdrawn_at is None


def test_anonymous_visitors_are_sent_to_sign_in(public, paper):
    for method, url in _urls(paper):
        response = getattr(public, method)(url)
        assert response.status_code == 302 and "/accounts/login/" in response.url, url


@pytest.mark.parametrize("persona", ["officer_client", "admin_client"])
def test_officers_and_admins_open_every_page(request, paper, persona):
    client = request.getfixturevalue(persona)

    for method, url in _urls(paper):
        if method == "get" and "replace" not in url:
            assert client.get(url).status_code == 200, url


def test_a_restricted_appendix_added_by_an_officer_is_hidden_from_the_public(
    officer_client, paper, public, member_client, other_member_client
):
    response = officer_client.post(
        reverse("meetings:document_add_appendix", args=[paper.pk]) + "?how=write",
        {
            "heading": "Appendix 1",
            "title": "Placements by provider",
            "body_html": "<p>Weekly costs</p>",
            "is_restricted": "on",
            "exempt_paragraphs": ["1", "3"],
            "authors-TOTAL_FORMS": "0",
            "authors-INITIAL_FORMS": "0",
        },
    )
    assert response.status_code == 302
    appendix = Document.objects.get(parent=paper)
    assert appendix.kind == Document.Kind.APPENDIX

    appendix_url = reverse("meetings:document_detail", args=[appendix.pk])
    paper_url = reverse("meetings:document_detail", args=[paper.pk])
    assert public.get(appendix_url).status_code == 404
    assert other_member_client.get(appendix_url).status_code == 404
    assert member_client.get(appendix_url).status_code == 200
    assert "Placements by provider" not in public.get(paper_url).content.decode()
    assert "Placements by provider" in member_client.get(paper_url).content.decode()


def test_an_appendix_of_a_restricted_paper_is_hidden_even_if_not_ticked(
    officer_client, paper, public
):
    paper.is_restricted, paper.exempt_paragraphs = True, (3,)
    paper.save()
    officer_client.post(
        reverse("meetings:document_add_appendix", args=[paper.pk]) + "?how=write",
        {
            "title": "Contract prices",
            "body_html": "<p>Prices</p>",
            "authors-TOTAL_FORMS": "0",
            "authors-INITIAL_FORMS": "0",
        },
    )
    appendix = Document.objects.get(parent=paper)

    assert not appendix.is_restricted
    assert public.get(reverse("meetings:document_detail", args=[appendix.pk])).status_code == 404


def test_a_withdrawn_paper_disappears_from_the_public_site(officer_client, paper, public):
    url = reverse("meetings:document_detail", args=[paper.pk])
    assert public.get(url).status_code == 200

    officer_client.post(reverse("meetings:document_withdraw", args=[paper.pk]))

    assert public.get(url).status_code == 404


def test_the_add_form_of_a_private_item_starts_restricted(officer_client, board):
    item = AgendaItemFactory(meeting=MeetingFactory(board=board), private=True)

    response = officer_client.get(
        reverse("meetings:document_add", args=[item.pk]), {"how": "write"}
    )

    text = response.content.decode()
    restricted = re.search(r'<input[^>]*name="is_restricted"[^>]*>', text).group(0)
    assert "checked" in restricted
    for paragraph in (1, 3):
        box = re.search(rf'<input[^>]*name="exempt_paragraphs"[^>]*value="{paragraph}"[^>]*>', text)
        assert "checked" in box.group(0)


def test_the_public_page_offers_officers_the_edit_page_and_no_one_else(
    officer_client, member_client, public, paper
):
    url = reverse("meetings:document_detail", args=[paper.pk])
    edit = reverse("meetings:document_edit", args=[paper.pk])

    assert edit in officer_client.get(url).content.decode()
    assert edit not in member_client.get(url).content.decode()
    assert edit not in public.get(url).content.decode()
