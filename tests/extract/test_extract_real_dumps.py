"""The dump rules are general: a dozen dumps laid out around real articles split right and come out clean."""

from __future__ import annotations

from pathlib import Path

import pytest

from rasd.extract import extract
from rasd.ingest.base import make_document
from tests.extract.real_dumps import Dump, build_dumps


@pytest.fixture(scope="module")
def dumps(news_dir: Path) -> list[Dump]:
    built = list(build_dumps(news_dir))
    assert len(built) == 12
    return built


def test_every_dump_splits_into_its_articles_and_teasers(dumps: list[Dump]) -> None:
    for dump in dumps:
        articles = extract(make_document(dump.text, dump.name))
        assert [(a.kind, a.title) for a in articles] == [(e.kind, e.title) for e in dump.expected], dump.name


def test_text_is_the_body_and_nothing_else(dumps: list[Dump]) -> None:
    found = total = 0
    for dump in dumps:
        for article, expected in zip(
            extract(make_document(dump.text, dump.name)), dump.expected, strict=True
        ):
            assert article.title not in article.text.split("\n"), dump.name
            for marker in ("TT", "play-circle", "مشاركة المقال:", "شارك", "الرئيسية", "اقرأ أيضاً"):
                assert marker not in article.text.split("\n"), (dump.name, marker)
            text_paragraphs = article.text.split("\n\n")
            found += sum(1 for p in expected.paragraphs if p in text_paragraphs)
            total += len(expected.paragraphs)
            if expected.caption:
                assert article.captions == [expected.caption], dump.name
            if expected.published:
                assert article.published == expected.published, dump.name
            if expected.byline:
                assert article.byline == expected.byline
    assert found / total >= 0.99, f"{found}/{total} body paragraphs recovered"
