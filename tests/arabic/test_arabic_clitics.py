"""Clitic segmentation scored against words of real news segmented by reading."""

from __future__ import annotations

from pathlib import Path

import pytest

from rasd.arabic.clitics import evaluate, pieces, segment

GOLD = Path(__file__).parent / "gold"


@pytest.mark.parametrize(
    ("gold", "precision", "recall"),
    [
        ("clitic_segmentation.tsv", 0.99, 0.98),  # random words
        ("clitic_segmentation_hard.tsv", 0.99, 0.96),  # words that begin or end with clitic letters
        ("clitic_segmentation_heldout.tsv", 0.99, 0.92),  # the same, annotated after the rules
        ("clitic_segmentation_blind.tsv", 0.98, 0.93),  # the same, annotated last, scored once
    ],
)
def test_segmentation_is_precise_first(gold: str, precision: float, recall: float) -> None:
    report = evaluate(GOLD / gold)
    assert report.metrics["precision"] >= precision
    assert report.metrics["recall"] >= recall


def test_pronoun_after_hamza_and_ta_marbuta_gives_the_noun_back() -> None:
    assert pieces(segment("بلقائه")) == ["ب", "لقائ", "ه"]
    assert segment("بلقائه").lemma_base == "لقاء"
    assert segment("حكومته").lemma_base == "حكومة"


def test_letter_names_and_duals_keep_their_last_letters() -> None:
    assert pieces(segment("أيه")) == ["أيه"]  # سي آي أيه
    assert pieces(segment("محافظتي")) == ["محافظتي"]  # بين محافظتي الجوف وصعدة
