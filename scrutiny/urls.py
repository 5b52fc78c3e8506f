from django.contrib import admin
from django.urls import include, path

from meetings import views as meetings_views

admin.site.site_header = "Scrutiny administration"
admin.site.site_title = "Scrutiny"

urlpatterns = [
    path("", meetings_views.home, name="home"),
    path("boards/", include("boards.urls")),
    path("meetings/", include("meetings.urls")),
    path("admin/", admin.site.urls),
]
