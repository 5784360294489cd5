from django.urls import path

from stories.karma import views

urlpatterns = [
    path("teams/<slug:slug>/karma/", views.karma, name="karma"),
    path("stories/suggest-originals/", views.suggest_originals, name="karma_suggestions"),
    path("stories/<int:story_id>/sequels/link/", views.sequel_link, name="sequel_link"),
    path("stories/<int:story_id>/karma/close/", views.karma_close, {"closed": True}, name="karma_close"),
    path("stories/<int:story_id>/karma/reopen/", views.karma_close, {"closed": False}, name="karma_reopen"),
]
