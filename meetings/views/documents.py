"""Officers' pages for papers: add (write, import Word, upload PDF), edit, appendices,
order, replace, withdraw, history. Under /meetings/manage/; everyone but officers and
admins gets 404 (meetings.access.user_edits_meetings).
"""

import datetime

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from meetings import services
from meetings.access import user_edits_meetings
from meetings.forms import documents as forms
from meetings.forms import form_rebased
from meetings.models import AgendaItem, Document

CONFLICT_MESSAGE = (
    "Someone else saved this paper while you were editing it. What they changed is shown "
    "below; your text is kept in the form — check it and save again."
)
HISTORY_LABELS = {
    **forms.LABELS,
    "position": "Order",
    "file": "PDF file",
    "original_filename": "Uploaded file name",
    "page_count": "Pages",
    "withdrawn_at": "Withdrawn",
    "parent": "Appendix to",
    "source": "How it was made",
}
HISTORY_IGNORED = ["version", "updated_at", "created_at"]


# --- Access ------------------------------------------------------------------------------


def _officer(request: HttpRequest) -> None:
    if not user_edits_meetings(request.user):
        raise Http404("No such page.")


def _item_for_officer(request: HttpRequest, pk: int) -> AgendaItem:
    _officer(request)
    return get_object_or_404(
        AgendaItem.objects.select_related("meeting__board", "meeting__municipal_year"), pk=pk
    )


def _document_for_officer(request: HttpRequest, pk: int) -> Document:
    _officer(request)
    return get_object_or_404(
        Document.objects.select_related("agenda_item__meeting__board", "parent"), pk=pk
    )


def _list_url(item: AgendaItem, document: Document | None = None) -> str:
    url = reverse("meetings:document_list", args=[item.pk])
    return f"{url}#document-{document.pk}" if document else url


def _context(item: AgendaItem, **extra) -> dict:
    return {"item": item, "meeting": item.meeting, **extra}


# --- The papers of an item ---------------------------------------------------------------


@require_safe
def document_list(request: HttpRequest, pk: int) -> HttpResponse:
    item = _item_for_officer(request, pk)
    documents = list(item.documents.select_related("parent").order_by("position", "pk"))
    ordered = services.document_reading_order(documents)
    papers = [d for d in ordered if not d.parent_id]
    rows = []
    for document in ordered:
        siblings = [d for d in ordered if d.parent_id == document.parent_id]
        index = siblings.index(document)
        rows.append(
            {
                "document": document,
                "first": index == 0,
                "last": index == len(siblings) - 1,
            }
        )
    return render(
        request,
        "meetings/documents/document_list.html",
        _context(item, rows=rows, has_papers=bool(papers)),
    )


@require_POST
def document_move(request: HttpRequest, pk: int) -> HttpResponse:
    document = _document_for_officer(request, pk)
    direction = request.POST.get("direction")
    if direction not in {"up", "down"}:
        raise Http404("Move a paper up or down.")
    moved = services.document_move(document=document, user=request.user, up=direction == "up")
    if moved:
        messages.success(request, f"“{document.title}” moved {direction}.")
    return redirect(_list_url(document.agenda_item, document))


# --- Adding a paper or an appendix -------------------------------------------------------


@require_http_methods(["GET", "POST"])
def document_add(request: HttpRequest, pk: int) -> HttpResponse:
    return _add(request, _item_for_officer(request, pk), parent=None)


@require_http_methods(["GET", "POST"])
def document_add_appendix(request: HttpRequest, pk: int) -> HttpResponse:
    parent = _document_for_officer(request, pk)
    if parent.parent_id:
        raise Http404("An appendix cannot have appendices.")
    return _add(request, parent.agenda_item, parent=parent)


def _initial(item: AgendaItem, parent: Document | None, how: str) -> dict:
    meeting = item.meeting
    kind = (
        Document.Kind.REPORT
        if item.document_type == AgendaItem.DocumentType.REPORT
        else Document.Kind.BRIEFING_NOTE
    )
    heading = "Report" if kind == Document.Kind.REPORT else "Briefing note"
    if parent is not None:
        heading = f"Appendix {parent.appendices.count() + 1}"
    restricted = item.is_private or bool(parent and parent.is_restricted)
    paragraphs = (
        parent.exempt_paragraphs
        if parent is not None and parent.is_restricted
        else item.exempt_paragraphs
    )
    return {
        "kind": kind,
        "heading": heading,
        "to_line": meeting.board.name,
        "document_date": meeting.date,
        "title": item.title if parent is None and how != "pdf" else "",
        "is_restricted": restricted,
        "exempt_paragraphs": list(paragraphs) if restricted else [],
    }


