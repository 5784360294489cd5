"""Forms of the retro page: action items, facilitator notes and the trends window."""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib.auth import get_user_model
from django.utils.translation import gettext_lazy as _

from stories.core.text import OneLineCharField
from stories.models import ActionItem, Team
from stories.retros.trends import TREND_MONTHS_DEFAULT, TREND_MONTHS_MAX, TREND_MONTHS_MIN


class _OwnerChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj: Any) -> str:
        return obj.get_full_name() or obj.get_username()


def _team_members(team: Team) -> Any:
    return get_user_model().objects.filter(memberships__team=team).order_by("first_name", "username")


class ActionItemForm(forms.ModelForm):
    """A new action item; the owner must be one of the team's members."""

    owner = _OwnerChoiceField(queryset=None, required=False, label=_("Owner"), empty_label=_("Nobody yet"))

    class Meta:
        model = ActionItem
        fields = ["text", "owner", "due_on"]
        labels = {"text": _("Action"), "due_on": _("Due")}
        field_classes = {"text": OneLineCharField}
        widgets = {"due_on": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")}

    def __init__(self, *args: Any, team: Team, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["owner"].queryset = _team_members(team)  # type: ignore[attr-defined]
        self.fields["text"].widget.attrs.update(
            {"maxlength": 300, "placeholder": _("What will we do?"), "class": "form-control"}
        )
        self.fields["due_on"].widget.attrs["class"] = "form-control"
        self.fields["owner"].widget.attrs["class"] = "form-select"
        for name, field in self.fields.items():
            if self.is_bound and name in self.errors:
                field.widget.attrs["class"] += " is-invalid"
                field.widget.attrs["aria-describedby"] = f"{self[name].auto_id}-error"

    def clean_text(self) -> str:
        text = self.cleaned_data["text"].strip()
        if not text:
            raise forms.ValidationError(_("Say what the action is."))
        return text


class ActionItemEditForm(forms.ModelForm):
    """An existing item's text, owner and due date, edited in place (one form per item)."""

    owner = _OwnerChoiceField(queryset=None, required=False, label=_("Owner"), empty_label=_("Nobody yet"))
    # The version the form was shown at: a save based on an older one is refused.
    version = forms.IntegerField(min_value=0, widget=forms.HiddenInput)

    class Meta:
        model = ActionItem
        fields = ["text", "owner", "due_on"]
        labels = {"text": _("Action"), "due_on": _("Due")}
        widgets = {"due_on": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")}

    def __init__(self, *args: Any, team: Team, **kwargs: Any) -> None:
        kwargs.setdefault("prefix", f"item-{kwargs['instance'].pk}")
        kwargs.setdefault("initial", {"version": kwargs["instance"].version})
        super().__init__(*args, **kwargs)
        self.fields["owner"].queryset = _team_members(team)  # type: ignore[attr-defined]
        for name in ("text", "due_on"):
            self.fields[name].widget.attrs["class"] = "form-control form-control-sm"
        self.fields["owner"].widget.attrs["class"] = "form-select form-select-sm"

    def clean_text(self) -> str:
        text = self.cleaned_data["text"].strip()
        if not text:
            raise forms.ValidationError(_("Say what the action is."))
        return text


class DropForm(forms.Form):
    reason = forms.CharField(label=_("Why drop it?"), max_length=300)

    def __init__(self, *args: Any, item: ActionItem, **kwargs: Any) -> None:
        kwargs["prefix"] = f"drop-{item.pk}"
        super().__init__(*args, **kwargs)
        self.fields["reason"].widget.attrs["class"] = "form-control form-control-sm"


class NotesForm(forms.Form):
    notes = forms.CharField(
        label=_("Facilitator notes"),
        required=False,
        max_length=10000,
        widget=forms.Textarea(attrs={"rows": 5}),
    )
    # The version the text was typed on: a save based on an older one is refused.
    version = forms.IntegerField(min_value=0, widget=forms.HiddenInput, required=False)

    def __init__(self, *args: Any, autosave_url: str = "", **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        attrs = self.fields["notes"].widget.attrs
        attrs.update({"class": "form-control", "maxlength": 10000})
        if autosave_url:
            # Saves itself a second after typing stops and when the field is left.
            attrs.update(
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
