"""What the watcher remembers between runs, kept in the store's fetch state (one row per URL).

A source's row holds its validators (ETag, Last-Modified) and when it is next due; an item page's row says
it was handled (ingested, or given up on for good). A row is written only after the work it records is
committed, so a watcher killed at any point redoes at most the item it was on, and the store's content-hash
check turns that redo into a duplicate, never a second copy.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from rasd.store.base import FetchState, Store


def utc_now() -> datetime:
    return datetime.now(UTC)


def iso(moment: datetime) -> str:
    return moment.astimezone(UTC).isoformat(timespec="seconds")


def is_handled(store: Store, url: str) -> bool:
    """Whether an item page was already ingested or given up on for good."""
    state = store.get_fetch_state(url)
    return (
        state is not None
        and state.status is not None
        and (200 <= state.status < 300 or 400 <= state.status < 500)
    )


def record_item(
    store: Store, url: str, status: int, content_hash: str | None, fetched_at: str | None
) -> None:
    """Remember an item page as handled (``status`` 2xx: ingested or rejected by the pipeline; 4xx: given up)."""
    store.record_fetch(FetchState(url=url, status=status, content_hash=content_hash, fetched_at=fetched_at))


def next_due(store: Store, url: str) -> datetime | None:
    """When a source is next due (None: never polled, so due now)."""
    state = store.get_fetch_state(url)
    if state is None or not state.next_poll_at:
        return None
    return datetime.fromisoformat(state.next_poll_at)


def record_poll(
    store: Store,
    url: str,
    *,
    status: int,
    interval_s: float,
    now: datetime,
    etag: str | None = None,
    last_modified: str | None = None,
    content_hash: str | None = None,
) -> None:
    """Remember a poll of a source: its validators for the next conditional GET and when it is due again."""
    store.record_fetch(
        FetchState(
            url=url,
            etag=etag,
            last_modified=last_modified,
            fetched_at=iso(now),
            status=status,
            content_hash=content_hash,
            next_poll_at=iso(now + timedelta(seconds=interval_s)),
        )
    )
