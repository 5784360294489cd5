"""`manage.py seed_demo`: the demo organisation that `make run` serves."""

from __future__ import annotations

import datetime as dt
import os
import re
from io import StringIO
from pathlib import Path
from typing import Any

import pytest
import time_machine
from django.conf import settings as django_settings
from django.contrib.auth import authenticate, get_user_model
from django.contrib.auth.hashers import check_password
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db.models import Count, Max
from django.utils import timezone

from stories.core.policy import is_moderator
from stories.karma.models import POSITIVE_OUTCOMES
from stories.log.personal_data import PersonalDataKind, find_personal_data
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
    SequelOutcome,
    Status,
    Story,
    StoryPrinciple,
    Team,
)
from stories.retros.figures import month_figures

SEEDS_DIR = Path(os.environ.get("SEEDS_DIR", Path(django_settings.BASE_DIR).parent / "shared" / "seeds"))
COPIED_RUN = 12


def run_seed_demo() -> str:
    out = StringIO()
    call_command("seed_demo", stdout=out)
    return out.getvalue()


@pytest.fixture
def seeded(db: Any, settings: Any) -> str:
    settings.DEBUG = True
    return run_seed_demo()


def last_months(today: dt.date, count: int = 12) -> list[dt.date]:
    months = [today.replace(day=1)]
    while len(months) < count:
        months.append((months[-1] - dt.timedelta(days=1)).replace(day=1))
    return months


def user(username: str) -> Any:
    return get_user_model().objects.get(username=username)


def role_in(username: str, slug: str) -> str | None:
    return (
        Membership.objects.filter(user__username=username, team__slug=slug)
        .values_list("role", flat=True)
        .first()
    )


def everything_counted() -> dict[str, Any]:
    models: list[Any] = [
        get_user_model(),
        Team,
        Membership,
        Story,
        StoryPrinciple,
        ModerationEvent,
        SequelLink,
        Retro,
        ActionItem,
        RetroVote,
    ]
    counted: dict[str, Any] = {model.__name__: model.objects.count() for model in models}
    counted["passwords"] = sorted(get_user_model().objects.values_list("username", "password"))
    counted["last_story_change"] = Story.objects.aggregate(last=Max("updated_at"))["last"]
    return counted


# --- refusing ---------------------------------------------------------------------------


def test_it_refuses_to_run_with_debug_off(db: Any, settings: Any) -> None:
    settings.DEBUG = False

    with pytest.raises(CommandError, match="DEBUG"):
        run_seed_demo()

    assert not Team.objects.exists()
    assert not get_user_model().objects.exists()


# --- teams and people -------------------------------------------------------------------


def test_it_creates_the_three_demo_teams(seeded: str) -> None:
    teams = {team.slug: team for team in Team.objects.all()}

    assert set(teams) == {"front-desk", "support-line", "shop-floor"}
    assert teams["front-desk"].name == "Front Desk"
    assert teams["front-desk"].time_zone == "Europe/London"
    assert teams["front-desk"].moderation_mode == ModerationMode.PRE
    assert teams["support-line"].time_zone == "America/New_York"
    assert teams["shop-floor"].time_zone == "Australia/Sydney"
    assert teams["shop-floor"].moderation_mode == ModerationMode.POST


def test_it_creates_the_demo_accounts_with_their_roles(seeded: str) -> None:
    admin = user("admin")
    assert admin.is_superuser and admin.is_staff
    assert role_in("lead", "front-desk") == Role.LEAD
    assert role_in("member", "front-desk") == Role.MEMBER
    assert list(
        Membership.objects.filter(user__username="outsider").values_list("team__slug", flat=True)
    ) == ["shop-floor"]
    assert is_moderator(user("moderator"))
    assert not user("moderator").is_superuser
    assert not is_moderator(user("member"))
    # Every team has a lead, and someone belongs to two teams.
    assert Membership.objects.filter(role=Role.LEAD).values("team").distinct().count() == 3
    assert Membership.objects.values("user").annotate(teams=Count("team")).filter(teams__gte=2).exists()
    assert 12 <= get_user_model().objects.count() <= 16
    assert not get_user_model().objects.filter(first_name="").exists()
    assert not get_user_model().objects.filter(last_name="").exists()


