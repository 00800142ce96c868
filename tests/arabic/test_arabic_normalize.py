"""Normalization for matching keeps an exact way back to the original characters."""

from __future__ import annotations

import itertools

from hypothesis import given
from hypothesis import strategies as st

from rasd.arabic.normalize import normalize, normalize_char, normalize_text, strip_marks


def test_letters_digits_and_punctuation_are_folded() -> None:
    assert normalize_text("أعلنت إسرائيل آخر ٱلأخبار") == "اعلنت اسراييل اخر الاخبار"
    assert normalize_text("مستشفى المدينة") == "مستشفي المدينه"
    assert normalize_text("قُتِلَ ٣٥ شخصاً و۱۲ جريحاً") == "قتل 35 شخصا و12 جريحا"
    assert normalize_text("قال: «لن نتراجع»، وتساءل “لماذا؟”؛") == 'قال: "لن نتراجع", وتساءل "لماذا?";'
    assert normalize_text("الـــرئيس") == "الرييس"


def test_invisible_controls_are_dropped() -> None:
    assert normalize_text("\u200fسوريا\u200e \u200cدمشق\ufeff") == "سوريا دمشق"


def test_normalize_char_says_what_one_character_becomes() -> None:
    assert normalize_char("إ") == "ا"
    assert normalize_char("\u064b") == ""
    assert normalize_char("x") == "x"


def test_span_found_on_normalized_text_highlights_the_original() -> None:
    original = "وقال الرئيسُ السوريّ أحمد الشرع في ٧ من تشرين الثاني"
    norm = normalize(original)
    found = norm.text.index("الرييس السوري")
    start, end = norm.to_original(found, found + len("الرييس السوري"))
    assert original[start:end] == "الرئيسُ السوريّ"
    assert norm.to_normalized(start, end) == (found, found + len("الرييس السوري"))


def test_ligature_expands_and_maps_back_to_its_one_character() -> None:
    norm = normalize("ﻷحمد")
    assert norm.text == "لاحمد"
    assert norm.offsets == (0, 0, 1, 2, 3)
    norm = normalize("قال ﷲ ﺃﺣﻤﺪ")
    assert norm.text == "قال الله احمد"
    assert norm.to_original(4, 8) == (4, 5)


def test_letters_of_transliterated_names_fold_to_arabic_ones() -> None:
    assert normalize_text("ڤيتنام وپاكستان") == "فيتنام وباكستان"


def test_strip_marks_keeps_letters_as_written() -> None:
    assert strip_marks("الحكومةُ السوريّة إلى") == "الحكومة السورية إلى"


_ALPHABET = st.sampled_from(
    list("ابتثجحخدذرسشصضطظعغفقكلمنهوي")
    + list("أإآٱىةؤئ")
    + ["\u064b", "\u064e", "\u0651", "\u0652", "\u0640", "\u200f", "\u200c", "\ufeff"]
    + list("٠١٢٣۴۵0123 ،؛؟«»“”.\n")
    + ["\ufef7", "\ufefb", "\ufdf2", "\ufe8d", "\ufe83", "ڤ", "x", "Q"]
)


@given(st.lists(_ALPHABET, max_size=60).map("".join), st.data())
def test_any_normalized_span_maps_to_the_original_characters_that_make_it(
    text: str, data: st.DataObject
) -> None:
    norm = normalize(text)
    assert norm.text == normalize_text(text)
    assert len(norm.offsets) == len(norm.text)
    assert all(a <= b for a, b in itertools.pairwise(norm.offsets))
    for i, offset in enumerate(norm.offsets):
        assert norm.text[i] in normalize_char(text[offset])
    a = data.draw(st.integers(0, len(norm.text)))
    b = data.draw(st.integers(a, len(norm.text)))
    start, end = norm.to_original(a, b)
    assert 0 <= start <= end <= len(text)
    # The original characters of the span normalize back to (at least) the span: only a ligature cut in
    # half can give a longer form.
    assert norm.text[a:b] in normalize_text(text[start:end])
    if a < b:
        assert normalize_text(text[start:end]).strip() != "" or norm.text[a:b].strip() == ""


@given(st.lists(_ALPHABET, max_size=60).map("".join), st.data())
def test_an_original_span_maps_to_the_normalized_characters_made_from_it(
    text: str, data: st.DataObject
) -> None:
    norm = normalize(text)
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    a, b = norm.to_normalized(start, end)
    assert norm.text[a:b] == normalize_text(text[start:end])
