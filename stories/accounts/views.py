"""The person's own pages: profile (name, e-mail, language, notifications) and logout everywhere."""

from __future__ import annotations

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.sessions.models import Session
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from stories.accounts.forms import ProfileForm
from stories.accounts.language import remember_language
from stories.core.http import AuthenticatedHttpRequest
from stories.core.policy import asks


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
@asks()
def profile(request: AuthenticatedHttpRequest) -> HttpResponse:
    form = ProfileForm(request.POST if request.method == "POST" else None, user=request.user)
    if request.method == "POST" and form.is_valid():
        saved = form.save()
        remember_language(request, saved.language)
        messages.success(request, _("Your profile is saved."))
        return redirect("profile")
    return render(request, "accounts/profile.html", {"form": form}, status=400 if form.errors else 200)


def _end_other_sessions(request: AuthenticatedHttpRequest) -> int:
    """Delete this person's sessions on every other device (database sessions: scanned, a rare act)."""
    if settings.SESSION_ENGINE != "django.contrib.sessions.backends.db":
        return 0
    user_id = str(request.user.pk)
    current = request.session.session_key
    ended = [
        session.pk
        for session in Session.objects.filter(expire_date__gt=timezone.now()).iterator()
        if session.pk != current and session.get_decoded().get("_auth_user_id") == user_id
    ]
    Session.objects.filter(pk__in=ended).delete()
    return len(ended)


@login_required
@require_POST
@asks()
def logout_everywhere(request: AuthenticatedHttpRequest) -> HttpResponse:
    """End every other session and give this one a new key, so a copied cookie is worth nothing."""
    ended = _end_other_sessions(request)
    request.session.cycle_key()
    messages.success(request, _("Logged out everywhere else (%(n)d other sessions ended).") % {"n": ended})
    return redirect("profile")
