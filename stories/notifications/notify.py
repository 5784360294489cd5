"""Telling people what concerns them. The models call these where each event happens.

A notification lands in the app (the bell) and/or waits for a mail, as the person chose on
their profile. Events (a decision on your story, an action item assigned to you) enqueue that
person's mail at once; scheduled ones wait for the run's digest, one mail per person.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django.db import IntegrityError, transaction
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from stories.accounts.models import Profile
from stories.core.text import one_line
from stories.notifications.models import EmailState, Notification, NotificationKind

if TYPE_CHECKING:
    from stories.models import ActionItem


def language_of(user: Any) -> str:
    from django.conf import settings

    return Profile.of(user).language or settings.LANGUAGE_CODE


def notify(
    user: Any, kind: str, *, title: str, body: str = "", url: str = "", key: str = ""
) -> Notification | None:
    """Record one notification as the person wants it; None if they switched this kind off
    (or, with a key, if it was already recorded: scheduled runs are idempotent)."""
    in_app, email = Profile.of(user).wants(kind)
    if not (in_app or email):
        return None
    try:
        with transaction.atomic():
            return Notification.objects.create(
                user=user,
                kind=kind,
                # One line: a title becomes a mail subject, where a line break is refused.
                title=one_line(title)[:200],
                body=body,
                url=url,
                key=key,
                in_app=in_app,
                email_state=EmailState.WAITING if email else EmailState.NONE,
            )
    except IntegrityError:
        return None


def notify_now(user: Any, kind: str, **fields: str) -> Notification | None:
    notification = notify(user, kind, **fields)
    if notification is not None and notification.email_state == EmailState.WAITING:
        from stories.notifications.tasks import send_digest

        send_digest.enqueue(user.pk)
    return notification


_STORY_TITLES = {
    NotificationKind.STORY_PUBLISHED: gettext_noop("Your story “%(title)s” was published."),
    NotificationKind.STORY_SENT_BACK: gettext_noop("Your story “%(title)s” was sent back to you."),
    NotificationKind.STORY_HIDDEN: gettext_noop("Your story “%(title)s” was hidden."),
    NotificationKind.STORY_FLAGGED: gettext_noop("Your story “%(title)s” was flagged for a moderator."),
    NotificationKind.FLAG_DECIDED: gettext_noop(
        "A moderator decided the flags on “%(title)s”: it stays published."
    ),
}


def story_decided(story: Any, kind: NotificationKind, *, by: Any, reason: str = "") -> None:
    """Tell the author what happened to their story; never the decider's name (it is the team's call)."""
    author = story.author
    if by is not None and by.pk == author.pk:
        return
    with translation.override(language_of(author)):
        title = _(_STORY_TITLES[kind]) % {"title": story.title}
        body = _("Reason: %(reason)s") % {"reason": reason} if reason else ""
    notify_now(author, kind, title=title, body=body, url=story.get_absolute_url())


def action_item_assigned(item: ActionItem, *, by: Any) -> None:
    owner = item.owner
    if owner is None or (by is not None and by.pk == owner.pk):
        return
    from django.urls import reverse

    with translation.override(language_of(owner)):
        title = _("An action item was assigned to you: “%(text)s”") % {"text": item.text}
        body = _("Due %(date)s.") % {"date": item.due_on.isoformat()} if item.due_on else ""
    url = reverse("retro_detail", args=[item.team.slug, item.retro.month])
    notify_now(owner, NotificationKind.ACTION_ASSIGNED, title=title, body=body, url=url)
