"""Look-ups in the actor knowledge base: spelling variants meet, titles resolve by date, demonyms name countries."""

from __future__ import annotations

from datetime import date

import pytest

from rasd.entities.kb import ActorKB
from rasd.model import Actor


@pytest.fixture(scope="module")
def kb() -> ActorKB:
    return ActorKB.load()


def ids(entries: list) -> list[str]:
    return [e.id for e in entries]


def test_load_is_cached(kb: ActorKB) -> None:
    assert ActorKB.load() is kb


def test_trump_in_both_spellings_is_one_actor(kb: ActorKB) -> None:
    assert (
        ids(kb.lookup("ترمب"))
        == ids(kb.lookup("ترامب"))
        == ids(kb.lookup("دونالد ترامب"))
        == ["donald-trump"]
    )


def test_the_islamic_state_under_all_its_names(kb: ActorKB) -> None:
    for name in [
        "داعش",
        "تنظيم الدولة",
        "الدولة الإسلامية",
        "تنظيم «داعش»",
        "دواعش",
        "ISIS",
        "ISIL",
        "Daesh",
    ]:
        assert ids(kb.lookup(name)) == ["islamic-state"], name


def test_sharaa_and_jolani_are_one_man(kb: ActorKB) -> None:
    for name in ["أحمد الشرع", "الشرع", "أبو محمد الجولاني", "الجولاني"]:
        assert ids(kb.lookup(name)) == ["ahmed-al-sharaa"], name


def test_normalized_spellings_meet(kb: ActorKB) -> None:
    # Hamza and alef variants, ta marbuta and alef maqsura fold away.
    assert ids(kb.lookup("الجيش الاسرائيلي")) == ids(kb.lookup("الجيش الإسرائيلي")) == ["israel-armed-forces"]
    assert ids(kb.lookup("قوات سورية الديمقراطية")) == ["sdf"]


def test_the_syrian_president_is_assad_in_2020_and_sharaa_in_2025(kb: ActorKB) -> None:
    assert kb.resolve_role("الرئيس السوري", date(2020, 6, 1)).id == "bashar-al-assad"
    assert kb.resolve_role("الرئيس السوري", date(2025, 11, 10)).id == "ahmed-al-sharaa"
    # Between the fall of Assad and al-Sharaa's appointment the office has no holder in the record.
    assert kb.resolve_role("الرئيس السوري", date(2025, 1, 1)) is None


def test_the_american_president_by_date(kb: ActorKB) -> None:
    assert kb.resolve_role("الرئيس الأميركي", date(2018, 3, 1)).id == "donald-trump"
    assert kb.resolve_role("الرئيس الأمريكي", date(2023, 3, 1)).id == "joe-biden"
    assert kb.resolve_role("الرئيس الأميركي", date(2025, 11, 10)).id == "donald-trump"
    assert kb.resolve_role("رئيس الولايات المتحدة", date(2014, 5, 5)).id == "barack-obama"


def test_other_offices_resolve(kb: ActorKB) -> None:
    assert kb.resolve_role("وزير الخارجية السوري", date(2025, 11, 9)).id == "asaad-al-shaibani"
    assert kb.resolve_role("وزير الداخلية السوري", date(2025, 11, 7)).id == "anas-khattab"
    assert kb.resolve_role("رئيس الوزراء الإسرائيلي", date(2024, 1, 1)).id == "benjamin-netanyahu"
    assert kb.resolve_role("الأمين العام لحزب الله", date(2025, 3, 1)).id == "naim-qassem"
    assert kb.resolve_role("الأمين العام للأمم المتحدة", date(2024, 1, 1)).id == "antonio-guterres"
    assert kb.resolve_role("قائد الجيش اللبناني", date(2026, 1, 20)).id == "rodolphe-haykal"


def test_lookup_with_a_date_also_reads_titles(kb: ActorKB) -> None:
    assert ids(kb.lookup("الرئيس الفرنسي", date(2025, 11, 7))) == ["emmanuel-macron"]
    assert kb.lookup("الرئيس الفرنسي") == []


def test_demonyms_name_their_country(kb: ActorKB) -> None:
    assert ids(kb.lookup("الإسرائيلي")) == ["israel"]
    assert ids(kb.lookup("الأميركية")) == ids(kb.lookup("الأمريكيين")) == ["united-states"]
    assert ids(kb.lookup("السوري")) == ["syria"]


def test_get_and_actor(kb: ActorKB) -> None:
    entry = kb.get("sdf")
    assert entry is not None and entry.name_en.startswith("Syrian Democratic Forces")
    assert kb.actor(entry) == Actor(
        id="sdf",
        name_ar="قوات سوريا الديمقراطية",
        name_en="Syrian Democratic Forces (SDF)",
        type="rebel_group",
        country="SY",
        inter=2,
    )
    assert kb.get("no-such-actor") is None


def test_a_persons_inter_follows_the_office_held_on_the_date(kb: ActorKB) -> None:
    sharaa = kb.get("ahmed-al-sharaa")
    assert sharaa is not None
    assert kb.actor(sharaa, date(2020, 5, 1)).inter == 2
    assert kb.actor(sharaa, date(2025, 11, 10)).inter == 1


def test_occupation_phrasing_of_israeli_offices(kb: ActorKB) -> None:
    # Al Mayadeen's wording: «رئيس حكومة الاحتلال», «وزير أمن الاحتلال», «رئيس أركان جيش الاحتلال».
    assert kb.resolve_role("رئيس حكومة الاحتلال", date(2023, 11, 1)).id == "benjamin-netanyahu"
    assert kb.resolve_role("وزير أمن الاحتلال", date(2023, 11, 1)).id == "yoav-gallant"
    assert kb.resolve_role("رئيس أركان جيش الاحتلال", date(2023, 11, 1)).id == "herzi-halevi"
    assert kb.resolve_role("وزير الأمن القومي الإسرائيلي", date(2024, 3, 1)).id == "itamar-ben-gvir"


def test_state_forces_carry_acled_inter_1(kb: ActorKB) -> None:
    for name in ["الجيش السوري", "سلاح الجو النيجيري", "القيادة المركزية الأميركية", "الحرس الثوري"]:
        entry = kb.lookup(name)[0]
        assert entry.inter == 1 and entry.entity_type == "ORG", name
    assert kb.lookup("مدنيون")[0].inter == 7
    assert kb.lookup("متظاهرون")[0].inter == 6
    assert kb.lookup("حزب الله")[0].inter == 3
