"""Linking on the two seed documents: one id for each actor, however the outlets spell it."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from rasd.entities.link import link_entities
from rasd.model import Entity

ASHARQ_DAY = date(2025, 11, 10)
ENAB_DAY = date(2025, 11, 7)


@pytest.fixture(scope="module")
def asharq(seed_dump: Path) -> tuple[str, list[Entity]]:
    text = seed_dump.read_text(encoding="utf-8")
    return text, link_entities(text, ASHARQ_DAY)


@pytest.fixture(scope="module")
def enab(seed_enab: Path) -> tuple[str, list[Entity]]:
    text = seed_enab.read_text(encoding="utf-8")
    return text, link_entities(text, ENAB_DAY)


def ids_of(entities: list[Entity], surface: str) -> set[str | None]:
    return {e.id for e in entities if e.text == surface}


def test_offsets_point_at_the_mention(
    asharq: tuple[str, list[Entity]], enab: tuple[str, list[Entity]]
) -> None:
    for text, entities in (asharq, enab):
        assert entities
        for entity in entities:
            assert text[entity.start : entity.end] == entity.text
            assert entity.name_en


def test_trump_and_tramp_link_to_one_id(
    asharq: tuple[str, list[Entity]], enab: tuple[str, list[Entity]]
) -> None:
    # «للقاء الرئيس الأميركي دونالد ترمب» (Asharq Al-Awsat) and «الرئيس الأمريكي، دونالد ترامب» (Enab Baladi).
    assert ids_of(asharq[1], "ترمب") == ids_of(asharq[1], "دونالد ترمب") == {"donald-trump"}
    assert ids_of(enab[1], "ترامب") == ids_of(enab[1], "دونالد ترامب") == {"donald-trump"}


def test_the_islamic_state_under_four_names_is_one_id(
    asharq: tuple[str, list[Entity]], enab: tuple[str, list[Entity]]
) -> None:
    # «داعش», «تنظيم «داعش»», «تنظيم "الدولة"», «"الدولة الإسلامية"» and «دواعش».
    found = {e.text: e.id for e in asharq[1] + enab[1] if e.id == "islamic-state"}
    assert {"داعش", "تنظيم «داعش»", 'تنظيم "الدولة"', "دواعش"} <= set(found)
    enab_text = enab[0]
    pledge = enab_text.index('التحالف الدولي لمحاربة تنظيم "الدولة الإسلامية"')
    coalition = next(e for e in enab[1] if e.start == pledge)
    assert coalition.id == "anti-isis-coalition"


def test_the_sdf_by_acronym_and_full_name(asharq: tuple[str, list[Entity]]) -> None:
    # «وأبدت إدارة ترمب رغبتها في دمج «قوات سوريا الديمقراطية» (قسد) في صفوف الجيش السوري»
    assert ids_of(asharq[1], "قسد") == ids_of(asharq[1], "قوات سوريا الديمقراطية") == {"sdf"}
    assert ids_of(asharq[1], "قوات «قسد»") == {"sdf"}


def test_sharaa_short_and_full(asharq: tuple[str, list[Entity]], enab: tuple[str, list[Entity]]) -> None:
    for _, entities in (asharq, enab):
        assert ids_of(entities, "الشرع") == ids_of(entities, "أحمد الشرع") == {"ahmed-al-sharaa"}


def test_the_coalition_after_a_proclitic_and_a_quote(asharq: tuple[str, list[Entity]]) -> None:
    # The headline: «سوريا تنضم رسمياً لـ«التحالف الدولي لمكافحة داعش»»
    text, entities = asharq
    start = text.index("التحالف الدولي لمكافحة داعش")
    first = next(e for e in entities if e.start == start)
    assert first.id == "anti-isis-coalition" and first.type == "ORG"


def test_state_bodies_of_the_seeds(asharq: tuple[str, list[Entity]], enab: tuple[str, list[Entity]]) -> None:
    linked = {e.id for e in asharq[1]} | {e.id for e in enab[1]}
    assert {
        "syria-armed-forces",
        "syria-interior-ministry",
        "us-centcom",
        "nigeria-air-force",
        "iswap",
        "iran-irgc",
        "hezbollah",
        "hamas",
        "lebanon-armed-forces",
        "israel-armed-forces",
        "unsc",
        "us-congress",
        "anas-khattab",
        "asaad-al-shaibani",
        "emmanuel-macron",
        "al-qaeda",
    } <= linked


def test_titles_without_a_name_resolve_to_the_holder(enab: tuple[str, list[Entity]]) -> None:
    # «وأكد الرئيس الفرنسي أن باريس ترى…» and «برفع اسم الشرع ووزير الداخلية السوري من قائمة العقوبات»
    assert ids_of(enab[1], "الرئيس الفرنسي") == {"emmanuel-macron"}
    assert ids_of(enab[1], "وزير الداخلية السوري") == {"anas-khattab"}
    assert {e.type for e in enab[1] if e.text == "الرئيس الفرنسي"} == {"PER"}


def test_a_title_followed_by_the_name_leaves_the_name_to_carry_the_link(
    asharq: tuple[str, list[Entity]],
) -> None:
    # «قائد الجيش اللبناني العماد رودولف هيكل»: the army and the man, not the title over both.
    text, entities = asharq
    start = text.index("قائد الجيش اللبناني العماد رودولف هيكل")
    around = [e for e in entities if start <= e.start < start + 45]
    assert [(e.text, e.id) for e in around] == [
        ("الجيش اللبناني", "lebanon-armed-forces"),
        ("العماد رودولف هيكل", "rodolphe-haykal"),
    ]


def test_demonyms_are_norp_of_their_country(asharq: tuple[str, list[Entity]]) -> None:
    # «لوقف الغارات الجوية الإسرائيلية», «شرطي نيجيري»
    by_text = {(e.text, e.id, e.type) for e in asharq[1]}
    assert ("الإسرائيلية", "israel", "NORP") in by_text
    assert ("نيجيري", "nigeria", "NORP") in by_text
