"""The fields of an event record, one rule per test: modality, actors, ACLED sub-type and fatalities.

The sentences are written in the style of the Arabic news the stage reads (not copied from any article).
"""

from __future__ import annotations

from tests.event_texts import first_event


def _name(actor: object) -> str | None:
    return getattr(actor, "name_en", None)


# --- modality: who tells of the event ---


def test_a_statement_or_meeting_told_by_its_speaker_is_asserted() -> None:
    assert (
        first_event(
            "قال وزير الخارجية السعودي عادل الجبير إن بلاده ترفض المساس بوضع القدس.", "REJECT"
        ).modality
        == "asserted"
    )
    assert (
        first_event("وقالت الشرطة التركية إنها اعتقلت 20 شخصاً في إسطنبول.", "COERCE").modality == "asserted"
    )


def test_a_statement_told_by_the_media_is_reported() -> None:
    event = first_event("ذكرت وسائل إعلام محلية أن الشرطة اعتقلت 20 شخصاً في إسطنبول.", "COERCE")
    assert event.modality == "reported"


def test_an_army_telling_of_its_own_strike_claims_it() -> None:
    event = first_event(
        "وزارة الدفاع الروسية تعلن إسقاط 8 طائرات مسيرة أوكرانية فوق مقاطعة بيلغورود.", "ASSAULT"
    )
    assert event.modality == "claimed"


def test_a_claim_of_responsibility_is_claimed() -> None:
    assert first_event("وأعلنت كتائب القسام مسؤوليتها عن الهجوم على الحاجز.", "ASSAULT").modality == "claimed"


def test_the_victims_ministry_telling_of_the_enemys_strike_reports_it() -> None:
    event = first_event("ذكرت وزارة الدفاع السورية أن عدوان جوي إسرائيلي استهدف مطار حلب الدولي.", "ASSAULT")
    assert event.modality == "reported"


def test_an_attack_told_by_sources_or_agencies_is_reported_wherever_the_source_stands() -> None:
    assert (
        first_event("وأفادت مصادر محلية بأن مسلحين أطلقوا النار على حاجز للشرطة في جنين.", "ASSAULT").modality
        == "reported"
    )
    tail = "شنت طائرات التحالف سلسلة غارات على مواقع للقاعدة في محافظة حضرموت شرقي اليمن، وفق ما أفادت مصادر محلية."
    assert first_event(tail, "ASSAULT").modality == "reported"


def test_the_outlets_own_correspondent_asserts() -> None:
    event = first_event("وأفاد مراسل الميادين باستشهاد مواطن بقصف مدفعي على بلدة شدا الحدودية.", "ASSAULT")
    assert event.modality == "asserted"


def test_an_alleged_attack_is_reported() -> None:
    event = first_event(
        "وأعربت المنظمة عن قلقها إزاء الهجوم المزعوم بأسلحة كيماوية على مدينة دوما.", "ASSAULT"
    )
    assert event.modality == "reported"


def test_a_future_auxiliary_governs_its_clause() -> None:
    event = first_event(
        'ونقل عن الرئيس قوله: "سوف أزور العاصمة الكورية وألتقي الرئيس كيم جونغ أون".', "CONSULT"
    )
    assert event.modality == "planned"


# --- actors ---


def test_the_subject_before_a_verb_is_the_agent_and_what_follows_is_the_target() -> None:
    event = first_event("الرئيس الفلسطيني يتوعد حماس.", "THREATEN")
    assert _name(event.actor1) == "Mahmoud Abbas"
    assert _name(event.actor2) == "Hamas"
    settlers = first_event("مستوطنون يحرقون مركبة فلسطينية قرب رام الله", "COERCE")
    assert _name(settlers.actor1) is not None and "Settlers" in (_name(settlers.actor1) or "").title()


def test_a_title_demonym_gives_way_to_the_named_person() -> None:
    event = first_event(
        "التقى وزير الخارجية الأميركي مايك بومبيو العاهل السعودي الملك سلمان في الرياض.", "CONSULT"
    )
    assert _name(event.actor1) == "Mike Pompeo"


