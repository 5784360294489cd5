"""Telling an action item's new owner, by e-mail through the project's mail settings."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.urls import reverse
from django.utils.translation import gettext as _

if TYPE_CHECKING:
    from stories.retros.models import ActionItem


def notify_owner(item: ActionItem) -> None:
    """Sent once the assignment is committed: a rolled-back one tells nobody anything."""
    owner = item.owner
    if owner is None or not owner.email:
        return
    retro_url = reverse("retro_detail", kwargs={"slug": item.team.slug, "month": item.retro.month})
    subject = _("Action item for you: %(text)s") % {"text": item.text[:80]}
    body = _(
        "You now own this action item of %(team)s:\n\n  %(text)s\n\nDue: %(due)s\n\n"
        "See it in the retro: %(base)s%(url)s\n"
    ) % {
        "team": item.team.name,
        "text": item.text,
        "due": item.due_on.isoformat() if item.due_on else _("no date"),
        "base": getattr(settings, "SITE_URL", ""),
        "url": retro_url,
    }
    recipient = owner.email
    transaction.on_commit(lambda: send_mail(subject, body, None, [recipient], fail_silently=True))
