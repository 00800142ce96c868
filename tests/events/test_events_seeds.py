"""The events of the two seed documents (bundled samples): the happenings the product was commissioned for."""

from __future__ import annotations

from pathlib import Path

import pytest

from rasd.events import extract_events
from rasd.extract import extract
from rasd.ingest.base import make_document
from rasd.model import AnnotatedArticle, Event


def _events(path: Path) -> list[Event]:
    document = make_document(path.read_text(encoding="utf-8"), origin=str(path))
    found: list[Event] = []
    for article in extract(document):
        found += extract_events(AnnotatedArticle(article=article))
    return found


@pytest.fixture(scope="module")
def enab_events(seed_enab: Path) -> list[Event]:
    return _events(seed_enab)


@pytest.fixture(scope="module")
def asharq_events(seed_dump: Path) -> list[Event]:
    return _events(seed_dump)


def _find(events: list[Event], plover: str, place_word: str) -> list[Event]:
    return [
        e
        for e in events
        if e.plover == plover and e.location and place_word in f"{e.location.name_en} {e.location.name_ar}"
    ]


def test_the_al_bab_raid_of_25_july_killed_three(enab_events: list[Event]) -> None:
    # "وفي 25 من تموز الماضي، نفذت القوات الأمريكية عملية ضد تنظيم "الدولة" في مدينة الباب بريف حلب"
    raids = [e for e in _find(enab_events, "ASSAULT", "Bāb") if e.date == "2025-07-25"]
    assert raids
    assert max(e.fatalities or 0 for e in raids) == 3
    assert raids[0].location is not None and raids[0].location.admin1 == "Aleppo"


def test_the_atmeh_operation_is_dated_20_august(enab_events: list[Event]) -> None:
    # "وفي 20 من آب الماضي، نفذت قوات التحالف الدولي ... عملية إنزال جوي مشتركة ... في منطقة أطمة"
    assert any(
        e.date == "2025-08-20" and e.date_precision == "day" for e in _find(enab_events, "ASSAULT", "Atmeh")
    )


def test_the_muadamiyat_al_qalamoun_cell_left_two_dead_on_19_october(enab_events: list[Event]) -> None:
    # "تحييد العنصر الأول في أثناء محاولته تفجير حزام ناسف، بينما توفي الثاني متأثرًا بجروحه"
    cell = [
        e for e in enab_events if e.date == "2025-10-19" and e.location and e.location.admin1 == "Rif Dimashq"
    ]
    assert cell
    assert max(e.fatalities or 0 for e in cell) == 2


def test_the_coalition_meeting_is_planned_for_monday_10_november(enab_events: list[Event]) -> None:
    # "يلتقي الرئيس السوري ... الرئيس الأمريكي، دونالد ترامب، في البيت الأبيض الاثنين المقبل 10 من تشرين الثاني"
    meetings = [e for e in enab_events if e.plover == "CONSULT" and e.date == "2025-11-10"]
    assert meetings
    assert meetings[0].modality == "planned"


def test_the_nigerian_air_strikes_killed_forty(asharq_events: list[Event]) -> None:
    # "نفذ سلاح الجو النيجيري ضربات جوية ... ما أسفر عن مقتل أكثر من 40 إرهابياً"
    strikes = [
        e for e in asharq_events if e.plover == "ASSAULT" and e.plover_mode == "aerial" and e.fatalities == 40
    ]
    assert strikes
    assert strikes[0].fatalities_text is not None and "40" in strikes[0].fatalities_text
    assert strikes[0].acled_sub_event_type == "Air/drone strike"


def test_a_curfew_is_imposed_in_al_shaddadi(asharq_events: list[Event]) -> None:
    # "أعلنت هيئة العمليات في الجيش السوري ... عن حظر تجول كامل في مدينة الشدادي"
    curfews = [e for e in asharq_events if e.plover == "COERCE" and e.plover_mode == "curfew"]
    assert curfews
    assert curfews[0].location is not None and curfews[0].location.admin1 == "Al-Hasakah"
    assert curfews[0].summary_en and "curfew" in curfews[0].summary_en


def test_the_caesar_act_suspension_is_planned(asharq_events: list[Event]) -> None:
    # "الرئيس ترمب سيصدر قراراً بتعليق العمل بقانون قيصر لمدة 180 يوماً"
    eased = [e for e in asharq_events if e.plover == "CONCEDE" and e.plover_mode == "ease-sanctions"]
    assert any(e.modality == "planned" for e in eased)


def test_the_hamas_exit_is_claimed_and_denied(asharq_events: list[Event]) -> None:
    # "كشفت مصادر من حركة «حماس» ... أن قيادات من التنظيم تستعد للخروج" / "أنفي صحة الأنباء عن خروج قيادات"
    exits = [e for e in asharq_events if e.plover == "RETREAT" and e.actor1 and e.actor1.name_en == "Hamas"]
    modalities = {e.modality for e in exits}
    assert "claimed" in modalities
    assert "denied" in modalities


def test_every_event_has_plover_evidence_and_summaries(
    asharq_events: list[Event], enab_events: list[Event]
) -> None:
    for event in asharq_events + enab_events:
        assert event.plover
        assert event.evidence or event.title_evidence
        assert event.summary_en and event.summary_ar
        assert 0.0 < event.confidence < 1.0
