"""``rasd bench``: throughput and memory of each stage over a real corpus (not a timed test)."""

from __future__ import annotations

import os
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
from rasd.model import Article, Document
from rasd.pipeline import STAGES, default_workers, process_documents, warm_up
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


def run_bench(corpus: Path | None, n: int, workers: int | None = None) -> dict[str, Any]:
    """Run extraction and every annotation stage over ``n`` articles: articles/s, MB/s, peak RSS.

    The models are loaded first (``startup_seconds``). One pass runs in this process and times each stage
    (``stage_seconds``, ``single_core``); with ``workers`` > 1 (default: one per CPU core) a second pass
    annotates in that many processes and gives the top-level ``articles_per_s``. ``articles_per_cpu_s``
    counts CPU seconds of this process and its workers: the rate a free core sustains on a busy machine.
    """
    if corpus is None:
        base = news_dir()
        if base is None:
            raise InputError("no corpus given and ../shared/data/news not found: pass --corpus PATH")
        corpus = base / "almayadeen_2023_2024"
    if not corpus.exists():
        raise InputError(f"{corpus}: no such corpus")
    workers = default_workers() if workers is None else max(1, workers)
    documents = corpus_documents(corpus, n)
    if not documents:
        raise InputError(f"{corpus}: no articles with text")
    size = sum(len(d.text.encode("utf-8")) for d in documents)
    load_average = os.getloadavg()
    started = time.perf_counter()
    warm_up()
    startup = time.perf_counter() - started
    single = _bench_pass(documents, 1, size)
    parallel = _bench_pass(documents, workers, size) if workers > 1 else single
    text_layer = text_layer_rates([a.text for a in articles_of(documents)])
    own, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    n_articles = int(single["n_articles"])
    stage_seconds: dict[str, float] = single.pop("stage_seconds")
    parallel.pop("stage_seconds", None)
    return {
        "corpus": str(corpus),
        "n_documents": len(documents),
        "n_articles": n_articles,
        "mb": round(size / 1e6, 3),
        "workers": workers,
        **{k: v for k, v in parallel.items() if k != "n_articles"},
        "single_core": {k: v for k, v in single.items() if k != "n_articles"},
        "startup_seconds": round(startup, 2),
        "peak_rss_mb": round(own.ru_maxrss / 1024, 1),
        "peak_rss_worker_mb": round(children.ru_maxrss / 1024, 1) if workers > 1 else None,
        "stage_seconds": {k: round(v, 3) for k, v in stage_seconds.items()},
        "stage_ms_per_article": {
            k: round(1000 * v / max(n_articles, 1), 2) for k, v in stage_seconds.items()
        },
        "text_layer_mb_per_s": text_layer,
        "load_average": [round(x, 2) for x in load_average],
        "machine": f"{platform.machine()} {platform.processor() or ''} python {platform.python_version()}".strip()
        + f", {os.cpu_count()} CPUs",
    }


def _bench_pass(documents: list[Document], workers: int, size: int) -> dict[str, Any]:
    """One timed pass of the pipeline over ``documents`` with ``workers`` processes."""
    seconds: dict[str, float] = {"extract": 0.0, **{name: 0.0 for name, _ in STAGES}}
    n_articles = 0
    started, cpu_started = time.perf_counter(), _cpu_seconds()
    for result in process_documents(documents, workers=workers, timed=True):
        n_articles += len(result.articles)
        for stage, spent in result.seconds.items():
            seconds[stage] = seconds.get(stage, 0.0) + spent
    total, cpu = time.perf_counter() - started, _cpu_seconds() - cpu_started
    return {
        "n_articles": n_articles,
        "seconds": round(total, 3),
        "articles_per_s": round(n_articles / total, 1) if total else None,
        "mb_per_s": round(size / 1e6 / total, 3) if total else None,
        "cpu_seconds": round(cpu, 2),
        "articles_per_cpu_s": round(n_articles / cpu, 1) if cpu else None,
        "stage_seconds": seconds,
    }


def _cpu_seconds() -> float:
    """CPU time of this process and of its finished children (the pipeline's workers)."""
    own, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


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
