"""URL patterns, one module per area of the product, so each area stays readable."""

from stories.accounts import urls as accounts
from stories.members import urls as members
from stories.notifications import urls as notifications
from stories.urls import core, karma, moderation, retros

urlpatterns = [
    *core.urlpatterns,
    *moderation.urlpatterns,
    *retros.urlpatterns,
    *karma.urlpatterns,
    *members.urlpatterns,
    *accounts.urlpatterns,
    *notifications.urlpatterns,
]