def test_it_staffs_the_front_desk_like_a_real_reception(seeded: str) -> None:
    members = Membership.objects.filter(team__slug="front-desk")

    assert 8 <= members.count() <= 9
    assert members.filter(role=Role.LEAD).count() == 1
    assert set(members.values_list("user__username", flat=True)) >= {"lead", "member"}


def test_it_gives_every_demo_account_the_demo_password(seeded: str) -> None:
    # Hashing is slow on purpose: check each distinct hash once, and one real login.
    hashes = set(get_user_model().objects.values_list("password", flat=True))
    assert all(check_password("service-retro", encoded) for encoded in hashes)
    assert authenticate(username="member", password="service-retro") == user("member")
    assert authenticate(username="member", password="wrong-password") is None


def test_it_prints_the_demo_logins(seeded: str) -> None:
    assert "password: service-retro" in seeded
    for line in (
        "admin      superuser",
        "lead       lead of Front Desk",
        "member     member of Front Desk",
        "outsider   member of Shop Floor only",
        "moderator  moderator of every team",
    ):
        assert line in seeded


# --- stories ----------------------------------------------------------------------------


def test_it_writes_a_year_of_stories_in_every_team(seeded: str) -> None:
    assert Story.objects.count() >= 150
    for team in Team.objects.all():
        per_month = {
            (row["happened_on__year"], row["happened_on__month"]): row["n"]
            for row in Story.objects.published()
            .filter(team=team)
            .order_by()
            .values("happened_on__year", "happened_on__month")
            .annotate(n=Count("pk"))
        }
        months = last_months(team.today())
        assert set(per_month) == {(month.year, month.month) for month in months}, team
        assert min(per_month.values()) >= 4, team
        complete = [per_month[(month.year, month.month)] for month in months[1:]]
        if team.slug == "front-desk":
            assert all(18 <= count <= 28 for count in complete), complete
        else:
            assert min(complete) >= 6, team


def test_it_has_front_desk_stories_told_by_many_people_every_month(seeded: str) -> None:
    front_desk = Team.objects.get(slug="front-desk")
    for month in last_months(front_desk.today())[1:]:
        stories = month_stories(front_desk, month)
        assert stories.values("author").distinct().count() >= 6, month
        # The same situation may recur over the year, but not twice in one month.
        assert stories.values("title").annotate(n=Count("pk")).filter(n__gt=1).count() == 0, month


def test_it_repeats_no_title_within_a_team_or_between_teams(seeded: str) -> None:
    repeated = Story.objects.values("title").annotate(n=Count("pk")).filter(n__gt=1)
    assert list(repeated.values_list("title", "n")) == []
    # A recurring situation names its occasion instead ("… – conference week").
    assert Story.objects.filter(title__contains=" – ").exists()


@pytest.mark.parametrize("day", [1, 2, 15])
def test_it_opens_the_running_month_with_recent_good_stories_whatever_the_day(
    db: Any, settings: Any, day: int
) -> None:
    settings.DEBUG = True
    # Noon UTC: the same calendar day in London, New York and (evening) Sydney.
    with time_machine.travel(dt.datetime(2026, 3, day, 12, tzinfo=dt.UTC), tick=False):
        run_seed_demo()
        for team in Team.objects.all():
            today = team.today()
            published = Story.objects.published().filter(team=team)
            running = published.filter(happened_on__gte=today.replace(day=1))
            good = running.filter(kind=Kind.GOOD).count()
            assert good * 2 > running.count() >= 4, (team, good, running.count())
            recent = published.filter(happened_on__gte=today - dt.timedelta(days=6)).count()
            assert recent >= (4 if team.slug == "front-desk" else 2), (team, recent)


def test_it_fills_last_months_retro_above_the_privacy_floor(seeded: str) -> None:
    front_desk = Team.objects.get(slug="front-desk")
    last = last_months(front_desk.today(), 2)[1]
    stories = month_stories(front_desk, last)
    # The retro's cells, counted plainly: a cell shows when three or more people wrote it.
    principle_cells = (
        StoryPrinciple.objects.filter(story__in=stories)
        .values("principle__slug", "verdict")
        .annotate(authors=Count("story__author", distinct=True))
    )
    channel_cells = stories.values("channel").annotate(authors=Count("author", distinct=True))

    shown = {cell["principle__slug"] for cell in principle_cells if cell["authors"] >= 3}
    assert len(shown) >= 6, shown
    assert sum(cell["authors"] >= 3 for cell in channel_cells) >= 3
    # Rare tags still fold, so the demo shows the privacy floor at work too.
    assert any(cell["authors"] < 3 for cell in principle_cells)


