"""Events, stories, entities, places and figures of the store — on SQLite and PostgreSQL."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import create_engine

from rasd.ingest import read_sources
from rasd.pipeline import ingest_document
from rasd.store import EventQuery, open_store, schema
from rasd.store.base import SearchQuery
from rasd.store.sql import SqlStore, _article_row
from tests.sample_events import document_for, fill, sample_articles


def ids(events: list) -> list[str]:
    return [e.id for e in events]


def test_events_come_back_whole_and_newest_first(store: SqlStore) -> None:
    fill(store)
    events = store.list_events(EventQuery())
    assert ids(events) == [
        "ev-whitehouse-meeting",
        "ev-borno-arrests",
        "ev-bintjbeil-strike",
        "ev-shaddadi-strike",
    ]
    strike = store.get_event("ev-shaddadi-strike")
    assert strike is not None
    assert strike.location is not None and strike.location.admin1 == "Al-Hasakah"
    assert strike.evidence[0].text.startswith("شنت طائرات التحالف الدولي")
    assert store.get_event("nope") is None


def test_event_filters(store: SqlStore) -> None:
    fill(store)

    def found(**filters: str) -> list[str]:
        return sorted(ids(store.list_events(EventQuery(**filters))))  # type: ignore[arg-type]

    assert found(plover="ASSAULT") == ["ev-bintjbeil-strike", "ev-shaddadi-strike"]
    assert found(acled_event_type="Strategic developments") == ["ev-borno-arrests"]
    assert found(country="LB") == ["ev-bintjbeil-strike"]
    assert found(admin1="Borno") == ["ev-borno-arrests"]
    assert found(actor="donald-trump") == ["ev-whitehouse-meeting"]
    assert found(actor="isis") == ["ev-shaddadi-strike"]  # as actor2
    assert found(source="Al Mayadeen") == ["ev-bintjbeil-strike", "ev-borno-arrests"]
    assert found(modality="claimed") == ["ev-borno-arrests"]
    assert found(story_id="story-coalition") == ["ev-shaddadi-strike", "ev-whitehouse-meeting"]
    assert found(place="geo:maiduguri") == ["ev-borno-arrests"]
    assert found(date_from="2025-11-08", date_to="2025-11-09") == ["ev-bintjbeil-strike", "ev-borno-arrests"]
    assert store.count_events(EventQuery(plover="ASSAULT")) == 2
    assert store.count_events() == 4


def test_map_points_and_timeline(store: SqlStore) -> None:
    fill(store)
    points = store.event_points(EventQuery(country="SY"))
    assert points == [
        {"id": "ev-shaddadi-strike", "lat": 36.06, "lon": 40.73, "plover": "ASSAULT", "date": "2025-11-07"}
    ]
    timeline = store.event_timeline(EventQuery())
    assert {"date": "2025-11-08", "plover": "ASSAULT", "count": 1} in timeline
    assert sum(row["count"] for row in timeline) == 4


def test_stories_keep_their_articles_and_event_dates(store: SqlStore) -> None:
    fill(store)
    [story] = store.list_stories()
    assert story.title == "Syria joins the coalition against ISIS"
    assert story.article_ids == ["art-shaddadi", "art-whitehouse"]
    assert store.get_story("story-coalition") == story
    assert store.stats()["stories"] == 1
    # Saving again replaces rather than duplicates.
    store.save_stories([story])
    assert len(store.list_stories()) == 1


def test_entities_are_counted_by_articles(store: SqlStore) -> None:
    fill(store)
    entities = store.list_entities()
    coalition = next(e for e in entities if e.kb_id == "intl-coalition-isis")
    assert coalition.articles == 2
    assert coalition.name_en == "Global Coalition against ISIS"
    assert entities[0].kb_id == "intl-coalition-isis"  # the most cited first
    assert [e.key for e in store.list_entities(name="Boko Haram")] == ["boko-haram"]
    assert {e.type for e in store.list_entities(type="PER")} == {"PER"}


def test_places_are_counted_by_events(store: SqlStore) -> None:
    fill(store)
    places = store.list_places(EventQuery(plover="ASSAULT"))
    assert {p.name_en for p in places} == {"Al-Shaddadi", "Bint Jbeil"}
    assert all(p.events == 1 for p in places)


def test_stats(store: SqlStore) -> None:
    fill(store)
    stats = store.stats()
    assert stats["articles"] == {"article": 4}
    assert stats["events"] == 4
    assert stats["plover"]["ASSAULT"] == 2
    assert stats["first_event_date"] == "2025-11-07"
    assert stats["backend"] in ("sqlite", "postgresql")


def test_the_same_document_is_indexed_once(store: SqlStore) -> None:
    first = sample_articles()[0]
    store.add_document(document_for(first), [first])
    again = store.add_document(document_for(first), [first])
    assert not again.added
    assert len(store.search(SearchQuery("الشدادي"))) == 1


def test_rebuilding_the_index_gives_the_same_hits(store: SqlStore) -> None:
    fill(store)
    before = [h.article_id for h in store.search(SearchQuery("غارة"))]
    assert store.rebuild_search_index() == 4
    assert [h.article_id for h in store.search(SearchQuery("غارة"))] == before


def test_ingested_seeds_are_searchable(store: SqlStore, seed_dump: Path, seed_enab: Path) -> None:
    for result in read_sources([str(seed_dump), str(seed_enab)]):
        assert result.document is not None
        ingest_document(store, result.document)
    # Both outlets report Syria joining the coalition against ISIS.
    sources = {h.source for h in store.search(SearchQuery("التحالف الدولي"))}
    assert {"Asharq Al-Awsat", "Enab Baladi"} <= sources
    # The dump spells the name ترمب; each hit's snippet marks the words in the article's own spelling.
    found = store.search(SearchQuery("ترمب"))
    assert found and all("<mark>" in h.snippet for h in found)


def test_a_version_1_database_is_migrated_and_its_articles_indexed(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'old.db'}"
    annotated = sample_articles()[2]
    document = document_for(annotated)
    engine = create_engine(url)
    with engine.begin() as connection:  # a database as version 1 left it, with one article
        schema.schema_info.create(connection)
        connection.execute(schema.schema_info.insert().values(version=1))
        schema.metadata.create_all(
            connection, tables=[schema.documents, schema.articles, schema.events, schema.fetch_state]
        )
        for name in ("place_id", "place_name_ar", "place_name_en", "admin2"):
            connection.exec_driver_sql(f"alter table events drop column {name}")
        connection.execute(
            schema.documents.insert().values(
                id=document.id,
                content_hash=document.content_hash,
                origin=document.origin,
                ingested_at="2025-11-08T10:00:00Z",
                text=document.text,
            )
        )
        connection.execute(
            schema.articles.insert().values(**_article_row(annotated, "2025-11-08T10:00:00Z", 0))
        )
    engine.dispose()
    store = open_store(url)
    assert store.schema_version() == len(schema.MIGRATIONS)
    assert [h.article_id for h in store.search(SearchQuery("بنت جبيل"))] == ["art-bintjbeil"]
    store.close()
