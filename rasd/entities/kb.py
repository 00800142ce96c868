"""The actor knowledge base: states, forces, groups, bodies and people of Arabic news, 2011–2026.

The source is the hand-curated ``rasd/data/actors.yaml``. Each entry has a stable id, Arabic and English
names, aliases (spelling variants), a kind, a country (ISO2), an ACLED ``inter`` code, a CAMEO-style sector
and, for people, roles with date ranges, so that a title such as ``الرئيس السوري`` resolves by the date of
the article. Countries and communities carry demonyms, from which the adjective forms (``الإسرائيلي``،
``الأميركية``، ``الإيزيدية``) derive.

All keys are compared in the form of ``match_key``: ``rasd.arabic.normalize`` folding, quotes and tatweel
dropped, runs of spaces collapsed, Latin letters lowered.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import yaml

from rasd.arabic.normalize import normalize_text
from rasd.errors import InputError
from rasd.model import Actor, EntityType

KB_PATH = Path(__file__).resolve().parent.parent / "data" / "actors.yaml"

KINDS = frozenset(
    {
        "country",
        "state_force",
        "government_body",
        "rebel_group",
        "political_militia",
        "identity_militia",
        "political_party",
        "organisation",
        "international_body",
        "external_force",
        "person",
        "civilians",
        "protesters",
        "rioters",
        "community",
    }
)
# ACLED actor types: 1 state forces … 8 external/other forces.
INTER_CODES = frozenset(range(1, 9))
SECTORS = frozenset(
    {
        "GOV",
        "MIL",
        "COP",
        "SPY",
        "JUD",
        "LEG",
        "PTY",
        "OPP",
        "REB",
        "INS",
        "SEP",
        "UAF",
        "IGO",
        "NGO",
        "MED",
        "BUS",
        "REL",
        "CVL",
        "REF",
        "LAB",
        "EDU",
        "HLH",
        "CRM",
        "ETH",
        "ELI",
    }
)
_GENERIC_KINDS = frozenset({"civilians", "protesters", "rioters"})
# Characters that never change which entity a name denotes: quotes, tatweel, brackets of «لـ«التحالف».
_DROPPED_IN_KEYS = frozenset("\"'`ـ")


_DROPPED_IN_KEYS_RE = re.compile("[\"'`ـ]+")


def match_key(text: str) -> str:
    """The form under which names, aliases and titles are stored and looked up."""
    # Quotes and tatweel go, white space runs become one space, Latin is lowered: str methods at C speed.
    words = _DROPPED_IN_KEYS_RE.sub("", normalize_text(text)).split()
    key = " ".join(words)
    lowered = key.lower()
    if len(lowered) == len(key) and "Σ" not in key:  # lowering is per character except for these
        return lowered
    return _match_key_by_char(text)


def _match_key_by_char(text: str) -> str:
    """``match_key`` one character at a time: the reference, and the way for the rare special letters."""
    out: list[str] = []
    for char in normalize_text(text):
        if char in _DROPPED_IN_KEYS:
            continue
        if char.isspace():
            if out and out[-1] != " ":
                out.append(" ")
            continue
        lowered = char.lower()
        out.append(lowered if len(lowered) == 1 else char)
    return "".join(out).strip()


@dataclass(frozen=True, slots=True)
class Role:
    """An office held from ``start`` (inclusive) until ``end`` (exclusive); None is open-ended."""

    title: str
    of: str
    start: date | None = None
    end: date | None = None

    def holds_on(self, on: date) -> bool:
        return (self.start is None or self.start <= on) and (self.end is None or on < self.end)


@dataclass(frozen=True, slots=True)
class ActorEntry:
    """One actor of the knowledge base."""

    id: str
    name_ar: str
    name_en: str
    kind: str
    country: str | None
    inter: int | None
    sector: str | None
    aliases: tuple[str, ...] = ()
    roles: tuple[Role, ...] = ()
    demonyms: tuple[str, ...] = ()
    # Plurals that are not stem + suffix: الروس، الأتراك، الألمان.
    broken_plurals: tuple[str, ...] = ()
    demonym_en: str | None = None
    shared_aliases: tuple[str, ...] = ()
    # Names too ambiguous to match in running text (``مالي`` is also "financial"), still found by lookup.
    unmatched: tuple[str, ...] = ()
    # Names matched in running text only between quotes (``«القاعدة»``, not ``القاعدة العسكرية``).
    quoted_aliases: tuple[str, ...] = ()
    member_of: str | None = None

    @property
    def entity_type(self) -> EntityType:
        """The NER type of a mention of this actor by name."""
        if self.kind == "person":
            return "PER"
        if self.kind == "country":
            return "GPE"
        if self.kind in _GENERIC_KINDS:
            return "MISC"
        if self.kind == "community":
            return "NORP"
        return "ORG"

    def names(self) -> tuple[str, ...]:
        """Every surface form of the name: canonical names first, then aliases (matched or not)."""
        return (self.name_ar, self.name_en, *self.aliases, *self.unmatched, *self.quoted_aliases)

    def demonym_forms(self) -> tuple[str, ...]:
        """Adjective forms of the demonyms: سوري → السوري، السورية، السوريون، السوريين، سورية…"""
        forms: list[str] = []
        for stem in self.demonyms:
            for suffix in ("", "ة", "ون", "ين", "ان", "تان", "تين", "ات"):
                forms.append(stem + suffix)
                forms.append("ال" + stem + suffix)
        for plural in self.broken_plurals:
            forms += [plural, "ال" + plural]
        return tuple(forms)

    def adjectives(self, feminine: bool = False) -> tuple[str, ...]:
        """The definite adjectives used in titles (``الرئيس السوري``، ``رئيسة الوزراء الإيطالية``)."""
        return tuple("ال" + stem + ("ة" if feminine else "") for stem in self.demonyms)


def _as_date(value: Any, where: str) -> date | None:
    if value is None or isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value))
    except ValueError as exc:
        raise InputError(f"{where}: bad date {value!r}") from exc


def _entry_from_record(record: dict[str, Any]) -> ActorEntry:
    where = f"actors.yaml entry {record.get('id')!r}"
    unknown = set(record) - _ENTRY_FIELDS
    if unknown:
        raise InputError(f"{where}: unknown fields {sorted(unknown)}")
    for required in ("id", "name_ar", "name_en", "kind"):
        if not record.get(required):
            raise InputError(f"{where}: missing {required}")
    country = record.get("country")
    if country is not None and not isinstance(country, str):
        # YAML 1.1 reads a bare NO (Norway) as false.
        raise InputError(f"{where}: country {country!r} is not an ISO code (quote it)")
    roles = tuple(
        Role(
            title=str(r["title"]),
            of=str(r["of"]),
            start=_as_date(r.get("from"), where),
            end=_as_date(r.get("until"), where),
        )
        for r in record.get("roles") or ()
    )
    return ActorEntry(
        id=str(record["id"]),
        name_ar=str(record["name_ar"]),
        name_en=str(record["name_en"]),
        kind=str(record["kind"]),
        country=country,
        inter=record.get("inter"),
        sector=record.get("sector"),
        aliases=tuple(str(a) for a in record.get("aliases") or ()),
        roles=roles,
        demonyms=tuple(str(d) for d in record.get("demonyms") or ()),
        broken_plurals=tuple(str(d) for d in record.get("broken_plurals") or ()),
        demonym_en=record.get("demonym_en"),
        shared_aliases=tuple(str(a) for a in record.get("shared_aliases") or ()),
        unmatched=tuple(str(a) for a in record.get("unmatched") or ()),
        quoted_aliases=tuple(str(a) for a in record.get("quoted_aliases") or ()),
        member_of=record.get("member_of"),
    )


_ENTRY_FIELDS = frozenset(
    {
        "id",
        "name_ar",
        "name_en",
        "kind",
        "country",
        "inter",
        "sector",
        "aliases",
        "roles",
        "demonyms",
        "broken_plurals",
        "demonym_en",
        "shared_aliases",
        "unmatched",
        "quoted_aliases",
        "member_of",
    }
)


@dataclass(frozen=True, slots=True)
class TitleKey:
    """A title pattern filled for one office: ``الرئيس السوري`` is (president, syria)."""

    key: str
    title: str
    of: str


class ActorKB:
    """Look-ups over the actor knowledge base: by id, by name, by title on a date."""

    def __init__(self, entries: list[ActorEntry], title_patterns: dict[str, list[str]]) -> None:
        self.entries: dict[str, ActorEntry] = {}
        for entry in entries:
            if entry.id in self.entries:
                raise InputError(f"actors.yaml: duplicate id {entry.id!r}")
            self.entries[entry.id] = entry
        self.title_patterns = title_patterns
        self._by_name: dict[str, list[str]] = {}
        for entry in entries:
            for name in entry.names():
                ids = self._by_name.setdefault(match_key(name), [])
                if entry.id not in ids:
                    ids.append(entry.id)
        self._by_demonym: dict[str, str] = {}
        for entry in entries:
            for form in entry.demonym_forms():
                self._by_demonym.setdefault(match_key(form), entry.id)
        self._holders: dict[tuple[str, str], list[tuple[Role, str]]] = {}
        for entry in entries:
            for role in entry.roles:
                self._holders.setdefault((role.title, role.of), []).append((role, entry.id))
        self._by_title: dict[str, tuple[str, str]] = {t.key: (t.title, t.of) for t in self.title_keys()}

    @classmethod
    def load(cls, path: Path | None = None) -> ActorKB:
        """The knowledge base of ``path`` (default: the bundled ``actors.yaml``), parsed once per process."""
        return _load_cached(path or KB_PATH)

    @classmethod
    def from_yaml(cls, path: Path) -> ActorKB:
        """Parse and check ``path``; raises InputError naming the first bad entry."""
        try:
            # The C loader when PyYAML has it: the pure-Python one takes seconds over the whole file.
            loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
            data = yaml.load(path.read_text(encoding="utf-8"), Loader=loader)
        except (OSError, yaml.YAMLError) as exc:
            raise InputError(f"cannot read actor knowledge base {path}: {exc}") from exc
        if not isinstance(data, dict) or not isinstance(data.get("actors"), list):
            raise InputError(f"{path}: expected a mapping with an 'actors' list")
        titles = {str(k): [str(p) for p in v] for k, v in (data.get("titles") or {}).items()}
        return cls([_entry_from_record(r) for r in data["actors"]], titles)

    def __len__(self) -> int:
        return len(self.entries)

    def __iter__(self) -> Iterator[ActorEntry]:
        return iter(self.entries.values())

    def get(self, actor_id: str) -> ActorEntry | None:
        """The entry with this id, or None."""
        return self.entries.get(actor_id)

    def ids_for_name(self, key: str) -> list[str]:
        """Ids of the entries one of whose names has this ``match_key`` (YAML order)."""
        return self._by_name.get(key, [])

    def country_for_demonym(self, key: str) -> str | None:
        """The country (or community) whose adjective has this ``match_key`` (``الاسرائيلي`` → israel)."""
        return self._by_demonym.get(key)

    def lookup(self, name: str, on: date | None = None) -> list[ActorEntry]:
        """Entries a name denotes: by name or alias, else by demonym, else (given a date) by title.

        Spelling variants meet (``ترامب`` and ``ترمب``); clitics must already be stripped. Several entries
        come back only for a name the knowledge base marks as shared.
        """
        key = match_key(name)
        found = [self.entries[i] for i in self._by_name.get(key, [])]
        if found:
            return found
        country = self._by_demonym.get(key)
        if country:
            return [self.entries[country]]
        if on is not None:
            holder = self.resolve_role(name, on)
            if holder:
                return [holder]
        return []

    def resolve_role(self, title: str, on: date) -> ActorEntry | None:
        """Who held the office a title names on a date: ``الرئيس السوري`` → al-Sharaa in 2025, Assad in 2020."""
        office = self._by_title.get(match_key(title))
        if office is None:
            return None
        return self.holder(office[0], office[1], on)

    def holder(self, title: str, of: str, on: date) -> ActorEntry | None:
        """The holder of office ``title`` of ``of`` on a date, or None when vacant or unknown."""
        for role, actor_id in self._holders.get((title, of), []):
            if role.holds_on(on):
                return self.entries[actor_id]
        return None

    def office_for_title(self, key: str) -> tuple[str, str] | None:
        """The (title, of) a title ``match_key`` names, or None."""
        return self._by_title.get(key)

    def title_keys(self) -> Iterator[TitleKey]:
        """Every title pattern filled with the names and adjectives of each office that has holders."""
        for title, of in self._holders:
            office = self.entries.get(of)
            if office is None:
                continue
            names = [n for n in (office.name_ar, *office.aliases) if not n.isascii()]
            for pattern in self.title_patterns.get(title, []):
                fillers: list[str]
                if "{adj}" in pattern:
                    fillers, slot = list(office.adjectives()), "{adj}"
                elif "{adj_f}" in pattern:
                    fillers, slot = list(office.adjectives(feminine=True)), "{adj_f}"
                elif "{name}" in pattern:
                    fillers, slot = names, "{name}"
                else:
                    fillers, slot = [""], ""
                for filler in fillers:
                    text = pattern.replace(slot, filler) if slot else pattern
                    # لـ + ال contracts: الأمين العام ل+الأمم المتحدة → الأمين العام للأمم المتحدة
                    text = text.replace(" لال", " لل")
                    yield TitleKey(match_key(text), title, of)

    def actor(self, entry: ActorEntry, on: date | None = None) -> Actor:
        """The event-record actor of an entry; given a date, a person's ACLED ``inter`` is that of the body
        whose office they held then (al-Sharaa: 2 as HTS commander in 2020, 1 as president in 2025)."""
        inter = entry.inter
        if on is not None:
            for role in entry.roles:
                office = self.entries.get(role.of)
                if role.holds_on(on) and office is not None and office.inter is not None:
                    inter = office.inter
                    break
        return Actor(
            id=entry.id,
            name_ar=entry.name_ar,
            name_en=entry.name_en,
            type=entry.kind,
            country=entry.country,
            inter=inter,
        )


@functools.cache
def _load_cached(path: Path) -> ActorKB:
    return ActorKB.from_yaml(path)
