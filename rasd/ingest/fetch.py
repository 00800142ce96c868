"""The one HTTP client of Rasd: safe to point at untrusted URLs, polite to the sites it reads.

Safe: http(s) only; every connection (redirects included) goes to an address checked at connect time, so
private, loopback and link-local networks are out of reach unless the policy allows them; connect, read and
total timeouts; a size cap counted on the decompressed body, which is streamed, never buffered whole; gzip
and deflate are inflated here in bounded steps, so a decompression bomb is cut off at the cap.
Polite: a User-Agent naming Rasd; robots.txt (RFC 9309: unreachable means disallowed, a 4xx means none);
per-host minimum interval (or the site's Crawl-delay) and concurrency cap; retries with exponential
backoff on 429 (honouring Retry-After) and 5xx; a 4xx is final.
"""

from __future__ import annotations

import ipaddress
import os
import socket
import threading
import time
import zlib
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from importlib import metadata
from types import TracebackType
from typing import Any, Literal
from urllib.parse import urljoin, urlsplit
from urllib.robotparser import RobotFileParser

import httpcore
import httpx

from rasd.errors import InputError

try:
    _VERSION = metadata.version("rasd")
except metadata.PackageNotFoundError:  # running from a checkout that was never installed
    _VERSION = "0"

DEFAULT_USER_AGENT = f"Rasd/{_VERSION} (Arabic news event monitor; +https://pypi.org/project/rasd/)"
ROBOTS_AGENT = "Rasd"
_REDIRECTS = {301, 302, 303, 307, 308}
_CHUNK = 64 * 1024
_ROBOTS_MAX_BYTES = 512 * 1024

FailureKind = Literal["refused", "network", "timeout", "http", "too_large", "robots"]


class FetchError(InputError):
    """A URL that could not or must not be fetched; ``kind`` says which, ``status`` the last HTTP status."""

    def __init__(self, url: str, message: str, kind: FailureKind, status: int | None = None) -> None:
        super().__init__(f"{url}: {message}")
        self.url = url
        self.kind = kind
        self.status = status


@dataclass(frozen=True, slots=True)
class FetchPolicy:
    """How far and how politely the client may go; one object, so the watcher's config maps onto it."""

    user_agent: str = DEFAULT_USER_AGENT
    connect_timeout: float = 10.0
    read_timeout: float = 20.0
    total_timeout: float = 60.0
    max_bytes: int = 10 * 1024 * 1024
    max_redirects: int = 5
    max_retries: int = 3
    backoff_base: float = 1.0
    backoff_max: float = 60.0
    # A Retry-After longer than this is not waited for: the fetch gives up and the watcher tries next poll.
    max_retry_after: float = 300.0
    min_interval: float = 1.0
    max_crawl_delay: float = 60.0
    max_per_host: int = 2
    obey_robots: bool = True
    # Networks or addresses reachable even though not public (e.g. "127.0.0.1" for tests, "10.0.0.0/8").
    allowed_networks: tuple[str, ...] = ()

    @classmethod
    def from_environment(cls) -> FetchPolicy:
        """The default policy, with ``RASD_FETCH_ALLOW`` (comma-separated networks) opening private ones."""
        allowed = tuple(n.strip() for n in os.environ.get("RASD_FETCH_ALLOW", "").split(",") if n.strip())
        return cls(allowed_networks=allowed)


@dataclass(frozen=True, slots=True)
class FetchResult:
    """A fetched resource: the body decompressed, the headers lower-cased, the URL after redirects."""

    url: str
    final_url: str
    status: int
    headers: dict[str, str]
    body: bytes
    fetched_at: str
    attempts: int = 1
    redirects: tuple[str, ...] = field(default=())

    @property
    def not_modified(self) -> bool:
        return self.status == 304

    @property
    def content_type(self) -> str:
        return self.headers.get("content-type", "")

    @property
    def media_type(self) -> str:
        return self.content_type.split(";", 1)[0].strip().lower()

    @property
    def etag(self) -> str | None:
        return self.headers.get("etag")

    @property
    def last_modified(self) -> str | None:
        return self.headers.get("last-modified")


class AddressGuard:
    """Decides which IP addresses the client may connect to: public ones, and the allowed networks."""

    def __init__(self, allowed_networks: tuple[str, ...] = ()) -> None:
        self._allowed = [ipaddress.ip_network(n, strict=False) for n in allowed_networks]

    def permits(self, address: str) -> bool:
        ip = ipaddress.ip_address(address.split("%", 1)[0])
        if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
            ip = ip.ipv4_mapped
        if any(ip in network for network in self._allowed):
            return True
        return ip.is_global and not ip.is_multicast

    def resolve(self, host: str, port: int) -> str:
        """The address to connect to for ``host``; every address the name resolves to must be permitted."""
        try:
            infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
        except socket.gaierror as exc:
            raise FetchError(host, f"cannot resolve host ({exc.strerror})", "network") from exc
        addresses = [str(info[4][0]) for info in infos]
        refused = [a for a in addresses if not self.permits(a)]
        if refused or not addresses:
            raise FetchError(
                host, f"refused: {refused[0] if refused else host} is not a public address", "refused"
            )
        return addresses[0]


