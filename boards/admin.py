from django.contrib import admin
from django.contrib.auth.admin import UserAdmin
from django.http import HttpRequest, HttpResponseRedirect
from django.urls import reverse
from simple_history.admin import SimpleHistoryAdmin

from boards.models import (
    Board,
    ClosureDay,
    Council,
    Membership,
    MunicipalYear,
    OrgUnit,
    Person,
    Portfolio,
    Post,
    User,
    Venue,
)


@admin.register(Council)
class CouncilAdmin(SimpleHistoryAdmin):
    """The singleton: the list page goes straight to the one row."""

    fieldsets = [
        (None, {"fields": ["name", "address", "website_url", "public_attendance_url"]}),
        (
            "Contact and branding",
            {"fields": ["contact_email", "contact_phone", "logo", "brand_colour"]},
        ),
        (
            "Date formats",
            {
                "description": "Placeholders: {weekday}, {day}, {day_ord}, {month}, "
                "{month_short}, {month_num}, {year}, {year_short}, {time}, {time_dotted}.",
                "fields": [
                    "date_format_front_sheet",
                    "date_format_published",
                    "date_format_minutes_item",
                    "date_format_minutes_heading",
                    "date_format_document",
                    "date_format_tracker",
                    "date_format_response",
                    "date_format_work_programme",
                    "date_format_apology_deadline",
                ],
            },
        ),
        (
            "Minutes",
            {"fields": ["minute_numbering", "minute_reference_format", "resolution_labels"]},
        ),
        (
            "Deadlines",
            {
                "fields": [
                    "clear_working_days",
                    "apology_deadline_time",
                    "speaking_request_deadline_time",
                    "tracker_response_months",
                ]
            },
        ),
        (
            "Agenda and pack wording",
            {
                "classes": ["collapse"],
                "fields": [
                    "text_apologies_item",
                    "text_declarations_item",
                    "text_exclusion_item",
                    "text_exclusion_description",
                    "text_aob_description",
                    "text_meeting_evaluation_description",
                    "text_minutes_subitem_agree",
                    "text_minutes_subitem_matters_arising",
                    "text_agenda_notes",
                    "text_accessibility",
                    "text_public_access",
                    "text_blank_page",
                    "text_restricted",
                    "text_no_interests",
                    "text_minutes_approved",
                    "text_progress_reports",
                ],
            },
        ),
    ]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj=None) -> bool:
        return False

    def changelist_view(self, request: HttpRequest, extra_context=None):
        council = Council.load()
        return HttpResponseRedirect(reverse("admin:boards_council_change", args=[council.pk]))


@admin.register(ClosureDay)
class ClosureDayAdmin(admin.ModelAdmin):
    list_display = ["date", "reason"]
    date_hierarchy = "date"
    search_fields = ["reason"]


@admin.register(MunicipalYear)
class MunicipalYearAdmin(admin.ModelAdmin):
    list_display = ["label", "start_date", "end_date"]
    search_fields = ["label"]


@admin.register(OrgUnit)
class OrgUnitAdmin(admin.ModelAdmin):
    list_display = ["name", "kind"]
    list_filter = ["kind"]
    search_fields = ["name"]


class PostInline(admin.TabularInline):
    model = Post
    fk_name = "holder"
    extra = 0
    autocomplete_fields = ["org_unit"]


class PortfolioInline(admin.TabularInline):
    model = Portfolio
    extra = 0


class PersonMembershipInline(admin.TabularInline):
    model = Membership
    fk_name = "person"
    extra = 0
    autocomplete_fields = ["board"]


@admin.register(Person)
class PersonAdmin(admin.ModelAdmin):
    list_display = [
        "surname",
        "initials",
        "forenames",
        "honorific",
        "is_councillor",
        "org_unit",
        "email",
    ]
    list_filter = ["is_councillor", "org_unit"]
    search_fields = ["surname", "forenames", "initials", "email", "organisation"]
    autocomplete_fields = ["org_unit"]
    inlines = [PersonMembershipInline, PostInline, PortfolioInline]


@admin.register(Post)
class PostAdmin(admin.ModelAdmin):
    list_display = ["title", "holder", "org_unit", "valid_from", "valid_to"]
    list_filter = ["org_unit"]
    search_fields = ["title", "holder__surname"]
    autocomplete_fields = ["holder", "org_unit"]


@admin.register(Portfolio)
class PortfolioAdmin(admin.ModelAdmin):
    list_display = ["title", "holder", "is_deputy", "valid_from", "valid_to"]
    list_filter = ["is_deputy"]
    search_fields = ["title", "holder__surname"]
    autocomplete_fields = ["holder"]


@admin.register(Venue)
class VenueAdmin(admin.ModelAdmin):
    list_display = ["room", "building"]
    search_fields = ["room", "building"]


class BoardMembershipInline(admin.TabularInline):
    model = Membership
    fk_name = "board"
    extra = 0
    autocomplete_fields = ["person"]
    ordering = ["-start_date", "person__surname"]


@admin.register(Board)
class BoardAdmin(admin.ModelAdmin):
    list_display = ["name", "kind", "keeps_tracker", "is_active"]
    list_filter = ["kind", "keeps_tracker", "is_active"]
    search_fields = ["name", "short_name"]
    prepopulated_fields = {"slug": ["name"]}
    autocomplete_fields = ["default_venue", "scrutiny_coordinator", "governance_contacts"]
    inlines = [BoardMembershipInline]


@admin.register(Membership)
class MembershipAdmin(SimpleHistoryAdmin):
    list_display = ["person", "board", "role", "capacity", "start_date", "end_date"]
    list_filter = ["board", "role"]
    search_fields = ["person__surname", "board__name", "capacity"]
    autocomplete_fields = ["board", "person"]
    date_hierarchy = "start_date"


@admin.register(User)
class ScrutinyUserAdmin(UserAdmin):
    list_display = ["username", "email", "role", "person", "is_staff", "is_active"]
    list_filter = ["role", "is_staff", "is_active"]
    autocomplete_fields = ["person"]
    fieldsets = [
        *UserAdmin.fieldsets,
        ("Role in Scrutiny", {"fields": ["role", "person"]}),
    ]
    add_fieldsets = [
        *UserAdmin.add_fieldsets,
        ("Role in Scrutiny", {"fields": ["role", "person"]}),
    ]
