from django.urls import path

from stories.moderation import views

urlpatterns = [
    path("moderation/", views.queue, name="moderation_queue"),
    path("moderation/approve/", views.bulk_approve, name="moderation_bulk_approve"),
    path("moderation/<int:story_id>/approve/", views.approve, name="moderation_approve"),
    path("moderation/<int:story_id>/reject/", views.reject, name="moderation_reject"),
    path("moderation/<int:story_id>/hide/", views.hide, name="moderation_hide"),
    path("moderation/<int:story_id>/restore/", views.restore, name="moderation_restore"),
    path("moderation/<int:story_id>/redact/", views.redact, name="moderation_redact"),
    path(
        "moderation/<int:story_id>/dismiss-flags/",
        views.dismiss_flags,
        name="moderation_dismiss_flags",
    ),
    path("stories/<int:story_id>/flag/", views.flag, name="story_flag"),
]
