"""The matched words are marked in the list, and everything a person typed stays escaped."""

from tests.factories import StoryFactory
from tests.log.searching import URL


def _page(client, q):
    return client.get(URL, {"q": q}).content.decode()


def test_it_marks_the_matched_word_in_title_and_text(member_client, team):
    StoryFactory(team=team, title="The umbrella we lent", what_happened="Two umbrellas, both returned.")
    page = _page(member_client, "umbrellas")
    assert "The <mark>umbrella</mark> we lent" in page
    assert "Two <mark>umbrellas</mark>, both returned." in page


def test_it_escapes_markup_around_and_inside_a_match(member_client, team):
    StoryFactory(
        team=team,
        title="<b>umbrella</b> & <script>alert(1)</script>",
        what_happened='"><img src=x onerror=alert(1)> umbrella',
    )
    page = _page(member_client, "umbrella")
    assert "<script>alert(1)" not in page
    assert "<img src=x" not in page
    assert "&lt;b&gt;<mark>umbrella</mark>&lt;/b&gt; &amp; &lt;script&gt;" in page


def test_it_never_turns_typed_marker_characters_into_marks(member_client, team):
    StoryFactory(team=team, title="Umbrella \ue000stolen\ue001 \ue000", what_happened="Rain.")
    page = _page(member_client, "umbrella")
    assert page.count("<mark>") == page.count("</mark>") == 1


def test_it_marks_nothing_without_a_search(member_client, team):
    StoryFactory(team=team, title="The umbrella we lent")
    assert "<mark>" not in member_client.get(URL).content.decode()
