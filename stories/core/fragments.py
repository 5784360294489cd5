"""Parts of a page rendered once per app server process for the same data.

Thirty-six months of trend charts, or a retro's heatmap with its sparklines, take most of their
page's time to render, though the figures behind them change only when a story of their months
moves. Such a fragment is rendered from plain data alone (figures as JSON, labels, a slug), with
no request and no person in its context, so the same data in the same language always gives the
same HTML: it is kept under a digest of that data and given back while the data stays the same.
A moderation decision changes the figures, hence the digest: never an old fragment.

Kept in the process, not in the shared cache: it is not state (any process renders the same
HTML), and a new release, which may render differently, starts with none.
"""

from __future__ import annotations

import hashlib
import json
import threading
from collections import OrderedDict
from collections.abc import Callable
from typing import Any

from django.template.loader import render_to_string
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language

from stories.core.choices import VOCABULARIES

# The fragments are at most a few hundred KB (trends at 36 months: 180 KB): a bounded memory.
KEPT_FRAGMENTS = 64

_kept: OrderedDict[str, SafeString] = OrderedDict()
_lock = threading.Lock()


def rendered_once(template_name: str, data: Any, context: Callable[[], dict[str, Any]]) -> SafeString:
    """render_to_string(template_name, context()), given back while `data` stays the same.

    `data` is everything context() is made from, as plain JSON-like values (dates are written
    as text); the template sees only context(): no request, no user, no CSRF token.
    """
    key = json.dumps([template_name, get_language(), data], sort_keys=True, default=str)
    digest = hashlib.sha256(key.encode()).hexdigest()
    with _lock:
        html = _kept.get(digest)
        if html is not None:
            _kept.move_to_end(digest)
            return html
    # The vocabularies (`RetroStatus.CLOSED`) are constants: every template may compare with them.
    html = mark_safe(render_to_string(template_name, {**VOCABULARIES, **context()}))  # noqa: S308 - escaped
    with _lock:
        _kept[digest] = html
        while len(_kept) > KEPT_FRAGMENTS:
            _kept.popitem(last=False)
    return html
