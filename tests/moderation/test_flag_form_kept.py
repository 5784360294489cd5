"""The blank flag form is drawn once per app server; each story page still flags its own story,
with the page's own CSRF token."""

from __future__ import annotations

import pytest
from django.test import Client

from stories.core import fragments
from stories.models import Flag, Status
from tests.bodies import CSRF_TOKEN

FORM = "moderation/_flag_form.html"


@pytest.fixture
def form_renders(drawn):
    return drawn(FORM, pick=lambda context: context["story_pk"])


def _flag_form(html: str) -> str:
    return html[
        html.index("<summary>Flag this story</summary>") : html.index(
            "</details>", html.index("Flag this story")
        )
    ]


def test_it_draws_the_blank_form_once_per_story_and_flags_the_right_one(colleague, make_story, form_renders):
    first, second = make_story(Status.PUBLISHED), make_story(Status.PUBLISHED)
    client = Client(enforce_csrf_checks=True)
    client.force_login(colleague)
    client.get(f"/stories/{first.pk}/")
    html = client.get(f"/stories/{second.pk}/").content.decode()
    client.get(f"/stories/{second.pk}/")
    form = _flag_form(html)
    (token,) = CSRF_TOKEN.findall(form)

    assert form_renders == [first.pk, second.pk]
    assert fragments.CSRF_SLOT not in html
    assert f'action="/stories/{second.pk}/flag/"' in form
    response = client.post(f"/stories/{second.pk}/flag/", {"reason": "unfair", "csrfmiddlewaretoken": token})
    assert response.status_code == 302
    assert Flag.objects.filter(story=second, raised_by=colleague).exists()
    assert not Flag.objects.filter(story=first).exists()
