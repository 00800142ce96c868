"""The fields of an event record, one rule per test: modality, actors, ACLED sub-type and fatalities.

The sentences are written in the style of the Arabic news the stage reads (not copied from any article).
"""

from __future__ import annotations

from rasd.events import extract_events_from_text
from rasd.model import Event

PUBLISHED = "2024-03-31T10:00:00+03:00"


def _one(text: str, plover: str) -> Event:
    events = [e for e in extract_events_from_text(text, PUBLISHED) if e.plover == plover]
    assert events, f"no {plover} event in {text!r}"
    return events[0]


def _name(actor: object) -> str | None:
    return getattr(actor, "name_en", None)


# --- modality: who tells of the event ---


def test_a_statement_or_meeting_told_by_its_speaker_is_asserted() -> None:
    assert (
        _one("قال وزير الخارجية السعودي عادل الجبير إن بلاده ترفض المساس بوضع القدس.", "REJECT").modality
        == "asserted"
    )
    assert _one("وقالت الشرطة التركية إنها اعتقلت 20 شخصاً في إسطنبول.", "COERCE").modality == "asserted"


def test_a_statement_told_by_the_media_is_reported() -> None:
    event = _one("ذكرت وسائل إعلام محلية أن الشرطة اعتقلت 20 شخصاً في إسطنبول.", "COERCE")
    assert event.modality == "reported"


def test_an_army_telling_of_its_own_strike_claims_it() -> None:
    event = _one("وزارة الدفاع الروسية تعلن إسقاط 8 طائرات مسيرة أوكرانية فوق مقاطعة بيلغورود.", "ASSAULT")
    assert event.modality == "claimed"


def test_a_claim_of_responsibility_is_claimed() -> None:
    assert _one("وأعلنت كتائب القسام مسؤوليتها عن الهجوم على الحاجز.", "ASSAULT").modality == "claimed"


def test_the_victims_ministry_telling_of_the_enemys_strike_reports_it() -> None:
    event = _one("ذكرت وزارة الدفاع السورية أن عدوان جوي إسرائيلي استهدف مطار حلب الدولي.", "ASSAULT")
    assert event.modality == "reported"


def test_an_attack_told_by_sources_or_agencies_is_reported_wherever_the_source_stands() -> None:
    assert (
        _one("وأفادت مصادر محلية بأن مسلحين أطلقوا النار على حاجز للشرطة في جنين.", "ASSAULT").modality
        == "reported"
    )
    tail = "شنت طائرات التحالف سلسلة غارات على مواقع للقاعدة في محافظة حضرموت شرقي اليمن، وفق ما أفادت مصادر محلية."
    assert _one(tail, "ASSAULT").modality == "reported"


def test_the_outlets_own_correspondent_asserts() -> None:
    event = _one("وأفاد مراسل الميادين باستشهاد مواطن بقصف مدفعي على بلدة شدا الحدودية.", "ASSAULT")
    assert event.modality == "asserted"


def test_an_alleged_attack_is_reported() -> None:
    event = _one("وأعربت المنظمة عن قلقها إزاء الهجوم المزعوم بأسلحة كيماوية على مدينة دوما.", "ASSAULT")
    assert event.modality == "reported"


def test_a_future_auxiliary_governs_its_clause() -> None:
    event = _one('ونقل عن الرئيس قوله: "سوف أزور العاصمة الكورية وألتقي الرئيس كيم جونغ أون".', "CONSULT")
    assert event.modality == "planned"


# --- actors ---


def test_the_subject_before_a_verb_is_the_agent_and_what_follows_is_the_target() -> None:
    event = _one("الرئيس الفلسطيني يتوعد حماس.", "THREATEN")
    assert _name(event.actor1) == "Mahmoud Abbas"
    assert _name(event.actor2) == "Hamas"
    settlers = _one("مستوطنون يحرقون مركبة فلسطينية قرب رام الله", "COERCE")
    assert _name(settlers.actor1) is not None and "Settlers" in (_name(settlers.actor1) or "").title()


def test_a_title_demonym_gives_way_to_the_named_person() -> None:
    event = _one("التقى وزير الخارجية الأميركي مايك بومبيو العاهل السعودي الملك سلمان في الرياض.", "CONSULT")
    assert _name(event.actor1) == "Mike Pompeo"


