"""Choice labels looked up in a table built once per field and language.

Django's own `get_<field>_display()` builds a dict of every choice on each call, and hashing
each lazy label translates it: a story card's four labels cost a third of a millisecond, the
team's country (every country of the world) far more. The labels only change with the
language, so each model with choices takes `ChoiceLabels` as its base instead of
`models.Model`, and a label is one lookup in the active language's table.
"""

from __future__ import annotations

import functools
from typing import Any

from django.db import models
from django.utils.translation import get_language


class ChoiceLabels(models.Model):
    class Meta:
        abstract = True

    def _get_FIELD_display(self, field: models.Field[Any, Any]) -> Any:
        value = getattr(self, field.attname)
        try:
            return _labels(field, get_language())[value]
        except (KeyError, TypeError):  # not a choice, or unhashable: Django's own answer
            return super()._get_FIELD_display(field)  # type: ignore[misc]


@functools.cache
def _labels(field: models.Field[Any, Any], language: str | None) -> dict[Any, str]:
    """`language` is only the key: the caller's active language is the one str() translates into."""
    return {value: str(label) for value, label in field.flatchoices}
