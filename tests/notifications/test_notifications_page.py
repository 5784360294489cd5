"""/notifications/ and the bell: my notifications only, marked read when seen, a constant cost."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from stories.models import Notification, NotificationKind

pytestmark = pytest.mark.django_db
URL = "/notifications/"


def _note(user, title="Your story “The late parcel” was sent back to you.", **fields):
    return Notification.objects.create(
        user=user, kind=NotificationKind.STORY_SENT_BACK, title=title, url="/stories/1/", **fields
    )


def test_it_refuses_the_wrong_method(member_client):
    assert member_client.post(URL).status_code == 405
    assert member_client.get(f"{URL}read/").status_code == 405


def test_it_sends_anonymous_visitors_to_log_in(client, db):
    assert client.get(URL)["Location"].startswith("/accounts/login/")
    assert client.post(f"{URL}read/")["Location"].startswith("/accounts/login/")


@pytest.mark.parametrize("who", ["outsider_client", "lead_client", "moderator_client", "superuser_client"])
def test_nobody_sees_another_persons_notifications(request, who, member):
    _note(member, title="For Mia only")
    assert "For Mia only" not in request.getfixturevalue(who).get(URL).content.decode()


def test_the_bell_counts_unread_and_the_page_marks_them_read(member_client, member):
    _note(member, body="Reason: leave the name out.")
    _note(member, title="Hidden from the bell", in_app=False)

    dashboard = member_client.get("/").content.decode()
    assert 'id="bell-count">1<' in dashboard

    page = member_client.get(URL).content.decode()
    assert "The late parcel" in page and "leave the name out" in page and ">new<" in page
    assert "Hidden from the bell" not in page

    assert 'id="bell-count" hidden>0<' in member_client.get("/").content.decode()
    assert ">new<" not in member_client.get(URL).content.decode()


def test_mark_all_read_empties_the_bell(member_client, member):
    for _ in range(3):
        _note(member)
    assert member_client.post(f"{URL}read/")["Location"] == URL
    assert not Notification.objects.unread_for(member).exists()


def test_it_costs_the_same_for_3_or_30_notifications(member_client, member):
    def count() -> int:
        with CaptureQueriesContext(connection) as queries:
            assert member_client.get(URL).status_code == 200
        return len(queries)

    for _ in range(3):
        _note(member)
    count()  # marks them read
    few = count()
    for _ in range(27):
        _note(member, read_at="2025-01-01T00:00Z")
    assert count() == few
