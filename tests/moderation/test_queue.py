"""The /moderation/ queue: what it lists, for whom, its row actions with and without htmx, its cost."""

from __future__ import annotations

import datetime as dt

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from stories.models import FlagReason, ModerationAction, Status, Story
from tests.factories import StoryFactory
from tests.moderation.conftest import CARD, EMAIL

HTMX = {"HTTP_HX_REQUEST": "true"}


def _page(client, **params):
    response = client.get("/moderation/", params)
    assert response.status_code == 200
    return response.content.decode()


def test_it_lists_pending_and_flagged_stories_oldest_first(lead_client, make_story, colleague):
    now = timezone.now()
    newer = make_story(Status.PENDING, title="Newer pending", created_at=now - dt.timedelta(hours=1))
    older = make_story(Status.PENDING, title="Older pending", created_at=now - dt.timedelta(days=2))
    flagged = make_story(Status.PUBLISHED, title="Flagged story", created_at=now - dt.timedelta(days=1))
    flagged.flag(by=colleague, reason=FlagReason.UNFAIR, comment="It names Sam at the till.")
    for status in (Status.PUBLISHED, Status.REJECTED, Status.HIDDEN, Status.WITHDRAWN):
        make_story(status, title=f"Settled {status}")

    html = _page(lead_client)

    assert html.index(older.title) < html.index(flagged.title) < html.index(newer.title)
    assert "Settled" not in html
    assert "It names Sam at the till." in html
    assert "Unfair to a colleague" in html
    assert "3 stories waiting" in html


def test_it_shows_each_story_in_full_with_its_history(lead_client, make_story, member):
    story = make_story(
        Status.PENDING,
        title="The late parcel",
        what_happened="The parcel was late.\nWe drove it over.",
        lesson="Own the delay.",
        went_beyond=True,
        cost_note="An hour of driving",
        client_nickname="the red-scarf lady",
    )
    story.submit(by=member, personal_data=False)  # a pre-moderated team would hold it
    Story.objects.filter(pk=story.pk).update(status=Status.PENDING)

    html = _page(lead_client)

    for text in (
        "The late parcel",
        "The parcel was late.<br>We drove it over.",
        "Own the delay.",
        "An hour of driving",
        "the red-scarf lady",
        "Submitted",
    ):
        assert text in html


def test_it_marks_personal_data_and_offers_to_redact_it(lead_client, make_story):
    make_story(Status.PENDING, what_happened=f"She read out {CARD}.")
    html = _page(lead_client)
    assert f'<mark title="card">{CARD}' in html
    assert "Redact card" in html


def test_it_shows_a_lead_only_their_teams_and_a_moderator_every_team(
    lead_client, moderator_client, other_lead_client, pending, other_team
):
    theirs = StoryFactory(team=other_team, status=Status.PENDING, title="Support line story")
    assert theirs.title not in _page(lead_client)
    assert pending.title not in _page(other_lead_client)
    everything = _page(moderator_client)
    assert pending.title in everything
    assert theirs.title in everything
    only_support = _page(moderator_client, team="support-line")
    assert theirs.title in only_support
    assert pending.title not in only_support


def test_it_keeps_anonymous_authors_anonymous_for_leads_but_not_for_moderators(
    lead_client, moderator_client, make_story, member
):
    story = make_story(Status.PUBLISHED, anonymous=True, title="Quiet author")
    story.submit(by=member)
    Story.objects.filter(pk=story.pk).update(status=Status.PENDING)
    lead_view = _page(lead_client)
    assert "Mia" not in lead_view
    assert "Anonymous" in lead_view
    assert "Mia" in _page(moderator_client)


def test_it_does_not_name_who_flagged_a_story_to_a_lead(lead_client, moderator_client, published, colleague):
    published.flag(by=colleague, reason=FlagReason.OFFENSIVE)
    assert "Cole" not in _page(lead_client)
    assert "Cole" in _page(moderator_client)


def test_it_says_so_when_nothing_is_waiting(lead_client, published):
    assert "Nothing is waiting" in _page(lead_client)


