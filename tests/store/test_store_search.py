"""Full-text search over normalized, stemmed Arabic — the same behaviour on SQLite and PostgreSQL."""

from __future__ import annotations

import dataclasses
import itertools

from rasd.model import AnnotatedArticle, Article, Document
from rasd.store.base import SearchQuery
from rasd.store.search import plan_query, snippet
from rasd.store.sql import SqlStore
from tests.sample_events import BINT_JBEIL, fill, sample_articles


def hits(store: SqlStore, text: str, **filters: str) -> list[str]:
    return [h.article_id for h in store.search(SearchQuery(text, **filters))]


def test_a_singular_finds_plurals_and_words_with_clitics(store: SqlStore) -> None:
    fill(store)
    # غارة matches الغارات / غارات (Shaddadi) and بغارة (Bint Jbeil).
    assert set(hits(store, "غارة")) == {"art-shaddadi", "art-bintjbeil"}
    assert set(hits(store, "الغارات")) == {"art-shaddadi", "art-bintjbeil"}


def test_every_word_of_a_query_must_match(store: SqlStore) -> None:
    fill(store)
    assert hits(store, "غارة لبنان") == ["art-bintjbeil"]
    assert hits(store, "غارة نيجيريا") == []


def test_a_quoted_phrase_needs_its_words_in_a_row(store: SqlStore) -> None:
    fill(store)
    assert hits(store, '"البيت الأبيض"') == ["art-whitehouse"]
    assert hits(store, '"الأبيض البيت"') == []


def test_spelling_variants_fold_hamza_and_ta_marbuta(store: SqlStore) -> None:
    fill(store)
    # الأميركي is written with hamza; the query without it and with ta marbuta folding still matches.
    assert hits(store, "الاميركي") == ["art-whitehouse"]


def test_a_title_match_ranks_above_a_body_match(store: SqlStore) -> None:
    fill(store)
    results = store.search(SearchQuery("الشدادي"))
    # Only the Shaddadi article mentions it, in its title and body; its score is positive.
    assert [h.article_id for h in results] == ["art-shaddadi"]
    assert results[0].score > 0
    both = store.search(SearchQuery("غارة"))
    assert all(a.score >= b.score for a, b in itertools.pairwise(both))


def test_snippets_mark_the_original_words(store: SqlStore) -> None:
    fill(store)
    [hit] = store.search(SearchQuery("غارة لبنان"))
    assert "<mark>بغارة</mark>" in hit.snippet
    assert "<mark>لبنان</mark>" in hit.snippet
    assert hit.title == "شهداء بغارة على بنت جبيل"
    assert hit.source == "Al Mayadeen"


def test_english_names_of_actors_and_places_find_arabic_articles(store: SqlStore) -> None:
    fill(store)
    assert hits(store, "Shaddadi") == ["art-shaddadi"]
    assert hits(store, "Boko Haram") == ["art-borno"]
    assert hits(store, "Donald Trump") == ["art-whitehouse"]


def test_a_name_expands_to_the_other_names_of_the_same_actor(store: SqlStore) -> None:
    fill(store)
    # قسد and قوات سوريا الديمقراطية are linked to one actor (sdf); each finds what the other names.
    plan = store.plan("قسد")
    assert any(phrase == ("قو", "سوريا", "ديمقراطي") for phrase in plan.clauses[0].phrases)
    assert hits(store, "قوات سوريا الديمقراطية") == ["art-shaddadi"]


def test_the_actor_knowledge_base_joins_spellings_and_short_names(store: SqlStore) -> None:
    fill(store)
    text = "اتهمت قسد خلايا تابعة لتنظيم داعش بتنفيذ هجوم على حاجز قرب مدينة الرقة."
    article = Article("art-raqqa", "doc-raqqa", "article", text, title="هجوم قرب الرقة", source="Enab Baladi")
    store.add_document(
        Document("doc-raqqa", "test:raqqa", text, "raqqa".ljust(64, "0")), [AnnotatedArticle(article)]
    )
    # The article says ترمب; the query spells ترامب.
    assert hits(store, "ترامب") == ["art-whitehouse"]
    # The article says only قسد (no entity linked): the KB knows it as قوات سوريا الديمقراطية.
    assert set(hits(store, "قوات سوريا الديمقراطية")) == {"art-shaddadi", "art-raqqa"}
    assert set(hits(store, "Syrian Democratic Forces")) == {"art-shaddadi", "art-raqqa"}
    raqqa = next(
        h for h in store.search(SearchQuery("قوات سوريا الديمقراطية")) if h.article_id == "art-raqqa"
    )
    assert "<mark>قسد</mark>" in raqqa.snippet


