"""Throughput of web ingest, for ``rasd bench``: a WARC of news pages, and pages fetched from a local server.

The WARC is written from real articles of ``../shared/data/news`` set in a news-site page (navigation,
related-article teasers, footer) so that extraction has a page's furniture to remove, as in CC-NEWS.
"""

from __future__ import annotations

import html
import io
import itertools
import resource
import tempfile
import threading
import time
from collections.abc import Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import replace
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from rasd.corpora import CorpusArticle, iter_corpus
from rasd.ingest.base import ReadOptions
from rasd.ingest.warc import WarcStats, iter_warc_documents
from rasd.model import Document

_NAV = "".join(
    f'<li><a href="/section/{n}">{name}</a></li>'
    for n, name in enumerate(
        ["الرئيسية", "سياسة", "اقتصاد", "رياضة", "ثقافة", "منوعات", "صحة", "تكنولوجيا", "رأي"]
    )
)


def news_page(article: CorpusArticle, related: list[CorpusArticle]) -> bytes:
    """An article set in a news site's page: menu, headline, date, paragraphs, related teasers, footer."""
    paragraphs = "".join(f"<p>{html.escape(p.strip())}</p>" for p in article.text.split("\n") if p.strip())
    teasers = "".join(
        f'<li><a href="/article/{n}"><h3>{html.escape(r.title)}</h3></a><p>{html.escape(r.text[:140])}</p></li>'
        for n, r in enumerate(related)
    )
    return (
        f'<!doctype html><html lang="ar" dir="rtl"><head><meta charset="utf-8"><title>{html.escape(article.title)}'
        f' | {html.escape(article.source)}</title><meta property="og:site_name" content="{html.escape(article.source)}">'
        f'<meta property="article:published_time" content="{article.published or ""}">'
        "<script>window.dataLayer = window.dataLayer || []; function gtag(){dataLayer.push(arguments);}</script>"
        f"</head><body><header><nav><ul>{_NAV}</ul></nav></header><main><article><h1>{html.escape(article.title)}</h1>"
        f'<time datetime="{article.published or ""}">{article.published or ""}</time>{paragraphs}</article>'
        f"<aside><h2>مقالات ذات صلة</h2><ul>{teasers}</ul></aside></main>"
        f"<footer><ul>{_NAV}</ul><p>جميع الحقوق محفوظة</p></footer></body></html>"
    ).encode()


def write_bench_warc(path: Path, articles: Iterable[CorpusArticle], records: int = 10_000) -> int:
    """Write a gzipped WARC of ``records`` response records (pages cycled from ``articles``); returns the count."""
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    pool = [a for a in itertools.islice((a for a in articles if a.title and len(a.text) > 300), 2000)]
    if not pool:
        raise ValueError("no articles to write")
    with path.open("wb") as handle:
        writer = WARCWriter(handle, gzip=True)
        for index in range(records):
            article = pool[index % len(pool)]
            related = [pool[(index + k) % len(pool)] for k in range(1, 6)]
            headers = StatusAndHeaders(
                "200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1"
            )
            url = article.url or f"https://example.org/{article.key}"
            record = writer.create_warc_record(
                f"{url}?copy={index}",
                "response",
                payload=io.BytesIO(news_page(article, related)),
                http_headers=headers,
            )
            writer.write_record(record)
    return records


def _extract_count(document: Document) -> int:
    from rasd.extract.html import extract_html

    return len(extract_html(document))


def bench_warc(path: Path, *, workers: int = 2, extract: bool = True) -> dict[str, float | int]:
    """Read a WARC (and extract its pages with ``workers`` processes): the figures ``rasd bench`` prints.

    Returns ``records``, ``pages`` (Arabic HTML pages kept), ``articles``, ``seconds``, ``cpu_seconds``,
    ``records_per_s``, ``pages_per_s`` (pages through reading, decoding, the Arabic filter and, with
    ``extract``, HTML extraction) and ``pages_per_cpu_s``.
    """
    stats = WarcStats()
    articles = 0
    started, cpu_started = time.perf_counter(), _cpu_seconds()
    with Path(path).open("rb") as handle:
        documents = (
            replace(d, raw=None) for d in iter_warc_documents(handle, str(path), ReadOptions(), stats)
        )
        if not extract:
            for _ in documents:
                pass
        elif workers <= 1:
            articles = sum(_extract_count(d) for d in documents)
        else:
            with ProcessPoolExecutor(max_workers=workers) as pool:
                articles = sum(pool.map(_extract_count, documents, chunksize=32))
    seconds, cpu = time.perf_counter() - started, _cpu_seconds() - cpu_started
    return {
        "records": stats.records,
        "pages": stats.kept,
        "articles": articles,
        "workers": workers,
        "seconds": round(seconds, 2),
        "cpu_seconds": round(cpu, 2),
        "records_per_s": round(stats.records / seconds, 1) if seconds else 0.0,
        "pages_per_s": round(stats.kept / seconds, 1) if seconds else 0.0,
        # Pages per second of CPU: the rate one free core sustains, whatever else the machine runs.
        "pages_per_cpu_s": round(stats.kept / cpu, 1) if cpu else 0.0,
    }


