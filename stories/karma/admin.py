"""Admin for sequel links and karma reminders."""

from __future__ import annotations

from django.contrib import admin

from stories.core.admin import HidesWithdrawnStories
from stories.models import (
    KarmaReminder,
    SequelLink,
)


@admin.register(SequelLink)
class SequelLinkAdmin(HidesWithdrawnStories, admin.ModelAdmin):
    withdrawn_paths = ("original__status", "sequel__status")
    list_display = ["sequel", "original", "outcome", "created_by", "created_at"]
    list_filter = ["outcome", "original__team"]
    search_fields = ["original__title", "sequel__title"]
    autocomplete_fields = ["original", "sequel", "created_by"]
    list_select_related = ["original", "sequel", "created_by"]


@admin.register(KarmaReminder)
class KarmaReminderAdmin(HidesWithdrawnStories, admin.ModelAdmin):
    list_display = ["story", "milestone", "sent_at", "skipped"]
    list_filter = ["milestone", "skipped", "story__team"]
    search_fields = ["story__title"]
    autocomplete_fields = ["story"]
    list_select_related = ["story"]
