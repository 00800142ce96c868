"""The REST API: stable JSON, pagination, filters, search, exports, and writing only with a token."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from rasd.serve.api import load_token
from rasd.serve.export import ACLED_COLUMNS
from tests.serve.conftest import TOKEN


def test_events_follow_the_contract_and_paginate(client: TestClient) -> None:
    first = client.get("/api/events", params={"limit": 3}).json()
    assert first["total"] == 4 and len(first["items"]) == 3 and first["next"] == 3
    rest = client.get("/api/events", params={"limit": 3, "offset": first["next"]}).json()
    assert len(rest["items"]) == 1 and rest["next"] is None
    event = first["items"][0]
    assert set(event) >= {
        "id",
        "article_id",
        "plover",
        "acled_event_type",
        "modality",
        "date",
        "actor1",
        "location",
        "fatalities",
        "evidence",
        "confidence",
        "summary_en",
        "story_id",
    }


def test_event_filters(client: TestClient) -> None:
    def ids(**params: str) -> set[str]:
        return {e["id"] for e in client.get("/api/events", params=params).json()["items"]}

    assert ids(plover="ASSAULT", country="LB") == {"ev-bintjbeil-strike"}
    assert ids(source="Al Mayadeen") == {"ev-bintjbeil-strike", "ev-borno-arrests"}
    assert ids(actor="boko-haram") == {"ev-borno-arrests"}
    assert ids(story="story-coalition") == {"ev-shaddadi-strike", "ev-whitehouse-meeting"}
    assert ids(date_from="2025-11-09") == {"ev-borno-arrests", "ev-whitehouse-meeting"}
    assert ids(admin1="Al-Hasakah", modality="reported") == {"ev-shaddadi-strike"}
    assert client.get("/api/events", params={"limit": 0}).status_code == 422


def test_one_event_and_a_missing_one(client: TestClient) -> None:
    event = client.get("/api/events/ev-borno-arrests").json()
    assert event["actor2"]["name_en"] == "Boko Haram"
    assert client.get("/api/events/nope").status_code == 404


def test_points_and_timeline_for_the_map(client: TestClient) -> None:
    points = client.get("/api/events/points", params={"plover": "ASSAULT"}).json()["items"]
    assert {p["id"] for p in points} == {"ev-shaddadi-strike", "ev-bintjbeil-strike"}
    timeline = client.get("/api/events/timeline").json()["items"]
    assert sum(r["count"] for r in timeline) == 4


def test_search_returns_ranked_hits_with_snippets(client: TestClient) -> None:
    page = client.get("/api/search", params={"q": "غارة"}).json()
    assert {h["article_id"] for h in page["items"]} == {"art-shaddadi", "art-bintjbeil"}
    for hit in page["items"]:
        assert set(hit) >= {"article_id", "title", "snippet", "score"}
        assert "<mark>" in hit["snippet"]
    assert page["query"][0]["terms"][0] == "غار" and page["query"][0]["names"][0] == "غارة"
    filtered = client.get("/api/search", params={"q": "غارة", "country": "LB"}).json()["items"]
    assert [h["article_id"] for h in filtered] == ["art-bintjbeil"]
    assert client.get("/api/search").status_code == 422


def test_articles_stories_entities_places_and_stats(client: TestClient) -> None:
    articles = client.get("/api/articles", params={"source": "Al Mayadeen"}).json()["items"]
    assert {a["article"]["id"] for a in articles} == {"art-bintjbeil", "art-borno"}
    assert client.get("/api/articles/art-borno").json()["events"][0]["id"] == "ev-borno-arrests"
    story = client.get("/api/stories/story-coalition").json()
    assert [e["id"] for e in story["events"]] == ["ev-shaddadi-strike", "ev-whitehouse-meeting"]
    assert client.get("/api/stories").json()["items"][0]["id"] == "story-coalition"
    entities = client.get("/api/entities", params={"type": "PER"}).json()["items"]
    assert {e["kb_id"] for e in entities} == {"donald-trump", "ahmed-al-sharaa"}
    places = client.get("/api/places", params={"country": "NG"}).json()["items"]
    assert places[0]["name_en"] == "Maiduguri" and places[0]["events"] == 1
    stats = client.get("/api/stats").json()
    assert stats["events"] == 4 and stats["plover"]["ASSAULT"] == 2


@pytest.mark.parametrize("format", ["acled-csv", "plover", "geojson", "parquet", "jsonl"])
def test_exports_over_http(client: TestClient, format: str) -> None:
    response = client.get(f"/api/export/{format}", params={"plover": "ASSAULT"})
    assert response.status_code == 200
    assert "attachment" in response.headers["content-disposition"]
    if format == "acled-csv":
        rows = list(csv.reader(io.StringIO(response.text)))
        assert tuple(rows[0]) == ACLED_COLUMNS and len(rows) == 3
    elif format == "geojson":
        assert len(response.json()["features"]) == 2
    elif format == "jsonl":
        assert len(response.text.splitlines()) == 2
    elif format == "plover":
        assert {r["event_type"] for r in response.json()} == {"ASSAULT"}
    else:
        assert response.content[:4] == b"PAR1"
    assert client.get("/api/export/xlsx").status_code == 404


def test_openapi_and_offline_docs(client: TestClient) -> None:
    spec = client.get("/openapi.json").json()
    assert {"/api/events", "/api/search", "/api/export/{format}", "/api/ingest"} <= set(spec["paths"])
    docs = client.get("/docs").text
    assert "/static/vendor/swagger-ui/swagger-ui-bundle.js" in docs
    assert "cdn" not in docs.lower()
    assert client.get("/static/vendor/swagger-ui/swagger-ui-bundle.js").status_code == 200


def test_without_a_token_the_api_is_read_only(client: TestClient) -> None:
    response = client.post("/api/ingest", json={"text": "نص"})
    assert response.status_code == 403


def test_ingest_needs_the_configured_token(writable: TestClient) -> None:
    text = "قتل ثلاثة مدنيين بغارة إسرائيلية استهدفت سيارة في بلدة بنت جبيل جنوب لبنان صباح السبت."
    record = {"text": text, "title": "غارة على بنت جبيل", "source": "Al Mayadeen", "published": "2025-11-08"}
    assert writable.post("/api/ingest", json=record).status_code == 401
    wrong = {"Authorization": "Bearer nope"}
    assert writable.post("/api/ingest", json=record, headers=wrong).status_code == 401
    auth = {"Authorization": f"Bearer {TOKEN}"}
    done = writable.post("/api/ingest", json=record, headers=auth).json()
    assert done["added"] == 1
    again = writable.post("/api/ingest", json=record, headers=auth).json()
    assert again["documents"][0]["status"] == "duplicate"
    hits = writable.get("/api/search", params={"q": "بنت جبيل"}).json()["items"]
    assert len(hits) == 1 and hits[0]["source"] == "Al Mayadeen"


def test_ingest_takes_a_jsonl_batch_and_html(writable: TestClient) -> None:
    auth = {"Authorization": f"Bearer {TOKEN}"}
    batch = "\n".join(
        json.dumps({"id": str(i), "text": text}, ensure_ascii=False)
        for i, text in enumerate(
            [
                "أعلن الجيش النيجيري اعتقال عشرين مسلحا في ولاية بورنو.",
                "فرضت السلطات حظر تجول في مدينة السويداء.",
            ]
        )
    )
    done = writable.post(
        "/api/ingest", content=batch.encode(), headers={**auth, "Content-Type": "application/x-ndjson"}
    )
    assert done.json()["added"] == 2
    page = (
        "<html><head><title>حظر تجول</title></head><body><article><h1>حظر تجول في درعا</h1><p>"
        + ("فرضت السلطات المحلية حظر تجول شاملا في مدينة درعا بعد اشتباكات ليلية بين مجموعات مسلحة. " * 3)
        + "</p></article></body></html>"
    )
    html_done = writable.post(
        "/api/ingest", content=page.encode(), headers={**auth, "Content-Type": "text/html"}
    )
    assert html_done.status_code == 200
    bad = writable.post(
        "/api/ingest", content=b"{not json", headers={**auth, "Content-Type": "application/json"}
    )
    assert bad.status_code == 400


def test_the_token_comes_from_the_environment_or_the_config_file(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    config = tmp_path / "config.toml"
    config.write_text('[api]\ntoken = "from-file"\n', encoding="utf-8")
    monkeypatch.delenv("RASD_API_TOKEN", raising=False)
    monkeypatch.setenv("RASD_CONFIG", str(config))
    assert load_token() == "from-file"
    monkeypatch.setenv("RASD_API_TOKEN", "from-env")
    assert load_token() == "from-env"
