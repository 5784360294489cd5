"""Flagging a story from its page: plain POST and htmx, the personal-data hide, refusals."""

from __future__ import annotations

from django.test import Client

from stories.models import Flag, FlagReason, ModerationAction, Status, Story

HTMX = {"HTTP_HX_REQUEST": "true"}


def _colleague_client(colleague):
    client = Client()
    client.force_login(colleague)
    return client


def test_it_flags_with_a_plain_post_and_returns_to_the_story(colleague, published):
    client = _colleague_client(colleague)
    response = client.post(
        f"/stories/{published.pk}/flag/", {"reason": FlagReason.UNFAIR, "comment": "Names Sam"}, follow=True
    )
    assert response.redirect_chain == [(f"/stories/{published.pk}/", 302)]
    html = response.content.decode()
    assert "A moderator will look at this story." in html
    assert "You flagged this story on" in html
    flag = Flag.objects.get()
    assert (flag.raised_by, flag.reason, flag.comment) == (colleague, FlagReason.UNFAIR, "Names Sam")


def test_it_answers_htmx_with_the_panel(colleague, published):
    response = _colleague_client(colleague).post(
        f"/stories/{published.pk}/flag/", {"reason": FlagReason.OFFENSIVE}, **HTMX
    )
    html = response.content.decode()
    assert html.lstrip().startswith('<section id="story-moderation"')
    assert "A moderator will look at this story." in html
    assert "You flagged this story on" in html


def test_it_hides_a_personal_data_flag_and_leaves_the_page_it_can_no_longer_see(colleague, published):
    client = _colleague_client(colleague)
    response = client.post(
        f"/stories/{published.pk}/flag/", {"reason": FlagReason.PERSONAL_DATA}, follow=True
    )
    assert response.redirect_chain[0] == ("/stories/", 302)
    assert "hidden until a moderator has looked at it" in response.content.decode()
    assert Story.objects.get(pk=published.pk).status == Status.HIDDEN
    assert client.get(f"/stories/{published.pk}/").status_code == 404


def test_it_redirects_htmx_away_from_a_story_it_just_hid(colleague, published):
    response = _colleague_client(colleague).post(
        f"/stories/{published.pk}/flag/", {"reason": FlagReason.PERSONAL_DATA}, **HTMX
    )
    assert response["HX-Redirect"] == "/stories/"


def test_it_keeps_the_form_and_says_why_when_the_reason_is_missing(colleague, published):
    response = _colleague_client(colleague).post(
        f"/stories/{published.pk}/flag/", {"reason": "nonsense", "comment": "keep me"}, **HTMX
    )
    html = response.content.decode()
    assert "Choose why you are flagging this story." in html
    assert "keep me" in html
    assert not Flag.objects.exists()


def test_it_refuses_a_second_open_flag_from_the_same_member(colleague, published):
    client = _colleague_client(colleague)
    client.post(f"/stories/{published.pk}/flag/", {"reason": FlagReason.OTHER})
    response = client.post(f"/stories/{published.pk}/flag/", {"reason": FlagReason.OFFENSIVE}, follow=True)
    assert "already flagged" in response.content.decode()
    assert Flag.objects.count() == 1
    assert published.events.filter(action=ModerationAction.FLAG).count() == 1


def test_it_tells_the_author_a_pending_story_cannot_be_flagged(member_client, pending):
    response = member_client.post(f"/stories/{pending.pk}/flag/", {"reason": FlagReason.OTHER}, follow=True)
    assert "Cannot flag a story that is pending" in response.content.decode()
    assert not Flag.objects.exists()
