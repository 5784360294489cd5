"""The product's URLs: each feature package keeps its own patterns; this joins them."""

from stories.accounts import urls as accounts
from stories.karma import urls as karma
from stories.log import urls as log
from stories.members import urls as members
from stories.moderation import urls as moderation
from stories.notifications import urls as notifications
from stories.retros import urls as retros

urlpatterns = [
    *log.urlpatterns,
    *moderation.urlpatterns,
    *retros.urlpatterns,
    *karma.urlpatterns,
    *members.urlpatterns,
    *accounts.urlpatterns,
    *notifications.urlpatterns,
]
