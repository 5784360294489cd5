from django.urls import path

from stories.views import karma

urlpatterns = [
    path("teams/<slug:slug>/karma/", karma.karma, name="karma"),
]
