"""The retro's inputs come from their forms, and each limit is stated once (model → form → page)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from django.conf import settings

from stories.models import ActionItem
from stories.retros.models import NOTES_MAX
from tests.factories import ActionItemFactory, RetroFactory
from tests.retros.helpers import month_url

pytestmark = pytest.mark.django_db

TEMPLATE = Path(settings.BASE_DIR) / "templates" / "retros" / "retro.html"


def test_it_writes_no_input_or_limit_by_hand():
    source = TEMPLATE.read_text()
    assert "maxlength" not in source
    assert not re.search(r"<(input|select|textarea)\b(?![^>]*type=\"hidden\")", source)


def test_it_renders_the_limits_of_the_model_and_the_form(lead_client, lead, team, last_month):
    retro = RetroFactory(team=team, month=last_month)
    item = ActionItemFactory(retro=retro, team=team, owner=lead)
    html = lead_client.get(month_url("retro_detail", team, last_month)).content.decode()
    text_max = ActionItem._meta.get_field("text").max_length
    assert re.search(rf'<input[^>]*name="text"[^>]*maxlength="{text_max}"', html)
    assert re.search(rf'<textarea[^>]*name="notes"[^>]*maxlength="{NOTES_MAX}"', html)
    # Each item's edit form has its own prefix (and so its own ids), and the owner is preselected.
    assert f'id="id_item-{item.pk}-owner"' in html and f'id="id_item-{item.pk}-due_on"' in html
    assert re.search(rf'<option value="{lead.pk}" selected>', html)


def test_it_marks_a_field_in_error_and_points_at_its_message(member_client, team, last_month):
    html = member_client.post(
        month_url("action_item_create", team, last_month), {"text": "   "}, HTTP_HX_REQUEST="true"
    ).content.decode()
    assert re.search(r'<input[^>]*class="form-control is-invalid"[^>]*aria-describedby="id_text-error"', html)
    assert 'id="id_text-error"' in html
