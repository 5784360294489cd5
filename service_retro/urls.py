from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path

from stories.core import health
from stories.core.throttle import throttled

admin.site.site_header = "Service Retro administration"
admin.site.site_title = "Service Retro admin"

urlpatterns = [
    path("admin/", admin.site.urls),
    path(
        "accounts/login/",
        auth_views.LoginView.as_view(redirect_authenticated_user=True),
        name="login",
    ),
    # Before the include, so the reset request goes through the throttle.
    path(
        "accounts/password_reset/",
        throttled("email")(auth_views.PasswordResetView.as_view()),
        name="password_reset",
    ),
    path("accounts/", include("django.contrib.auth.urls")),
    path("healthz", health.healthz, name="healthz"),
    path("", include("stories.urls")),
]

# A lost database is a clean 503 with Retry-After, from any view or middleware.
handler500 = "stories.core.errors.server_error"
