"""Each person's own language: chosen on the profile, kept in the session, activated per request.

Blank follows the browser (LocaleMiddleware). The choice is copied into the session at login
and when the profile is saved, so no page pays a query for it.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.utils import translation

SESSION_KEY = "profile_language"


def remember_language(request: HttpRequest, language: str) -> None:
    if language:
        request.session[SESSION_KEY] = language
    else:
        request.session.pop(SESSION_KEY, None)


def remember_language_at_login(sender: Any, request: HttpRequest | None, user: Any, **kwargs: Any) -> None:
    if request is None or not hasattr(request, "session"):
        return
    from stories.accounts.models import Profile

    # Asked of the database, not a related-object cache that may predate a profile change.
    language = Profile.objects.filter(user=user).values_list("language", flat=True).first()
    remember_language(request, language or "")


class PersonalLanguageMiddleware:
    """After LocaleMiddleware and authentication: the signed-in person's choice beats the browser's."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response
        self.known = {code for code, _name in settings.LANGUAGES}

    def __call__(self, request: HttpRequest) -> HttpResponse:
        language = request.session.get(SESSION_KEY) if hasattr(request, "session") else None
        if language in self.known and request.user.is_authenticated:
            translation.activate(language)
            request.LANGUAGE_CODE = language
        response = self.get_response(request)
        if language in self.known:
            response.headers.setdefault("Content-Language", language)
        return response
