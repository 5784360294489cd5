from unittest import mock

from django.db import OperationalError


def test_it_answers_ok_with_a_database_round_trip(client, db, django_assert_num_queries):
    with django_assert_num_queries(1):
        response = client.get("/healthz")
    assert response.status_code == 200
    assert response.content == b"ok\n"
    assert "no-cache" in response["Cache-Control"]


def test_it_answers_503_when_the_database_is_unreachable(client, db):
    with mock.patch("stories.core.health.connection") as connection:
        connection.cursor.side_effect = OperationalError("connection refused")
        response = client.get("/healthz")
    assert response.status_code == 503
    assert b"database unreachable" in response.content


def test_it_needs_no_login(client, db):
    assert client.get("/healthz").status_code == 200


def test_it_refuses_post(client, db):
    assert client.post("/healthz").status_code == 405
