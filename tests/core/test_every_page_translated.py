"""Every page renders in German and Spanish, with no English left over from our templates.

A text on the page that reads the same in English and in the other language, and is not data
people typed (titles, names, notes), is an untranslated string: see test_translations.py for
how to fix it (`make messages`, translate, commit).
"""

from __future__ import annotations

import gettext
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from django.conf import settings
from django.test import Client

from stories.models import ActionItem, Principle, Retro, Story, Team
from tests.every_page import build_busy_team, pages

pytestmark = pytest.mark.django_db

# Attributes people read or hear, besides the text itself.
READ_ATTRIBUTES = {"aria-label", "title", "placeholder", "alt"}
WORD = re.compile(r"[A-Za-z]{4,}")
# A month and year ("November 2026") may read the same in both languages.
MONTH_AND_YEAR = re.compile(r"^[←→]?\s*\w+ \d{4}\s*[←→]?$")


class _Texts(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.texts: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in {"script", "style", "svg"}:
            self._skip += 1
        self.texts.extend(value for name, value in attrs if name in READ_ATTRIBUTES and value)

    def handle_endtag(self, tag: str) -> None:
        if tag in {"script", "style", "svg"}:
            self._skip -= 1

    def handle_data(self, data: str) -> None:
        if not self._skip and data.strip():
            self.texts.append(" ".join(data.split()))


def texts(html: str) -> set[str]:
    parser = _Texts()
    parser.feed(html)
    return set(parser.texts)


def typed_data() -> list[str]:
    """What people typed (and the English principle catalogue): left as it is in any language."""
    values: list[str] = []
    for story in Story.objects.all():
        values += [story.title, story.what_happened, story.lesson, story.cost_note, story.client_nickname]
    values += [team.name for team in Team.objects.all()]
    values += [item.text for item in ActionItem.objects.all()]
    values += [retro.notes for retro in Retro.objects.all()]
    values += [p.name for p in Principle.objects.all()]
    from django.contrib.auth import get_user_model

    for user in get_user_model().objects.all():
        values += [user.username, user.first_name, user.get_full_name()]
    return [value for value in values if value]


def is_data(text: str, data: list[str]) -> bool:
    return any(value in text or text in value for value in data)


def same_by_choice(language: str) -> set[str]:
    """Messages whose translation is the English word itself ("Moderation", "Total")."""
    mo = Path(settings.BASE_DIR) / "locale" / language / "LC_MESSAGES" / "django.mo"
    with mo.open("rb") as handle:
        catalogue = gettext.GNUTranslations(handle)._catalog  # type: ignore[attr-defined]
    return {key for key, value in catalogue.items() if isinstance(key, str) and key == value}


@pytest.mark.parametrize("language", ["de", "es"])
def test_it_renders_every_page_without_english_left_over(language, team, lead, member, lead_client):
    built = build_busy_team(team, lead, member)
    data = typed_data()
    allowed = same_by_choice(language)
    english, translated = (
        Client(headers={"Accept-Language": "en"}),
        Client(headers={"Accept-Language": language}),
    )
    english.force_login(lead)
    translated.force_login(lead)
    left_over: list[str] = []
    for path in pages(team, built):
        response = translated.get(path)
        assert response.status_code in (200, 403, 404), path
        html = response.content.decode()
        assert f'<html lang="{language}">' in html, path
        # A template comment over two lines is not a comment to Django: it shows as text.
        assert not re.search(r"\{#|#\}|\{%|%\}", html), path
        same = texts(english.get(path).content.decode()) & texts(html)
        left_over += [
            f"{path}: {text!r}"
            for text in sorted(same)
            if WORD.search(text)
            and not MONTH_AND_YEAR.match(text)
            and not any(part in allowed for part in re.split(r" · ", text))
            and not is_data(text, data)
        ]
    assert not left_over, "English left in the page (see this file's docstring):\n" + "\n".join(left_over)
