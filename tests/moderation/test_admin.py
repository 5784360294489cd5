"""Django admin: every model is there, stories are never deleted, moderation actions write events."""

from __future__ import annotations

import datetime as dt

import pytest
from django.contrib import admin
from django.contrib.auth.models import Permission
from django.urls import reverse

from stories.core.policy import is_team_lead
from stories.models import (
    ActionItem,
    Flag,
    FlagReason,
    KarmaReminder,
    Membership,
    ModerationAction,
    ModerationEvent,
    Principle,
    Retro,
    RetroVote,
    SequelLink,
    SequelOutcome,
    Status,
    Story,
    StoryPrinciple,
    Team,
)
from tests.factories import ActionItemFactory, RetroFactory, SequelLinkFactory, StoryFactory, UserFactory

ALL_MODELS = [
    Team,
    Membership,
    Principle,
    Story,
    StoryPrinciple,
    ModerationEvent,
    Flag,
    Retro,
    RetroVote,
    ActionItem,
    SequelLink,
    KarmaReminder,
]


def _changelist(model):
    return reverse(f"admin:stories_{model._meta.model_name}_changelist")


@pytest.fixture
def some_of_everything(team, member, lead, colleague):
    story = StoryFactory(team=team, author=member, tags=[("empathy", "honoured")])
    story.flag(by=colleague, reason=FlagReason.OTHER, comment="Check this")
    retro = RetroFactory(team=team)
    RetroVote.objects.create(retro=retro, story=story, voter=member)
    ActionItemFactory(retro=retro, owner=lead)
    SequelLinkFactory(original=story, sequel=StoryFactory(team=team, author=member))
    KarmaReminder.objects.create(story=story, milestone=30)
    return story


def test_it_registers_every_model_of_the_app():
    assert all(admin.site.is_registered(model) for model in ALL_MODELS)


@pytest.mark.parametrize("model", ALL_MODELS, ids=lambda m: m.__name__)
def test_it_lists_and_searches_every_model(model, superuser_client, some_of_everything):
    assert superuser_client.get(_changelist(model)).status_code == 200
    assert superuser_client.get(_changelist(model), {"q": "a"}).status_code == 200


@pytest.mark.parametrize("model", ALL_MODELS, ids=lambda m: m.__name__)
def test_it_opens_the_change_page_of_every_model(model, superuser_client, some_of_everything):
    obj = model.objects.first()
    url = reverse(f"admin:stories_{model._meta.model_name}_change", args=[obj.pk])
    assert superuser_client.get(url).status_code == 200


def test_it_filters_stories_by_status_team_kind_and_open_flags(superuser_client, some_of_everything, team):
    quiet = StoryFactory(team=team, title="Quiet one")
    flagged = superuser_client.get(_changelist(Story), {"flagged": "yes"}).content.decode()
    assert some_of_everything.title in flagged
    assert quiet.title not in flagged
    unflagged = superuser_client.get(_changelist(Story), {"flagged": "no"}).content.decode()
    assert quiet.title in unflagged
    response = superuser_client.get(
        _changelist(Story), {"status__exact": "published", "team__id__exact": team.pk, "kind__exact": "good"}
    )
    assert quiet.title in response.content.decode()


def test_it_never_deletes_a_story(superuser_client, published):
    changelist = superuser_client.get(_changelist(Story))
    assert "delete_selected" not in changelist.content.decode()
    delete_url = reverse("admin:stories_story_delete", args=[published.pk])
    assert superuser_client.post(delete_url, {"post": "yes"}).status_code == 403
    response = superuser_client.post(
        _changelist(Story), {"action": "delete_selected", "_selected_action": [published.pk], "post": "yes"}
    )
    assert response.status_code in {200, 302}
    assert Story.objects.filter(pk=published.pk).exists()


def _act(client, action, stories, **extra):
    return client.post(
        _changelist(Story),
        {"action": action, "_selected_action": [s.pk for s in stories], "index": 0, **extra},
        follow=True,
    )


