"""Admin for stories and their moderation.

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

from stories.core.admin import HidesWithdrawnStories, moment_filter
from stories.core.policy import is_moderator
from stories.karma.models import refresh_sequel_dates_after_redating
from stories.models import (
    Flag,
    IllegalTransition,
    ModerationAction,
    ModerationEvent,
    Status,
    Story,
    StoryPrinciple,
)
from stories.moderation.moves import is_legal


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
class StoryAdmin(HidesWithdrawnStories, admin.ModelAdmin):
    withdrawn_paths = ("status",)
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
        # Filtered to one status, the list offers only the moves legal from it.
        status = request.GET.get("status__exact")
        if status in Status.values:
            actions = {name: action for name, action in actions.items() if is_legal(name, status)}
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
            if "happened_on" in form.changed_data:
                refresh_sequel_dates_after_redating(obj)
            # An admin edit is part of the story's history too (field names, never values).
            obj.record_event(
                ModerationAction.EDIT,
                request.user,
                _("Edited in admin: %(fields)s.") % {"fields": ", ".join(form.changed_data)},
            )

    def save_related(self, request: HttpRequest, form: Any, formsets: Any, change: bool) -> None:
        super().save_related(request, form, formsets, change)
        if change:
            # Fields and tags edited here change the figures like a move does: the team's
            # before and after, should the story have moved to another team.
            before = form.initial.get("team")
            form.instance.announce_change(*([before] if isinstance(before, int) else []), any_month=True)

    def _apply(
        self, request: HttpRequest, queryset: QuerySet[Story], action: str, done: Any, reason: str = ""
    ) -> None:
        succeeded = 0
        for story in queryset.select_related("team"):
            if not is_legal(action, story.status):
                refused = IllegalTransition.refused(action, story.status)
                self.message_user(request, f"“{story}”: {refused}", messages.WARNING)
                continue
            try:
                story.decide(action, by=request.user, reason=reason)
            except IllegalTransition as refused:
                self.message_user(request, f"“{story}”: {refused}", messages.WARNING)
            else:
                succeeded += 1
        if succeeded:
            self.message_user(request, done % {"count": succeeded}, messages.SUCCESS)

    @admin.action(description=_("Approve the selected stories"), permissions=["moderate"])
    def approve(self, request: HttpRequest, queryset: QuerySet[Story]) -> None:
        self._apply(request, queryset, ModerationAction.APPROVE, _("%(count)d approved."))

    @admin.action(description=_("Reject the selected stories (give a reason)"), permissions=["moderate"])
    def reject(self, request: HttpRequest, queryset: QuerySet[Story]) -> None:
        reason = request.POST.get("reason", "").strip()
        if not reason:
            self.message_user(request, _("A rejection needs a reason the author can act on."), messages.ERROR)
            return
        self._apply(request, queryset, ModerationAction.REJECT, _("%(count)d rejected."), reason=reason)

    @admin.action(description=_("Hide the selected stories (instead of deleting)"), permissions=["moderate"])
    def hide(self, request: HttpRequest, queryset: QuerySet[Story]) -> None:
        reason = request.POST.get("reason", "").strip()
        self._apply(request, queryset, ModerationAction.HIDE, _("%(count)d hidden."), reason=reason)

    @admin.action(description=_("Restore the selected hidden stories"), permissions=["moderate"])
    def restore(self, request: HttpRequest, queryset: QuerySet[Story]) -> None:
        self._apply(request, queryset, ModerationAction.RESTORE, _("%(count)d restored."))

    @admin.action(description=_("Redact personal data from the selected stories"), permissions=["moderate"])
    def redact(self, request: HttpRequest, queryset: QuerySet[Story]) -> None:
        self._apply(request, queryset, ModerationAction.REDACT, _("%(count)d redacted."))


@admin.register(StoryPrinciple)
class StoryPrincipleAdmin(HidesWithdrawnStories, admin.ModelAdmin):
    list_display = ["story", "principle", "verdict"]
    list_filter = ["verdict", "principle"]
    search_fields = ["story__title", "principle__name"]
    autocomplete_fields = ["story", "principle"]
    list_select_related = ["story", "principle"]

    def save_model(self, request: HttpRequest, obj: StoryPrinciple, form: Any, change: bool) -> None:
        super().save_model(request, obj, form, change)
        obj.story.announce_change()

    def delete_model(self, request: HttpRequest, obj: StoryPrinciple) -> None:
        super().delete_model(request, obj)
        obj.story.announce_change()

    def delete_queryset(self, request: HttpRequest, queryset: QuerySet[StoryPrinciple]) -> None:
        stories = list(Story.objects.filter(pk__in=queryset.values("story_id")).only("team", "happened_on"))
        super().delete_queryset(request, queryset)
        for story in stories:
            story.announce_change()


@admin.register(ModerationEvent)
class ModerationEventAdmin(HidesWithdrawnStories, admin.ModelAdmin):
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


OpenFlagFilter = moment_filter(
    _("state"), "state", "resolved_at", {"open": (_("Open"), False), "resolved": (_("Resolved"), True)}
)


@admin.register(Flag)
class FlagAdmin(HidesWithdrawnStories, admin.ModelAdmin):
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
