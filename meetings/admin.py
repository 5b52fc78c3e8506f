from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from boards.admin import BoardAdmin
from boards.models import Board
from meetings.models import (
    AgendaItem,
    AgendaSubItem,
    Attendance,
    Declaration,
    DiscussionPoint,
    Document,
    Meeting,
    Minute,
    Resolution,
    ResolutionBullet,
    ResolutionPart,
    StandardItem,
    WorkProgramme,
    WorkProgrammeItem,
    WorkProgrammeMove,
)


class StandardItemInline(admin.TabularInline):
    model = StandardItem
    extra = 0


class BoardWithAgendaTemplateAdmin(BoardAdmin):
    """The board admin, with its standard agenda items (kept in this app) inline."""

    inlines = [*BoardAdmin.inlines, StandardItemInline]


admin.site.unregister(Board)
admin.site.register(Board, BoardWithAgendaTemplateAdmin)


class AgendaItemInline(admin.TabularInline):
    model = AgendaItem
    fk_name = "meeting"
    extra = 0
    fields = [
        "number",
        "section",
        "kind",
        "title",
        "document_type",
        "report_of",
        "exempt_paragraphs",
    ]
    autocomplete_fields = ["report_of"]
    show_change_link = True


class AttendanceInline(admin.TabularInline):
    model = Attendance
    extra = 0
    autocomplete_fields = ["person", "substitute_for", "org_unit"]


class DeclarationInline(admin.TabularInline):
    model = Declaration
    extra = 0
    autocomplete_fields = ["person", "agenda_item"]


class MinuteInline(admin.TabularInline):
    model = Minute
    fk_name = "meeting"
    extra = 0
    fields = ["number", "title", "agenda_item"]
    show_change_link = True


@admin.register(Meeting)
class MeetingAdmin(SimpleHistoryAdmin):
    list_display = ["board", "date", "start_time", "venue", "status", "agenda_published_at"]
    list_filter = ["board", "status", "municipal_year"]
    search_fields = ["board__name", "venue__room", "items__title"]
    date_hierarchy = "date"
    autocomplete_fields = ["board", "venue", "contact_officer", "signatory"]
    raw_id_fields = ["minutes_approved_at"]
    readonly_fields = ["agenda_published_by", "version"]
    inlines = [AgendaItemInline, AttendanceInline, DeclarationInline, MinuteInline]

    def save_formset(self, request, form, formset, change) -> None:
        # Minutes carry their meeting's board and year so numbers stay unique per year.
        instances = formset.save(commit=False)
        for instance in instances:
            if isinstance(instance, Minute):
                instance.board_id = form.instance.board_id
                instance.municipal_year_id = form.instance.municipal_year_id
            instance.save()
        for obj in formset.deleted_objects:
            obj.delete()
        formset.save_m2m()


class AgendaSubItemInline(admin.TabularInline):
    model = AgendaSubItem
    extra = 0


class DocumentInline(admin.StackedInline):
    model = Document
    fk_name = "agenda_item"
    extra = 0
    fields = [
        "position",
        "kind",
        "source",
        "title",
        "heading",
        "to_line",
        "parent",
        "file",
        "is_restricted",
        "exempt_paragraphs",
        "withdrawn_at",
    ]
    show_change_link = True


@admin.register(AgendaItem)
class AgendaItemAdmin(SimpleHistoryAdmin):
    list_display = ["__str__", "meeting", "section", "kind", "report_of"]
    list_filter = ["section", "kind", "meeting__board"]
    search_fields = ["title", "description", "meeting__board__name"]
    autocomplete_fields = ["meeting", "report_of", "public_counterpart", "work_programme_item"]
    inlines = [AgendaSubItemInline, DocumentInline]


@admin.register(Document)
class DocumentAdmin(SimpleHistoryAdmin):
    list_display = ["title", "agenda_item", "kind", "source", "is_restricted", "withdrawn_at"]
    list_filter = ["kind", "source", "is_restricted", "agenda_item__meeting__board"]
    search_fields = ["title", "to_line", "agenda_item__title"]
    autocomplete_fields = ["agenda_item", "parent"]
    readonly_fields = ["page_count", "created_at", "updated_at", "version"]


