"""Officers' forms for meetings, agendas and publishing; and the public sign-up form.

GOV.UK style through crispy-forms-gds, with plain-English errors. Forms that change a
meeting or an item carry the version the officer started from (lost updates).
"""

import datetime

from crispy_forms_gds.fields import DateInputField
from crispy_forms_gds.helper import FormHelper
from crispy_forms_gds.layout import Button, Field, Fluid, Layout, Size
from django import forms

from boards.models import Board, Person, Post, Venue
from meetings.fields import SCHEDULE_12A_PARAGRAPHS
from meetings.models import AgendaItem, Meeting


def _helper(*fields, button: str) -> FormHelper:
    helper = FormHelper()
    # Templates write the <form> tag: the error summary sits above it (GOV.UK pattern).
    helper.form_tag = False
    helper.layout = Layout(*fields, Button("submit", button))
    return helper


class VersionField(forms.IntegerField):
    widget = forms.HiddenInput

    def __init__(self, **kwargs) -> None:
        kwargs.setdefault("error_messages", {"required": "Reload the page and try again"})
        super().__init__(min_value=1, **kwargs)


def _date_field(label: str, message: str, **kwargs) -> DateInputField:
    field = DateInputField(label=label, require_all_fields=False, **kwargs)
    field.error_messages.update(required=message, incomplete=message, invalid=message)
    field.help_text = "For example, 28 11 2024"
    return field


class TimeField(forms.TimeField):
    def __init__(self, **kwargs) -> None:
        super().__init__(
            input_formats=["%H:%M", "%H.%M", "%H:%M:%S"],
            error_messages={
                "required": "Enter the start time",
                "invalid": "Enter the start time as hours and minutes, like 14:00",
            },
            widget=forms.TimeInput(format="%H:%M"),
            **kwargs,
        )


def _venues():
    return Venue.objects.order_by("building", "room")


class MeetingCreateForm(forms.Form):
    board = forms.ModelChoiceField(
        queryset=Board.objects.none(),
        label="Board",
        error_messages={"required": "Choose the board"},
    )
    date = _date_field("Date of the meeting", "Enter the date of the meeting")
    start_time = TimeField(
        label="Start time", required=False, help_text="Leave blank for the board's usual time."
    )
    venue = forms.ModelChoiceField(
        queryset=Venue.objects.none(),
        label="Venue",
        required=False,
        help_text="Leave blank for the board's usual venue.",
    )

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["board"].queryset = Board.objects.active().order_by("name")
        self.fields["venue"].queryset = _venues()
        self.fields["venue"].empty_label = "The board's usual venue"
        self.helper = _helper(
            Field.select("board"),
            Field("date", legend_size=Size.SMALL),
            Field.text("start_time", field_width=Fluid.ONE_QUARTER),
            Field.select("venue"),
            button="Create the meeting",
        )


class ScheduleForm(forms.Form):
    board = forms.ModelChoiceField(
        queryset=Board.objects.none(),
        label="Board",
        error_messages={"required": "Choose the board"},
    )
    dates = forms.CharField(
        label="Dates",
        help_text="One date a line, like 28/11/2024 or 28 November 2024.",
        widget=forms.Textarea(attrs={"rows": 10}),
        error_messages={"required": "Enter the dates of the meetings"},
    )
    start_time = TimeField(
        label="Start time", required=False, help_text="Leave blank for the board's usual time."
    )

    FORMATS = ["%d/%m/%Y", "%d %B %Y", "%d %b %Y", "%Y-%m-%d", "%d-%m-%Y", "%d.%m.%Y"]

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["board"].queryset = Board.objects.active().order_by("name")
        self.helper = _helper(
            Field.select("board"),
            Field.textarea("dates", rows=10),
            Field.text("start_time", field_width=Fluid.ONE_QUARTER),
            button="Create the meetings",
        )

    def clean_dates(self) -> list[datetime.date]:
        dates, bad = [], []
        for line in self.cleaned_data["dates"].splitlines():
            text = " ".join(line.replace(",", " ").split())
            if not text:
                continue
            for pattern in self.FORMATS:
                try:
                    dates.append(datetime.datetime.strptime(text, pattern).date())
                    break
                except ValueError:
                    continue
            else:
                bad.append(line.strip())
        if bad:
            raise forms.ValidationError(
                "These are not dates: " + "; ".join(bad) + ". Write them like 28/11/2024."
            )
        if not dates:
            raise forms.ValidationError("Enter the dates of the meetings")
        return sorted(set(dates))


