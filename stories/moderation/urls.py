from django.urls import path

from stories.models import ModerationAction
from stories.moderation import views

# One view decides; each decision keeps its own URL and name (the queue's buttons post to them).
DECISION_URLS = {
    ModerationAction.APPROVE: ("approve", "moderation_approve"),
    ModerationAction.REJECT: ("reject", "moderation_reject"),
    ModerationAction.HIDE: ("hide", "moderation_hide"),
    ModerationAction.RESTORE: ("restore", "moderation_restore"),
    ModerationAction.REDACT: ("redact", "moderation_redact"),
    ModerationAction.DISMISS_FLAGS: ("dismiss-flags", "moderation_dismiss_flags"),
}

urlpatterns = [
    path("moderation/", views.queue, name="moderation_queue"),
    path("moderation/approve/", views.bulk_approve, name="moderation_bulk_approve"),
    *(
        path(f"moderation/<int:story_id>/{segment}/", views.decide, {"action": action}, name=name)
        for action, (segment, name) in DECISION_URLS.items()
    ),
    path("stories/<int:story_id>/flag/", views.flag, name="story_flag"),
]
