"""``rasd bench``: throughput and memory of each stage over a real corpus (not a timed test)."""

from __future__ import annotations

import platform
import resource
import time
from itertools import islice
from pathlib import Path
from typing import Any

from rasd.corpora import iter_corpus, news_dir
from rasd.errors import InputError
from rasd.extract import extract
from rasd.ingest.base import make_document
from rasd.model import AnnotatedArticle, Article, Document
from rasd.pipeline import STAGES
from rasd.time import find_timexes


def corpus_documents(corpus: Path, n: int) -> list[Document]:
    """Up to ``n`` corpus articles as page-dump documents (title line, blank line, text)."""
    documents = []
    for item in islice((a for a in iter_corpus(corpus) if a.text), n):
        documents.append(
            make_document(
                f"{item.title}\n\n{item.text}",
                item.key,
                source_hint=item.source,
                published_hint=item.published,
            )
        )
    return documents


def articles_of(documents: list[Document]) -> list[Article]:
    articles: list[Article] = []
    for document in documents:
        try:
            articles.extend(extract(document))
        except InputError:
            continue
    return articles


def text_layer_rates(texts: list[str]) -> dict[str, float]:
    """MB/s of CPU time, one core: normalization, tokens, sentences, then all of them with time expressions."""
    from rasd.arabic.analysis import analyze, throughput

    rates = {k: round(v, 2) for k, v in throughput(texts).items() if k != "mb"}
    megabytes = sum(len(t.encode("utf-8")) for t in texts) / 1e6
    started = time.process_time()
    for text in texts:
        analyze(text)
        find_timexes(text, None)
    rates["text_and_time"] = round(megabytes / max(time.process_time() - started, 1e-9), 2)
    return rates


def run_bench(corpus: Path | None, n: int) -> dict[str, Any]:
    """Run extraction and every annotation stage over ``n`` articles; seconds per stage, articles/s, peak RSS."""
    if corpus is None:
        base = news_dir()
        if base is None:
            raise InputError("no corpus given and ../shared/data/news not found: pass --corpus PATH")
        corpus = base / "almayadeen_2023_2024"
    if not corpus.exists():
        raise InputError(f"{corpus}: no such corpus")
    documents = corpus_documents(corpus, n)
    if not documents:
        raise InputError(f"{corpus}: no articles with text")
    seconds: dict[str, float] = {"extract": 0.0, **{name: 0.0 for name, _ in STAGES}}
    n_articles = 0
    size = sum(len(d.text.encode("utf-8")) for d in documents)
    started = time.perf_counter()
    for document in documents:
        t0 = time.perf_counter()
        try:
            articles = extract(document)
        except InputError:
            continue
        seconds["extract"] += time.perf_counter() - t0
        for article in articles:
            annotated = AnnotatedArticle(article=article)
            for name, stage in STAGES:
                t1 = time.perf_counter()
                stage(annotated)
                seconds[name] += time.perf_counter() - t1
            n_articles += 1
    total = time.perf_counter() - started
    text_layer = text_layer_rates([a.text for a in articles_of(documents)])
    peak_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return {
        "corpus": str(corpus),
        "n_documents": len(documents),
        "n_articles": n_articles,
        "mb": round(size / 1e6, 3),
        "seconds": round(total, 3),
        "articles_per_s": round(n_articles / total, 1) if total else None,
        "mb_per_s": round(size / 1e6 / total, 2) if total else None,
        "peak_rss_mb": round(peak_kb / 1024, 1),
        "stage_seconds": {k: round(v, 3) for k, v in seconds.items()},
        "text_layer_mb_per_s": text_layer,
        "machine": f"{platform.machine()} {platform.processor() or ''} python {platform.python_version()}".strip(),
    }


def run_web_bench(records: int) -> dict[str, Any]:
    """Web ingest: a WARC of ``records`` news pages written from the corpus, and the real saved HTML pages."""
    import tempfile

    from rasd.ingest.web_bench import bench_warc, bench_web_pages, corpus_articles, write_bench_warc

    base = news_dir()
    if base is None:
        raise InputError("../shared/data/news not found: the web benchmark builds its pages from it")
    with tempfile.TemporaryDirectory() as folder:
        warc = Path(folder) / "bench.warc.gz"
        write_bench_warc(warc, corpus_articles(base), records)
        return {
            "warc_read": bench_warc(warc, extract=False),
            "warc_extract": bench_warc(warc, workers=2),
            "html_pages": bench_web_pages(base / "html_pages"),
        }
