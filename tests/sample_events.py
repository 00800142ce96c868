"""Articles and events written for the store, search, API and export tests.

The sentences are ours (news-style Arabic about the seeds' happenings); each event points at its evidence by
character offsets found in the article text, the way the events stage records them.
"""

from __future__ import annotations

from rasd.model import Actor, AnnotatedArticle, Article, Document, Entity, Event, Place, Span, Story
from rasd.store.sql import SqlStore

COALITION = Actor(
    "intl-coalition-isis", "التحالف الدولي", "Global Coalition against ISIS", "external_force", None, 8
)
SDF = Actor("sdf", "قوات سوريا الديمقراطية", "Syrian Democratic Forces", "rebel_group", "SY", 2)
ISIS = Actor("isis", "تنظيم الدولة", "Islamic State", "rebel_group", None, 2)
TRUMP = Actor("donald-trump", "دونالد ترمب", "Donald Trump", "person", "US", 1)
SHARAA = Actor("ahmed-al-sharaa", "أحمد الشرع", "Ahmed al-Sharaa", "person", "SY", 1)
ISRAEL_ARMY = Actor("idf", "الجيش الإسرائيلي", "Israel Defense Forces", "state_force", "IL", 8)
CIVILIANS = Actor(None, "مدنيون", "Civilians (Lebanon)", "civilians", "LB", 7)
NIGERIA_ARMY = Actor("nigeria-army", "الجيش النيجيري", "Military Forces of Nigeria", "state_force", "NG", 1)
BOKO_HARAM = Actor("boko-haram", "بوكو حرام", "Boko Haram", "rebel_group", "NG", 2)

SHADDADI = Place("geo:shaddadi", "الشدادي", "Al-Shaddadi", "SY", "Al-Hasakah", None, 36.06, 40.73, 1)
WASHINGTON = Place(
    "geo:washington", "واشنطن", "Washington", "US", "District of Columbia", None, 38.9, -77.04, 1
)
BINT_JBEIL = Place(
    "geo:bint-jbeil", "بنت جبيل", "Bint Jbeil", "LB", "Nabatieh", "Bint Jbeil", 33.12, 35.43, 1
)
MAIDUGURI = Place("geo:maiduguri", "مايدوغوري", "Maiduguri", "NG", "Borno", None, 11.85, 13.16, 1)


def span_of(text: str, phrase: str) -> Span:
    start = text.index(phrase)
    return Span(start, start + len(phrase), phrase)


def entity(text: str, phrase: str, type: str, actor: Actor | Place | None = None) -> Entity:
    span = span_of(text, phrase)
    return Entity(
        phrase, span.start, span.end, type, actor.id if actor else None, actor.name_en if actor else None
    )  # type: ignore[arg-type]


def _article(article_id: str, source: str, published: str, title: str, text: str) -> Article:
    return Article(
        id=article_id,
        document_id=f"doc-{article_id}",
        kind="article",
        text=text,
        title=title,
        source=source,
        published=published,
        published_precision="minute",
    )


def strikes_near_shaddadi() -> AnnotatedArticle:
    text = (
        "شنت طائرات التحالف الدولي غارات جوية على مواقع لتنظيم الدولة قرب الشدادي في ريف الحسكة، "
        "وقالت قوات سوريا الديمقراطية (قسد) إن الغارات أسفرت عن مقتل أكثر من 12 عنصرا من التنظيم."
    )
    article = _article(
        "art-shaddadi", "Enab Baladi", "2025-11-07T22:13:00", "غارات للتحالف قرب الشدادي", text
    )
    evidence = span_of(text, "شنت طائرات التحالف الدولي غارات جوية على مواقع لتنظيم الدولة قرب الشدادي")
    event = Event(
        id="ev-shaddadi-strike",
        article_id=article.id,
        plover="ASSAULT",
        plover_mode="aerial",
        acled_event_type="Explosions/Remote violence",
        acled_sub_event_type="Air/drone strike",
        modality="reported",
        date="2025-11-07",
        date_precision="day",
        actor1=COALITION,
        actor2=ISIS,
        location=SHADDADI,
        fatalities=12,
        fatalities_text="أكثر من 12",
        evidence=[evidence],
        confidence=0.91,
        summary_en="Coalition aircraft struck Islamic State positions near Al-Shaddadi, killing more than 12.",
        summary_ar="غارات للتحالف الدولي على مواقع لتنظيم الدولة قرب الشدادي",
        sources=["Enab Baladi"],
        story_id="story-coalition",
    )
    entities = [
        entity(text, "التحالف الدولي", "ORG", COALITION),
        entity(text, "تنظيم الدولة", "ORG", ISIS),
        entity(text, "الشدادي", "GPE", SHADDADI),
        entity(text, "قوات سوريا الديمقراطية", "ORG", SDF),
        entity(text, "قسد", "ORG", SDF),
    ]
    return AnnotatedArticle(article, entities=entities, events=[event])