# --- row actions -------------------------------------------------------------------------


def test_it_approves_with_a_plain_post_and_redirects_back_with_a_message(lead_client, pending):
    response = lead_client.post(f"/moderation/{pending.pk}/approve/", follow=True)
    assert response.redirect_chain == [("/moderation/", 302)]
    assert "is approved and published" in response.content.decode()
    assert Story.objects.get(pk=pending.pk).status == Status.PUBLISHED


def test_it_answers_htmx_with_just_the_row_and_the_badge(lead_client, pending, make_story):
    make_story(Status.PENDING, title="Still waiting")
    response = lead_client.post(f"/moderation/{pending.pk}/approve/", **HTMX)
    html = response.content.decode()
    assert response.status_code == 200
    assert html.lstrip().startswith(
        f'<article class="story-card moderation-row mb-3" id="story-row-{pending.pk}"'
    )
    assert "<html" not in html
    assert "is approved and published" in html
    assert 'id="moderation-badge" hx-swap-oob="true">1<' in html
    assert (
        '<span class="small text-secondary" id="queue-count" hx-swap-oob="true">1 story waiting</span>'
        in html
    )
    # The decided row keeps its history but offers no more decisions.
    assert "Approved</strong> by Leo" in html
    assert "/approve/" not in html


def test_it_empties_the_badge_when_nothing_is_left(lead_client, pending):
    html = lead_client.post(f"/moderation/{pending.pk}/approve/", **HTMX).content.decode()
    # The same element base.html renders at zero: present, hidden.
    assert 'id="moderation-badge" hx-swap-oob="true" hidden>0<' in html
    assert 'id="queue-count" hx-swap-oob="true">0 stories waiting<' in html


def test_it_renders_the_badge_as_the_navigation_does(lead_client, pending):
    page = _page(lead_client)
    html = lead_client.post(f"/moderation/{pending.pk}/approve/", **HTMX).content.decode()
    nav_badge = page[page.index('<span class="badge rounded-pill text-bg-warning" id="moderation-badge"') :]
    oob_badge = html[html.index('<span class="badge rounded-pill text-bg-warning" id="moderation-badge"') :]
    assert nav_badge.startswith('<span class="badge rounded-pill text-bg-warning" id="moderation-badge">1<')
    assert oob_badge.startswith(
        '<span class="badge rounded-pill text-bg-warning" id="moderation-badge" hx-swap-oob="true" hidden>0<'
    )


@pytest.mark.parametrize("action", ["approve", "reject", "hide", "redact", "dismiss-flags"])
def test_it_updates_the_queue_header_after_every_row_action(action, lead_client, make_story, colleague):
    if action in {"approve", "reject"}:
        story = make_story(Status.PENDING)
        make_story(Status.PUBLISHED).flag(by=colleague, reason=FlagReason.OTHER)
    else:
        story = make_story(Status.PUBLISHED, what_happened=f"Card {CARD}")
        story.flag(by=colleague, reason=FlagReason.OTHER)
        make_story(Status.PENDING)
    story.refresh_from_db()
    assert "2 stories waiting" in _page(lead_client)

    html = lead_client.post(
        f"/moderation/{story.pk}/{action}/", {"reason": "No", "expected_status": story.status}, **HTMX
    ).content.decode()

    # Redacting a published story resolves its flags too: each of these takes it out of the queue.
    assert 'id="queue-count" hx-swap-oob="true">1 story waiting<' in html
    assert 'id="moderation-badge" hx-swap-oob="true">1<' in html


def test_it_counts_the_team_the_queue_is_filtered_to(moderator_client, make_story, other_team):
    story = make_story(Status.PENDING)
    StoryFactory(team=other_team, status=Status.PENDING, published_at=None)
    html = _page(moderator_client, team="front-desk")
    assert '<input type="hidden" name="team" value="front-desk">' in html
    assert "1 story waiting" in html

    html = moderator_client.post(
        f"/moderation/{story.pk}/approve/", {"team": "front-desk", "expected_status": "pending"}, **HTMX
    ).content.decode()

    assert 'id="queue-count" hx-swap-oob="true">0 stories waiting<' in html
    assert 'id="moderation-badge" hx-swap-oob="true">1<' in html  # the other team's story still waits
    assert '<input type="hidden" name="team" value="front-desk">' in html or "/approve/" not in html


