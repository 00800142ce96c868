"""Modality: who tells of a happening, and how a record merged from several mentions is told.

The sentences are written in the style of the Arabic news the stage reads (not copied from any article).
"""

from __future__ import annotations

from rasd.events import extract_events_from_text
from rasd.events.modality import MentionModality, merged_modality
from tests.event_texts import PUBLISHED, first_event

# --- one mention ---


def test_an_attribution_does_not_reach_a_happening_told_in_a_relative_clause() -> None:
    # the Kremlin tells of the arrests; the attack the suspects took part in is presupposed, the outlet's word
    text = "أعلن الكرملين اعتقال 11 شخصاً متورطين في الهجوم الإرهابي الذي استهدف مجمعاً تجارياً في موسكو."
    assert first_event(text, "ASSAULT").modality == "asserted"


def test_a_speaker_announcing_an_act_with_no_other_agent_claims_it() -> None:
    event = first_event("وأعلن المالكي عن السيطرة على مدينة ميدي اليمنية ورفع العلم فيها.", "ASSAULT")
    assert event.modality == "claimed"


def test_a_partys_own_media_office_speaks_for_it() -> None:
    text = "وذكرت خلية الإعلام الأمني أن القوات العراقية أحبطت هجوماً لتنظيم داعش في نينوى."
    assert first_event(text, "ASSAULT").modality == "claimed"
    text = "وأفادت وسائل إعلام محلية بأن القوات العراقية أحبطت هجوماً لتنظيم داعش في نينوى."
    assert first_event(text, "ASSAULT").modality == "reported"


def test_a_plan_word_governs_the_acts_joined_to_the_first_it_names() -> None:
    text = (
        "بإعلان إسرائيل نيتها اقتحام مستشفى جنين الحكومي، تبادر إلى الأهالي سيناريو مستشفيات غزة التي "
        "حاصرها الاحتلال قبل مداهمتها واعتقال عدد من الكوادر الطبية."
    )
    assert first_event(text, "COERCE").modality == "planned"


def test_an_explosion_told_by_the_authorities_is_reported_not_claimed() -> None:
    text = "وأعلنت الشرطة الباكستانية مقتل 44 شخصاً في انفجار عبوة ناسفة خلال تجمع سياسي في باجور."
    assert first_event(text, "ASSAULT").modality == "reported"


def test_a_suicide_bombing_told_by_the_police_is_reported_but_an_interception_is_claimed() -> None:
    text = "وقالت الشرطة الباكستانية إن انتحارياً فجر نفسه قرب تجمع ديني في إقليم بلوشستان."
    assert first_event(text, "ASSAULT").modality == "reported"
    text = "وزارة الدفاع السورية تعلن تدمير وإسقاط 8 مسيرات انتحارية في ريفي حماة وحلب."
    assert first_event(text, "ASSAULT").modality == "claimed"


def test_the_source_named_again_is_the_one_introduced_before() -> None:
    text = (
        "تمكنت قوات المقاومة المشتركة من تأمين منطقة الفازة. وأكد مصدر في الإعلام العسكري التابع للمقاومة "
        "أن العملية انتهت مساء. وأوضح المصدر أن المقاومة المشتركة باغتت الميليشيات الحوثية بضربات موجعة قرب زبيد."
    )
    assert first_event(text, "ASSAULT").modality == "claimed"


def test_tail_attributions_glued_or_bare_and_the_medias_own_verbs_report() -> None:
    for text in (
        "قتل 3 مسلحين في اشتباكات مع قوات الأمن في العريش، حسبما أفادت مصادر أمنية.",
        "قتل 3 مسلحين في اشتباكات مع قوات الأمن في العريش، وفق مصادر أمنية.",
        "وتناقلت وسائل إعلام محلية أن مسلحين هاجموا حاجزاً للشرطة في درعا.",
    ):
        assert first_event(text, "ASSAULT").modality == "reported", text


def test_a_quoted_name_issuing_a_statement_is_a_body_not_an_outlet() -> None:
    text = 'قالت "منظومة المجتمع الكردستاني"، في بيان، إن مسلحي حزب العمال الكردستاني ينسحبون من مدينة سنجار.'
    assert (
        first_event(text, "RETREAT").modality == "asserted"
    )  # the actor's own side announcing its withdrawal
    text = 'وفق "معاريف"، اعتقلت الشرطة الإسرائيلية 5 مستوطنين في الخليل.'
    assert first_event(text, "COERCE").modality == "reported"  # a quoted outlet


def test_testimonies_and_the_bodies_that_count_victims_are_third_parties() -> None:
    text = "وتعتقل ميليشيات الحوثي آلاف المدنيين في صنعاء، بحسب شهادات المفرج عنهم."
    assert first_event(text, "COERCE").modality == "reported"  # an arrest told by its actor would be asserted


# --- a record merged from several mentions ---


def test_the_outlets_correspondent_telling_it_anywhere_makes_the_record_asserted() -> None:
    text = (
        "اليمن: استشهاد مواطن بقصف مدفعي سعودي على مديرية شدا\n\n"
        "أفاد مراسل الميادين في صعدة باستشهاد مواطن يمني بقصف مدفعي سعودي على مديرية شدا الحدودية. "
        "وأشارت مصادر محلية إلى قصف مدفعي طال مديرية شدا."
    )
    events = [e for e in extract_events_from_text(text, PUBLISHED) if e.plover == "ASSAULT"]
    assert len(events) == 1 and len(events[0].evidence) >= 2
    assert events[0].modality == "asserted"


def test_the_body_mentions_that_tell_the_happening_vote() -> None:
    told = [MentionModality("asserted"), MentionModality("asserted"), MentionModality("reported")]
    assert merged_modality(told) == "asserted"
    assert merged_modality([MentionModality("reported"), MentionModality("asserted")]) == "reported"  # a tie
    assert merged_modality([MentionModality("claimed"), MentionModality("reported")]) == "reported"
    assert merged_modality([MentionModality("asserted"), MentionModality("claimed")]) == "claimed"


def test_a_headline_or_a_back_reference_counts_only_when_nothing_else_tells_it() -> None:
    headline = MentionModality("asserted", unit="title")
    reference = MentionModality("asserted", reference=True)  # وأسفر الهجوم عن…
    assert merged_modality([MentionModality("reported"), headline, reference]) == "reported"
    assert merged_modality([headline]) == "asserted"
    assert merged_modality([reference, MentionModality("claimed", reference=True)]) == "claimed"


def test_a_definite_noun_naming_the_dead_again_does_not_tell_the_happening() -> None:
    text = (
        "وقالت قوات الفجر في بيان إن الشهيدين هما مصعب خلف وبلال خلف. "
        "واستشهد اثنان من قادة قوات الفجر في غارة إسرائيلية استهدفتهما في البقاع الغربي."
    )
    assert first_event(text, "ASSAULT").modality == "asserted"


def test_a_correspondent_naming_the_happening_only_in_passing_does_not_decide() -> None:
    passing = MentionModality("asserted", reference=True, correspondent=True)  # ومراسلنا يؤكد… جراء الاعتداء
    assert merged_modality([MentionModality("claimed"), passing]) == "claimed"
    assert merged_modality([MentionModality("claimed"), MentionModality("asserted", correspondent=True)]) == (
        "asserted"
    )


def test_a_record_founded_by_a_denial_or_a_plan_keeps_it() -> None:
    assert merged_modality([MentionModality("denied"), MentionModality("reported")]) == "denied"
    assert (
        merged_modality([MentionModality("planned"), MentionModality("asserted", unit="title")]) == "planned"
    )
