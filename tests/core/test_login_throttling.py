"""Login throttling: a user+IP is locked out after repeated failures, on every way in."""

from __future__ import annotations

import pytest
from axes.models import AccessAttempt
from django.contrib.auth import authenticate
from django.core import mail
from django.test import Client

PASSWORD = "service-retro"
LIMIT = 5


def _fail(client: Client, url: str, username: str, times: int) -> list[int]:
    return [
        client.post(url, {"username": username, "password": f"wrong-{n}"}).status_code for n in range(times)
    ]


def test_it_locks_out_after_repeated_failures_even_with_the_right_password_then(client, member):
    statuses = _fail(client, "/accounts/login/", "member", 30)

    assert statuses[: LIMIT - 1] == [200] * (LIMIT - 1)
    assert set(statuses[LIMIT - 1 :]) == {429}
    response = client.post("/accounts/login/", {"username": "member", "password": PASSWORD})
    assert response.status_code == 429
    html = response.content.decode()
    assert "Too many attempts" in html
    assert "Try again in 15 minutes." in html
    assert "_auth_user_id" not in client.session


def test_it_locks_out_only_that_user_from_that_address(client, member, lead):
    _fail(client, "/accounts/login/", "member", LIMIT)

    assert client.post("/accounts/login/", {"username": "lead", "password": PASSWORD}).status_code == 302
    elsewhere = Client(REMOTE_ADDR="10.0.0.9")
    assert elsewhere.post("/accounts/login/", {"username": "member", "password": PASSWORD}).status_code == 302


def test_it_forgets_failures_after_a_success(client, member):
    _fail(client, "/accounts/login/", "member", LIMIT - 1)
    assert client.post("/accounts/login/", {"username": "member", "password": PASSWORD}).status_code == 302
    client.logout()

    assert _fail(client, "/accounts/login/", "member", LIMIT - 1) == [200] * (LIMIT - 1)


def test_it_lets_people_in_again_after_the_cooling_period(client, member, time_machine):
    time_machine.move_to("2025-06-18 12:00Z", tick=False)
    _fail(client, "/accounts/login/", "member", LIMIT)
    time_machine.move_to("2025-06-18 12:16Z", tick=False)

    assert client.post("/accounts/login/", {"username": "member", "password": PASSWORD}).status_code == 302


def test_it_throttles_the_admin_login(client, superuser):
    statuses = _fail(client, "/admin/login/", "admin", LIMIT + 1)

    assert statuses[-1] == 429
    assert client.post("/admin/login/", {"username": "admin", "password": PASSWORD}).status_code == 429


def test_it_throttles_password_reset_requests(client, member):
    member.email = "mia@example.com"
    member.save()
    statuses = [
        client.post("/accounts/password_reset/", {"email": "Mia@example.com"}).status_code
        for _ in range(LIMIT + 3)
    ]

    assert statuses[: LIMIT - 1] == [302] * (LIMIT - 1)
    assert set(statuses[LIMIT:]) == {429}
    assert len(mail.outbox) == LIMIT


def test_it_shows_lockouts_in_the_admin(client, superuser_client, member):
    _fail(client, "/accounts/login/", "member", LIMIT)

    attempt = AccessAttempt.objects.get()
    assert attempt.username == "member"
    assert attempt.failures_since_start == LIMIT
    html = superuser_client.get("/admin/axes/accessattempt/").content.decode()
    assert "member" in html


@pytest.mark.django_db
def test_it_still_checks_passwords_with_no_request_behind_them(member):
    assert authenticate(username="member", password=PASSWORD) == member


def test_it_reads_the_address_behind_trusted_proxies_only(client, member, settings):
    settings.TRUSTED_PROXY_COUNT = 1
    for n in range(LIMIT):
        # A guesser behind the proxy cannot shake off the lockout by forging the header.
        client.post(
            "/accounts/login/",
            {"username": "member", "password": "wrong"},
            HTTP_X_FORWARDED_FOR=f"10.9.9.{n}, 203.0.113.7",
        )
    locked = client.post(
        "/accounts/login/",
        {"username": "member", "password": PASSWORD},
        HTTP_X_FORWARDED_FOR="10.9.9.99, 203.0.113.7",
    )
    elsewhere = Client().post(
        "/accounts/login/", {"username": "member", "password": PASSWORD}, HTTP_X_FORWARDED_FOR="198.51.100.4"
    )

    assert locked.status_code == 429
    assert AccessAttempt.objects.get().ip_address == "203.0.113.7"
    assert elsewhere.status_code == 302


def _change_password(client: Client, old: str) -> int:
    return client.post(
        "/accounts/password_change/",
        {"old_password": old, "new_password1": "a-new-long-phrase-9", "new_password2": "a-new-long-phrase-9"},
    ).status_code


def test_it_locks_out_guesses_of_the_current_password_on_the_change_page(client, member):
    client.force_login(member)
    statuses = [_change_password(client, f"wrong-{n}") for n in range(LIMIT + 1)]

    assert statuses[: LIMIT - 1] == [200] * (LIMIT - 1)
    assert set(statuses[LIMIT - 1 :]) == {429}
    assert _change_password(client, PASSWORD) == 429
    member.refresh_from_db()
    assert member.check_password(PASSWORD)


def test_it_counts_only_wrong_current_passwords_on_the_change_page(client, member):
    client.force_login(member)
    for _ in range(LIMIT):
        mismatched = client.post(
            "/accounts/password_change/",
            {
                "old_password": PASSWORD,
                "new_password1": "a-new-long-phrase-9",
                "new_password2": "another-phrase",
            },
        )
        assert mismatched.status_code == 200

    assert _change_password(client, PASSWORD) == 302
    member.refresh_from_db()
    assert member.check_password("a-new-long-phrase-9")
