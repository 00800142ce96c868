"""The annotation layers the events stage reads, gathered for one text: sentences, entities, timexes, places.

This is the one place where the events stage calls the other stages (``rasd.arabic``, ``rasd.time``,
``rasd.entities``, ``rasd.geo``). A layer the caller already computed is passed in and used as is; a layer
that is missing is computed here.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from rasd.arabic.normalize import NormalizedText, normalize
from rasd.arabic.numbers import Quantity, find_quantities
from rasd.arabic.sentences import split_sentences
from rasd.entities.link import link_entities
from rasd.geo.geocoder import GeoContext, find_places
from rasd.model import Entity, Place, Sentence, Timex
from rasd.time import find_timexes


@dataclass(frozen=True, slots=True)
class PlaceSpan:
    """A place named in the text: ``text == original[start:end]``, resolved to ``place``."""

    start: int
    end: int
    text: str
    place: Place
    kind: str = "place"


@dataclass(slots=True)
class TextLayers:
    """One text (an article's title, or its body) with every layer the events stage needs."""

    text: str
    normalized: NormalizedText
    sentences: list[Sentence]
    entities: list[Entity] = field(default_factory=list)
    timexes: list[Timex] = field(default_factory=list)
    places: list[PlaceSpan] = field(default_factory=list)
    _to_norm: list[int] | None = field(default=None, repr=False)
    _quantities: list[Quantity] | None = field(default=None, repr=False)

    def quantities(self) -> list[Quantity]:
        """The numbers of the text (``rasd.arabic.numbers``), found on first use."""
        if self._quantities is None:
            self._quantities = find_quantities(self.text)
        return self._quantities

    def to_normalized(self, start: int, end: int) -> tuple[int, int]:
        """The span of the normalized text made from ``text[start:end]`` (a table built once per text)."""
        norm = self.normalized
        if len(norm.norm_starts) == 1 and norm.norm_starts[0] == norm.orig_starts[0] == 0:
            return start, end  # nothing was dropped or expanded: the offsets are the same
        if self._to_norm is None:
            self._to_norm = _original_to_normalized(norm)
        return self._to_norm[start], self._to_norm[end]

    def normalized_slice(self, start: int, end: int) -> str:
        """The normalized form of ``text[start:end]``."""
        a, b = self.to_normalized(start, end)
        return self.normalized.text[a:b]


def _original_to_normalized(norm: NormalizedText) -> list[int]:
    """For each original offset (and the end), the first normalized offset at or after it."""
    starts, origins, size = norm.norm_starts, norm.orig_starts, len(norm.text)
    table: list[int] = []
    for k, (n0, o0) in enumerate(zip(starts, origins, strict=True)):
        n1 = starts[k + 1] if k + 1 < len(starts) else size
        if o0 > len(table):
            table.extend([n0] * (o0 - len(table)))  # dropped characters before this run
        skip = len(table) - o0  # a ligature's second character shares its original offset
        table.extend(range(n0 + max(skip, 0), n1))
    table.extend([size] * (len(norm.original) + 1 - len(table)))
    return table


def parse_published(published: str | None) -> datetime | None:
    """The publication time as a naive local datetime (the outlet's own clock), or None."""
    if not published:
        return None
    try:
        moment = datetime.fromisoformat(published.replace("Z", "+00:00"))
    except ValueError:
        try:
            moment = datetime.fromisoformat(published[:10])
        except ValueError:
            return None
    return moment.replace(tzinfo=None)


def analyse_text(
    text: str,
    published: datetime | None,
    *,
    entities: Sequence[Entity] | None = None,
    timexes: Sequence[Timex] | None = None,
    places: Sequence[Any] | None = None,
    country_hint: str | None = None,
    dateline: str | None = None,
) -> TextLayers:
    """Every layer of ``text``: the given ones as they are, the others computed by their stages."""
    layers = TextLayers(text, normalize(text), split_sentences(text))
    if timexes is not None:
        layers.timexes = list(timexes)
    else:
        layers.timexes = find_timexes(text, published)
    if entities is not None:
        layers.entities = list(entities)
    else:
        day: date | None = published.date() if published else None
        layers.entities = link_entities(text, day)
    if places is None:
        places = find_places(text, GeoContext(country=country_hint, dateline=dateline))
    layers.places = [_as_place_span(p) for p in places or []]
    return layers


def _as_place_span(mention: Any) -> PlaceSpan:
    if isinstance(mention, PlaceSpan):
        return mention
    return PlaceSpan(
        mention.start, mention.end, mention.text, mention.place, getattr(mention, "kind", "place")
    )
