"""Django admin for every model of the app.

Stories are never deleted: the delete permission is withdrawn and "hide" takes its place.
Status changes go through the same model methods as the moderation queue, so each one
writes its audit event; the history itself is read-only.
"""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib import admin, messages
from django.contrib.admin.helpers import ActionForm
from django.db.models import Count, Q, QuerySet
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from stories.models import (
    ActionItem,
    Flag,
    IllegalTransition,
    KarmaReminder,
    Membership,
    ModerationAction,
    ModerationEvent,
    Principle,
    Retro,
    RetroVote,
    SequelLink,
    Story,
    StoryPrinciple,
    Team,
)
from stories.models.story import is_moderator

# --- teams and the catalogue ---------------------------------------------------------------


class MembershipInline(admin.TabularInline):
    model = Membership
    extra = 1
    autocomplete_fields = ["user"]
    fields = ["user", "role", "created_at"]
    readonly_fields = ["created_at"]


@admin.register(Team)
class TeamAdmin(admin.ModelAdmin):
    list_display = ["name", "slug", "time_zone", "country", "moderation_mode", "member_count", "story_count"]
    list_filter = ["moderation_mode", "time_zone", "country"]
    search_fields = ["name", "slug"]
    prepopulated_fields = {"slug": ["name"]}
    inlines = [MembershipInline]

    def get_queryset(self, request: HttpRequest) -> QuerySet[Team]:
        return (
            super()
            .get_queryset(request)
            .annotate(
                member_total=Count("memberships", distinct=True),
                story_total=Count("stories", distinct=True),
            )
        )

    @admin.display(description=_("members"), ordering="member_total")
    def member_count(self, team: Any) -> int:
        return team.member_total

    @admin.display(description=_("stories"), ordering="story_total")
    def story_count(self, team: Any) -> int:
        return team.story_total


@admin.register(Membership)
class MembershipAdmin(admin.ModelAdmin):
    list_display = ["user", "team", "role", "created_at"]
    list_filter = ["role", "team"]
    search_fields = ["user__username", "user__first_name", "user__last_name", "team__name"]
    autocomplete_fields = ["user", "team"]
    list_select_related = ["user", "team"]


@admin.register(Principle)
class PrincipleAdmin(admin.ModelAdmin):
    list_display = ["position", "name", "slug", "summary", "active", "tag_count"]
    list_display_links = ["name"]
    list_editable = ["active"]
    list_filter = ["active"]
    search_fields = ["name", "slug", "summary", "description"]
    actions = ["retire", "reinstate"]

    def get_queryset(self, request: HttpRequest) -> QuerySet[Principle]:
        return super().get_queryset(request).annotate(tag_total=Count("tags"))

    def get_readonly_fields(self, request: HttpRequest, obj: Any = None) -> list[str]:
        # Code and old links refer to principles by slug: it is fixed once created.
        return ["slug"] if obj is not None else []

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        # Retire instead: a retired principle stays on the stories that carry it.
        return False

    @admin.display(description=_("tags"), ordering="tag_total")
    def tag_count(self, principle: Any) -> int:
        return principle.tag_total

    @admin.action(description=_("Retire the selected principles"))
    def retire(self, request: HttpRequest, queryset: QuerySet[Principle]) -> None:
        count = queryset.update(active=False)
        self.message_user(request, ngettext("%d principle retired.", "%d principles retired.", count) % count)

    @admin.action(description=_("Reinstate the selected principles"))
    def reinstate(self, request: HttpRequest, queryset: QuerySet[Principle]) -> None:
        count = queryset.update(active=True)
        self.message_user(
            request, ngettext("%d principle reinstated.", "%d principles reinstated.", count) % count
        )


# --- stories and moderation ------------------------------------------------------------------


class HasOpenFlagsFilter(admin.SimpleListFilter):
    title = _("open flags")
    parameter_name = "flagged"

    def lookups(self, request: HttpRequest, model_admin: Any) -> list[tuple[str, Any]]:
        return [("yes", _("Has open flags")), ("no", _("No open flags"))]

    def queryset(self, request: HttpRequest, queryset: QuerySet[Any]) -> QuerySet[Any]:
        if self.value() == "yes":
            return queryset.filter(pk__in=Story.objects.with_open_flags().values("pk"))
        if self.value() == "no":
            return queryset.exclude(pk__in=Story.objects.with_open_flags().values("pk"))
        return queryset


