"""The rules of dictionary linking, each on a real sentence of the seeds or of Arabic news."""

from __future__ import annotations

from datetime import date

from rasd.entities.link import link_entities, transliterate_name
from rasd.model import Entity

DAY = date(2025, 11, 10)


def linked(
    text: str, on: date | None = DAY, ner: list[Entity] | None = None
) -> list[tuple[str, str | None, str]]:
    return [(e.text, e.id, e.type) for e in link_entities(text, on, ner)]


def span(text: str, mention: str, type_: str) -> Entity:
    start = text.index(mention)
    return Entity(mention, start, start + len(mention), type_)  # type: ignore[arg-type]


def test_proclitics_and_quotes_before_a_name() -> None:
    text = "أميركا: قواتنا قتلت قيادياً بـ«القاعدة» على صلة بكمين استهدف أميركيين في سوريا"
    assert ("القاعدة»", "al-qaeda", "ORG") not in linked(text)
    assert ("القاعدة", "al-qaeda", "ORG") in linked(text)
    assert ("وبالجيش السوري", None, "ORG") not in linked("وبالجيش السوري")
    assert linked("وبالجيش السوري") == [("الجيش السوري", "syria-armed-forces", "ORG")]


def test_quotes_separate_words_written_without_a_space() -> None:
    assert linked('بين "حماس"و"فتح" في القاهرة') == [("حماس", "hamas", "ORG"), ("فتح", "fatah", "ORG")]


def test_lam_and_the_article_contract() -> None:
    # «ودون التقاط صور لاستقبال ترمب للشرع عند باب الجناح الغربي»: للشرع = ل + الشرع
    found = linked("ودون التقاط صور لاستقبال ترمب للشرع عند باب الجناح الغربي")
    assert ("ترمب", "donald-trump", "PER") in found
    assert ("لشرع", "ahmed-al-sharaa", "PER") in found


def test_a_name_inside_a_word_is_not_a_mention() -> None:
    # حماسة (enthusiasm) is not حماس; a bare قاعدة (a base) is not al-Qaeda.
    assert linked("استقبلوه بحماسة كبيرة") == []
    assert linked("وصلت التعزيزات إلى القاعدة العسكرية") == []


def test_the_longest_match_wins() -> None:
    text = "نفذ سلاح الجو النيجيري ضربات جوية ضد معاقل تنظيم «داعش في غرب أفريقيا»"
    assert linked(text) == [
        ("سلاح الجو النيجيري", "nigeria-air-force", "ORG"),
        ("تنظيم «داعش في غرب أفريقيا»", "iswap", "ORG"),
    ]


def test_titles_resolve_by_the_article_date() -> None:
    text = "وقال الرئيس السوري إن بلاده ستنضم إلى التحالف"
    assert ("الرئيس السوري", "ahmed-al-sharaa", "PER") in linked(text, date(2025, 11, 10))
    assert ("الرئيس السوري", "bashar-al-assad", "PER") in linked(text, date(2020, 3, 1))
    # Without a date a title names nobody; the adjective still names the country.
    assert linked(text, None)[0] == ("السوري", "syria", "NORP")
    text = "وأعلن الرئيس الأميركي فرض عقوبات جديدة"
    assert ("الرئيس الأميركي", "donald-trump", "PER") in linked(text, date(2025, 3, 1))
    assert ("الرئيس الأميركي", "joe-biden", "PER") in linked(text, date(2022, 3, 1))


def test_a_former_office_holder_is_not_the_current_one() -> None:
    found = linked("وقال الرئيس الأميركي السابق إن الاتفاق سيئ", date(2022, 3, 1))
    assert all(t[1] != "joe-biden" for t in found)


def test_shared_names_follow_the_article() -> None:
    # «قوى الأمن الداخلي» is Lebanon's ISF in a Lebanese story and Syria's in a Syrian one.
    lebanese = "أوقفت قوى الأمن الداخلي في بيروت مطلوبين، بحسب الجيش اللبناني والحكومة اللبنانية"
    syrian = "سُلّموا إلى قوى الأمن الداخلي في أطمة بعد عملية مع الحكومة السورية"
    assert ("قوى الأمن الداخلي", "lebanon-isf", "ORG") in linked(lebanese)
    assert ("قوى الأمن الداخلي", "syria-internal-security", "ORG") in linked(syrian)


