"""A local web site on 127.0.0.1 for the web-ingest tests: real saved pages, feeds and sitemaps generated from
real news items of ../shared, and endpoints that misbehave the ways real sites do.

Nothing here is written to the repository: pages are served from ../shared and generated in memory.
"""

from __future__ import annotations

import functools
import gzip
import html
import itertools
import threading
import time
import zlib
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from email.utils import format_datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from rasd.corpora import CorpusArticle, read_ant

ROBOTS = b"User-agent: *\nDisallow: /private/\n"


@dataclass(frozen=True, slots=True)
class Response:
    status: int = 200
    body: bytes = b""
    headers: tuple[tuple[str, str], ...] = ()
    delay: float = 0.0


Route = Callable[["SiteHandler"], Response | None]


def news_items(news_dir: Path, n: int) -> list[CorpusArticle]:
    """The first ``n`` ANT 2018 items with a title and enough text to be an article."""
    path = sorted((news_dir / "ant_2018").glob("*.jsonl.gz"))[0]
    items = (a for a in read_ant(path) if a.title and len(a.text) > 400 and a.published)
    return list(itertools.islice(items, n))


def article_page(item: CorpusArticle) -> bytes:
    """A plain news page around a real item: navigation, headline, paragraphs, footer."""
    paragraphs = "".join(f"<p>{html.escape(p)}</p>" for p in item.text.split("\n") if p.strip())
    return (
        '<!doctype html><html lang="ar" dir="rtl"><head><meta charset="utf-8">'
        f"<title>{html.escape(item.title)} | {html.escape(item.source)}</title>"
        f'<meta property="og:title" content="{html.escape(item.title)}">'
        f'<meta property="og:site_name" content="{html.escape(item.source)}">'
        f'<meta property="article:published_time" content="{item.published}">'
        '</head><body><nav><a href="/">الرئيسية</a> <a href="/world">العالم</a> <a href="/sport">رياضة</a></nav>'
        f"<article><h1>{html.escape(item.title)}</h1>{paragraphs}</article>"
        "<footer>جميع الحقوق محفوظة</footer></body></html>"
    ).encode()


def rss_feed(base: str, items: list[CorpusArticle], slugs: list[str]) -> bytes:
    """An RSS 2.0 feed whose items carry a title and a one-sentence lede and link to their pages."""
    entries = []
    for item, slug in zip(items, slugs, strict=True):
        lede = item.text.split(".")[0][:200]
        published = datetime.fromisoformat(item.published or "2018-01-01T00:00:00+00:00")
        entries.append(
            f"<item><title>{html.escape(item.title)}</title><link>{base}/articles/{slug}.html</link>"
            f"<guid>{base}/articles/{slug}.html</guid><description>{html.escape(lede)}</description>"
            f"<pubDate>{format_datetime(published)}</pubDate></item>"
        )
    return (
        '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>أخبار العالم</title>'
        f"<link>{base}/</link><description>آخر الأخبار</description>{''.join(entries)}</channel></rss>"
    ).encode()


def news_sitemap(base: str, items: list[CorpusArticle], slugs: list[str]) -> bytes:
    urls = "".join(
        f"<url><loc>{base}/articles/{slug}.html</loc><news:news><news:publication><news:name>"
        f"{html.escape(item.source)}</news:name><news:language>ar</news:language></news:publication>"
        f"<news:publication_date>{item.published}</news:publication_date>"
        f"<news:title>{html.escape(item.title)}</news:title></news:news></url>"
        for item, slug in zip(items, slugs, strict=True)
    )
    return (
        '<?xml version="1.0" encoding="UTF-8"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" '
        f'xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">{urls}</urlset>'
    ).encode()


