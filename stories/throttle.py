"""Throttling for the sign-in pages that do not check a password, so django-axes does not see them.

Login pages (ours, the admin's) are throttled by the authentication backend. A password reset
request checks nothing, but each one mails a person and tells the sender whether to go on:
every request counts as a failed attempt for that address from that IP, so the same
lockout (and the same admin list of lockouts) covers it.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any

from axes.handlers.proxy import AxesProxyHandler
from axes.helpers import get_lockout_response
from django.contrib.auth.signals import user_login_failed
from django.http import HttpRequest
from django.http.response import HttpResponseBase

View = Callable[..., HttpResponseBase]


def throttled(field: str) -> Callable[[View], View]:
    """Count each POST of `field` (the e-mail of a reset request) as an attempt; refuse once locked out."""

    def decorate(view: View) -> View:
        @wraps(view)
        def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponseBase:
            if request.method != "POST":
                return view(request, *args, **kwargs)
            credentials = {"username": request.POST.get(field, "").strip().lower()}
            if not AxesProxyHandler.is_allowed(request, credentials):
                return get_lockout_response(request, None, credentials)  # type: ignore[arg-type]
            response = view(request, *args, **kwargs)
            user_login_failed.send(sender=__name__, credentials=credentials, request=request)
            return response

        return wrapped

    return decorate
