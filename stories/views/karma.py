# Scaffold: replaced by the real karma views.
from django.http import Http404


def _scaffold(*args, **kwargs):
    raise Http404


karma = _scaffold
