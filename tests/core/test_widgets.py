"""QuickSelect writes the same HTML as Django's template-rendered Select."""

from __future__ import annotations

import pytest
from django import forms
from hypothesis import given
from hypothesis import strategies as st

from stories.core.widgets import QuickSelect

CHOICES = [
    ("", "Nobody yet"),
    (1, 'Ana <b>&</b> "Bo"'),
    ("Team 'A'", [(2, "Čestmír"), (3, "Ðorđe")]),
    ('x"y', "quote in a value"),
]


def _both(choices, value, attrs=None, **widget_attrs):
    ours = QuickSelect(attrs=widget_attrs, choices=choices).render("owner", value, attrs)
    django = forms.Select(attrs=widget_attrs, choices=choices).render("owner", value, attrs)
    return str(ours), str(django)


@pytest.mark.parametrize("value", [None, "", 1, "1", 3, 'x"y', "missing"])
def test_it_writes_what_django_writes(value):
    ours, django = _both(
        CHOICES, value, {"id": "id_owner", "required": True, "disabled": False}, **{"class": "form-select"}
    )
    assert ours == django


def test_it_writes_an_empty_select_as_django_does():
    assert _both([], None)[0] == _both([], None)[1]


def test_it_marks_every_chosen_option_of_a_multiple_select():
    class QuickMultiple(QuickSelect):
        allow_multiple_selected = True

    choices = [(1, "a"), (2, "b"), (3, "c")]
    ours = QuickMultiple(choices=choices).render("owner", [1, 3], {"multiple": True})
    django = forms.SelectMultiple(choices=choices).render("owner", [1, 3], {"multiple": True})
    assert str(ours) == str(django)


@given(
    st.lists(st.tuples(st.integers(-5, 5) | st.text(max_size=8), st.text(max_size=12)), max_size=6),
    st.text(max_size=8),
)
def test_it_escapes_any_label_and_value_as_django_does(choices, value):
    ours, django = _both(choices, value)
    assert ours == django


def test_it_is_the_retro_owner_select():
    from stories.retros.forms import ActionItemForm

    assert isinstance(ActionItemForm.base_fields["owner"].widget, QuickSelect)
