"""A story, its principle tags, and the named reads over them."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

from django.conf import settings
from django.contrib.postgres.search import SearchVectorField
from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.db.models import Exists, OuterRef, Q, QuerySet
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _

from stories.core.labels import ChoiceLabels
from stories.core.months import month_after
from stories.core.names import ANONYMOUS_LABEL, display_name
from stories.core.policy import is_moderator, led_team_ids, sees_author_names
from stories.core.text import validate_one_line
from stories.log.personal_data import kinds_found
from stories.log.search import DOCUMENT_FIELDS, refresh_search_documents
from stories.log.terms import (
    FREE_TEXT_FIELDS,
    TEXT_MAX,
    TITLE_MAX,
    Channel,
    Kind,
    Perspective,
    Status,
    Verdict,
)
from stories.moderation.flagging import FlaggableStory
from stories.moderation.models import Flag, ModerationEvent
from stories.teams.models import Membership, Principle, Team

if TYPE_CHECKING:
    from django.contrib.auth.models import AnonymousUser, User

    AnyUser = User | AnonymousUser


# No service story predates this: an older date is a slip of the date picker (year 0001 is a
# typed "1"), and months that far back would have no URL, no "month before", no trend.
EARLIEST_STORY_DATE = dt.date(2000, 1, 1)


def too_early_message() -> str:
    return _("The date cannot be before %(date)s.") % {"date": date_format(EARLIEST_STORY_DATE)}


def visible_condition(user: AnyUser, prefix: str = "") -> Q:
    """visible_to's rule as a condition on the story at `prefix` ("" or e.g. "sequel__").

    It lets a query that starts from a few rows (a story's links) test just those rows,
    instead of building the viewer's whole visible set.
    """
    if not user.is_authenticated:
        return Q(pk__in=[])
    own = Q(**{f"{prefix}author": user.pk}) & ~Q(**{f"{prefix}status": Status.WITHDRAWN})
    published = Q(**{f"{prefix}status": Status.PUBLISHED})
    if user.is_superuser:
        return published | own
    team = f"{prefix}team" if prefix else "team"
    member_of = Exists(Membership.objects.filter(team=OuterRef(team), user=user.pk))
    return (published & member_of) | own


class StoryQuerySet(models.QuerySet["Story"]):
    def published(self) -> StoryQuerySet:
        return self.filter(status=Status.PUBLISHED)

    def not_withdrawn_for(self, user: AnyUser) -> StoryQuerySet:
        """A withdrawn story is its author's alone: for anybody else, lead, moderator or
        superuser, it is as good as gone (the admin keeps it for superusers)."""
        return self.exclude(Q(status=Status.WITHDRAWN) & ~Q(author=user.pk))

    def in_teams_of(self, user: AnyUser) -> StoryQuerySet:
        if not user.is_authenticated:
            return self.none()
        if user.is_superuser:
            return self.not_withdrawn_for(user)
        return self.filter(team__memberships__user=user.pk).not_withdrawn_for(user)

    def visible_to(self, user: AnyUser) -> StoryQuerySet:
        """What may appear in lists: my teams' published stories, plus my own in any state."""
        if not user.is_authenticated:
            return self.none()
        return self.filter(visible_condition(user))

    def in_month(self, month_start: dt.date) -> StoryQuerySet:
        """Stories that happened in the month; `happened_on` is already the team's local date."""
        return self.filter(happened_on__gte=month_start, happened_on__lt=month_after(month_start))

    def for_month(self, team: Team, year: int, month: int) -> StoryQuerySet:
        return self.filter(team=team).in_month(dt.date(year, month, 1))

    def refresh_search_document(self) -> int:
        """Recompute these stories' stored search document (one UPDATE; nothing on SQLite)."""
        return refresh_search_documents(self)

    def with_related(self) -> StoryQuerySet:
        """Everything a story card shows, in a constant number of queries."""
        # The search document is read by the database only: no page carries it to Python.
        return (
            self.defer("search_document")
            .select_related("team", "author")
            .prefetch_related(
                models.Prefetch(
                    "tags",
                    queryset=StoryPrinciple.objects.select_related("principle").order_by(
                        "principle__position"
                    ),
                )
            )
        )

    def _waiting_parts(self, user: AnyUser, team_slug: str = "") -> tuple[Q, QuerySet[Flag]]:
        """What waits for this user, in two parts read on their own indexes: pending stories (a
        condition on the story: (status, created_at) or (team, status, ...)) and open flags on
        published or hidden stories (the flags' partial index, then the story by primary key).

        Never `pending OR EXISTS(open flag)`: that condition reads every story of the teams.
        Pending and flagged never overlap (only published or hidden stories count as flagged).
        """
        pending = Q(status=Status.PENDING)
        flagged = Flag.objects.filter(
            resolved_at__isnull=True, story__status__in=[Status.PUBLISHED, Status.HIDDEN]
        )
        if not is_moderator(user):
            # The led teams as numbers, not a subquery: planned with each team's own statistics,
            # a big team's flagged stories are reached from the few open flags, not by reading
            # all of the team's stories; no team led, no query at all.
            led = led_team_ids(user)
            pending &= Q(team_id__in=led)
            flagged = flagged.filter(story__team_id__in=led)
        if team_slug:
            pending &= Q(team__slug=team_slug)
            flagged = flagged.filter(story__team__slug=team_slug)
        return pending, flagged.order_by()

    def awaiting_moderation_for(self, user: AnyUser) -> StoryQuerySet:
        """Pending stories and stories with open flags, in the teams this user may moderate.

        The flagged stories' ids are read first (open flags are few: moderators empty the
        queue), so both parts are index conditions and PostgreSQL ORs two bitmaps, reading
        only the waiting rows.
        """
        if not user.is_authenticated:
            return self.none()
        pending, flagged = self._waiting_parts(user)
        return self.filter(pending | Q(pk__in=list(flagged.values_list("story_id", flat=True))))

    def awaiting_moderation_count_for(self, user: AnyUser, team_slug: str = "") -> int:
        """How many stories wait for this user (in one team, if named): the navigation's badge,
        on every page. Each part counted on its index, a UNION dropping a story flagged twice:
        never DISTINCT over whole story rows."""
        if not user.is_authenticated:
            return 0
        pending, flagged = self._waiting_parts(user, team_slug)
        return self.filter(pending).order_by().values("pk").union(flagged.values("story_id")).count()

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


class Story(FlaggableStory):
    team = models.ForeignKey(Team, on_delete=models.PROTECT, related_name="stories", verbose_name=_("team"))
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="stories", verbose_name=_("author")
    )
    kind = models.CharField(_("kind"), max_length=4, choices=Kind.choices)
    perspective = models.CharField(_("perspective"), max_length=8, choices=Perspective.choices)
    title = models.CharField(_("title"), max_length=TITLE_MAX, validators=[validate_one_line])
    what_happened = models.TextField(_("what happened"), max_length=TEXT_MAX)
    lesson = models.TextField(
        _("what made the difference, or what we learned"), max_length=TEXT_MAX, blank=True
    )
    happened_on = models.DateField(_("when it happened"))
    channel = models.CharField(
        _("channel"), max_length=10, choices=Channel.choices, default=Channel.IN_PERSON
    )
    went_beyond = models.BooleanField(_("went beyond, at our own expense"), default=False)
    cost_note = models.CharField(
        _("what it cost us"), max_length=200, blank=True, validators=[validate_one_line]
    )
    client_nickname = models.CharField(
        _("client nickname"),
        max_length=60,
        blank=True,
        validators=[validate_one_line],
        help_text=_("A team-local label such as 'the red-scarf lady', never a real name."),
    )
    anonymous = models.BooleanField(_("share anonymously"), default=False)
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.PENDING)
    status_reason = models.TextField(_("reason"), blank=True)
    # Set when the author or a lead says "nothing came of it": the story leaves the karma
    # watchlist and counts as a miss in the karma rate.
    karma_closed_at = models.DateTimeField(null=True, blank=True)
    # Stored because every karma figure reads them and they change only when a link is made
    # or a sequel's status or date changes: SequelLink.save/delete, Story._move and the admin's
    # save call refresh_sequel_dates (stories/karma/models.py), which is where they are defined.
    first_sequel_on = models.DateField(null=True, blank=True, editable=False)
    first_hit_on = models.DateField(null=True, blank=True, editable=False)
    latest_sequel_on = models.DateField(null=True, blank=True, editable=False)
    submission_token = models.UUIDField(null=True, blank=True, editable=False)
    # What search reads on PostgreSQL (stories/log/search.py), rewritten by
    # refresh_search_document where the words it holds change; NULL on SQLite.
    search_document = SearchVectorField(null=True, editable=False)
    created_at = models.DateTimeField(default=timezone.now, editable=False)
    updated_at = models.DateTimeField(auto_now=True)
    published_at = models.DateTimeField(null=True, blank=True)

    principles: models.ManyToManyField[Principle, StoryPrinciple] = models.ManyToManyField(
        Principle, through="StoryPrinciple", related_name="stories"
    )

    # Search results carry their matched words in <mark> (log/search_results.py); elsewhere
    # these stay None, since a template asking a model for an attribute it lacks costs
    # Django a dir() of the whole class.
    marked_title: str | None = None
    marked_text: str | None = None

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
            models.CheckConstraint(
                condition=Q(happened_on__gte=EARLIEST_STORY_DATE),
                name="story_happened_on_floor",
                violation_error_message=_("The date cannot be before 1 January 2000."),
            ),
        ]
        indexes = [
            # The stream (story_list: WHERE team = ? AND status = 'published' ORDER BY
            # happened_on DESC, created_at DESC, id DESC LIMIT 21, and its keyset pages), the
            # moderation badge's pending count, and every retro/trend aggregate over a team's
            # published stories in a date range.
            models.Index(
                "team",
                "status",
                models.F("happened_on").desc(),
                models.F("created_at").desc(),
                models.F("id").desc(),
                name="story_team_status_stream_idx",
            ),
            # A month's figures (headline, channels, each team's month across teams, month
            # counts): WHERE team = ? AND status = 'published' AND happened_on in a range,
            # counted from the index alone (on PostgreSQL, which includes the columns). A big
            # team's headline read 11k rows of the table at 1M stories: 38 ms, 3 ms from here.
            models.Index(
                fields=["team", "happened_on"],
                include=["kind", "perspective", "channel", "went_beyond", "anonymous", "author", "id"],
                condition=Q(status=Status.PUBLISHED),
                name="story_team_month_figures_idx",
            ),
            # The karma rate (rates_as_of): a team's published "went beyond" stories by date,
            # with the dates it counts (42 ms reading the table at 1M stories, 3 ms from here).
            models.Index(
                fields=["team", "happened_on"],
                include=["first_hit_on", "karma_closed_at", "id"],
                condition=Q(status=Status.PUBLISHED, went_beyond=True),
                name="story_team_beyond_idx",
            ),
            # Median days to a sequel: only stories that have one, a small part of a team.
            models.Index(
                fields=["team", "first_sequel_on"],
                condition=Q(first_sequel_on__isnull=False),
                name="story_team_first_sequel_idx",
            ),
            # The karma ledger (figures.ledger): a team's chains, the latest sequel first,
            # WHERE team = ? AND latest_sequel_on IS NOT NULL ORDER BY latest_sequel_on DESC,
            # happened_on DESC, id DESC LIMIT 20 read off the index without sorting.
            models.Index(
                models.F("team"),
                models.F("latest_sequel_on").desc(),
                models.F("happened_on").desc(),
                models.F("id").desc(),
                condition=Q(latest_sequel_on__isnull=False),
                name="story_team_latest_sequel_idx",
            ),
            # The moderation queue, oldest first.
            models.Index(fields=["status", "created_at"], name="story_status_created_idx"),
            # "My stories" on the dashboard and my unpublished ones in the stream.
            models.Index(fields=["author", "created_at"], name="story_author_created_idx"),
            # Karma suggestions: earlier stories of the team for the same client nickname.
            models.Index(fields=["team", "client_nickname"], name="story_team_client_idx"),
            # Not here: story_search_document_idx, GIN on search_document, serving search's
            # `WHERE search_document @@ websearch_to_tsquery(...)`. It exists on PostgreSQL
            # only, so migration 0010 creates it there (a SQLite table rebuild would choke on it).
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("story_detail", args=[self.pk])

    def save(self, *args: Any, **kwargs: Any) -> None:
        update_fields = kwargs.get("update_fields")
        with transaction.atomic():
            super().save(*args, **kwargs)
            if update_fields is None or DOCUMENT_FIELDS & set(update_fields):
                Story.objects.filter(pk=self.pk).refresh_search_document()

    def redact(self, *, by: AnyUser) -> ModerationEvent:
        """The moderation move, and the removed words leave the search document too."""
        with transaction.atomic():
            event = super().redact(by=by)
            Story.objects.filter(pk=self.pk).refresh_search_document()
        return event

    def clean(self) -> None:
        super().clean()
        if self.happened_on and self.team_id and self.happened_on > self.team.today():
            raise ValidationError({"happened_on": _("The date cannot be in the future.")})
        if self.happened_on and self.happened_on < EARLIEST_STORY_DATE:
            raise ValidationError({"happened_on": too_early_message()})
        if self.cost_note and not self.went_beyond:
            self.cost_note = ""

    def author_label_for(self, user: AnyUser) -> str:
        """The author's name as this viewer may see it."""
        if self.anonymous and not sees_author_names(user):
            return str(ANONYMOUS_LABEL)
        return display_name(self.author)

    @property
    def is_good(self) -> bool:
        return self.kind == Kind.GOOD

    @property
    def is_rejected(self) -> bool:
        return self.status == Status.REJECTED

    @property
    def is_published(self) -> bool:
        return self.status == Status.PUBLISHED

    @property
    def personal_data_kinds(self) -> set[str]:
        """The kinds of personal data still in the story's text (a moderator's hint to redact)."""
        country = self.team.country
        return {kind for field in FREE_TEXT_FIELDS for kind in kinds_found(getattr(self, field), country)}


class StoryPrinciple(ChoiceLabels):
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

    def save(self, *args: Any, **kwargs: Any) -> None:
        with transaction.atomic():
            super().save(*args, **kwargs)
            # The story is found by its principles' names.
            Story.objects.filter(pk=self.story_id).refresh_search_document()

    def delete(self, *args: Any, **kwargs: Any) -> Any:
        with transaction.atomic():
            deleted = super().delete(*args, **kwargs)
            Story.objects.filter(pk=self.story_id).refresh_search_document()
        return deleted

    @property
    def is_honoured(self) -> bool:
        return self.verdict == Verdict.HONOURED

    def chip(self) -> dict[str, Any]:
        """What a principle chip shows (stories/_principle_chip.html), as plain data a kept
        story card can be keyed by."""
        return {
            "honoured": self.is_honoured,
            "name": self.principle.local_name,
            "summary": self.principle.local_summary,
            "verdict": self.get_verdict_display(),
        }