def test_it_tells_the_second_moderator_clearly_that_the_story_was_already_decided(
    lead_client, moderator_client, pending, lead
):
    lead_client.post(f"/moderation/{pending.pk}/approve/")
    decided = Story.objects.values().get(pk=pending.pk)

    # The moderator's page still shows the story as pending; its forms say so.
    stale = {"expected_status": "pending"}
    htmx = moderator_client.post(f"/moderation/{pending.pk}/reject/", {**stale, "reason": "No"}, **HTMX)
    plain = moderator_client.post(f"/moderation/{pending.pk}/approve/", stale, follow=True)

    assert "already decided this story: it is now published" in htmx.content.decode()
    assert 'role="alert"' in htmx.content.decode()
    assert "already decided this story" in plain.content.decode()
    assert Story.objects.values().get(pk=pending.pk) == decided
    assert list(pending.events.values_list("action", "actor")) == [(ModerationAction.APPROVE, lead.pk)]


def test_it_rejects_only_with_a_reason_and_shows_the_author_that_reason(lead_client, pending):
    html = lead_client.post(f"/moderation/{pending.pk}/reject/", {"reason": "  "}, **HTMX).content.decode()
    assert "needs a reason" in html
    assert Story.objects.get(pk=pending.pk).status == Status.PENDING

    lead_client.post(f"/moderation/{pending.pk}/reject/", {"reason": "Leave the name out."})
    pending.refresh_from_db()
    assert (pending.status, pending.status_reason) == (Status.REJECTED, "Leave the name out.")


def test_it_hides_restores_redacts_and_dismisses_from_the_queue(lead_client, make_story, colleague):
    story = make_story(Status.PUBLISHED, what_happened=f"Card {CARD}")
    story.flag(by=colleague, reason=FlagReason.PERSONAL_DATA)  # hidden now
    assert "Redact card" in _page(lead_client)

    lead_client.post(f"/moderation/{story.pk}/redact/")
    assert "Restore" in _page(lead_client)
    lead_client.post(f"/moderation/{story.pk}/restore/")
    story.refresh_from_db()
    assert (story.status, story.what_happened) == (Status.PUBLISHED, "Card [card]")

    story.flag(by=colleague, reason=FlagReason.OTHER)
    lead_client.post(f"/moderation/{story.pk}/dismiss-flags/")
    lead_client.post(f"/moderation/{story.pk}/hide/", {"reason": "Second thoughts"})
    story.refresh_from_db()
    assert (story.status, story.status_reason) == (Status.HIDDEN, "Second thoughts")
    assert [e.action for e in story.events.all()] == [
        ModerationAction.FLAG,
        ModerationAction.HIDE,
        ModerationAction.REDACT,
        ModerationAction.RESTORE,
        ModerationAction.FLAG,
        ModerationAction.DISMISS_FLAGS,
        ModerationAction.HIDE,
    ]


def test_it_sends_the_status_it_showed_with_every_decision(lead_client, pending):
    assert '<input type="hidden" name="expected_status" value="pending">' in _page(lead_client)


def test_it_returns_to_a_safe_next_page_only(lead_client, make_story):
    first = make_story(Status.PENDING)
    second = make_story(Status.PENDING)
    response = lead_client.post(f"/moderation/{first.pk}/approve/", {"next": f"/stories/{first.pk}/"})
    assert response["Location"] == f"/stories/{first.pk}/"
    response = lead_client.post(f"/moderation/{second.pk}/approve/", {"next": "https://evil.example/"})
    assert response["Location"] == "/moderation/"


# --- bulk approve ----------------------------------------------------------------------------


