from __future__ import annotations

import zoneinfo
from typing import TYPE_CHECKING, Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.db.models import Q
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from stories.core.labels import ChoiceLabels
from stories.core.per_request import kept_on_user
from stories.core.text import validate_one_line
from stories.teams.countries import country_choices, country_for_time_zone

if TYPE_CHECKING:
    from django.contrib.auth.models import AnonymousUser, User

    AnyUser = User | AnonymousUser


def validate_time_zone(value: str) -> None:
    if value not in zoneinfo.available_timezones():
        raise ValidationError(_("%(value)s is not a known time zone."), params={"value": value})


class ModerationMode(models.TextChoices):
    PRE = "pre", _("Pre-moderation: stories wait for approval")
    POST = "post", _("Post-moderation: stories publish at once")


# The PostgreSQL text-search configuration of each language a team may write in: its stories
# are stemmed with it, and searches in the team use the same one (stories/log/search.py).
SEARCH_CONFIGS = {"en": "english", "de": "german", "es": "spanish"}


def language_choices() -> list[tuple[str, str]]:
    return [(code, name) for code, name in settings.LANGUAGES]


class Role(models.TextChoices):
    MEMBER = "member", _("Member")
    LEAD = "lead", _("Lead")


class TeamQuerySet(models.QuerySet["Team"]):
    def for_user(self, user: AnyUser) -> TeamQuerySet:
        """Teams the user belongs to; superusers see every team."""
        if not user.is_authenticated:
            return self.none()
        if user.is_superuser:
            return self.all()
        return self.filter(memberships__user=user)

    def led_by(self, user: AnyUser) -> TeamQuerySet:
        if not user.is_authenticated:
            return self.none()
        return self.filter(memberships__user=user, memberships__role=Role.LEAD)


def teams_of(user: AnyUser) -> list[Team]:
    """Team.objects.for_user(user), read once per request (core/per_request.py): the navigation,
    the story form, the list's parts and its search languages all ask for them."""
    if not user.is_authenticated:
        return []
    return kept_on_user(user, "_teams", lambda: list(Team.objects.for_user(user).distinct()))


class Team(ChoiceLabels):
    name = models.CharField(_("name"), max_length=100, validators=[validate_one_line])
    slug = models.SlugField(_("slug"), max_length=60, unique=True)
    time_zone = models.CharField(
        _("time zone"),
        max_length=64,
        default="UTC",
        validators=[validate_time_zone],
        help_text=_("Months and 'today' are computed in this zone, e.g. Europe/London."),
    )
    # Blank: no country (a team on UTC); only international phone numbers and the shapes read
    # the same everywhere are then recognised. Filled from the time zone when left blank.
    country = models.CharField(
        _("country"),
        max_length=2,
        blank=True,
        default="",
        choices=country_choices,
        help_text=_(
            "Guides how local phone numbers are recognised in stories. Defaults to the time zone's country."
        ),
    )
    moderation_mode = models.CharField(
        _("moderation"),
        max_length=4,
        choices=ModerationMode.choices,
        default=ModerationMode.POST,
    )
    language = models.CharField(
        _("language of the stories"),
        max_length=8,
        choices=language_choices,
        default="en",
        help_text=_("Search finds the forms of a word in this language: 'refunds' finds 'refund'."),
    )
    created_at = models.DateTimeField(auto_now_add=True)

    objects = TeamQuerySet.as_manager()

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    def save(self, *args: Any, **kwargs: Any) -> None:
        if not self.country and self.time_zone:
            self.country = country_for_time_zone(self.time_zone)
            if self.country and kwargs.get("update_fields") is not None:
                kwargs["update_fields"] = {*kwargs["update_fields"], "country"}
        restem = self._language_changes(kwargs.get("update_fields"))
        with transaction.atomic():
            super().save(*args, **kwargs)
            if restem:
                # The stories are stemmed in the team's language: a new one restems them all.
                self.stories.all().refresh_search_document()

    def _language_changes(self, update_fields: Any) -> bool:
        if self._state.adding or (update_fields is not None and "language" not in update_fields):
            return False
        return Team.objects.filter(pk=self.pk).exclude(language=self.language).exists()

    def set_language(self, language: str) -> None:
        """The language its stories are written in; save() restems them when it changes."""
        self.language = language
        self.save(update_fields=["language"])

    @property
    def search_config(self) -> str:
        return SEARCH_CONFIGS.get(self.language, "english")

    @property
    def zone(self) -> zoneinfo.ZoneInfo:
        return zoneinfo.ZoneInfo(self.time_zone)

    def today(self) -> Any:
        from django.utils import timezone

        return timezone.localdate(timezone=self.zone)


