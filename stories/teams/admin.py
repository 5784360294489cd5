"""Admin for teams, memberships and the principle catalogue."""

from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.db.models import Count, QuerySet
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from stories.models import (
    Membership,
    Principle,
    Team,
)


class MembershipInline(admin.TabularInline):
    model = Membership
    extra = 1
    autocomplete_fields = ["user"]
    fields = ["user", "role", "created_at"]
    readonly_fields = ["created_at"]


@admin.register(Team)
class TeamAdmin(admin.ModelAdmin):
    list_display = [
        "name",
        "slug",
        "time_zone",
        "country",
        "language",
        "moderation_mode",
        "member_count",
        "story_count",
    ]
    list_filter = ["moderation_mode", "time_zone", "country", "language"]
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
