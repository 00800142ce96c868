"""Model objects from and to plain JSON dicts (the DESIGN.md contracts), shared by the store and the API."""

from __future__ import annotations

from dataclasses import asdict
from typing import Any

from rasd.model import Actor, AnnotatedArticle, Article, Entity, Event, Place, Span, Story, Timex


def span_from(data: dict[str, Any]) -> Span:
    return Span(int(data["start"]), int(data["end"]), str(data["text"]))


def article_from(data: dict[str, Any]) -> Article:
    fields = dict(data)
    fields["subheadings"] = [span_from(s) for s in fields.get("subheadings") or []]
    fields["captions"] = list(fields.get("captions") or [])
    known = Article.__dataclass_fields__
    return Article(**{k: v for k, v in fields.items() if k in known})


def entity_from(data: dict[str, Any]) -> Entity:
    known = Entity.__dataclass_fields__
    return Entity(**{k: v for k, v in data.items() if k in known})


def timex_from(data: dict[str, Any]) -> Timex:
    known = Timex.__dataclass_fields__
    return Timex(**{k: v for k, v in data.items() if k in known})


def _actor(data: dict[str, Any] | None) -> Actor | None:
    if not data:
        return None
    known = Actor.__dataclass_fields__
    return Actor(**{k: v for k, v in data.items() if k in known})


def event_from(data: dict[str, Any]) -> Event:
    fields = {k: v for k, v in data.items() if k in Event.__dataclass_fields__}
    fields["actor1"] = _actor(data.get("actor1"))
    fields["actor2"] = _actor(data.get("actor2"))
    fields["assoc_actors"] = [a for a in (_actor(x) for x in data.get("assoc_actors") or []) if a]
    location = data.get("location")
    fields["location"] = (
        Place(**{k: v for k, v in location.items() if k in Place.__dataclass_fields__}) if location else None
    )
    fields["evidence"] = [span_from(s) for s in data.get("evidence") or []]
    return Event(**fields)


def story_from(data: dict[str, Any]) -> Story:
    known = Story.__dataclass_fields__
    return Story(**{k: v for k, v in data.items() if k in known})


def annotated_from(data: dict[str, Any]) -> AnnotatedArticle:
    return AnnotatedArticle(
        article=article_from(data["article"]),
        entities=[entity_from(e) for e in data.get("entities") or []],
        timexes=[timex_from(t) for t in data.get("timexes") or []],
        events=[event_from(e) for e in data.get("events") or []],
    )


def to_json(obj: Any) -> Any:
    """A dataclass (or list of them) as JSON-ready data."""
    if isinstance(obj, list):
        return [to_json(o) for o in obj]
    return asdict(obj)
