"""One-line text: titles, names, nicknames and reasons never carry line breaks or control characters.

A CR/LF in a title ends up in an e-mail subject (where Django refuses it) and in the
Markdown report (where it starts a new block): so the forms strip them as they clean what
a person typed, and the models refuse whatever reaches them another way.
"""

from __future__ import annotations

import re
from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.utils.deconstruct import deconstructible
from django.utils.translation import gettext_lazy as _

# C0 and C1 controls, DEL, and the Unicode line and paragraph separators.
CONTROL_CHARACTERS = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]")


def one_line(text: str) -> str:
    """The text on one line: every control character becomes a space, runs of spaces one."""
    return " ".join(CONTROL_CHARACTERS.sub(" ", text).split())


@deconstructible
class OneLineValidator:
    message = _("Keep this on one line: no line breaks or control characters.")
    code = "control_characters"

    def __call__(self, value: Any) -> None:
        if isinstance(value, str) and CONTROL_CHARACTERS.search(value):
            raise ValidationError(self.message, code=self.code)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, OneLineValidator)

    def __hash__(self) -> int:
        return hash(self.code)


validate_one_line = OneLineValidator()


class OneLineCharField(forms.CharField):
    """A form field that cleans pasted line breaks and control characters into single spaces."""

    def to_python(self, value: Any) -> str | None:
        text = super().to_python(value)
        return one_line(text) if text else text
