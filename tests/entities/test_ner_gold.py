"""Quality floor of the shipped NER model on the rebuilt CAMeL test split of ANERcorp (``../shared``)."""

from __future__ import annotations

from pathlib import Path

import pytest

from rasd.entities.evaluate import evaluate
from rasd.entities.ner import MODEL_PATH

# Measured 0.722 micro F1 (LOC 0.864) with the shipped BiLSTM; see docs/evaluation.md, "NER".
F1_FLOOR = 0.715
LOC_F1_FLOOR = 0.855

pytestmark = [
    pytest.mark.shared,
    pytest.mark.skipif(not MODEL_PATH.is_file(), reason="the NER model is not built"),
]


def test_anercorp_test_split_f1_stays_above_its_floor(shared_dir: Path) -> None:
    gold = shared_dir / "data" / "ner" / "anercorp_original" / "ANERcorp_camel_rebuilt_test.txt"
    report = evaluate(gold)
    assert report.n == 25_007
    assert report.metrics["f1"] >= F1_FLOOR
    assert report.by_type["LOC"]["f1"] >= LOC_F1_FLOOR
