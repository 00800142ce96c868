"""The linker's matching form: folded, quotes and tatweel dropped, spaces collapsed, Latin lowered, with
the original offset of every character (built run by run, checked against the one-character-at-a-time
reference)."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from rasd.entities.kb import _match_key_by_char, match_key
from rasd.entities.link import _matching_form_by_char, matching_form


def test_quotes_and_tatweel_go_and_the_name_maps_back_to_the_original() -> None:
    text = "انضمت سوريا لـ«التحالف  الدولي» ضد  \"داعش\" و'NATO'"
    form = matching_form(text)
    assert form.text == "انضمت سوريا لالتحالف الدولي ضد داعش وnato"
    at = form.text.index("التحالف الدولي")
    start, end = form.to_original(at, at + len("التحالف الدولي"))
    assert text[start:end] == "التحالف  الدولي"
    assert form == _matching_form_by_char(text)


def test_a_dropped_quote_is_a_word_boundary() -> None:
    form = matching_form('"حماس"و"فتح"')
    assert form.text == "حماسوفتح"
    assert form.breaks == frozenset({0, 4, 5, 8})


_ALPHABET = st.sampled_from(
    [*"ابتحخسلمنوي أإآىة\"'`ـ\n\t", "\u00a0", "\u2028", "Σ", "Α", "İ", "A", "b", "«", "»", "\u064e", "\ufefb"]
)


@given(st.lists(_ALPHABET, max_size=40).map("".join))
def test_the_fast_matching_form_equals_the_reference(text: str) -> None:
    assert matching_form(text) == _matching_form_by_char(text)


@given(st.lists(_ALPHABET, max_size=40).map("".join))
def test_the_fast_match_key_equals_the_reference(text: str) -> None:
    assert match_key(text) == _match_key_by_char(text)


def test_match_key_drops_quotes_and_collapses_spaces() -> None:
    assert match_key("  «حزب  الله» \n") == "حزب الله"
    assert match_key("U.S. Army") == "u.s. army"
