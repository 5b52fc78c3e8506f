"""Officers' forms for papers: write in the browser, import a Word file, upload a PDF.

Uploaded files are checked in the form (meetings.services.documents does the checking),
so a refused file is reported on its field with the reason, and everything else the
officer typed is kept. Rich text is sanitised as soon as the form is bound: what is
shown back (after an error or a conflict) and what is saved are both clean.
"""

import re

from crispy_forms_gds.choices import Choice
from crispy_forms_gds.fields import DateInputField
from crispy_forms_gds.helper import FormHelper
from crispy_forms_gds.layout import Field, Fluid, Layout, Size
from django import forms
from django.conf import settings
from django.utils.html import escape

from meetings.fields import SCHEDULE_12A_PARAGRAPHS
from meetings.html import clean_html
from meetings.models import Document
from meetings.services import documents as services

HOW_CHOICES = [
    Choice(
        "write",
        "Write it here",
        hint="Type the paper in the browser, with headings, lists and links.",
    ),
    Choice(
        "word",
        "Import a Word file (.docx)",
        hint="The text, headings, lists, tables and pictures are brought in, and you can "
        "edit them here afterwards. The pack prints it as an accessible paper.",
    ),
    Choice(
        "pdf",
        "Upload a PDF",
        hint="Only if there is no Word file: an uploaded PDF cannot be made accessible "
        "in the agenda pack.",
    ),
]
HOWS = {"write", "word", "pdf"}
# Kinds an officer chooses for a paper; minutes, outstanding issues and the work
# programme are made from the system's own records.
PAPER_KINDS = [
    (Document.Kind.BRIEFING_NOTE, "Briefing note"),
    (Document.Kind.REPORT, "Report"),
    (Document.Kind.PRESENTATION, "Presentation"),
]
LABELS = {
    "kind": "Type of paper",
    "heading": "Heading",
    "to_line": "To",
    "document_date": "Date",
    "title": "Subject",
    "body_html": "Text of the paper",
    "is_restricted": "Restricted (exempt information)",
    "exempt_paragraphs": "Schedule 12A paragraphs",
}


def text_to_html(text: str) -> str:
    """Text typed without the editor (no JavaScript): a paragraph per blank-line-separated
    block, line breaks kept. Text that already has markup is left to the sanitiser."""
    if not text or re.search(r"<[a-zA-Z/!]", text):
        return text or ""
    blocks = re.split(r"\n\s*\n", text.replace("\r\n", "\n").strip())
    return "".join(
        "<p>" + "<br>".join(escape(line) for line in block.splitlines()) + "</p>"
        for block in blocks
        if block.strip()
    )


def _helper(*fields) -> FormHelper:
    helper = FormHelper()
    # Templates write the <form> tag and its button: authors and the error summary sit
    # around the fields.
    helper.form_tag = False
    helper.disable_csrf = True
    helper.layout = Layout(*fields)
    return helper


class HowForm(forms.Form):
    """How the paper will be added: the first question of "Add a paper"."""

    how = forms.ChoiceField(
        label="How do you want to add the paper?",
        choices=HOW_CHOICES,
        widget=forms.RadioSelect,
        error_messages={"required": "Choose how to add the paper"},
    )

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.helper = _helper(Field.radios("how", legend_size=Size.MEDIUM, legend_tag="h2"))


class VersionField(forms.IntegerField):
    widget = forms.HiddenInput

    def __init__(self, **kwargs) -> None:
        super().__init__(min_value=1, error_messages={"required": "Reload the page and try again"})


