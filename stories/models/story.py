from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING, Any, NoReturn

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import IntegrityError, models, transaction
from django.db.models import Exists, OuterRef, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from stories.models.teams import Membership, Principle, Role, Team
from stories.months import month_after

if TYPE_CHECKING:
    from django.contrib.auth.models import AnonymousUser, User

    AnyUser = User | AnonymousUser

TITLE_MAX = 120
TEXT_MAX = 5000
ANONYMOUS_LABEL = _("Anonymous")
PERSONAL_DATA_REASON = _("personal data")
SYSTEM_LABEL = _("Service Retro")
FLAGGER_LABEL = _("A team member")
# How the author sees who acted on their story: the people who decide stay unnamed, so a
# decision is the team's, not a person's to be confronted about.
AUTHOR_SELF_LABEL = _("you")
AUTHOR_MODERATOR_LABEL = _("a moderator")
STILL_HOLDS_PERSONAL_DATA = _("This story still holds personal data: redact it first, or ask a moderator.")
HELD_FOR_PERSONAL_DATA = _(
    "This story was held for personal data and has not been redacted since: only a moderator can publish it."
)


class Kind(models.TextChoices):
    GOOD = "good", _("Good service")
    BAD = "bad", _("Bad service")


class Perspective(models.TextChoices):
    GAVE = "gave", _("We gave it")
    RECEIVED = "received", _("We received it, as customers")


class Channel(models.TextChoices):
    IN_PERSON = "in_person", _("In person")
    PHONE = "phone", _("Phone")
    EMAIL = "email", _("E-mail")
    CHAT = "chat", _("Chat")
    SOCIAL = "social", _("Social media")
    OTHER = "other", _("Other")


class Status(models.TextChoices):
    PENDING = "pending", _("Pending review")
    PUBLISHED = "published", _("Published")
    REJECTED = "rejected", _("Rejected")
    HIDDEN = "hidden", _("Hidden")
    WITHDRAWN = "withdrawn", _("Withdrawn")


class Verdict(models.TextChoices):
    HONOURED = "honoured", _("Honoured")
    BROKEN = "broken", _("Broken")


class ModerationAction(models.TextChoices):
    SUBMIT = "submit", _("Submitted")
    HOLD = "hold", _("Held for review")
    APPROVE = "approve", _("Approved")
    REJECT = "reject", _("Rejected")
    HIDE = "hide", _("Hidden")
    RESTORE = "restore", _("Restored")
    REDACT = "redact", _("Redacted")
    WITHDRAW = "withdraw", _("Withdrawn")
    RESUBMIT = "resubmit", _("Resubmitted")
    EDIT = "edit", _("Edited")
    FLAG = "flag", _("Flagged")
    DISMISS_FLAGS = "dismiss_flags", _("Flags dismissed")


class FlagReason(models.TextChoices):
    PERSONAL_DATA = "personal_data", _("Customer personal data")
    UNFAIR = "unfair", _("Unfair to a colleague")
    OFFENSIVE = "offensive", _("Offensive")
    OTHER = "other", _("Other")


# The verb for "Cannot %(action)s a story that is …": the action labels are past tense.
_ACTION_VERBS = {
    ModerationAction.SUBMIT: _("submit"),
    ModerationAction.HOLD: _("hold"),
    ModerationAction.APPROVE: _("approve"),
    ModerationAction.REJECT: _("reject"),
    ModerationAction.HIDE: _("hide"),
    ModerationAction.RESTORE: _("restore"),
    ModerationAction.REDACT: _("redact"),
    ModerationAction.WITHDRAW: _("withdraw"),
    ModerationAction.RESUBMIT: _("resubmit"),
    ModerationAction.EDIT: _("edit"),
    ModerationAction.FLAG: _("flag"),
    ModerationAction.DISMISS_FLAGS: _("dismiss the flags of"),
}

# Free text a person typed, all of which the personal-data guard scans and redaction cleans.
REDACTABLE_FIELDS = ("title", "what_happened", "lesson", "cost_note", "client_nickname")


class IllegalTransition(Exception):
    """A moderation move that the story's current status does not allow."""

    @classmethod
    def refused(cls, action: str, status: str) -> IllegalTransition:
        return cls(
            _("Cannot %(action)s a story that is %(status)s.")
            % {"action": _ACTION_VERBS[ModerationAction(action)], "status": Status(status).label.lower()}
        )


