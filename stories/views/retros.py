# Scaffold: replaced by the real retros views.
from django.http import Http404


def _scaffold(*args, **kwargs):
    raise Http404


retro_list = _scaffold
trends = _scaffold
