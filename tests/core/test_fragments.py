"""A fragment is rendered once for the same data, again when the data or the language changes."""

from __future__ import annotations

from collections import OrderedDict

import pytest
from django.utils import translation

from stories.core import fragments
from stories.core.fragments import rendered_once

TEMPLATE = "retros/_folded.html"  # a fragment of plain data: the floor and its rule


@pytest.fixture
def renders(monkeypatch):
    monkeypatch.setattr(fragments, "_kept", OrderedDict())  # none kept by an earlier test
    monkeypatch.setattr(fragments, "_kept_characters", 0)
    calls = []
    real = fragments.render_to_string

    def counting(template_name, context):
        calls.append(context)
        return real(template_name, context)

    monkeypatch.setattr(fragments, "render_to_string", counting)
    return calls


def _floor(floor: int) -> dict:
    return {"privacy_floor": floor, "floor_rule": f"Below {floor} people, figures fold."}


def test_it_renders_the_same_data_once(renders):
    first = rendered_once(TEMPLATE, _floor(3), lambda: _floor(3))
    again = rendered_once(TEMPLATE, _floor(3), lambda: _floor(3))

    assert first == again
    assert "fewer than 3 people" in first
    assert len(renders) == 1


def test_it_renders_other_data_again(renders):
    rendered_once(TEMPLATE, _floor(3), lambda: _floor(3))
    other = rendered_once(TEMPLATE, _floor(5), lambda: _floor(5))

    assert "fewer than 5 people" in other
    assert len(renders) == 2


def test_it_keeps_each_language_apart(renders):
    english = rendered_once(TEMPLATE, _floor(3), lambda: _floor(3))
    with translation.override("de"):
        german = rendered_once(TEMPLATE, _floor(3), lambda: _floor(3))

    assert german != english
    assert len(renders) == 2


def test_it_keeps_a_bounded_amount_of_html(renders, monkeypatch):
    one = len(rendered_once(TEMPLATE, _floor(3), lambda: _floor(3)))
    monkeypatch.setattr(fragments, "KEPT_CHARACTERS", 2 * one)
    for floor in (4, 5):
        rendered_once(TEMPLATE, _floor(floor), lambda floor=floor: _floor(floor))
    rendered_once(TEMPLATE, _floor(3), lambda: _floor(3))  # the oldest was let go

    assert len(fragments._kept) == 2
    assert fragments._kept_characters == sum(len(html) for html in fragments._kept.values())
    assert len(renders) == 4


def test_it_keeps_one_fragment_bigger_than_the_whole_budget(renders, monkeypatch):
    monkeypatch.setattr(fragments, "KEPT_CHARACTERS", 10)
    first = rendered_once(TEMPLATE, _floor(3), lambda: _floor(3))
    again = rendered_once(TEMPLATE, _floor(3), lambda: _floor(3))

    assert again == first
    assert len(renders) == 1
