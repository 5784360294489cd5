from __future__ import annotations

from typing import Any

from django import forms
from django.contrib.auth import get_user_model
from django.contrib.auth.forms import PasswordResetForm
from django.template import loader
from django.utils.translation import gettext_lazy as _

from stories.accounts.models import Profile
from stories.notifications.models import NotificationKind
from stories.notifications.outbox import queue_mail


class ProfileForm(forms.ModelForm):
    """Name, e-mail, language, and which notifications reach the person in the app and by e-mail."""

    first_name = forms.CharField(label=_("First name"), max_length=150)
    last_name = forms.CharField(label=_("Last name"), max_length=150, required=False)
    email = forms.EmailField(label=_("E-mail"), required=False)
    in_app = forms.MultipleChoiceField(
        label=_("In the app (the bell)"),
        choices=NotificationKind.choices,
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    by_email = forms.MultipleChoiceField(
        label=_("By e-mail"),
        choices=NotificationKind.choices,
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )

    class Meta:
        model = Profile
        fields = ["language"]

    def __init__(self, data: Any = None, *, user: Any) -> None:
        profile = Profile.of(user)
        kinds = NotificationKind.values
        initial = {
            "first_name": user.first_name,
            "last_name": user.last_name,
            "email": user.email,
            "in_app": [k for k in kinds if k not in profile.muted_in_app],
            "by_email": [k for k in kinds if k not in profile.muted_email],
        }
        super().__init__(data, instance=profile, initial=initial)
        self.user = user

    def clean_email(self) -> str:
        email: str = self.cleaned_data.get("email", "")
        taken = get_user_model().objects.filter(email__iexact=email).exclude(pk=self.user.pk)
        if email and taken.exists():
            raise forms.ValidationError(_("Another account uses this address."))
        return email

    def save(self, commit: bool = True) -> Profile:
        profile: Profile = super().save(commit=False)
        kinds = NotificationKind.values
        profile.muted_in_app = [k for k in kinds if k not in self.cleaned_data["in_app"]]
        profile.muted_email = [k for k in kinds if k not in self.cleaned_data["by_email"]]
        profile.save()
        for field in ("first_name", "last_name", "email"):
            setattr(self.user, field, self.cleaned_data[field])
        self.user.save(update_fields=["first_name", "last_name", "email"])
        return profile


class OutboxPasswordResetForm(PasswordResetForm):
    """Django's reset form, but the mail goes through the outbox and a background task."""

    def send_mail(
        self,
        subject_template_name: str,
        email_template_name: str,
        context: dict[str, Any],
        from_email: str | None,
        to_email: str,
        html_email_template_name: str | None = None,
    ) -> None:
        subject = "".join(loader.render_to_string(subject_template_name, context).splitlines())
        body = loader.render_to_string(email_template_name, context)
        queue_mail(to=to_email, subject=subject, body=body, user=context.get("user"))
