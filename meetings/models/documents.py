"""Papers under agenda items: written in the browser, imported from Word, or uploaded."""

import uuid

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.urls import reverse
from simple_history.models import HistoricalRecords

from boards.models import (
    Person,
)
from meetings.fields import ExemptParagraphsField, format_paragraphs
from meetings.models.meetings import AgendaItem, AgendaItemSection
from meetings.models.visibility import agenda_published, sits_on_board, user_sees_everything


def document_upload_path(instance: "Document", filename: str) -> str:
    """A random name: uploaded file names are never trusted nor guessable."""
    return f"documents/{uuid.uuid4().hex}.pdf"


class DocumentQuerySet(models.QuerySet):
    def current(self) -> "DocumentQuerySet":
        return self.filter(withdrawn_at__isnull=True)

    def visible_to(self, user) -> "DocumentQuerySet":
        """Current papers of published meetings; exempt ones only for members of the board
        on the meeting's date. Officers and the co-ordinator see every paper.

        A paper counts as exempt when it is marked restricted, sits under a private item,
        or is an appendix of a restricted paper: a missed tick must not publish it.
        """
        if user_sees_everything(user):
            return self
        public = Q(is_restricted=False, agenda_item__section=AgendaItemSection.PUBLIC) & (
            Q(parent__isnull=True) | Q(parent__is_restricted=False)
        )
        meeting = "agenda_item__meeting__"
        return self.filter(agenda_published(meeting), withdrawn_at__isnull=True).filter(
            public | sits_on_board(user, meeting)
        )


class DocumentKind(models.TextChoices):
    MINUTES = "minutes", "Minutes"
    BRIEFING_NOTE = "briefing_note", "Briefing note"
    REPORT = "report", "Report"
    APPENDIX = "appendix", "Appendix"
    OUTSTANDING_ISSUES = "outstanding_issues", "Outstanding issues report"
    WORK_PROGRAMME = "work_programme", "Work programme"
    PRESENTATION = "presentation", "Presentation"


class DocumentSource(models.TextChoices):
    AUTHORED = "authored", "Written in the browser"
    IMPORTED = "imported", "Imported from Word"
    UPLOADED = "uploaded", "Uploaded PDF"
    GENERATED = "generated", "Generated from the system's records"


class Document(models.Model):
    """A paper under an agenda item: written in the browser, imported from Word, or a PDF."""

    Kind = DocumentKind
    Source = DocumentSource

    agenda_item = models.ForeignKey(AgendaItem, on_delete=models.CASCADE, related_name="documents")
    parent = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="appendices",
        help_text="The document this is an appendix to.",
    )
    position = models.PositiveSmallIntegerField(default=1)
    kind = models.CharField(max_length=30, choices=Kind, default=Kind.BRIEFING_NOTE)
    source = models.CharField(max_length=20, choices=Source, default=Source.AUTHORED)
    # PostgreSQL derives search_title from this column (migrations/0006_search_titles.py).
    title = models.CharField(max_length=300, help_text="The subject line of the document.")
    heading = models.CharField(max_length=100, blank=True, help_text='"Briefing note"')
    to_line = models.CharField(max_length=300, blank=True, help_text="Who the paper is for.")
    document_date = models.DateField(
        null=True, blank=True, help_text="The date printed on the paper; usually the meeting's."
    )
    body_html = models.TextField(blank=True, help_text="Sanitised HTML.")
    file = models.FileField(upload_to=document_upload_path, blank=True)
    original_filename = models.CharField(max_length=255, blank=True)
    is_restricted = models.BooleanField(default=False)
    exempt_paragraphs = ExemptParagraphsField()
    page_count = models.PositiveIntegerField(null=True, blank=True)
    withdrawn_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    version = models.PositiveIntegerField(default=1)

    objects = DocumentQuerySet.as_manager()
    history = HistoricalRecords(excluded_fields=["body_html"])

    class Meta:
        ordering = ["agenda_item", "position"]
        constraints = [
            models.UniqueConstraint(
                fields=["agenda_item", "position"], name="meetings_document_unique_position"
            ),
            models.CheckConstraint(
                condition=Q(kind__in=DocumentKind.values), name="meetings_document_kind_valid"
            ),
            models.CheckConstraint(
                condition=Q(source__in=DocumentSource.values), name="meetings_document_source_valid"
            ),
            models.CheckConstraint(
                condition=Q(is_restricted=False, exempt_paragraphs=0)
                | Q(is_restricted=True, exempt_paragraphs__gt=0),
                name="meetings_document_restricted_has_paragraphs",
                violation_error_message=(
                    "A restricted paper must name its Schedule 12A paragraphs, and an "
                    "unrestricted one none."
                ),
            ),
            models.CheckConstraint(
                condition=~Q(source="uploaded") | ~Q(file=""),
                name="meetings_document_upload_has_file",
                violation_error_message="Choose a PDF file to upload.",
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("meetings:document_detail", args=[self.pk])

    def clean(self) -> None:
        if self.is_restricted and not self.exempt_paragraphs:
            raise ValidationError(
                {"exempt_paragraphs": "Choose the Schedule 12A paragraphs for a restricted paper."}
            )
        if not self.is_restricted and self.exempt_paragraphs:
            raise ValidationError(
                {"is_restricted": "Tick restricted, or untick the exempt paragraphs."}
            )
        if self.source == self.Source.UPLOADED and not self.file:
            raise ValidationError({"file": "Choose a PDF file to upload."})

    @property
    def paragraphs_text(self) -> str:
        return format_paragraphs(self.exempt_paragraphs)


class DocumentAuthor(models.Model):
    """An author named in a paper's contact block."""

    document = models.ForeignKey(Document, on_delete=models.CASCADE, related_name="authors")
    position = models.PositiveSmallIntegerField()
    person = models.ForeignKey(
        Person, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    name = models.CharField(max_length=200)
    job_title = models.CharField(max_length=200, blank=True)
    contact = models.CharField(max_length=200, blank=True, help_text="E-mail or telephone.")

    class Meta:
        ordering = ["document", "position"]
        constraints = [
            models.UniqueConstraint(
                fields=["document", "position"], name="meetings_documentauthor_unique_position"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.name}, {self.job_title}" if self.job_title else self.name
