"""/accounts/profile/: name, e-mail, language and notification choices; logout everywhere."""

from __future__ import annotations

import pytest
from django.test import Client

from stories.models import NotificationKind, Profile

pytestmark = pytest.mark.django_db
URL = "/accounts/profile/"
ALL = NotificationKind.values


def _data(**changes):
    data = {
        "first_name": "Mia",
        "last_name": "Moss",
        "email": "mia@example.com",
        "language": "",
        "in_app": ALL,
        "by_email": ALL,
    }
    data.update(changes)
    return data


def test_it_sends_anonymous_visitors_to_log_in(client):
    assert client.get(URL)["Location"].startswith("/accounts/login/")


def test_it_refuses_the_wrong_method(member_client):
    assert member_client.put(URL).status_code == 405
    assert member_client.get("/accounts/logout-everywhere/").status_code == 405


def test_it_shows_everything_on_by_default(member_client):
    html = member_client.get(URL).content.decode()
    assert html.count("checked") == 2 * len(ALL)
    assert "Your story was sent back" in html


def test_it_saves_name_email_and_notification_choices(member_client, member):
    off_app = [k for k in ALL if k != NotificationKind.RETRO_READY]
    off_mail = [k for k in ALL if k not in {NotificationKind.KARMA_FOLLOWUP, NotificationKind.ACTION_DUE}]
    response = member_client.post(URL, _data(in_app=off_app, by_email=off_mail))
    assert response["Location"] == URL
    member.refresh_from_db()
    assert (member.first_name, member.last_name, member.email) == ("Mia", "Moss", "mia@example.com")
    profile = Profile.objects.get(user=member)
    assert profile.muted_in_app == [NotificationKind.RETRO_READY]
    assert profile.muted_email == [NotificationKind.ACTION_DUE, NotificationKind.KARMA_FOLLOWUP]
    assert profile.wants(NotificationKind.RETRO_READY) == (False, True)


def test_it_refuses_an_address_another_account_uses(member_client, lead):
    response = member_client.post(URL, _data(email=lead.email.upper()))
    assert response.status_code == 400
    assert "Another account uses this address." in response.content.decode()


def test_the_chosen_language_beats_the_browser_and_follows_to_new_logins(member_client, member):
    member_client.post(URL, _data(language="de"))
    assert member_client.get("/", HTTP_ACCEPT_LANGUAGE="es").headers["Content-Language"] == "de"

    fresh = Client()
    fresh.force_login(member)
    assert fresh.get("/", HTTP_ACCEPT_LANGUAGE="es").headers["Content-Language"] == "de"

    member_client.post(URL, _data(language=""))
    assert member_client.get("/", HTTP_ACCEPT_LANGUAGE="es").headers["Content-Language"] == "es"


def test_logout_everywhere_ends_other_sessions_and_rotates_this_one(member, lead):
    here, elsewhere, other_person = Client(), Client(), Client()
    for client, user in ((here, member), (elsewhere, member), (other_person, lead)):
        client.force_login(user)
    old_key = here.session.session_key

    response = here.post("/accounts/logout-everywhere/")

    assert response["Location"] == URL
    assert here.session.session_key != old_key
    assert here.get("/").status_code == 200
    assert elsewhere.get("/")["Location"].startswith("/accounts/login/")
    assert other_person.get("/").status_code == 200
