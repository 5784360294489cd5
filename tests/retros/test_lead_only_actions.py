"""Close, reopen and notes, each on its own: a member is refused where the lead succeeds.

Each case sets the retro in the state where the action works, shows the lead can do it there
(so the refusal is the rule, not a retro in the wrong state), and that a member's try, plain
or htmx, changes nothing.
"""

from __future__ import annotations

import pytest

from stories.models import Retro
from tests.factories import RetroFactory
from tests.retros.helpers import HTMX, month_url

pytestmark = pytest.mark.django_db

SNAPSHOT = {"frozen": True}


def _state(retro: Retro) -> tuple:
    retro.refresh_from_db()
    return retro.closed_at, retro.closed_by_id, retro.snapshot, retro.notes


def _open_retro(team, month) -> Retro:
    return RetroFactory(team=team, month=month, notes="The lead's notes")


def _closed_retro(team, month, lead) -> Retro:
    retro = _open_retro(team, month)
    retro.close(by=lead, snapshot=SNAPSHOT)
    return retro


CASES = {
    "close": ("retro_close", _open_retro, {}),
    "reopen": ("retro_reopen", _closed_retro, {}),
    "notes": ("retro_notes", _open_retro, {"notes": "A member rewrites the notes"}),
}


def _make(kind, team, month, lead) -> Retro:
    _, make, _ = CASES[kind]
    return make(team, month, lead) if make is _closed_retro else make(team, month)


@pytest.mark.parametrize("headers", [{}, HTMX], ids=["plain", "htmx"])
@pytest.mark.parametrize("kind", CASES)
def test_it_refuses_a_member_and_changes_nothing(member_client, team, lead, last_month, kind, headers):
    name, _, data = CASES[kind]
    retro = _make(kind, team, last_month, lead)
    before = _state(retro)
    response = member_client.post(month_url(name, team, last_month), data, **headers)
    assert response.status_code == 403
    assert _state(retro) == before


@pytest.mark.parametrize("kind", CASES)
def test_it_lets_the_lead_do_it_in_the_same_state(lead_client, team, lead, last_month, kind):
    name, _, data = CASES[kind]
    retro = _make(kind, team, last_month, lead)
    before = _state(retro)
    response = lead_client.post(month_url(name, team, last_month), data)
    assert response.status_code == 302
    assert _state(retro) != before