def white_house_meeting() -> AnnotatedArticle:
    text = (
        "استقبل الرئيس الأميركي دونالد ترمب الرئيس السوري أحمد الشرع في البيت الأبيض في واشنطن يوم "
        "الاثنين، وأعلن البيت الأبيض انضمام سوريا إلى التحالف الدولي ضد تنظيم داعش."
    )
    article = _article("art-whitehouse", "Asharq Al-Awsat", "2025-11-10T18:00:00", "ترمب يستقبل الشرع", text)
    event = Event(
        id="ev-whitehouse-meeting",
        article_id=article.id,
        plover="CONSULT",
        plover_mode="visit",
        modality="asserted",
        date="2025-11-10",
        date_precision="day",
        actor1=TRUMP,
        actor2=SHARAA,
        location=WASHINGTON,
        evidence=[span_of(text, "استقبل الرئيس الأميركي دونالد ترمب الرئيس السوري أحمد الشرع")],
        confidence=0.88,
        summary_en="Donald Trump received Ahmed al-Sharaa at the White House.",
        summary_ar="ترمب يستقبل الشرع في البيت الأبيض",
        sources=["Asharq Al-Awsat"],
        story_id="story-coalition",
    )
    entities = [
        entity(text, "دونالد ترمب", "PER", TRUMP),
        entity(text, "أحمد الشرع", "PER", SHARAA),
        entity(text, "واشنطن", "GPE", WASHINGTON),
        entity(text, "التحالف الدولي", "ORG", COALITION),
    ]
    return AnnotatedArticle(article, entities=entities, events=[event])


def strike_in_south_lebanon() -> AnnotatedArticle:
    text = "قتل ثلاثة مدنيين بغارة إسرائيلية استهدفت سيارة في بلدة بنت جبيل جنوب لبنان صباح السبت."
    article = _article(
        "art-bintjbeil", "Al Mayadeen", "2025-11-08T09:30:00", "شهداء بغارة على بنت جبيل", text
    )
    event = Event(
        id="ev-bintjbeil-strike",
        article_id=article.id,
        plover="ASSAULT",
        plover_mode="aerial",
        acled_event_type="Explosions/Remote violence",
        acled_sub_event_type="Air/drone strike",
        modality="asserted",
        date="2025-11-08",
        date_precision="day",
        actor1=ISRAEL_ARMY,
        actor2=CIVILIANS,
        location=BINT_JBEIL,
        fatalities=3,
        fatalities_text="ثلاثة",
        evidence=[span_of(text, "قتل ثلاثة مدنيين بغارة إسرائيلية استهدفت سيارة في بلدة بنت جبيل")],
        confidence=0.93,
        summary_en="An Israeli strike on a car in Bint Jbeil killed three civilians.",
        summary_ar="مقتل ثلاثة مدنيين بغارة إسرائيلية على بنت جبيل",
        sources=["Al Mayadeen"],
    )
    entities = [entity(text, "بنت جبيل", "GPE", BINT_JBEIL), entity(text, "لبنان", "GPE")]
    return AnnotatedArticle(article, entities=entities, events=[event])


def arrests_in_borno() -> AnnotatedArticle:
    text = (
        "أعلن الجيش النيجيري اعتقال عشرين مسلحا من جماعة بوكو حرام في ولاية بورنو قرب مايدوغوري، "
        "ونفى أن تكون عملياته قد أوقعت ضحايا بين المدنيين."
    )
    article = _article("art-borno", "Al Mayadeen", "2025-11-09T12:00:00", "اعتقالات في بورنو", text)
    event = Event(
        id="ev-borno-arrests",
        article_id=article.id,
        plover="COERCE",
        plover_mode="arrest",
        acled_event_type="Strategic developments",
        acled_sub_event_type="Arrests",
        modality="claimed",
        date="2025-11-09",
        date_precision="day",
        actor1=NIGERIA_ARMY,
        actor2=BOKO_HARAM,
        location=MAIDUGURI,
        evidence=[span_of(text, "أعلن الجيش النيجيري اعتقال عشرين مسلحا من جماعة بوكو حرام")],
        confidence=0.8,
        summary_en="The Nigerian army said it arrested twenty Boko Haram fighters near Maiduguri.",
        summary_ar="الجيش النيجيري يعتقل عشرين مسلحا من بوكو حرام",
        sources=["Al Mayadeen"],
    )
    entities = [
        entity(text, "الجيش النيجيري", "ORG", NIGERIA_ARMY),
        entity(text, "بوكو حرام", "ORG", BOKO_HARAM),
        entity(text, "مايدوغوري", "GPE", MAIDUGURI),
    ]
    return AnnotatedArticle(article, entities=entities, events=[event])


def sample_articles() -> list[AnnotatedArticle]:
    """Four articles from three outlets, one event each; two events share the story ``story-coalition``."""
    return [strikes_near_shaddadi(), white_house_meeting(), strike_in_south_lebanon(), arrests_in_borno()]


def sample_story() -> Story:
    return Story(
        "story-coalition",
        "Syria joins the coalition against ISIS",
        ["art-shaddadi", "art-whitehouse"],
        ["ev-shaddadi-strike", "ev-whitehouse-meeting"],
    )


def document_for(annotated: AnnotatedArticle) -> Document:
    article = annotated.article
    return Document(
        id=article.document_id,
        origin=f"test:{article.id}",
        text=(article.title or "") + "\n\n" + article.text,
        content_hash=article.document_id.ljust(64, "0")[:64],
    )


def fill(store: SqlStore) -> None:
    """Store the sample articles (one document each) and the sample story."""
    for annotated in sample_articles():
        store.add_document(document_for(annotated), [annotated])
    store.save_stories([sample_story()])
