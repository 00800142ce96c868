"""The safe, polite HTTP client, against a local site that misbehaves the ways real sites do."""

from __future__ import annotations

import html
import time
import zlib
from collections.abc import Iterator
from pathlib import Path

import pytest
from local_web import LocalSite, Response

from rasd.ingest.fetch import AddressGuard, Fetcher, FetchError, FetchPolicy, _Inflater

LOCAL = ("127.0.0.1",)


@pytest.fixture(scope="module")
def site(news_dir: Path) -> Iterator[LocalSite]:
    with LocalSite(news_dir) as running:
        yield running


class Sleeps:
    """Records the waits the client asks for instead of waiting."""

    def __init__(self) -> None:
        self.calls: list[float] = []

    def __call__(self, seconds: float) -> None:
        self.calls.append(seconds)


def fetcher(sleeps: Sleeps | None = None, **policy: object) -> Fetcher:
    settings: dict[str, object] = {
        "allowed_networks": LOCAL,
        "min_interval": 0.0,
        "backoff_base": 0.5,
        "max_retries": 2,
        "read_timeout": 1.0,
        "max_bytes": 5 * 1024 * 1024,
    }
    settings.update(policy)
    return Fetcher(FetchPolicy(**settings), sleep=sleeps or Sleeps())  # type: ignore[arg-type]


def test_a_real_page_is_fetched_with_a_user_agent_naming_rasd(site: LocalSite):
    with fetcher() as client:
        result = client.fetch(site.url("/pages/cnn_arabic_2013_syria_clashes.html"))
    assert result.status == 200
    assert "معارضون يسيطرون على مخازن للصواريخ بريف دمشق".encode() in result.body
    assert site.headers["/pages/cnn_arabic_2013_syria_clashes.html"]["User-Agent"].startswith("Rasd/")


def test_loopback_is_refused_unless_the_policy_allows_it(site: LocalSite):
    with Fetcher(FetchPolicy(), sleep=Sleeps()) as client, pytest.raises(FetchError) as refused:
        client.fetch(site.url("/pages/cnn_arabic_2013_syria_clashes.html"))
    assert refused.value.kind == "refused"
    assert "not a public address" in str(refused.value)


@pytest.mark.parametrize(
    "address",
    ["127.0.0.1", "10.1.2.3", "192.168.0.10", "169.254.169.254", "::1", "fe80::1", "::ffff:10.0.0.1"],
)
def test_private_loopback_and_link_local_addresses_are_not_public(address: str):
    assert not AddressGuard().permits(address)


def test_public_addresses_and_allowed_networks_are_permitted():
    assert AddressGuard().permits("93.184.216.34")
    assert AddressGuard(("10.0.0.0/8",)).permits("10.1.2.3")


@pytest.mark.parametrize("url", ["ftp://example.com/feed.xml", "file:///etc/passwd", "gopher://x/"])
def test_only_http_and_https_are_fetched(url: str):
    with fetcher() as client, pytest.raises(FetchError) as refused:
        client.fetch(url)
    assert refused.value.kind == "refused"


@pytest.mark.parametrize("path", ["/to-metadata", "/to-private"])
def test_a_redirect_to_a_private_address_is_refused(site: LocalSite, path: str):
    with fetcher() as client, pytest.raises(FetchError) as refused:
        client.fetch(site.url(path))
    assert refused.value.kind == "refused"


def test_redirects_are_followed_and_loops_are_cut(site: LocalSite):
    with fetcher() as client:
        moved = client.fetch(site.url("/moved"))
        assert moved.final_url == site.url(f"/articles/{site.slugs[0]}.html")
        with pytest.raises(FetchError, match="redirect loop"):
            client.fetch(site.url("/loop-a"))
    assert site.hits["/loop-a"] == 1
    assert site.hits["/loop-b"] == 1


def test_robots_txt_disallow_is_obeyed_without_requesting_the_page(site: LocalSite):
    with fetcher() as client, pytest.raises(FetchError) as refused:
        client.fetch(site.url("/private/secret.html"))
    assert refused.value.kind == "robots"
    assert site.hits["/private/secret.html"] == 0


def test_a_404_is_final_and_asked_once(site: LocalSite):
    sleeps = Sleeps()
    with fetcher(sleeps) as client, pytest.raises(FetchError) as failed:
        client.fetch(site.url("/gone"))
    assert failed.value.status == 404
    assert site.hits["/gone"] == 1
    assert sleeps.calls == []


def test_5xx_is_retried_with_exponential_backoff(site: LocalSite):
    sleeps = Sleeps()
    with fetcher(sleeps) as client:
        result = client.fetch(site.url("/flaky"))
    assert result.status == 200
    assert result.attempts == 3
    assert sleeps.calls == [0.5, 1.0]


