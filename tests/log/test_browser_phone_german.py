"""On a 390 px phone, in German: `member` logs a story, sees German dates, and the story list's
filters wait behind one "Filter" control that counts the active ones."""

from __future__ import annotations

import pytest
from django.utils import translation
from django.utils.formats import date_format

from stories.models import Story
from tests.browser_checks import PHONE, assert_accessible, assert_fits_phone, assert_tap_targets
from tests.factories import StoryFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def phone(page, browser, live_server):
    """A phone-sized browser whose language is German (`page` first: it restores the catalogue)."""
    context = browser.new_context(base_url=live_server.url, viewport=PHONE, locale="de-DE", has_touch=True)
    context.set_default_timeout(10_000)
    yield context.new_page()
    context.close()


def login_in_german(phone, user):
    phone.goto("/accounts/login/")
    phone.get_by_label("Benutzername").fill(user.username)
    phone.get_by_label("Passwort").fill("service-retro")
    phone.get_by_role("button", name="Anmelden").click()
    phone.wait_for_url("**/")


def test_it_logs_a_story_on_a_phone_in_german(phone, member, team):
    login_in_german(phone, member)
    phone.goto("/stories/new/")
    assert phone.get_by_role("heading", name="Geschichte erfassen").is_visible()
    # The essentials fit in about two screens: from the form's top to its save button.
    top = phone.locator("form[data-story-form]").bounding_box()["y"]
    button = phone.get_by_role("button", name="Geschichte speichern").bounding_box()
    assert button["y"] + button["height"] - top <= 2.25 * PHONE["height"], (top, button)

    phone.get_by_label("Guter Service").check()
    phone.get_by_label("Von uns gegeben").check()
    phone.get_by_label("Titel").fill("Regenschirm für den Heimweg")
    phone.get_by_label("Was ist passiert").fill("Ein Gast stand im Regen; wir liehen ihm unseren Schirm.")
    phone.get_by_label("Empathie", exact=True).check()
    # What each principle means opens on a tap (its group's ⓘ), not only on hover.
    meaning = phone.get_by_text("Verstehen, wie der Kunde die Lage sieht, bevor wir handeln.")
    assert not meaning.is_visible()
    phone.locator("summary", has_text="Den Kunden verstehen").tap()
    assert meaning.is_visible()
    assert_fits_phone(phone)
    assert_tap_targets(phone)
    assert_accessible(phone)

    phone.get_by_role("button", name="Geschichte speichern").click()
    phone.wait_for_url("**/stories/*/")
    story = Story.objects.get(title="Regenschirm für den Heimweg")
    with translation.override("de"):
        german_date = date_format(story.happened_on, "DATE_FORMAT")
    assert phone.locator("time").first.inner_text() == german_date
    assert phone.get_by_text("Danke: Ihre Geschichte ist für Ihr Team veröffentlicht.").is_visible()
    assert_fits_phone(phone)


def test_it_keeps_the_filters_behind_one_control_that_counts_them(phone, member, team):
    StoryFactory(team=team, kind="bad", title="Ein unfreundlicher Anruf")
    StoryFactory(team=team, kind="good", title="Ein Schirm im Regen")
    login_in_german(phone, member)
    phone.goto("/stories/")
    kind = phone.get_by_label("Art")
    assert not kind.is_visible()  # folded on a phone
    toggle = phone.locator("#filter-toggle > summary")
    assert toggle.inner_text().strip() == "Filter"
    toggle.tap()
    kind.select_option("bad")
    phone.wait_for_url("**/stories/?*kind=bad*")
    phone.locator("#results").get_by_text("1 Geschichte").wait_for()
    assert phone.locator("#filter-count").inner_text().startswith("1")
    assert not phone.locator("#results").get_by_text("Ein Schirm im Regen").is_visible()
    assert_fits_phone(phone)
