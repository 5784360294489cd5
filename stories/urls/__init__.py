"""URL patterns, one module per area of the product, so each area stays readable."""

from stories.urls import core, karma, moderation, retros

urlpatterns = [
    *core.urlpatterns,
    *moderation.urlpatterns,
    *retros.urlpatterns,
    *karma.urlpatterns,
]
