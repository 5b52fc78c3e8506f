"""Officers' forms for the minutes, in GOV.UK style with plain-English errors.

Lists the officer adds to (substitutes, other attendees, declarations, requests,
resolution parts) are formsets with blank rows and an "Add another" button that posts
the form back with one more row: no JavaScript needed. Lists of one-line entries (the
matters the board questioned, a part's bullets) are a textarea, one entry per line.
"""

import datetime
import re

from crispy_forms_gds.helper import FormHelper
from crispy_forms_gds.layout import Field, Fluid, Layout, Size
from django import forms
from django.db.models import Q

from boards.models import Council, Membership, OrgUnit, Person
from meetings.forms.documents import text_to_html
from meetings.html import clean_html
from meetings.models import (
    AgendaItem,
    Attendance,
    Declaration,
    Meeting,
    MinuteRequest,
    ResolutionPart,
)

NOT_RECORDED = ""
MEMBER_CHOICES = [
    (Attendance.Status.PRESENT, "Present"),
    (Attendance.Status.APOLOGIES, "Apologies"),
    (NOT_RECORDED, "Not recorded"),
]


def _helper(*fields) -> FormHelper:
    helper = FormHelper()
    # The templates write the <form> tag, the error summary and the buttons.
    helper.form_tag = False
    helper.disable_csrf = True
    helper.layout = Layout(*fields)
    return helper


def _lines(text: str) -> list[str]:
    """One entry per non-blank line, without list markers typed or pasted in front."""
    entries = []
    for line in (text or "").splitlines():
        line = re.sub(r"^\s*(?:[-*•]\s+)", "", line).strip()
        if line:
            entries.append(line)
    return entries


def _person_label(person: Person) -> str:
    return person.formal_name


class PersonChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj: Person) -> str:
        return _person_label(obj)


class CorrectionReasonMixin:
    """Approved minutes change only with a reason, recorded with the change."""

    def add_reason(self, needed: bool) -> None:
        if needed:
            self.fields["reason"] = forms.CharField(
                label="Why are you correcting the approved minutes?",
                help_text="This is shown with the minutes, with what changed, who and when.",
                widget=forms.Textarea(attrs={"rows": 2}),
                error_messages={"required": "Say why you are correcting the approved minutes"},
            )


# --- Attendance --------------------------------------------------------------------------


def board_members(meeting: Meeting) -> list[Membership]:
    """The board's members on the meeting's date: voting and co-opted, then by invitation."""
    memberships = (
        Membership.objects.on(meeting.date)
        .filter(board_id=meeting.board_id)
        .select_related("person")
        .order_by("person__surname", "person__initials", "pk")
    )
    seen, members = set(), []
    for membership in memberships:
        if membership.person_id not in seen:
            seen.add(membership.person_id)
            members.append(membership)
    return members


def _category_for(membership: Membership) -> str:
    if membership.role == Membership.Role.CO_OPTED:
        return Attendance.Category.CO_OPTED
    if membership.role == Membership.Role.BY_INVITATION:
        return Attendance.Category.CABINET_MEMBER
    return Attendance.Category.MEMBER


class AttendanceMembersForm(CorrectionReasonMixin, forms.Form):
    """Each member of the board on the day: present, apologies or not recorded."""

    def __init__(self, *args, meeting: Meeting, members: list[Membership], reason: bool, **kw):
        super().__init__(*args, **kw)
        self.members = members
        layout = []
        for membership in members:
            name = f"member_{membership.person_id}"
            role = membership.role_label
            self.fields[name] = forms.ChoiceField(
                label=_person_label(membership.person) + (f" ({role})" if role else ""),
                choices=MEMBER_CHOICES,
                required=False,
                widget=forms.RadioSelect,
            )
            layout.append(Field.radios(name, inline=True, small=True, legend_size=Size.SMALL))
        chairs = [("", "Not recorded")] + [
            (str(m.person_id), _person_label(m.person))
            for m in members
            if m.role != Membership.Role.BY_INVITATION
        ]
        self.fields["chair"] = forms.ChoiceField(
            label="Who chaired the meeting?", choices=chairs, required=False
        )
        layout.append(Field.select("chair"))
        self.fields["fingerprint"] = forms.CharField(widget=forms.HiddenInput, required=False)
        layout.append(Field("fingerprint"))
        self.add_reason(reason)
        if reason:
            layout.append(Field.textarea("reason", rows=2))
        self.helper = _helper(*layout)

    def category_of(self, person_id: int) -> str:
        for membership in self.members:
            if membership.person_id == person_id:
                return _category_for(membership)
        return Attendance.Category.MEMBER