class MeetingEditForm(forms.ModelForm):
    date = _date_field("Date of the meeting", "Enter the date of the meeting")
    start_time = TimeField(label="Start time")
    version = VersionField()

    class Meta:
        model = Meeting
        fields = ["date", "start_time", "session_label", "venue", "contact_officer", "signatory"]
        labels = {
            "session_label": "Session label (optional)",
            "contact_officer": "Contact officer",
            "signatory": "Signed by",
        }

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["venue"].queryset = _venues()
        self.fields["venue"].empty_label = "To be confirmed"
        self.fields["contact_officer"].queryset = Person.objects.filter(
            is_councillor=False
        ).order_by("surname", "forenames")
        self.fields["contact_officer"].empty_label = "None"
        self.fields["signatory"].queryset = Post.objects.select_related("holder").order_by("title")
        self.fields["signatory"].empty_label = "None"
        self.helper = _helper(
            Field("date", legend_size=Size.SMALL),
            Field.text("start_time", field_width=Fluid.ONE_QUARTER),
            Field.text("session_label", field_width=Fluid.ONE_QUARTER),
            Field.select("venue"),
            Field.select("contact_officer"),
            Field.select("signatory"),
            Field("version"),
            button="Save changes",
        )


class MeetingCancelForm(forms.Form):
    version = VersionField()

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.helper = _helper(Field("version"), button="Cancel the meeting")
        self.helper.layout[-1].attrs = {"class": "govuk-button govuk-button--warning"}


class MeetingMoveForm(forms.Form):
    date = _date_field("New date", "Enter the new date of the meeting")
    start_time = TimeField(
        label="New start time", required=False, help_text="Leave blank to keep the same time."
    )
    version = VersionField()

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.helper = _helper(
            Field("date", legend_size=Size.SMALL),
            Field.text("start_time", field_width=Fluid.ONE_QUARTER),
            Field("version"),
            button="Move the meeting",
        )