def month_stories(team: Team, month: dt.date) -> Any:
    next_month = (month + dt.timedelta(days=32)).replace(day=1)
    return Story.objects.published().filter(team=team, happened_on__gte=month, happened_on__lt=next_month)


def test_it_dates_no_story_in_the_future(seeded: str) -> None:
    now = timezone.now()
    for team in Team.objects.all():
        stories = Story.objects.filter(team=team)
        assert stories.aggregate(last=Max("happened_on"))["last"] <= team.today()
        assert not stories.filter(created_at__gt=now).exists()
        assert not stories.filter(published_at__gt=now).exists()
    assert not ModerationEvent.objects.filter(created_at__gt=now).exists()
    assert not SequelLink.objects.filter(created_at__gt=now).exists()


def test_it_writes_stories_that_pass_model_validation(seeded: str) -> None:
    for story in Story.objects.select_related("team"):
        story.full_clean(validate_constraints=False)
        assert story.tags.exists(), story  # type: ignore[attr-defined]
        assert 1 <= story.tags.count() <= 3, story  # type: ignore[attr-defined]


def test_it_varies_principles_kinds_perspectives_and_channels(seeded: str) -> None:
    stories = Story.objects.all()
    used = set(StoryPrinciple.objects.values_list("principle__slug", flat=True))

    assert used == set(Principle.objects.values_list("slug", flat=True))
    assert set(stories.values_list("kind", flat=True)) == set(Kind.values)
    assert set(stories.values_list("perspective", flat=True)) == set(Perspective.values)
    for team in Team.objects.all():
        team_stories = stories.filter(team=team)
        assert team_stories.values("kind", "perspective").distinct().count() == 4, team
        assert team_stories.values("channel").distinct().count() >= 4, team
    total = stories.count()
    assert 0.05 <= stories.filter(anonymous=True).count() / total <= 0.2
    assert 0.05 <= stories.filter(went_beyond=True).count() / total <= 0.2
    assert not stories.filter(went_beyond=True, cost_note="").exists()
    assert not stories.filter(went_beyond=False).exclude(cost_note="").exists()


def test_it_gives_the_front_desk_lead_a_moderation_queue(seeded: str) -> None:
    front_desk = Team.objects.get(slug="front-desk")
    pending = Story.objects.filter(team=front_desk, status=Status.PENDING)
    queue = Story.objects.awaiting_moderation_for(user("lead"))

    assert 2 <= pending.count() <= 4
    assert set(queue) >= set(pending)
    held = pending.get(events__action=ModerationAction.HOLD)
    assert re.search(r"\d{5} \d{6}", held.what_happened)
    assert "@example.com" in held.what_happened
    rejected = Story.objects.get(team=front_desk, status=Status.REJECTED)
    assert rejected.status_reason
    assert rejected.events.filter(action=ModerationAction.REJECT, reason=rejected.status_reason).exists()
    assert {match.kind for match in find_personal_data(held.what_happened)} == {
        PersonalDataKind.PHONE,
        PersonalDataKind.EMAIL,
    }
    for story in Story.objects.published().values("title", "what_happened", "lesson", "cost_note"):
        assert not find_personal_data(" ".join(str(text) for text in story.values())), story["title"]
    # Outside Front Desk nothing waits: the other teams publish at once.
    assert not Story.objects.exclude(team=front_desk).exclude(status=Status.PUBLISHED).exists()


def test_it_records_how_every_story_reached_its_status(seeded: str) -> None:
    assert not Story.objects.filter(events__isnull=True).exists()
    published = Story.objects.published()
    assert not published.filter(published_at__isnull=True).exists()
    front_desk_published = published.filter(team__slug="front-desk")
    assert front_desk_published.filter(events__action=ModerationAction.APPROVE).distinct().count() == (
        front_desk_published.count()
    )
    # A lead does not approve their own stories.
    assert not ModerationEvent.objects.filter(
        action=ModerationAction.APPROVE, actor__username="lead", story__author__username="lead"
    ).exists()


# --- karma ------------------------------------------------------------------------------