class SubstituteForm(forms.Form):
    person = PersonChoiceField(
        label="Substitute",
        queryset=Person.objects.filter(is_councillor=True).order_by("surname", "initials"),
        required=False,
    )
    substitute_for = PersonChoiceField(
        label="Substitute for", queryset=Person.objects.none(), required=False
    )

    def __init__(self, *args, members: list[Membership], **kwargs):
        super().__init__(*args, **kwargs)
        ids = [m.person_id for m in members if m.role != Membership.Role.BY_INVITATION]
        self.fields["substitute_for"].queryset = Person.objects.filter(pk__in=ids).order_by(
            "surname", "initials"
        )
        self.helper = _helper(
            Field.select("person"),
            Field.select("substitute_for"),
        )

    def clean(self):
        data = super().clean()
        person, absent = data.get("person"), data.get("substitute_for")
        if person and not absent:
            self.add_error("substitute_for", "Choose the member they substituted for")
        if absent and not person:
            self.add_error("person", "Choose the substitute")
        if person and absent and person == absent:
            self.add_error("substitute_for", "A person cannot substitute for themselves")
        return data


OTHER_CATEGORIES = [
    (Attendance.Category.CO_OPTED, "Co-opted member"),
    (Attendance.Category.CABINET_MEMBER, "Cabinet member or deputy cabinet member"),
    (Attendance.Category.OTHER_MEMBER, "Other member"),
    (Attendance.Category.INVITED, "Invited guest"),
    (Attendance.Category.OFFICER, "Officer (employee)"),
]


