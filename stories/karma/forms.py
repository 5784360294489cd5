"""The form that links an existing later story as a sequel of another."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from stories.karma.links import later_story_choices
from stories.log.search import match
from stories.models import SequelLink, SequelOutcome, Story

if TYPE_CHECKING:
    from stories.log.models import AnyUser

# The type-ahead shows this many later stories at a time; anything older is found by searching.
MAX_MATCHES = 8


class LinkSequelForm(forms.Form):
    sequel = forms.ModelChoiceField(
        label=_("Later story"),
        queryset=Story.objects.none(),
        widget=forms.RadioSelect,
        error_messages={
            "required": _("Pick the later story from the list."),
            "invalid_choice": _("Choose one of your team's later stories."),
        },
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
        self.candidates = later_story_choices(original, user)
        field = self.fields["sequel"]
        assert isinstance(field, forms.ModelChoiceField)
        field.queryset = self.candidates

    def matches(self, query: str) -> list[Story]:
        """The later stories matching every word typed (the story search), most recent first."""
        found = match(query, [self.original.team.language])
        if found is None:
            return list(self.candidates.select_related("author", "team")[:MAX_MATCHES])
        return list(self.candidates.filter(found.condition).select_related("author", "team")[:MAX_MATCHES])

    def selected_id(self) -> str:
        return str(self["sequel"].value() or "")

    @property
    def has_choices(self) -> bool:
        return self.candidates.exists()

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
            outcome = cleaned.get("outcome")
            if outcome:
                try:
                    SequelLink.check_outcome(sequel.kind, outcome)
                except ValidationError as error:
                    self.add_error("outcome", error)
        return cleaned

    def save(self) -> SequelLink:
        return SequelLink.link(
            original=self.original,
            sequel=self.cleaned_data["sequel"],
            outcome=self.cleaned_data["outcome"],
            by=self.user,
        )