def test_ner_spans_outside_the_knowledge_base_are_kept_with_a_transliteration() -> None:
    text = (
        "أسفرت عن اعتقال أحمد عبد الله المسعود البدري البالغ من العمر 47 عامًا. "
        'وأضاف أن البدري يعتبر أحد المنتسبين إلى تنظيم "الدولة"، وكان مختفيًا في البادية السورية.'
    )
    ner = [span(text, "أحمد عبد الله المسعود البدري", "PER"), span(text, "البادية السورية", "LOC")]
    entities = link_entities(text, DAY, ner)
    person = entities[0]
    assert (person.text, person.id, person.type) == ("أحمد عبد الله المسعود البدري", None, "PER")
    assert person.name_en and "Badri" in person.name_en
    # The surname alone, later in the article, is the same man.
    short = next(e for e in entities if e.text == "البدري")
    assert short.type == "PER" and short.name_en == person.name_en
    # A longer NER span swallows the adjective inside it.
    assert [(e.text, e.type) for e in entities if e.start >= text.index("البادية")] == [
        ("البادية السورية", "LOC")
    ]
    assert ('تنظيم "الدولة"', "islamic-state", "ORG") in [(e.text, e.id, e.type) for e in entities]


def test_ner_spans_over_a_knowledge_base_match_yield_to_it() -> None:
    text = "الرئيس السوري أحمد الشرع لحظة وصوله إلى البيت الأبيض"
    ner = [span(text, "الرئيس السوري أحمد الشرع", "PER")]
    assert ("أحمد الشرع", "ahmed-al-sharaa", "PER") in linked(text, DAY, ner)


def test_an_ner_organisation_named_after_a_country_keeps_its_span() -> None:
    # «قال تشارلز ليستر، مدير مبادرة سوريا في معهد "الشرق الأوسط"»
    text = 'قال تشارلز ليستر، مدير مبادرة سوريا في معهد "الشرق الأوسط"'
    ner = [span(text, "مبادرة سوريا", "ORG")]
    assert ("مبادرة سوريا", None, "ORG") in linked(text, DAY, ner)
    assert ("سوريا", "syria", "GPE") not in linked(text, DAY, ner)


def test_an_ner_span_that_only_adds_a_proclitic_keeps_the_dictionary_span() -> None:
    text = "أعلنت وزارة الداخلية السورية تفكيك خلية تابعة لتنظيم الدولة وسوريا"
    ner = [span(text, "وسوريا", "GPE")]
    assert ("سوريا", "syria", "GPE") in linked(text, DAY, ner)


def test_surname_short_form_of_a_known_person() -> None:
    text = "وانضم إليه وزير الخارجية السوري أسعد الشيباني. وصرح الشيباني للصحافيين"
    found = linked(text)
    assert found.count(("الشيباني", "asaad-al-shaibani", "PER")) == 1
    assert ("أسعد الشيباني", "asaad-al-shaibani", "PER") in found


def test_transliteration_of_unknown_names() -> None:
    assert transliterate_name("حمزة المصطفى").lower().startswith("hamza")


def test_a_demonym_in_the_accusative_is_its_country() -> None:
    # «بمقتل ما لا يقل عن 60 محتجا فلسطينيا»: the adverbial accusative, with or without its tanwīn.
    assert ("فلسطينيا", "palestine", "NORP") in linked(
        "بمقتل ما لا يقل عن 60 محتجا فلسطينيا بنيران إسرائيلية"
    )
    assert ("إسرائيليا", "israel", "NORP") in linked("شنّ الاحتلال عدواناً جوياً إسرائيلياً")  # tanwīn left out
    # A country's name spelt like the accusative stays the country unless it carries the tanwīn.
    assert linked("تلقت كييف دعماً أوكرانياً")[-1][1:] == ("ukraine", "NORP")
    assert linked("وصل الوفد إلى أوكرانيا")[-1][1:] == ("ukraine", "GPE")


def test_the_coalition_air_force_follows_the_coalition_the_article_names() -> None:
    # «فقد شن طيران التحالف 6 غارات جوية» in Yemen; in Syria the article names the international coalition.
    assert linked("فقد شن طيران التحالف 6 غارات جوية في مديرية الزيدية") == [
        ("طيران التحالف", "saudi-led-coalition", "ORG")
    ]
    found = linked("التحالف الدولي: شن طيران التحالف غارات على الرقة")
    assert ("طيران التحالف", "anti-isis-coalition", "ORG") in found


def test_a_shared_name_stays_unlinked_where_the_article_is_about_another_country() -> None:
    # الجيش الوطني is Libya's or Syria's National Army, never Burkina Faso's.
    found = linked("قتل 34 متطوعاً و6 جنود في بوركينا فاسو، وأعلن الجيش الوطني حالة التعبئة.")
    assert all(kb_id not in ("lna", "sna") for _, kb_id, _ in found)
    assert ("الجيش الوطني", "lna", "ORG") in linked("أعلن الجيش الوطني في ليبيا سيطرته على سرت.")
