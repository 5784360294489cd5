"""The demo organisation, for development and `make run` only (`manage.py seed_demo`).

Creates three teams, their people (password `service-retro`) and a year of service stories
from stories/demo/data.py, with karma chains, a moderation queue and two Front Desk retros.

* Refuses to run with DEBUG off: the demo accounts share a published password.
* Idempotent: teams, people and memberships are fetched or created by slug and username, and
  the stories, chains and retros are written only when no demo team has any story yet, so a
  second run (every `make run`) changes nothing.
* Deterministic: stories are spread with a fixed random seed, relative to each team's today,
  so the demo always covers the last twelve months and never reaches into the future.
* Readable retros: each Front Desk month leans on a few theme principles and channels, each
  told by at least three people, so the retro's privacy floor folds only the rare cells.
* Fast: everything is written with bulk_create inside one transaction.
"""

from __future__ import annotations

import datetime as dt
import random
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password
from django.contrib.auth.models import Permission
from django.core.management.base import CommandError
from django.utils import timezone

from stories.core.months import add_months, month_after, months_ending
from stories.demo import data as demo_data
from stories.demo.data import PlacedStory, StoryTemplate, UserSpec
from stories.karma.models import refresh_sequel_dates
from stories.models import (
    ActionItem,
    Kind,
    Membership,
    ModerationAction,
    ModerationEvent,
    ModerationMode,
    Perspective,
    Principle,
    Retro,
    RetroVote,
    Role,
    SequelLink,
    Status,
    Story,
    StoryPrinciple,
    Team,
    Verdict,
)
from stories.moderation.moves import PERSONAL_DATA_REASON

DEBUG_ONLY_MESSAGE = (
    "seed_demo only runs with DEBUG on: it creates accounts whose password (service-retro) is "
    "public. Run it against a development database with DEBUG=1."
)


@dataclass
class Draft:
    """A story about to be written, with what has to be written along with it."""

    story: Story
    tags: tuple[tuple[str, str], ...]
    key: str = ""
    held_for_personal_data: bool = False
    rejection_reason: str = ""


# A (principle slug, verdict) pair: one cell of the retro's principle heatmap.
Pair = tuple[str, str]

# Share of a month's remaining stories drawn from templates that touch its themes.
THEME_LEAN = 0.5
# Share of months in which one colleague of a team with someone_away is away.
AWAY_SHARE = 0.4


def pairs(tags: Iterable[tuple[str, str]]) -> set[Pair]:
    # str() turns Verdict members into their values, so pairs from anywhere compare and hash alike.
    return {(slug, str(verdict)) for slug, verdict in tags}


def is_one_off(template: StoryTemplate) -> bool:
    """A story about one particular client, or one act at our own expense, is told once."""
    return template.went_beyond or bool(template.client_nickname)


def cycle_from(items: list[Pair], start: int) -> list[Pair]:
    """The items once round, starting at position `start` (wrapping), so months take turns."""
    if not items:
        return []
    start %= len(items)
    return items[start:] + items[:start]


@dataclass
class MonthPlan:
    """One month of a team's stories while it is being drawn: who told what, so far."""

    start: dt.date
    last: dt.date  # The last day a story may happen on: the month's end, or today.
    away: str = ""
    count: int = 0
    good: int = 0
    titles: set[str] = field(default_factory=set)
    authors: set[str] = field(default_factory=set)
    pair_authors: defaultdict[Pair, set[str]] = field(default_factory=lambda: defaultdict(set))
    channel_authors: defaultdict[str, set[str]] = field(default_factory=lambda: defaultdict(set))

    def record(self, author: str, channel: str, tagged: set[Pair], title: str = "", kind: str = "") -> None:
        self.count += 1
        self.good += kind == Kind.GOOD
        self.authors.add(author)
        self.channel_authors[str(channel)].add(author)
        for pair in tagged:
            self.pair_authors[pair].add(author)
        if title:
            self.titles.add(title)


