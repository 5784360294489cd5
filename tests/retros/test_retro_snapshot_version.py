"""A closed retro's snapshot carries its version; one this code cannot read shows live figures."""

from __future__ import annotations

import pytest

from stories.models import Retro
from stories.retros.snapshots import SNAPSHOT_VERSION, read_snapshot
from tests.factories import StoryFactory
from tests.retros.helpers import month_url

pytestmark = pytest.mark.django_db


@pytest.fixture
def closed(lead_client, team, last_month, month_stories):
    lead_client.post(month_url("retro_close", team, last_month))
    return Retro.objects.get(team=team, month=last_month)


def _store(retro, snapshot):
    Retro.objects.filter(pk=retro.pk).update(snapshot=snapshot)
    retro.refresh_from_db()


def test_it_writes_the_version_it_reads(closed):
    assert closed.snapshot["version"] == SNAPSHOT_VERSION
    assert read_snapshot(closed)["figures"]["headline"]["total"]["now"] == 6


def test_it_reads_a_first_snapshot_by_the_version_inside_its_figures(closed):
    old = {key: value for key, value in closed.snapshot.items() if key != "version"}
    _store(closed, old)
    assert read_snapshot(closed) is not None


@pytest.mark.parametrize("version", [SNAPSHOT_VERSION + 1, None, "1"])
def test_it_falls_back_to_live_figures_for_a_version_it_does_not_know(
    version, closed, member_client, team, last_month
):
    _store(closed, {**closed.snapshot, "version": version})
    # Live figures have moved on since closing: the page must show them, not misread the old.
    # (Written by the factory, so announced by hand as a publishing move would.)
    StoryFactory(team=team, status="published", happened_on=last_month).announce_change()
    assert read_snapshot(closed) is None
    response = member_client.get(month_url("retro_detail", team, last_month))
    assert response.context["frozen"] is False
    assert response.context["figures"]["headline"]["total"]["now"] == 7


def test_it_reads_no_snapshot_of_an_open_retro(team, last_month):
    assert read_snapshot(Retro.objects.create(team=team, month=last_month)) is None
    assert read_snapshot(None) is None
