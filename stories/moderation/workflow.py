"""The moderation moves on a story, each a compare-and-set on its status.

Two moderators deciding at once: the second finds the status changed and is told so;
nothing is overwritten silently. Every move writes exactly one ModerationEvent. Which move
is legal from which status is the table in moves.py.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any, NoReturn

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from stories.core.figure_cache import figures_changed
from stories.core.labels import ChoiceLabels
from stories.core.policy import can_publish_personal_data, is_story_author
from stories.log.personal_data import kinds_found
from stories.log.personal_data import redact as redact_text
from stories.log.terms import FREE_TEXT_FIELDS, Status
from stories.moderation.models import Flag, ModerationAction, ModerationEvent
from stories.moderation.moves import (
    PERSONAL_DATA_REASON,
    HoldsPersonalData,
    IllegalTransition,
    is_legal,
    publishing_refusal,
)
from stories.moderation.waiting import waiting_changed
from stories.notifications import notify
from stories.notifications.models import NotificationKind
from stories.retros import live
from stories.teams.models import ModerationMode

if TYPE_CHECKING:
    import datetime as dt

    from django.contrib.auth.models import AnonymousUser, User

    from stories.teams.models import Team

    AnyUser = User | AnonymousUser


def acting_user(user: AnyUser | None) -> Any:
    return user if user is not None and user.is_authenticated else None


class StoryWorkflow(ChoiceLabels):
    """The moves of a story's moderation; Story inherits them (abstract: no table, no fields)."""

    if TYPE_CHECKING:
        pk: int
        team_id: int
        happened_on: dt.date
        status: str
        status_reason: str
        published_at: dt.datetime | None
        author_id: int
        team: Team
        anonymous: bool

    class Meta:
        abstract = True

    def _stories(self) -> Any:
        return type(self)._default_manager.all()

    def announce_change(self, *other_team_ids: int, any_month: bool = False) -> None:
        """Tell whatever shows this story elsewhere that it changed, on every app server: its
        team's cached figures, the open pages of its retro month (their live stamp) and every
        moderation badge. Each move calls it; so does the admin when it edits or retags, with
        `any_month` since an edit there may have changed the story's date."""
        figures_changed(self.team_id, *other_team_ids, months=None if any_month else [self.happened_on])
        month = self.happened_on.replace(day=1)  # pragma: no mutate (live keys name year and month only)
        live.bump_on_commit(self.team_id, month, live.VOTES)
        waiting_changed()

    def record_event(
        self, action: str, by: AnyUser | None, reason: str, *, from_status: str | None = None
    ) -> ModerationEvent:
        """The story's history gains an event: from `from_status` (its status, unless it moved)
        to the status it has now, by the person acting (None for the app itself)."""
        return ModerationEvent.objects.create(
            story_id=self.pk,
            actor=acting_user(by),
            action=action,
            from_status=self.status if from_status is None else from_status,
            to_status=self.status,
            reason=reason,
        )

    def _move(
        self,
        *,
        action: str,
        to: str,
        by: AnyUser | None,
        reason: str = "",
        extra: dict[str, Any] | None = None,
        resolve_flags: bool = False,
        check: Callable[[], None] | None = None,
    ) -> ModerationEvent:
        if not is_legal(action, self.status):
            raise IllegalTransition.refused(action, self.status)
        updates: dict[str, Any] = {"status": to, "updated_at": timezone.now(), **(extra or {})}
        if to == Status.PUBLISHED and self.published_at is None:
            updates["published_at"] = timezone.now()
        with transaction.atomic():
            if check is not None:
                check()
            changed = self._stories().filter(pk=self.pk, status=self.status).update(**updates)
            if not changed:
                self._raise_already_decided()
            from_status = self.status
            for field, value in updates.items():
                setattr(self, field, value)
            if (from_status == Status.PUBLISHED) != (to == Status.PUBLISHED):
                # A sequel coming or going changes the first-sequel dates of what it follows.
                from stories.karma.models import refresh_sequel_dates_of_originals

                refresh_sequel_dates_of_originals(self)
            if resolve_flags:
                self._resolve_open_flags(by)
            self.announce_change()
            return self.record_event(action, by, reason, from_status=from_status)

    def _raise_already_decided(self) -> NoReturn:
        current = self._stories().filter(pk=self.pk).values_list("status", flat=True).first()
        label = Status(current).label.lower() if current else _("gone")
        raise IllegalTransition(
            _("Someone else already decided this story: it is now %(status)s.") % {"status": label}
        )

    def _resolve_open_flags(self, by: AnyUser | None) -> int:
        return Flag.objects.filter(story_id=self.pk, resolved_at__isnull=True).update(
            resolved_at=timezone.now(), resolved_by=acting_user(by)
        )

    def submit(self, *, by: AnyUser, personal_data: bool = False) -> ModerationEvent:
        """Record a newly saved story: published at once in a post-moderated team, else held.

        Personal data found in the text holds the story for a moderator whatever the team's mode.
        """
        if personal_data:
            to, action, reason = Status.PENDING, ModerationAction.HOLD, str(PERSONAL_DATA_REASON)
        elif self.team.moderation_mode == ModerationMode.PRE:
            to, action, reason = Status.PENDING, ModerationAction.SUBMIT, ""
        else:
            to, action, reason = Status.PUBLISHED, ModerationAction.SUBMIT, ""
        updates: dict[str, Any] = {"status": to, "status_reason": reason}
        if to == Status.PUBLISHED:
            updates["published_at"] = timezone.now()
        self._stories().filter(pk=self.pk).update(**updates)
        for field, value in updates.items():
            setattr(self, field, value)
        self.announce_change()
        # A new story comes from no status.
        return self.record_event(action, by, reason, from_status="")

    def publishing_refusal_for(self, user: AnyUser) -> str | None:
        """Why this user may not publish the story as it stands (approve or restore it), or None."""
        if can_publish_personal_data(user):
            return None
        return publishing_refusal(
            {field: getattr(self, field) for field in (*FREE_TEXT_FIELDS, "status_reason")}, self.team.country
        )

    def _locked_text(self) -> dict[str, Any] | None:
        """The stored text the guard reads, locked for the move's transaction; None when the
        story is gone or was decided meanwhile (its status is no longer this copy's)."""
        return (
            self._stories()
            .select_for_update()
            .filter(pk=self.pk, status=self.status)
            .values(*FREE_TEXT_FIELDS, "status_reason")
            .first()
        )

    def _require_clearance_to_publish(self, by: AnyUser) -> None:
        """Only a moderator publishes a story that may hold personal data.

        Runs inside the move's transaction on the stored text, locked: an edit that just
        put personal data back must not slip through on a copy read a moment earlier.
        """
        if can_publish_personal_data(by):
            return
        current = self._locked_text()
        # Gone or decided meanwhile: the compare-and-set that follows says so.
        refusal = publishing_refusal(current, self.team.country) if current is not None else None
        if refusal:
            raise HoldsPersonalData(refusal)

    # Each decision tells the author, with one explicit call where it happens.

    def approve(self, *, by: AnyUser) -> ModerationEvent:
        event = self._publish(ModerationAction.APPROVE, by)
        notify.story_decided(self, NotificationKind.STORY_PUBLISHED, by=by)
        return event

    def _publish(self, action: str, by: AnyUser) -> ModerationEvent:
        """Approve or restore: published, flags resolved, personal data cleared first."""
        return self._move(
            action=action,
            to=Status.PUBLISHED,
            by=by,
            extra={"status_reason": ""},
            resolve_flags=True,
            check=lambda: self._require_clearance_to_publish(by),
        )

    def _send_away(
        self,
        action: str,
        to: str,
        by: AnyUser | None,
        reason: str,
        told: NotificationKind,
        # Not mutated: only hide() resolves flags, and it says so; reject() starts from pending,
        # and a pending story holds no open flag (flags are raised on published stories).
        resolve_flags: bool = False,  # pragma: no mutate
    ) -> ModerationEvent:
        """Reject or hide: the reason is kept on the story for its author, who is told."""
        event = self._move(
            action=action,
            to=to,
            by=by,
            reason=reason,
            extra={"status_reason": reason},
            resolve_flags=resolve_flags,
        )
        notify.story_decided(self, told, by=by, reason=reason)
        return event

    def reject(self, *, by: AnyUser, reason: str) -> ModerationEvent:
        reason = (reason or "").strip()
        if not reason:
            raise IllegalTransition(_("A rejection needs a reason the author can act on."))
        return self._send_away(
            ModerationAction.REJECT, Status.REJECTED, by, reason, NotificationKind.STORY_SENT_BACK
        )

    def hide(self, *, by: AnyUser | None, reason: str = "") -> ModerationEvent:
        reason = (reason or "").strip()
        return self._send_away(
            ModerationAction.HIDE,
            Status.HIDDEN,
            by,
            reason,
            NotificationKind.STORY_HIDDEN,
            resolve_flags=True,
        )

    def restore(self, *, by: AnyUser) -> ModerationEvent:
        event = self._publish(ModerationAction.RESTORE, by)
        notify.story_decided(self, NotificationKind.FLAG_DECIDED, by=by)
        return event

    def withdraw(self, *, by: AnyUser) -> ModerationEvent:
        if not is_story_author(by, self):  # type: ignore[arg-type]
            raise IllegalTransition(_("Only the author can withdraw a story."))
        return self._move(
            action=ModerationAction.WITHDRAW,
            to=Status.WITHDRAWN,
            by=by,
        )

    def resubmit(self, *, by: AnyUser, personal_data: bool = False) -> ModerationEvent:
        refusal = _("Only the author can resubmit a story.")
        return self._authors_move(ModerationAction.RESUBMIT, by, personal_data, refusal)

    def _authors_move(self, action: str, by: AnyUser, personal_data: bool, refusal: Any) -> ModerationEvent:
        """Back to review by its author; personal data kept in the text holds it with that reason."""
        if not is_story_author(by, self):  # type: ignore[arg-type]
            raise IllegalTransition(refusal)
        reason = str(PERSONAL_DATA_REASON) if personal_data else ""
        return self._move(
            action=action, to=Status.PENDING, by=by, reason=reason, extra={"status_reason": reason}
        )

    def record_edit(self, *, by: AnyUser, personal_data: bool = False) -> ModerationEvent:
        """Log the author's saved changes: a rejected story goes back for review, a pending one waits on.

        Call it after saving the edited fields. Personal data kept in the text holds the story
        with the reason "personal data"; once it is gone, that reason goes too.
        """
        if self.status == Status.REJECTED:
            return self.resubmit(by=by, personal_data=personal_data)
        return self._authors_move(
            ModerationAction.EDIT, by, personal_data, _("Only the author can edit a story.")
        )

    def redact(self, *, by: AnyUser) -> ModerationEvent:
        """Replace the personal data in every free-text field by "[email]", "[phone]", …

        Nothing removed is kept anywhere: the flags' comments and the history's reasons are
        cleaned too, and the event names the kinds removed, never the values. The status does
        not change. Flags are resolved, except on a hidden story: it stays in the queue until
        a moderator restores it or dismisses the flags.
        """
        if not is_legal(ModerationAction.REDACT, self.status):
            raise IllegalTransition.refused(ModerationAction.REDACT, self.status)
        with transaction.atomic():
            current = self._locked_text()
            if current is None:
                self._raise_already_decided()
            kinds: set[str] = set()
            updates: dict[str, Any] = {}
            for field in (*FREE_TEXT_FIELDS, "status_reason"):
                found = kinds_found(current[field], self.team.country)
                if found:
                    kinds |= found
                    # "[email]" is one character longer than the shortest address.
                    # Every field has max_length (None where unbounded): the default is not mutated.
                    max_length = getattr(self._meta.get_field(field), "max_length", None)  # pragma: no mutate
                    updates[field] = redact_text(current[field], self.team.country)[:max_length]
            if not kinds:
                raise IllegalTransition(_("There is no personal data to redact in this story."))
            if self.status_reason == str(PERSONAL_DATA_REASON):
                updates["status_reason"] = ""
            updates["updated_at"] = timezone.now()
            self._stories().filter(pk=self.pk).update(**updates)
            for field, value in updates.items():
                setattr(self, field, value)
            for model in (Flag, ModerationEvent):
                text_field = "comment" if model is Flag else "reason"
                for pk, text in model.objects.filter(story_id=self.pk).values_list("pk", text_field):
                    if kinds_found(text, self.team.country):
                        model.objects.filter(pk=pk).update(
                            **{text_field: redact_text(text, self.team.country)}
                        )
            if self.status != Status.HIDDEN:
                self._resolve_open_flags(by)
            self.announce_change()
            return self.record_event(
                ModerationAction.REDACT,
                by,
                _("Removed personal data: %(kinds)s.") % {"kinds": ", ".join(sorted(kinds))},
            )
