"""The events stage on single sentences: triggers, arguments, modality, fatalities, merging, headline mode."""

from __future__ import annotations

from rasd.arabic.normalize import normalize_text
from rasd.events import extract_events, extract_events_from_text
from rasd.events.evaluate import dates_agree, places_agree
from rasd.events.lexicon import family_of, lookup_word
from rasd.model import AnnotatedArticle, Article, Event, Place
from tests.event_texts import first_event


def test_trigger_words_are_found_through_clitics_and_conjugation() -> None:
    for word, plover in [
        ("وقصفت", "ASSAULT"),
        ("باستهدافها", "ASSAULT"),
        ("غارتين", "ASSAULT"),
        ("واعتقلت", "COERCE"),
        ("يلتقي", "CONSULT"),
        ("ونددت", "ACCUSE"),
    ]:
        hit = lookup_word(normalize_text(word))
        assert hit is not None and hit.trigger.plover == plover, word
    assert lookup_word(normalize_text("وزارة")) is None  # not و + زار + ه


def test_an_air_strike_with_its_toll_and_place() -> None:
    event = first_event(
        "استشهد 3 مواطنين إثر قصف الطيران الحربي الإسرائيلي منزلاً في مخيم النصيرات وسط قطاع غزة.", "ASSAULT"
    )
    assert event.plover_mode == "aerial"
    assert event.acled_sub_event_type == "Air/drone strike"
    assert event.fatalities == 3
    assert event.location is not None and event.location.country == "PS"


def test_more_than_forty_counts_forty_and_dozens_count_ten() -> None:
    assert first_event("أسفرت الغارة عن مقتل أكثر من 40 مسلحاً في ولاية بورنو.", "ASSAULT").fatalities == 40
    assert first_event("استشهد وجرح عشرات الفلسطينيين في قصف على خان يونس.", "ASSAULT").fatalities == 10


def test_a_running_toll_is_not_an_event() -> None:
    events = extract_events_from_text("ارتفعت حصيلة الشهداء منذ بدء العدوان إلى 34151 شهيداً.", "2024-04-22")
    assert not [e for e in events if e.plover == "ASSAULT"]


def test_a_date_in_the_sentence_wins_over_the_publication_date() -> None:
    event = first_event("وفجر الجمعة، نفّذت طائرات الاحتلال الإسرائيلي غارات على ريف مدينة حلب.", "ASSAULT")
    assert (event.date, event.date_precision) == ("2024-03-29", "day")


def test_without_a_date_the_publication_date_is_kept_at_week_precision() -> None:
    event = first_event("قصف إسرائيلي يستهدف حوض اليرموك في ريف درعا الغربي.", "ASSAULT")
    assert (event.date, event.date_precision) == ("2024-03-31", "week")


def test_modalities_from_the_words_around_the_trigger() -> None:
    assert (
        first_event(
            "وأفادت مصادر محلية بأن المستوطنين اعتدوا على الأهالي في قرية أم صفا.", "ASSAULT"
        ).modality
        == "reported"
    )
    assert (
        first_event(
            "أعلنت المقاومة الإسلامية في لبنان استهداف موقع المالكية بالأسلحة الصاروخية.", "ASSAULT"
        ).modality
        == "claimed"
    )
    assert first_event("ونفت أوكرانيا مسؤوليتها عن الهجوم على منطقة بريانسك.", "ASSAULT").modality == "denied"
    assert first_event("أعلنت روسيا أنها ستطرد 5 دبلوماسيين سويديين.", "SANCTION").modality == "planned"


def test_mentions_of_one_happening_merge_into_one_record() -> None:
    article = Article(
        id="a1",
        document_id="d1",
        kind="article",
        title="مقتل 4 جنود في كمين برفح",
        text="كشف الجيش الإسرائيلي تفاصيل الكمين الذي نصبته المقاومة أمس الثلاثاء في رفح، مما خلف مقتل 4 عسكريين.",
        published="2024-09-18",
    )
    attacks = [e for e in extract_events(AnnotatedArticle(article=article)) if e.plover == "ASSAULT"]
    assert len(attacks) == 1
    assert attacks[0].title_evidence and attacks[0].evidence
    assert attacks[0].fatalities == 4
    assert attacks[0].date == "2024-09-17"