@admin.register(Attendance)
class AttendanceAdmin(admin.ModelAdmin):
    list_display = ["person", "meeting", "category", "status", "substitute_for"]
    list_filter = ["category", "status", "meeting__board"]
    search_fields = ["person__surname", "description"]
    autocomplete_fields = ["meeting", "person", "substitute_for", "org_unit"]


@admin.register(Declaration)
class DeclarationAdmin(admin.ModelAdmin):
    list_display = ["person", "meeting", "kind", "action"]
    list_filter = ["kind", "action"]
    search_fields = ["person__surname", "interest"]
    autocomplete_fields = ["meeting", "agenda_item", "person"]


class DiscussionPointInline(admin.TabularInline):
    model = DiscussionPoint
    extra = 0


class ResolutionInline(admin.StackedInline):
    model = Resolution
    extra = 0
    show_change_link = True


@admin.register(Minute)
class MinuteAdmin(SimpleHistoryAdmin):
    list_display = ["number", "title", "meeting", "municipal_year"]
    list_filter = ["board", "municipal_year"]
    search_fields = ["title", "body_html", "meeting__board__name"]
    autocomplete_fields = ["meeting", "agenda_item"]
    readonly_fields = ["board", "municipal_year", "version"]
    inlines = [DiscussionPointInline, ResolutionInline]


class ResolutionPartInline(admin.TabularInline):
    model = ResolutionPart
    extra = 0
    show_change_link = True


@admin.register(Resolution)
class ResolutionAdmin(SimpleHistoryAdmin):
    list_display = ["__str__", "preamble", "label_style"]
    search_fields = ["preamble", "minute__title", "parts__text"]
    autocomplete_fields = ["minute"]
    inlines = [ResolutionPartInline]


class ResolutionBulletInline(admin.TabularInline):
    model = ResolutionBullet
    extra = 0


@admin.register(ResolutionPart)
class ResolutionPartAdmin(SimpleHistoryAdmin):
    list_display = ["__str__", "resolution", "tracker_kind"]
    list_filter = ["tracker_kind"]
    search_fields = ["text"]
    autocomplete_fields = ["resolution"]
    inlines = [ResolutionBulletInline]


class WorkProgrammeItemInline(admin.TabularInline):
    model = WorkProgrammeItem
    extra = 0
    fields = ["section", "meeting", "position", "title", "lead_text", "status"]
    autocomplete_fields = ["meeting"]
    show_change_link = True


@admin.register(WorkProgramme)
class WorkProgrammeAdmin(admin.ModelAdmin):
    list_display = ["__str__", "board", "municipal_year", "is_draft", "last_updated"]
    list_filter = ["board", "municipal_year", "is_draft"]
    search_fields = ["title", "board__name"]
    inlines = [WorkProgrammeItemInline]


class WorkProgrammeMoveInline(admin.TabularInline):
    model = WorkProgrammeMove
    extra = 0
    autocomplete_fields = ["from_meeting", "to_meeting"]


@admin.register(WorkProgrammeItem)
class WorkProgrammeItemAdmin(admin.ModelAdmin):
    list_display = ["title", "programme", "section", "meeting", "status"]
    list_filter = ["section", "status", "origin", "programme__board"]
    search_fields = ["title", "detail", "lead_text"]
    autocomplete_fields = ["programme", "meeting", "requested_at"]
    inlines = [WorkProgrammeMoveInline]


from meetings.models import AgendaPack  # noqa: E402 - pack area, added last


@admin.register(AgendaPack)
class AgendaPackAdmin(admin.ModelAdmin):
    """Built packs, read only: they are built by `pack_build_request` or `build_packs`;
    the files are downloaded from the meeting page (access-checked), not from here."""

    list_display = ["meeting", "audience", "status", "page_count", "built_at"]
    list_filter = ["audience", "status"]
    list_select_related = ["meeting__board"]
    exclude = ["file"]
    readonly_fields = [
        "meeting",
        "audience",
        "status",
        "page_count",
        "page_ranges",
        "untagged_documents",
        "source_hash",
        "requested_at",
        "built_at",
        "error",
    ]

    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False
