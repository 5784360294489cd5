"""Every page of the app with data enough to show all its sections: the browser tour
(axe, phone widths) and the translation test both walk this list."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.contrib.auth.models import Permission
from django.urls import reverse
from django.utils import timezone

from stories.core.months import add_months, current_month
from stories.models import ModerationMode, SequelOutcome, Status
from tests.factories import (
    ActionItemFactory,
    MembershipFactory,
    RetroFactory,
    SequelLinkFactory,
    StoryFactory,
    UserFactory,
)

LONG = "Stayed two hours after closing to re-cut the Hendersons' keys for the whole family"


def build_busy_team(team: Any, lead: Any, member: Any) -> dict[str, Any]:
    """A month with enough people and stories for every section of every page to show."""
    lead.user_permissions.add(Permission.objects.get(codename="moderate_story"))
    team.moderation_mode = ModerationMode.PRE
    team.save(update_fields=["moderation_mode"])
    people = [member, lead]
    for name in ("ana", "ben", "cat"):
        user = UserFactory(username=name, first_name=name.title())
        MembershipFactory(user=user, team=team)
        people.append(user)
    last_month = add_months(current_month(team), -1)
    stories = [
        StoryFactory(
            team=team,
            author=author,
            kind="bad" if day % 3 == 2 else "good",
            anonymous=day == 4,
            happened_on=last_month + dt.timedelta(days=day),
            channel=("phone", "email", "in_person")[day % 3],
            tags=[("empathy", "honoured"), ("make-it-right", "broken" if day % 3 == 2 else "honoured")],
        )
        for day, author in enumerate(people * 2)
    ]
    today = timezone.localdate()
    original = StoryFactory(
        team=team,
        author=member,
        title=LONG,
        went_beyond=True,
        cost_note="Two hours of overtime and the key blanks, at our own expense",
        client_nickname="the locksmith's aunt",
        happened_on=today - dt.timedelta(days=100),
        tags=[("a-little-bit-more", "honoured")],
    )
    SequelLinkFactory(
        original=original,
        sequel=StoryFactory(team=team, author=lead, title=f"{LONG}: they came back", happened_on=today),
        outcome=SequelOutcome.BIGGER_ORDER,
    )
    pending = StoryFactory(
        team=team, author=lead, title="Waiting for the lead", status=Status.PENDING, published_at=None
    )
    retro = RetroFactory(team=team, month=last_month, notes="We thanked the night porter.")
    retro.vote(stories[0], by=lead)
    ActionItemFactory(retro=retro, text="Thank the courier in person", owner=member)
    return {"month": last_month, "story": stories[0], "original": original, "pending": pending}


def pages(team: Any, data: dict[str, Any]) -> list[str]:
    month = data["month"]
    story = data["story"]
    return [
        reverse("dashboard"),
        reverse("story_list"),
        reverse("story_list") + "?kind=bad&team=" + team.slug,
        reverse("story_create"),
        reverse("story_detail", args=[story.pk]),
        reverse("story_detail", args=[data["original"].pk]),
        reverse("story_edit", args=[data["pending"].pk]),
        reverse("sequel_link", args=[story.pk]),
        reverse("retro_list", args=[team.slug]),
        reverse("retro_detail", kwargs={"slug": team.slug, "month": month}),
        reverse("trends", args=[team.slug]),
        reverse("karma", args=[team.slug]),
        reverse("moderation_queue"),
        reverse("retros_across_teams", args=[month]),
        reverse("password_change"),
        # Error pages: a story that does not exist, and one that may no longer be edited.
        reverse("story_detail", args=[999_999]),
        reverse("story_edit", args=[story.pk]),
    ]
