"""Schedule 12A exempt paragraphs: stored as a set of 1-7, read back as a sorted tuple."""

import pytest
from django.core.exceptions import ValidationError

from meetings.fields import ExemptParagraphsField
from meetings.models import AgendaItem, Document
from tests.factories import AgendaItemFactory, DocumentFactory

pytestmark = pytest.mark.django_db


def test_paragraphs_1_and_3_are_stored_and_read_back():
    item = AgendaItemFactory(section=AgendaItem.Section.PRIVATE, exempt_paragraphs=[3, 1])

    item.refresh_from_db()

    assert item.exempt_paragraphs == (1, 3)
    assert item.paragraphs_text == "1, 3"


def test_paragraphs_can_be_filtered_on():
    DocumentFactory(restricted=True, exempt_paragraphs=(1, 3))
    DocumentFactory(restricted=True, exempt_paragraphs=(5,))

    assert list(
        Document.objects.filter(exempt_paragraphs=(1, 3)).values_list("exempt_paragraphs")
    ) == [((1, 3),)]


def test_a_public_item_reads_back_no_paragraphs():
    item = AgendaItemFactory()

    item.refresh_from_db()

    assert item.exempt_paragraphs == ()
    assert item.paragraphs_text == ""


def test_the_string_1_comma_3_is_understood():
    assert ExemptParagraphsField().to_python("1, 3") == (1, 3)


def test_the_field_serialises_as_the_placeholder_page_prints_it():
    item = AgendaItemFactory(private=True, exempt_paragraphs=(3, 1))
    field = AgendaItem._meta.get_field("exempt_paragraphs")

    assert field.value_to_string(item) == "1, 3"


@pytest.mark.parametrize("value", [[8], "1, 8", [0], "one"])
def test_a_paragraph_outside_1_to_7_is_refused(value):
    with pytest.raises(ValidationError, match="Choose paragraphs from 1 to 7"):
        ExemptParagraphsField().to_python(value)


def test_model_validation_refuses_paragraph_8():
    item = AgendaItemFactory.build(
        meeting=AgendaItemFactory().meeting,
        number=2,
        section=AgendaItem.Section.PRIVATE,
        exempt_paragraphs=[1, 8],
    )

    with pytest.raises(ValidationError) as caught:
        item.full_clean()

    assert caught.value.message_dict["exempt_paragraphs"] == ["Choose paragraphs from 1 to 7."]
