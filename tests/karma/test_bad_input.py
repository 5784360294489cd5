"""Whatever is typed into the suggestions and the karma page: a plain answer, never a 500.

"²" is a digit to str.isdigit() but not to int(); a NUL byte is refused by PostgreSQL in
text parameters; ids beyond a bigint are no ids at all.
"""

from __future__ import annotations

import pytest
from django.urls import reverse

from stories.core.http import parse_id

pytestmark = pytest.mark.django_db

SUGGEST = reverse("karma_suggestions")
KARMA = reverse("karma", args=["front-desk"])
BAD_IDS = ["²", "١", "-1", "1.0", "", " 1", str(2**63), "9" * 30, "9" * 5000]


def test_it_parses_only_plain_ascii_ids_within_a_bigint():
    assert parse_id("42") == 42
    assert parse_id("1") == 1
    assert parse_id(str(2**63 - 1)) == 2**63 - 1
    for bad in [*BAD_IDS, "0", "00", None, "1\x00"]:
        assert parse_id(bad) is None, bad


@pytest.mark.parametrize("raw", BAD_IDS)
def test_it_suggests_nothing_for_a_team_that_is_no_id(member_client, team, raw):
    response = member_client.get(SUGGEST, {"team": raw, "client_nickname": "Red Scarf"})
    assert response.status_code == 200
    assert response.context["suggestions"] == []


@pytest.mark.parametrize("raw", BAD_IDS)
def test_it_ignores_a_chosen_original_that_is_no_id(member_client, team, story_ago, frozen, raw):
    earlier = story_ago(20, client_nickname="Red Scarf")
    response = member_client.get(SUGGEST, {"team": team.pk, "sequel_of": raw, "client_nickname": "Red Scarf"})
    assert response.status_code == 200
    assert response.context["selected_id"] is None
    assert response.context["suggestions"] == [earlier]


def test_it_strips_nul_bytes_from_every_suggestion_parameter(member_client, team, story_ago, frozen):
    earlier = story_ago(20, client_nickname="ab", title="Boiler rescued on a Sunday")
    response = member_client.get(
        SUGGEST,
        {
            "team": f"{team.pk}\x00",
            "client_nickname": "a\x00b",
            "title": "Boiler\x00 again",
            "what_happened": "the boiler\x00",
            "happened_on": "2025-06-01\x00",
            "sequel_of": f"{earlier.pk}\x00",
            "sequel_outcome": "referral\x00",
        },
    )
    assert response.status_code == 200
    assert response.context["suggestions"][0] == earlier
    assert response.context["selected_outcome"] == "referral"


@pytest.mark.parametrize("day", ["0000-01-01", "2025-02-30", "9999-99-99", "²０２５-01-01", "x" * 100])
def test_it_falls_back_to_today_for_a_date_that_is_no_date(member_client, team, story_ago, frozen, day):
    earlier = story_ago(20, client_nickname="Red Scarf")
    response = member_client.get(
        SUGGEST, {"team": team.pk, "client_nickname": "red scarf", "happened_on": day}
    )
    assert response.status_code == 200
    assert response.context["suggestions"] == [earlier]


@pytest.mark.parametrize("page", ["-1", "0", "²", "abc", "9" * 30, "9" * 5000, "1\x00"])
def test_it_serves_a_ledger_page_whatever_the_page_number(member_client, page):
    response = member_client.get(KARMA, {"page": page})
    assert response.status_code == 200
    assert 'id="ledger"' in response.content.decode()


@pytest.mark.parametrize("raw", [*BAD_IDS, "1\x00"])
def test_it_refuses_a_sequel_that_is_no_id(member_client, story_ago, frozen, raw):
    original = story_ago(50)
    story_ago(10)

    response = member_client.post(
        reverse("sequel_link", args=[original.pk]), {"sequel": raw, "outcome": "referral\x00"}
    )

    assert response.status_code == 200
    assert response.context["form"].errors


@pytest.mark.parametrize("action", ["sequels/link/", "karma/close/", "karma/reopen/"])
def test_it_answers_404_for_a_story_id_beyond_any_database_integer(member_client, action):
    assert member_client.post(f"/stories/{'9' * 30}/{action}").status_code == 404
