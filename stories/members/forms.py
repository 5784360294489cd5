from __future__ import annotations

import re
from typing import Any

from django import forms
from django.contrib.auth import get_user_model, password_validation
from django.core.validators import validate_email
from django.utils.translation import gettext_lazy as _

from stories.teams.models import Role, Team

MAX_ADDRESSES = 50


class InviteForm(forms.Form):
    emails = forms.CharField(
        label=_("E-mail addresses"),
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("One or many, separated by commas, spaces or new lines."),
    )
    role = forms.ChoiceField(label=_("Role"), choices=Role.choices, initial=Role.MEMBER)

    def clean_emails(self) -> list[str]:
        found: list[str] = []
        for address in re.split(r"[\s,;]+", self.cleaned_data["emails"]):
            address = address.strip().strip("<>")
            if not address:
                continue
            try:
                validate_email(address)
            except forms.ValidationError:
                raise forms.ValidationError(
                    _("“%(address)s” is not an e-mail address."), params={"address": address[:80]}
                ) from None
            if address.lower() not in {a.lower() for a in found}:
                found.append(address)
        if not found:
            raise forms.ValidationError(_("Give at least one e-mail address."))
        if len(found) > MAX_ADDRESSES:
            raise forms.ValidationError(_("At most %(n)d addresses at once."), params={"n": MAX_ADDRESSES})
        return found


class RoleForm(forms.Form):
    role = forms.ChoiceField(label=_("Role"), choices=Role.choices)


class NewMemberForm(forms.Form):
    """A new person's name and password; they sign in with the address they were invited at."""

    first_name = forms.CharField(label=_("First name"), max_length=150)
    last_name = forms.CharField(label=_("Last name"), max_length=150, required=False)
    password1 = forms.CharField(
        label=_("Password"), strip=False, widget=forms.PasswordInput(attrs={"autocomplete": "new-password"})
    )
    password2 = forms.CharField(
        label=_("Password again"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
    )

    def __init__(self, *args: Any, email: str, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.email = email

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        first, second = data.get("password1"), data.get("password2")
        if first and second and first != second:
            self.add_error("password2", _("The two passwords differ."))
        elif first:
            user = get_user_model()(
                username=self.email, email=self.email, first_name=data.get("first_name", "")
            )
            try:
                password_validation.validate_password(first, user)
            except forms.ValidationError as error:
                self.add_error("password1", error)
        if get_user_model().objects.filter(username__iexact=self.email).exists():
            raise forms.ValidationError(_("An account with this address exists already: log in to join."))
        return data


class TeamLanguageForm(forms.ModelForm):
    class Meta:
        model = Team
        fields = ["language"]
