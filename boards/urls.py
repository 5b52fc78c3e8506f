from django.urls import path

from boards import views

app_name = "boards"
urlpatterns = [
    path("", views.board_list, name="board_list"),
    path("people/<int:pk>/", views.person_detail, name="person_detail"),
    path("<slug:slug>/", views.board_detail, name="board_detail"),
    path("<slug:slug>/work-programme/", views.work_programme, name="work_programme"),
]
