"""How people are named on pages, exports and e-mails."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.utils.translation import gettext_lazy as _

if TYPE_CHECKING:
    from django.contrib.auth.models import AbstractBaseUser

ANONYMOUS_LABEL = _("Anonymous")


def display_name(user: AbstractBaseUser) -> str:
    """A person's full name, or their username when they gave none."""
    return user.get_full_name() or user.get_username()  # type: ignore[attr-defined]
