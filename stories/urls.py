"""The product's URLs: each feature package keeps its own patterns; this joins them."""

from stories.karma import urls as karma
from stories.log import urls as log
from stories.moderation import urls as moderation
from stories.retros import urls as retros

urlpatterns = [
    *log.urlpatterns,
    *moderation.urlpatterns,
    *retros.urlpatterns,
    *karma.urlpatterns,
]
