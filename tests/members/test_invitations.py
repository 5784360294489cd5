"""The invitation life cycle: invite, accept as a new or existing person, and every broken link."""

from __future__ import annotations

import datetime as dt

import pytest
import time_machine
from django.core import mail
from django.test import Client
from django.utils import timezone

from stories.members.models import ChangeAction, Invitation, MembershipChange
from stories.models import Membership, Role
from tests.factories import PASSWORD, UserFactory

pytestmark = pytest.mark.django_db
NEW = {
    "first_name": "Nora",
    "last_name": "New",
    "password1": "a-long-new-passphrase",
    "password2": "a-long-new-passphrase",
}


def test_it_mails_a_link_and_stores_only_its_hash(invite):
    token = invite()
    invitation = Invitation.objects.get()
    assert mail.outbox[0].to == ["new.colleague@example.com"]
    assert "Leo invites you to Front Desk" in mail.outbox[0].subject
    assert token not in invitation.token_hash
    assert invitation.expires_at - invitation.created_at == dt.timedelta(days=7)


def test_a_new_person_sets_name_and_password_and_lands_in_the_team(client, invite, team):
    url = f"/invitations/{invite()}/"
    page = client.get(url).content.decode()
    assert "new.colleague@example.com" in page and "Password" in page

    response = client.post(url, NEW)

    assert response["Location"] == "/"
    membership = Membership.objects.get(user__email="new.colleague@example.com")
    assert (membership.team, membership.role, membership.user.first_name) == (team, Role.MEMBER, "Nora")
    assert "Front Desk" in client.get("/").content.decode()  # signed in, and the team is theirs
    assert MembershipChange.objects.filter(action=ChangeAction.JOINED, subject="Nora New").exists()
    assert Client().login(username="new.colleague@example.com", password=NEW["password1"])


def test_it_says_what_is_wrong_with_a_weak_password(client, invite):
    response = client.post(f"/invitations/{invite()}/", {**NEW, "password1": "123", "password2": "123"})
    assert response.status_code == 400
    assert "too short" in response.content.decode()
    assert not Membership.objects.filter(user__email="new.colleague@example.com").exists()


def test_an_existing_user_logged_in_joins_with_one_click(outsider_client, outsider, invite, team):
    url = f"/invitations/{invite(outsider.email)}/"
    assert "Join Front Desk" in outsider_client.get(url).content.decode()
    assert outsider_client.post(url)["Location"] == "/"
    assert team.memberships.filter(user=outsider, role=Role.MEMBER).exists()


def test_an_existing_user_not_logged_in_is_asked_to_log_in(client, outsider, invite):
    url = f"/invitations/{invite(outsider.email)}/"
    html = client.get(url).content.decode()
    assert "Log in to join" in html and "?next=/invitations/" in html
    client.login(username="outsider", password=PASSWORD)
    assert client.post(url)["Location"] == "/"


def test_a_link_works_once(client, invite):
    url = f"/invitations/{invite()}/"
    client.post(url, NEW)
    again = Client().post(url, {**NEW, "first_name": "Eve"})
    assert again.status_code == 410
    assert "already been used" in again.content.decode()
    assert Membership.objects.filter(user__email="new.colleague@example.com").count() == 1


def test_an_expired_link_gets_a_clear_page(client, invite):
    url = f"/invitations/{invite()}/"
    with time_machine.travel(timezone.now() + dt.timedelta(days=7, minutes=1)):
        response = client.get(url)
        posted = client.post(url, NEW)
    assert response.status_code == posted.status_code == 410
    assert "This invitation has expired" in response.content.decode()
    assert not Membership.objects.filter(user__email="new.colleague@example.com").exists()


@pytest.mark.parametrize(
    "mangle", [lambda t: t[:-2] + "xx", lambda t: "x" + t, lambda t: "nonsense", lambda t: t + "%00"]
)
def test_a_tampered_link_gets_a_clear_page(client, invite, mangle):
    response = client.get(f"/invitations/{mangle(invite())}/")
    assert response.status_code == 404
    assert "This invitation link is not valid" in response.content.decode()


def test_resending_replaces_the_old_link(lead_client, client, invite):
    old = invite()
    invitation = Invitation.objects.get()
    assert (
        lead_client.post(f"/teams/front-desk/members/invitations/{invitation.pk}/resend/").status_code == 302
    )
    assert len(mail.outbox) == 2 and old not in mail.outbox[1].body
    assert client.get(f"/invitations/{old}/").status_code == 410
    assert Invitation.objects.open().count() == 1


def test_a_removed_member_loses_the_team_and_the_old_link(lead_client, client, invite, team):
    url = f"/invitations/{invite()}/"
    client.post(url, NEW)
    newcomer = Membership.objects.get(user__email="new.colleague@example.com")
    lead_client.post(f"/teams/front-desk/members/{newcomer.pk}/remove/")
    assert client.get("/teams/front-desk/members/").status_code == 404
    assert client.post(url).status_code == 410
    assert not team.memberships.filter(user=newcomer.user).exists()


def test_a_removed_member_can_be_invited_back(lead_client, member, invite, team):
    lead_client.post(f"/teams/front-desk/members/{member.memberships.get().pk}/remove/")
    url = f"/invitations/{invite(member.email)}/"
    client = Client()
    client.force_login(member)
    assert client.post(url)["Location"] == "/"
    assert team.memberships.filter(user=member).exists()


def test_an_address_with_an_account_cannot_take_a_second_one(client, invite):
    UserFactory(username="new.colleague@example.com", email="other@example.com")
    response = client.post(f"/invitations/{invite()}/", NEW)
    assert response.status_code == 400
    assert "exists already" in response.content.decode()
