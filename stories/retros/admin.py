"""Admin for retros, votes and action items."""

from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.db.models import Count, QuerySet
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _

from stories.core.admin import HidesWithdrawnStories, moment_filter
from stories.models import (
    ActionItem,
    Retro,
    RetroVote,
)


class ActionItemInline(admin.TabularInline):
    model = ActionItem
    extra = 0
    fields = ["text", "owner", "due_on", "done_at"]
    autocomplete_fields = ["owner"]


ClosedFilter = moment_filter(
    _("closed"), "closed", "closed_at", {"yes": (_("Closed"), True), "no": (_("Open"), False)}
)


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
class RetroVoteAdmin(HidesWithdrawnStories, admin.ModelAdmin):
    list_display = ["retro", "story", "voter", "created_at"]
    list_filter = ["retro__team"]
    search_fields = ["story__title", "voter__username"]
    autocomplete_fields = ["retro", "story", "voter"]
    list_select_related = ["retro__team", "story", "voter"]


DoneFilter = moment_filter(_("done"), "done", "done_at", {"yes": (_("Done"), True), "no": (_("Open"), False)})


@admin.register(ActionItem)
class ActionItemAdmin(admin.ModelAdmin):
    list_display = ["text", "team", "retro", "owner", "due_on", "done_at"]
    list_filter = (DoneFilter, "team")
    search_fields = ["text", "owner__username", "team__name"]
    autocomplete_fields = ["team", "retro", "owner", "created_by"]
    list_select_related = ["team", "retro__team", "owner"]
    date_hierarchy = "due_on"