def test_persistent_5xx_gives_up_after_the_retries(site: LocalSite):
    with fetcher() as client, pytest.raises(FetchError) as failed:
        client.fetch(site.url("/always-500"))
    assert failed.value.status == 500
    assert site.hits["/always-500"] == 3


def test_429_waits_as_long_as_retry_after_says(site: LocalSite):
    sleeps = Sleeps()
    with fetcher(sleeps) as client:
        result = client.fetch(site.url("/busy"))
    assert result.status == 200
    assert sleeps.calls == [7.0]


def test_a_slow_server_times_out(site: LocalSite):
    started = time.monotonic()
    with fetcher(max_retries=0, read_timeout=0.3) as client, pytest.raises(FetchError) as failed:
        client.fetch(site.url("/slow.html"))
    assert failed.value.kind == "timeout"
    assert time.monotonic() - started < 2.5


def test_a_declared_2gb_body_is_refused_before_reading(site: LocalSite):
    with fetcher() as client, pytest.raises(FetchError) as failed:
        client.fetch(site.url("/huge-declared"))
    assert failed.value.kind == "too_large"


def test_a_streamed_2gb_body_is_cut_off_at_the_cap(site: LocalSite):
    started = time.monotonic()
    with fetcher(max_bytes=2 * 1024 * 1024) as client, pytest.raises(FetchError) as failed:
        client.fetch(site.url("/huge-streamed"))
    assert failed.value.kind == "too_large"
    assert time.monotonic() - started < 10


def test_a_gzip_bomb_is_cut_off_while_inflating(site: LocalSite):
    with fetcher(max_bytes=5 * 1024 * 1024) as client, pytest.raises(FetchError) as failed:
        client.fetch(site.url("/bomb.html"))
    assert failed.value.kind == "too_large"
    assert "decompressed" in str(failed.value)


def test_gzip_bodies_are_inflated(site: LocalSite):
    with fetcher() as client:
        result = client.fetch(site.url("/gzipped.html"))
    assert result.body.startswith(b"<!doctype html>")
    assert html.escape(site.items[0].title).encode() in result.body


def test_conditional_get_answers_304_without_a_body(site: LocalSite):
    with fetcher() as client:
        first = client.fetch(site.url("/feed.xml"))
        again = client.fetch(site.url("/feed.xml"), etag=first.etag)
    assert first.status == 200
    assert again.not_modified
    assert again.body == b""


def test_requests_to_one_host_are_spaced_by_the_minimum_interval(site: LocalSite):
    sleeps = Sleeps()
    # Time stands still, so each request must wait for the ones before it: robots.txt, then three pages.
    client = Fetcher(FetchPolicy(allowed_networks=LOCAL, min_interval=2.0), sleep=sleeps, clock=lambda: 0.0)
    with client:
        for _ in range(3):
            client.fetch(site.url(f"/articles/{site.slugs[0]}.html"))
    assert sleeps.calls == [2.0, 4.0, 6.0]


def test_an_unreadable_robots_txt_means_not_now(site: LocalSite, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setitem(site.routes, "/robots.txt", lambda h: Response(503, b"down"))
    before = site.hits["/pages/cnn_arabic_2013_syria_clashes.html"]
    with fetcher() as client, pytest.raises(FetchError) as refused:
        client.fetch(site.url("/pages/cnn_arabic_2013_syria_clashes.html"))
    assert (refused.value.kind, refused.value.status) == ("robots", 503)
    assert "robots.txt unavailable (HTTP 503)" in str(refused.value)
    assert site.hits["/pages/cnn_arabic_2013_syria_clashes.html"] == before


def test_a_missing_robots_txt_allows_everything(site: LocalSite, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setitem(site.routes, "/robots.txt", lambda h: Response(404, b"none"))
    with fetcher() as client:
        assert client.fetch(site.url("/private/secret.html")).status == 200


@pytest.mark.parametrize("wbits", [zlib.MAX_WBITS, -zlib.MAX_WBITS, zlib.MAX_WBITS | 16])
def test_deflate_zlib_raw_and_gzip_bodies_inflate_in_pieces(wbits: int):
    body = b"<html><p>" + "قال مصدر عسكري إن العملية أسفرت عن مقتل عدد من المسلحين ".encode() * 200
    compressor = zlib.compressobj(6, zlib.DEFLATED, wbits)
    packed = compressor.compress(body) + compressor.flush()
    inflater = _Inflater("gzip" if wbits > zlib.MAX_WBITS else "deflate", "https://example.org/", 10**6)
    assert b"".join(inflater.feed(packed[i : i + 97]) for i in range(0, len(packed), 97)) == body
