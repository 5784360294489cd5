"""The form that links an existing later story as a sequel of another."""

from __future__ import annotations

from functools import cache
from typing import TYPE_CHECKING, Any

from django import forms
from django.core.exceptions import ValidationError
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _

from stories.karma.links import later_story_choices
from stories.models import SequelLink, SequelOutcome, Story

if TYPE_CHECKING:
    from stories.log.models import AnyUser

# The select lists the most recent candidates; anything older is still accepted if posted.
MAX_CHOICES = 100


class LinkSequelForm(forms.Form):
    sequel = forms.ModelChoiceField(
        label=_("Later story"),
        queryset=Story.objects.none(),
        empty_label=_("Choose a story…"),
        widget=forms.Select(attrs={"class": "form-select"}),
        error_messages={"invalid_choice": _("Choose one of your team's later stories.")},
    )
    outcome = forms.ChoiceField(
        label=_("What came of it"),
        choices=SequelOutcome.choices,
        initial=SequelOutcome.CLIENT_RETURNED,
        widget=forms.Select(attrs={"class": "form-select"}),
    )

    def __init__(self, *args: Any, original: Story, user: AnyUser, **kwargs: Any) -> None:
        # Its own ids: the story page holds other forms.
        kwargs.setdefault("auto_id", "link-sequel-%s")
        super().__init__(*args, **kwargs)
        self.original = original
        self.user = user
        candidates = later_story_choices(original, user)
        field = self.fields["sequel"]
        assert isinstance(field, forms.ModelChoiceField)
        field.queryset = candidates
        empty_label = str(field.empty_label)

        @cache
        def choices() -> list[tuple[Any, str]]:
            # Evaluated when the select first renders (or is counted), once, with a bounded query.
            later = [
                (story.pk, f"{story.title} ({date_format(story.happened_on)})")
                for story in candidates[:MAX_CHOICES]
            ]
            return [("", empty_label), *later]

        field.choices = choices

    @property
    def has_choices(self) -> bool:
        return len(list(self.fields["sequel"].choices)) > 1  # type: ignore[attr-defined]

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        sequel = cleaned.get("sequel")
        if sequel is not None:
            try:
                SequelLink.check_link(
                    self.original,
                    team=sequel.team,
                    happened_on=sequel.happened_on,
                    user=self.user,
                    sequel=sequel,
                )
            except ValidationError as error:
                self.add_error("sequel", error)
        return cleaned

    def save(self) -> SequelLink:
        return SequelLink.link(
            original=self.original,
            sequel=self.cleaned_data["sequel"],
            outcome=self.cleaned_data["outcome"],
            by=self.user,
        )