def test_filters_narrow_the_hits(store: SqlStore) -> None:
    fill(store)
    assert hits(store, "غارة", source="Al Mayadeen") == ["art-bintjbeil"]
    assert hits(store, "غارة", country="SY") == ["art-shaddadi"]
    assert hits(store, "غارة", date_from="2025-11-08") == ["art-bintjbeil"]
    assert hits(store, "غارة", date_to="2025-11-07") == ["art-shaddadi"]
    assert hits(store, "غارة", plover="ASSAULT", modality="asserted") == ["art-bintjbeil"]
    assert hits(store, "غارة", actor="idf") == ["art-bintjbeil"]
    assert hits(store, "ترمب", story_id="story-coalition") == ["art-whitehouse"]
    assert hits(store, "غارة", acled_event_type="Battles") == []


def test_several_event_filters_must_hold_for_one_event(store: SqlStore) -> None:
    fill(store)
    # One article, two events: a strike reported in Syria and an arrest asserted in Lebanon.
    [shaddadi] = [a for a in sample_articles() if a.article.id == "art-shaddadi"]
    strike = shaddadi.events[0]
    arrest = dataclasses.replace(
        strike,
        id="ev-two-arrest",
        article_id="art-two-events",
        plover="COERCE",
        modality="asserted",
        location=BINT_JBEIL,
        story_id=None,
    )
    article = dataclasses.replace(shaddadi.article, id="art-two-events", document_id="doc-two-events")
    two = AnnotatedArticle(
        article,
        entities=list(shaddadi.entities),
        events=[
            dataclasses.replace(strike, id="ev-two-strike", article_id=article.id, story_id=None),
            arrest,
        ],
    )
    store.add_document(Document(article.document_id, "test", article.text, "two-events-hash"), [two])
    assert "art-two-events" in hits(store, "غارة", plover="COERCE")
    assert "art-two-events" in hits(store, "غارة", plover="ASSAULT", modality="reported", country="SY")
    # Each filter is met by some event, but no one event meets both.
    assert "art-two-events" not in hits(store, "غارة", plover="ASSAULT", modality="asserted")
    assert "art-two-events" not in hits(store, "غارة", plover="COERCE", country="SY")


def test_postgresql_ranks_with_rum_where_installed_and_without_it_too(store: SqlStore) -> None:
    fill(store)
    if store.dialect == "postgresql":
        with store.engine.connect() as connection:
            available = connection.exec_driver_sql(
                "select 1 from pg_available_extensions where name = 'rum'"
            ).first()
        assert store._rum == (available is not None)
    ranked = [h.article_id for h in store.search(SearchQuery("غارة"))]
    store._rum = False  # a server without postgresql-NN-rum: GIN matches, ts_rank_cd ranks
    assert sorted(hits(store, "غارة")) == sorted(ranked)
    assert hits(store, "غارة", country="SY") == ["art-shaddadi"]


def test_pagination_of_hits(store: SqlStore) -> None:
    fill(store)
    first = store.search(SearchQuery("غارة", limit=1))
    second = store.search(SearchQuery("غارة", limit=1, offset=1))
    assert len(first) == len(second) == 1
    assert first[0].article_id != second[0].article_id


def test_a_query_of_punctuation_finds_nothing(store: SqlStore) -> None:
    fill(store)
    assert hits(store, "،؛ ...") == []
    assert hits(store, '"') == []


def test_query_plan_compiles_for_both_backends() -> None:
    plan = plan_query('غارة "البيت الأبيض"', lambda name: ["Air strike"] if name == "غارة" else [])
    assert [c.phrases for c in plan.clauses] == [[("غار",), ("air", "strike")], [("بيت", "ابيض")]]


def test_snippet_falls_back_to_the_opening_words() -> None:
    text = "قتل ثلاثة مدنيين بغارة إسرائيلية"
    assert snippet(text, [("لا", "شيء")]).startswith("قتل ثلاثة")
    assert snippet(text, [("غار",)]) == "قتل ثلاثة مدنيين <mark>بغارة</mark> إسرائيلية"
    # A phrase is marked only where all its words stand in a row.
    assert "<mark>" not in snippet(text, [("مدني", "اسرائيلي")])