@functools.cache
def gzip_bomb(expanded_bytes: int) -> bytes:
    """A gzip body of a few hundred kilobytes that inflates to ``expanded_bytes`` zeros."""
    compressor = zlib.compressobj(9, zlib.DEFLATED, 31)
    block = bytes(1024 * 1024)
    parts = [compressor.compress(block) for _ in range(expanded_bytes // len(block))]
    parts.append(compressor.flush())
    return b"".join(parts)


class SiteHandler(BaseHTTPRequestHandler):
    server: LocalServer
    protocol_version = "HTTP/1.1"

    def log_message(self, format: str, *args: object) -> None:  # quiet
        return

    def do_GET(self) -> None:
        site = self.server.site
        path = self.path.split("?", 1)[0]
        site.record(path, dict(self.headers.items()))
        route = site.routes.get(path)
        response = route(self) if route else Response(404, b"not found")
        if response is None:  # the route wrote its own response
            return
        if response.delay:
            time.sleep(response.delay)
        try:
            self.send_response(response.status)
            names = {name.lower() for name, _ in response.headers}
            for name, value in response.headers:
                self.send_header(name, value)
            if "content-length" not in names:
                self.send_header("Content-Length", str(len(response.body)))
            self.end_headers()
            self.wfile.write(response.body)
        except (BrokenPipeError, ConnectionResetError):
            pass


class LocalServer(ThreadingHTTPServer):
    daemon_threads = True
    allow_reuse_address = True
    site: LocalSite

    def handle_error(self, request: object, client_address: object) -> None:
        """Clients hanging up mid-body is what the tests provoke; nothing to report."""


class LocalSite:
    """The test site; ``hits`` counts requests per path, ``headers`` keeps the last request's headers."""

    def __init__(self, news_dir: Path, n_items: int = 6) -> None:
        self.news_dir = news_dir
        self.pages_dir = news_dir / "html_pages"
        self.hits: Counter[str] = Counter()
        self.headers: dict[str, dict[str, str]] = {}
        self._lock = threading.Lock()
        self.server = LocalServer(("127.0.0.1", 0), SiteHandler)
        self.server.site = self
        self.base = f"http://127.0.0.1:{self.server.server_address[1]}"
        self.items = news_items(news_dir, n_items)
        self.slugs = [a.key.replace(":", "-") for a in self.items]
        self.page_delay = 0.0
        self.routes: dict[str, Route] = {}
        self._build_routes()
        self._thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def __enter__(self) -> LocalSite:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.server.shutdown()
        self.server.server_close()

    def url(self, path: str) -> str:
        return self.base + path

    def record(self, path: str, headers: dict[str, str]) -> None:
        with self._lock:
            self.hits[path] += 1
            self.headers[path] = headers

    def article_hits(self) -> int:
        return sum(n for path, n in self.hits.items() if path.startswith("/articles/"))

    def _build_routes(self) -> None:
        html_type = (("Content-Type", "text/html; charset=utf-8"),)
        self.routes["/robots.txt"] = lambda h: Response(200, ROBOTS, (("Content-Type", "text/plain"),))
        for page in sorted(self.pages_dir.rglob("*.html")):
            body = page.read_bytes()
            self.routes[f"/pages/{page.name}"] = lambda h, body=body: Response(200, body, html_type)
        for item, slug in zip(self.items, self.slugs, strict=True):
            body = article_page(item)
            self.routes[f"/articles/{slug}.html"] = lambda h, body=body: Response(
                200, body, html_type, delay=self.page_delay
            )
        self.feed_etag = '"feed-v1"'
        self.routes["/feed.xml"] = self._feed
        sitemap = news_sitemap(self.base, self.items, self.slugs)
        self.routes["/news-sitemap.xml"] = lambda h: Response(
            200, sitemap, (("Content-Type", "application/xml"),)
        )
        index = (
            '<?xml version="1.0"?><sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
            f"<sitemap><loc>{self.base}/news-sitemap.xml</loc></sitemap></sitemapindex>"
        ).encode()
        self.routes["/sitemap-index.xml"] = lambda h: Response(
            200, index, (("Content-Type", "application/xml"),)
        )
        self.routes["/private/secret.html"] = lambda h: Response(200, b"<html>secret</html>", html_type)
        # Misbehaving endpoints.
        self.routes["/slow.html"] = lambda h: Response(200, b"<html></html>", html_type, delay=3.0)
        self.routes["/always-500"] = lambda h: Response(500, b"oops")
        self.routes["/flaky"] = self._flaky
        self.routes["/busy"] = self._busy
        self.routes["/gone"] = lambda h: Response(404, b"gone")
        self.routes["/forbidden"] = lambda h: Response(403, b"no")
        self.routes["/loop-a"] = lambda h: Response(302, headers=(("Location", "/loop-b"),))
        self.routes["/loop-b"] = lambda h: Response(302, headers=(("Location", "/loop-a"),))
        self.routes["/to-metadata"] = lambda h: Response(
            302, headers=(("Location", "http://169.254.169.254/latest/meta-data/"),)
        )
        self.routes["/to-private"] = lambda h: Response(302, headers=(("Location", "http://10.0.0.1/admin"),))
        self.routes["/moved"] = lambda h: Response(
            301, headers=(("Location", f"/articles/{self.slugs[0]}.html"),)
        )
        self.routes["/huge-declared"] = self._huge_declared
        self.routes["/huge-streamed"] = self._huge_streamed
        self.routes["/bomb.html"] = lambda h: Response(
            200, gzip_bomb(64 * 1024 * 1024), (("Content-Type", "text/html"), ("Content-Encoding", "gzip"))
        )
        small_gzip = gzip.compress(article_page(self.items[0]))
        self.routes["/gzipped.html"] = lambda h: Response(
            200, small_gzip, (("Content-Type", "text/html; charset=utf-8"), ("Content-Encoding", "gzip"))
        )
        self.routes["/image.png"] = lambda h: Response(
            200, b"\x89PNG\r\n\x1a\n" + bytes(2000), (("Content-Type", "image/png"),)
        )
        cp1256 = article_page(self.items[1]).replace(b'charset="utf-8"', b"").decode().encode("cp1256")
        self.routes["/latin1-declared.html"] = lambda h: Response(
            200, cp1256, (("Content-Type", "text/html; charset=ISO-8859-1"),)
        )

    def _feed(self, handler: SiteHandler) -> Response:
        if handler.headers.get("If-None-Match") == self.feed_etag:
            return Response(304, headers=(("ETag", self.feed_etag),))
        body = rss_feed(self.base, self.items, self.slugs)
        return Response(200, body, (("Content-Type", "application/rss+xml"), ("ETag", self.feed_etag)))

    def _flaky(self, handler: SiteHandler) -> Response:
        if self.hits["/flaky"] <= 2:
            return Response(503, b"try later")
        return Response(200, article_page(self.items[2]), (("Content-Type", "text/html; charset=utf-8"),))

    def _busy(self, handler: SiteHandler) -> Response:
        if self.hits["/busy"] == 1:
            return Response(429, b"slow down", (("Retry-After", "7"),))
        return Response(200, article_page(self.items[3]), (("Content-Type", "text/html; charset=utf-8"),))

    def _huge_declared(self, handler: SiteHandler) -> Response:
        return Response(200, b"", (("Content-Type", "text/html"), ("Content-Length", str(2 * 1024**3))))

    def _huge_streamed(self, handler: SiteHandler) -> None:
        """2 GB of HTML without a Content-Length, written until the client hangs up."""
        try:
            handler.send_response(200)
            handler.send_header("Content-Type", "text/html")
            handler.send_header("Connection", "close")
            handler.end_headers()
            handler.wfile.write(b"<html><body>")
            chunk = b"<p>" + "خبر ".encode() * 16000 + b"</p>"
            for _ in range(2 * 1024**3 // len(chunk)):
                handler.wfile.write(chunk)
        except (BrokenPipeError, ConnectionResetError, OSError):
            pass
        handler.close_connection = True