class StoryPrincipleInline(admin.TabularInline):
    model = StoryPrinciple
    extra = 0
    autocomplete_fields = ["principle"]


class FlagInline(admin.TabularInline):
    model = Flag
    extra = 0
    fields = readonly_fields = ("reason", "comment", "raised_by", "created_at", "resolved_at", "resolved_by")
    can_delete = False

    def has_add_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


class ModerationEventInline(admin.TabularInline):
    model = ModerationEvent
    extra = 0
    fields = readonly_fields = ("created_at", "action", "from_status", "to_status", "actor", "reason")
    can_delete = False
    verbose_name_plural = _("history")

    def has_add_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


class ReasonActionForm(ActionForm):
    reason = forms.CharField(
        label=_("Reason"),
        required=False,
        help_text=_("Required to reject; shown to the author."),
        widget=forms.TextInput(attrs={"size": 40}),
    )


@admin.register(Story)
class StoryAdmin(admin.ModelAdmin):
    list_display = ["title", "team", "author", "kind", "perspective", "status", "happened_on", "open_flags"]
    list_filter = ("status", "team", "kind", "perspective", HasOpenFlagsFilter, "channel", "anonymous")
    search_fields = ["title", "what_happened", "lesson", "client_nickname", "author__username", "team__name"]
    autocomplete_fields = ["team", "author"]
    list_select_related = ["team", "author"]
    date_hierarchy = "happened_on"
    inlines = [StoryPrincipleInline, FlagInline, ModerationEventInline]
    readonly_fields = ["status", "status_reason", "created_at", "updated_at", "published_at"]
    action_form = ReasonActionForm
    actions = ["approve", "reject", "hide", "restore", "redact"]

    def get_queryset(self, request: HttpRequest) -> QuerySet[Story]:
        return (
            super()
            .get_queryset(request)
            .annotate(open_flag_total=Count("flags", filter=Q(flags__resolved_at__isnull=True)))
        )

    def get_actions(self, request: HttpRequest) -> dict[str, Any]:
        actions = super().get_actions(request)
        actions.pop("delete_selected", None)
        return actions

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        # Nothing is ever silently deleted: hide the story instead.
        return False

    def has_moderate_permission(self, request: HttpRequest) -> bool:
        return is_moderator(request.user)

    @admin.display(description=_("open flags"), ordering="open_flag_total")
    def open_flags(self, story: Any) -> int:
        return story.open_flag_total

    def save_model(self, request: HttpRequest, obj: Story, form: Any, change: bool) -> None:
        super().save_model(request, obj, form, change)
        if not change:
            obj.submit(by=request.user, personal_data=bool(obj.personal_data_kinds))
        elif form.changed_data:
            # An admin edit is part of the story's history too (field names, never values).
            ModerationEvent.objects.create(
                story=obj,
                actor=request.user if request.user.is_authenticated else None,
                action=ModerationAction.EDIT,
                from_status=obj.status,
                to_status=obj.status,
                reason=_("Edited in admin: %(fields)s.") % {"fields": ", ".join(form.changed_data)},
            )

    def _apply(self, request: HttpRequest, queryset: QuerySet[Story], move: Any, done: Any) -> None:
        succeeded = 0
        for story in queryset.select_related("team"):
            try:
                move(story)
            except IllegalTransition as refused:
                self.message_user(request, f"“{story}”: {refused}", messages.WARNING)
            else:
                succeeded += 1
        if succeeded:
            self.message_user(request, done % {"count": succeeded}, messages.SUCCESS)

    @admin.action(description=_("Approve the selected stories"), permissions=["moderate"])
    def approve(self, request: HttpRequest, queryset: QuerySet[Story]) -> None:
        self._apply(request, queryset, lambda s: s.approve(by=request.user), _("%(count)d approved."))

    @admin.action(description=_("Reject the selected stories (give a reason)"), permissions=["moderate"])
    def reject(self, request: HttpRequest, queryset: QuerySet[Story]) -> None:
        reason = request.POST.get("reason", "").strip()
        if not reason:
            self.message_user(request, _("A rejection needs a reason the author can act on."), messages.ERROR)
            return
        self._apply(
            request, queryset, lambda s: s.reject(by=request.user, reason=reason), _("%(count)d rejected.")
        )

    @admin.action(description=_("Hide the selected stories (instead of deleting)"), permissions=["moderate"])
    def hide(self, request: HttpRequest, queryset: QuerySet[Story]) -> None:
        reason = request.POST.get("reason", "").strip()
        self._apply(
            request, queryset, lambda s: s.hide(by=request.user, reason=reason), _("%(count)d hidden.")
        )

    @admin.action(description=_("Restore the selected hidden stories"), permissions=["moderate"])
    def restore(self, request: HttpRequest, queryset: QuerySet[Story]) -> None:
        self._apply(request, queryset, lambda s: s.restore(by=request.user), _("%(count)d restored."))

    @admin.action(description=_("Redact personal data from the selected stories"), permissions=["moderate"])
    def redact(self, request: HttpRequest, queryset: QuerySet[Story]) -> None:
        self._apply(request, queryset, lambda s: s.redact(by=request.user), _("%(count)d redacted."))


