"""Forms of the retro page: action items, facilitator notes and the trends window."""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib.auth import get_user_model
from django.utils.translation import gettext_lazy as _

from stories.core.names import display_name, name_from
from stories.core.text import OneLineCharField
from stories.core.widgets import QuickSelect
from stories.models import ActionItem, Team
from stories.retros.models import NOTES_MAX
from stories.retros.trends import TREND_MONTHS_DEFAULT, TREND_MONTHS_MAX, TREND_MONTHS_MIN


class _MarkedBoundField(forms.BoundField):
    """A field with errors is marked for Bootstrap and points at its message (`<id>-error`)."""

    def build_widget_attrs(self, attrs: Any, widget: Any = None) -> Any:
        attrs = super().build_widget_attrs(attrs, widget)
        if self.errors:
            widget = widget or self.field.widget
            attrs["class"] = f"{widget.attrs.get('class', '')} is-invalid".strip()
            attrs["aria-describedby"] = f"{self.auto_id}-error"
        return attrs


class _RetroForm(forms.ModelForm):
    """The action item's forms: the owner is one of the team's members, named as everywhere."""

    bound_field_class = _MarkedBoundField
    owner: forms.ModelChoiceField[Any] = forms.ModelChoiceField(
        queryset=None,
        required=False,
        label=_("Owner"),
        empty_label=_("Nobody yet"),
        # A team of hundreds is hundreds of options, on the retro page once per action item.
        widget=QuickSelect(attrs={"class": "form-select"}),
    )

    def __init__(
        self, *args: Any, team: Team, members: list[tuple[int, str]] | None = None, **kwargs: Any
    ) -> None:
        """`members`: the team's (id, name) pairs from member_names(), where the page has them."""
        super().__init__(*args, **kwargs)
        owner = self.fields["owner"]
        assert isinstance(owner, forms.ModelChoiceField)
        owner.queryset = team_members(team)
        if members is not None:
            # The page already holds the team's members: every item's select reuses them
            # instead of querying once per item (the queryset still validates what is posted).
            owner.choices = [("", owner.empty_label), *members]
        else:
            owner.label_from_instance = display_name  # type: ignore[method-assign,assignment]


def team_members(team: Team) -> Any:
    return get_user_model().objects.filter(memberships__team=team).order_by("first_name", "username")


def member_names(team: Team) -> list[tuple[int, str]]:
    """The team's members as an owner select lists them, read as plain values: a team of
    hundreds made hundreds of user objects on every retro page."""
    rows = team_members(team).values_list("pk", "first_name", "last_name", "username")
    return [(pk, name_from(first, last, username)) for pk, first, last, username in rows]


class ActionItemForm(_RetroForm):
    """A new action item; its text's limit is the model field's (max_length)."""

    class Meta:
        model = ActionItem
        fields = ["text", "owner", "due_on"]
        labels = {"text": _("Action"), "due_on": _("Due")}
        field_classes = {"text": OneLineCharField}
        widgets = {
            "text": forms.TextInput(attrs={"class": "form-control", "placeholder": _("What will we do?")}),
            "due_on": forms.DateInput(attrs={"type": "date", "class": "form-control"}, format="%Y-%m-%d"),
        }

    def clean_text(self) -> str:
        text = self.cleaned_data["text"].strip()
        if not text:
            raise forms.ValidationError(_("Say what the action is."))
        return text


class ActionItemEditForm(ActionItemForm):
    """An existing item's text, owner and due date, edited in place: one form per item, with
    its own prefix, and the version it was shown at (compare-and-set: never overwrite)."""

    version = forms.IntegerField(min_value=0, widget=forms.HiddenInput)

    class Meta(ActionItemForm.Meta):
        # Smaller inputs, in the item's row.
        widgets = {
            "text": forms.TextInput(attrs={"class": "form-control form-control-sm"}),
            "due_on": forms.DateInput(
                attrs={"type": "date", "class": "form-control form-control-sm"}, format="%Y-%m-%d"
            ),
        }

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        instance = kwargs["instance"]
        kwargs.setdefault("prefix", f"item-{instance.pk}")
        kwargs.setdefault("initial", {"version": instance.version})
        super().__init__(*args, **kwargs)
        self.fields["owner"].widget.attrs["class"] = "form-select form-select-sm"


class DropForm(forms.Form):
    """Dropping an item that will not be done: the reason stays with it."""

    bound_field_class = _MarkedBoundField
    reason = OneLineCharField(
        label=_("Why drop it?"),
        max_length=ActionItem._meta.get_field("drop_reason").max_length,
        widget=forms.TextInput(attrs={"class": "form-control form-control-sm"}),
    )

    def __init__(self, *args: Any, item: ActionItem, **kwargs: Any) -> None:
        kwargs["prefix"] = f"drop-{item.pk}"
        super().__init__(*args, **kwargs)


class NotesForm(forms.Form):
    bound_field_class = _MarkedBoundField
    notes = forms.CharField(
        label=_("Facilitator notes"),
        required=False,
        max_length=NOTES_MAX,
        widget=forms.Textarea(attrs={"rows": 5, "class": "form-control"}),
    )
    # The version the text was typed on: a save based on an older one is refused.
    version = forms.IntegerField(min_value=0, widget=forms.HiddenInput)

    def __init__(self, *args: Any, autosave_url: str = "", **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if autosave_url:
            # Saves itself a second after typing stops and when the field is left.
            self.fields["notes"].widget.attrs.update(
                {
                    "hx-post": autosave_url,
                    "hx-trigger": "input changed delay:1s, blur",
                    "hx-include": "closest form",
                    "hx-vals": '{"autosave": "1"}',
                    "hx-target": "#notes-status",
                    "hx-swap": "outerHTML",
                    "hx-indicator": "#notes-saving",
                    "hx-sync": "closest form:queue last",
                }
            )


class TrendsForm(forms.Form):
    months = forms.IntegerField(
        label=_("Months"),
        min_value=TREND_MONTHS_MIN,
        max_value=TREND_MONTHS_MAX,
        initial=TREND_MONTHS_DEFAULT,
        required=False,
    )

    def months_or_default(self) -> int:
        if self.is_valid() and self.cleaned_data["months"]:
            return int(self.cleaned_data["months"])
        return TREND_MONTHS_DEFAULT
