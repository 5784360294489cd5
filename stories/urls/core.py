from django.urls import path

from stories.views import stories

urlpatterns = [
    path("", stories.dashboard, name="dashboard"),
    path("stories/", stories.story_list, name="story_list"),
    path("stories/new/", stories.story_create, name="story_create"),
    path("stories/new/validate/", stories.story_validate, name="story_validate"),
    path("stories/<int:story_id>/", stories.story_detail, name="story_detail"),
    path("stories/<int:story_id>/edit/", stories.story_edit, name="story_edit"),
    path("stories/<int:story_id>/withdraw/", stories.story_withdraw, name="story_withdraw"),
]
