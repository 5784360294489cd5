from django.urls import path

from stories.views import moderation

urlpatterns = [
    path("moderation/", moderation.queue, name="moderation_queue"),
]
