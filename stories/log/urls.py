from django.urls import path

from stories.log import views

urlpatterns = [
    path("", views.dashboard, name="dashboard"),
    path("stories/", views.story_list, name="story_list"),
    path("stories/new/", views.story_create, name="story_create"),
    path("stories/new/validate/", views.story_validate, name="story_validate"),
    path("stories/<int:story_id>/", views.story_detail, name="story_detail"),
    path("stories/<int:story_id>/edit/", views.story_edit, name="story_edit"),
    path("stories/<int:story_id>/withdraw/", views.story_withdraw, name="story_withdraw"),
]
