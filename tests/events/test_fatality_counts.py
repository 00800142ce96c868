"""Fatalities of an event by ACLED's conservative rule: accusative duals, casualties without a number, tolls over
weeks.

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


def test_killed_and_wounded_without_a_number_count_nothing() -> None:
    text = "أعلنت المقاومة استهداف تجمع لجنود الاحتلال في حرج عداثر، وإيقاع أفراده بين قتيل وجريح."
    assert _fatalities(text) == 0


def test_a_toll_over_weeks_is_not_the_count_of_one_strike() -> None:
    told = "شنت طائرات التحالف غارات على مواقع التنظيم في حضرموت، وقتل العشرات من مسلحيه."
    assert _fatalities(told) == 10
    over_weeks = (
        "شنت طائرات التحالف غارات على مواقع التنظيم في حضرموت، وقتل خلال المعارك على مدار الأسابيع "
        "الماضية العشرات من مسلحيه."
    )
    assert _fatalities(over_weeks) == 0


def test_the_dead_and_wounded_told_together_count_dozens_but_not_a_few() -> None:
    dozens = "قصفت المقاومة مواقع الميليشيات في مزارع الفازة، ما أدى إلى مقتل وإصابة العشرات من عناصرها."
    assert _fatalities(dozens) == 10
    assert _fatalities("البحرين: مقتل وإصابة عدد من الجنود البحرينيين في هجوم بطائرة مسيرة") == 0


def test_the_wounded_counted_by_their_own_verb_are_not_dead() -> None:
    text = "سقطت قذائف على حي سكني في دمشق فلقي شخص حتفه وأصيب 14 آخرون."
    assert _fatalities(text) != 14


def test_one_killed_is_counted_past_a_date_and_in_the_accusative() -> None:
    from rasd.model import Article
    from rasd.pipeline import annotate

    text = "وقالت القيادة إن قوات أميركية قتلت أمس (الجمعة) قيادياً بتنظيم «القاعدة» في سوريا."
    article = Article(id="a", document_id="d", kind="article", text=text, published="2025-11-08T10:00:00")
    [strike] = annotate(article).events
    assert strike.fatalities == 1
    assert strike.actor2 is not None and strike.actor2.id == "al-qaeda"
