"""Flags on a story (a member asks a moderator to look again, a moderator dismisses them), and
`decide`, the one door every moderator's decision goes through.

The other moves are in workflow.py; Story inherits both through FlaggableStory.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.db import IntegrityError, transaction
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from stories.core.policy import is_story_author, is_team_member
from stories.log.terms import Status
from stories.moderation.models import Flag, FlagReason, ModerationAction, ModerationEvent
from stories.moderation.moves import PERSONAL_DATA_REASON, IllegalTransition, is_legal
from stories.moderation.waiting import waiting_changed
from stories.moderation.workflow import StoryWorkflow, acting_user
from stories.notifications import notify
from stories.notifications.models import NotificationKind

if TYPE_CHECKING:
    from django.contrib.auth.models import AnonymousUser, User

    AnyUser = User | AnonymousUser


class FlaggableStory(StoryWorkflow):
    """The workflow's moves plus flagging; Story inherits it (abstract: no table, no fields)."""

    class Meta:
        abstract = True

    def decide(self, action: str, *, by: AnyUser, reason: str = "") -> ModerationEvent:
        """A moderator's decision named by its action: the queue, the story page and the admin
        all decide through here. Only rejecting and hiding keep a reason."""
        if action == ModerationAction.REJECT:
            return self.reject(by=by, reason=reason)
        if action == ModerationAction.HIDE:
            return self.hide(by=by, reason=reason)
        decisions = {
            ModerationAction.APPROVE: self.approve,
            ModerationAction.RESTORE: self.restore,
            ModerationAction.REDACT: self.redact,
            ModerationAction.DISMISS_FLAGS: self.dismiss_flags,
        }
        return decisions[ModerationAction(action)](by=by)

    def flag(self, *, by: AnyUser, reason: str, comment: str = "") -> Flag:
        """A member asks a moderator to look at a published story.

        A personal-data flag also hides the story at once, until a moderator decides.
        """
        if reason not in FlagReason.values:
            raise IllegalTransition(_("Choose why you are flagging this story."))
        if not is_team_member(by, self.team):
            raise IllegalTransition(_("Only members of the team can flag its stories."))
        if not is_legal(ModerationAction.FLAG, self.status):
            raise IllegalTransition.refused(ModerationAction.FLAG, self.status)
        if is_story_author(by, self):  # type: ignore[arg-type]
            raise IllegalTransition(
                _("You cannot flag your own story; ask your team lead if it should come down.")
            )
        label = str(FlagReason(reason).label)
        try:
            with transaction.atomic():
                flag = Flag.objects.create(
                    story_id=self.pk,
                    raised_by=acting_user(by),
                    reason=reason,
                    comment=(comment or "").strip(),
                )
                ModerationEvent.objects.create(
                    story_id=self.pk,
                    actor=acting_user(by),
                    action=ModerationAction.FLAG,
                    from_status=Status.PUBLISHED,
                    to_status=Status.PUBLISHED,
                    reason=label,
                )
                if reason == FlagReason.PERSONAL_DATA:
                    # The app hides it, not the member: the history must not point at who flagged.
                    self._move(
                        action=ModerationAction.HIDE,
                        to=Status.HIDDEN,
                        by=None,
                        reason=str(_("Flagged: %(reason)s") % {"reason": label.lower()}),
                        extra={"status_reason": str(PERSONAL_DATA_REASON)},
                    )
                elif not self._stories().filter(pk=self.pk, status=Status.PUBLISHED).exists():
                    self._raise_already_decided()
                waiting_changed()
        except IntegrityError:
            raise IllegalTransition(
                _("You have already flagged this story; a moderator will look at it.")
            ) from None
        notify.story_decided(self, NotificationKind.STORY_FLAGGED, by=None, reason=label)
        return flag

    def dismiss_flags(self, *, by: AnyUser) -> ModerationEvent:
        """A moderator finds the open flags unfounded: they are closed and the story stays as it is."""
        with transaction.atomic():
            dismissed = self._resolve_open_flags(by)
            if not dismissed:
                raise IllegalTransition(_("This story has no open flags: someone already decided."))
            waiting_changed()
            notify.story_decided(self, NotificationKind.FLAG_DECIDED, by=by)
            return self.record_event(
                ModerationAction.DISMISS_FLAGS,
                by,
                ngettext("%(count)d flag dismissed.", "%(count)d flags dismissed.", dismissed)
                % {"count": dismissed},
            )