def _cpu_seconds() -> float:
    """CPU time of this process and of its finished children (the extraction workers)."""
    own, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


class _QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        return


def _serve(folder: Path) -> tuple[ThreadingHTTPServer, str]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), partial(_QuietHandler, directory=str(folder)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}"


def bench_web_pages(pages_dir: Path, *, rounds: int = 3) -> dict[str, float | int]:
    """Pages per second fetched from a local server and extracted, then also ingested into a fresh store.

    Serves ``pages_dir`` (e.g. ``../shared/data/news/html_pages``) on 127.0.0.1 and reads each page
    ``rounds`` times through the safe fetcher; ``extract_pages_per_s`` counts fetch + extraction,
    ``pipeline_pages_per_s`` fetch + the whole pipeline into a temporary SQLite store (``*_per_cpu_s``: the
    same per second of CPU time of this process, server threads included).
    """
    from rasd.extract.html import extract_html
    from rasd.ingest.fetch import Fetcher, FetchPolicy
    from rasd.ingest.url import UrlReader
    from rasd.pipeline import ingest_document
    from rasd.store import open_store

    pages = sorted(p.relative_to(pages_dir).as_posix() for p in pages_dir.rglob("*.html"))
    server, base = _serve(pages_dir)
    policy = FetchPolicy(allowed_networks=("127.0.0.1",), min_interval=0.0, obey_robots=False, max_per_host=4)
    try:
        with Fetcher(policy) as fetcher:
            reader = UrlReader(fetcher)

            def read_all() -> Iterator[Document]:
                for _ in range(rounds):
                    for page in pages:
                        for item in reader.read(f"{base}/{page}", ReadOptions()):
                            if isinstance(item, Document):
                                yield item

            # One page first: the date parser's locale tables load once per process, not per page.
            for item in reader.read(f"{base}/{pages[0]}", ReadOptions()):
                if isinstance(item, Document):
                    extract_html(item)
            started, cpu_started = time.perf_counter(), _cpu_seconds()
            extracted = sum(len(extract_html(d)) for d in read_all())
            extract_seconds, extract_cpu = time.perf_counter() - started, _cpu_seconds() - cpu_started
            pipeline_seconds = pipeline_cpu = 0.0
            for _ in range(rounds):
                # A fresh store each round: a page already stored would be skipped, not processed.
                with tempfile.TemporaryDirectory() as folder:
                    store = open_store(f"sqlite:///{folder}/bench.db")
                    started, cpu_started = time.perf_counter(), _cpu_seconds()
                    for page in pages:
                        for item in reader.read(f"{base}/{page}", ReadOptions()):
                            if isinstance(item, Document):
                                ingest_document(store, item)
                    pipeline_seconds += time.perf_counter() - started
                    pipeline_cpu += _cpu_seconds() - cpu_started
                    store.close()
    finally:
        server.shutdown()
        server.server_close()
    n = rounds * len(pages)
    return {
        "pages": n,
        "articles": extracted,
        "extract_pages_per_s": round(n / extract_seconds, 1),
        "extract_pages_per_cpu_s": round(n / extract_cpu, 1),
        "pipeline_pages_per_s": round(n / pipeline_seconds, 1),
        "pipeline_pages_per_cpu_s": round(n / pipeline_cpu, 1),
    }


def corpus_articles(news_dir: Path) -> Iterator[CorpusArticle]:
    """Full-text articles of the Al Mayadeen and ANT corpora, for writing a bench WARC."""
    for folder in ("ant_2018", "almayadeen_2023_2024"):
        yield from iter_corpus(news_dir / folder)
