# Scaffold: replaced by the real moderation views.
from django.http import Http404


def _scaffold(*args, **kwargs):
    raise Http404


queue = _scaffold
