"""The story form warns about customer personal data, offers redaction, and holds it if kept."""

from stories.models import ModerationAction, Status, Story
from tests.log.story_forms import story_post

URL = "/stories/new/"
TEXT = "The customer left her number 07700 900123 so we could call back."


def test_it_warns_beside_the_field_and_saves_nothing(member_client, team):
    response = member_client.post(URL, story_post(team, what_happened=TEXT))
    assert response.status_code == 200
    assert not Story.objects.exists()
    errors = response.context["form"].errors["what_happened"]
    assert "a phone number" in errors[0]
    assert "07700 900123" in response.content.decode()  # what was typed is not lost


def test_it_redacts_on_one_click(member_client, team):
    response = member_client.post(URL, {**story_post(team, what_happened=TEXT), "redact": "all"})
    assert response.status_code == 200
    assert not Story.objects.exists()
    html = response.content.decode()
    assert "07700 900123" not in html
    assert "left her number [phone] so we could" in html


def test_it_holds_a_story_kept_with_personal_data_whatever_the_mode(member_client, team):
    assert team.moderation_mode == "post"
    member_client.post(URL, {**story_post(team, what_happened=TEXT), "keep_personal_data": "on"})
    story = Story.objects.get()
    assert story.status == Status.PENDING
    assert story.status_reason == "personal data"
    assert story.events.get().action == ModerationAction.HOLD


def test_it_validates_one_field_on_blur_with_htmx(member_client, team):
    data = {**story_post(team, what_happened=TEXT), "_field": "what_happened"}
    response = member_client.post("/stories/new/validate/", data, headers={"HX-Request": "true"})
    html = response.content.decode()
    assert response.status_code == 200
    assert html.lstrip().startswith('<div id="field-what_happened"')
    assert "a phone number" in html
    assert "Redact it" in html
    assert "<html" not in html


def test_it_redacts_one_field_with_htmx(member_client, team):
    data = {**story_post(team, what_happened=TEXT), "redact": "what_happened"}
    html = member_client.post("/stories/new/validate/", data, headers={"HX-Request": "true"}).content.decode()
    assert "[phone]" in html
    assert "07700" not in html


def test_it_refuses_to_validate_an_unknown_field(member_client, team):
    response = member_client.post("/stories/new/validate/", {**story_post(team), "_field": "author"})
    assert response.status_code == 404


def test_it_needs_login_and_post_to_validate(client, member_client, db):
    assert client.post("/stories/new/validate/").status_code == 302
    assert member_client.get("/stories/new/validate/").status_code == 405


def test_it_redacts_only_the_field_whose_button_was_pressed_without_javascript(member_client, team):
    data = {
        **story_post(team, what_happened=TEXT, lesson="Mail me at jo@example.com"),
        "redact": "what_happened",
    }
    html = member_client.post(URL, data).content.decode()
    assert "left her number [phone] so we could" in html
    assert "jo@example.com" in html
