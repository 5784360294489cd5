from django.urls import path

from stories.views import retros

urlpatterns = [
    path("teams/<slug:slug>/retros/", retros.retro_list, name="retro_list"),
    path("teams/<slug:slug>/trends/", retros.trends, name="trends"),
]
