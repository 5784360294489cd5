"""The demo's stories are searchable: bulk creation fills their search documents."""

from __future__ import annotations

from io import StringIO
from typing import Any

from django.core.management import call_command
from django.test import Client

from stories.models import Story
from tests.log.searching import full_text_only


@full_text_only
def test_it_fills_every_demo_storys_search_document(db: Any, settings: Any) -> None:
    settings.DEBUG = True
    call_command("seed_demo", stdout=StringIO())
    assert Story.objects.exists()
    assert not Story.objects.filter(search_document__isnull=True).exists()


def test_it_finds_the_umbrella_stories_in_the_demo(db: Any, settings: Any) -> None:
    settings.DEBUG = True
    call_command("seed_demo", stdout=StringIO())
    client = Client()
    umbrella = Story.objects.get(title="Our last good umbrella, lent in a downpour")
    client.force_login(umbrella.author)
    response = client.get("/stories/", {"q": "Umbrellas"})
    assert umbrella.title in [story.title for story in response.context["page"]]
