from django.urls import path

from stories.views import karma

urlpatterns = [
    path("teams/<slug:slug>/karma/", karma.karma, name="karma"),
    path("stories/suggest-originals/", karma.suggest_originals, name="karma_suggestions"),
    path("stories/<int:story_id>/sequels/link/", karma.sequel_link, name="sequel_link"),
    path("stories/<int:story_id>/karma/close/", karma.karma_close, name="karma_close"),
    path("stories/<int:story_id>/karma/reopen/", karma.karma_reopen, name="karma_reopen"),
]
