from django.urls import path

from meetings import views

app_name = "meetings"
urlpatterns = [
    path("calendar/", views.calendar, name="calendar"),
    path("<int:pk>/", views.meeting_detail, name="meeting_detail"),
    path("documents/<int:pk>/", views.document_detail, name="document_detail"),
    path("documents/<int:pk>/file/", views.document_file, name="document_file"),
]
