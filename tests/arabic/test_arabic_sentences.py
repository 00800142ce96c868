"""Sentences on . ! ؟ ? and line ends, not fooled by abbreviations, numbers, quotes or parentheses."""

from __future__ import annotations

import itertools
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from rasd.arabic.sentences import evaluate, split_sentences


def texts(text: str) -> list[str]:
    return [s.text for s in split_sentences(text)]


def seed_line(path: Path, start: str) -> str:
    return next(line for line in path.read_text(encoding="utf-8").splitlines() if line.startswith(start))


def test_seed_paragraph_splits_into_its_three_sentences(seed_dump: Path) -> None:
    paragraph = seed_line(seed_dump, "واتخذت الإدارة الأميركية")
    sentences = texts(paragraph)
    assert len(sentences) == 3
    assert sentences[0].endswith("من قائمة الإرهاب.")
    assert sentences[1].startswith("ويوم الخميس الماضي")
    assert sentences[2] == "ودفعت إدارة ترمب جهود تخفيف القيود المفروضة على سوريا."


def test_quotes_closed_by_a_full_stop_end_the_sentence_after_the_quote(seed_dump: Path) -> None:
    paragraph = seed_line(seed_dump, "وأشارت المصادر من داخل القطاع")
    sentences = texts(paragraph)
    assert [s[-2:] for s in sentences] == ["».", "».", "»."]
    assert sentences[2].startswith("لكن مصدراً قيادياً كبيراً")


def test_titles_and_header_lines_end_at_the_newline(seed_enab: Path) -> None:
    sentences = texts(seed_enab.read_text(encoding="utf-8"))
    assert sentences[0] == "الجمعة, 7 نوفمبر 2025 10:13 PM"
    assert sentences[1].startswith("ماكرون يدعو الشرع للانضمام") and sentences[1].endswith("للبيت الأبيض")


def test_abbreviations_and_decimals_do_not_end_a_sentence() -> None:
    text = "قال د. محمد إن النمو بلغ 3.5 في المئة. وبنيت المدينة في القرن الثالث ق.م. على التل"
    assert texts(text) == [
        "قال د. محمد إن النمو بلغ 3.5 في المئة.",
        "وبنيت المدينة في القرن الثالث ق.م. على التل",
    ]


def test_terminators_inside_quotes_and_parentheses_do_not_end_a_sentence() -> None:
    text = "قال: «لن نتراجع. سنواصل القتال» وغادر (انظر ص. 4. والملحق). ثم عاد!"
    assert texts(text) == ["قال: «لن نتراجع. سنواصل القتال» وغادر (انظر ص. 4. والملحق).", "ثم عاد!"]


def test_arabic_question_mark_and_an_unclosed_quote() -> None:
    assert texts("هل تنسحب القوات؟ لا أحد يعرف.") == ["هل تنسحب القوات؟", "لا أحد يعرف."]
    # A quote that never closes does not swallow the rest of the line.
    assert texts("قال «لن نتراجع. سنواصل.") == ["قال «لن نتراجع.", "سنواصل."]


def test_offsets_point_into_the_text(seed_dump: Path) -> None:
    text = seed_dump.read_text(encoding="utf-8")
    sentences = split_sentences(text)
    assert len(sentences) == 93  # 79 non-empty lines; 14 of them hold two or three sentences
    assert all(text[s.start : s.end] == s.text and s.text.strip() == s.text for s in sentences)


def test_stray_quotes_and_controls_are_not_sentences() -> None:
    assert texts('\u200f\n"\n.\nالصورة تتكلم!\u200f') == ["الصورة تتكلم!"]


def test_a_full_stop_glued_to_the_next_word_still_ends_the_sentence() -> None:
    # Al Mayadeen's scraped text loses spaces: «بحسب الموقع.وتمثل الدول الـ49 التي فرضت العقوبات»
    assert texts("قياسي، بحسب الموقع.وتمثل الدول الـ49 نسبة 60.5% فقط") == [
        "قياسي، بحسب الموقع.",
        "وتمثل الدول الـ49 نسبة 60.5% فقط",
    ]


@pytest.mark.parametrize("gold", ["sentences.tsv", "sentences_heldout.tsv"])
def test_sentence_ends_in_real_paragraphs(news_dir: Path, gold: str) -> None:
    report = evaluate(Path(__file__).parent / "gold" / gold)
    assert report.n >= 25
    assert report.metrics["f1"] >= 0.98


_CHARS = st.sampled_from([*'قال د م 3.5 «»()"!؟?.\n', "\u200f", "ة", "x", "ـ"])


@given(st.lists(_CHARS, max_size=80).map("".join))
def test_sentences_are_ordered_slices_of_the_text(text: str) -> None:
    sentences = split_sentences(text)
    assert all(text[s.start : s.end] == s.text and s.text == s.text.strip() for s in sentences)
    assert all(a.end <= b.start for a, b in itertools.pairwise(sentences))
