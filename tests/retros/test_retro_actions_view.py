"""POST .../actions/ (create), .../actions/<id>/assign|complete|reopen/: action items."""

from __future__ import annotations

import datetime as dt

import pytest
from django.test import Client

from stories.core.months import add_months
from stories.models import ActionItem, Retro
from tests.factories import ActionItemFactory, RetroFactory
from tests.retros.helpers import HTMX, is_login_redirect, month_url

pytestmark = pytest.mark.django_db


@pytest.fixture
def create_url(team, last_month):
    return month_url("action_item_create", team, last_month)


@pytest.fixture
def item(team, last_month):
    return ActionItemFactory(
        retro=RetroFactory(team=team, month=last_month), text="Greet every caller by name"
    )


def item_url(name, team, month, item):
    return month_url(name, team, month, item_id=item.pk)


ITEM_VIEWS = ("action_item_assign", "action_item_complete", "action_item_reopen")


def test_it_refuses_get(member_client, create_url, team, last_month, item):
    assert member_client.get(create_url).status_code == 405
    for name in ITEM_VIEWS:
        assert member_client.get(item_url(name, team, last_month, item)).status_code == 405


def test_it_sends_anonymous_visitors_to_log_in(team, create_url, last_month, item):
    client = Client()
    assert is_login_redirect(client.post(create_url, {"text": "x"}))
    for name in ITEM_VIEWS:
        assert is_login_redirect(client.post(item_url(name, team, last_month, item)))


def test_it_hides_the_team_from_outsiders(outsider_client, create_url, team, last_month, item):
    assert outsider_client.post(create_url, {"text": "Sneaky"}).status_code == 404
    for name in ITEM_VIEWS:
        assert outsider_client.post(item_url(name, team, last_month, item)).status_code == 404
    assert ActionItem.objects.count() == 1


def test_it_refuses_moderators_who_are_not_members(moderator_client, create_url):
    assert moderator_client.post(create_url, {"text": "From above"}).status_code == 403


def test_it_lets_a_member_add_an_item_for_a_teammate(
    member_client, member, lead, create_url, team, last_month
):
    response = member_client.post(
        create_url, {"text": "  Call Mrs P back  ", "owner": lead.pk, "due_on": "2030-01-15"}
    )
    assert response.status_code == 302 and response["Location"].endswith("#action-items")
    item = ActionItem.objects.get()
    assert (item.text, item.owner, item.due_on, item.created_by) == (
        "Call Mrs P back",
        lead,
        dt.date(2030, 1, 15),
        member,
    )
    assert item.retro == Retro.objects.get(team=team, month=last_month) and item.team == team


def test_it_lets_the_lead_add_an_item_through_htmx(lead_client, member, create_url):
    html = lead_client.post(create_url, {"text": "Follow up", "owner": member.pk}, **HTMX).content.decode()
    assert html.lstrip().startswith('<section id="action-items"')
    assert "Follow up" in html and "Mia" in html


def test_it_keeps_what_was_typed_when_the_input_is_wrong(member_client, outsider, create_url):
    response = member_client.post(
        create_url, {"text": "Keep this text", "owner": outsider.pk, "due_on": "soon"}
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert 'value="Keep this text"' in html and 'value="soon"' in html
    assert "Select a valid choice" in html and "Enter a valid date" in html
    assert not ActionItem.objects.exists()


def test_it_asks_for_the_action_text(member_client, create_url):
    html = member_client.post(create_url, {"text": "   "}, **HTMX).content.decode()
    assert html.lstrip().startswith('<section id="action-items"')
    assert "is-invalid" in html
    assert not ActionItem.objects.exists()


def test_it_assigns_an_owner_and_due_date(member_client, lead, team, last_month, item):
    html = member_client.post(
        item_url("action_item_assign", team, last_month, item),
        {"owner": lead.pk, "due_on": "2031-03-04"},
        **HTMX,
    ).content.decode()
    item.refresh_from_db()
    assert item.owner == lead and item.due_on == dt.date(2031, 3, 4)
    assert "due 4 Mar 2031" in html


def test_it_refuses_an_owner_from_outside_the_team(member_client, outsider, team, last_month, item):
    html = member_client.post(
        item_url("action_item_assign", team, last_month, item), {"owner": outsider.pk}, **HTMX
    ).content.decode()
    item.refresh_from_db()
    assert item.owner is None
    assert "Select a valid choice" in html


def test_it_completes_and_reopens(member_client, team, last_month, item):
    html = member_client.post(
        item_url("action_item_complete", team, last_month, item), **HTMX
    ).content.decode()
    item.refresh_from_db()
    assert item.is_done and "is-done" in html and "↺ Reopen" in html
    response = member_client.post(item_url("action_item_reopen", team, last_month, item))
    item.refresh_from_db()
    assert response.status_code == 302 and not item.is_done


def test_it_carries_open_items_into_the_next_month_first(member_client, team, last_month, item, this_month):
    newer = ActionItemFactory(retro=RetroFactory(team=team, month=this_month), text="Own item of this month")
    html = member_client.get(month_url("retro_detail", team, this_month)).content.decode()
    assert html.index(item.text) < html.index(newer.text)
    carried_row = html.split(f'id="action-{item.pk}"')[1].split("</li>")[0]
    assert f"From {last_month:%B %Y}" in carried_row
    # ...and can be completed from there.
    member_client.post(item_url("action_item_complete", team, this_month, item))
    item.refresh_from_db()
    assert item.is_done


def test_it_does_not_reach_items_of_later_months_or_other_teams(
    member_client, team, other_team, last_month, this_month
):
    later = ActionItemFactory(retro=RetroFactory(team=team, month=this_month))
    foreign = ActionItemFactory(retro=RetroFactory(team=other_team, month=last_month))
    assert member_client.post(item_url("action_item_complete", team, last_month, later)).status_code == 404
    assert member_client.post(item_url("action_item_complete", team, last_month, foreign)).status_code == 404


def test_it_refuses_new_items_on_a_closed_retro_but_lets_work_finish(
    member_client, lead_client, create_url, team, last_month, item
):
    lead_client.post(month_url("retro_close", team, last_month))
    html = member_client.post(create_url, {"text": "Too late"}, **HTMX).content.decode()
    assert "closed" in html and not ActionItem.objects.filter(text="Too late").exists()
    member_client.post(item_url("action_item_complete", team, last_month, item))
    item.refresh_from_db()
    assert item.is_done


def test_it_answers_404_for_a_future_month(member_client, team, this_month):
    assert (
        member_client.post(
            month_url("action_item_create", team, add_months(this_month, 1)), {"text": "x"}
        ).status_code
        == 404
    )
