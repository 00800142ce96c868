"""Fatalities of an event by ACLED's conservative rule: duals written in the accusative (-ين).

The sentences are written in the style of the Arabic news the stage reads (not copied from any article).
"""

from __future__ import annotations

from rasd.events import extract_events_from_text

PUBLISHED = "2023-09-25T22:03:00+03:00"


def _fatalities(text: str) -> int | None:
    events = [e for e in extract_events_from_text(text, PUBLISHED) if e.plover == "ASSAULT"]
    assert events, f"no attack in {text!r}"
    return events[0].fatalities


def test_a_dual_in_the_accusative_counts_two() -> None:
    assert _fatalities("أعلنت البحرين مقتل عنصرين من أفرادها في هجوم على مواقعهم عند الحدود.") == 2
    assert _fatalities("أسفر القصف عن مقتل طفلين في بلدة بيت حانون.") == 2


def test_a_sound_plural_that_reads_like_a_dual_counts_nothing() -> None:
    # مدنيين and مستوطنين are plurals: an unnumbered plural counts 0
    assert _fatalities("أسفر القصف عن مقتل مدنيين في بلدة بيت حانون.") == 0