class _GuardedBackend(httpcore.NetworkBackend):
    """Connects only to addresses the guard permits, checked when connecting (no DNS rebinding window)."""

    def __init__(self, guard: AddressGuard) -> None:
        self._guard = guard
        self._inner = httpcore.SyncBackend()

    def connect_tcp(
        self,
        host: str,
        port: int,
        timeout: float | None = None,
        local_address: str | None = None,
        socket_options: Any = None,
    ) -> httpcore.NetworkStream:
        address = self._guard.resolve(host, port)
        return self._inner.connect_tcp(address, port, timeout, local_address, socket_options)

    def connect_unix_socket(self, path: str, timeout: float | None = None, socket_options: Any = None) -> Any:
        raise FetchError(path, "refused: unix sockets are not fetched", "refused")

    def sleep(self, seconds: float) -> None:
        self._inner.sleep(seconds)


class _HostGate:
    """Per-host politeness: at most ``slots`` requests at once, starts at least ``interval`` apart."""

    def __init__(self, slots: int) -> None:
        self._slots = threading.BoundedSemaphore(slots)
        self._lock = threading.Lock()
        self._next_start = 0.0

    @contextmanager
    def turn(
        self, interval: float, clock: Callable[[], float], sleep: Callable[[float], None]
    ) -> Iterator[None]:
        with self._slots:
            with self._lock:
                now = clock()
                start = max(now, self._next_start)
                self._next_start = start + interval
            if start > now:
                sleep(start - now)
            yield


class _Inflater:
    """Bounded gzip/deflate decoding: never produces more than the cap, however small the input."""

    def __init__(self, encoding: str, url: str, limit: int) -> None:
        self._url = url
        self._limit = limit
        self._produced = 0
        # "deflate" is zlib-wrapped by the standard, raw by some servers: raw is tried if zlib fails at once.
        self._raw_deflate_fallback = encoding == "deflate"
        if encoding in ("", "identity"):
            self._decoder = None
        elif encoding in ("gzip", "x-gzip", "deflate"):
            self._decoder = zlib.decompressobj(wbits=zlib.MAX_WBITS | 32)
        else:
            raise FetchError(url, f"refused: unsupported content encoding {encoding!r}", "refused")

    def feed(self, data: bytes) -> bytes:
        if self._decoder is None:
            return self._count(data)
        out = []
        try:
            while data:
                piece = self._decoder.decompress(data, self._limit - self._produced + 1)
                self._raw_deflate_fallback = False
                out.append(self._count(piece))
                data = self._decoder.unconsumed_tail
        except zlib.error as exc:
            if self._raw_deflate_fallback:
                self._raw_deflate_fallback = False
                self._decoder = zlib.decompressobj(wbits=-zlib.MAX_WBITS)
                return self.feed(data)
            raise FetchError(self._url, f"corrupt compressed body ({exc})", "network") from exc
        return b"".join(out)

    def _count(self, piece: bytes) -> bytes:
        self._produced += len(piece)
        if self._produced > self._limit:
            raise FetchError(self._url, f"body over the {self._limit}-byte limit (decompressed)", "too_large")
        return piece


