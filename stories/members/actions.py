"""Membership changes. Each one is recorded in the team's change log, in the same transaction."""

from __future__ import annotations

import datetime as dt
import secrets
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core import signing
from django.db import models, transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from stories.members.models import ChangeAction, Invitation, MembershipChange, token_hash
from stories.notifications.outbox import queue_mail
from stories.teams.models import Membership, Role, Team

SALT = "stories.members.invitation"
RATE_WINDOW = dt.timedelta(hours=1)


class MembershipError(Exception):
    """A change refused with a reason the person can act on."""


def label(user: Any) -> str:
    return user.get_full_name() or user.get_username()


def record(team: Team, action: str, subject: str, *, by: Any, detail: str = "") -> MembershipChange:
    return MembershipChange.objects.create(
        team=team, action=action, subject=subject[:254], detail=detail[:200], actor=by
    )


# --- invitations ------------------------------------------------------------------------


def invitations_left(by: Any, now: dt.datetime) -> int:
    sent = Invitation.objects.sent_by_since(by, now - RATE_WINDOW).count()
    return max(0, settings.INVITATIONS_PER_HOUR - sent)


def invite(team: Team, emails: list[str], *, role: str, by: Any) -> list[Invitation]:
    """Send one single-use link per address; a new link to an address replaces its open one."""
    now = timezone.now()
    if len(emails) > invitations_left(by, now):
        raise MembershipError(
            _("You can send %(n)d more invitations this hour; try fewer addresses or again later.")
            % {"n": invitations_left(by, now)}
        )
    sent = []
    with transaction.atomic():
        for email in emails:
            Invitation.objects.open().filter(team=team, email__iexact=email).update(revoked_at=now)
            raw = secrets.token_urlsafe(32)
            invitation = Invitation.objects.create(
                team=team,
                email=email,
                role=role,
                token_hash=token_hash(raw),
                invited_by=by,
                created_at=now,
                expires_at=now + dt.timedelta(days=settings.INVITATION_DAYS),
            )
            record(team, ChangeAction.INVITED, email, by=by, detail=str(Role(role).label))
            _mail_invitation(invitation, signing.dumps(raw, salt=SALT), by)
            sent.append(invitation)
    return sent


def _mail_invitation(invitation: Invitation, token: str, by: Any) -> None:
    context = {
        "team": invitation.team,
        "inviter": label(by),
        "url": settings.SITE_URL.rstrip("/") + reverse("invitation_accept", args=[token]),
        "days": settings.INVITATION_DAYS,
    }
    queue_mail(
        to=invitation.email,
        subject=render_to_string("members/invitation_subject.txt", context).strip(),
        body=render_to_string("members/invitation_email.txt", context),
    )


class LinkProblem(models.TextChoices):
    """Why an invitation link no longer works (the link page names it)."""

    NONE = ""
    TAMPERED = "tampered"
    EXPIRED = "expired"
    USED = "used"


@dataclass(frozen=True)
class Lookup:
    invitation: Invitation | None
    problem: LinkProblem


def look_up(token: str) -> Lookup:
    """The invitation a link stands for, or why it no longer works."""
    try:
        raw = signing.loads(token, salt=SALT, max_age=dt.timedelta(days=settings.INVITATION_DAYS))
    except signing.SignatureExpired:
        return Lookup(None, LinkProblem.EXPIRED)
    except signing.BadSignature:
        return Lookup(None, LinkProblem.TAMPERED)
    invitation = Invitation.objects.select_related("team").filter(token_hash=token_hash(str(raw))).first()
    if invitation is None:
        return Lookup(None, LinkProblem.TAMPERED)
    if invitation.accepted_at or invitation.revoked_at:
        return Lookup(invitation, LinkProblem.USED)
    if invitation.is_expired(timezone.now()):
        return Lookup(invitation, LinkProblem.EXPIRED)
    return Lookup(invitation, LinkProblem.NONE)


def accept(invitation: Invitation, user: Any) -> Membership:
    """Use the link (once: compare-and-set) and join the team; a current member keeps their role."""
    now = timezone.now()
    with transaction.atomic():
        used = Invitation.objects.open().filter(pk=invitation.pk, expires_at__gt=now)
        if not used.update(accepted_at=now, accepted_by=user):
            raise MembershipError(_("This invitation has already been used."))
        membership, created = Membership.objects.get_or_create(
            team=invitation.team, user=user, defaults={"role": invitation.role}
        )
        if created:
            record(invitation.team, ChangeAction.JOINED, label(user), by=user, detail=invitation.email)
    return membership


def create_account(invitation: Invitation, *, first_name: str, last_name: str, password: str) -> Any:
    """A new person's account: they sign in with the invited e-mail address."""
    user_model = get_user_model()
    return user_model.objects.create_user(
        username=invitation.email.lower(),
        email=invitation.email,
        password=password,
        first_name=first_name,
        last_name=last_name,
    )


def existing_account(invitation: Invitation) -> Any:
    return get_user_model().objects.filter(email__iexact=invitation.email, is_active=True).first()


# --- roles and removal ------------------------------------------------------------------


def _keeps_a_lead(membership: Membership) -> bool:
    others = Membership.objects.filter(team=membership.team, role=Role.LEAD).exclude(pk=membership.pk)
    return membership.role != Role.LEAD or others.exists()


def change_role(membership: Membership, role: str, *, by: Any) -> bool:
    if role == membership.role:
        return False
    if not _keeps_a_lead(membership):
        raise MembershipError(_("A team needs at least one lead: make someone else lead first."))
    with transaction.atomic():
        # Compare-and-set: of two leads changing the same role at once, the second is told.
        if not Membership.objects.filter(pk=membership.pk, role=membership.role).update(role=role):
            raise MembershipError(_("Someone else changed this member's role meanwhile."))
        detail = f"{Role(membership.role).label} → {Role(role).label}"
        record(membership.team, ChangeAction.ROLE_CHANGED, label(membership.user), by=by, detail=detail)
    membership.role = role
    return True


def remove(membership: Membership, *, by: Any) -> None:
    """Their stories stay, attributed as before (anonymous ones stay anonymous): only the membership goes."""
    if not _keeps_a_lead(membership):
        raise MembershipError(_("A team needs at least one lead: make someone else lead first."))
    with transaction.atomic():
        if not Membership.objects.filter(pk=membership.pk).delete()[0]:
            raise MembershipError(_("This person is no longer a member."))
        record(membership.team, ChangeAction.REMOVED, label(membership.user), by=by)
