from django.urls import path

from stories.views import moderation

urlpatterns = [
    path("moderation/", moderation.queue, name="moderation_queue"),
    path("moderation/approve/", moderation.bulk_approve, name="moderation_bulk_approve"),
    path("moderation/<int:story_id>/approve/", moderation.approve, name="moderation_approve"),
    path("moderation/<int:story_id>/reject/", moderation.reject, name="moderation_reject"),
    path("moderation/<int:story_id>/hide/", moderation.hide, name="moderation_hide"),
    path("moderation/<int:story_id>/restore/", moderation.restore, name="moderation_restore"),
    path("moderation/<int:story_id>/redact/", moderation.redact, name="moderation_redact"),
    path(
        "moderation/<int:story_id>/dismiss-flags/",
        moderation.dismiss_flags,
        name="moderation_dismiss_flags",
    ),
    path("stories/<int:story_id>/flag/", moderation.flag, name="story_flag"),
]
