"""/teams/<slug>/members/: who sees what, and what it costs."""

from __future__ import annotations

import re

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from stories.members import actions
from tests.factories import MembershipFactory, StoryFactory

URL = "/teams/front-desk/members/"
pytestmark = pytest.mark.django_db


def test_it_refuses_the_wrong_method(lead_client, team):
    assert lead_client.post(URL).status_code == 405


def test_it_sends_anonymous_visitors_to_log_in(client, team):
    assert client.get(URL)["Location"].startswith("/accounts/login/")


def test_it_hides_the_team_from_outsiders_and_other_leads(outsider_client, other_lead_client, team):
    assert outsider_client.get(URL).status_code == 404
    assert other_lead_client.get(URL).status_code == 404


def test_it_shows_members_the_list_read_only(member_client, member, lead):
    html = member_client.get(URL).content.decode()
    assert "Mia" in html and "Leo" in html
    assert "2 members" in html
    assert "Send invitations" not in html
    assert "Remove" not in html
    assert 'id="membership-log"' not in html


@pytest.mark.parametrize("who", ["lead_client", "moderator_client", "superuser_client"])
def test_it_lets_leads_moderators_and_superusers_manage(request, who, member, lead):
    html = request.getfixturevalue(who).get(URL).content.decode()
    assert "Send invitations" in html
    assert f"/teams/front-desk/members/{member.memberships.get().pk}/remove/" in html
    assert 'id="membership-log"' in html


def test_it_shows_role_last_story_and_last_login(lead_client, team, member, lead):
    StoryFactory(team=team, author=member)
    html = lead_client.get(URL).content.decode()
    row = html[html.index(f'id="member-{member.memberships.get().pk}"') :]
    row = row[: row.index("</tr>")]
    assert "<time" in row  # the last story
    assert "never" in row  # member never logged in through the form


def test_it_lists_open_invitations_and_the_change_log(lead_client, team, lead):
    actions.invite(team, ["a@example.com"], role="member", by=lead)
    html = lead_client.get(URL).content.decode()
    pending = html[html.index('id="pending-invitations"') :]
    assert "a@example.com" in pending[: pending.index("</ul>")]
    log = html[html.index('id="membership-log"') :]
    assert "invited" in log and "Leo" in log


def test_it_costs_the_same_queries_for_3_or_30_members(lead_client, team, lead):
    def count() -> int:
        cache.clear()  # each visit counts the moderation badge, none reads it remembered
        with CaptureQueriesContext(connection) as queries:
            assert lead_client.get(URL).status_code == 200
        return len(queries)

    for _ in range(2):
        MembershipFactory(team=team)
    few = count()
    for _ in range(27):
        StoryFactory(team=team, author=MembershipFactory(team=team).user)
    assert count() == few
    assert few <= 16  # the page's 50 members and their count


def test_it_dates_last_stories_by_signed_published_ones_only(lead_client, team, member):
    """An anonymous story's date next to a name would say who wrote it."""
    import datetime as dt

    from django.utils import timezone

    StoryFactory(team=team, author=member, anonymous=True, created_at=timezone.now())
    StoryFactory(team=team, author=member, created_at=timezone.now() - dt.timedelta(days=40))
    html = lead_client.get(URL).content.decode()
    row = html[html.index(f'id="member-{member.memberships.get().pk}"') :]
    row = row[: row.index("</tr>")]
    assert (timezone.now() - dt.timedelta(days=40)).strftime("%-d %b %Y") in row
    assert timezone.now().strftime("%-d %b %Y") not in row


def test_it_shows_a_big_team_fifty_members_at_a_time(lead_client, team, lead, member):
    from stories.models import Membership

    for _ in range(53):
        MembershipFactory(team=team)  # 55 members with Leo and Mia
    first = lead_client.get(URL).content.decode()
    second = lead_client.get(URL + "?page=2").content.decode()

    assert "55 members" in first and "55 members" in second
    assert first.count('<tr id="member-') == 50
    assert second.count('<tr id="member-') == 5
    assert "1–50 of 55" in first and "51–55 of 55" in second
    assert 'href="?page=2"' in first and 'href="?page=1"' in second
    assert first.count('aria-label="Pages of members"') == 1
    shown = [int(pk) for pk in re.findall(r'<tr id="member-(\d+)"', first + second)]
    assert sorted(shown) == sorted(Membership.objects.filter(team=team).values_list("pk", flat=True))
    assert shown[0] == lead.memberships.get().pk  # leads first


@pytest.mark.parametrize("page", ["x", "0", "-1", "999", "1e9", "٣"])
def test_it_answers_a_bad_page_number_with_a_page_of_members(lead_client, team, lead, member, page):
    response = lead_client.get(URL, {"page": page})
    assert response.status_code == 200
    assert response.content.decode().count('<tr id="member-') == 2
