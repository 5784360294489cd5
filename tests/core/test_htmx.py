"""One way to answer htmx: page or partial from one URL, Vary: HX-Request, history restores get the page."""

import pytest
from django.urls import reverse

HX = {"HTTP_HX_REQUEST": "true"}
RESTORE = {"HTTP_HX_REQUEST": "true", "HTTP_HX_HISTORY_RESTORE_REQUEST": "true"}


@pytest.fixture
def pages(team):
    return {
        "moderation_queue": reverse("moderation_queue"),
        "story_list": reverse("story_list"),
        "karma": reverse("karma", args=[team.slug]),
    }


@pytest.mark.parametrize("name", ["moderation_queue", "story_list", "karma"])
def test_it_answers_a_plain_request_with_the_whole_page(name, pages, lead_client):
    response = lead_client.get(pages[name])
    assert response.status_code == 200
    assert b"<html" in response.content
    assert "HX-Request" in response["Vary"]


@pytest.mark.parametrize("name", ["moderation_queue", "story_list", "karma"])
def test_it_answers_an_htmx_swap_with_the_fragment_only(name, pages, lead_client):
    response = lead_client.get(pages[name], **HX)
    assert response.status_code == 200
    assert b"<html" not in response.content
    assert "HX-Request" in response["Vary"]


@pytest.mark.parametrize("name", ["moderation_queue", "story_list", "karma"])
def test_it_answers_a_history_restore_with_the_whole_page(name, pages, lead_client):
    response = lead_client.get(pages[name], **RESTORE)
    assert response.status_code == 200
    assert b"<html" in response.content
