"""Temporal expressions of Arabic news, resolved to calendar values relative to the publication time.

``find_timexes(text, reference)`` is the stage's entry point: detection (``detect.py``) then resolution
(``resolve.py``).
"""

from __future__ import annotations

import time
from datetime import date, datetime

from rasd.model import Timex
from rasd.time.detect import detect
from rasd.time.resolve import resolve


def _as_datetime(reference: datetime | date | None) -> datetime | None:
    if reference is None or isinstance(reference, datetime):
        return reference
    return datetime(reference.year, reference.month, reference.day)


def find_timexes(text: str, reference: datetime | date | None) -> list[Timex]:
    """Every temporal expression of ``text``, in order, with offsets into ``text``.

    Each has an ISO ``value`` (``2025-11-10``, ``2025-W45``, ``2025-11``, ``2025``, ``199`` for a decade) or
    an ISO 8601 duration (``P180D``) with ``precision`` ``duration``. Expressions that need a reference
    (``أمس``, ``الاثنين``, a year-less date) get ``value=None`` when ``reference`` is None. The reference is
    the publication time; its local day counts, so pass it in the outlet's time zone.
    """
    ref = _as_datetime(reference)
    if ref is not None and ref.tzinfo is not None:
        ref = ref.replace(tzinfo=None)
    timexes = []
    for mention in detect(text):
        value, precision = resolve(mention, ref)
        timexes.append(Timex(text[mention.start : mention.end], mention.start, mention.end, value, precision))
    return timexes


def throughput(texts: list[str]) -> float:
    """Megabytes (UTF-8) of ``texts`` that ``find_timexes`` handles per second of CPU time (one core)."""
    reference = datetime(2024, 1, 1)
    size = sum(len(t.encode("utf-8")) for t in texts)
    began = time.process_time()
    for text in texts:
        find_timexes(text, reference)
    elapsed = time.process_time() - began
    return size / 1e6 / elapsed if elapsed > 0 else float("inf")


__all__ = ["find_timexes", "throughput"]
