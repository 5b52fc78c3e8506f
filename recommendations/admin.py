from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from recommendations.models import (
    TrackerItem,
    TrackerItemReport,
    TrackerReminder,
    TrackerResponse,
)


class TrackerResponseInline(admin.TabularInline):
    model = TrackerResponse
    extra = 0
    fields = ["date", "text", "from_text", "recorded_by"]
    readonly_fields = ["recorded_by"]


class TrackerItemReportInline(admin.TabularInline):
    model = TrackerItemReport
    extra = 0
    autocomplete_fields = ["meeting"]


@admin.register(TrackerItem)
class TrackerItemAdmin(SimpleHistoryAdmin):
    list_display = ["__str__", "board", "source_meeting", "kind", "status", "due_date"]
    list_filter = ["board", "kind", "status"]
    search_fields = ["text", "agenda_item_title", "responsible_text", "officer_contacts__surname"]
    date_hierarchy = "due_date"
    autocomplete_fields = [
        "board",
        "source_meeting",
        "agenda_item",
        "minute",
        "resolution_part",
        "responsible_person",
        "officer_contacts",
    ]
    readonly_fields = ["version"]
    inlines = [TrackerResponseInline, TrackerItemReportInline]

    def save_formset(self, request, form, formset, change) -> None:
        instances = formset.save(commit=False)
        for instance in instances:
            if isinstance(instance, TrackerResponse) and not instance.recorded_by_id:
                instance.recorded_by = request.user
            instance.save()
        for obj in formset.deleted_objects:
            obj.delete()
        formset.save_m2m()


@admin.register(TrackerReminder)
class TrackerReminderAdmin(admin.ModelAdmin):
    """The reminder log, written only by send_tracker_reminders."""

    list_display = ["person", "kind", "sent_on", "item_count"]
    list_filter = ["kind", "sent_on"]
    search_fields = ["person__surname", "person__forenames"]
    date_hierarchy = "sent_on"

    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False