@admin.register(StoryPrinciple)
class StoryPrincipleAdmin(admin.ModelAdmin):
    list_display = ["story", "principle", "verdict"]
    list_filter = ["verdict", "principle"]
    search_fields = ["story__title", "principle__name"]
    autocomplete_fields = ["story", "principle"]
    list_select_related = ["story", "principle"]


@admin.register(ModerationEvent)
class ModerationEventAdmin(admin.ModelAdmin):
    """The audit log: read-only for everyone, superusers included."""

    list_display = ["created_at", "story", "action", "from_status", "to_status", "actor", "reason"]
    list_filter = ["action", "to_status", "story__team"]
    search_fields = ["story__title", "reason", "actor__username"]
    list_select_related = ["story", "actor"]
    date_hierarchy = "created_at"

    def get_readonly_fields(self, request: HttpRequest, obj: Any = None) -> list[str]:
        return [field.name for field in ModerationEvent._meta.fields]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


class OpenFlagFilter(admin.SimpleListFilter):
    title = _("state")
    parameter_name = "state"

    def lookups(self, request: HttpRequest, model_admin: Any) -> list[tuple[str, Any]]:
        return [("open", _("Open")), ("resolved", _("Resolved"))]

    def queryset(self, request: HttpRequest, queryset: QuerySet[Any]) -> QuerySet[Any]:
        if self.value() == "open":
            return queryset.filter(resolved_at__isnull=True)
        if self.value() == "resolved":
            return queryset.filter(resolved_at__isnull=False)
        return queryset


@admin.register(Flag)
class FlagAdmin(admin.ModelAdmin):
    """Flags are raised in the app and decided by moderation; here they are read and dismissed."""

    list_display = ["story", "reason", "raised_by", "created_at", "resolved_at", "resolved_by"]
    list_filter = (OpenFlagFilter, "reason", "story__team")
    search_fields = ["story__title", "comment", "raised_by__username"]
    list_select_related = ["story", "raised_by", "resolved_by"]
    autocomplete_fields = ["story", "raised_by", "resolved_by"]
    actions = ["dismiss"]

    def get_readonly_fields(self, request: HttpRequest, obj: Any = None) -> list[str]:
        return [field.name for field in Flag._meta.fields]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_moderate_permission(self, request: HttpRequest) -> bool:
        return is_moderator(request.user)

    @admin.action(description=_("Dismiss the open flags of these stories"), permissions=["moderate"])
    def dismiss(self, request: HttpRequest, queryset: QuerySet[Flag]) -> None:
        stories = Story.objects.filter(pk__in=queryset.filter(resolved_at__isnull=True).values("story"))
        dismissed = 0
        for story in stories:
            try:
                story.dismiss_flags(by=request.user)
            except IllegalTransition as refused:
                self.message_user(request, f"“{story}”: {refused}", messages.WARNING)
            else:
                dismissed += 1
        self.message_user(
            request,
            ngettext("Flags dismissed on %d story.", "Flags dismissed on %d stories.", dismissed) % dismissed,
        )


