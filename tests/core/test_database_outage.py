"""While the database is away: a clean 503 page with Retry-After, never a traceback; /healthz says 503."""

from __future__ import annotations

from unittest import mock

import pytest
from django.db import InterfaceError, OperationalError
from django.test import Client

from stories.core import errors


@pytest.fixture
def outage():
    """Every query fails as it does while PostgreSQL restarts."""
    with mock.patch(
        "django.db.backends.utils.CursorWrapper._execute",
        side_effect=OperationalError("the database system is shutting down"),
    ):
        yield


@pytest.mark.parametrize("error", [OperationalError("gone"), InterfaceError("connection already closed")])
def test_it_answers_a_lost_database_with_a_clean_503(rf, error):
    request = rf.get("/")
    try:
        raise error
    except type(error):
        response = errors.server_error(request)

    assert response.status_code == 503
    assert response["Retry-After"] == "5"
    assert "back in a moment" in response.content.decode()


def test_it_answers_other_errors_with_the_500_page(rf):
    try:
        raise ValueError("a bug")
    except ValueError:
        response = errors.server_error(rf.get("/"))

    assert response.status_code == 500
    assert "Something went wrong" in response.content.decode()


@pytest.mark.parametrize("url", ["/", "/stories/", "/teams/front-desk/retros/", "/accounts/login/"])
def test_it_serves_the_503_page_on_every_page_during_an_outage(member, url, outage):
    client = Client(raise_request_exception=False)
    client.cookies["sessionid"] = "a-session-the-database-cannot-look-up"

    response = client.get(url)

    assert response.status_code == 503
    assert response["Retry-After"] == "5"
    assert "Traceback" not in response.content.decode()


def test_it_reports_the_outage_on_healthz_with_retry_after(client, db, outage):
    response = client.get("/healthz")

    assert response.status_code == 503
    assert response["Retry-After"] == "5"