class TemplateDeck:
    """A team's recurring templates, least-told first, so each recurs about as often as the rest."""

    def __init__(self, templates: list[StoryTemplate], usual_channel: str, rng: random.Random) -> None:
        self.templates = templates
        self.usual_channel = usual_channel
        self.rng = rng
        self.told: Counter[str] = Counter()

    def channel_of(self, template: StoryTemplate) -> str:
        return str(template.channel or self.usual_channel)

    def draw(
        self,
        month: MonthPlan,
        *,
        tagged: Pair | None = None,
        touching: set[Pair] | None = None,
        channel: str = "",
        rather: Callable[[StoryTemplate], bool] | None = None,
    ) -> StoryTemplate | None:
        """A template not told yet this month, with the given tag, one of the given tags or
        on the given channel, one that is `rather` if there is any; None when none is left."""
        candidates = [
            template
            for template in self.templates
            if template.title not in month.titles
            and (tagged is None or tagged in pairs(template.tags))
            and (touching is None or touching & pairs(template.tags))
            and (not channel or self.channel_of(template) == channel)
        ]
        if rather is not None:
            candidates = [template for template in candidates if rather(template)] or candidates
        if not candidates:
            return None
        fewest = min(self.told[template.title] for template in candidates)
        template = self.rng.choice([t for t in candidates if self.told[t.title] == fewest])
        self.told[template.title] += 1
        return template


@dataclass
class Written:
    stories: Counter[str] = field(default_factory=Counter)
    links: int = 0
    retros: int = 0
    action_items: int = 0
    votes: int = 0


# --- teams and people -------------------------------------------------------------------


def ensure_teams() -> tuple[dict[str, Team], int]:
    """The demo teams by slug, and how many had to be created."""
    teams, created = {}, 0
    for spec in demo_data.TEAMS:
        teams[spec.slug], is_new = Team.objects.get_or_create(
            slug=spec.slug,
            defaults={
                "name": spec.name,
                "time_zone": spec.time_zone,
                "moderation_mode": spec.moderation_mode,
            },
        )
        created += is_new
    return teams, created


def ensure_people(teams: dict[str, Team]) -> tuple[dict[str, Any], set[str], int]:
    """The demo accounts by username, the usernames that existed before, and how many rows were added."""
    user_model = get_user_model()
    found = {user.get_username(): user for user in user_model.objects.filter(username__in=_usernames())}
    # One hash for every new account: hashing is deliberately slow, and these passwords are public.
    password_hash = make_password(demo_data.PASSWORD) if len(found) < len(demo_data.USERS) else ""
    users, created = {}, len(demo_data.USERS) - len(found)
    for spec in demo_data.USERS:
        user = found.get(spec.username) or _create_user(user_model, spec, password_hash)
        users[spec.username] = user
        for slug, role in spec.teams:
            _membership, is_new = Membership.objects.get_or_create(
                team=teams[slug], user=user, defaults={"role": role}
            )
            created += is_new
        if spec.moderator:
            user.user_permissions.add(
                Permission.objects.get(content_type__app_label="stories", codename="moderate_story")
            )
    return users, set(found), created


def _usernames() -> list[str]:
    return [spec.username for spec in demo_data.USERS]


def _create_user(user_model: Any, spec: UserSpec, password_hash: str) -> Any:
    return user_model.objects.create(
        username=spec.username,
        first_name=spec.first_name,
        last_name=spec.last_name,
        email=f"{spec.username}@example.com",
        password=password_hash,
        is_staff=spec.superuser,
        is_superuser=spec.superuser,
    )


# --- stories, chains and retros ---------------------------------------------------------


