"""Forgot password: the app's own pages, the mail through the outbox, end to end with locmem."""

from __future__ import annotations

import re

import pytest
from django.core import mail
from django.test import Client

from stories.models import MailStatus, OutgoingMail

pytestmark = pytest.mark.django_db


def test_the_login_page_offers_forgot_password(client):
    html = client.get("/accounts/login/").content.decode()
    assert 'href="/accounts/password_reset/"' in html and "Forgot password?" in html


def test_every_reset_page_is_the_apps_own(client):
    for url in [
        "/accounts/password_reset/",
        "/accounts/password_reset/done/",
        "/accounts/reset/done/",
        "/accounts/reset/MQ/bad-token/",
    ]:
        html = client.get(url, follow=True).content.decode()
        assert "Django site admin" not in html and "Service Retro" in html and "bootstrap" in html, url


def test_a_password_reset_end_to_end(client, member):
    response = client.post("/accounts/password_reset/", {"email": member.email})
    assert response["Location"] == "/accounts/password_reset/done/"
    assert OutgoingMail.objects.get().status == MailStatus.SENT
    message = mail.outbox[0]
    assert message.to == [member.email] and message.subject == "Reset your Service Retro password"
    assert "Your username is member" in message.body

    link = re.search(r"http://testserver(/accounts/reset/\S+/)", message.body).group(1)
    form_url = client.get(link)["Location"]  # Django swaps the token for a session-held one
    assert "Choose a new password" in client.get(form_url).content.decode()
    done = client.post(
        form_url, {"new_password1": "a-fresh-passphrase", "new_password2": "a-fresh-passphrase"}
    )
    assert done["Location"] == "/accounts/reset/done/"

    assert Client().login(username="member", password="a-fresh-passphrase")
    assert "This link no longer works" in Client().get(link, follow=True).content.decode()


def test_an_unknown_address_gets_the_same_answer_and_no_mail(client):
    response = client.post("/accounts/password_reset/", {"email": "nobody@example.com"})
    assert response["Location"] == "/accounts/password_reset/done/"
    assert mail.outbox == []
