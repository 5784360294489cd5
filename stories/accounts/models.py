"""A person's own settings: language and which notifications reach them, and how."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from stories.core.labels import ChoiceLabels


class Profile(ChoiceLabels):
    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="profile")
    language = models.CharField(
        _("language"),
        max_length=8,
        blank=True,
        choices=settings.LANGUAGES,
        help_text=_("Leave empty to follow your browser."),
    )
    # Notification kinds switched off, per channel; everything is on until a person says otherwise.
    muted_in_app = models.JSONField(default=list, blank=True)
    muted_email = models.JSONField(default=list, blank=True)

    def __str__(self) -> str:
        return f"Profile of {self.user}"

    @classmethod
    def of(cls, user: Any) -> Profile:
        """The person's profile, an unsaved default one if they never changed anything."""
        try:
            return user.profile  # type: ignore[no-any-return]
        except cls.DoesNotExist:
            return cls(user=user)

    def wants(self, kind: str) -> tuple[bool, bool]:
        """(in the app, by e-mail) for one notification kind."""
        user = self.user
        can_mail = bool(user.email) and user.is_active
        return kind not in self.muted_in_app, can_mail and kind not in self.muted_email
