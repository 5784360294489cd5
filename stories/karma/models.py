from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import IntegrityError, models, transaction
from django.db.models import Exists, F, Max, Min, OuterRef, Q, Subquery
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from stories.core import policy
from stories.core.figure_cache import figures_changed
from stories.core.labels import ChoiceLabels
from stories.log.models import Story
from stories.log.terms import Kind, Perspective, Status
from stories.teams.models import Team

if TYPE_CHECKING:
    from stories.log.models import AnyUser

WATCH_MILESTONES = (30, 60, 90)
KARMA_WINDOW_DAYS = 180

# A chain deeper than this is not a story any team tells; it stops the ancestor walk
# from looping forever should the data ever hold a cycle made behind the model's back.
MAX_CHAIN_DEPTH = 50


class SequelOutcome(models.TextChoices):
    CLIENT_RETURNED = "returned", _("Client returned")
    REFERRAL = "referral", _("Referral")
    THANKS = "thanks", _("Thanks or praise")
    BIGGER_ORDER = "bigger_order", _("Bigger order")
    COMPLAINT_WITHDRAWN = "complaint_withdrawn", _("Complaint withdrawn")
    OTHER = "other", _("Other")


# Every outcome but "other" is the good service coming back.
POSITIVE_OUTCOMES = frozenset(SequelOutcome.values) - {SequelOutcome.OTHER}
# Outcomes only a good-service sequel can have: a bad-service story is nobody's praise.
GOOD_SERVICE_OUTCOMES = frozenset({SequelOutcome.THANKS, SequelOutcome.COMPLAINT_WITHDRAWN})


def watched_story_filter() -> Q:
    """The stories karma keeps an eye on: "went beyond" ones, and good service we gave.

    A story that is itself a sequel is the good coming back, not a new act to watch, unless
    the team went beyond once more; otherwise every logged sequel would be nagged about.
    """
    is_a_sequel = Exists(SequelLink.objects.filter(sequel=OuterRef("pk")))
    return Q(went_beyond=True) | (Q(kind=Kind.GOOD, perspective=Perspective.GAVE) & ~Q(is_a_sequel))


def refresh_sequel_dates(original_ids: Any) -> None:
    """Recompute Story.first_sequel_on, first_hit_on and latest_sequel_on of the given stories (one UPDATE).

    first_sequel_on: the day of the earliest published sequel, whatever its outcome;
    latest_sequel_on: of the latest (the karma ledger's order).
    first_hit_on: the day of the earliest published sequel with a positive outcome inside
    the karma window; it makes the story a karma hit from that day.
    `original_ids` is a list of ids or a values() queryset of them.
    """
    published = SequelLink.objects.filter(original=OuterRef("pk"), sequel__status=Status.PUBLISHED)
    first_sequel = published.order_by().values("original").annotate(day=Min("sequel__happened_on"))
    first_hit = (
        published.filter(
            outcome__in=POSITIVE_OUTCOMES,
            sequel__happened_on__lte=OuterRef("happened_on") + dt.timedelta(days=KARMA_WINDOW_DAYS),
        )
        .order_by()
        .values("original")
        .annotate(day=Min("sequel__happened_on"))
    )
    latest_sequel = published.order_by().values("original").annotate(day=Max("sequel__happened_on"))
    Story.objects.filter(pk__in=original_ids).update(
        first_sequel_on=Subquery(first_sequel.values("day")[:1]),
        first_hit_on=Subquery(first_hit.values("day")[:1]),
        latest_sequel_on=Subquery(latest_sequel.values("day")[:1]),
    )


def refresh_sequel_dates_of_originals(sequel: models.Model) -> None:
    """The story's status changed: the stories it follows may have gained or lost a sequel."""
    original_ids = list(SequelLink.objects.filter(sequel_id=sequel.pk).values_list("original_id", flat=True))
    if original_ids:
        refresh_sequel_dates(original_ids)


def refresh_sequel_dates_after_redating(story: models.Model) -> None:
    """The story's date changed (an admin edit): as a sequel it may now be another story's first
    or fall outside its karma window; as an original its own window moved."""
    refresh_sequel_dates(
        [story.pk, *SequelLink.objects.filter(sequel_id=story.pk).values_list("original_id", flat=True)]
    )


class SequelLinkQuerySet(models.QuerySet["SequelLink"]):
    def published(self) -> SequelLinkQuerySet:
        """Links members may see and that count: both stories are published."""
        return self.filter(original__status=Status.PUBLISHED, sequel__status=Status.PUBLISHED)

    def for_team(self, team: Team) -> SequelLinkQuerySet:
        # Both ends share a team (check_link), so filtering on the original is enough.
        return self.filter(original__team=team)

    def logged_between(self, start: dt.datetime, end: dt.datetime) -> SequelLinkQuerySet:
        return self.filter(created_at__gte=start, created_at__lt=end)


