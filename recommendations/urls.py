from django.urls import path

from recommendations import views

app_name = "recommendations"
urlpatterns = [
    path("", views.tracker, name="tracker"),
    path("export.csv", views.tracker_csv, name="tracker_csv"),
    path("new/", views.trackeritem_create_from_part, name="trackeritem_create_from_part"),
    path("<int:pk>/", views.trackeritem_detail, name="trackeritem_detail"),
    path("<int:pk>/respond/", views.trackeritem_respond, name="trackeritem_respond"),
    path("<int:pk>/edit/", views.trackeritem_edit, name="trackeritem_edit"),
    path("boards/<slug:slug>/", views.board_recommendations, name="board_recommendations"),
    path(
        "meetings/<int:pk>/outstanding-issues/",
        views.outstanding_issues,
        name="outstanding_issues",
    ),
]
