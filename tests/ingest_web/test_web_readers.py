"""Readers of web sources: a URL, a feed, a news sitemap, a WARC archive, a saved page."""

from __future__ import annotations

import html
import io
from collections.abc import Iterator
from pathlib import Path

import pytest
from local_web import LocalSite, article_page, rss_feed
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from rasd.errors import InputError
from rasd.extract import extract
from rasd.ingest import choose_reader
from rasd.ingest.base import ReadOptions
from rasd.ingest.feed import FeedReader, parse_feed
from rasd.ingest.fetch import Fetcher, FetchPolicy
from rasd.ingest.html import HtmlFileReader
from rasd.ingest.url import UrlReader
from rasd.ingest.warc import WarcReader, WarcStats, iter_warc_documents
from rasd.model import Document

OPTIONS = ReadOptions()


@pytest.fixture(scope="module")
def site(news_dir: Path) -> Iterator[LocalSite]:
    with LocalSite(news_dir) as running:
        yield running


@pytest.fixture()
def fetcher() -> Iterator[Fetcher]:
    with Fetcher(FetchPolicy(allowed_networks=("127.0.0.1",), min_interval=0.0, max_retries=0)) as client:
        yield client


def documents(items: Iterator[Document | InputError]) -> list[Document]:
    read = list(items)
    assert all(isinstance(d, Document) for d in read), [str(d) for d in read if isinstance(d, InputError)]
    return read  # type: ignore[return-value]


def test_a_url_of_a_saved_cnn_page_becomes_its_article(site: LocalSite, fetcher: Fetcher):
    url = site.url("/pages/cnn_arabic_2013_syria_clashes.html")
    [document] = documents(UrlReader(fetcher).read(url, OPTIONS))
    assert document.media_type == "text/html"
    assert document.url == url
    assert document.fetched_at
    [article] = extract(document)
    assert article.title == "معارضون يسيطرون على مخازن للصواريخ بريف دمشق"
    assert article.dateline == "دمشق، سوريا"


def test_a_url_that_is_an_image_is_refused(site: LocalSite, fetcher: Fetcher):
    with pytest.raises(InputError, match="not an HTML page, feed or sitemap"):
        list(UrlReader(fetcher).read(site.url("/image.png"), OPTIONS))


def test_a_windows_1256_page_served_as_latin1_reads_as_arabic(site: LocalSite, fetcher: Fetcher):
    [document] = documents(UrlReader(fetcher).read(site.url("/latin1-declared.html"), OPTIONS))
    assert document.encoding == "cp1256"
    assert site.items[1].title in document.text


def test_a_feed_of_ledes_is_followed_to_its_pages(site: LocalSite, fetcher: Fetcher):
    before = site.article_hits()
    read = documents(UrlReader(fetcher).read(site.url("/feed.xml"), OPTIONS))
    assert [d.title_hint for d in read] == [item.title for item in site.items]
    assert all(d.media_type == "text/html" for d in read)
    assert site.article_hits() - before == len(site.items)
    article = extract(read[0])[0]
    assert article.title == site.items[0].title
    assert article.published and article.published[:10] == (site.items[0].published or "")[:10]


def test_a_saved_feed_file_is_read_and_followed(site: LocalSite, fetcher: Fetcher, tmp_path: Path):
    path = tmp_path / "news.rss"
    path.write_bytes(rss_feed(site.base, site.items[:2], site.slugs[:2]))
    assert FeedReader().accepts(str(path), path.read_bytes()[:512])
    read = documents(FeedReader(fetcher).read(str(path), OPTIONS))
    assert [d.url for d in read] == [site.url(f"/articles/{slug}.html") for slug in site.slugs[:2]]


def test_feed_items_with_full_content_are_not_fetched(site: LocalSite):
    item = site.items[0]
    body = "".join(f"<p>{html.escape(p)}</p>" for p in item.text.split("\n") if p.strip())
    feed = (
        '<?xml version="1.0"?><rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">'
        f"<channel><title>عنب بلدي</title><item><title>{html.escape(item.title)}</title>"
        f"<link>https://www.enabbaladi.net/archives/1</link><pubDate>Fri, 07 Nov 2025 22:13:00 +0200</pubDate>"
        f"<content:encoded><![CDATA[{body}]]></content:encoded></item></channel></rss>"
    ).encode()
    [entry] = parse_feed(feed).items
    assert not entry.is_lede
    from rasd.ingest.feed import feed_documents

    [document] = documents(feed_documents(parse_feed(feed), "feed", OPTIONS, fetcher=None))
    [article] = extract(document)
    assert article.title == item.title
    assert article.source == "Enab Baladi"
    assert article.published == "2025-11-07T20:13:00+00:00"
    assert item.text.split("\n")[0].strip()[:40] in article.text