def test_it_approves_the_ticked_stories_in_one_post(lead_client, make_story):
    ticked = [make_story(Status.PENDING) for _ in range(3)]
    untouched = make_story(Status.PENDING)
    response = lead_client.post("/moderation/approve/", {"story": [s.pk for s in ticked]}, follow=True)
    assert "3 approved and published." in response.content.decode()
    assert set(Story.objects.filter(pk__in=[s.pk for s in ticked]).values_list("status", flat=True)) == {
        Status.PUBLISHED
    }
    assert Story.objects.get(pk=untouched.pk).status == Status.PENDING


def test_it_reports_what_bulk_approve_could_not_do(lead_client, moderator_client, make_story, other_team):
    mine = make_story(Status.PENDING)
    gone = make_story(Status.PENDING)
    foreign = StoryFactory(team=other_team, status=Status.PENDING)
    moderator_client.post(f"/moderation/{gone.pk}/approve/")

    html = lead_client.post(
        "/moderation/approve/", {"story": [mine.pk, gone.pk, foreign.pk, "x"]}, **HTMX
    ).content.decode()

    assert html.lstrip().startswith('<section id="queue"')
    assert "1 approved; not approved: 2 already decided by someone else." in html
    assert Story.objects.get(pk=foreign.pk).status == Status.PENDING
    assert 'id="moderation-badge" hx-swap-oob="true"' in html


def test_it_asks_to_tick_something(lead_client, pending):
    response = lead_client.post("/moderation/approve/", {}, follow=True)
    assert "Tick at least one story" in response.content.decode()


def test_it_filters_the_queue_fragment_for_htmx(moderator_client, pending):
    response = moderator_client.get("/moderation/", {"team": "front-desk"}, **HTMX)
    html = response.content.decode()
    assert html.lstrip().startswith('<section id="queue"')
    assert pending.title in html


# --- cost ----------------------------------------------------------------------------------------


def _fill_queue(team, member, colleague, count):
    for index in range(count):
        story = StoryFactory(
            team=team,
            author=member,
            status=Status.PUBLISHED,
            tags=[("empathy", "honoured"), ("make-it-right", "broken")],
        )
        story.submit(by=member)
        if index % 2:
            story.flag(by=colleague, reason=FlagReason.OTHER, comment="Look")
        else:
            Story.objects.filter(pk=story.pk).update(status=Status.PENDING)


def _queries_for_queue(user):
    client = Client()
    client.force_login(user)
    with CaptureQueriesContext(connection) as queries:
        assert client.get("/moderation/").status_code == 200
    return len(queries)


@pytest.mark.parametrize("role", ["lead", "moderator"])
def test_it_costs_the_same_number_of_queries_for_3_or_30_stories(role, request, team, member, colleague):
    user = request.getfixturevalue(role)
    _fill_queue(team, member, colleague, 3)
    small = _queries_for_queue(user)
    _fill_queue(team, member, colleague, 27)
    assert Story.objects.awaiting_moderation_for(user).count() == 30
    assert _queries_for_queue(user) == small
    assert small <= 16


# --- personal data: a moderator's call ------------------------------------------------------------


@pytest.fixture
def held(make_story):
    return make_story(
        Status.PENDING,
        title="Held story",
        what_happened=f"She read out {CARD}.",
        status_reason="personal data",
    )


def _row(html, story):
    start = html.index(f'id="story-row-{story.pk}"')
    return html[start : html.index("</article>", start)]


def test_it_offers_a_lead_redaction_not_approval_while_a_story_holds_personal_data(lead_client, held):
    row = _row(_page(lead_client), held)
    assert f"/moderation/{held.pk}/approve/" not in row
    assert f'value="{held.pk}" form="bulk-approve"' not in row  # nothing to tick either
    assert '<button class="btn btn-primary btn-sm" type="submit">Redact card</button>' in row
    assert "This story still holds personal data: redact it first, or ask a moderator." in row
    # Rejecting stays the lead's call.
    assert f"/moderation/{held.pk}/reject/" in row


