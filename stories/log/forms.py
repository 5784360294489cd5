"""The story form: one form for logging and editing a story, with or without JavaScript."""

from __future__ import annotations

import uuid
from typing import Any, cast

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from stories.core.text import OneLineCharField
from stories.core.widgets import QuickSelect
from stories.log.models import EARLIEST_STORY_DATE, too_early_message
from stories.log.personal_data import PersonalDataKind, find_personal_data
from stories.log.terms import FREE_TEXT_FIELDS
from stories.models import (
    Channel,
    Kind,
    Perspective,
    Principle,
    PrincipleGroup,
    SequelLink,
    SequelOutcome,
    Story,
    StoryPrinciple,
    Team,
    Verdict,
)
from stories.teams.models import teams_of

PERSONAL_DATA_LABELS = {
    PersonalDataKind.EMAIL: _("an e-mail address"),
    PersonalDataKind.PHONE: _("a phone number"),
    PersonalDataKind.CARD: _("a payment card number"),
    PersonalDataKind.IBAN: _("a bank account number (IBAN)"),
}


def verdict_field_name(principle: Principle) -> str:
    return f"verdict_{principle.pk}"


class StoryForm(forms.ModelForm):
    principles = forms.ModelMultipleChoiceField(
        queryset=Principle.objects.none(),
        required=True,
        widget=forms.CheckboxSelectMultiple,
        label=_("Service principles"),
        help_text=_("Pick one or more, and say whether each was honoured or broken."),
        error_messages={"required": _("Pick at least one principle this story is about.")},
    )
    submission_token = forms.UUIDField(widget=forms.HiddenInput, required=False)
    keep_personal_data = forms.BooleanField(
        required=False,
        label=_("Keep it as written: a moderator will review the story before anyone sees it"),
    )
    sequel_of = forms.ModelChoiceField(
        queryset=Story.objects.none(), required=False, widget=forms.HiddenInput
    )
    sequel_outcome = forms.ChoiceField(
        choices=[("", "---------"), *SequelOutcome.choices],
        required=False,
        label=_("What came of the earlier story?"),
    )

    class Meta:
        model = Story
        fields = [
            "team",
            "kind",
            "perspective",
            "title",
            "what_happened",
            "lesson",
            "happened_on",
            "channel",
            "went_beyond",
            "cost_note",
            "client_nickname",
            "anonymous",
        ]
        widgets = {
            "kind": forms.RadioSelect,
            "perspective": forms.RadioSelect,
            "happened_on": forms.DateInput(
                attrs={"type": "date", "min": f"{EARLIEST_STORY_DATE:%Y-%m-%d}"}, format="%Y-%m-%d"
            ),
            "what_happened": forms.Textarea(attrs={"rows": 3, "data-counter": ""}),
            "lesson": forms.Textarea(attrs={"rows": 2, "data-counter": ""}),
            "title": forms.TextInput(attrs={"data-counter": "", "autocomplete": "off"}),
            "cost_note": forms.TextInput(
                attrs={"placeholder": _("e.g. a free replacement, two hours after closing")}
            ),
            "client_nickname": forms.TextInput(
                attrs={"placeholder": _("e.g. the red-scarf lady"), "autocomplete": "off"}
            ),
        }
        field_classes = {
            "title": OneLineCharField,
            "cost_note": OneLineCharField,
            "client_nickname": OneLineCharField,
        }
        help_texts = {
            "anonymous": _("Your name is hidden from everyone but the moderators."),
            "went_beyond": _("We gave more than we had to, and it cost us something."),
        }

    def __init__(self, *args: Any, user: Any, story: Story | None = None, **kwargs: Any) -> None:
        kwargs["instance"] = story
        super().__init__(*args, **kwargs)
        self.user = user
        self.personal_data_found: dict[str, set[PersonalDataKind]] = {}
        teams = teams_of(user)
        self.teams = teams
        team_field = cast(forms.ModelChoiceField, self.fields["team"])
        team_field.queryset = Team.objects.filter(pk__in=[team.pk for team in teams])
        team_field.empty_label = None if len(teams) == 1 else _("Choose a team")
        if len(teams) == 1:
            # Nothing to choose: the one team goes along unseen, and a phone saves a screenful.
            team_field.widget = forms.HiddenInput()
        # Radio cards need no blank "---------" choice.
        for name, choices in (
            ("kind", Kind.choices),
            ("perspective", Perspective.choices),
            ("channel", Channel.choices),
        ):
            cast(forms.ChoiceField, self.fields[name]).choices = choices
        # Retired principles stay on the stories that already carry them, and only there.
        offered = Principle.objects.filter(active=True)
        if story is not None and story.pk:
            offered = offered | Principle.objects.filter(tags__story=story)
        self.principle_choices = list(offered.distinct().order_by("position"))
        cast(forms.ModelMultipleChoiceField, self.fields["principles"]).queryset = Principle.objects.filter(
            pk__in=[p.pk for p in self.principle_choices]
        )
        for principle in self.principle_choices:
            self.fields[verdict_field_name(principle)] = forms.ChoiceField(
                choices=Verdict.choices, required=False, widget=forms.RadioSelect, label=principle.local_name
            )
        cast(forms.ModelChoiceField, self.fields["sequel_of"]).queryset = Story.objects.in_teams_of(user)
        if story is not None and story.pk:
            del self.fields["team"]
            del self.fields["submission_token"]
            del self.fields["sequel_of"]
            del self.fields["sequel_outcome"]
            for tag in story.tags.all():
                self.initial.setdefault("principles", []).append(tag.principle_id)
                self.initial[f"verdict_{tag.principle_id}"] = tag.verdict
        else:
            self.initial.setdefault("submission_token", uuid.uuid4())
            if len(teams) == 1:
                self.initial.setdefault("team", teams[0].pk)
            if teams:
                # "Today" in the chosen team's zone; with no team chosen yet, the earliest
                # of my teams' todays, which is in the future for none of them.
                chosen = next((team for team in teams if team.pk == self.initial.get("team")), None)
                today = chosen.today() if chosen else min(team.today() for team in teams)
                self.initial.setdefault("happened_on", today)

    # --- rendering helpers for the template ------------------------------------------

    def chip_rows(self) -> list[dict[str, Any]]:
        """Each principle chip with its checkbox state and verdict field, for the template."""
        picked = {str(v) for v in (self["principles"].value() or [])}
        return [
            {
                "principle": p,
                "picked": str(p.pk) in picked,
                "verdict": self[verdict_field_name(p)],
            }
            for p in self.principle_choices
        ]

    def blank_form_data(self) -> dict[str, Any] | None:
        """A new story's form before anything is typed, as the plain values its fields are drawn
        from (the teams to choose from, the day it starts on, the catalogue), or None when the
        form holds what someone typed, edits a story or continues one: those are drawn each time."""
        if self.is_bound or self.instance.pk or self.initial.get("sequel_of"):
            return None
        return {
            "teams": [(team.pk, team.name) for team in self.teams],
            "team": self.initial.get("team"),
            "happened_on": str(self.initial.get("happened_on")),
            "principles": [
                (p.pk, p.group, p.local_name, p.local_summary, p.local_prompt) for p in self.principle_choices
            ],
        }

    OPTIONAL_FIELDS = ("went_beyond", "cost_note", "client_nickname", "anonymous")

    def optional_details_open(self) -> bool:
        """The optional fields stay folded unless one holds something, an error or a warning."""
        return any(
            self[name].value() or self[name].errors or name in self.personal_data_found
            for name in self.OPTIONAL_FIELDS
        )

    def chip_groups(self) -> list[dict[str, Any]]:
        """The chips in the catalogue's groups, in the groups' order: four short lists, not one long one."""
        rows = self.chip_rows()
        return [
            {"value": value, "label": label, "rows": grouped}
            for value, label in PrincipleGroup.choices
            if (grouped := [row for row in rows if row["principle"].group == value])
        ]

    def _country(self, cleaned: dict[str, Any]) -> str:
        """The chosen team's country: how the people it serves write their phone numbers."""
        team = cleaned.get("team") or (self.instance.team if self.instance.pk else None)
        return team.country if team is not None else ""

    def personal_data_warning(self, field_name: str) -> str:
        kinds = self.personal_data_found.get(field_name)
        if not kinds:
            return ""
        found = ", ".join(str(PERSONAL_DATA_LABELS[k]) for k in sorted(kinds))
        return str(
            _("This looks like it contains %(found)s. Customer personal data stays out of stories.")
        ) % {"found": found}

    # --- validation ------------------------------------------------------------------

    def clean_happened_on(self) -> Any:
        happened_on = self.cleaned_data.get("happened_on")
        team = self.cleaned_data.get("team") or (self.instance.team if self.instance.pk else None)
        if happened_on and team is not None and happened_on > team.today():
            raise ValidationError(_("The date cannot be in the future."), code="future")
        if happened_on and happened_on < EARLIEST_STORY_DATE:
            raise ValidationError(too_early_message(), code="too_early")
        return happened_on

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        kind = cleaned.get("kind")
        default_verdict = Verdict.BROKEN if kind == Kind.BAD else Verdict.HONOURED
        self.tag_verdicts: dict[int, str] = {}
        for principle in cleaned.get("principles") or []:
            verdict = cleaned.get(verdict_field_name(principle)) or default_verdict
            self.tag_verdicts[principle.pk] = verdict
        if cleaned.get("went_beyond") is False:
            cleaned["cost_note"] = ""
        for field_name in FREE_TEXT_FIELDS:
            value = cleaned.get(field_name)
            if value:
                kinds = {match.kind for match in find_personal_data(value, self._country(cleaned))}
                if kinds:
                    self.personal_data_found[field_name] = kinds
        if self.personal_data_found and not cleaned.get("keep_personal_data"):
            for field_name in self.personal_data_found:
                self.add_error(field_name, self.personal_data_warning(field_name))
        self._clean_sequel(cleaned)
        return cleaned

    def _clean_sequel(self, cleaned: dict[str, Any]) -> None:
        original = cleaned.get("sequel_of")
        if original is None:
            return
        outcome = cleaned.get("sequel_outcome")
        if not outcome:
            self.add_error("sequel_outcome", _("Say what came of the earlier story."))
        elif cleaned.get("kind"):
            try:
                SequelLink.check_outcome(cleaned["kind"], outcome)
            except ValidationError as error:
                self.add_error("sequel_outcome", error)
        team, happened_on = cleaned.get("team"), cleaned.get("happened_on")
        if team is None or happened_on is None:
            return
        try:
            SequelLink.check_link(original, team=team, happened_on=happened_on, user=self.user)
        except ValidationError as error:
            self.add_error(None, error)

    @property
    def has_personal_data(self) -> bool:
        return bool(self.personal_data_found)

    def save_tags(self, story: Story) -> None:
        story.tags.all().delete()
        StoryPrinciple.objects.bulk_create(
            StoryPrinciple(story=story, principle_id=pk, verdict=verdict)
            for pk, verdict in self.tag_verdicts.items()
        )
        # bulk_create skips StoryPrinciple.save: the principles' names are searched too.
        Story.objects.filter(pk=story.pk).refresh_search_document()