class Fetcher:
    """Fetches URLs under a ``FetchPolicy``; thread-safe, one per process or watcher.

    ``sleep`` and ``clock`` are injectable so tests can check backoff without waiting for it.
    """

    def __init__(
        self,
        policy: FetchPolicy | None = None,
        *,
        sleep: Callable[[float], None] = time.sleep,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.policy = policy or FetchPolicy.from_environment()
        self._sleep = sleep
        self._clock = clock
        transport = httpx.HTTPTransport(retries=0)
        ssl_context = httpx.create_ssl_context()
        # httpx has no public hook for the network backend; its pool is replaced by one using the guard.
        transport._pool = httpcore.ConnectionPool(
            ssl_context=ssl_context,
            max_connections=64,
            max_keepalive_connections=16,
            keepalive_expiry=5.0,
            network_backend=_GuardedBackend(AddressGuard(self.policy.allowed_networks)),
        )
        timeout = httpx.Timeout(self.policy.read_timeout, connect=self.policy.connect_timeout)
        self._client = httpx.Client(
            transport=transport, timeout=timeout, follow_redirects=False, trust_env=False
        )
        self._gates: dict[str, _HostGate] = {}
        self._robots: dict[str, _Robots] = {}
        self._lock = threading.Lock()
        self.requests_made = 0

    def __enter__(self) -> Fetcher:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, trace: TracebackType | None
    ) -> None:
        self.close()

    def close(self) -> None:
        self._client.close()

    def fetch(
        self,
        url: str,
        *,
        etag: str | None = None,
        last_modified: str | None = None,
        accept: str = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8",
    ) -> FetchResult:
        """GET ``url`` (conditionally when ``etag``/``last_modified`` are given) and return the final response.

        Returns 2xx and 304 responses; raises ``FetchError`` when the URL is refused (scheme, address,
        robots.txt), too large, unreachable, or answers 4xx, or 429/5xx after the retries.
        """
        headers = {"User-Agent": self.policy.user_agent, "Accept": accept, "Accept-Encoding": "gzip, deflate"}
        if etag:
            headers["If-None-Match"] = etag
        if last_modified:
            headers["If-Modified-Since"] = last_modified
        attempt = 0
        while True:
            attempt += 1
            try:
                result = self._follow(url, headers)
            except FetchError as error:
                if error.kind not in ("network", "timeout") or attempt > self.policy.max_retries:
                    raise
                self._sleep(self._backoff(attempt))
                continue
            status = result.status
            if status == 429 or status >= 500:
                if attempt > self.policy.max_retries:
                    raise FetchError(url, f"HTTP {status} after {attempt} attempts", "http", status)
                delay = _retry_after(result.headers.get("retry-after")) or self._backoff(attempt)
                if delay > self.policy.max_retry_after:
                    raise FetchError(
                        url, f"HTTP {status}, asked to retry after {delay:.0f} s", "http", status
                    )
                self._sleep(delay)
                continue
            if status >= 400:
                raise FetchError(url, f"HTTP {status}", "http", status)
            return FetchResult(
                url,
                result.final_url,
                status,
                result.headers,
                result.body,
                result.fetched_at,
                attempt,
                result.redirects,
            )

    def _backoff(self, attempt: int) -> float:
        return float(min(self.policy.backoff_max, self.policy.backoff_base * 2 ** (attempt - 1)))

    def _follow(self, url: str, headers: dict[str, str]) -> FetchResult:
        """One attempt: the request and its redirects, each hop checked like the first."""
        seen: list[str] = []
        current = url
        while True:
            self._check_url(current)
            if self.policy.obey_robots:
                self._check_robots(current)
            response = self._get(current, headers, self.policy.max_bytes)
            if response.status not in _REDIRECTS:
                return FetchResult(
                    url, current, response.status, response.headers, response.body, response.fetched_at,
                    redirects=tuple(seen),
                )  # fmt: skip
            location = response.headers.get("location")
            if not location:
                raise FetchError(
                    current, f"HTTP {response.status} without a Location", "http", response.status
                )
            seen.append(current)
            current = urljoin(current, location.strip())
            if current in seen:
                raise FetchError(url, f"redirect loop through {current}", "http", response.status)
            if len(seen) > self.policy.max_redirects:
                raise FetchError(
                    url, f"more than {self.policy.max_redirects} redirects", "http", response.status
                )

    @staticmethod
    def _check_url(url: str) -> None:
        parts = urlsplit(url)
        if parts.scheme not in ("http", "https"):
            raise FetchError(
                url, f"refused: only http and https URLs are fetched, not {parts.scheme or 'none'}", "refused"
            )
        if not parts.hostname:
            raise FetchError(url, "refused: no host in the URL", "refused")

    def _gate(self, host: str) -> _HostGate:
        with self._lock:
            gate = self._gates.get(host)
            if gate is None:
                gate = self._gates[host] = _HostGate(self.policy.max_per_host)
            return gate

    def _interval(self, origin: str) -> float:
        rules = self._robots.get(origin)
        delay = rules.crawl_delay if rules else None
        return max(self.policy.min_interval, min(delay or 0.0, self.policy.max_crawl_delay))

    def _get(self, url: str, headers: dict[str, str], limit: int) -> FetchResult:
        parts = urlsplit(url)
        host = (parts.hostname or "").lower()
        origin = f"{parts.scheme}://{parts.netloc}".lower()
        with self._gate(host).turn(self._interval(origin), self._clock, self._sleep):
            return self._stream(url, headers, limit)

    def _stream(self, url: str, headers: dict[str, str], limit: int) -> FetchResult:
        deadline = self._clock() + self.policy.total_timeout
        with self._lock:
            self.requests_made += 1
        fetched_at = datetime.now(UTC).isoformat(timespec="seconds")
        try:
            with self._client.stream("GET", url, headers=headers) as response:
                response_headers = {k.lower(): v for k, v in response.headers.items()}
                if (
                    response.status_code in _REDIRECTS
                    or response.status_code == 304
                    or response.status_code >= 400
                ):
                    # The body of a redirect, a 304 or an error is not needed: do not read it.
                    return FetchResult(url, url, response.status_code, response_headers, b"", fetched_at)
                declared = response.headers.get("content-length", "")
                if declared.isdigit() and int(declared) > limit:
                    raise FetchError(
                        url, f"body of {declared} bytes is over the {limit}-byte limit", "too_large"
                    )
                inflater = _Inflater(response.headers.get("content-encoding", "").strip().lower(), url, limit)
                chunks = []
                for raw in response.iter_raw(_CHUNK):
                    chunks.append(inflater.feed(raw))
                    if self._clock() > deadline:
                        raise FetchError(url, f"took more than {self.policy.total_timeout:.0f} s", "timeout")
                return FetchResult(
                    url, url, response.status_code, response_headers, b"".join(chunks), fetched_at
                )
        except httpx.TimeoutException as exc:
            raise FetchError(url, f"timed out ({type(exc).__name__})", "timeout") from exc
        except httpx.TransportError as exc:
            raise FetchError(url, f"network error ({exc or type(exc).__name__})", "network") from exc

    def _check_robots(self, url: str) -> None:
        """Raise ``FetchError`` when the origin's robots.txt disallows ``url`` or cannot be read just now."""
        parts = urlsplit(url)
        origin = f"{parts.scheme}://{parts.netloc}".lower()
        with self._lock:
            rules = self._robots.get(origin)
        if rules is None or rules.expires_at < self._clock():
            rules = self._load_robots(origin)
            with self._lock:
                self._robots[origin] = rules
        if rules.unavailable:
            # Status 503 marks it as passing: the watcher asks again at its next poll.
            raise FetchError(
                url, f"robots.txt unavailable ({rules.unavailable}); not fetching for now", "robots", 503
            )
        allowed = rules.allow_all if rules.parser is None else rules.parser.can_fetch(ROBOTS_AGENT, url)
        if not allowed:
            raise FetchError(url, "refused by the site's robots.txt", "robots")

    def _load_robots(self, origin: str) -> _Robots:
        """The origin's robots.txt rules, kept for an hour (ten minutes when it could not be read)."""
        headers = {
            "User-Agent": self.policy.user_agent,
            "Accept": "text/plain",
            "Accept-Encoding": "gzip, deflate",
        }
        url = origin + "/robots.txt"
        now = self._clock()
        try:
            for _ in range(self.policy.max_redirects + 1):
                self._check_url(url)
                response = self._get(url, headers, _ROBOTS_MAX_BYTES)
                if response.status not in _REDIRECTS or "location" not in response.headers:
                    break
                url = urljoin(url, response.headers["location"])
        except FetchError as error:
            if error.kind in ("refused", "network"):
                raise  # the site itself is out of reach: say so, rather than blame its robots.txt
            # RFC 9309: an unreachable robots.txt means "disallow all" for now; an oversized one is ignored.
            return _Robots(None, error.kind == "too_large", None, now + 600, str(error))
        if 400 <= response.status < 500:
            return _Robots(None, True, None, now + 3600)
        if response.status >= 300:
            return _Robots(None, False, None, now + 600, f"HTTP {response.status}")
        parser = RobotFileParser()
        parser.parse(response.body.decode("utf-8", "replace").splitlines())
        delay = parser.crawl_delay(ROBOTS_AGENT)
        return _Robots(parser, True, float(delay) if delay is not None else None, now + 3600)


@dataclass(frozen=True, slots=True)
class _Robots:
    """One origin's robots.txt: its rules, or allow/disallow-all when it has none, and its Crawl-delay."""

    parser: RobotFileParser | None
    allow_all: bool
    crawl_delay: float | None
    expires_at: float
    unavailable: str | None = None


_SHARED: list[Fetcher] = []
_SHARED_LOCK = threading.Lock()


def shared_fetcher() -> Fetcher:
    """The process's default fetcher (policy from the environment), shared by the readers so that a feed
    and the pages it leads to keep one set of per-host limits and one robots.txt cache."""
    with _SHARED_LOCK:
        if not _SHARED:
            _SHARED.append(Fetcher())
        return _SHARED[0]


def _retry_after(value: str | None) -> float | None:
    """Seconds a Retry-After header asks for (delta-seconds or an HTTP date), or None."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return max(0.0, (when - datetime.now(UTC)).total_seconds())
