from django.urls import path

from meetings.views import agenda
from meetings.views import documents as document_views
from meetings.views import minutes as minutes_views
from meetings.views import public as views

app_name = "meetings"
urlpatterns = [
    path("calendar/", views.calendar, name="calendar"),
    path("<int:pk>/", views.meeting_detail, name="meeting_detail"),
    path("documents/<int:pk>/", views.document_detail, name="document_detail"),
    path("documents/<int:pk>/file/", views.document_file, name="document_file"),
    # Officers: papers under agenda items (meetings/views/documents.py).
    path(
        "manage/items/<int:pk>/documents/",
        document_views.document_list,
        name="document_list",
    ),
    path(
        "manage/items/<int:pk>/documents/add/",
        document_views.document_add,
        name="document_add",
    ),
    path(
        "manage/documents/<int:pk>/appendices/add/",
        document_views.document_add_appendix,
        name="document_add_appendix",
    ),
    path("manage/documents/<int:pk>/edit/", document_views.document_edit, name="document_edit"),
    path(
        "manage/documents/<int:pk>/replace/",
        document_views.document_replace,
        name="document_replace",
    ),
    path(
        "manage/documents/<int:pk>/withdraw/",
        document_views.document_withdraw,
        name="document_withdraw",
    ),
    path(
        "manage/documents/<int:pk>/restore/",
        document_views.document_restore,
        name="document_restore",
    ),
    path("manage/documents/<int:pk>/move/", document_views.document_move, name="document_move"),
    path(
        "manage/documents/<int:pk>/history/",
        document_views.document_history,
        name="document_history",
    ),
    # Officers: the dashboard, meetings, the agenda builder and publishing.
    path("manage/", agenda.dashboard, name="dashboard"),
    path("manage/new/", agenda.meeting_create, name="meeting_create"),
    path("manage/schedule/", agenda.meeting_schedule, name="meeting_schedule"),
    path("manage/<int:pk>/", agenda.agenda_builder, name="agenda_builder"),
    path("manage/<int:pk>/edit/", agenda.meeting_edit, name="meeting_edit"),
    path("manage/<int:pk>/cancel/", agenda.meeting_cancel, name="meeting_cancel"),
    path("manage/<int:pk>/move/", agenda.meeting_move, name="meeting_move"),
    path("manage/<int:pk>/history/", agenda.meeting_history, name="meeting_history"),
    path("manage/<int:pk>/items/new/", agenda.item_add, name="item_add"),
    path("manage/<int:pk>/publish/", agenda.publication_check, name="publication_check"),
    path("manage/items/<int:pk>/", agenda.item_edit, name="item_edit"),
    path("manage/items/<int:pk>/move/", agenda.item_move, name="item_move"),
    path("manage/items/<int:pk>/delete/", agenda.item_delete, name="item_delete"),
    # Anyone: e-mails when a board publishes an agenda.
    path("subscribe/<slug:slug>/", agenda.publication_subscribe, name="publication_subscribe"),
    path(
        "subscriptions/<str:token>/confirm/",
        agenda.publication_subscribe_confirm,
        name="publication_subscribe_confirm",
    ),
    path(
        "subscriptions/<str:token>/unsubscribe/",
        agenda.publication_unsubscribe,
        name="publication_unsubscribe",
    ),
    # Minutes (issue 6): officers write them; the public reads them on the meeting page.
    path("manage/<int:pk>/minutes/", minutes_views.minutes_manage, name="minutes_manage"),
    path("manage/<int:pk>/minutes/start/", minutes_views.minutes_start, name="minutes_start"),
    path(
        "manage/<int:pk>/minutes/closed/", minutes_views.minutes_closed_at, name="minutes_closed_at"
    ),
    path("manage/<int:pk>/minutes/publish/", minutes_views.minutes_publish, name="minutes_publish"),
    path("manage/<int:pk>/minutes/approve/", minutes_views.minutes_approve, name="minutes_approve"),
    path(
        "manage/<int:pk>/minutes/attendance/",
        minutes_views.attendance_edit,
        name="attendance_edit",
    ),
    path(
        "manage/<int:pk>/minutes/declarations/",
        minutes_views.declaration_edit,
        name="declaration_edit",
    ),
    path("manage/<int:pk>/minutes/add/", minutes_views.minute_add, name="minute_add"),
    path("manage/<int:pk>/minutes/<int:minute_pk>/", minutes_views.minute_edit, name="minute_edit"),
    path(
        "manage/<int:pk>/minutes/<int:minute_pk>/delete/",
        minutes_views.minute_delete,
        name="minute_delete",
    ),
    path("boards/<slug:slug>/decisions/", minutes_views.decisions, name="decisions"),
]

from meetings.views import packs as pack_views  # noqa: E402 - pack area, added last

urlpatterns += [
    path("<int:pk>/pack/", pack_views.pack_public, name="pack_public"),
    path("<int:pk>/pack/full/", pack_views.pack_full, name="pack_full"),
    path("<int:pk>/minutes.pdf", pack_views.pack_minutes, name="pack_minutes"),
]