def test_it_approves_in_bulk_through_the_model_and_writes_events(superuser_client, superuser, make_story):
    stories = [make_story(Status.PENDING) for _ in range(3)]
    _act(superuser_client, "approve", stories)
    assert set(Story.objects.values_list("status", flat=True)) == {Status.PUBLISHED}
    assert ModerationEvent.objects.filter(action=ModerationAction.APPROVE, actor=superuser).count() == 3


def test_it_rejects_only_with_a_reason(superuser_client, pending):
    response = _act(superuser_client, "reject", [pending])
    assert "needs a reason" in response.content.decode()
    assert Story.objects.get(pk=pending.pk).status == Status.PENDING
    _act(superuser_client, "reject", [pending], reason="Please leave the name out.")
    pending.refresh_from_db()
    assert (pending.status, pending.status_reason) == (Status.REJECTED, "Please leave the name out.")
    assert pending.events.get().action == ModerationAction.REJECT


def test_it_hides_instead_of_deleting_and_reports_illegal_moves(superuser_client, published, pending):
    response = _act(superuser_client, "hide", [published, pending], reason="Off topic")
    assert "Cannot hide a story that is pending" in response.content.decode()
    assert Story.objects.get(pk=published.pk).status == Status.HIDDEN
    assert Story.objects.get(pk=pending.pk).status == Status.PENDING
    assert published.events.get().reason == "Off topic"


def test_it_restores_and_redacts_from_the_admin(superuser_client, make_story):
    story = make_story(Status.HIDDEN, what_happened="Card 4111 1111 1111 1111")
    _act(superuser_client, "redact", [story])
    _act(superuser_client, "restore", [story])
    story.refresh_from_db()
    assert (story.status, story.what_happened) == (Status.PUBLISHED, "Card [card]")
    assert [e.action for e in story.events.all()] == [ModerationAction.REDACT, ModerationAction.RESTORE]


@pytest.mark.parametrize("method", ["approve", "restore"])
def test_it_publishes_a_story_holding_personal_data_through_the_model(
    method, superuser_client, superuser, make_story, colleague, monkeypatch
):
    if method == "approve":
        story = make_story(
            Status.PENDING, what_happened="Card 4111 1111 1111 1111", status_reason="personal data"
        )
    else:
        story = make_story(Status.PUBLISHED, lesson="Mail jo@example.com")
        story.flag(by=colleague, reason=FlagReason.PERSONAL_DATA)  # hides it
    calls = []
    original = getattr(Story, method)

    def spy(self, *, by):
        calls.append((self.pk, by))
        return original(self, by=by)

    monkeypatch.setattr(Story, method, spy)

    response = _act(superuser_client, method, [story])

    # The admin is for superusers, who are moderators: the model lets them publish it.
    assert calls == [(story.pk, superuser)]
    assert "still holds personal data" not in response.content.decode()
    story.refresh_from_db()
    assert (story.status, story.status_reason) == (Status.PUBLISHED, "")
    assert story.events.filter(action=method, actor=superuser).count() == 1
    assert not Flag.objects.filter(story=story, resolved_at__isnull=True).exists()


def test_it_offers_moderation_actions_only_to_moderators(client, published):
    staff = UserFactory(username="staffer", is_staff=True)
    staff.user_permissions.add(*Permission.objects.filter(codename__in=["view_story", "change_story"]))
    client.force_login(staff)
    page = client.get(_changelist(Story)).content.decode()
    assert 'value="hide"' not in page
    _act(client, "hide", [published])
    assert Story.objects.get(pk=published.pk).status == Status.PUBLISHED


def admin_edit(client, story, **changes):
    """Post the admin's change form of the story as shown, with the given fields changed."""
    url = reverse("admin:stories_story_change", args=[story.pk])
    form = client.get(url).context["adminform"].form
    data = {
        **{name: value for name, value in form.initial.items() if value is not None and name in form.fields},
        "team": story.team_id,
        "author": story.author_id,
        "happened_on": story.happened_on.isoformat(),
        "tags-TOTAL_FORMS": 0,
        "tags-INITIAL_FORMS": 0,
        "flags-TOTAL_FORMS": 0,
        "flags-INITIAL_FORMS": 0,
        "events-TOTAL_FORMS": 0,
        "events-INITIAL_FORMS": 0,
        **changes,
    }
    data = {key: value for key, value in data.items() if value is not False}
    response = client.post(url, data)
    assert response.status_code == 302, response.context["adminform"].form.errors
    return response


