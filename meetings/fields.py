"""Schedule 12A exempt paragraphs, stored as a small bit mask.

Part 1 of Schedule 12A to the Local Government Act 1972 lists seven descriptions of
exempt information (England). An item or document names a set of them; we keep the set
as bits 1..7 of an integer so the database can check "a private item names at least one
paragraph" with a plain CheckConstraint on SQLite and PostgreSQL alike.
"""

from collections.abc import Iterable

from django import forms
from django.core.exceptions import ValidationError
from django.db import models

SCHEDULE_12A_PARAGRAPHS = [
    (1, "1. Information relating to any individual"),
    (2, "2. Information likely to reveal the identity of an individual"),
    (3, "3. Financial or business affairs of any particular person (including the council)"),
    (4, "4. Labour relations consultations or negotiations"),
    (5, "5. Legal professional privilege"),
    (6, "6. Notices, orders or directions the council proposes to give or make"),
    (7, "7. Prevention, investigation or prosecution of crime"),
]
ALL_PARAGRAPHS = frozenset(number for number, _ in SCHEDULE_12A_PARAGRAPHS)
MAX_MASK = sum(1 << number for number in ALL_PARAGRAPHS)


def to_mask(paragraphs: Iterable[int]) -> int:
    return sum(1 << int(number) for number in set(paragraphs))


def from_mask(mask: int) -> tuple[int, ...]:
    return tuple(number for number in sorted(ALL_PARAGRAPHS) if mask & (1 << number))


def format_paragraphs(paragraphs: Iterable[int]) -> str:
    """(1, 3) → "1, 3", in ascending order as the placeholder pages print them."""
    return ", ".join(str(number) for number in sorted(paragraphs))


class ExemptParagraphsField(models.PositiveSmallIntegerField):
    """A set of Schedule 12A paragraphs; reads as a sorted tuple such as (1, 3)."""

    description = "Schedule 12A paragraphs"

    def __init__(self, *args, **kwargs) -> None:
        kwargs.setdefault("default", ())
        kwargs.setdefault("blank", True)
        super().__init__(*args, **kwargs)

    @property
    def validators(self) -> list:
        return []

    def from_db_value(self, value, expression, connection) -> tuple[int, ...]:
        return from_mask(value or 0)

    def to_python(self, value) -> tuple[int, ...]:
        if value in (None, "", 0):
            return ()
        if isinstance(value, int):
            return from_mask(value)
        if isinstance(value, str):
            value = [part for part in value.replace(" ", "").split(",") if part]
        try:
            numbers = {int(number) for number in value}
        except (TypeError, ValueError) as error:
            raise ValidationError("Choose paragraphs from 1 to 7.") from error
        if not numbers <= ALL_PARAGRAPHS:
            raise ValidationError("Choose paragraphs from 1 to 7.")
        return tuple(sorted(numbers))

    def get_prep_value(self, value) -> int:
        if isinstance(value, int):
            return value
        return to_mask(self.to_python(value))

    def value_to_string(self, obj) -> str:
        return format_paragraphs(self.value_from_object(obj))

    def formfield(self, **kwargs) -> forms.Field:
        # Skip IntegerField.formfield: the form field is a set of checkboxes, not a number.
        # The admin offers every IntegerField its number widget, which cannot post a set;
        # keep a caller's widget only if it chooses several values.
        widget = kwargs.pop("widget", None)
        if not _chooses_several(widget):
            widget = forms.CheckboxSelectMultiple
        options = {
            "form_class": forms.TypedMultipleChoiceField,
            "choices": SCHEDULE_12A_PARAGRAPHS,
            "coerce": int,
            "widget": widget,
            **kwargs,
        }
        return models.Field.formfield(self, **options)


def _chooses_several(widget) -> bool:
    if widget is None:
        return False
    widget_class = widget if isinstance(widget, type) else type(widget)
    return issubclass(widget_class, forms.SelectMultiple | forms.CheckboxSelectMultiple)
