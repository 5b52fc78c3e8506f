from django.conf import settings
from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_not_required
from django.urls import include, path

from boards import forms as account_forms
from boards import views as boards_views
from meetings import feeds, search
from meetings.views import public as meetings_views

admin.site.site_header = "Scrutiny administration"
admin.site.site_title = "Scrutiny"

# django.contrib.auth's views with our GOV.UK forms; the names are Django's own.
account_urls = [
    path(
        "login/",
        auth_views.LoginView.as_view(authentication_form=account_forms.LoginForm),
        name="login",
    ),
    # Open to all: a visitor whose session has expired can still press "Sign out".
    path("logout/", login_not_required(auth_views.LogoutView.as_view()), name="logout"),
    path(
        "password-change/",
        auth_views.PasswordChangeView.as_view(form_class=account_forms.PasswordChangeForm),
        name="password_change",
    ),
    path(
        "password-change/done/",
        auth_views.PasswordChangeDoneView.as_view(),
        name="password_change_done",
    ),
    path(
        "password-reset/",
        auth_views.PasswordResetView.as_view(form_class=account_forms.PasswordResetForm),
        name="password_reset",
    ),
    path(
        "password-reset/sent/",
        auth_views.PasswordResetDoneView.as_view(),
        name="password_reset_done",
    ),
    path(
        "reset/<uidb64>/<token>/",
        auth_views.PasswordResetConfirmView.as_view(form_class=account_forms.SetPasswordForm),
        name="password_reset_confirm",
    ),
    path(
        "reset/done/",
        auth_views.PasswordResetCompleteView.as_view(),
        name="password_reset_complete",
    ),
]

urlpatterns = [
    path("", meetings_views.home, name="home"),
    path("boards/", include("boards.urls")),
    path("meetings/", include("meetings.urls")),
    path("search/", search.search, name="search"),
    path("tracker/", include("recommendations.urls")),
    path("feeds/", include((feeds.urlpatterns, "feeds"))),
    path("accessibility/", boards_views.accessibility, name="accessibility"),
    path("council.css", boards_views.council_css, name="council_css"),
    path("accounts/", include(account_urls)),
    path("admin/", admin.site.urls),
]

# The benchmark's yardstick (`make bench`): only when BENCHMARK_HELLO=1, never in production.
if settings.BENCHMARK_HELLO:
    from scrutiny import views as scrutiny_views

    urlpatterns += [path("bench/hello/", scrutiny_views.bench_hello, name="bench_hello")]
