from django.contrib.auth import views as auth_views
from django.urls import path, reverse_lazy

from stories.accounts import views
from stories.accounts.forms import OutboxPasswordResetForm
from stories.core.throttle import throttled, throttled_password_change

# The reset pages in the app's own templates (Django's defaults are the admin's). These come
# before django.contrib.auth.urls in service_retro/urls.py, so they win by name and path.
urlpatterns = [
    path("accounts/profile/", views.profile, name="profile"),
    path("accounts/logout-everywhere/", views.logout_everywhere, name="logout_everywhere"),
    path(
        "accounts/password_change/",
        throttled_password_change(auth_views.PasswordChangeView.as_view()),
        name="password_change",
    ),
    path(
        "accounts/password_reset/",
        # Throttled like the login pages: one address cannot be flooded with reset mail.
        throttled("email")(
            auth_views.PasswordResetView.as_view(
                form_class=OutboxPasswordResetForm,
                template_name="accounts/password_reset_form.html",
                email_template_name="accounts/password_reset_email.txt",
                subject_template_name="accounts/password_reset_subject.txt",
                success_url=reverse_lazy("password_reset_done"),
            )
        ),
        name="password_reset",
    ),
    path(
        "accounts/password_reset/done/",
        auth_views.PasswordResetDoneView.as_view(template_name="accounts/password_reset_done.html"),
        name="password_reset_done",
    ),
    path(
        "accounts/reset/<uidb64>/<token>/",
        auth_views.PasswordResetConfirmView.as_view(
            template_name="accounts/password_reset_confirm.html",
            success_url=reverse_lazy("password_reset_complete"),
        ),
        name="password_reset_confirm",
    ),
    path(
        "accounts/reset/done/",
        auth_views.PasswordResetCompleteView.as_view(template_name="accounts/password_reset_complete.html"),
        name="password_reset_complete",
    ),
]
