"""The product's vocabularies in every template rendered with its request, so a template
compares a value with its choice (`radio.data.value == Kind.GOOD`), never with a string
typed again. An inclusion tag's template does not get them (Django leaves context
processors out there): a model's own attribute (`story.is_published`) serves it instead.
A fragment rendered from plain data (core/fragments.py) gets them too."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest

from stories.log.terms import Kind, Perspective, Status, Verdict
from stories.retros.due import RetroStatus

# Django's choices tell templates not to call them, so `Kind.GOOD` is the member itself.
VOCABULARIES: dict[str, Any] = {
    "Kind": Kind,
    "Perspective": Perspective,
    "RetroStatus": RetroStatus,
    "Status": Status,
    "Verdict": Verdict,
}


def vocabularies(request: HttpRequest) -> dict[str, Any]:
    return VOCABULARIES
