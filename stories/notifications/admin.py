"""The outbox and notifications in the admin: failed mail stays visible, with its error, until sent."""

from __future__ import annotations

from typing import Any

from django.contrib import admin, messages
from django.db.models import QuerySet
from django.http import HttpRequest

from stories.accounts.models import Profile
from stories.members.models import Invitation, MembershipChange
from stories.notifications.models import MailStatus, Notification, OutgoingMail


@admin.register(OutgoingMail)
class OutgoingMailAdmin(admin.ModelAdmin):
    list_display = ["subject", "to", "status", "attempts", "created_at", "next_attempt_at", "sent_at"]
    list_filter = ["status"]
    search_fields = ["to", "subject"]
    readonly_fields = ["user", "attempts", "last_error", "created_at", "last_attempt_at", "sent_at"]
    actions = ["retry_now"]

    @admin.action(description="Retry the selected unsent mail now")
    def retry_now(self, request: HttpRequest, queryset: QuerySet[OutgoingMail]) -> None:
        from stories.notifications.tasks import send_outgoing_mail

        unsent = list(queryset.exclude(status=MailStatus.SENT).values_list("pk", flat=True))
        queryset.filter(pk__in=unsent).update(status=MailStatus.FAILED)
        for mail_id in unsent:
            send_outgoing_mail.enqueue(mail_id)
        messages.info(request, f"{len(unsent)} mail(s) queued again.")


@admin.register(Notification)
class NotificationAdmin(admin.ModelAdmin):
    list_display = ["title", "user", "kind", "in_app", "email_state", "created_at", "read_at"]
    list_filter = ["kind", "email_state", "in_app"]
    search_fields = ["title", "user__username"]
    list_select_related = ["user"]
    raw_id_fields = ["user", "mail"]


@admin.register(Invitation)
class InvitationAdmin(admin.ModelAdmin):
    list_display = [
        "email",
        "team",
        "role",
        "invited_by",
        "created_at",
        "expires_at",
        "accepted_at",
        "revoked_at",
    ]
    list_filter = ["team", "role"]
    search_fields = ["email"]
    list_select_related = ["team", "invited_by"]
    readonly_fields = ["token_hash"]

    def has_add_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False  # invitations are sent from the members page, which mails the link


@admin.register(MembershipChange)
class MembershipChangeAdmin(admin.ModelAdmin):
    list_display = ["created_at", "team", "subject", "action", "detail", "actor"]
    list_filter = ["team", "action"]
    list_select_related = ["team", "actor"]


@admin.register(Profile)
class ProfileAdmin(admin.ModelAdmin):
    list_display = ["user", "language"]
    raw_id_fields = ["user"]