class OtherAttendeeForm(forms.Form):
    category = forms.ChoiceField(
        label="Attended as", choices=[("", "Choose")] + OTHER_CATEGORIES, required=False
    )
    person = PersonChoiceField(
        label="Person",
        queryset=Person.objects.order_by("surname", "initials", "forenames"),
        required=False,
        help_text="Or type the name of someone not listed below.",
    )
    new_name = forms.CharField(
        label="Name of someone not in the list",
        required=False,
        max_length=200,
        help_text='For example "Janet Mokades"',
    )
    description = forms.CharField(
        label="Organisation, role or description",
        required=False,
        max_length=200,
        help_text='For example "Leader Coventry City Council" or "Police Representative"',
    )
    org_unit = forms.ModelChoiceField(
        label="Directorate or service area (officers)",
        queryset=OrgUnit.objects.order_by("name"),
        required=False,
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = _helper(
            Field.select("category"),
            Field.select("person"),
            Field.text("new_name", field_width=Fluid.TWO_THIRDS),
            Field.text("description", field_width=Fluid.TWO_THIRDS),
            Field.select("org_unit"),
        )

    def clean(self):
        data = super().clean()
        someone = data.get("person") or data.get("new_name", "").strip()
        if someone and not data.get("category"):
            self.add_error("category", "Choose how they attended")
        if data.get("category") and not someone:
            self.add_error("person", "Choose the person, or type their name")
        if data.get("person") and data.get("new_name", "").strip():
            self.add_error("new_name", "Choose a person or type a name, not both")
        if data.get("org_unit") and data.get("category") != Attendance.Category.OFFICER:
            self.add_error("org_unit", "Only officers have a directorate or service area")
        return data


class BaseRowFormSet(forms.BaseFormSet):
    """Blank rows are ignored; `rows()` gives the filled-in forms' cleaned data."""

    def __init__(self, *args, form_kwargs=None, **kwargs):
        super().__init__(*args, form_kwargs=form_kwargs or {}, **kwargs)

    def rows(self) -> list[dict]:
        return [
            form.cleaned_data
            for form in self.forms
            if form.has_changed() and form.cleaned_data and any(form.cleaned_data.values())
        ]


SubstituteFormSet = forms.formset_factory(SubstituteForm, formset=BaseRowFormSet, extra=1)
OtherAttendeeFormSet = forms.formset_factory(OtherAttendeeForm, formset=BaseRowFormSet, extra=2)


# --- Declarations ------------------------------------------------------------------------


class DeclarationForm(forms.Form):
    person = PersonChoiceField(
        label="Who declared the interest", queryset=Person.objects.none(), required=False
    )
    agenda_item = forms.ModelChoiceField(
        label="On agenda item (optional)", queryset=AgendaItem.objects.none(), required=False
    )
    kind = forms.ChoiceField(
        label="Kind of interest",
        choices=[("", "Choose")] + list(Declaration.Kind.choices),
        required=False,
    )
    interest = forms.CharField(
        label="The interest", widget=forms.Textarea(attrs={"rows": 2}), required=False
    )
    action = forms.ChoiceField(
        label="What the member did", choices=Declaration.Action.choices, required=False
    )

    def __init__(self, *args, meeting: Meeting, **kwargs):
        super().__init__(*args, **kwargs)
        people = Person.objects.filter(
            Q(attendances__meeting=meeting)
            | Q(memberships__in=Membership.objects.on(meeting.date).filter(board=meeting.board))
        ).distinct()
        self.fields["person"].queryset = people.order_by("surname", "initials")
        self.fields["agenda_item"].queryset = meeting.items.order_by("number")
        self.fields["agenda_item"].label_from_instance = lambda item: f"{item.number}. {item.title}"
        self.helper = _helper(
            Field.select("person"),
            Field.select("agenda_item"),
            Field.select("kind"),
            Field.textarea("interest", rows=2),
            Field.select("action"),
        )

    def clean(self):
        data = super().clean()
        filled = any(data.get(name) for name in ("person", "kind", "interest", "agenda_item"))
        if filled:
            if not data.get("person"):
                self.add_error("person", "Choose who declared the interest")
            if not data.get("kind"):
                self.add_error("kind", "Choose the kind of interest")
            if not (data.get("interest") or "").strip():
                self.add_error("interest", "Enter the interest")
        return data


DeclarationFormSet = forms.formset_factory(DeclarationForm, formset=BaseRowFormSet, extra=1)


class ReasonForm(CorrectionReasonMixin, forms.Form):
    def __init__(self, *args, reason: bool, fingerprint: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        fields = []
        if fingerprint:
            self.fields["fingerprint"] = forms.CharField(widget=forms.HiddenInput, required=False)
            fields.append(Field("fingerprint"))
        self.add_reason(reason)
        if reason:
            fields.append(Field.textarea("reason", rows=2))
        self.helper = _helper(*fields)


# --- A minute ----------------------------------------------------------------------------


class MinuteForm(CorrectionReasonMixin, forms.Form):
    number = forms.IntegerField(
        label="Minute number",
        min_value=1,
        help_text="Proposed from the board's sequence for the municipal year; change it if "
        "you need to.",
        error_messages={
            "required": "Enter the minute number",
            "invalid": "Enter the minute number as a whole number, like 7",
            "min_value": "The minute number must be 1 or more",
        },
    )
    title = forms.CharField(
        label="Title", max_length=300, error_messages={"required": "Enter the minute's title"}
    )
    agenda_item = forms.ModelChoiceField(
        label="Agenda item",
        queryset=AgendaItem.objects.none(),
        required=False,
        empty_label="None: business taken without an agenda item",
    )
    body_html = forms.CharField(
        label="What the board considered and heard",
        required=False,
        # The documents' rich-text editor (static/js/document-editor.mjs) enhances it;
        # without JavaScript it is a textarea taking paragraphs separated by blank lines.
        widget=forms.Textarea(attrs={"data-rich-text": "", "rows": 8}),
        help_text='References such as "Further to Minute 37/15" become links to that minute.',
    )
    discussion_intro = forms.CharField(
        label="Introduction to the matters questioned",
        required=False,
        max_length=300,
        help_text='For example "Having considered the report the Scrutiny Board questioned '
        'those present on the following:"',
    )
    discussion_points = forms.CharField(
        label="Matters the board questioned",
        required=False,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text="One matter per line.",
    )
    requests_intro = forms.CharField(
        label="Introduction to requests and undertakings",
        required=False,
        max_length=300,
        help_text='For example "Officers agreed to provide further information to Members on '
        'the following:"',
    )
    preamble = forms.CharField(
        label="Resolution begins",
        max_length=300,
        required=False,
        help_text='For example "RESOLVED that" or "RESOLVED that the Board requested"',
    )
    label_style = forms.ChoiceField(
        label="Label the parts", choices=Council.ResolutionLabels.choices
    )
    version = forms.IntegerField(widget=forms.HiddenInput, required=False, min_value=1)

    def __init__(self, *args, meeting: Meeting, reason: bool, **kwargs):
        if args and args[0] is not None and "body_html" in args[0]:
            # Show back only what would be saved (and what the editor may safely load).
            data = args[0].copy()
            data["body_html"] = clean_html(text_to_html(data["body_html"].strip()))
            args = (data, *args[1:])
        super().__init__(*args, **kwargs)
        self.meeting = meeting
        self.fields["agenda_item"].queryset = meeting.items.order_by("number")
        self.fields["agenda_item"].label_from_instance = lambda item: f"{item.number}. {item.title}"
        self.add_reason(reason)
        fields = [
            Field.text("number", field_width=Fluid.ONE_QUARTER),
            Field.text("title"),
            Field.select("agenda_item"),
            Field.textarea("body_html", rows=8),
            Field.text("discussion_intro"),
            Field.textarea("discussion_points", rows=6),
            Field.text("requests_intro"),
        ]
        self.helper = _helper(*fields)
        self.resolution_helper = _helper(Field.text("preamble"), Field.select("label_style"))
        self.reason_helper = _helper(*([Field.textarea("reason", rows=2)] if reason else []))
        self.hidden_helper = _helper(Field("version"))

    def clean_body_html(self) -> str:
        # From the editor: HTML, sanitised. Typed without it: paragraphs separated by
        # blank lines, escaped. The service sanitises again on save.
        return clean_html(text_to_html(self.cleaned_data["body_html"].strip()))

    def clean_discussion_points(self) -> list[str]:
        return _lines(self.cleaned_data["discussion_points"])


class RequestForm(forms.Form):
    text = forms.CharField(
        label="Request or undertaking", widget=forms.Textarea(attrs={"rows": 2}), required=False
    )
    kind = forms.ChoiceField(label="Kind", choices=MinuteRequest.Kind.choices, required=False)
    tracker_kind = forms.ChoiceField(
        label="For the tracker", choices=ResolutionPart.TrackerKind.choices, required=False
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = _helper(
            Field.textarea("text", rows=2), Field.select("kind"), Field.select("tracker_kind")
        )


class PartForm(forms.Form):
    text = forms.CharField(
        label="Resolution part", widget=forms.Textarea(attrs={"rows": 3}), required=False
    )
    bullets = forms.CharField(
        label="Bullet points under this part (optional)",
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
        help_text="One per line.",
    )
    tracker_kind = forms.ChoiceField(
        label="For the tracker",
        choices=ResolutionPart.TrackerKind.choices,
        required=False,
        help_text="Flagged parts go on the board's tracker when the minutes are published.",
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = _helper(
            Field.textarea("text", rows=3),
            Field.textarea("bullets", rows=3),
            Field.select("tracker_kind"),
        )

    def clean(self):
        data = super().clean()
        if _lines(data.get("bullets", "")) and not (data.get("text") or "").strip():
            self.add_error("text", "Enter the text of the part the bullet points belong to")
        return data


RequestFormSet = forms.formset_factory(RequestForm, formset=BaseRowFormSet, extra=1)
PartFormSet = forms.formset_factory(PartForm, formset=BaseRowFormSet, extra=1)


# --- When the meeting closed -------------------------------------------------------------

TIME = re.compile(r"^\s*(\d{1,2})(?:[.:](\d{2}))?\s*([ap]\.?m\.?)?\s*$", re.I)


def parse_time(value: str) -> datetime.time | None:
    """ "4.00 pm", "4pm", "16:00" or "12.20pm" as a time; None when it is not one."""
    match = TIME.match(value or "")
    if not match:
        return None
    hour, minute = int(match.group(1)), int(match.group(2) or 0)
    suffix = (match.group(3) or "").replace(".", "").lower()
    if suffix:
        if not 1 <= hour <= 12:
            return None
        hour = hour % 12 + (12 if suffix == "pm" else 0)
    if hour > 23 or minute > 59:
        return None
    return datetime.time(hour, minute)


class ClosedAtForm(CorrectionReasonMixin, forms.Form):
    closed_at = forms.CharField(
        label="Meeting closed at",
        required=False,
        max_length=20,
        help_text='For example "4.00 pm" or "16:00". Leave blank if not recorded.',
    )

    def __init__(self, *args, reason: bool, **kwargs):
        super().__init__(*args, **kwargs)
        self.add_reason(reason)
        fields = [Field.text("closed_at", field_width=Fluid.ONE_QUARTER)]
        if reason:
            fields.append(Field.textarea("reason", rows=2))
        self.helper = _helper(*fields)

    def clean_closed_at(self) -> datetime.time | None:
        value = self.cleaned_data["closed_at"].strip()
        if not value:
            return None
        parsed = parse_time(value)
        if parsed is None:
            raise forms.ValidationError('Enter a time like "4.00 pm" or "16:00"')
        return parsed
