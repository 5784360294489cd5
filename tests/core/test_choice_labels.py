"""A choice's label from the table kept per field and language is Django's own label."""

from __future__ import annotations

import pytest
from django.apps import apps
from django.db import models
from django.utils import translation

from stories.core.labels import ChoiceLabels
from stories.models import Story

LANGUAGES = ["en", "de", "es"]


def _choice_fields():
    for model in apps.get_app_config("stories").get_models():
        for field in model._meta.concrete_fields:
            if field.choices:
                yield model, field


def test_it_serves_every_model_with_choices():
    assert all(issubclass(model, ChoiceLabels) for model, _field in _choice_fields())


@pytest.mark.parametrize("language", LANGUAGES)
def test_it_gives_djangos_label_for_every_choice_in_every_language(language):
    with translation.override(language):
        for model, field in _choice_fields():
            for value, _label in field.flatchoices:
                instance = model(**{field.attname: value})
                display = getattr(instance, f"get_{field.name}_display")()
                assert display == models.Model._get_FIELD_display(instance, field), (model, value)


def test_it_follows_the_active_language():
    story = Story(kind="good")
    english = story.get_kind_display()
    with translation.override("de"):
        german = story.get_kind_display()

    assert (english, german) == ("Good service", "Guter Service")


def test_it_gives_a_value_that_is_no_choice_back_as_django_does():
    assert Story(kind="other").get_kind_display() == "other"
    assert Story(kind=None).get_kind_display() is None
