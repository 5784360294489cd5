"""How people are named on pages, exports and e-mails."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django.utils.translation import gettext_lazy as _

if TYPE_CHECKING:
    from django.contrib.auth.models import AbstractBaseUser

ANONYMOUS_LABEL = _("Anonymous")

# What display_name() reads: a save that writes none of them (a login's last_login) renames nobody.
NAME_FIELDS = frozenset({"first_name", "last_name", "username"})


def display_name(user: AbstractBaseUser) -> str:
    """A person's full name, or their username when they gave none."""
    return name_from(user.first_name, user.last_name, user.get_username())  # type: ignore[attr-defined]


def name_from(first_name: str, last_name: str, username: str) -> str:
    """display_name() from the columns alone, for a page that reads them as plain values."""
    return f"{first_name} {last_name}".strip() or username


def name_saved(sender: Any, update_fields: Any = None, **_kwargs: Any) -> None:
    """Connected to the saves of people and principles (apps.py), the admin's included."""
    from stories.core.figure_cache import names_changed

    if sender._meta.model_name != "user" or update_fields is None or NAME_FIELDS & set(update_fields):
        names_changed()
