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
        self.fields["text"].widget.attrs.update({"maxlength": 300, "placeholder": _("What will we do?")})

    def clean_text(self) -> str:
        text = self.cleaned_data["text"].strip()
        if not text:
            raise forms.ValidationError(_("Say what the action is."))
        return text


class AssignForm(forms.ModelForm):
    """Who owns an existing action item, and by when."""

    owner = _OwnerChoiceField(queryset=None, required=False, label=_("Owner"), empty_label=_("Nobody yet"))

    class Meta:
        model = ActionItem
        fields = ["owner", "due_on"]
        labels = {"due_on": _("Due")}
        widgets = {"due_on": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")}

    def __init__(self, *args: Any, team: Team, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["owner"].queryset = _team_members(team)  # type: ignore[attr-defined]


class NotesForm(forms.Form):
    notes = forms.CharField(
        label=_("Facilitator notes"),
        required=False,
        max_length=10000,
        widget=forms.Textarea(attrs={"rows": 5}),
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
