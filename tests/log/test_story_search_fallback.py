"""SQLite's search ignores case and a plural "s" (what the words are found by: test_search_words.py)."""

import pytest

from stories.log.search import fallback_stems, search_stem


@pytest.mark.parametrize(
    ("word", "stem"),
    [("Umbrellas", "Umbrella"), ("umbrella", "umbrella"), ("bus", "bus"), ("glass", "glass")],
)
def test_it_drops_a_plural_s(word, stem):
    assert search_stem(word) == stem


def test_it_reads_words_without_quotes_punctuation_or_minus_words():
    assert fallback_stems('"lost umbrellas", refunds -parcel or cards') == [
        "lost",
        "umbrella",
        "refund",
        "card",
    ]
