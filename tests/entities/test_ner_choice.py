"""Which shipped tagger ``NerModel.load()`` gives: the BiLSTM-CRF by default, the CRF with RASD_NER=fast."""

from __future__ import annotations

import pytest

from rasd.entities.ner import NerModel
from rasd.entities.ner_crf import CrfScorer
from rasd.entities.ner_neural import BiLstmScorer


def test_the_default_tagger_is_the_bilstm(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("RASD_NER", raising=False)
    assert isinstance(NerModel.load().scorer, BiLstmScorer)


def test_fast_chooses_the_crf_and_both_find_the_same_plain_names(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("RASD_NER", "fast")
    fast = NerModel.load()
    assert isinstance(fast.scorer, CrfScorer)
    text = "التقى الرئيس الفرنسي إيمانويل ماكرون في باريس بوزير الخارجية السعودي."
    names = {e.text for e in fast.find_entities(text)}
    assert "باريس" in names
