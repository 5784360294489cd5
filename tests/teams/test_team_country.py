"""A team's country: filled from its time zone, editable, and handed to the personal-data guard."""

from __future__ import annotations

import pytest
from django.urls import reverse

from stories.models import ModerationAction, Story
from stories.teams.countries import country_choices, country_for_time_zone
from tests.factories import StoryFactory, TeamFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("zone", "country"),
    [
        ("Europe/London", "GB"),
        ("Australia/Sydney", "AU"),
        ("America/Toronto", "CA"),
        ("Asia/Singapore", "SG"),
        ("UTC", ""),
    ],
)
def test_it_fills_the_country_from_the_time_zone(zone, country):
    assert country_for_time_zone(zone) == country
    assert TeamFactory(time_zone=zone).country == country


def test_it_keeps_a_country_chosen_by_hand():
    assert TeamFactory(time_zone="Europe/London", country="IE").country == "IE"


def test_it_offers_every_numbering_plan_by_english_name():
    names = dict(country_choices())
    assert names["GB"] == "United Kingdom" and names["SG"] == "Singapore" and len(names) > 200


def test_it_edits_the_country_in_the_admin(superuser_client, team):
    url = reverse("admin:stories_team_change", args=[team.pk])
    assert 'name="country"' in superuser_client.get(url).content.decode()
    data = {
        "name": team.name, "slug": team.slug, "time_zone": team.time_zone, "country": "ES",
        "moderation_mode": team.moderation_mode, "language": team.language,
        "memberships-TOTAL_FORMS": "0", "memberships-INITIAL_FORMS": "0",
        "memberships-MIN_NUM_FORMS": "0", "memberships-MAX_NUM_FORMS": "1000",
    }  # fmt: skip
    response = superuser_client.post(url, data)
    assert response.status_code == 302
    team.refresh_from_db()
    assert team.country == "ES"


def test_it_guards_the_story_form_with_the_teams_country(member_client, team):
    team.country = "ES"
    team.save(update_fields=["country"])
    data = {
        "team": team.pk, "kind": "good", "perspective": "gave", "channel": "phone",
        "happened_on": team.today().isoformat(), "title": "Called back",
        "what_happened": "She asked us to ring 612 345 678 when it came in.",
    }  # fmt: skip
    response = member_client.post(reverse("story_create"), data)
    assert response.status_code == 200
    assert "what_happened" in response.context["form"].personal_data_found


def test_it_redacts_with_the_teams_country_and_names_only_the_kinds(team, moderator):
    team.country = "SG"
    team.save(update_fields=["country"])
    story = StoryFactory(team=team, what_happened="Call 9123 4567 ext. 12 or mail a@example.com about it.")
    assert story.personal_data_kinds == {"phone", "email"}

    event = story.redact(by=moderator)

    story.refresh_from_db()
    assert story.what_happened == "Call [phone] or mail [email] about it."
    assert event.action == ModerationAction.REDACT
    assert event.reason == "Removed personal data: email, phone."
    assert "9123" not in event.reason and "example" not in event.reason
    assert not Story.objects.filter(what_happened__contains="4567").exists()