def test_it_links_valid_karma_chains(seeded: str) -> None:
    links = SequelLink.objects.select_related("original", "sequel")

    assert links.count() >= 8
    for link in links:
        assert link.original.team_id == link.sequel.team_id
        assert link.sequel.happened_on >= link.original.happened_on
        assert link.original.went_beyond
        assert link.original.cost_note
        assert link.original.client_nickname == link.sequel.client_nickname
        assert link.original.status == link.sequel.status == Status.PUBLISHED
    assert links.values("original").annotate(n=Count("pk")).filter(n__gte=2).count() >= 2
    assert {
        SequelOutcome.BIGGER_ORDER,
        SequelOutcome.REFERRAL,
        SequelOutcome.THANKS,
        SequelOutcome.CLIENT_RETURNED,
        SequelOutcome.OTHER,
    } <= set(links.values_list("outcome", flat=True))
    assert set(links.values_list("original__team__slug", flat=True)) == {
        "front-desk",
        "support-line",
        "shop-floor",
    }


def test_it_leaves_front_desk_stories_on_the_karma_watchlist(seeded: str) -> None:
    front_desk = Team.objects.get(slug="front-desk")
    today = front_desk.today()
    waiting = Story.objects.published().filter(
        team=front_desk,
        went_beyond=True,
        sequel_links__isnull=True,
        karma_closed_at__isnull=True,
        happened_on__lte=today - dt.timedelta(days=30),
        happened_on__gte=today - dt.timedelta(days=90),
    )

    assert waiting.count() >= 3
    member = user("member")
    own = waiting.filter(author=member, anonymous=False)
    assert own.exists()
    assert Story.objects.visible_to(member).filter(pk__in=own).exists()


def test_it_links_sequels_during_last_month_for_its_retro(seeded: str) -> None:
    front_desk = Team.objects.get(slug="front-desk")
    this_month, last = last_months(front_desk.today(), 2)
    start = dt.datetime.combine(last, dt.time.min, tzinfo=front_desk.zone)
    end = dt.datetime.combine(this_month, dt.time.min, tzinfo=front_desk.zone)

    assert (
        SequelLink.objects.filter(
            original__team=front_desk, created_at__gte=start, created_at__lt=end
        ).count()
        >= 2
    )


def test_it_gives_the_karma_rate_something_to_measure(seeded: str) -> None:
    front_desk = Team.objects.get(slug="front-desk")
    window = dt.timedelta(days=180)
    decided = Story.objects.published().filter(
        team=front_desk, went_beyond=True, happened_on__lt=front_desk.today() - window
    )
    hits = [
        story
        for story in decided
        if story.sequel_links.filter(
            outcome__in=POSITIVE_OUTCOMES,
            sequel__status=Status.PUBLISHED,
            sequel__happened_on__lte=story.happened_on + window,
        ).exists()
    ]

    assert hits
    assert decided.filter(sequel_links__isnull=True).exists()
    closed = Story.objects.published().filter(
        team=front_desk, went_beyond=True, karma_closed_at__isnull=False
    )
    assert closed.filter(sequel_links__isnull=True).exists()
    assert not closed.filter(karma_closed_at__gt=timezone.now()).exists()


def test_it_leaves_member_a_story_to_log_a_sequel_for(seeded: str) -> None:
    front_desk = Team.objects.get(slug="front-desk")
    today = front_desk.today()
    open_story = (
        Story.objects.published()
        .filter(
            team=front_desk,
            author=user("member"),
            went_beyond=True,
            sequel_links__isnull=True,
            karma_closed_at__isnull=True,
            happened_on__lte=today - dt.timedelta(days=30),
            happened_on__gte=today - dt.timedelta(days=90),
        )
        .get(client_nickname="the umbrella man")
    )

    assert open_story.cost_note
    # The nickname is the story's own, so the sequel form suggests exactly this original.
    assert Story.objects.filter(team=front_desk, client_nickname=open_story.client_nickname).count() == 1


# --- retros -----------------------------------------------------------------------------


def test_it_prepares_the_last_two_front_desk_retros(seeded: str) -> None:
    front_desk = Team.objects.get(slug="front-desk")
    _this, last, before = last_months(front_desk.today(), 3)
    retros = Retro.objects.filter(team=front_desk)

    assert set(retros.values_list("month", flat=True)) == {last, before}
    items = ActionItem.objects.filter(team=front_desk)
    assert items.filter(done_at__isnull=False).exists()
    assert items.filter(done_at__isnull=True).exists()
    assert set(items.values_list("owner__username", flat=True)) == {"member", "lead"}
    assert not items.filter(due_on__isnull=True).exists()
    for retro in retros:
        assert retro.notes
        assert retro.action_items.exists()
        votes = retro.votes.select_related("story")
        assert votes.exists()
        for vote in votes:
            assert vote.story.team_id == front_desk.pk
            assert vote.story.status == Status.PUBLISHED
            assert retro.month <= vote.story.happened_on < retro.next_month
        per_voter = votes.values("voter").annotate(n=Count("pk"))
        assert max(row["n"] for row in per_voter) <= 3  # votes per member, the product's rule


