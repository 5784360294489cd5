"""No text a person can type (or a script can send) makes the story form fail with a 500."""

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from stories.log.forms import StoryForm
from stories.models import Story
from tests.log.story_forms import story_post

text = st.one_of(
    st.text(max_size=300),
    st.text(alphabet=st.characters(codec="utf-8"), max_size=50).map(lambda s: s + "\x00"),
    st.sampled_from(["", " ", "\x00", "<script>alert(1)</script>", "'; DROP TABLE stories;--", "9" * 40]),
)


@pytest.mark.django_db
@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(title=text, what_happened=text, nickname=text, happened_on=text, kind=text, redact=st.booleans())
def test_it_never_fails_on_any_text(
    member_client, team, title, what_happened, nickname, happened_on, kind, redact
):
    data = story_post(
        team,
        title=title,
        what_happened=what_happened,
        client_nickname=nickname,
        happened_on=happened_on,
        kind=kind,
    )
    if redact:
        data["redact"] = "all"
    response = member_client.post("/stories/new/", data)
    assert response.status_code in (200, 302)
    if response.status_code == 200:
        assert isinstance(response.context["form"], StoryForm)


@pytest.mark.django_db
def test_it_answers_a_megabyte_field_with_a_message(member_client, team):
    megabyte = "x" * 1_000_000
    response = member_client.post("/stories/new/", story_post(team, what_happened=megabyte, title=megabyte))
    assert response.status_code == 200
    errors = response.context["form"].errors
    assert "what_happened" in errors
    assert "title" in errors


@pytest.mark.django_db
def test_it_answers_nul_bytes_with_a_message(member_client, team):
    # One-line fields turn control characters into spaces: nothing typed is lost, no NUL is stored.
    response = member_client.post("/stories/new/", story_post(team, title="bad\x00title"))
    assert response.status_code == 302
    assert Story.objects.get().title == "bad title"