FORMS = {"write": forms.WrittenForm, "word": forms.WordImportForm, "pdf": forms.PdfForm}


def _add(request: HttpRequest, item: AgendaItem, parent: Document | None) -> HttpResponse:
    how = request.GET.get("how", "")
    appendix = parent is not None
    what = "an appendix" if appendix else "a paper"
    if how not in forms.HOWS:
        how_form = forms.HowForm(request.GET if "how" in request.GET else None)
        return render(
            request,
            "meetings/documents/document_add.html",
            _context(item, parent=parent, form=how_form, what=what),
            status=400 if how_form.is_bound else 200,
        )
    form_class = FORMS[how]
    authors = None
    if request.method == "POST":
        form = form_class(request.POST, request.FILES, appendix=appendix)
        if how == "write":
            authors = forms.author_formset(request.POST)
        if form.is_valid() and (authors is None or authors.is_valid()):
            document = _create(request, item, parent, how, form, authors)
            if how == "word":
                for note in form.imported.messages[:5]:
                    messages.warning(request, f"Not imported from the Word file: {note}.")
                messages.success(
                    request,
                    f"“{document.title}” imported from Word. Check the text below, "
                    "correct anything the import missed, and save.",
                )
                return redirect("meetings:document_edit", pk=document.pk)
            messages.success(request, f"“{document.title}” added.")
            return redirect(_list_url(item, document))
    else:
        form = form_class(initial=_initial(item, parent, how), appendix=appendix)
        if how == "write":
            authors = forms.author_formset(spare=2)
    return render(
        request,
        "meetings/documents/document_form.html",
        _context(
            item,
            parent=parent,
            form=form,
            authors=authors,
            how=how,
            what=what,
            action=f"{request.path}?how={how}",
            multipart=how != "write",
            button={"write": "Save", "word": "Import", "pdf": "Upload"}[how],
        ),
        status=400 if request.method == "POST" else 200,
    )


def _create(request, item, parent, how, form, authors) -> Document:
    data = form.cleaned_data
    common = {
        "agenda_item": item,
        "parent": parent,
        "user": request.user,
        "kind": data.get("kind", Document.Kind.APPENDIX),
        "title": data["title"],
        "is_restricted": data["is_restricted"],
        "exempt_paragraphs": data["exempt_paragraphs"],
    }
    if how == "pdf":
        return services.document_create(
            source=Document.Source.UPLOADED,
            pdf=form.checked,
            original_filename=form.checked.original_filename,
            **common,
        )
    written = {
        "heading": data["heading"],
        "to_line": data["to_line"],
        "document_date": data["document_date"],
    }
    if how == "word":
        return services.document_create(
            source=Document.Source.IMPORTED,
            body_html=form.imported.body_html,
            original_filename=form.imported.original_filename,
            **written,
            **common,
        )
    return services.document_create(
        source=Document.Source.AUTHORED,
        body_html=data["body_html"],
        authors=authors.authors(),
        **written,
        **common,
    )


# --- Editing -----------------------------------------------------------------------------


@require_http_methods(["GET", "POST"])
def document_edit(request: HttpRequest, pk: int) -> HttpResponse:
    document = _document_for_officer(request, pk)
    item = document.agenda_item
    uploaded = document.source == Document.Source.UPLOADED
    form_class = forms.PdfEditForm if uploaded else forms.WrittenEditForm
    appendix = bool(document.parent_id)
    conflict, differences = False, []
    authors = None
    if request.method == "POST":
        form = form_class(request.POST, appendix=appendix)
        if not uploaded:
            authors = forms.author_formset(request.POST)
        if form.is_valid() and (authors is None or authors.is_valid()):
            fields = {
                name: form.cleaned_data[name]
                for name in form.cleaned_data
                if name in services.documents.UPDATABLE_FIELDS
            }
            try:
                document = services.document_update(
                    document=document,
                    version=form.cleaned_data["version"],
                    user=request.user,
                    authors=authors.authors() if authors is not None else None,
                    **fields,
                )
            except services.DocumentConflict as error:
                document = _document_for_officer(request, error.current.pk)
                differences = services.document_differences(
                    saved=document, yours=fields, labels=forms.LABELS
                )
                form = form_rebased(form, version=document.version, appendix=form.appendix)
                conflict = True
            else:
                messages.success(request, f"“{document.title}” saved.")
                return redirect(_list_url(item, document))
    else:
        initial = {
            "kind": document.kind,
            "title": document.title,
            "heading": document.heading,
            "to_line": document.to_line,
            "document_date": document.document_date,
            "body_html": document.body_html,
            "is_restricted": document.is_restricted,
            "exempt_paragraphs": list(document.exempt_paragraphs),
            "version": document.version,
        }
        form = form_class(initial=initial, appendix=appendix)
        if not uploaded:
            authors = forms.author_formset(authors=document.authors.all(), spare=1)
    status = 409 if conflict else 400 if request.method == "POST" else 200
    return render(
        request,
        "meetings/documents/document_form.html",
        _context(
            item,
            document=document,
            parent=document.parent,
            form=form,
            authors=authors,
            what="an appendix" if appendix else "a paper",
            action=request.path,
            multipart=False,
            button="Save changes",
            conflict=conflict,
            conflict_message=CONFLICT_MESSAGE,
            differences=differences,
            saved_authors=document.authors.all() if conflict else (),
        ),
        status=status,
    )