def test_a_headline_alone_makes_events() -> None:
    events = extract_events_from_text(
        "مستوطنون يحرقون مركبة فلسطينية ويخطون شعارات عنصرية برام الله", "2024-09-06"
    )
    assert events
    assert all(e.evidence for e in events)


def test_acled_fields_are_empty_outside_acled_scope() -> None:
    event = first_event(
        "التقى وزير الخارجية الأميركي مايك بومبيو العاهل السعودي الملك سلمان في الرياض.", "CONSULT"
    )
    assert event.acled_event_type is None and event.acled_sub_event_type is None
    assert event.fatalities is None
    assert family_of(event.plover) == "cooperation"


def test_the_scorer_compares_dates_by_window_and_places_by_admin1() -> None:
    assert dates_agree("2024-03-31", "week", "2024-03-29", "day")
    assert not dates_agree("2024-03-31", "day", "2024-03-29", "day")
    assert dates_agree(None, None, "2020-01-01", "day")
    predicted = Event("e", "a", "ASSAULT", location=Place("x", "كفرا", "Kafra", "LB", "Nabatieh"))
    assert places_agree({"country": "LB", "admin1": "Nabatieh"}, predicted)
    assert not places_agree({"country": "LB", "admin1": "South"}, predicted)
    assert places_agree({"country": "LB", "admin1": None}, predicted)


def test_the_stage_reads_the_layers_it_is_given() -> None:
    # With no entities, timexes or places passed in, the stage computes them; with empty ones given, it
    # uses them as they are (no actor, no date from the text, the publication date at week precision).
    article = Article("a", "d", "article", "قصفت طائرات إسرائيلية بلدة كفرا أمس.", published="2024-02-29")
    computed = extract_events(AnnotatedArticle(article=article))
    given = extract_events(AnnotatedArticle(article=article), places=[])
    assert computed and given
    assert computed[0].date == "2024-02-28"
    assert all(e.location is None or e.location.admin1 is None for e in given)


def test_the_bench_function_reports_articles_per_second() -> None:
    from rasd.events import throughput

    assert throughput(2) > 0


def test_undated_happenings_take_the_day_the_opening_names() -> None:
    text = (
        "أعلنت المقاومة الإسلامية في لبنان، اليوم الأحد، استهداف موقع المالكية بالأسلحة المناسبة. "
        "وأفادت وسائل إعلام بسقوط صواريخ على الموقع. "
        "وفي وقت لاحق، قصفت مدفعية الاحتلال أطراف بلدة عيتا الشعب الحدودية."
    )
    shelling = [
        e for e in extract_events_from_text(text, "2023-12-24T16:39:00+02:00") if e.plover == "ASSAULT"
    ]
    assert shelling
    assert all((e.date, e.date_precision) == ("2023-12-24", "day") for e in shelling)


def test_a_toll_of_the_past_24_hours_is_dated_the_day_of_publication() -> None:
    event = first_event(
        "استشهد 12 فلسطينياً في غارات إسرائيلية على قطاع غزة خلال الساعات الـ24 الماضية.", "ASSAULT"
    )
    assert (event.date, event.date_precision) == ("2024-03-31", "day")


def test_an_unplaced_raid_lies_where_the_story_is_not_in_its_agents_country() -> None:
    text = (
        "اقتحمت قوات الاحتلال مدينة جنين ومخيمها في الضفة الغربية. "
        "واعتقلت قوات الاحتلال 5 شبان بعد دهم منازلهم."
    )
    arrests = [e for e in extract_events_from_text(text, "2024-03-31T10:00:00+03:00") if e.plover == "COERCE"]
    assert arrests
    assert all(e.location is not None and e.location.country == "PS" for e in arrests)
