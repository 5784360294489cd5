"""The members page's invite and language forms are drawn once per app server while nobody has
filled them in; a form sent back with its errors, and a new language, are drawn afresh."""

from __future__ import annotations

import pytest

URL = "/teams/front-desk/members/"
FORM = "members/_form.html"
pytestmark = pytest.mark.django_db


@pytest.fixture
def form_renders(drawn):
    return drawn(FORM, pick=lambda context: type(context["form"]).__name__)


def test_it_draws_each_blank_form_once(lead_client, team, form_renders):
    first = lead_client.get(URL).content.decode()
    again = lead_client.get(URL).content.decode()

    assert 'name="emails"' in first and 'name="emails"' in again
    assert sorted(form_renders) == ["InviteForm", "TeamLanguageForm"]


def test_it_shows_the_language_chosen_since(lead_client, team, form_renders):
    lead_client.get(URL)
    assert lead_client.post(f"{URL}language/", {"language": "de"}).status_code == 302
    html = lead_client.get(URL).content.decode()
    assert '<option value="de" selected>' in html
    assert form_renders.count("TeamLanguageForm") == 2


def test_it_draws_a_sent_back_invite_form_with_its_errors_each_time(lead_client, team, form_renders):
    lead_client.get(URL)
    response = lead_client.post(f"{URL}invite/", {"emails": "not an address", "role": "member"})
    assert response.status_code == 400
    assert "not an address" in response.content.decode()
    assert form_renders.count("InviteForm") == 1  # the blank one; the sent-back one is not kept
