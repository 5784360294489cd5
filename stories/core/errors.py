"""Error pages that need no database: they are what people see while it is away."""

from __future__ import annotations

import sys

from django.db import InterfaceError, OperationalError
from django.http import HttpRequest, HttpResponse, HttpResponseServerError
from django.template.loader import render_to_string

# Seconds a client should wait before trying again: a database restart takes a few.
RETRY_AFTER = 5


def database_unavailable() -> HttpResponse:
    """A plain 503: no context processors, no session, no query, so it renders while the database is down."""
    response = HttpResponse(render_to_string("503.html"), status=503)
    response["Retry-After"] = str(RETRY_AFTER)
    response["Cache-Control"] = "no-store"
    return response


def server_error(request: HttpRequest) -> HttpResponse:
    """handler500: a lost database connection is "try again in a moment", never a traceback.

    Django calls it while handling the exception, from any view or middleware, so the
    exception in flight says whether the database went away.
    """
    error = sys.exc_info()[1]
    if isinstance(error, OperationalError | InterfaceError):
        return database_unavailable()
    return HttpResponseServerError(render_to_string("500.html"))