class Membership(ChoiceLabels):
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="memberships")
    team = models.ForeignKey(Team, on_delete=models.CASCADE, related_name="memberships")
    role = models.CharField(_("role"), max_length=10, choices=Role.choices, default=Role.MEMBER)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["team__name", "user__username"]
        constraints = [
            models.UniqueConstraint(fields=["team", "user"], name="membership_unique_team_user"),
        ]
        indexes = [
            # "Which teams am I in, and what is my role?" on nearly every page.
            models.Index(fields=["user", "role"], name="membership_user_role_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.user} in {self.team} ({self.get_role_display()})"


class PrincipleGroup(models.TextChoices):
    UNDERSTAND = "understand", _("Understand the customer")
    KEEP_OUR_WORD = "keep-our-word", _("Keep our word")
    GO_BEYOND = "go-beyond", _("Go beyond")
    KEEP_PERSPECTIVE = "keep-perspective", _("Keep perspective")


class PrincipleQuerySet(models.QuerySet["Principle"]):
    def active(self) -> PrincipleQuerySet:
        return self.filter(active=True)

    def local_names(self) -> dict[str, str]:
        """Slug -> name in the active language: relabels figures frozen in another language."""
        return {
            principle.slug: principle.local_name for principle in self.only("slug", "name", "translations")
        }


class Principle(ChoiceLabels):
    position = models.PositiveSmallIntegerField(_("position"), unique=True)
    slug = models.SlugField(_("slug"), max_length=60, unique=True)
    name = models.CharField(_("name"), max_length=80, validators=[validate_one_line])
    summary = models.CharField(_("one-line summary"), max_length=200, validators=[validate_one_line])
    description = models.TextField(_("description"))
    prompt = models.CharField(
        _("question"),
        max_length=200,
        validators=[validate_one_line],
        help_text=_("A question that helps staff recognise the principle in a story."),
    )
    active = models.BooleanField(
        _("active"),
        default=True,
        help_text=_("Retired principles stay on old stories but cannot be picked for new ones."),
    )
    group = models.CharField(
        _("group"), max_length=20, choices=PrincipleGroup.choices, default=PrincipleGroup.UNDERSTAND
    )
    translations = models.JSONField(
        _("translations"),
        default=dict,
        blank=True,
        help_text=_(
            'Name, summary and question in other languages, e.g. {"de": {"name": "…", "summary": "…", '
            '"prompt": "…"}}. Anything missing is shown in English.'
        ),
    )

    objects = PrincipleQuerySet.as_manager()

    class Meta:
        ordering = ["position"]
        constraints = [
            models.CheckConstraint(condition=Q(position__gte=1), name="principle_position_positive"),
        ]

    def __str__(self) -> str:
        return self.local_name

    def save(self, *args: Any, **kwargs: Any) -> None:
        renamed = self._renamed(kwargs.get("update_fields"))
        with transaction.atomic():
            super().save(*args, **kwargs)
            if renamed:
                # Stories are found by the names of their principles, in every language.
                self.stories.all().refresh_search_document()

    def _renamed(self, update_fields: Any) -> bool:
        if self._state.adding or (
            update_fields is not None and not {"name", "translations"} & set(update_fields)
        ):
            return False
        stored = Principle.objects.filter(pk=self.pk).values("name", "translations").first()
        return stored is not None and (stored["name"], stored["translations"]) != (
            self.name,
            self.translations,
        )

    def _local(self, field: str) -> str:
        language = (get_language() or "en").split("-")[0]
        return self.translations.get(language, {}).get(field) or getattr(self, field)

    @property
    def local_name(self) -> str:
        """The name in the active language, or the English one."""
        return self._local("name")

    @property
    def local_summary(self) -> str:
        return self._local("summary")

    @property
    def local_prompt(self) -> str:
        return self._local("prompt")
