"""/stories/<id>/sequels/link/: link an existing later story as a sequel."""

from __future__ import annotations

import pytest
from django.urls import reverse

from stories.models import SequelLink, SequelOutcome, Status
from tests.factories import MembershipFactory, SequelLinkFactory, StoryFactory, UserFactory

pytestmark = pytest.mark.django_db


def _url(story) -> str:
    return reverse("sequel_link", args=[story.pk])


def test_it_links_a_later_story_and_goes_back_to_the_original(member_client, member, story_ago, frozen):
    original, later = story_ago(50), story_ago(10)

    response = member_client.post(_url(original), {"sequel": later.pk, "outcome": SequelOutcome.BIGGER_ORDER})

    assert response.status_code == 302
    assert response["Location"] == original.get_absolute_url()
    link = SequelLink.objects.get()
    assert (link.original, link.sequel, link.outcome, link.created_by) == (
        original,
        later,
        SequelOutcome.BIGGER_ORDER,
        member,
    )


def test_it_lets_the_lead_link_too(lead_client, story_ago, frozen):
    original, later = story_ago(50), story_ago(10)

    response = lead_client.post(_url(original), {"sequel": later.pk, "outcome": SequelOutcome.THANKS})

    assert response.status_code == 302
    assert SequelLink.objects.filter(original=original, sequel=later).exists()


def test_it_shows_the_form_with_later_stories_only(member_client, story_ago, frozen):
    original = story_ago(50)
    later, earlier = story_ago(10, title="Later visit"), story_ago(60, title="Earlier visit")

    html = member_client.get(_url(original)).content.decode()

    assert f'value="{later.pk}"' in html
    assert f'value="{earlier.pk}"' not in html


def test_it_explains_a_refused_link_next_to_the_field(member_client, story_ago, frozen):
    original = story_ago(50)
    earlier = story_ago(60)

    response = member_client.post(_url(original), {"sequel": earlier.pk, "outcome": SequelOutcome.THANKS})

    assert response.status_code == 200
    assert "Choose one of your team" in response.content.decode()
    assert not SequelLink.objects.exists()


def test_it_refuses_a_loop_with_a_clear_message(member_client, story_ago, frozen):
    first, second = story_ago(20), story_ago(20)
    SequelLinkFactory(original=first, sequel=second)

    response = member_client.post(_url(second), {"sequel": first.pk, "outcome": SequelOutcome.THANKS})

    assert "would make a loop" in response.content.decode()
    assert SequelLink.objects.count() == 1


def test_it_answers_htmx_with_the_form_or_a_client_redirect(member_client, story_ago, frozen):
    original, later = story_ago(50), story_ago(10)

    invalid = member_client.post(
        _url(original), {"outcome": SequelOutcome.THANKS}, headers={"HX-Request": "true"}
    )
    valid = member_client.post(
        _url(original), {"sequel": later.pk, "outcome": SequelOutcome.THANKS}, headers={"HX-Request": "true"}
    )

    assert invalid.content.decode().lstrip().startswith("<form")
    assert valid["HX-Redirect"] == original.get_absolute_url()


def test_it_is_404_for_outsiders_and_403_for_someone_elses_unpublished_story(
    outsider_client, lead_client, story_ago, frozen
):
    original = story_ago(50)
    pending = story_ago(40, author=UserFactory(), status=Status.PENDING)

    assert outsider_client.get(_url(original)).status_code == 404
    assert outsider_client.post(_url(original), {}).status_code == 404
    assert lead_client.get(_url(pending)).status_code == 403


def test_it_refuses_other_methods_and_anonymous_visitors(client, member_client, story_ago):
    original = story_ago(50)

    assert member_client.put(_url(original)).status_code == 405
    assert client.get(_url(original)).status_code == 302


def test_it_cannot_link_a_story_of_another_team(member_client, member, other_team, story_ago, frozen):
    MembershipFactory(user=member, team=other_team)
    elsewhere = StoryFactory(team=other_team, author=member)

    response = member_client.post(
        _url(story_ago(50)), {"sequel": elsewhere.pk, "outcome": SequelOutcome.THANKS}
    )

    assert response.status_code == 200
    assert not SequelLink.objects.exists()


def test_it_links_nothing_for_anonymous_visitors_or_outsiders(client, outsider_client, story_ago, frozen):
    original, later = story_ago(50), story_ago(10)
    data = {"sequel": later.pk, "outcome": SequelOutcome.REFERRAL}

    assert client.post(_url(original), data)["Location"].startswith("/accounts/login/")
    assert outsider_client.post(_url(original), data).status_code == 404
    assert not SequelLink.objects.exists()


@pytest.mark.parametrize("outcome", ["nonsense", "", "returned\x00"])
def test_it_refuses_an_unknown_outcome(member_client, story_ago, frozen, outcome):
    original, later = story_ago(50), story_ago(10)

    response = member_client.post(_url(original), {"sequel": later.pk, "outcome": outcome})

    assert response.status_code == 200
    assert "outcome" in response.context["form"].errors
    assert not SequelLink.objects.exists()
