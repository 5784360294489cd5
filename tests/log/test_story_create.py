import datetime as dt

import pytest
import time_machine
from django.test import Client

from stories.models import ModerationAction, Principle, Status, Story
from tests.factories import MembershipFactory, TeamFactory
from tests.log.story_forms import story_post

URL = "/stories/new/"


def test_it_sends_anonymous_visitors_to_login(client, db):
    response = client.get(URL)
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")


def test_it_refuses_other_methods(member_client):
    assert member_client.put(URL).status_code == 405


def test_it_preselects_my_only_team_and_today(member_client, team):
    response = member_client.get(URL)
    assert response.status_code == 200
    form = response.context["form"]
    assert form.initial["team"] == team.pk
    assert form.initial["happened_on"] == team.today()
    assert len(form.principle_choices) == 18


def test_it_offers_only_my_teams(member_client, team, other_team):
    form = member_client.get(URL).context["form"]
    assert list(form.fields["team"].queryset) == [team]


def test_it_logs_a_story_with_its_tags_and_publishes_in_a_post_team(member_client, member, team):
    honesty = Principle.objects.get(slug="honesty")
    data = story_post(team, principles=[Principle.objects.get(slug="empathy").pk, honesty.pk])
    data[f"verdict_{honesty.pk}"] = "broken"
    response = member_client.post(URL, data)
    story = Story.objects.get()
    assert response.status_code == 302
    assert response["Location"] == f"/stories/{story.pk}/"
    assert story.author == member
    assert story.status == Status.PUBLISHED
    assert story.published_at is not None
    assert dict(story.tags.values_list("principle__slug", "verdict")) == {
        "empathy": "honoured",
        "honesty": "broken",
    }
    assert list(story.events.values_list("action", flat=True)) == [ModerationAction.SUBMIT]


def test_it_defaults_verdicts_to_broken_for_a_bad_story(member_client, team):
    member_client.post(URL, story_post(team, kind="bad"))
    assert Story.objects.get().tags.get().verdict == "broken"


def test_it_holds_a_story_in_a_pre_moderated_team(member_client, team):
    team.moderation_mode = "pre"
    team.save()
    member_client.post(URL, story_post(team))
    assert Story.objects.get().status == Status.PENDING


def test_it_refuses_a_future_date_and_keeps_what_was_typed(member_client, team):
    tomorrow = team.today() + dt.timedelta(days=1)
    response = member_client.post(URL, story_post(team, happened_on=tomorrow.isoformat(), title="Kept title"))
    assert response.status_code == 200
    assert not Story.objects.exists()
    html = response.content.decode()
    assert "The date cannot be in the future." in html
    assert 'value="Kept title"' in html
    assert "A parcel went to the wrong town" in html
    empathy = Principle.objects.get(slug="empathy")
    assert f'id="principle-{empathy.pk}" checked' in html


def test_it_keeps_each_principle_verdict_picked_when_the_form_comes_back(member_client, team):
    empathy = Principle.objects.get(slug="empathy")
    tomorrow = team.today() + dt.timedelta(days=1)
    post = story_post(team, happened_on=tomorrow.isoformat(), **{f"verdict_{empathy.pk}": "broken"})

    html = member_client.post(URL, post).content.decode()

    name = f"verdict_{empathy.pk}"
    assert f'<input type="radio" name="{name}" value="broken" id="id_{name}_1" checked>' in html
    assert f'<input type="radio" name="{name}" value="honoured" id="id_{name}_0">' in html
    assert f'<label for="id_{name}' not in html  # each radio sits inside its own label


def test_it_limits_title_and_text_length(member_client, team):
    response = member_client.post(URL, story_post(team, title="x" * 121, what_happened="y" * 5001))
    errors = response.context["form"].errors
    assert "title" in errors
    assert "what_happened" in errors
    assert not Story.objects.exists()