class DemoWriter:
    """Turns demo_data into stories, tags, moderation history, karma links and retros."""

    def __init__(self, teams: dict[str, Team], users: dict[str, Any]) -> None:
        self.teams = teams
        self.users = users
        self.specs = {spec.slug: spec for spec in demo_data.TEAMS}
        self.rng = random.Random(demo_data.RANDOM_SEED)
        self.now = timezone.now()
        self.principles = Principle.objects.in_bulk(field_name="slug")
        # Every title written so far, in any team: a story told again names its occasion.
        self.titles: set[str] = set()
        self.authors = {
            slug: [(spec.username, spec.writes) for spec in demo_data.USERS if slug in dict(spec.teams)]
            for slug in teams
        }

    def write(self) -> Written:
        placed = [self.draft_placed(spec) for spec in demo_data.PLACED]
        drafts = list(placed)
        for slug in self.teams:
            drafts += self.spread(slug, [d for d in placed if d.story.team.slug == slug])
        Story.objects.bulk_create([draft.story for draft in drafts])
        written = Written(stories=Counter(draft.story.status for draft in drafts))
        self.write_tags(drafts)
        # bulk_create skips Story.save and StoryPrinciple.save, which keep the search current.
        Story.objects.filter(pk__in=[draft.story.pk for draft in drafts]).refresh_search_document()
        self.write_history(drafts)
        written.links = self.write_links({draft.key: draft.story for draft in placed})
        self.write_retros(drafts, written)
        return written

    # --- drafting ---------------------------------------------------------------------

    def draft_placed(self, spec: PlacedStory) -> Draft:
        team = self.teams[spec.team]
        today = team.today()
        if spec.months_ago is None:
            happened_on = today - dt.timedelta(days=spec.days_ago)
        else:
            month = add_months(today.replace(day=1), -spec.months_ago)
            happened_on = min(month.replace(day=spec.day_of_month), today)
        story = self.draft_story(
            spec.story,
            team,
            self.users[spec.author],
            happened_on,
            status=spec.status,
            anonymous=spec.anonymous,
        )
        if spec.held_for_personal_data:
            story.status_reason = str(PERSONAL_DATA_REASON)
        if spec.rejection_reason:
            story.status_reason = spec.rejection_reason
        if spec.karma_closed_after_days is not None:
            story.karma_closed_at = min(
                story.created_at + dt.timedelta(days=spec.karma_closed_after_days), self.now
            )
        return Draft(
            story,
            spec.story.tags,
            key=spec.key,
            held_for_personal_data=spec.held_for_personal_data,
            rejection_reason=spec.rejection_reason,
        )

    def spread(self, slug: str, placed: list[Draft]) -> list[Draft]:
        """The team's templates laid over the last months, oldest month first."""
        team = self.teams[slug]
        plan = self.specs[slug].spread
        templates = [template for template in demo_data.TEMPLATES if slug in template.teams]
        recurring = [template for template in templates if not is_one_off(template)]
        deck = TemplateDeck(recurring, self.specs[slug].usual_channel, self.rng)
        honoured, broken = self.theme_pairs(deck.templates, plan)
        today = team.today()
        starts = months_ending(today.replace(day=1), demo_data.MONTHS)
        one_offs: dict[dt.date, list[StoryTemplate]] = defaultdict(list)
        for template in filter(is_one_off, templates):
            one_offs[self.rng.choice(starts)].append(template)
        drafts: list[Draft] = []
        for index, start in enumerate(starts):
            month_end = month_after(start) - dt.timedelta(days=1)
            month = MonthPlan(start=start, last=min(month_end, today), away=self.someone_away(slug, plan))
            for draft in placed:
                story = draft.story
                if story.status == Status.PUBLISHED and start <= story.happened_on <= month_end:
                    month.record(
                        story.author.get_username(), story.channel, pairs(draft.tags), kind=story.kind
                    )
            # The current month is only partly lived, and so is its share of stories and themes.
            share = ((month.last - start).days + 1) / ((month_end - start).days + 1)
            size = self.rng.randint(*plan.per_month)
            if len(starts) - index - 1 in (1, 2):
                size += plan.recent_bonus
            size = max(demo_data.MIN_STORIES_THIS_MONTH, round(size * share))
            themes = cycle_from(honoured, index * plan.honoured_themes)[: round(plan.honoured_themes * share)]
            taken = {principle for principle, _verdict in themes}
            themes += [
                pair for pair in cycle_from(broken, index * plan.broken_themes) if pair[0] not in taken
            ][: round(plan.broken_themes * share)]
            channels = plan.broad_channels if share == 1 else ()
            drafts += self.fill_month(team, month, deck, one_offs[start], themes, channels, size)
        return drafts

    def fill_month(
        self,
        team: Team,
        month: MonthPlan,
        deck: TemplateDeck,
        one_offs: list[StoryTemplate],
        themes: list[Pair],
        channels: tuple[str, ...],
        size: int,
    ) -> list[Draft]:
        """The month's one-off stories; its themes and broad channels, each told by several
        people; then stories leaning towards the themes until the month has `size` stories."""
        slug = team.slug
        drafts = [self.add(month, team, template, self.pick_author(slug, month)) for template in one_offs]
        on_theme = set(themes)
        floor = demo_data.THEME_AUTHORS[0]

        def serves_more(template: StoryTemplate) -> bool:
            """Also tells another theme, or on a channel still short of people: fewer
            stories then cover the month's themes, and the rest are free to wander."""
            short = {channel for channel in channels if len(month.channel_authors[channel]) < floor}
            return len(pairs(template.tags) & on_theme) > 1 or deck.channel_of(template) in short

        for pair in themes:
            wanted = self.rng.randint(*demo_data.THEME_AUTHORS)
            while len(month.pair_authors[pair]) < wanted:
                template = deck.draw(month, tagged=pair, rather=serves_more)
                if template is None:
                    break
                author = self.pick_author(slug, month, avoid=month.pair_authors[pair])
                drafts.append(self.add(month, team, template, author))
        for channel in channels:
            while len(month.channel_authors[channel]) < floor:
                template = deck.draw(month, channel=channel, rather=lambda t: bool(pairs(t.tags) & on_theme))
                if template is None:
                    break
                author = self.pick_author(slug, month, avoid=month.channel_authors[channel])
                drafts.append(self.add(month, team, template, author))
        # The running month opens as most months go, with more good stories than bad,
        # even when only a day or two of it has been lived.
        running = month.last < month_after(month.start) - dt.timedelta(days=1)
        while month.count < size or (running and month.good * 2 <= month.count):
            template = None
            if running and month.good * 2 <= month.count:
                template = deck.draw(month, rather=lambda t: t.kind == Kind.GOOD)
            if template is None and on_theme and self.rng.random() < THEME_LEAN:
                template = deck.draw(month, touching=on_theme)
            template = template or deck.draw(month)
            if template is None:
                break
            drafts.append(self.add(month, team, template, self.pick_author(slug, month)))
        return drafts

    def theme_pairs(
        self, templates: list[StoryTemplate], plan: demo_data.SpreadSpec
    ) -> tuple[list[Pair], list[Pair]]:
        """The (principle, verdict) pairs with enough templates to carry a theme, shuffled."""
        if not (plan.honoured_themes or plan.broken_themes):
            return [], []
        told = Counter(pair for template in templates for pair in pairs(template.tags))
        able = sorted(pair for pair, count in told.items() if count >= demo_data.THEME_MIN_TEMPLATES)
        honoured = [pair for pair in able if pair[1] == Verdict.HONOURED]
        broken = [pair for pair in able if pair[1] == Verdict.BROKEN]
        if len(honoured) < plan.honoured_themes or len(broken) < plan.broken_themes:
            raise CommandError("Not enough story templates to give every month its themes.")
        self.rng.shuffle(honoured)
        self.rng.shuffle(broken)
        return honoured, broken

    def someone_away(self, slug: str, plan: demo_data.SpreadSpec) -> str:
        if plan.someone_away and self.rng.random() < AWAY_SHARE:
            return self.rng.choice([name for name, _weight in self.authors[slug]])
        return ""

    def add(self, month: MonthPlan, team: Team, template: StoryTemplate, author: str) -> Draft:
        happened_on = dt.date.fromordinal(self.rng.randint(month.start.toordinal(), month.last.toordinal()))
        story = self.draft_story(
            template,
            team,
            self.users[author],
            happened_on,
            status=Status.PUBLISHED,
            anonymous=self.rng.random() < self.anonymous_share(template),
        )
        month.record(author, story.channel, pairs(template.tags), template.title, template.kind)
        return Draft(story, template.tags)

    def pick_author(self, slug: str, month: MonthPlan, avoid: Iterable[str] = ()) -> str:
        """A colleague who is not away: anyone who has written nothing yet this month comes
        first, then by how much each person writes, avoiding `avoid` while anyone else is left."""
        avoided = set(avoid)
        present = [(name, weight) for name, weight in self.authors[slug] if name != month.away]
        others = [(name, weight) for name, weight in present if name not in avoided] or present
        choices = [(name, weight) for name, weight in others if name not in month.authors] or others
        names, weights = zip(*choices, strict=True)
        return self.rng.choices(names, weights=weights)[0]

    @staticmethod
    def anonymous_share(template: StoryTemplate) -> float:
        if template.kind == Kind.BAD and template.perspective == Perspective.GAVE:
            return demo_data.ANONYMOUS_SHARE_BAD_GIVEN
        return demo_data.ANONYMOUS_SHARE_OTHER

    def draft_story(
        self,
        template: StoryTemplate,
        team: Team,
        author: Any,
        happened_on: dt.date,
        *,
        status: str,
        anonymous: bool,
    ) -> Story:
        spec = self.specs[team.slug]
        words = spec.vocabulary
        created_at = self.logged_at(team, happened_on)
        published_at = None
        if status == Status.PUBLISHED:
            published_at = created_at
            if team.moderation_mode == ModerationMode.PRE:
                published_at = min(created_at + dt.timedelta(minutes=self.rng.randint(40, 20 * 60)), self.now)
        return Story(
            team=team,
            author=author,
            kind=template.kind,
            perspective=template.perspective,
            title=self.unique_title(template.title.format_map(words), spec),
            what_happened=template.what_happened.format_map(words),
            lesson=template.lesson.format_map(words),
            happened_on=happened_on,
            channel=template.channel or spec.usual_channel,
            went_beyond=template.went_beyond,
            cost_note=template.cost_note.format_map(words),
            client_nickname=template.client_nickname,
            anonymous=anonymous,
            status=status,
            created_at=created_at,
            published_at=published_at,
        )

    def unique_title(self, title: str, spec: demo_data.TeamSpec) -> str:
        """The title, or the first "title – occasion" of the team no story has yet."""
        # Occasions take turns rather than always starting with the first one.
        start = len(self.titles) % max(len(spec.occasions), 1)
        occasions = spec.occasions[start:] + spec.occasions[:start]
        for candidate in (title, *(f"{title} – {occasion}" for occasion in occasions)):
            if candidate not in self.titles:
                self.titles.add(candidate)
                return candidate
        raise CommandError(f"{spec.name} needs more occasions: “{title}” is told too often.")

    def logged_at(self, team: Team, happened_on: dt.date) -> dt.datetime:
        """When the story was logged: during or after the day it happened, never after now."""
        delay = dt.timedelta(days=self.rng.choice((0, 0, 0, 1, 2)), minutes=self.rng.randint(9 * 60, 19 * 60))
        day_began = dt.datetime.combine(happened_on, dt.time.min, tzinfo=team.zone)
        # Recent stories logged "later" than now land a little before it instead, not all at once.
        latest = self.now - dt.timedelta(minutes=self.rng.randint(5, 300))
        return max(day_began, min(day_began + delay, latest))

    # --- writing ----------------------------------------------------------------------

    def write_tags(self, drafts: list[Draft]) -> None:
        missing = {slug for draft in drafts for slug, _verdict in draft.tags} - set(self.principles)
        if missing:
            raise CommandError(
                f"The demo stories use principles that are not in the catalogue: {sorted(missing)}"
            )
        StoryPrinciple.objects.bulk_create(
            StoryPrinciple(story=draft.story, principle=self.principles[slug], verdict=verdict)
            for draft in drafts
            for slug, verdict in draft.tags
        )

    def write_history(self, drafts: list[Draft]) -> None:
        """The moderation events a story would have collected on its way to its status."""
        events = []
        for draft in drafts:
            story = draft.story
            pre = story.team.moderation_mode == ModerationMode.PRE
            arrived = Status.PENDING if pre or story.status != Status.PUBLISHED else Status.PUBLISHED
            if draft.held_for_personal_data:
                action, reason = ModerationAction.HOLD, str(PERSONAL_DATA_REASON)
            else:
                action, reason = ModerationAction.SUBMIT, ""
            events.append(self.event(story, story.author, action, "", arrived, story.created_at, reason))
            moderator = self.moderator_for(story)
            if story.status == Status.PUBLISHED and arrived == Status.PENDING:
                events.append(
                    self.event(
                        story,
                        moderator,
                        ModerationAction.APPROVE,
                        arrived,
                        Status.PUBLISHED,
                        story.published_at or story.created_at,
                    )
                )
            if story.status == Status.REJECTED:
                decided = min(story.created_at + dt.timedelta(hours=5), self.now)
                events.append(
                    self.event(
                        story,
                        moderator,
                        ModerationAction.REJECT,
                        arrived,
                        Status.REJECTED,
                        decided,
                        draft.rejection_reason,
                    )
                )
        ModerationEvent.objects.bulk_create(events)

    @staticmethod
    def event(
        story: Story,
        actor: Any,
        action: str,
        from_status: str,
        to_status: str,
        at: dt.datetime,
        reason: str = "",
    ) -> ModerationEvent:
        return ModerationEvent(
            story=story,
            actor=actor,
            action=action,
            from_status=from_status,
            to_status=to_status,
            reason=reason,
            created_at=at,
        )

    def moderator_for(self, story: Story) -> Any:
        """The team's lead decides, unless it is the lead's own story."""
        lead = self.lead_of(story.team)
        if lead == story.author:
            return next(self.users[spec.username] for spec in demo_data.USERS if spec.moderator)
        return lead

    def lead_of(self, team: Team) -> Any:
        return next(
            self.users[spec.username] for spec in demo_data.USERS if (team.slug, Role.LEAD) in spec.teams
        )

    def write_links(self, by_key: dict[str, Story]) -> int:
        links = []
        for chain in demo_data.CHAINS:
            original = by_key[chain.original]
            for sequel_key, outcome in chain.sequels:
                sequel = by_key[sequel_key]
                if sequel.team_id != original.team_id or sequel.happened_on < original.happened_on:
                    raise CommandError(f"Demo chain {chain.original} → {sequel_key} breaks the sequel rules.")
                links.append(
                    SequelLink(
                        original=original,
                        sequel=sequel,
                        outcome=outcome,
                        created_by=sequel.author,
                        # Linked when the sequel was logged.
                        created_at=min(sequel.created_at + dt.timedelta(minutes=20), self.now),
                    )
                )
        SequelLink.objects.bulk_create(links)
        # bulk_create skips SequelLink.save, which keeps the stored first-sequel dates right.
        refresh_sequel_dates({link.original_id for link in links})
        return len(links)

    def write_retros(self, drafts: list[Draft], written: Written) -> None:
        for spec in demo_data.RETROS:
            team = self.teams[spec.team]
            month = add_months(team.today().replace(day=1), -spec.months_ago)
            held_on = self.local_time(team, month_after(month) + dt.timedelta(days=2), 10)
            retro = Retro.objects.create(team=team, month=month, notes=spec.notes, created_at=held_on)
            written.retros += 1
            items = []
            for action in spec.actions:
                due_on = month_after(month) + dt.timedelta(days=action.due_days_after_month - 1)
                done_at = None
                if action.done:
                    done_at = max(held_on, self.local_time(team, due_on - dt.timedelta(days=2), 16))
                items.append(
                    ActionItem(
                        team=team,
                        retro=retro,
                        text=action.text,
                        owner=self.users[action.owner],
                        due_on=due_on,
                        done_at=done_at,
                        created_by=self.lead_of(team),
                        created_at=held_on,
                    )
                )
            ActionItem.objects.bulk_create(items)
            written.action_items += len(items)
            written.votes += self.write_votes(retro, spec.votes, drafts, held_on)

    def write_votes(
        self, retro: Retro, votes: tuple[tuple[str, int], ...], drafts: list[Draft], held_on: dt.datetime
    ) -> int:
        """Each voter backs good stories of the month, starting one further along than the last."""
        candidates = sorted(
            (
                draft.story
                for draft in drafts
                if draft.story.team_id == retro.team_id
                and draft.story.status == Status.PUBLISHED
                and draft.story.kind == Kind.GOOD
                and retro.month <= draft.story.happened_on < month_after(retro.month)
            ),
            key=lambda story: (story.happened_on, story.title),
        )
        rows = [
            RetroVote(
                retro=retro,
                story=candidates[(offset + n) % len(candidates)],
                voter=self.users[voter],
                created_at=held_on,
            )
            for offset, (voter, count) in enumerate(votes)
            for n in range(min(count, len(candidates)))
        ]
        RetroVote.objects.bulk_create(rows)
        return len(rows)

    def local_time(self, team: Team, day: dt.date, hour: int) -> dt.datetime:
        return min(dt.datetime.combine(day, dt.time(hour), tzinfo=team.zone), self.now)
