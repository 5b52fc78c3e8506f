"""The co-ordinator's tracker filter: every choice is in the URL, so a view can be shared."""

import django_filters
from django import forms
from django.db.models import Q

from boards.models import Board, Person
from recommendations.models import TrackerItem, TrackerItemQuerySet


class DateInput(forms.DateInput):
    """A browser date picker: works without JavaScript and submits ISO dates."""

    input_type = "date"


class TrackerItemFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(label="Text contains", method="filter_text")
    board = django_filters.ModelChoiceFilter(
        queryset=Board.objects.filter(keeps_tracker=True).order_by("name"),
        to_field_name="slug",
        empty_label="All boards",
    )
    status = django_filters.ChoiceFilter(choices=TrackerItem.Status.choices, empty_label="Any")
    kind = django_filters.ChoiceFilter(
        label="Type", choices=TrackerItem.Kind.choices, empty_label="Any"
    )
    responsible = django_filters.CharFilter(
        label="Cabinet Member or responsible officer", method="filter_responsible"
    )
    contact = django_filters.ModelChoiceFilter(
        label="Officer contact",
        field_name="officer_contacts",
        queryset=Person.objects.filter(tracker_contacts__isnull=False)
        .distinct()
        .order_by("surname", "forenames"),
        empty_label="Anyone",
    )
    meeting_from = django_filters.DateFilter(
        label="Meeting on or after",
        field_name="source_meeting__date",
        lookup_expr="gte",
        widget=DateInput,
    )
    meeting_to = django_filters.DateFilter(
        label="Meeting on or before",
        field_name="source_meeting__date",
        lookup_expr="lte",
        widget=DateInput,
    )
    overdue = django_filters.BooleanFilter(
        label="Overdue only", method="filter_overdue", widget=forms.CheckboxInput
    )

    class Meta:
        model = TrackerItem
        fields: list[str] = []

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        for field in self.form.fields.values():
            field.required = False
        self.form.fields["meeting_from"].error_messages["invalid"] = (
            "Enter the earliest meeting date as a real date, like 21/7/2016"
        )
        self.form.fields["meeting_to"].error_messages["invalid"] = (
            "Enter the latest meeting date as a real date, like 15/9/2016"
        )

    def filter_text(self, queryset: TrackerItemQuerySet, name: str, value: str):
        return queryset.filter(Q(text__icontains=value) | Q(agenda_item_title__icontains=value))

    def filter_responsible(self, queryset: TrackerItemQuerySet, name: str, value: str):
        return queryset.filter(
            Q(responsible_text__icontains=value)
            | Q(responsible_person__surname__icontains=value)
            | Q(responsible_person__forenames__icontains=value)
        )

    def filter_overdue(self, queryset: TrackerItemQuerySet, name: str, value: bool | None):
        return queryset.overdue() if value else queryset