class PaperForm(forms.Form):
    """What every paper has: its type, subject, and whether it is exempt."""

    kind = forms.ChoiceField(
        label=LABELS["kind"],
        choices=PAPER_KINDS,
        widget=forms.RadioSelect,
        error_messages={"required": "Choose the type of paper"},
    )
    title = forms.CharField(
        label=LABELS["title"],
        max_length=300,
        help_text='The title of the paper, for example "Coventry Holiday Activities and Food '
        'programme".',
        error_messages={
            "required": "Enter the subject of the paper",
            "max_length": "The subject must be 300 characters or fewer",
        },
    )
    is_restricted = forms.BooleanField(
        label=LABELS["is_restricted"],
        required=False,
        help_text="Only the board's members and officers will see it; the public pack "
        "prints a page saying it is restricted.",
    )
    exempt_paragraphs = forms.TypedMultipleChoiceField(
        label=LABELS["exempt_paragraphs"],
        choices=SCHEDULE_12A_PARAGRAPHS,
        coerce=int,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text="For a restricted paper: the paragraphs of Part 1 of Schedule 12A to the "
        "Local Government Act 1972 that make it exempt.",
    )

    def __init__(self, *args, appendix: bool = False, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.appendix = appendix
        if appendix:
            del self.fields["kind"]
            self.fields["title"].help_text = 'For example "Summer holiday providers".'
        self.helper = _helper(*self.layout_fields())

    def layout_fields(self) -> list:
        fields = [] if self.appendix else [Field.radios("kind", legend_size=Size.SMALL)]
        return [*fields, *self.main_fields(), *self.restriction_fields()]

    def main_fields(self) -> list:
        return [Field.text("title")]

    def restriction_fields(self) -> list:
        return [
            Field.checkbox("is_restricted"),
            Field.checkboxes("exempt_paragraphs", legend_size=Size.SMALL, small=True),
        ]

    def clean(self) -> dict:
        data = super().clean()
        restricted, paragraphs = data.get("is_restricted"), data.get("exempt_paragraphs")
        if restricted and not paragraphs:
            self.add_error(
                "exempt_paragraphs", "Choose the Schedule 12A paragraphs for a restricted paper"
            )
        if paragraphs and not restricted:
            self.add_error(
                "is_restricted",
                "Tick restricted, or untick the Schedule 12A paragraphs",
            )
        return data


class WrittenForm(PaperForm):
    """A paper written in the browser (or imported from Word and edited here): the
    briefing note's heading, to-line, date, subject and text."""

    heading = forms.CharField(
        label=LABELS["heading"],
        max_length=100,
        required=False,
        help_text='Printed above the subject, for example "Briefing note".',
    )
    to_line = forms.CharField(
        label=LABELS["to_line"],
        max_length=300,
        required=False,
        help_text="Who the paper is for, usually the board.",
    )
    document_date = DateInputField(
        label=LABELS["document_date"], required=False, require_all_fields=False
    )
    body_html = forms.CharField(
        label=LABELS["body_html"],
        required=False,
        widget=forms.Textarea(attrs={"data-rich-text": "", "rows": 20}),
        help_text='Number the sections as they should print, for example "1 Purpose of the Note".',
    )

    def __init__(self, *args, **kwargs) -> None:
        if args and args[0] is not None and "body_html" in args[0]:
            # Show back only what would be saved (and what the editor may safely load).
            data = args[0].copy()
            data["body_html"] = clean_html(text_to_html(data["body_html"]))
            args = (data, *args[1:])
        super().__init__(*args, **kwargs)
        self.fields[
            "document_date"
        ].help_text = (
            "The date printed on the paper, usually the meeting's. For example, 28 11 2024"
        )
        self.fields["document_date"].error_messages.update(
            incomplete="Enter the date as a day, month and year",
            invalid="Enter a real date",
        )

    def main_fields(self) -> list:
        return [
            Field.text("heading", field_width=Fluid.ONE_THIRD),
            Field.text("to_line", field_width=Fluid.TWO_THIRDS),
            Field("document_date", legend_size=Size.SMALL),
            Field.text("title"),
            Field.textarea("body_html", rows=20),
        ]

    def clean_body_html(self) -> str:
        body = clean_html(text_to_html(self.cleaned_data.get("body_html", "")))
        if not services.html_lines(body) and "<img" not in body:
            raise forms.ValidationError("Enter the text of the paper")
        return body


class WrittenEditForm(WrittenForm):
    version = VersionField()

    def layout_fields(self) -> list:
        return [*super().layout_fields(), Field("version")]


def _max_size() -> str:
    return services._megabytes(settings.DOCUMENT_UPLOAD_MAX_BYTES)


class WordImportForm(WrittenForm):
    """Import a .docx: the same fields as a written paper, the text from the file."""

    file = forms.FileField(
        label="Word file (.docx)",
        error_messages={"required": "Choose a Word file to import", "empty": "The file is empty"},
    )

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        del self.fields["body_html"]
        self.fields["file"].help_text = f"A .docx file smaller than {_max_size()}."
        self.fields["file"].widget.attrs["accept"] = (
            ".docx,application/vnd.openxmlformats-officedocument.wordprocessingml.document"
        )
        self.imported: services.ImportedWord | None = None

    def main_fields(self) -> list:
        return [
            Field("file"),
            Field.text("heading", field_width=Fluid.ONE_THIRD),
            Field.text("to_line", field_width=Fluid.TWO_THIRDS),
            Field("document_date", legend_size=Size.SMALL),
            Field.text("title"),
        ]

    def clean_file(self):
        upload = self.cleaned_data["file"]
        try:
            self.imported = services.document_read_docx(upload=upload)
        except services.DocumentRefused as refused:
            raise forms.ValidationError(str(refused)) from refused
        return upload


class PdfForm(PaperForm):
    """Upload a PDF: checked before anything is kept."""

    file = forms.FileField(
        label="PDF file",
        error_messages={"required": "Choose a PDF file to upload", "empty": "The file is empty"},
    )

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields[
            "file"
        ].help_text = f"A PDF smaller than {_max_size()}, without a password or restrictions."
        self.fields["file"].widget.attrs["accept"] = ".pdf,application/pdf"
        self.checked: services.CheckedPdf | None = None

    def main_fields(self) -> list:
        return [Field.text("title"), Field("file")]

    def clean_file(self):
        upload = self.cleaned_data["file"]
        try:
            self.checked = services.document_check_pdf(upload=upload)
        except services.DocumentRefused as refused:
            raise forms.ValidationError(str(refused)) from refused
        return upload


class PdfEditForm(PaperForm):
    """An uploaded paper's details (its file is replaced separately)."""

    version = VersionField()

    def layout_fields(self) -> list:
        return [*super().layout_fields(), Field("version")]


class PdfReplaceForm(forms.Form):
    file = forms.FileField(
        label="New PDF file",
        error_messages={"required": "Choose a PDF file to upload", "empty": "The file is empty"},
    )
    version = VersionField()

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields[
            "file"
        ].help_text = f"A PDF smaller than {_max_size()}, without a password or restrictions."
        self.fields["file"].widget.attrs["accept"] = ".pdf,application/pdf"
        self.checked: services.CheckedPdf | None = None
        self.helper = _helper(Field("file"), Field("version"))

    clean_file = PdfForm.clean_file


class AuthorForm(forms.Form):
    """One person in the paper's contact block."""

    name = forms.CharField(label="Name", max_length=200, required=False)
    job_title = forms.CharField(label="Job title", max_length=200, required=False)
    contact = forms.CharField(
        label="E-mail or telephone",
        max_length=200,
        required=False,
        error_messages={"max_length": "The contact must be 200 characters or fewer"},
    )

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.helper = _helper(
            Field.text("name", field_width=Fluid.TWO_THIRDS),
            Field.text("job_title", field_width=Fluid.TWO_THIRDS),
            Field.text("contact", field_width=Fluid.TWO_THIRDS),
        )

    def clean(self) -> dict:
        data = super().clean()
        if not data.get("name") and (data.get("job_title") or data.get("contact")):
            self.add_error("name", "Enter the author's name, or clear their job title and contact")
        return data


class BaseAuthorFormSet(forms.BaseFormSet):
    def authors(self) -> list[services.Author]:
        return [
            services.Author(
                name=form.cleaned_data["name"],
                job_title=form.cleaned_data.get("job_title", ""),
                contact=form.cleaned_data.get("contact", ""),
            )
            for form in self.forms
            if form.cleaned_data.get("name")
        ]


AuthorFormSet = forms.formset_factory(
    AuthorForm, formset=BaseAuthorFormSet, extra=0, max_num=10, absolute_max=10
)


def author_formset(data=None, *, authors=(), spare: int = 1) -> BaseAuthorFormSet:
    """The contact block's rows: those saved, and `spare` empty ones (no JavaScript needed
    to add an author: save, and another empty row appears)."""
    initial = [
        {"name": a.name, "job_title": a.job_title, "contact": a.contact} for a in authors
    ] + [{}] * spare
    if data is not None:
        return AuthorFormSet(data, prefix="authors")
    formset = AuthorFormSet(initial=initial, prefix="authors")
    formset.extra = 0
    return formset