class AgendaItemForm(forms.ModelForm):
    """An agenda item: title, report-of line, public or private, papers to follow."""

    sub_items = forms.CharField(
        label="Sub-items (optional)",
        required=False,
        help_text="One a line; they are lettered a), b), … in order.",
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    exempt_paragraphs = forms.TypedMultipleChoiceField(
        label="Schedule 12A paragraphs (private items only)",
        choices=SCHEDULE_12A_PARAGRAPHS,
        coerce=int,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text="Part 1 of Schedule 12A to the Local Government Act 1972.",
    )
    version = VersionField(required=False)

    class Meta:
        model = AgendaItem
        fields = [
            "title",
            "kind",
            "document_type",
            "report_of",
            "report_of_suffix",
            "description",
            "section",
            "exempt_paragraphs",
            "documents_to_follow",
        ]
        labels = {
            "title": "Title",
            "kind": "Type of item",
            "document_type": "Paper",
            "report_of": "Report of",
            "report_of_suffix": "After the report-of line (optional)",
            "description": "Description (optional)",
            "section": "Public or private business",
            "documents_to_follow": "Documents to follow",
        }
        help_texts = {
            "report_of": 'Printed as "Briefing Note of the Director of …".',
            "documents_to_follow": "Tick if the papers will be published after the agenda.",
        }
        widgets = {
            "section": forms.RadioSelect,
            "document_type": forms.RadioSelect,
            "description": forms.Textarea(attrs={"rows": 3}),
        }
        error_messages = {"title": {"required": "Enter the title of the item"}}

    def __init__(self, *args, editing_exclusion: bool = False, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            self.fields["version"].required = True
            self.initial.setdefault("version", self.instance.version)
            self.initial.setdefault(
                "sub_items",
                "\n".join(f"{s.label} {s.text}" for s in self.instance.sub_items.all()),
            )
        self.fields["kind"].choices = [
            (value, label)
            for value, label in AgendaItem.Kind.choices
            if value != AgendaItem.Kind.EXCLUSION
        ]
        self.fields["document_type"].choices = [
            ("", "No paper"),
            (AgendaItem.DocumentType.BRIEFING_NOTE, "Briefing Note"),
            (AgendaItem.DocumentType.REPORT, "Report"),
        ]
        self.fields["document_type"].required = False
        self.fields["section"].choices = AgendaItem.Section.choices
        self.fields["report_of"].queryset = Post.objects.select_related("holder").order_by("title")
        self.fields["report_of"].label_from_instance = lambda post: post.title
        self.fields["report_of"].empty_label = "None"
        fields = [
            Field.text("title"),
            Field.select("kind"),
            Field.radios("document_type", legend_size=Size.SMALL, inline=True),
            Field.select("report_of"),
            Field.text("report_of_suffix", field_width=Fluid.ONE_THIRD),
            Field.textarea("description", rows=3),
            Field.textarea("sub_items", rows=3),
            Field.radios("section", legend_size=Size.SMALL, inline=True),
            Field.checkboxes("exempt_paragraphs", legend_size=Size.SMALL, small=True),
            Field.checkbox("documents_to_follow"),
            Field("version"),
        ]
        if editing_exclusion:
            for name in list(self.fields):
                if name not in {"title", "description", "version"}:
                    del self.fields[name]
            fields = [Field.text("title"), Field.textarea("description", rows=3), Field("version")]
        self.helper = _helper(
            *fields, button="Save changes" if self.instance.pk else "Add the item"
        )

    def clean(self):
        data = super().clean()
        section = data.get("section")
        paragraphs = data.get("exempt_paragraphs") or []
        if section == AgendaItem.Section.PRIVATE and not paragraphs:
            self.add_error(
                "exempt_paragraphs", "Choose the Schedule 12A paragraphs for a private item"
            )
        if section == AgendaItem.Section.PUBLIC and paragraphs:
            self.add_error(
                "exempt_paragraphs",
                "Only private items have exempt paragraphs. Untick them, or choose private "
                "business",
            )
        if data.get("document_type") and not data.get("report_of"):
            self.add_error("report_of", "Choose the post this item is a report of")
        return data

    def _post_clean(self) -> None:
        # The model's own checks run in the service; the number is not the form's.
        pass


class PublishForm(forms.Form):
    urgency_reason = forms.CharField(
        label="Reason for publishing late (urgency)",
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="Needed when the agenda gives fewer clear working days than the law requires. "
        "It is recorded and shown on the meeting page.",
    )
    change_note = forms.CharField(
        label="Note of what changed (optional)",
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="Added to the list of changes found by comparing with the last version.",
    )

    def __init__(self, *args, late: bool = False, republishing: bool = False, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.late = late
        fields = []
        if late:
            fields.append(Field.textarea("urgency_reason", rows=3))
        else:
            del self.fields["urgency_reason"]
        if republishing:
            fields.append(Field.textarea("change_note", rows=3))
        else:
            del self.fields["change_note"]
        self.helper = _helper(*fields, button="Publish the agenda")

    def clean_urgency_reason(self) -> str:
        reason = self.cleaned_data.get("urgency_reason", "").strip()
        if self.late and not reason:
            raise forms.ValidationError(
                "Enter the reason for publishing late: the agenda gives fewer clear working "
                "days than the law requires"
            )
        return reason


class SubscribeForm(forms.Form):
    email = forms.EmailField(
        label="Email address",
        max_length=254,
        error_messages={
            "required": "Enter your email address",
            "invalid": "Enter an email address in the correct format, like name@example.com",
        },
        widget=forms.EmailInput(attrs={"autocomplete": "email", "spellcheck": "false"}),
    )

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.helper = _helper(
            Field.text("email", field_width=Fluid.TWO_THIRDS), button="Get agenda e-mails"
        )