class SequelLink(ChoiceLabels):
    """A later story that follows an earlier one: the karma link."""

    original = models.ForeignKey(Story, on_delete=models.CASCADE, related_name="sequel_links")
    sequel = models.ForeignKey(Story, on_delete=models.CASCADE, related_name="original_links")
    outcome = models.CharField(_("outcome"), max_length=20, choices=SequelOutcome.choices)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now, editable=False)

    objects = SequelLinkQuerySet.as_manager()

    class Meta:
        ordering = ["created_at"]
        constraints = [
            models.UniqueConstraint(fields=["original", "sequel"], name="sequellink_unique_pair"),
            models.CheckConstraint(condition=~Q(original=F("sequel")), name="sequellink_not_self"),
        ]
        indexes = [
            # The retro's karma section: sequels logged in a month.
            models.Index(fields=["created_at"], name="sequellink_created_idx"),
        ]

    def __str__(self) -> str:
        return f"“{self.sequel}” follows “{self.original}” ({self.get_outcome_display()})"

    def save(self, *args: Any, **kwargs: Any) -> None:
        with transaction.atomic():
            super().save(*args, **kwargs)
            self._links_changed()

    def delete(self, *args: Any, **kwargs: Any) -> tuple[int, dict[str, int]]:
        with transaction.atomic():
            result = super().delete(*args, **kwargs)
            self._links_changed()
        return result

    def _links_changed(self) -> None:
        refresh_sequel_dates([self.original_id])
        # The karma page's cached figures count the team's links (principles that pay back);
        # no month's retro figures do.
        figures_changed(self.original.team_id, months=[])

    @property
    def days_between(self) -> int:
        return (self.sequel.happened_on - self.original.happened_on).days

    @property
    def is_positive(self) -> bool:
        return self.outcome in POSITIVE_OUTCOMES

    # --- the rules -------------------------------------------------------------------

    @staticmethod
    def ancestor_ids(story: Story) -> set[int]:
        """Every story this one follows, directly or down a chain (one query per generation)."""
        found: set[int] = set()
        frontier = {story.pk}
        for _generation in range(MAX_CHAIN_DEPTH):
            parents = set(
                SequelLink.objects.filter(sequel_id__in=frontier).values_list("original_id", flat=True)
            )
            frontier = parents - found
            if not frontier:
                break
            found |= frontier
        return found

    @classmethod
    def check_link(
        cls,
        original: Story,
        *,
        team: Team,
        happened_on: dt.date | None,
        user: AnyUser | None,
        sequel: Story | None = None,
    ) -> None:
        """Raise ValidationError unless a story of `team` on `happened_on` may follow `original`.

        `sequel` is None while the sequel is still being written (the story form); `user`
        None skips the permission rules (model validation of a link made by the system).
        """
        errors: list[ValidationError] = []
        if user is not None:
            if not policy.can_see_story(user, original) or (
                sequel is not None and not policy.can_see_story(user, sequel)
            ):
                # Say nothing more: the rest would describe a story this person may not see.
                raise ValidationError(_("You can only link stories you can see."), code="not_visible")
            if original.status != Status.PUBLISHED and not policy.is_story_author(user, original):
                errors.append(
                    ValidationError(
                        _("Only a published story, or one of your own, can have a sequel."),
                        code="original_not_published",
                    )
                )
        if original.team_id != team.pk:
            errors.append(
                ValidationError(
                    _("A sequel must belong to the same team as “%(original)s” (%(team)s)."),
                    code="other_team",
                    params={"original": original.title, "team": original.team.name},
                )
            )
        if happened_on is not None and happened_on < original.happened_on:
            errors.append(
                ValidationError(
                    _("A sequel cannot happen before the story it follows (%(date)s)."),
                    code="before_original",
                    params={"date": original.happened_on.isoformat()},
                )
            )
        if sequel is not None:
            if sequel.pk == original.pk:
                errors.append(ValidationError(_("A story cannot be its own sequel."), code="self"))
            elif sequel.pk in cls.ancestor_ids(original):
                errors.append(
                    ValidationError(
                        _(
                            "“%(sequel)s” already comes before “%(original)s”: linking them would make a loop."
                        ),
                        code="cycle",
                        params={"sequel": sequel.title, "original": original.title},
                    )
                )
            elif cls.objects.filter(original=original, sequel=sequel).exists():
                errors.append(
                    ValidationError(
                        _("“%(sequel)s” is already linked as a sequel of “%(original)s”."),
                        code="duplicate",
                        params={"sequel": sequel.title, "original": original.title},
                    )
                )
        if errors:
            raise ValidationError(errors)

    @staticmethod
    def check_outcome(sequel_kind: str, outcome: str) -> None:
        """Raise ValidationError when the outcome contradicts the sequel's own story."""
        if sequel_kind == Kind.BAD and outcome in GOOD_SERVICE_OUTCOMES:
            raise ValidationError(
                _(
                    "“%(outcome)s” cannot follow from a bad-service story. Pick what really came "
                    "of the earlier story (for example “Client returned” or “Other”), or link a "
                    "good-service story instead."
                ),
                code="outcome_contradicts",
                params={"outcome": SequelOutcome(outcome).label},
            )

    def clean(self) -> None:
        super().clean()
        if self.original_id is None or self.sequel_id is None:
            return
        self.check_outcome(self.sequel.kind, self.outcome)
        if self.pk is not None:
            # Re-validating a saved link: the duplicate and cycle checks would find the link itself.
            return
        self.check_link(
            self.original,
            team=self.sequel.team,
            happened_on=self.sequel.happened_on,
            user=self.created_by,
            sequel=self.sequel,
        )

    @classmethod
    def link(cls, *, original: Story, sequel: Story, outcome: str, by: AnyUser) -> SequelLink:
        """Link `sequel` as following `original`, after the rules in check_link."""
        if outcome not in SequelOutcome.values:
            raise ValidationError(_("Choose what came of it."), code="outcome")
        with transaction.atomic():
            # Lock both stories so two people linking the same pair the other way round at
            # the same moment cannot make a loop between them.
            list(Story.objects.select_for_update().filter(pk__in=[original.pk, sequel.pk]).order_by("pk"))
            cls.check_link(original, team=sequel.team, happened_on=sequel.happened_on, user=by, sequel=sequel)
            cls.check_outcome(sequel.kind, outcome)
            try:
                with transaction.atomic():
                    made = cls.objects.create(
                        original=original,
                        sequel=sequel,
                        outcome=outcome,
                        created_by=by if by.is_authenticated else None,
                    )
            except IntegrityError as exc:
                raise ValidationError(_("These two stories are already linked."), code="duplicate") from exc
            return made


