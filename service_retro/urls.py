from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path

from stories.core import health

admin.site.site_header = "Service Retro administration"
admin.site.site_title = "Service Retro admin"

urlpatterns = [
    path("admin/", admin.site.urls),
    path(
        "accounts/login/",
        auth_views.LoginView.as_view(redirect_authenticated_user=True),
        name="login",
    ),
    path("healthz", health.healthz, name="healthz"),
    # Ours first: the app's own password-reset pages replace Django's admin-styled ones.
    path("", include("stories.urls")),
    path("accounts/", include("django.contrib.auth.urls")),
]

# A lost database is a clean 503 with Retry-After, from any view or middleware.
handler500 = "stories.core.errors.server_error"
