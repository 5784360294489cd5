"""Login throttling (django-axes) for every way in through HTTP.

Login pages (ours, the admin's, any added later) are throttled by the authentication
backend below. A password reset request checks no password, so axes does not see it, but
each one mails a person: `throttled` counts every request as a failed attempt for that
address from that IP, so the same lockout (and the same admin list of lockouts) covers it.
The password change page counts each wrong current password the same way.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any

from axes.backends import AxesStandaloneBackend
from axes.handlers.proxy import AxesProxyHandler
from axes.helpers import get_lockout_response
from django.conf import settings
from django.contrib.auth.signals import user_login_failed
from django.http import HttpRequest
from django.http.response import HttpResponseBase

View = Callable[..., HttpResponseBase]


def client_ip(request: HttpRequest) -> str | None:
    """The address a lockout is for: the peer's, or with TRUSTED_PROXY_COUNT proxies in front,
    the one the outermost of them saw (each proxy appends the address it was called from)."""
    proxies = settings.TRUSTED_PROXY_COUNT
    forwarded = [
        part.strip() for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if part.strip()
    ]
    if proxies and len(forwarded) >= proxies:
        return forwarded[-proxies]
    return request.META.get("REMOTE_ADDR")


def _throttle(
    credentials_of: Callable[[HttpRequest], dict[str, str]],
    failed: Callable[[HttpResponseBase], bool],
) -> Callable[[View], View]:
    """Refuse a POST once its credentials are locked out; count it as a failed attempt when `failed`."""

    def decorate(view: View) -> View:
        @wraps(view)
        def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponseBase:
            if request.method != "POST":
                return view(request, *args, **kwargs)
            credentials = credentials_of(request)
            if not AxesProxyHandler.is_allowed(request, credentials):
                return get_lockout_response(request, None, credentials)  # type: ignore[arg-type]
            response = view(request, *args, **kwargs)
            if failed(response):
                user_login_failed.send(sender=__name__, credentials=credentials, request=request)
            return response

        return wrapped

    return decorate


def throttled(field: str) -> Callable[[View], View]:
    """Count each POST of `field` (the e-mail of a reset request) as an attempt; refuse once locked out."""
    return _throttle(
        lambda request: {"username": request.POST.get(field, "").strip().lower()}, lambda _: True
    )


def _wrong_old_password(response: HttpResponseBase) -> bool:
    form = (getattr(response, "context_data", None) or {}).get("form")
    return form is not None and "old_password" in form.errors


# Changing a password asks for the current one, so a session left open on a shared front-desk
# computer would let anyone guess it without limit: each wrong guess counts as a failed login
# of that person from that address, under the same lockout.
throttled_password_change = _throttle(
    lambda request: {"username": request.user.get_username()}, _wrong_old_password
)


class ThrottledLoginBackend(AxesStandaloneBackend):
    """django-axes' lockout check, for requests only.

    A login page always passes the request, so every one of them is throttled. Code that
    checks a password with no client behind it (a management command, a shell) has nobody
    to throttle, where axes would refuse to answer at all.
    """

    def authenticate(self, request: HttpRequest | None, *args: Any, **kwargs: Any) -> None:  # type: ignore[override]
        if request is None:
            return None
        return super().authenticate(request, *args, **kwargs)
