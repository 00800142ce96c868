"""Who did it and to whom: the roles that Arabic word order gives the actors around an event's trigger."""

from __future__ import annotations

import pytest

from rasd.model import Article, Event
from rasd.pipeline import annotate


def events_of(text: str) -> list[Event]:
    article = Article(id="a", document_id="d", kind="article", text=text, published="2018-03-23T10:00:00")
    return annotate(article).events


def only_event(text: str) -> Event:
    events = events_of(text)
    assert len(events) == 1, [(e.plover, e.evidence) for e in events]
    return events[0]


def test_an_actor_past_a_target_preposition_is_in_the_target_phrase() -> None:
    event = only_event(
        "وشنت تركيا عددا من الهجمات ضد معسكرات يشتبه بانتمائها لحزب العمال الكردستاني شمالي العراق."
    )
    assert event.actor1 is not None and event.actor1.id == "turkey"
    assert event.actor2 is not None and event.actor2.id == "pkk"


def test_a_person_after_a_nominal_trigger_undergoes_the_act() -> None:
    event = only_event("قررت النيابة العامة المصرية حبس مقدمة البرامج ريهام سعيد ومنتج برنامجها أربعة أيام.")
    assert event.actor1 is not None and event.actor1.id == "egypt"
    assert event.actor2 is not None and event.actor2.name_ar == "ريهام سعيد"


def test_the_partner_of_talks_follows_with() -> None:
    event = only_event("وسيجري البرهان، خلال الزيارة، مباحثات مع رئيس الجمهورية عبد المجيد تبون.")
    assert event.actor1 is not None and event.actor1.id == "abdel-fattah-al-burhan"
    assert event.actor2 is not None and event.actor2.id == "abdelmadjid-tebboune"


@pytest.mark.parametrize(
    "text",
    [
        "وأكد المصدر أن 4 صواريخ معادية استهدفت مطار حلب الدولي فجر اليوم.",
        "تدمير وإسقاط مسيرات انتحارية استهدفت المدنيين في حماه وحلب",
    ],
)
def test_a_town_is_where_not_who(text: str) -> None:
    for event in events_of(text):
        for actor in (event.actor1, event.actor2):
            assert actor is None or actor.name_en not in ("Aleppo", "Hama")


def test_a_demonym_after_the_capital_is_the_destination() -> None:
    event = only_event(
        "قالت هيئة البث الإسرائيلية إن وفدا تقنيا سيتوجه اليوم الأربعاء إلى العاصمة القطرية "
        "لمواصلة المفاوضات بشأن صفقة التبادل."
    )
    assert event.actor1 is None or event.actor1.id != "qatar"


def test_a_headline_subject_before_its_verb_beats_an_actor_the_lede_names_near_the_act() -> None:
    article = Article(
        id="a",
        document_id="d",
        kind="article",
        title="مستوطنون يحرقون مركبة فلسطينية ويخطون شعارات عنصرية برام الله",
        text="أقدم مستوطنون إسرائيليون -اليوم الجمعة- على إحراق مركبة فلسطينية في بلدة أبو فلاح شمال مدينة "
        "رام الله وسط الضفة الغربية المحتلة.",
        published="2024-05-03T10:00:00",
    )
    burning = [e for e in annotate(article).events if e.plover == "COERCE"]
    assert burning and all(e.actor1 is not None and e.actor1.name_en == "Israeli Settlers" for e in burning)


@pytest.mark.parametrize(
    ("text", "victims"),
    [
        ("استشهاد الشاب الفلسطيني عمير لولح متأثراً بإصابة تعرض لها الشهر الماضي.", "عمير لولح"),
        ("إذ قُتل مستوطنان إسرائيليان في عملية إطلاق نار قرب حوارة.", "مستوطنان"),
    ],
)
def test_those_a_casualty_phrase_counts_are_the_victims(text: str, victims: str) -> None:
    event = only_event(text)
    assert event.actor2 is not None and event.actor2.name_ar == victims
    assert event.actor1 is None or event.actor1.name_ar != victims


def test_two_sides_attacking_one_town_are_two_happenings() -> None:
    events = events_of(
        "قصفت المدفعية الإسرائيلية أطراف بلدة كفركلا جنوبي لبنان صباح اليوم. "
        "وقصف حزب الله بالصواريخ موقعا للجيش الإسرائيلي في بلدة كفركلا ظهر اليوم."
    )
    assert sorted(e.actor1.id for e in events if e.actor1 is not None) == ["hezbollah", "israel"]


@pytest.mark.parametrize(
    ("text", "actor"),
    [
        (
            "وأفادت تقارير بأن أطباء عالجوا عددا من الأشخاص عقب غارة جوية شنتها الحكومة على بلدة حمورية في ريف دمشق.",
            "Government of Syria",
        ),
        (
            "وتمكنت الأجهزة الأمنية من قتل 11 إرهابيا في مواجهات بمدينة العريش في شمال سيناء.",
            "Police Forces of Egypt",
        ),
    ],
)
def test_a_national_body_unnamed_is_that_of_the_country_the_event_lies_in(text: str, actor: str) -> None:
    [event] = [e for e in events_of(text) if e.plover == "ASSAULT"]
    assert event.actor1 is not None and event.actor1.name_en == actor and event.actor1.inter == 1


def test_a_national_body_with_its_demonym_is_that_country_s_wherever_the_event_lies() -> None:
    [arrests] = [
        e
        for e in events_of("واعتقلت السلطات الكينية عشرات المحتجين في العاصمة نيروبي أمس.")
        if e.plover == "COERCE"
    ]
    assert arrests.actor1 is not None and arrests.actor1.name_en == "Government of Kenya"
    assert arrests.actor1.name_ar == "السلطات الكينية"


def test_sanctions_are_lifted_from_the_party_after_their_preposition() -> None:
    events = events_of(
        "كما رحب بقرار مجلس الأمن الدولي رفع العقوبات عن الرئيس السوري، أحمد الشرع، قبل الزيارة المرتقبة "
        "للشرع إلى البيت الأبيض الاثنين المقبل."
    )
    [lifting] = [e for e in events if e.plover == "CONCEDE"]
    assert lifting.actor2 is not None and lifting.actor2.id == "ahmed-al-sharaa"


def test_a_withdrawal_has_no_object_actor() -> None:
    events = events_of(
        "كشفت مصادر من حركة حماس أن قيادات من التنظيم تستعد للخروج من القطاع بعد ترتيبات المرحلة الثانية "
        "من اتفاق وقف إطلاق النار التي أعلنت الولايات المتحدة عنها."
    )
    exits = [e for e in events if e.plover == "RETREAT"]
    assert exits and all(e.actor2 is None for e in exits)


def test_the_first_party_inside_a_phrase_trigger_is_its_agent() -> None:
    events = events_of(
        "حمل الرئيس الفلسطيني، محمود عباس، حركة حماس مسؤولية الهجوم على موكب رئيس الوزراء في غزة."
    )
    [blame] = [e for e in events if e.plover == "ACCUSE"]
    assert blame.actor1 is not None and blame.actor1.id == "mahmoud-abbas"