class StoryFilterForm(forms.Form):
    """The GET filters of the story stream; invalid values are ignored, never an error page."""

    q = forms.CharField(required=False, max_length=200, label=_("Search"))
    team = forms.ModelChoiceField(
        label=_("Team"),
        queryset=Team.objects.none(),
        required=False,
        to_field_name="slug",
        empty_label=_("All my teams"),
        widget=QuickSelect,
    )
    kind = forms.ChoiceField(
        label=_("Kind"), choices=[("", _("Good and bad")), *Kind.choices], required=False, widget=QuickSelect
    )
    perspective = forms.ChoiceField(
        label=_("Perspective"),
        choices=[("", _("Given and received")), *Perspective.choices],
        required=False,
        widget=QuickSelect,
    )
    principle = forms.ModelChoiceField(
        label=_("Principle"),
        queryset=Principle.objects.all(),
        required=False,
        to_field_name="slug",
        empty_label=_("Any principle"),
        # The story list's filters are on every page of it: Django's option templates cost 2 ms.
        widget=QuickSelect,
    )
    month = forms.RegexField(
        # Years 1900-2999: wide enough for any story, narrow enough that date arithmetic holds.
        regex=r"^(19|2\d)\d{2}-(0[1-9]|1[0-2])$",
        required=False,
        label=_("Month"),
        widget=forms.TextInput(attrs={"type": "month"}),
    )

    def __init__(self, *args: Any, user: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        cast(forms.ModelChoiceField, self.fields["team"]).queryset = Team.objects.for_user(user).distinct()
        for field in self.fields.values():
            is_select = isinstance(field.widget, forms.Select)
            field.widget.attrs.setdefault(
                "class", "form-select form-select-sm" if is_select else "form-control form-control-sm"
            )

    def active_count(self) -> int:
        """How many filters (the search box aside) narrow the list: the "Filter" control shows it."""
        if not self.is_bound or not hasattr(self, "cleaned_data"):
            return 0
        return sum(1 for name, value in self.cleaned_data.items() if name != "q" and value)
