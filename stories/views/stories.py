# Placeholder while the foundation is being written; replaced in the same change.
from django.http import Http404


def _todo(*args, **kwargs):
    raise Http404


dashboard = story_list = story_create = story_validate = story_detail = story_edit = story_withdraw = _todo
