"""The light stem key: inflected forms of a lemma share it, different words keep theirs."""

from __future__ import annotations

from pathlib import Path

import pytest

from rasd.arabic.stem import evaluate, stem

GOLD = Path(__file__).parent / "gold"


@pytest.mark.parametrize(
    "forms",
    [
        ["غارة", "الغارات", "بغارة", "غاراتها", "غارات", "للغارات"],
        ["حكومة", "الحكومة", "حكومته", "الحكومات"],
        ["سوري", "السورية", "السوريين", "سوريون"],
        ["مقاتل", "المقاتلين", "مقاتلي", "مقاتلون"],
        ["الطرفان", "الطرفين", "طرف"],
        ["قال", "وقال", "قالت", "قالوا"],
        ["يوم", "اليوم", "يوماً", "يومين"],
    ],
)
def test_inflected_forms_share_a_key(forms: list[str]) -> None:
    assert len({stem(f) for f in forms}) == 1


@pytest.mark.parametrize(
    ("one", "other"),
    [("سوريا", "سوري"), ("مدني", "مدن"), ("لبنان", "لبن"), ("فلسطين", "فلسطيني"), ("سلاح", "سلام")],
)
def test_different_words_keep_different_keys(one: str, other: str) -> None:
    assert stem(one) != stem(other)


def test_agreement_with_lemma_groups_of_real_news_words() -> None:
    report = evaluate(GOLD / "stem_groups.tsv")
    assert report.metrics["precision"] >= 0.97
    assert report.metrics["f1"] >= 0.89


def test_agreement_on_held_out_lemma_groups() -> None:
    report = evaluate(GOLD / "stem_groups_heldout.tsv")
    assert report.metrics["precision"] >= 0.98
    assert report.metrics["f1"] >= 0.92