@require_http_methods(["GET", "POST"])
def document_replace(request: HttpRequest, pk: int) -> HttpResponse:
    document = _document_for_officer(request, pk)
    if document.source != Document.Source.UPLOADED:
        raise Http404("Only an uploaded PDF can be replaced.")
    conflict = False
    if request.method == "POST":
        form = forms.PdfReplaceForm(request.POST, request.FILES)
        if form.is_valid():
            try:
                services.document_replace_pdf(
                    document=document,
                    version=form.cleaned_data["version"],
                    user=request.user,
                    pdf=form.checked,
                )
            except services.DocumentConflict as error:
                document = _document_for_officer(request, error.current.pk)
                form = forms.PdfReplaceForm(initial={"version": document.version})
                conflict = True
            else:
                messages.success(request, f"The PDF of “{document.title}” has been replaced.")
                return redirect(_list_url(document.agenda_item, document))
    else:
        form = forms.PdfReplaceForm(initial={"version": document.version})
    return render(
        request,
        "meetings/documents/document_replace.html",
        _context(
            document.agenda_item,
            document=document,
            form=form,
            conflict=conflict,
            conflict_message=(
                "Someone else changed this paper while you were choosing the file. Check the "
                "paper as it is now, then choose your file again."
            ),
        ),
        status=409 if conflict else 400 if request.method == "POST" else 200,
    )


@require_http_methods(["GET", "POST"])
def document_withdraw(request: HttpRequest, pk: int) -> HttpResponse:
    document = _document_for_officer(request, pk)
    if request.method == "POST" and document.withdrawn_at is None:
        services.document_withdraw(document=document, user=request.user)
        messages.success(request, f"“{document.title}” withdrawn.")
        return redirect(_list_url(document.agenda_item, document))
    if document.withdrawn_at is not None:
        return redirect(_list_url(document.agenda_item, document))
    return render(
        request,
        "meetings/documents/document_withdraw.html",
        _context(
            document.agenda_item,
            document=document,
            appendices=document.appendices.filter(withdrawn_at__isnull=True),
        ),
    )


@require_POST
def document_restore(request: HttpRequest, pk: int) -> HttpResponse:
    document = _document_for_officer(request, pk)
    if document.withdrawn_at is not None:
        services.document_restore(document=document, user=request.user)
        messages.success(request, f"“{document.title}” restored.")
    return redirect(_list_url(document.agenda_item, document))


# --- History -----------------------------------------------------------------------------


def _value(record, name: str) -> str:
    value = getattr(record, name, None)
    if name == "parent":
        return str(record.parent) if record.parent_id else ""
    if name == "exempt_paragraphs":
        return ", ".join(str(n) for n in value) or "none"
    if name in {"kind", "source"}:
        return dict(Document._meta.get_field(name).choices).get(value, value)
    if isinstance(value, datetime.datetime):
        return timezone.localtime(value).strftime("%-d %B %Y at %H:%M")
    if isinstance(value, datetime.date):
        return value.strftime("%-d %B %Y")
    if isinstance(value, bool):
        return "yes" if value else "no"
    return "" if value is None else str(value)


@require_safe
def document_history(request: HttpRequest, pk: int) -> HttpResponse:
    document = _document_for_officer(request, pk)
    records = list(
        document.history.select_related("history_user").order_by("history_date", "history_id")
    )
    entries, previous = [], None
    for record in records:
        changes = []
        if previous is not None:
            delta = record.diff_against(previous, excluded_fields=HISTORY_IGNORED)
            for change in delta.changes:
                changes.append(
                    {
                        "label": HISTORY_LABELS.get(change.field, change.field),
                        "old": _value(previous, change.field),
                        "new": _value(record, change.field),
                    }
                )
        entries.append({"record": record, "changes": changes, "first": previous is None})
        previous = record
    entries.reverse()
    return render(
        request,
        "meetings/documents/document_history.html",
        _context(
            document.agenda_item,
            document=document,
            entries=entries,
        ),
    )
