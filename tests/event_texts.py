"""Shared by the events tests: the first event of a type that the events stage finds in a short text."""

from __future__ import annotations

from rasd.events import extract_events_from_text
from rasd.model import Event

PUBLISHED = "2024-03-31T10:00:00+03:00"


def first_event(text: str, plover: str, published: str = PUBLISHED) -> Event:
    """The first ``plover`` event of ``text`` (the test fails when there is none)."""
    events = [e for e in extract_events_from_text(text, published) if e.plover == plover]
    assert events, f"no {plover} event in {text!r}"
    return events[0]
