"""One mail per person with everything waiting for them: never a storm, whatever is due."""

from __future__ import annotations

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.translation import ngettext

from stories.notifications.models import EmailState, Notification, OutgoingMail
from stories.notifications.notify import language_of


def mail_waiting_notifications(user_id: int) -> int:
    """Put every notification waiting for this person into one outbox mail. Returns how many."""
    from stories.notifications.tasks import send_outgoing_mail

    user = get_user_model().objects.filter(pk=user_id).first()
    waiting = Notification.objects.waiting_for_mail().filter(user_id=user_id)
    if user is None or not user.email or not user.is_active:
        waiting.update(email_state=EmailState.NONE)
        return 0
    with transaction.atomic():
        mail = OutgoingMail.objects.create(to=user.email, subject="", body="", user=user)
        # Compare-and-set: a digest racing this one takes what it claimed, never the same item.
        claimed = waiting.update(email_state=EmailState.QUEUED, mail=mail)
        if not claimed:
            mail.delete()
            return 0
        items = list(Notification.objects.filter(mail=mail).order_by("created_at", "pk"))
        site = settings.SITE_URL.rstrip("/")
        with translation.override(language_of(user)):
            mail.subject = (
                items[0].title
                if len(items) == 1
                else ngettext(
                    "%(count)d update from Service Retro",
                    "%(count)d updates from Service Retro",
                    len(items),
                )
                % {"count": len(items)}
            )[:250]
            mail.body = render_to_string(
                "notifications/digest_email.txt",
                {
                    "name": user.get_short_name() or user.get_username(),
                    "items": items,
                    "site": site,
                    "profile_url": site + reverse("profile"),
                },
            )
        mail.save(update_fields=["subject", "body"])
        send_outgoing_mail.enqueue(mail.pk)
    return len(items)


def mail_everyone_waiting() -> int:
    """Enqueue one digest per person with something waiting. Returns how many people."""
    from stories.notifications.tasks import send_digest

    user_ids = list(
        Notification.objects.waiting_for_mail()
        .order_by("user_id")
        .values_list("user_id", flat=True)
        .distinct()
    )
    for user_id in user_ids:
        send_digest.enqueue(user_id)
    return len(user_ids)
