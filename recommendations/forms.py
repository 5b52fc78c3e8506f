"""Tracker forms, in GOV.UK style with plain-English errors.

Every form that changes an item carries the version the user started from: the service
refuses a save made from an older version (TrackerItemConflict), and the view shows the
user the newer item with their own text kept (security.md, "Lost updates").
"""

from crispy_forms_gds.fields import DateInputField
from crispy_forms_gds.helper import FormHelper
from crispy_forms_gds.layout import Button, Field, Fluid, Layout, Size
from django import forms

from boards.models import Person
from recommendations.models import TrackerItem, TrackerResponse


def _helper(*fields, button: str) -> FormHelper:
    helper = FormHelper()
    # Templates write the <form> tag: the error summary sits above it (GOV.UK pattern).
    helper.form_tag = False
    helper.layout = Layout(*fields, Button("submit", button))
    return helper


def _date_field(label: str, required: bool, required_message: str) -> DateInputField:
    field = DateInputField(label=label, required=required, require_all_fields=False)
    field.error_messages.update(required=required_message, incomplete=required_message)
    return field


class VersionField(forms.IntegerField):
    widget = forms.HiddenInput

    def __init__(self, **kwargs) -> None:
        super().__init__(min_value=1, error_messages={"required": "Reload the page and try again"})


class TrackerResponseForm(forms.ModelForm):
    """Record a response (date, text, from whom) and, if it closes the item, complete it."""

    date = DateInputField(label="Date of the response", require_all_fields=False)
    complete = forms.BooleanField(
        label="Mark as complete",
        required=False,
        help_text="Tick this when the response closes the item.",
    )
    version = VersionField()

    class Meta:
        model = TrackerResponse
        fields = ["date", "text", "from_text"]
        labels = {"text": "Response", "from_text": "From"}
        help_texts = {"from_text": 'Who the response came from, for example "Cabinet Member".'}
        error_messages = {"text": {"required": "Enter the response"}}

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["date"].error_messages.update(
            required="Enter the date of the response", incomplete="Enter the date of the response"
        )
        self.fields["date"].help_text = "For example, 26 7 2016"
        self.helper = _helper(
            Field("date", legend_size=Size.SMALL),
            Field.textarea("text", rows=4),
            Field.text("from_text", field_width=Fluid.TWO_THIRDS),
            Field.checkbox("complete"),
            Field("version"),
            button="Save response",
        )


def _contacts():
    return Person.objects.filter(is_councillor=False).order_by("surname", "forenames")


class TrackerItemForm(forms.ModelForm):
    """The wording, owner and contacts of an item; used to create and to edit one."""

    class Meta:
        model = TrackerItem
        fields = ["kind", "text", "responsible_text", "responsible_person", "officer_contacts"]
        labels = {
            "kind": "Type",
            "text": "Tracker wording",
            "responsible_text": "Cabinet Member or responsible officer",
            "responsible_person": "Responsible person (if one person)",
        }
        widgets = {"kind": forms.RadioSelect, "officer_contacts": forms.CheckboxSelectMultiple}
        error_messages = {
            "kind": {"required": "Choose recommendation, action or information"},
            "text": {"required": "Enter the wording of the item"},
        }

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["kind"].choices = TrackerItem.Kind.choices
        self.fields["responsible_person"].queryset = Person.objects.order_by("surname", "forenames")
        self.fields["responsible_person"].empty_label = "No one person"
        self.fields["officer_contacts"].queryset = _contacts()
        self.fields["officer_contacts"].required = False
        self.helper = _helper(*self.layout_fields(), button=self.button)

    button = "Add to the tracker"

    def layout_fields(self) -> list:
        return [
            Field.radios("kind", legend_size=Size.SMALL, inline=True),
            Field.textarea("text", rows=4),
            Field.text("responsible_text", field_width=Fluid.TWO_THIRDS),
            Field.select("responsible_person"),
            Field.checkboxes("officer_contacts", legend_size=Size.SMALL, small=True),
        ]


class TrackerItemEditForm(TrackerItemForm):
    """Edit an item: also its due date and the officers' internal notes."""

    due_date = DateInputField(label="Due date", required=False, require_all_fields=False)
    version = VersionField()
    button = "Save changes"

    class Meta(TrackerItemForm.Meta):
        fields = [*TrackerItemForm.Meta.fields, "due_date", "internal_notes"]
        labels = {
            **TrackerItemForm.Meta.labels,
            "internal_notes": "Internal notes (never shown to the public)",
        }

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["due_date"].error_messages.update(
            incomplete="Enter the due date as a day, month and year"
        )
        self.fields["due_date"].help_text = "Leave blank if the item has no deadline."

    def layout_fields(self) -> list:
        return [
            *super().layout_fields(),
            Field("due_date", legend_size=Size.SMALL),
            Field.textarea("internal_notes", rows=3),
            Field("version"),
        ]