class HoldsPersonalData(IllegalTransition):
    """Publishing a story that may still hold personal data, asked by someone who is not a moderator."""


def publishing_refusal(values: Mapping[str, Any]) -> str | None:
    """Why only a moderator may publish a story with these field values, or None if anyone may.

    The text still holds personal data, or the story was held for it (by the guard or by a
    personal-data flag) and nobody has redacted it since: a flag may point at what the
    detector cannot see, such as a name.
    """
    from stories.personal_data import find_personal_data

    if any(find_personal_data(values[field] or "") for field in REDACTABLE_FIELDS):
        return str(STILL_HOLDS_PERSONAL_DATA)
    if values["status_reason"] == str(PERSONAL_DATA_REASON):
        return str(HELD_FOR_PERSONAL_DATA)
    return None


def is_moderator(user: AnyUser) -> bool:
    return bool(user.is_authenticated and (user.is_superuser or user.has_perm("stories.moderate_story")))


class StoryQuerySet(models.QuerySet["Story"]):
    def published(self) -> StoryQuerySet:
        return self.filter(status=Status.PUBLISHED)

    def in_teams_of(self, user: AnyUser) -> StoryQuerySet:
        if not user.is_authenticated:
            return self.none()
        if user.is_superuser:
            return self.all()
        return self.filter(team__memberships__user=user.pk)

    def visible_to(self, user: AnyUser) -> StoryQuerySet:
        """What may appear in lists: my teams' published stories, plus my own in any state."""
        if not user.is_authenticated:
            return self.none()
        own = Q(author=user) & ~Q(status=Status.WITHDRAWN)
        if user.is_superuser:
            return self.filter(Q(status=Status.PUBLISHED) | own)
        member_of = Exists(Membership.objects.filter(team=OuterRef("team"), user=user.pk))
        return self.filter((Q(status=Status.PUBLISHED) & member_of) | own)

    def in_month(self, month_start: dt.date) -> StoryQuerySet:
        """Stories that happened in the month; `happened_on` is already the team's local date."""
        return self.filter(happened_on__gte=month_start, happened_on__lt=month_after(month_start))

    def for_month(self, team: Team, year: int, month: int) -> StoryQuerySet:
        return self.filter(team=team).in_month(dt.date(year, month, 1))

    def with_related(self) -> StoryQuerySet:
        """Everything a story card shows, in a constant number of queries."""
        return self.select_related("team", "author").prefetch_related(
            models.Prefetch(
                "tags",
                queryset=StoryPrinciple.objects.select_related("principle").order_by("principle__position"),
            )
        )

    def awaiting_moderation_for(self, user: AnyUser) -> StoryQuerySet:
        """Pending stories and stories with open flags, in the teams this user may moderate."""
        if not user.is_authenticated:
            return self.none()
        open_flags = Exists(Flag.objects.filter(story=OuterRef("pk"), resolved_at__isnull=True))
        waiting = self.filter(
            Q(status=Status.PENDING) | (Q(status__in=[Status.PUBLISHED, Status.HIDDEN]) & open_flags)
        )
        if is_moderator(user):
            return waiting
        return waiting.filter(team__memberships__user=user.pk, team__memberships__role=Role.LEAD)

    def with_open_flags(self) -> StoryQuerySet:
        return self.filter(Exists(Flag.objects.filter(story=OuterRef("pk"), resolved_at__isnull=True)))

    def with_moderation_details(self) -> StoryQuerySet:
        """Everything a moderator's view of a story shows, in a constant number of queries.

        Open flags land in `open_flags` and the whole history in `history_events`.
        """
        return self.with_related().prefetch_related(
            models.Prefetch(
                "flags",
                queryset=Flag.objects.filter(resolved_at__isnull=True).select_related("raised_by"),
                to_attr="open_flags",
            ),
            models.Prefetch(
                "events",
                queryset=ModerationEvent.objects.select_related("actor"),
                to_attr="history_events",
            ),
        )

    def moderation_queue_for(self, user: AnyUser) -> StoryQuerySet:
        """The queue: what waits for this user, oldest first."""
        return self.awaiting_moderation_for(user).with_moderation_details().order_by("created_at", "pk")


