"""Parts of a page rendered once per app server process for the same data.

Thirty-six months of trend charts, or a retro's heatmap with its sparklines, take most of their
page's time to render, though the figures behind them change only when a story of their months
moves. Such a fragment is rendered from plain data alone (figures as JSON, labels, a slug), with
no request and no person in its context, so the same data in the same language always gives the
same HTML: it is kept under a digest of that data and given back while the data stays the same.
A moderation decision changes the figures, hence the digest: never an old fragment.

Kept in the process, not in the shared cache: it is not state (any process renders the same
HTML), and a new release, which may render differently, starts with none. Small fragments too:
a story card (log/templatetags.py) costs the template engine close to a millisecond, and a
list shows twenty of them.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import threading
from collections import OrderedDict
from collections.abc import Callable
from typing import Any

from django.template.loader import render_to_string
from django.utils.formats import date_format
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.timezone import localtime
from django.utils.translation import get_language

from stories.core.choices import VOCABULARIES

# A bounded memory per process, the least recently used going first: at most 8 million
# characters (16 MB, as Python keeps text with a ✓ in it at two bytes a character), some five
# thousand story cards (1.5 KB each) or forty trend charts of 36 months (180 KB).
KEPT_CHARACTERS = 8_000_000

# What {% csrf_token %} writes in a kept fragment; each request's own token replaces it.
CSRF_SLOT = "\ue010"

_kept: OrderedDict[str, SafeString] = OrderedDict()
_kept_characters = 0
_lock = threading.Lock()


def rendered_once(
    template_name: str,
    data: Any,
    context: Callable[[], dict[str, Any]],
    *,
    csrf_token: Any = None,
) -> SafeString:
    """render_to_string(template_name, context()), given back while `data` stays the same.

    `data` is everything context() is made from, as plain JSON-like values (dates are written
    as text); the template sees only context(): no request, no user. Its forms' `{% csrf_token %}`
    is a slot, filled each time the fragment is given back with `csrf_token`: the page's own
    (the `csrf_token` of a template's context, masked once per page).
    """
    key = json.dumps([template_name, get_language(), data], sort_keys=True, default=str)
    digest = hashlib.sha256(key.encode()).hexdigest()
    with _lock:
        html = _kept.get(digest)
        if html is not None:
            _kept.move_to_end(digest)
            return _with_token(html, csrf_token)
    # The vocabularies (`RetroStatus.CLOSED`) are constants: every template may compare with them.
    html = mark_safe(  # noqa: S308 - escaped by the template
        render_to_string(template_name, {**VOCABULARIES, **context(), "csrf_token": CSRF_SLOT})
    )
    global _kept_characters
    with _lock:
        if digest not in _kept:
            _kept[digest] = html
            _kept_characters += len(html)
        while _kept_characters > KEPT_CHARACTERS and len(_kept) > 1:
            _kept_characters -= len(_kept.popitem(last=False)[1])
    return _with_token(html, csrf_token)


def _with_token(html: SafeString, csrf_token: Any) -> SafeString:
    if csrf_token is None:
        return html
    # Only the whole attribute is replaced: text a person typed has its quotes escaped, so it
    # can never hold this exact sequence.
    token = f'value="{escape(str(csrf_token))}"'
    return mark_safe(html.replace(f'value="{CSRF_SLOT}"', token))  # noqa: S308 - escaped above


# A kept fragment sees plain values only: a date or a moment is given as the <time> element
# writes it, machine-readable and shown, as `{{ value|date:… }}` would in the page's zone.


def shown_day(value: dt.date, format_name: str = "SHORT_DATE_FORMAT") -> dict[str, str]:
    return {"iso": value.isoformat(), "shown": date_format(value, format_name)}


def shown_moment(value: dt.datetime, format_name: str = "SHORT_DATETIME_FORMAT") -> dict[str, str]:
    local = localtime(value)
    return {"iso": local.isoformat(), "shown": date_format(local, format_name)}