def test_a_news_sitemap_index_leads_to_its_pages_with_their_titles(site: LocalSite, fetcher: Fetcher):
    read = documents(UrlReader(fetcher).read(site.url("/sitemap-index.xml"), OPTIONS))
    assert [d.title_hint for d in read] == [item.title for item in site.items]
    assert read[0].published_hint == site.items[0].published


def _warc(pages: list[tuple[str, bytes, str]]) -> bytes:
    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=True)
    for url, body, content_type in pages:
        headers = StatusAndHeaders("200 OK", [("Content-Type", content_type)], protocol="HTTP/1.1")
        request = writer.create_warc_record(url, "request", payload=io.BytesIO(b"GET / HTTP/1.1\r\n\r\n"))
        writer.write_record(request)
        record = writer.create_warc_record(url, "response", payload=io.BytesIO(body), http_headers=headers)
        writer.write_record(record)
    return buffer.getvalue()


def test_a_warc_yields_its_arabic_pages_with_target_uri_and_date(news_dir: Path, tmp_path: Path):
    pages_dir = news_dir / "html_pages"
    english = (
        b"<html lang='en'><body><p>" + b"The weather is fine today in London. " * 40 + b"</p></body></html>"
    )
    archive = tmp_path / "crawl.warc.gz"
    archive.write_bytes(
        _warc(
            [
                (
                    "http://arabic.cnn.com/2013/syria",
                    (pages_dir / "newspaper_tests/cnn_arabic_2013_syria_clashes.html").read_bytes(),
                    "text/html",
                ),
                ("https://example.com/english", english, "text/html; charset=utf-8"),
                ("https://example.com/logo.png", b"\x89PNG\r\n\x1a\n" + bytes(100), "image/png"),
                (
                    "https://www.assabah.com.tn/article/1",
                    (pages_dir / "trafilatura_eval/assabah.com.tn.article.html").read_bytes(),
                    "text/html",
                ),
            ]
        )
    )
    assert isinstance(choose_reader(str(archive)), WarcReader)
    stats = WarcStats()
    with archive.open("rb") as handle:
        read = list(iter_warc_documents(handle, str(archive), OPTIONS, stats))
    assert [d.url for d in read] == [
        "http://arabic.cnn.com/2013/syria",
        "https://www.assabah.com.tn/article/1",
    ]
    assert all(d.fetched_at and d.fetched_at.startswith("20") for d in read)
    assert (stats.records, stats.responses, stats.html, stats.kept, stats.not_arabic) == (8, 4, 3, 2, 1)
    assert extract(read[1])[0].source == "Assabah"


def test_a_file_that_is_not_a_warc_is_refused(tmp_path: Path):
    path = tmp_path / "broken.warc"
    path.write_bytes(b"WARC/1.0\r\nthis is not a record\r\n\r\n")
    with pytest.raises(InputError, match="not a readable WARC"):
        list(WarcReader().read(str(path), OPTIONS))


def test_a_saved_page_is_read_by_the_html_reader(news_dir: Path):
    page = news_dir / "html_pages/fundus_tests/lbcgroup_2026_01_08.html"
    assert isinstance(choose_reader(str(page)), HtmlFileReader)
    [document] = documents(HtmlFileReader().read(str(page), OPTIONS))
    [article] = extract(document)
    assert article.title == "شعر وردي يُشعل السخرية… لغز لون شعر دونالد ترامب يربك الجمهور وخبير يشرح السبب"


def test_an_article_page_generated_from_a_corpus_item_round_trips(site: LocalSite):
    item = site.items[0]
    document = Document(
        id="x", origin="x", text=article_page(item).decode(), content_hash="x", media_type="text/html"
    )
    [article] = extract(document)
    assert article.title == item.title
    assert "جميع الحقوق محفوظة" not in article.text


def test_an_atom_feed_resolves_relative_links_against_its_address(site: LocalSite):
    item = site.items[0]
    atom = (
        '<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>الميادين</title>'
        f"<entry><title>{html.escape(item.title)}</title><link href='/articles/{site.slugs[0]}.html'/>"
        f"<id>tag:1</id><updated>2023-10-07T06:30:00Z</updated><summary>{html.escape(item.text[:120])}</summary>"
        "</entry></feed>"
    ).encode()
    [entry] = parse_feed(atom, site.url("/atom.xml")).items
    assert entry.url == site.url(f"/articles/{site.slugs[0]}.html")
    assert entry.published == "2023-10-07T06:30:00+00:00"
    assert entry.is_lede
