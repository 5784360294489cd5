"""How people are named on pages, exports and e-mails."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.utils.translation import gettext_lazy as _

if TYPE_CHECKING:
    from django.contrib.auth.models import AbstractBaseUser

ANONYMOUS_LABEL = _("Anonymous")


def display_name(user: AbstractBaseUser) -> str:
    """A person's full name, or their username when they gave none."""
    return name_from(user.first_name, user.last_name, user.get_username())  # type: ignore[attr-defined]


def name_from(first_name: str, last_name: str, username: str) -> str:
    """display_name() from the columns alone, for a page that reads them as plain values."""
    return f"{first_name} {last_name}".strip() or username
