"""Forms of the moderation queue and the "Flag this story" form."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from stories.core.text import OneLineCharField
from stories.models import FlagReason, Status

REASON_MAX = 1000


class FlagForm(forms.Form):
    reason = forms.ChoiceField(
        label=_("Why should a moderator look at this story?"),
        choices=FlagReason.choices,
        widget=forms.RadioSelect,
    )
    comment = forms.CharField(
        label=_("Anything the moderator should know (optional)"),
        required=False,
        max_length=REASON_MAX,
        widget=forms.Textarea(attrs={"rows": 2}),
    )


class DecisionForm(forms.Form):
    """The reason a moderator gives; the model decides whether the move needs one."""

    reason = OneLineCharField(required=False, max_length=REASON_MAX)
    # The status the moderator saw: the model's compare-and-set runs against it, so a
    # decision made on a stale page is told "already decided" instead of guessing.
    expected_status = forms.ChoiceField(choices=Status.choices, required=False)