class Story(models.Model):
    team = models.ForeignKey(Team, on_delete=models.PROTECT, related_name="stories", verbose_name=_("team"))
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="stories", verbose_name=_("author")
    )
    kind = models.CharField(_("kind"), max_length=4, choices=Kind.choices)
    perspective = models.CharField(_("perspective"), max_length=8, choices=Perspective.choices)
    title = models.CharField(_("title"), max_length=TITLE_MAX)
    what_happened = models.TextField(_("what happened"), max_length=TEXT_MAX)
    lesson = models.TextField(
        _("what made the difference, or what we learned"), max_length=TEXT_MAX, blank=True
    )
    happened_on = models.DateField(_("when it happened"))
    channel = models.CharField(
        _("channel"), max_length=10, choices=Channel.choices, default=Channel.IN_PERSON
    )
    went_beyond = models.BooleanField(_("went beyond, at our own expense"), default=False)
    cost_note = models.CharField(_("what it cost us"), max_length=200, blank=True)
    client_nickname = models.CharField(
        _("client nickname"),
        max_length=60,
        blank=True,
        help_text=_("A team-local label such as 'the red-scarf lady', never a real name."),
    )
    anonymous = models.BooleanField(_("share anonymously"), default=False)
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.PENDING)
    status_reason = models.TextField(_("reason"), blank=True)
    # Set when the author or a lead says "nothing came of it": the story leaves the karma
    # watchlist and counts as a miss in the karma rate.
    karma_closed_at = models.DateTimeField(null=True, blank=True)
    submission_token = models.UUIDField(null=True, blank=True, editable=False)
    created_at = models.DateTimeField(default=timezone.now, editable=False)
    updated_at = models.DateTimeField(auto_now=True)
    published_at = models.DateTimeField(null=True, blank=True)

    principles: models.ManyToManyField[Principle, StoryPrinciple] = models.ManyToManyField(
        Principle, through="StoryPrinciple", related_name="stories"
    )

    objects = StoryQuerySet.as_manager()

    class Meta:
        verbose_name_plural = "stories"
        ordering = ["-happened_on", "-created_at"]
        permissions = [("moderate_story", "Can moderate the stories of every team")]
        constraints = [
            models.UniqueConstraint(
                fields=["author", "submission_token"], name="story_unique_author_submission_token"
            ),
            models.CheckConstraint(condition=Q(kind__in=Kind.values), name="story_kind_valid"),
            models.CheckConstraint(
                condition=Q(perspective__in=Perspective.values), name="story_perspective_valid"
            ),
            models.CheckConstraint(condition=Q(status__in=Status.values), name="story_status_valid"),
        ]
        indexes = [
            # The stream and every retro/trend aggregate: a team's published stories by date.
            models.Index(fields=["team", "status", "happened_on"], name="story_team_status_date_idx"),
            # The moderation queue, oldest first.
            models.Index(fields=["status", "created_at"], name="story_status_created_idx"),
            # "My stories" on the dashboard and my unpublished ones in the stream.
            models.Index(fields=["author", "created_at"], name="story_author_created_idx"),
            # Karma suggestions: earlier stories of the team for the same client nickname.
            models.Index(fields=["team", "client_nickname"], name="story_team_client_idx"),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        from django.urls import reverse

        return reverse("story_detail", args=[self.pk])

    def clean(self) -> None:
        super().clean()
        if self.happened_on and self.team_id and self.happened_on > self.team.today():
            raise ValidationError({"happened_on": _("The date cannot be in the future.")})
        if self.cost_note and not self.went_beyond:
            self.cost_note = ""

    # --- who may see what -------------------------------------------------------------

    def can_be_seen_by(self, user: AnyUser) -> bool:
        if not user.is_authenticated:
            return False
        if user.pk == self.author_id and self.status != Status.WITHDRAWN:
            return True
        if is_moderator(user):
            return True
        role = self.team.role_of(user)
        if role == Role.LEAD:
            # A withdrawn story is the author's to take back: not even the lead reads it.
            return self.status != Status.WITHDRAWN
        return role is not None and self.status == Status.PUBLISHED

    def can_be_moderated_by(self, user: AnyUser) -> bool:
        return is_moderator(user) or self.team.is_lead(user)

    def author_label_for(self, user: AnyUser) -> str:
        """The author's name as this viewer may see it."""
        if self.anonymous and not is_moderator(user):
            return str(ANONYMOUS_LABEL)
        author = self.author
        return author.get_full_name() or author.get_username()  # type: ignore[union-attr]

    @property
    def is_editable_by_author(self) -> bool:
        return self.status in {Status.PENDING, Status.REJECTED}

    # --- moderation state machine -----------------------------------------------------
    # Each move is a compare-and-set on the status: two moderators deciding at once, the
    # second finds the status changed and is told so; nothing is overwritten silently.

    def _move(
        self,
        *,
        action: str,
        allowed_from: set[str],
        to: str,
        by: AnyUser | None,
        reason: str = "",
        extra: dict[str, Any] | None = None,
        resolve_flags: bool = False,
        check: Callable[[], None] | None = None,
    ) -> ModerationEvent:
        if self.status not in allowed_from:
            raise IllegalTransition.refused(action, self.status)
        updates: dict[str, Any] = {"status": to, "updated_at": timezone.now(), **(extra or {})}
        if to == Status.PUBLISHED and self.published_at is None:
            updates["published_at"] = timezone.now()
        with transaction.atomic():
            if check is not None:
                check()
            changed = Story.objects.filter(pk=self.pk, status=self.status).update(**updates)
            if not changed:
                self._raise_already_decided()
            from_status = self.status
            for field, value in updates.items():
                setattr(self, field, value)
            if resolve_flags:
                self._resolve_open_flags(by)
            return ModerationEvent.objects.create(
                story=self,
                actor=_actor(by),
                action=action,
                from_status=from_status,
                to_status=to,
                reason=reason,
            )

    def _raise_already_decided(self) -> NoReturn:
        current = Story.objects.filter(pk=self.pk).values_list("status", flat=True).first()
        label = Status(current).label.lower() if current else _("gone")
        raise IllegalTransition(
            _("Someone else already decided this story: it is now %(status)s.") % {"status": label}
        )

    def _resolve_open_flags(self, by: AnyUser | None) -> int:
        return Flag.objects.filter(story=self, resolved_at__isnull=True).update(
            resolved_at=timezone.now(), resolved_by=_actor(by)
        )

    def submit(self, *, by: AnyUser, personal_data: bool = False) -> ModerationEvent:
        """Record a newly saved story: published at once in a post-moderated team, else held.

        Personal data found in the text holds the story for a moderator whatever the team's mode.
        """
        from stories.models.teams import ModerationMode

        if personal_data:
            to, action, reason = Status.PENDING, ModerationAction.HOLD, str(PERSONAL_DATA_REASON)
        elif self.team.moderation_mode == ModerationMode.PRE:
            to, action, reason = Status.PENDING, ModerationAction.SUBMIT, ""
        else:
            to, action, reason = Status.PUBLISHED, ModerationAction.SUBMIT, ""
        updates: dict[str, Any] = {"status": to, "status_reason": reason}
        if to == Status.PUBLISHED:
            updates["published_at"] = timezone.now()
        Story.objects.filter(pk=self.pk).update(**updates)
        for field, value in updates.items():
            setattr(self, field, value)
        return ModerationEvent.objects.create(
            story=self, actor=_actor(by), action=action, from_status="", to_status=to, reason=reason
        )

    def publishing_refusal_for(self, user: AnyUser) -> str | None:
        """Why this user may not publish the story as it stands (approve or restore it), or None."""
        if is_moderator(user):
            return None
        return publishing_refusal(
            {field: getattr(self, field) for field in (*REDACTABLE_FIELDS, "status_reason")}
        )

    def _require_clearance_to_publish(self, by: AnyUser) -> None:
        """Only a moderator publishes a story that may hold personal data.

        Runs inside the move's transaction on the stored text, locked: an edit that just
        put personal data back must not slip through on a copy read a moment earlier.
        """
        if is_moderator(by):
            return
        current = (
            Story.objects.select_for_update()
            .filter(pk=self.pk, status=self.status)
            .values(*REDACTABLE_FIELDS, "status_reason")
            .first()
        )
        # Gone or decided meanwhile: the compare-and-set that follows says so.
        refusal = publishing_refusal(current) if current is not None else None
        if refusal:
            raise HoldsPersonalData(refusal)

    def approve(self, *, by: AnyUser) -> ModerationEvent:
        return self._move(
            action=ModerationAction.APPROVE,
            allowed_from={Status.PENDING},
            to=Status.PUBLISHED,
            by=by,
            extra={"status_reason": ""},
            resolve_flags=True,
            check=lambda: self._require_clearance_to_publish(by),
        )

    def reject(self, *, by: AnyUser, reason: str) -> ModerationEvent:
        reason = (reason or "").strip()
        if not reason:
            raise IllegalTransition(_("A rejection needs a reason the author can act on."))
        return self._move(
            action=ModerationAction.REJECT,
            allowed_from={Status.PENDING},
            to=Status.REJECTED,
            by=by,
            reason=reason,
            extra={"status_reason": reason},
        )

    def hide(self, *, by: AnyUser | None, reason: str = "") -> ModerationEvent:
        reason = (reason or "").strip()
        return self._move(
            action=ModerationAction.HIDE,
            allowed_from={Status.PUBLISHED},
            to=Status.HIDDEN,
            by=by,
            reason=reason,
            extra={"status_reason": reason},
            resolve_flags=True,
        )

    def restore(self, *, by: AnyUser) -> ModerationEvent:
        return self._move(
            action=ModerationAction.RESTORE,
            allowed_from={Status.HIDDEN},
            to=Status.PUBLISHED,
            by=by,
            extra={"status_reason": ""},
            resolve_flags=True,
            check=lambda: self._require_clearance_to_publish(by),
        )

    def withdraw(self, *, by: AnyUser) -> ModerationEvent:
        if by.pk != self.author_id:
            raise IllegalTransition(_("Only the author can withdraw a story."))
        return self._move(
            action=ModerationAction.WITHDRAW,
            allowed_from={Status.PENDING, Status.REJECTED},
            to=Status.WITHDRAWN,
            by=by,
        )

    def resubmit(self, *, by: AnyUser, personal_data: bool = False) -> ModerationEvent:
        if by.pk != self.author_id:
            raise IllegalTransition(_("Only the author can resubmit a story."))
        reason = str(PERSONAL_DATA_REASON) if personal_data else ""
        return self._move(
            action=ModerationAction.RESUBMIT,
            allowed_from={Status.REJECTED, Status.WITHDRAWN},
            to=Status.PENDING,
            by=by,
            reason=reason,
            extra={"status_reason": reason},
        )

    def record_edit(self, *, by: AnyUser, personal_data: bool = False) -> ModerationEvent:
        """Log the author's saved changes: a rejected story goes back for review, a pending one waits on.

        Call it after saving the edited fields. Personal data kept in the text holds the story
        with the reason "personal data"; once it is gone, that reason goes too.
        """
        if self.status == Status.REJECTED:
            return self.resubmit(by=by, personal_data=personal_data)
        if by.pk != self.author_id:
            raise IllegalTransition(_("Only the author can edit a story."))
        reason = str(PERSONAL_DATA_REASON) if personal_data else ""
        return self._move(
            action=ModerationAction.EDIT,
            allowed_from={Status.PENDING},
            to=Status.PENDING,
            by=by,
            reason=reason,
            extra={"status_reason": reason},
        )

    def redact(self, *, by: AnyUser) -> ModerationEvent:
        """Replace the personal data in every free-text field by "[email]", "[phone]", …

        Nothing removed is kept anywhere: the flags' comments and the history's reasons are
        cleaned too, and the event names the kinds removed, never the values. The status does
        not change. Flags are resolved, except on a hidden story: it stays in the queue until
        a moderator restores it or dismisses the flags.
        """
        if self.status == Status.WITHDRAWN:
            raise IllegalTransition.refused(ModerationAction.REDACT, self.status)
        from stories.personal_data import kinds_found
        from stories.personal_data import redact as redact_text

        with transaction.atomic():
            current = (
                Story.objects.select_for_update()
                .filter(pk=self.pk, status=self.status)
                .values(*REDACTABLE_FIELDS, "status_reason")
                .first()
            )
            if current is None:
                self._raise_already_decided()
            kinds: set[str] = set()
            updates: dict[str, Any] = {}
            for field in (*REDACTABLE_FIELDS, "status_reason"):
                found = kinds_found(current[field], self.team.country)
                if found:
                    kinds |= found
                    # "[email]" is one character longer than the shortest address.
                    max_length = getattr(Story._meta.get_field(field), "max_length", None)
                    updates[field] = redact_text(current[field], self.team.country)[:max_length]
            if not kinds:
                raise IllegalTransition(_("There is no personal data to redact in this story."))
            if self.status_reason == str(PERSONAL_DATA_REASON):
                updates["status_reason"] = ""
            updates["updated_at"] = timezone.now()
            Story.objects.filter(pk=self.pk).update(**updates)
            for field, value in updates.items():
                setattr(self, field, value)
            for model in (Flag, ModerationEvent):
                text_field = "comment" if model is Flag else "reason"
                for pk, text in model.objects.filter(story=self).values_list("pk", text_field):
                    if kinds_found(text, self.team.country):
                        model.objects.filter(pk=pk).update(
                            **{text_field: redact_text(text, self.team.country)}
                        )
            if self.status != Status.HIDDEN:
                self._resolve_open_flags(by)
            return ModerationEvent.objects.create(
                story=self,
                actor=_actor(by),
                action=ModerationAction.REDACT,
                from_status=self.status,
                to_status=self.status,
                reason=_("Removed personal data: %(kinds)s.") % {"kinds": ", ".join(sorted(kinds))},
            )

    def can_be_flagged_by(self, user: AnyUser) -> bool:
        """Members flag other people's published stories; an author edits, withdraws or asks their lead."""
        return (
            self.status == Status.PUBLISHED
            and user.pk != self.author_id
            and self.team.role_of(user) is not None
        )

    def flag(self, *, by: AnyUser, reason: str, comment: str = "") -> Flag:
        """A member asks a moderator to look at a published story.

        A personal-data flag also hides the story at once, until a moderator decides.
        """
        if reason not in FlagReason.values:
            raise IllegalTransition(_("Choose why you are flagging this story."))
        if self.team.role_of(by) is None:
            raise IllegalTransition(_("Only members of the team can flag its stories."))
        if self.status != Status.PUBLISHED:
            raise IllegalTransition.refused(ModerationAction.FLAG, self.status)
        if by.pk == self.author_id:
            raise IllegalTransition(
                _("You cannot flag your own story; ask your team lead if it should come down.")
            )
        label = str(FlagReason(reason).label)
        try:
            with transaction.atomic():
                flag = Flag.objects.create(
                    story=self, raised_by=_actor(by), reason=reason, comment=(comment or "").strip()
                )
                ModerationEvent.objects.create(
                    story=self,
                    actor=_actor(by),
                    action=ModerationAction.FLAG,
                    from_status=Status.PUBLISHED,
                    to_status=Status.PUBLISHED,
                    reason=label,
                )
                if reason == FlagReason.PERSONAL_DATA:
                    # The app hides it, not the member: the history must not point at who flagged.
                    self._move(
                        action=ModerationAction.HIDE,
                        allowed_from={Status.PUBLISHED},
                        to=Status.HIDDEN,
                        by=None,
                        reason=str(_("Flagged: %(reason)s") % {"reason": label.lower()}),
                        extra={"status_reason": str(PERSONAL_DATA_REASON)},
                    )
                elif not Story.objects.filter(pk=self.pk, status=Status.PUBLISHED).exists():
                    self._raise_already_decided()
        except IntegrityError:
            raise IllegalTransition(
                _("You have already flagged this story; a moderator will look at it.")
            ) from None
        return flag

    def dismiss_flags(self, *, by: AnyUser) -> ModerationEvent:
        """A moderator finds the open flags unfounded: they are closed and the story stays as it is."""
        with transaction.atomic():
            dismissed = self._resolve_open_flags(by)
            if not dismissed:
                raise IllegalTransition(_("This story has no open flags: someone already decided."))
            return ModerationEvent.objects.create(
                story=self,
                actor=_actor(by),
                action=ModerationAction.DISMISS_FLAGS,
                from_status=self.status,
                to_status=self.status,
                reason=ngettext("%(count)d flag dismissed.", "%(count)d flags dismissed.", dismissed)
                % {"count": dismissed},
            )

    @property
    def personal_data_kinds(self) -> set[str]:
        """The kinds of personal data still in the story's text (a moderator's hint to redact)."""
        from stories.personal_data import kinds_found

        country = self.team.country
        return {kind for field in REDACTABLE_FIELDS for kind in kinds_found(getattr(self, field), country)}


def _actor(user: AnyUser | None) -> Any:
    return user if user is not None and user.is_authenticated else None


class StoryPrinciple(models.Model):
    story = models.ForeignKey(Story, on_delete=models.CASCADE, related_name="tags")
    principle = models.ForeignKey(Principle, on_delete=models.PROTECT, related_name="tags")
    verdict = models.CharField(_("verdict"), max_length=8, choices=Verdict.choices)

    class Meta:
        ordering = ["principle__position"]
        constraints = [
            models.UniqueConstraint(
                fields=["story", "principle"], name="storyprinciple_unique_story_principle"
            ),
            models.CheckConstraint(
                condition=Q(verdict__in=Verdict.values), name="storyprinciple_verdict_valid"
            ),
        ]
        indexes = [
            # The heatmap and trend aggregates: tags per principle and verdict.
            models.Index(fields=["principle", "verdict"], name="storyprinciple_verdict_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.principle} {self.get_verdict_display().lower()} in “{self.story}”"


class ModerationEvent(models.Model):
    story = models.ForeignKey(Story, on_delete=models.PROTECT, related_name="events")
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    action = models.CharField(max_length=16, choices=ModerationAction.choices)
    from_status = models.CharField(max_length=10, choices=Status.choices, blank=True)
    to_status = models.CharField(max_length=10, choices=Status.choices, blank=True)
    reason = models.TextField(blank=True)
    created_at = models.DateTimeField(default=timezone.now, editable=False)

    class Meta:
        ordering = ["created_at", "pk"]
        indexes = [
            # A story's history, in order.
            models.Index(fields=["story", "created_at"], name="modevent_story_created_idx"),
        ]

    def __str__(self) -> str:
        who = self.actor or "system"
        return f"{self.get_action_display()} by {who} on {self.created_at:%Y-%m-%d %H:%M}"

    def actor_label_for(self, viewer: AnyUser, story: Story) -> str:
        """Who did it, as this viewer may see it.

        An anonymous story's author stays "Anonymous" in its history, and whoever flagged a
        story stays "A team member", to everyone but moderators.
        """
        if self.actor_id is None:
            return str(SYSTEM_LABEL)
        if not is_moderator(viewer):
            if story.anonymous and self.actor_id == story.author_id:
                return str(ANONYMOUS_LABEL)
            if self.action == ModerationAction.FLAG:
                return str(FLAGGER_LABEL)
        actor = self.actor
        return actor.get_full_name() or actor.get_username()  # type: ignore[union-attr]

    def actor_label_for_author(self, story: Story) -> str:
        """Who did it, as the story's author sees their own story's history.

        The author's own moves are "you"; whoever decided or flagged stays unnamed.
        """
        if self.actor_id is None:
            return str(SYSTEM_LABEL)
        if self.actor_id == story.author_id:
            return str(AUTHOR_SELF_LABEL)
        if self.action == ModerationAction.FLAG:
            return str(FLAGGER_LABEL)
        return str(AUTHOR_MODERATOR_LABEL)


class Flag(models.Model):
    story = models.ForeignKey(Story, on_delete=models.CASCADE, related_name="flags")
    raised_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    reason = models.CharField(max_length=16, choices=FlagReason.choices)
    comment = models.TextField(blank=True, max_length=1000)
    created_at = models.DateTimeField(default=timezone.now, editable=False)
    resolved_at = models.DateTimeField(null=True, blank=True)
    resolved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        ordering = ["created_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["story", "raised_by"],
                condition=Q(resolved_at__isnull=True),
                name="flag_one_open_per_user_story",
            ),
        ]
        indexes = [
            # The moderation queue: stories with open flags.
            models.Index(fields=["story"], condition=Q(resolved_at__isnull=True), name="flag_open_story_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.get_reason_display()} on “{self.story}”"
