"""Invite, change role, remove: every action for every role, and the change log."""

from __future__ import annotations

import pytest
from django.core import mail

from stories.members.models import ChangeAction, Invitation, MembershipChange
from stories.models import Membership, Role, Story
from tests.factories import StoryFactory

pytestmark = pytest.mark.django_db
BASE = "/teams/front-desk/members"


def _actions(member):
    pk = member.memberships.get().pk
    return [
        (f"{BASE}/invite/", {"emails": "x@example.com", "role": "member"}),
        (f"{BASE}/{pk}/role/", {"role": "lead"}),
        (f"{BASE}/{pk}/remove/", {}),
    ]


def test_it_refuses_get_on_every_action(lead_client, member):
    for url, _data in _actions(member):
        assert lead_client.get(url).status_code == 405, url


def test_it_sends_anonymous_visitors_to_log_in(client, member):
    for url, data in _actions(member):
        assert client.post(url, data)["Location"].startswith("/accounts/login/"), url


def test_it_hides_every_action_from_outsiders(outsider_client, other_lead_client, member):
    for url, data in _actions(member):
        assert outsider_client.post(url, data).status_code == 404, url
        assert other_lead_client.post(url, data).status_code == 404, url
    assert Membership.objects.filter(user=member, role=Role.MEMBER).exists()


def test_it_forbids_plain_members_every_action(member_client, member, lead):
    for url, data in _actions(member):
        assert member_client.post(url, data).status_code == 403, url
    assert not Invitation.objects.exists()
    assert Membership.objects.filter(user=member, role=Role.MEMBER).exists()


@pytest.mark.parametrize("who", ["lead_client", "moderator_client", "superuser_client"])
def test_it_lets_leads_moderators_and_superusers_do_each_action(request, who, member, lead):
    client = request.getfixturevalue(who)
    invite, role, remove = _actions(member)
    assert client.post(*invite)["Location"] == f"{BASE}/"
    assert Invitation.objects.get().email == "x@example.com"
    assert client.post(*role)["Location"] == f"{BASE}/"
    assert Membership.objects.get(user=member).role == Role.LEAD
    assert client.post(*remove)["Location"] == f"{BASE}/"
    assert not Membership.objects.filter(user=member).exists()
    assert list(MembershipChange.objects.values_list("action", flat=True).order_by("pk")) == [
        ChangeAction.INVITED,
        ChangeAction.ROLE_CHANGED,
        ChangeAction.REMOVED,
    ]


def test_it_records_who_changed_what_and_when(lead_client, lead, member):
    lead_client.post(f"{BASE}/{member.memberships.get().pk}/role/", {"role": "lead"})
    change = MembershipChange.objects.get()
    assert (change.actor, change.subject, change.detail) == (lead, "Mia", "Member → Lead")
    assert change.created_at is not None


def test_it_invites_many_addresses_at_once_and_skips_members(lead_client, member):
    response = lead_client.post(
        f"{BASE}/invite/", {"emails": "a@example.com, b@example.com\nmember@example.com", "role": "member"}
    )
    assert response.status_code == 302
    assert sorted(Invitation.objects.values_list("email", flat=True)) == ["a@example.com", "b@example.com"]
    assert sorted(m.to[0] for m in mail.outbox) == ["a@example.com", "b@example.com"]
    page = lead_client.get(f"{BASE}/").content.decode()
    assert "Already in the team: member@example.com" in page


def test_it_says_which_address_is_wrong(lead_client, lead):
    response = lead_client.post(
        f"{BASE}/invite/", {"emails": "a@example.com, not-an-address", "role": "member"}
    )
    assert response.status_code == 400
    assert "“not-an-address” is not an e-mail address." in response.content.decode()
    assert not Invitation.objects.exists()


def test_it_rate_limits_invitations_per_lead(lead_client, lead, settings):
    settings.INVITATIONS_PER_HOUR = 3
    assert (
        lead_client.post(f"{BASE}/invite/", {"emails": "a@x.org b@x.org", "role": "member"}).status_code
        == 302
    )
    response = lead_client.post(f"{BASE}/invite/", {"emails": "c@x.org d@x.org", "role": "member"})
    assert response.status_code == 400
    assert "You can send 1 more invitations this hour" in response.content.decode()
    assert Invitation.objects.count() == 2


def test_it_keeps_at_least_one_lead(lead_client, lead):
    pk = lead.memberships.get().pk
    lead_client.post(f"{BASE}/{pk}/role/", {"role": "member"})
    lead_client.post(f"{BASE}/{pk}/remove/")
    assert Membership.objects.get(user=lead).role == Role.LEAD
    assert "A team needs at least one lead" in lead_client.get(f"{BASE}/").content.decode()


def test_it_keeps_a_removed_members_stories_as_they_were(lead_client, team, member, outsider):
    named = StoryFactory(team=team, author=member, title="Named")
    hidden_name = StoryFactory(team=team, author=member, title="Secret", anonymous=True)
    lead_client.post(f"{BASE}/{member.memberships.get().pk}/remove/", follow=True)
    assert Story.objects.get(pk=named.pk).author == member
    html = lead_client.get(f"/stories/{hidden_name.pk}/").content.decode()
    assert "Anonymous" in html and "Mia" not in html


def test_it_404s_a_member_of_another_team(lead_client, outsider):
    assert lead_client.post(f"{BASE}/{outsider.memberships.get().pk}/remove/").status_code == 404
    assert lead_client.post(f"{BASE}/99999999999999999999999/remove/").status_code == 404
