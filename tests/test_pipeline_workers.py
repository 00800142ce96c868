"""Annotating with several worker processes gives what one process gives, in input order; the store is
written by the calling process, once per content, and a second run stores nothing new."""

from __future__ import annotations

import json
from pathlib import Path

from rasd.ingest.base import make_document
from rasd.model import Document
from rasd.pipeline import ingest_documents, process, process_documents
from rasd.store import open_store

_REPORTS = [
    "غارة جوية على حلب\n\nحلب - قُتل ثلاثة مدنيين في غارة جوية إسرائيلية على ريف حلب الشمالي أمس الأحد.",
    "اعتقالات في دمشق\n\nدمشق - اعتقلت قوات الأمن السورية خمسة أشخاص في حي المزة يوم 10 تشرين الثاني 2025.",
    "لقاء في الرياض\n\nالرياض - التقى وزير الخارجية السعودي نظيره التركي في الرياض لبحث الأوضاع في سوريا.",
    "تظاهرة في عمّان\n\nعمّان - تظاهر مئات الأردنيين أمام السفارة الإسرائيلية في عمّان مساء الجمعة.",
    "قصف على غزة\n\nغزة - استشهد فلسطينيان بقصف مدفعي إسرائيلي على خان يونس جنوب قطاع غزة.",
]


def _documents() -> list[Document]:
    documents = [
        make_document(text, f"report-{i}", published_hint="2025-11-11T09:00:00+03:00")
        for i, text in enumerate(_REPORTS)
    ]
    documents.insert(2, make_document("   \n", "blank"))  # rejected: no text
    documents.append(documents[0])  # the same content twice
    return documents


def _as_json(document: Document) -> list[str]:
    return [json.dumps(a.to_dict(), ensure_ascii=False, sort_keys=True) for a in process(document)]


def test_two_workers_annotate_like_one_process_in_input_order() -> None:
    documents = _documents()
    results = list(
        process_documents(documents, workers=2, chunk_size=2, skip=lambda d: d.origin == "report-3")
    )
    assert [r.document.origin for r in results] == [d.origin for d in documents]
    for document, result in zip(documents, results, strict=True):
        if document.origin == "blank":
            assert result.error is not None and "empty" in result.error
        elif document.origin == "report-3":
            assert result.skipped and result.articles == []
        else:
            got = [json.dumps(a.to_dict(), ensure_ascii=False, sort_keys=True) for a in result.articles]
            assert got == _as_json(document)


def test_ingest_with_workers_stores_each_content_once_and_again_stores_nothing(tmp_path: Path) -> None:
    store = open_store(f"sqlite:///{tmp_path / 'rasd.db'}")
    try:
        first = [o.status for o in ingest_documents(store, _documents(), workers=2)]
        assert first == ["added", "added", "rejected", "added", "added", "added", "duplicate"]
        assert store.count_articles() == 5
        again = [o.status for o in ingest_documents(store, _documents(), workers=2)]
        assert again == [
            "duplicate",
            "duplicate",
            "rejected",
            "duplicate",
            "duplicate",
            "duplicate",
            "duplicate",
        ]
    finally:
        store.close()


def test_timed_processing_reports_seconds_per_stage() -> None:
    [result] = process_documents([_documents()[0]], timed=True)
    assert set(result.seconds) == {"extract", "time", "entities", "geo", "events"}
    assert all(seconds >= 0 for seconds in result.seconds.values())