def test_the_genitive_of_an_attack_noun_with_a_lam_object_is_the_attacker() -> None:
    event = first_event("وأدان المتحدث استهداف الحوثيين لمطار أبها بطائرة مسيرة.", "ASSAULT")
    assert _name(event.actor1) == "Houthis (Ansar Allah)"


def test_a_country_after_a_locative_is_a_place_not_an_actor() -> None:
    event = first_event("ونفذت القوات الأميركية والبريطانية والفرنسية ضربات جوية في سوريا.", "ASSAULT")
    assert _name(event.actor1) != "Syria"


def test_young_men_and_children_killed_are_civilians() -> None:
    event = first_event("الاحتلال الإسرائيلي يعدم شاباً قرب قلقيلية.", "ASSAULT")
    assert _name(event.actor2) == "Civilians"


# --- ACLED sub-type ---


def test_settlers_attacks_are_violence_against_civilians() -> None:
    event = first_event("هاجم عشرات المستوطنين قرية أم صفا غرب رام الله.", "ASSAULT")
    assert event.acled_sub_event_type == "Attack"


def test_an_explosion_with_no_weapon_named_is_a_remote_explosive() -> None:
    event = first_event("واستهدف انفجار موكب رئيس الوزراء في بيت حانون شمال قطاع غزة.", "ASSAULT")
    assert event.acled_sub_event_type == "Remote explosive/landmine/IED"


# --- fatalities ---


def test_coordinated_counts_add_up() -> None:
    event = first_event("أسفر هجوم المسلحين عن مقتل 34 متطوعاً و6 جنود قرب قرية أوريما.", "ASSAULT")
    assert event.fatalities == 40


def test_a_number_of_wounded_after_the_dead_is_not_counted() -> None:
    event = first_event("قصف الاحتلال حي الشجاعية ما أدى إلى سقوط 54 شهيداً و104 مصابين.", "ASSAULT")
    assert event.fatalities == 54


def test_the_dead_of_the_attack_a_strike_answers_are_not_its_own() -> None:
    event = first_event(
        "ونفذت القوات الأميركية ضربات جوية في سوريا رداً على هجوم بالغاز السام أسفر عن مقتل العشرات.",
        "ASSAULT",
    )
    assert event.fatalities == 0


def test_the_author_of_a_repelled_attack_is_actor1_and_the_defender_actor2() -> None:
    event = first_event(
        "تصدّت وسائط الدفاع الجوية السورية لعدوان إسرائيلي بالصواريخ في محيط مدينة حمص.", "ASSAULT"
    )
    assert _name(event.actor1) == "Israel"
    assert _name(event.actor2) == "Syria"


def test_the_demonym_of_a_source_is_not_the_attacker() -> None:
    event = first_event(
        "أفاد مصدر عسكري سوري بارتقاء 8 شهداء عسكريين في الاعتداء الإسرائيلي على مواقع الجيش في ريف درعا.",
        "ASSAULT",
    )
    assert _name(event.actor1) != "Syria"


def test_a_rank_or_a_kin_noun_after_the_death_word_counts_one() -> None:
    assert first_event("أقر جيش الاحتلال بمقتل رقيب أول في معارك شمال قطاع غزة.", "ASSAULT").fatalities == 1
    assert first_event("بعد استشهاد والدهن في رفح خلال اجتياحها من جيش الاحتلال.", "ASSAULT").fatalities == 1


def test_a_backer_is_not_the_agent() -> None:
    event = first_event("وأطلقت القوات السورية بدعم روسي عملية عسكرية في محافظة درعا.", "ASSAULT")
    assert _name(event.actor1) != "Russia"


def test_the_west_as_a_party_is_western_states() -> None:
    event = first_event("واتهم الغربيون روسيا مراراً بعرقلة وصول المفتشين إلى دوما.", "ACCUSE")
    assert _name(event.actor1) == "Western states"
    assert _name(event.actor2) == "Russia"
    # غرب without the article is a direction, not an actor.
    event = first_event("قصفت الطائرات الروسية مواقع في غرب سوريا.", "ASSAULT")
    assert _name(event.actor2) != "Western states"