def test_it_needs_a_principle(member_client, team):
    response = member_client.post(URL, story_post(team, principles=[]))
    assert "Pick at least one principle" in response.content.decode()


def test_it_refuses_a_team_i_am_not_in(member_client, other_team):
    response = member_client.post(URL, story_post(other_team))
    assert response.status_code == 200
    assert "team" in response.context["form"].errors
    assert not Story.objects.exists()


def test_it_refuses_a_retired_principle(member_client, team):
    retired = Principle.objects.get(slug="imperfect-people")
    retired.active = False
    retired.save()
    response = member_client.post(URL, story_post(team, principles=[retired.pk]))
    assert "principles" in response.context["form"].errors


def test_it_never_saves_the_same_submission_twice(member_client, team):
    data = story_post(team)
    first = member_client.post(URL, data)
    second = member_client.post(URL, data)
    story = Story.objects.get()
    assert first["Location"] == second["Location"] == story.get_absolute_url()


def test_it_clears_the_cost_note_when_we_did_not_go_beyond(member_client, team):
    member_client.post(URL, story_post(team, cost_note="free taxi"))
    assert Story.objects.get().cost_note == ""


def test_it_keeps_the_cost_note_when_we_went_beyond(member_client, team):
    member_client.post(URL, story_post(team, went_beyond="on", cost_note="free taxi"))
    story = Story.objects.get()
    assert story.went_beyond
    assert story.cost_note == "free taxi"


def test_it_enforces_csrf(member, team):
    client = Client(enforce_csrf_checks=True)
    client.force_login(member)
    response = client.post(URL, story_post(team))
    assert response.status_code == 403
    assert not Story.objects.exists()


def test_it_tells_a_person_without_a_team_what_to_do(client, db):
    from tests.factories import UserFactory

    client.force_login(UserFactory())
    response = client.get(URL, follow=True)
    assert "not in a team yet" in response.content.decode()


# Noon UTC on 17 June is 02:00 on 18 June in Kiritimati (UTC+14): there, the 18th is today.
@time_machine.travel(dt.datetime(2026, 6, 17, 12, 0, tzinfo=dt.UTC), tick=False)
def test_it_uses_the_team_time_zone_for_today(member, db):
    far_east = TeamFactory(slug="kiribati", time_zone="Pacific/Kiritimati")
    MembershipFactory(user=member, team=far_east)
    client = Client()
    client.force_login(member)
    assert client.post(URL, story_post(far_east, happened_on="2026-06-18")).status_code == 302
    refused = client.post(URL, story_post(far_east, happened_on="2026-06-19", title="Tomorrow there"))
    assert "happened_on" in refused.context["form"].errors


@pytest.mark.parametrize("who", ["lead_client", "member_client"])
def test_it_lets_members_and_leads_log(request, who, team, lead, member):
    client = request.getfixturevalue(who)
    assert client.post(URL, story_post(team)).status_code == 302


def test_it_does_not_log_the_same_story_twice_after_going_back(member_client, team):
    member_client.post(URL, story_post(team))
    # Back, then save again: the browser restores the fields but the form carries a new token.
    response = member_client.post(URL, story_post(team))
    assert Story.objects.count() == 1
    assert response["Location"] == Story.objects.get().get_absolute_url()


def test_it_defaults_the_date_for_someone_in_several_teams(member, team):
    far_west = TeamFactory(slug="samoa", time_zone="Pacific/Pago_Pago")
    MembershipFactory(user=member, team=far_west)
    client = Client()
    client.force_login(member)
    form = client.get(URL).context["form"]
    assert "team" not in form.initial
    assert form.initial["happened_on"] == min(team.today(), far_west.today())


@pytest.mark.parametrize("raw", ["%C2%B2", "99999999999999999999999", "-1", "abc"])
def test_it_ignores_a_malformed_sequel_id(member_client, raw):
    response = member_client.get(f"{URL}?sequel_of={raw}")
    assert response.status_code == 200
    assert response.context["original"] is None