# --- "nothing came of it" ------------------------------------------------------------
# These change a Story field but are karma's rules, so they live with the karma models.


def is_watched(story: Story) -> bool:
    """Whether karma watches this story, by the same rule the watchlist and the rate use."""
    return Story.objects.filter(watched_story_filter(), pk=story.pk).exists()


def close_karma(story: Story, *, by: AnyUser) -> None:
    """Mark "nothing came of it": off the watchlist, and a miss in the karma rate."""
    if not policy.can_close_karma(by, story):
        raise ValidationError(_("Only the author or the team lead can say nothing came of a story."))
    if story.status != Status.PUBLISHED:
        raise ValidationError(_("Only a published story can be marked “nothing came of it”."))
    if story.karma_closed_at is not None:
        return
    if not is_watched(story):
        raise ValidationError(_("Karma does not watch this story, so there is nothing to close."))
    if SequelLink.objects.filter(original=story, sequel__status=Status.PUBLISHED).exists():
        raise ValidationError(_("This story already has a sequel, so something did come of it."))
    story.karma_closed_at = timezone.now()
    story.save(update_fields=["karma_closed_at", "updated_at"])
    figures_changed(story.team_id, months=[])  # a miss in the karma rate from now on


def reopen_karma(story: Story, *, by: AnyUser) -> None:
    """Undo "nothing came of it": the story goes back on the watchlist."""
    if not policy.can_close_karma(by, story):
        raise ValidationError(_("Only the author or the team lead can undo this."))
    if story.karma_closed_at is None:
        return
    story.karma_closed_at = None
    story.save(update_fields=["karma_closed_at", "updated_at"])
    figures_changed(story.team_id, months=[])


# --- reminders -----------------------------------------------------------------------


class KarmaReminder(models.Model):
    """A watchlist reminder sent to an author, at most once per story and milestone.

    A story first noticed past several milestones gets one e-mail, for the highest; the
    lower milestones are recorded as skipped so they are never sent later.
    """

    story = models.ForeignKey(Story, on_delete=models.CASCADE, related_name="karma_reminders")
    milestone = models.PositiveSmallIntegerField()
    sent_at = models.DateTimeField(default=timezone.now)
    skipped = models.BooleanField(
        _("skipped"), default=False, help_text=_("Recorded without an e-mail: a later milestone was sent.")
    )

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["story", "milestone"], name="karmareminder_unique_story_milestone"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.milestone}-day reminder for “{self.story}”"
