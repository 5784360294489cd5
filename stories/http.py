"""Request types for the type checker, and the access helper every story view shares."""

from django.contrib.auth.models import AnonymousUser, User
from django.http import Http404, HttpRequest
from django_htmx.middleware import HtmxDetails

from stories.models import Story


class HtmxHttpRequest(HttpRequest):
    htmx: HtmxDetails
    user: User | AnonymousUser  # type: ignore[assignment]


class AuthenticatedHttpRequest(HtmxHttpRequest):
    """A request behind @login_required."""

    user: User  # type: ignore[assignment]


def get_story_for_user(request: HttpRequest, story_id: int) -> Story:
    """The story if this user may see it; 404 otherwise, so outsiders learn nothing."""
    # The URL converter takes any run of digits; past 64 bits there is no such story (and
    # SQLite would overflow rather than find none).
    story = None
    if 0 < story_id < 2**63:
        story = Story.objects.select_related("team", "author").filter(pk=story_id).first()
    if story is None or not story.can_be_seen_by(request.user):
        raise Http404("No such story.")
    return story
