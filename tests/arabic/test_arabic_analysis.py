"""analyze(): the text layer's one entry point; throughput(): what ``rasd bench`` reports."""

from __future__ import annotations

from pathlib import Path

from rasd.arabic.analysis import analyze, throughput


def test_analysis_of_a_seed_article_has_tokens_inside_sentences(seed_enab: Path) -> None:
    text = seed_enab.read_text(encoding="utf-8")
    analysis = analyze(text)
    assert analysis.normalized.original == text
    assert len(analysis.sentences) > 20 and len(analysis.tokens) > 1000
    first = analysis.sentences[3]
    words = [t.text for t in analysis.sentence_tokens(first)]
    assert words[:4] == ["دعا", "ال", "رئيس", "ال"]


def test_throughput_reports_megabytes_per_second_for_each_part(seed_dump: Path) -> None:
    rates = throughput([seed_dump.read_text(encoding="utf-8")])
    assert set(rates) == {"normalize", "tokenize", "sentences", "analyze", "mb"}
    assert all(value > 0 for value in rates.values())
