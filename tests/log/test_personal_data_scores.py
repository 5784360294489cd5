"""The personal-data guard measured on the whole labelled corpus: per kind, on clean lines, and for speed.

Run with -s to see the figures (they are also in the README):
.venv/bin/pytest tests/test_personal_data_scores.py -s
"""

from __future__ import annotations

import time
from collections import Counter

from stories.log.personal_data import PersonalDataKind, kinds_found
from tests.log.personal_data_corpus import CORPUS
from tests.log.personal_data_corpus_clean_1 import CLEAN as CLEAN_1
from tests.log.personal_data_corpus_clean_2 import CLEAN as CLEAN_2
from tests.log.personal_data_corpus_kinds import EMAILS_CARDS_IBANS
from tests.log.personal_data_corpus_phones import PHONES

LINES: list[tuple[str, set[str], str]] = [
    *((text, kinds, "") for text, kinds in CORPUS),
    *PHONES,
    *EMAILS_CARDS_IBANS,
    *CLEAN_1,
    *CLEAN_2,
]
RECALL_BAR = 0.99
PRECISION_BAR = 0.97
CLEAN_FLAGGED_BAR = 0.03
COUNTRIES = {"GB", "IE", "US", "CA", "IN", "AU", "NZ", "DE", "FR", "ES", "IT", "NL", "AT", "CH", "JP", "SG"}


def _measure() -> tuple[dict[str, tuple[float, float, int]], float, list[str]]:
    true_positives: Counter[str] = Counter()
    false_positives: Counter[str] = Counter()
    false_negatives: Counter[str] = Counter()
    clean_flagged = 0
    disagreements = []
    for text, expected, country in LINES:
        found = {kind.value for kind in kinds_found(text, country)}
        true_positives.update(found & expected)
        false_positives.update(found - expected)
        false_negatives.update(expected - found)
        clean_flagged += bool(found and not expected)
        if found != expected:
            disagreements.append(
                f"{text!r} ({country or 'no country'}): expected {sorted(expected)}, found {sorted(found)}"
            )
    scores = {}
    for kind in PersonalDataKind:
        hits = true_positives[kind.value]
        precision = hits / ((hits + false_positives[kind.value]) or 1)
        recall = hits / ((hits + false_negatives[kind.value]) or 1)
        scores[kind.value] = (precision, recall, hits + false_negatives[kind.value])
    clean = [line for line in LINES if not line[1]]
    return scores, clean_flagged / len(clean), disagreements


def test_it_has_a_corpus_of_at_least_800_lines_with_400_clean_and_16_countries_phones():
    assert len(LINES) >= 800
    assert sum(1 for _, kinds, _ in LINES if not kinds) >= 400
    assert {country for _, kinds, country in LINES if kinds == {"phone"}} >= COUNTRIES
    assert {kind for _, kinds, _ in LINES for kind in kinds} == {kind.value for kind in PersonalDataKind}


def test_it_meets_the_recall_and_precision_bars_for_every_kind(capsys):
    scores, clean_share, disagreements = _measure()
    started = time.perf_counter()
    for text, _, country in LINES:
        kinds_found(text, country)
    per_thousand = (time.perf_counter() - started) / len(LINES) * 1000
    with capsys.disabled():
        print(f"\npersonal-data corpus: {len(LINES)} lines")
        for kind, (precision, recall, total) in scores.items():
            print(f"  {kind:<6} precision {precision:.3f}  recall {recall:.3f}  ({total} labelled)")
        print(f"  clean lines flagged: {clean_share:.1%}; {per_thousand * 1000:.0f} ms per 1,000 strings")
        for line in disagreements:
            print(f"  disagrees: {line}")
    for kind, (precision, recall, _) in scores.items():
        assert recall >= RECALL_BAR, kind
        assert precision >= PRECISION_BAR, kind
    assert clean_share <= CLEAN_FLAGGED_BAR
