"""A member's row is drawn once per app server for the same member, with each page's own CSRF token."""

from __future__ import annotations

import pytest
from django.test import Client

from stories.core import fragments
from stories.models import Membership, Role
from tests.bodies import CSRF_TOKEN

URL = "/teams/front-desk/members/"
ROW = "members/_member_row.html"
pytestmark = pytest.mark.django_db


@pytest.fixture
def row_renders(drawn):
    return drawn(ROW, pick=lambda context: context["m"]["username"])


def _row(html: str, membership: Membership) -> str:
    row = html[html.index(f'id="member-{membership.pk}"') :]
    return row[: row.index("</tr>")]


def test_it_draws_each_row_once_for_the_same_member(lead_client, member, lead, row_renders):
    lead_client.get(URL)
    lead_client.get(URL)

    assert sorted(row_renders) == ["lead", "member"]


def test_it_shows_a_new_role_at_once(lead_client, member, lead, row_renders):
    membership = Membership.objects.get(user=member)
    lead_client.get(URL)
    Membership.objects.filter(pk=membership.pk).update(role=Role.LEAD)

    row = _row(lead_client.get(URL).content.decode(), membership)

    assert '<option value="lead" selected>' in row


def test_it_draws_a_read_only_row_for_a_member_apart(lead_client, member_client, member, lead, row_renders):
    membership = Membership.objects.get(user=member)
    as_lead = _row(lead_client.get(URL).content.decode(), membership)
    as_member = _row(member_client.get(URL).content.decode(), membership)

    assert "<form" in as_lead
    assert "<form" not in as_member and "Member" in as_member


def test_it_gives_each_page_its_own_token_that_the_form_accepts(lead, member, row_renders):
    client = Client(enforce_csrf_checks=True)
    client.force_login(lead)
    membership = Membership.objects.get(user=member)
    client.get(URL)  # the row is kept now; this page takes it from the kept rows
    row = _row(client.get(URL).content.decode(), membership)
    token = CSRF_TOKEN.search(row)

    assert fragments.CSRF_SLOT not in row
    assert token
    role_url = f"/teams/front-desk/members/{membership.pk}/role/"
    assert client.post(role_url, {"role": "lead", "csrfmiddlewaretoken": "x" * 64}).status_code == 403
    response = client.post(role_url, {"role": "lead", "csrfmiddlewaretoken": token.group(1)})
    assert response.status_code == 302
    assert Membership.objects.get(pk=membership.pk).role == Role.LEAD