def test_it_logs_an_admin_edit_in_the_history(superuser_client, superuser, published):
    admin_edit(superuser_client, published, title="A better title")
    event = published.events.get()
    assert (event.action, event.actor, event.reason) == (
        ModerationAction.EDIT,
        superuser,
        "Edited in admin: title.",
    )


def test_it_keeps_the_audit_log_read_only(superuser_client, pending, lead):
    event = pending.approve(by=lead)
    change_url = reverse("admin:stories_moderationevent_change", args=[event.pk])
    assert superuser_client.get(reverse("admin:stories_moderationevent_add")).status_code == 403
    assert superuser_client.post(change_url, {"reason": "rewritten"}).status_code == 403
    delete_url = reverse("admin:stories_moderationevent_delete", args=[event.pk])
    assert superuser_client.post(delete_url, {"post": "yes"}).status_code == 403
    assert ModerationEvent.objects.get(pk=event.pk).reason == ""


def test_it_retires_principles_instead_of_deleting_them(superuser_client):
    empathy = Principle.objects.get(slug="empathy")
    superuser_client.post(
        _changelist(Principle), {"action": "retire", "_selected_action": [empathy.pk], "index": 0}
    )
    empathy.refresh_from_db()
    assert not empathy.active
    delete_url = reverse("admin:stories_principle_delete", args=[empathy.pk])
    assert superuser_client.get(delete_url).status_code == 403


def test_it_dismisses_flags_through_the_model(superuser_client, superuser, some_of_everything):
    flag = Flag.objects.get()
    superuser_client.post(_changelist(Flag), {"action": "dismiss", "_selected_action": [flag.pk], "index": 0})
    flag.refresh_from_db()
    assert flag.resolved_by == superuser
    assert some_of_everything.events.filter(action=ModerationAction.DISMISS_FLAGS).count() == 1


def test_it_adds_a_membership_from_the_team_page(superuser_client, team):
    user = UserFactory(username="newbie")
    url = reverse("admin:stories_team_change", args=[team.pk])
    response = superuser_client.post(
        url,
        {
            "name": team.name,
            "slug": team.slug,
            "time_zone": team.time_zone,
            "moderation_mode": team.moderation_mode,
            "language": team.language,
            "memberships-TOTAL_FORMS": 1,
            "memberships-INITIAL_FORMS": 0,
            "memberships-0-user": user.pk,
            "memberships-0-role": "lead",
        },
    )
    assert response.status_code == 302
    assert is_team_lead(user, team)


def test_it_refreshes_the_first_sequel_dates_when_an_admin_redates_a_story(
    superuser_client, published, member
):
    original = StoryFactory(
        team=published.team, author=member, happened_on=published.happened_on - dt.timedelta(days=30)
    )
    SequelLinkFactory(original=original, sequel=published, outcome=SequelOutcome.REFERRAL)
    later = published.happened_on + dt.timedelta(days=2)
    admin_edit(superuser_client, published, happened_on=later.isoformat())
    original.refresh_from_db()
    assert (original.first_sequel_on, original.first_hit_on) == (later, later)


def test_it_refreshes_an_originals_karma_window_when_an_admin_redates_it(superuser_client, published, member):
    sequel = StoryFactory(team=published.team, author=member, happened_on=published.happened_on)
    SequelLinkFactory(original=published, sequel=sequel, outcome=SequelOutcome.REFERRAL)
    # Moved back past the karma window (180 days): the sequel still follows it, but is no hit.
    admin_edit(
        superuser_client, published, happened_on=(published.happened_on - dt.timedelta(days=200)).isoformat()
    )
    published.refresh_from_db()
    assert (published.first_sequel_on, published.first_hit_on) == (sequel.happened_on, None)
