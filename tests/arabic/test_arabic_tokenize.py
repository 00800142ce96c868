"""Clitic-aware tokens with offsets into the original text."""

from __future__ import annotations

import itertools
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from rasd.arabic.tokenize import tokenize, word_tokens


def pieces(text: str) -> list[tuple[str, str]]:
    return [(t.text, t.kind) for t in tokenize(text)]


def test_clitics_split_off_with_offsets() -> None:
    text = "استهدفت الطائرات مواقع التنظيم بالصواريخ"
    tokens = tokenize(text)
    last = tokens[-3:]
    assert [(t.text, t.kind) for t in last] == [("ب", "proclitic"), ("ال", "article"), ("صواريخ", "word")]
    assert [(t.start, t.end) for t in last] == [(31, 32), (32, 34), (34, 40)]
    assert all(text[t.start : t.end] == t.text for t in tokens)
    assert last[2].norm == "صواريخ" and last[2].stem == "صواريخ"


def test_conjunction_preposition_article_and_enclitic() -> None:
    assert pieces("وبالتالي") == [("و", "proclitic"), ("ب", "proclitic"), ("ال", "article"), ("تالي", "word")]
    assert pieces("غاراتها") == [("غارات", "word"), ("ها", "enclitic")]
    assert pieces("وقال") == [("و", "proclitic"), ("قال", "word")]
    assert pieces("سيلتقي") == [("س", "proclitic"), ("يلتقي", "word")]


def test_lam_before_the_article_is_written_once() -> None:
    tokens = tokenize("للقوات")
    assert [(t.text, t.kind, t.norm) for t in tokens] == [
        ("ل", "proclitic", "ل"),
        ("ل", "article", "ال"),
        ("قوات", "word", "قوات"),
    ]


def test_ta_marbuta_before_a_pronoun_keeps_the_stem_of_the_noun() -> None:
    # The seed: «لحكومته المؤقتة»
    tokens = tokenize("لحكومته")
    assert [t.text for t in tokens] == ["ل", "حكومت", "ه"]
    assert tokens[1].stem == tokenize("الحكومة")[1].stem


@pytest.mark.parametrize(
    "word",
    [
        "بلاد",
        "ولاية",
        "كتاب",
        "لبنان",
        "فرنسا",
        "سوريا",
        "وزير",
        "كانت",
        "كما",
        "وحدة",
        "لجنة",
        "بيان",
        "سيارة",
        "فساد",
        "وليد",
        "هناك",
        "التزام",
        "التقى",
        "عربي",
        "مياه",
        "بريكس",
        "وسائل",
        "مجلسي",
    ],
)
def test_letters_that_belong_to_the_word_are_not_split(word: str) -> None:
    assert pieces(word) == [(word, "word")]


def test_marks_stay_with_the_letter_they_are_written_on() -> None:
    tokens = tokenize("وَالسُّوريُّونَ")
    assert [(t.text, t.kind) for t in tokens] == [("وَ", "proclitic"), ("ال", "article"), ("سُّوريُّونَ", "word")]
    assert tokens[2].norm == "سوريون"


def test_numbers_and_punctuation_are_tokens_and_controls_are_not() -> None:
    text = "قتل ٣٥ شخصاً، و3.5 مليون\u200f نازح."
    tokens = tokenize(text)
    assert [(t.text, t.kind) for t in tokens if t.kind in ("number", "punct")] == [
        ("٣٥", "number"),
        ("،", "punct"),
        ("3.5", "number"),
        (".", "punct"),
    ]
    assert next(t for t in tokens if t.text == "٣٥").norm == "35"
    assert all("\u200f" not in t.text for t in tokens)


def test_word_tokens_keep_clitics_on() -> None:
    tokens = word_tokens("وقال ماكرون بالصواريخ")
    assert [t.text for t in tokens] == ["وقال", "ماكرون", "بالصواريخ"]
    assert tokens[2].stem == "صواريخ"


def test_seed_texts_tokens_point_at_their_characters(seed_dump: Path, seed_enab: Path) -> None:
    for path in (seed_dump, seed_enab):
        text = path.read_text(encoding="utf-8")
        tokens = tokenize(text)
        assert all(text[t.start : t.end] == t.text for t in tokens)
        assert all(a.end <= b.start for a, b in itertools.pairwise(tokens))
        # Only spaces and invisible controls lie between tokens.
        covered = "".join(t.text for t in tokens)
        assert len(covered) == len(
            "".join(c for c in text if not c.isspace() and c not in "\u200f\u200e\u200b")
        )


def test_seed_sentence_from_enab_baladi() -> None:
    text = 'وقالت الوزارة عبر صفحتها الرسمية على منصة "فيسبوك"'
    assert pieces(text)[:6] == [
        ("و", "proclitic"),
        ("قالت", "word"),
        ("ال", "article"),
        ("وزارة", "word"),
        ("عبر", "word"),
        ("صفحت", "word"),
    ]


_LETTERS = st.sampled_from([*"ابتجحدرسعفقكلمنهويةىأإ", "\u064e", "\u0651", "\u0640", " ", "\u200f", "،", "5"])


@given(st.lists(_LETTERS, max_size=40).map("".join))
def test_tokens_always_slice_the_original(text: str) -> None:
    for token in tokenize(text) + word_tokens(text):
        assert text[token.start : token.end] == token.text
        assert token.text.strip() == token.text and token.text


def test_clitics_written_apart_with_tatweel() -> None:
    # The seed: «مصادر محلية لـ«الشرق الأوسط»»; Al Mayadeen: «الكتيبة الـ53»
    assert pieces("لـ«الشرق") == [("لـ", "proclitic"), ("«", "punct"), ("ال", "article"), ("شرق", "word")]
    assert pieces("الـ53") == [("الـ", "article"), ("53", "number")]