# --- retros and karma --------------------------------------------------------------------------


class ActionItemInline(admin.TabularInline):
    model = ActionItem
    extra = 0
    fields = ["text", "owner", "due_on", "done_at"]
    autocomplete_fields = ["owner"]


class ClosedFilter(admin.SimpleListFilter):
    title = _("closed")
    parameter_name = "closed"

    def lookups(self, request: HttpRequest, model_admin: Any) -> list[tuple[str, Any]]:
        return [("yes", _("Closed")), ("no", _("Open"))]

    def queryset(self, request: HttpRequest, queryset: QuerySet[Any]) -> QuerySet[Any]:
        if self.value() in {"yes", "no"}:
            return queryset.filter(closed_at__isnull=self.value() == "no")
        return queryset


@admin.register(Retro)
class RetroAdmin(admin.ModelAdmin):
    list_display = ["__str__", "team", "month", "closed_at", "closed_by", "vote_count"]
    list_filter = (ClosedFilter, "team")
    search_fields = ["team__name", "notes"]
    autocomplete_fields = ["team", "closed_by"]
    list_select_related = ["team", "closed_by"]
    date_hierarchy = "month"
    # The snapshot is what a closed retro froze: history must not be rewritten by hand.
    readonly_fields = ["snapshot", "created_at"]
    inlines = [ActionItemInline]

    def get_queryset(self, request: HttpRequest) -> QuerySet[Retro]:
        return super().get_queryset(request).annotate(vote_total=Count("votes"))

    @admin.display(description=_("votes"), ordering="vote_total")
    def vote_count(self, retro: Any) -> int:
        return retro.vote_total

    def save_formset(self, request: HttpRequest, form: Any, formset: Any, change: bool) -> None:
        items = formset.save(commit=False)
        for item in items:
            # The inline leaves the team out: a new item belongs to the retro's team.
            if isinstance(item, ActionItem) and not item.team_id:
                item.team = form.instance.team
                item.created_by = item.created_by or (request.user if request.user.is_authenticated else None)
            item.save()
        for item in formset.deleted_objects:
            item.delete()
        formset.save_m2m()


@admin.register(RetroVote)
class RetroVoteAdmin(admin.ModelAdmin):
    list_display = ["retro", "story", "voter", "created_at"]
    list_filter = ["retro__team"]
    search_fields = ["story__title", "voter__username"]
    autocomplete_fields = ["retro", "story", "voter"]
    list_select_related = ["retro__team", "story", "voter"]


class DoneFilter(admin.SimpleListFilter):
    title = _("done")
    parameter_name = "done"

    def lookups(self, request: HttpRequest, model_admin: Any) -> list[tuple[str, Any]]:
        return [("yes", _("Done")), ("no", _("Open"))]

    def queryset(self, request: HttpRequest, queryset: QuerySet[Any]) -> QuerySet[Any]:
        if self.value() in {"yes", "no"}:
            return queryset.filter(done_at__isnull=self.value() == "no")
        return queryset


@admin.register(ActionItem)
class ActionItemAdmin(admin.ModelAdmin):
    list_display = ["text", "team", "retro", "owner", "due_on", "done_at"]
    list_filter = (DoneFilter, "team")
    search_fields = ["text", "owner__username", "team__name"]
    autocomplete_fields = ["team", "retro", "owner", "created_by"]
    list_select_related = ["team", "retro__team", "owner"]
    date_hierarchy = "due_on"


@admin.register(SequelLink)
class SequelLinkAdmin(admin.ModelAdmin):
    list_display = ["sequel", "original", "outcome", "created_by", "created_at"]
    list_filter = ["outcome", "original__team"]
    search_fields = ["original__title", "sequel__title"]
    autocomplete_fields = ["original", "sequel", "created_by"]
    list_select_related = ["original", "sequel", "created_by"]


@admin.register(KarmaReminder)
class KarmaReminderAdmin(admin.ModelAdmin):
    list_display = ["story", "milestone", "sent_at", "skipped"]
    list_filter = ["milestone", "skipped", "story__team"]
    search_fields = ["story__title"]
    autocomplete_fields = ["story"]
    list_select_related = ["story"]
