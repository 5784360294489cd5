"""One way to answer htmx: the whole page, or one named partial of the same template."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.cache import patch_vary_headers


def wants_partial(request: HttpRequest) -> bool:
    """An htmx swap of part of the page.

    A boosted request and a history restore (back/forward after htmx pushed the URL, with
    the page gone from htmx's cache) need the whole page, so they never get a fragment.
    """
    htmx = getattr(request, "htmx", None)
    return bool(htmx and not htmx.boosted and not htmx.history_restore_request)


def render_page_or_partial(
    request: HttpRequest, template_name: str, partial: str, context: dict[str, Any], **kwargs: Any
) -> HttpResponse:
    """`template_name` for a browser, `template_name#partial` for an htmx swap.

    Both come from one URL, so caches must keep them apart: `Vary: HX-Request`.
    """
    name = f"{template_name}#{partial}" if wants_partial(request) else template_name
    response = render(request, name, context, **kwargs)
    patch_vary_headers(response, ("HX-Request",))
    return response