# --- running again ----------------------------------------------------------------------


def test_it_changes_nothing_when_run_twice(seeded: str) -> None:
    before = everything_counted()

    again = run_seed_demo()

    assert everything_counted() == before
    assert "nothing changed" in again
    assert "password: service-retro" in again


def test_it_writes_the_same_demo_every_time(seeded: str) -> None:
    def written() -> list[tuple[Any, ...]]:
        return list(
            Story.objects.order_by("team__slug", "happened_on", "title", "author__username").values_list(
                "team__slug", "happened_on", "title", "author__username", "status", "anonymous", "channel"
            )
        )

    first = written()
    for model in (RetroVote, ActionItem, Retro, SequelLink, ModerationEvent, StoryPrinciple, Story):
        model.objects.all().delete()

    run_seed_demo()

    assert written() == first


def test_it_adds_back_a_missing_membership_without_new_stories(seeded: str) -> None:
    Membership.objects.filter(user__username="member").delete()
    stories = Story.objects.count()

    output = run_seed_demo()

    assert role_in("member", "front-desk") == Role.MEMBER
    assert Story.objects.count() == stories
    assert "added 1 missing" in output


def test_it_leaves_an_existing_account_alone(db: Any, settings: Any) -> None:
    settings.DEBUG = True
    get_user_model().objects.create_user("admin", password="my-own-password")

    output = run_seed_demo()

    assert authenticate(username="admin", password="my-own-password") is not None
    assert not user("admin").is_superuser
    assert "already existed" in output
    assert authenticate(username="member", password="service-retro") is not None


# --- our own words ----------------------------------------------------------------------


def words(text: str) -> list[str]:
    return re.findall(r"[a-z0-9]+", text.lower().replace("’", "'"))


def runs(text: str, length: int = COPIED_RUN) -> set[tuple[str, ...]]:
    found = words(text)
    return {tuple(found[i : i + length]) for i in range(len(found) - length + 1)}


def seed_runs() -> set[tuple[str, ...]]:
    texts = sorted(SEEDS_DIR.glob("*.txt")) if SEEDS_DIR.is_dir() else []
    if not texts:
        pytest.skip(f"SEED CHECK SKIPPED: no seed texts in {SEEDS_DIR} (set SEEDS_DIR to check)")
    found: set[tuple[str, ...]] = set()
    for path in texts:
        found |= runs(path.read_text(encoding="utf-8"))
    return found


def test_it_copies_no_twelve_word_run_of_a_seed(seeded: str) -> None:
    from_seeds = seed_runs()
    # The check itself catches a copied run, or passing would prove nothing.
    some_run = " ".join(sorted(from_seeds)[0])
    assert runs(f"As the seed put it, {some_run.upper()}, and so on.") & from_seeds

    fields = ("title", "what_happened", "lesson", "cost_note", "client_nickname")
    for story in Story.objects.values("pk", *fields):
        for name in fields:
            copied = runs(story[name]) & from_seeds
            assert not copied, (story["pk"], name, [" ".join(run) for run in copied])


def test_it_shows_every_principle_figure_of_last_month_that_rests_on_signed_stories(seeded: str) -> None:
    front_desk = Team.objects.get(slug="front-desk")
    last = last_months(front_desk.today(), 2)[1]
    tags = StoryPrinciple.objects.filter(story__in=month_stories(front_desk, last))
    with_anonymous = set(tags.filter(story__anonymous=True).values_list("principle__slug", "verdict"))
    figures = month_figures(front_desk, last)["heatmap"]["rows"]

    cells = {
        (row["principle"], verdict): row[verdict] for row in figures for verdict in ("honoured", "broken")
    }
    signed_only = {key for key, value in cells.items() if key not in with_anonymous}
    assert all(cells[key] is not None for key in signed_only)
    # The demo still shows the floor at work: a few cells with an anonymous story fold.
    assert 1 <= sum(value is None for value in cells.values()) <= 5
