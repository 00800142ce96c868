"""ACLED sub-event types of assault records: what the merged mentions tell decides."""

from __future__ import annotations

from rasd.events.classify import acled_types


def test_an_interception_alone_is_disrupted_weapons_use() -> None:
    assert acled_types("ASSAULT", "drone", ["اسقط"], "أسقطت الدفاعات الجوية مسيرة", "Israel", None, 0) == (
        "Strategic developments",
        "Disrupted weapons use",
    )


def test_a_strike_told_as_hitting_as_well_as_intercepted_is_a_strike() -> None:
    lemmas = ["عدوان", "استهدف", "اعتراض"]
    clause = "عدوان إسرائيلي على مطاري دمشق وحلب بغارات جوية"
    assert acled_types("ASSAULT", "aerial", lemmas, clause, "Israel", None, 0) == (
        "Explosions/Remote violence",
        "Air/drone strike",
    )
