"""Migration 0010 fills the search document of every story already written."""

import importlib

from django.apps import apps

from stories.models import Story
from tests.factories import StoryFactory
from tests.log.searching import full_text_only

migration = importlib.import_module("stories.migrations.0010_story_search_document")


@full_text_only
def test_it_fills_the_documents_of_existing_stories(team):
    StoryFactory(team=team, title="Umbrella lent")
    StoryFactory(team=team, title="Parcel sent", tags=[("empathy", "honoured")])
    Story.objects.update(search_document=None)  # as rows written before the migration

    migration.fill_documents(apps, None)

    assert not Story.objects.filter(search_document__isnull=True).exists()
    assert list(Story.objects.filter(search_document="umbrellas").values_list("title", flat=True)) == [
        "Umbrella lent"
    ]
    assert Story.objects.filter(search_document="empathy").count() == 1