def test_it_offers_a_moderator_approval_and_redaction(moderator_client, held):
    row = _row(_page(moderator_client), held)
    assert f"/moderation/{held.pk}/approve/" in row
    assert f'value="{held.pk}" form="bulk-approve"' in row
    assert '<button class="btn btn-warning btn-sm" type="submit">Redact card</button>' in row
    assert "still holds personal data" not in row


def test_it_tells_a_lead_in_the_row_why_approval_was_refused(lead_client, held):
    html = lead_client.post(
        f"/moderation/{held.pk}/approve/", {"expected_status": "pending"}, **HTMX
    ).content.decode()
    assert 'role="alert">This story still holds personal data: redact it first, or ask a moderator.<' in html
    assert Story.objects.get(pk=held.pk).status == Status.PENDING


def test_it_lets_a_lead_approve_from_the_queue_once_redacted(lead_client, held):
    html = lead_client.post(
        f"/moderation/{held.pk}/redact/", {"expected_status": "pending"}, **HTMX
    ).content.decode()
    assert f"/moderation/{held.pk}/approve/" in html
    assert "still holds personal data" not in html
    lead_client.post(f"/moderation/{held.pk}/approve/", {"expected_status": "pending"})
    assert Story.objects.get(pk=held.pk).status == Status.PUBLISHED


def test_it_skips_stories_holding_personal_data_in_a_leads_bulk_approve(lead_client, held, make_story):
    clean = make_story(Status.PENDING)
    response = lead_client.post("/moderation/approve/", {"story": [held.pk, clean.pk]}, follow=True)
    html = response.content.decode()
    assert (
        "1 approved; not approved: 1 skipped: it still holds personal data; redact it first, or ask a moderator."
        in html
    )
    assert Story.objects.get(pk=held.pk).status == Status.PENDING
    assert Story.objects.get(pk=clean.pk).status == Status.PUBLISHED


def test_it_counts_every_skipped_story_in_bulk_approve(lead_client, make_story):
    held = [make_story(Status.PENDING, lesson=f"Mail {EMAIL}") for _ in range(2)]
    html = lead_client.post("/moderation/approve/", {"story": [s.pk for s in held]}, **HTMX).content.decode()
    assert "0 approved; not approved: 2 skipped: they still hold personal data" in html
    assert set(Story.objects.values_list("status", flat=True)) == {Status.PENDING}


def test_it_lets_a_moderator_bulk_approve_stories_holding_personal_data(moderator_client, held):
    response = moderator_client.post("/moderation/approve/", {"story": [held.pk]}, follow=True)
    assert "1 approved and published." in response.content.decode()
    assert Story.objects.get(pk=held.pk).status == Status.PUBLISHED


@pytest.mark.parametrize("page", ["abc", "-1", "99999", "²"])
def test_it_shows_the_lead_the_queue_whatever_the_page_number(lead_client, pending, page):
    assert pending.title in _page(lead_client, page=page)


@pytest.mark.parametrize("team_slug", ["no-such-team", "support-line"])
def test_it_drops_a_team_filter_the_lead_may_not_use(lead_client, pending, other_team, team_slug):
    StoryFactory(team=other_team, status=Status.PENDING, title="Support line story")
    html = _page(lead_client, team=team_slug)
    assert "Support line story" not in html
    assert pending.title in html  # the filter is dropped, as any bad filter is


@pytest.mark.parametrize(
    ("action", "data"),
    [
        ("approve", {"expected_status": "bogus"}),
        ("reject", {"reason": ""}),
        ("reject", {"reason": "x" * 5000}),
        ("hide", {"reason": "x" * 5000}),
    ],
)
def test_it_refuses_odd_row_input_and_changes_nothing(lead_client, pending, published, action, data):
    story = published if action == "hide" else pending
    response = lead_client.post(f"/moderation/{story.pk}/{action}/", data, follow=True)
    assert response.status_code == 200
    status = story.status
    story.refresh_from_db()
    assert story.status == status