def test_the_genitive_of_an_attack_noun_with_a_lam_object_is_the_attacker() -> None:
    event = _one("وأدان المتحدث استهداف الحوثيين لمطار أبها بطائرة مسيرة.", "ASSAULT")
    assert _name(event.actor1) == "Houthis (Ansar Allah)"


def test_a_country_after_a_locative_is_a_place_not_an_actor() -> None:
    event = _one("ونفذت القوات الأميركية والبريطانية والفرنسية ضربات جوية في سوريا.", "ASSAULT")
    assert _name(event.actor1) != "Syria"


def test_young_men_and_children_killed_are_civilians() -> None:
    event = _one("الاحتلال الإسرائيلي يعدم شاباً قرب قلقيلية.", "ASSAULT")
    assert _name(event.actor2) == "Civilians"


# --- ACLED sub-type ---


def test_settlers_attacks_are_violence_against_civilians() -> None:
    event = _one("هاجم عشرات المستوطنين قرية أم صفا غرب رام الله.", "ASSAULT")
    assert event.acled_sub_event_type == "Attack"


def test_an_explosion_with_no_weapon_named_is_a_remote_explosive() -> None:
    event = _one("واستهدف انفجار موكب رئيس الوزراء في بيت حانون شمال قطاع غزة.", "ASSAULT")
    assert event.acled_sub_event_type == "Remote explosive/landmine/IED"


# --- fatalities ---


def test_coordinated_counts_add_up() -> None:
    event = _one("أسفر هجوم المسلحين عن مقتل 34 متطوعاً و6 جنود قرب قرية أوريما.", "ASSAULT")
    assert event.fatalities == 40


def test_a_number_of_wounded_after_the_dead_is_not_counted() -> None:
    event = _one("قصف الاحتلال حي الشجاعية ما أدى إلى سقوط 54 شهيداً و104 مصابين.", "ASSAULT")
    assert event.fatalities == 54


def test_the_dead_of_the_attack_a_strike_answers_are_not_its_own() -> None:
    event = _one(
        "ونفذت القوات الأميركية ضربات جوية في سوريا رداً على هجوم بالغاز السام أسفر عن مقتل العشرات.",
        "ASSAULT",
    )
    assert event.fatalities == 0


def test_the_author_of_a_repelled_attack_is_actor1_and_the_defender_actor2() -> None:
    event = _one("تصدّت وسائط الدفاع الجوية السورية لعدوان إسرائيلي بالصواريخ في محيط مدينة حمص.", "ASSAULT")
    assert _name(event.actor1) == "Israel"
    assert _name(event.actor2) == "Syria"


def test_the_demonym_of_a_source_is_not_the_attacker() -> None:
    event = _one(
        "أفاد مصدر عسكري سوري بارتقاء 8 شهداء عسكريين في الاعتداء الإسرائيلي على مواقع الجيش في ريف درعا.",
        "ASSAULT",
    )
    assert _name(event.actor1) != "Syria"


def test_a_rank_or_a_kin_noun_after_the_death_word_counts_one() -> None:
    assert _one("أقر جيش الاحتلال بمقتل رقيب أول في معارك شمال قطاع غزة.", "ASSAULT").fatalities == 1
    assert _one("بعد استشهاد والدهن في رفح خلال اجتياحها من جيش الاحتلال.", "ASSAULT").fatalities == 1


def test_a_backer_is_not_the_agent() -> None:
    event = _one("وأطلقت القوات السورية بدعم روسي عملية عسكرية في محافظة درعا.", "ASSAULT")
    assert _name(event.actor1) != "Russia"


def test_the_west_as_a_party_is_western_states() -> None:
    event = _one("واتهم الغربيون روسيا مراراً بعرقلة وصول المفتشين إلى دوما.", "ACCUSE")
    assert _name(event.actor1) == "Western states"
    assert _name(event.actor2) == "Russia"
    # غرب without the article is a direction, not an actor.
    event = _one("قصفت الطائرات الروسية مواقع في غرب سوريا.", "ASSAULT")
    assert _name(event.actor2) != "Western states"
