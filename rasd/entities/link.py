"""Linking mentions in an article's text to the actor knowledge base.

Dictionary matching with one Aho-Corasick automaton (built once per process) over a matching form of the
text: ``rasd.arabic.normalize`` folding, quotes and tatweel dropped, Latin lowered, with a map back to the
original offsets. A match counts at a word boundary or after proclitics (و ف ب ل ك, and ``لل`` for ل+ال), so
``لـ«التحالف`` and ``بـ«القاعدة»`` match; the longest match wins. On top of that: titles resolved by the
article's date (``الرئيس الأميركي`` → Trump in 2025), demonyms as NORP (``الإسرائيلي`` → Israel), the NER
model's spans merged in (kept with ``id=None`` when the knowledge base lacks them, people with a Latin
transliteration), and in-document short forms (``الشرع`` after ``أحمد الشرع``; a surname after a full name).
"""

from __future__ import annotations

import bisect
import functools
import json
import re
from collections import Counter
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any, Literal, cast

import ahocorasick

from rasd.arabic.normalize import normalize
from rasd.corpora import find_article
from rasd.entities.kb import ActorEntry, ActorKB, match_key
from rasd.errors import InputError
from rasd.evaluation import PRF, EvalReport
from rasd.model import Entity, EntityType

SAMPLES_DIR = Path(__file__).resolve().parent.parent / "data" / "samples"

MatchKind = Literal["name", "demonym", "title"]
_KIND_ORDER: tuple[MatchKind, ...] = ("name", "demonym", "title")

# Proclitic strings allowed between a word boundary and a match: conjunctions, prepositions, both.
_PROCLITICS = frozenset({"", "و", "ف", "ب", "ل", "ك", "وب", "ول", "وك", "فب", "فل", "فك"})
# Before a key whose alef of ال is dropped (للتحالف = ل + التحالف): the prefix must end in that ل.
_LAM_PROCLITICS = frozenset({"ل", "ول", "فل"})
_PROCLITIC_LETTERS = frozenset("وفبلك")
_DROPPED = frozenset("\"'`ـ")
# A word right after a title that makes it someone other than the holder on that date.
_NOT_HOLDER = frozenset(match_key(w) for w in ("السابق", "الأسبق", "المخلوع", "الراحل", "المنتخب", "الأسبق"))
# Surnames that are common words or given names: a short form of these would link ordinary words.
_SURNAME_STOP = frozenset(
    match_key(w)
    for w in (
        "خطاب",
        "عون",
        "حرب",
        "سلام",
        "نصر",
        "أمين",
        "كامل",
        "سعيد",
        "حسن",
        "حسين",
        "علي",
        "محمد",
        "أحمد",
        "عمر",
        "صالح",
        "الله",
        "الدين",
        "الرحمن",
        "عباس",
        "جمال",
        "نور",
        "فرح",
        "رشيد",
        "سريع",
        "شريف",
        "كريم",
        "جميل",
        "حكيم",
        "عادل",
        "منصور",
        "هادي",
        "سليم",
        "باسل",
    )
)
_SURNAME_JOINERS = frozenset(match_key(w) for w in ("عبد", "أبو", "ابو", "بن", "ابن", "آل", "أبي", "بنت"))
_TITLE_NAME_GAP = 40  # characters within which a person's name after a title is the title's bearer


@dataclass(frozen=True, slots=True)
class _Pattern:
    kind: MatchKind
    key: str  # the knowledge-base key this pattern stands for
    after_lam: bool = False
    quoted: bool = False  # matches only between quotes
    accusative: bool = False  # the indefinite accusative of a demonym (إسرائيلياً); ``key`` is its stem


@dataclass(slots=True)
class _Match:
    start: int  # offsets into the matching form
    end: int
    pattern: _Pattern


@dataclass(frozen=True, slots=True)
class MatchingForm:
    """The text as the automaton reads it, with the original offset of each character."""

    text: str
    offsets: tuple[int, ...]
    original_length: int
    # Positions where a quote was dropped: a word boundary there even without a space (``"حماس"و"فتح"``).
    breaks: frozenset[int] = frozenset()

    def to_original(self, start: int, end: int) -> tuple[int, int]:
        return self.offsets[start], self.offsets[end - 1] + 1


# Runs of quotes, tatweel and spaces that open with a dropped character or hold two characters or more: the
# only places where the matching form loses characters (a lone space between words is kept as it is). The
# pattern opens with a character class so that the regex engine skips to candidates at C speed.
_FORM_GAP_RE = re.compile("[ \"'`ـ](?:(?<=[^ ])[ \"'`ـ]*|[ \"'`ـ]+)")
# Whitespace other than a line break and a plain space: read as a plain space.
_OTHER_SPACE_RE = re.compile(r"[^\S\n ]")


def matching_form(text: str) -> MatchingForm:
    """Fold ``text`` like ``match_key`` does, keeping line breaks (a name never spans two lines)."""
    folded = normalize(text)
    form = _OTHER_SPACE_RE.sub(" ", folded.text)
    lowered = form.lower()
    # str.lower is per character except for final sigma and a few letters that lower to two characters.
    if len(lowered) != len(form) or "Σ" in form:
        lowered = "".join(c.lower() if len(c.lower()) == 1 else c for c in form)
    origin = folded.offset_list()
    chars: list[str] = []
    offsets: list[int] = []
    breaks: set[int] = set()
    done = 0  # characters of ``lowered`` copied or dropped so far
    for gap in _FORM_GAP_RE.finditer(lowered):
        start, end = gap.span()
        chars.append(lowered[done:start])
        offsets.extend(origin[done:start])
        kept = len(offsets)
        for i in range(start, end):
            char = lowered[i]
            if char == " ":
                if len(offsets) == kept:  # the first space of the run stands for all of them
                    chars.append(" ")
                    offsets.append(origin[i])
            elif char in "\"'":
                breaks.add(len(offsets))
        done = end
    chars.append(lowered[done:])
    offsets.extend(origin[done:])
    return MatchingForm("".join(chars), tuple(offsets), len(text), frozenset(breaks))


def _matching_form_by_char(text: str) -> MatchingForm:
    """``matching_form`` one character at a time: the reference the fast version is tested against."""
    folded = normalize(text)
    chars: list[str] = []
    offsets: list[int] = []
    breaks: set[int] = set()
    for char, offset in zip(folded.text, folded.offsets, strict=True):
        if char in _DROPPED:
            if char in "\"'":
                breaks.add(len(chars))
            continue
        if char == "\n":
            pass
        elif char.isspace():
            if chars and chars[-1] == " ":
                continue
            char = " "
        else:
            lowered = char.lower()
            char = lowered if len(lowered) == 1 else char
        chars.append(char)
        offsets.append(offset)
    return MatchingForm("".join(chars), tuple(offsets), len(text), frozenset(breaks))


@functools.cache
def _automaton(kb: ActorKB) -> ahocorasick.Automaton:
    patterns: dict[str, list[_Pattern]] = {}

    def add(key: str, kind: MatchKind, quoted: bool = False) -> None:
        if not key:
            return
        patterns.setdefault(key, []).append(_Pattern(kind, key, quoted=quoted))
        if key.startswith("ال") and len(key) > 3 and not quoted:
            patterns.setdefault(key[1:], []).append(_Pattern(kind, key, after_lam=True))

    for entry in kb:
        for name in (entry.name_ar, entry.name_en, *entry.aliases):
            if name not in entry.unmatched and name not in entry.quoted_aliases:
                add(match_key(name), "name")
        for name in entry.quoted_aliases:
            add(match_key(name), "name", quoted=True)
        for form in entry.demonym_forms():
            add(match_key(form), "demonym")
        for stem in entry.demonyms:
            # The adverbial accusative (قصفاً إسرائيلياً، دعماً أمريكياً): the stem plus its alef of tanwīn.
            if match_key(stem).endswith("ي"):
                key = match_key(stem)
                patterns.setdefault(key + "ا", []).append(_Pattern("demonym", key, accusative=True))
    for title in kb.title_keys():
        add(title.key, "title")
    automaton = ahocorasick.Automaton()
    for key, found in patterns.items():
        # A name over a demonym when the same characters are both (sorted once here, stably).
        ordered = sorted(found, key=lambda p: _KIND_ORDER.index(p.kind))
        automaton.add_word(key, (len(key), tuple(ordered)))
    automaton.make_automaton()
    return automaton


def _at_boundaries(form: MatchingForm, start: int, end: int, after_lam: bool) -> bool:
    text, breaks = form.text, form.breaks
    if end < len(text) and text[end].isalpha() and end not in breaks:
        return False
    word_start = start
    while word_start > 0 and text[word_start - 1].isalpha() and word_start not in breaks:
        word_start -= 1
    prefix = text[word_start:start]
    return prefix in (_LAM_PROCLITICS if after_lam else _PROCLITICS)


_OPENING_QUOTES = frozenset("«\"“„'")
_CLOSING_QUOTES = frozenset("»\"”'")


def _between_quotes(original: str, start: int, end: int) -> bool:
    before = original[:start].rstrip("ـ \u200f\u200e")
    after = original[end:].lstrip("ـ \u200f\u200e")
    return bool(before) and before[-1] in _OPENING_QUOTES and bool(after) and after[0] in _CLOSING_QUOTES


def _accusative_adjective(
    found: tuple[_Pattern, ...], form: MatchingForm, original: str, start: int, end: int
) -> bool:
    """Whether a country's name spelt like its demonym's accusative carries the tanwīn of the adjective
    (``سورياً``، ``أوكرانياً``: Syrian, Ukrainian; ``سوريا`` with none stays the country)."""
    if not any(p.accusative for p in found):
        return False
    orig_start, orig_end = form.to_original(start, end)
    return "\u064b" in original[orig_start : orig_end + 1]


def find_matches(form: MatchingForm, kb: ActorKB, original: str) -> list[_Match]:
    """Knowledge-base names, demonyms and titles at word boundaries, longest first.

    Names and demonyms are chosen among themselves, titles among themselves: a title may cover a name
    (``قائد الجيش اللبناني``) and is kept or dropped later, once it is known whether a name follows it.
    """
    names: list[_Match] = []
    titles: list[_Match] = []
    for last, (length, found) in _automaton(kb).iter(form.text):
        start, end = last - length + 1, last + 1
        for pattern in found:  # names first, then demonyms, then titles (``_automaton``)
            if not _at_boundaries(form, start, end, pattern.after_lam):
                continue
            if pattern.quoted and not _between_quotes(original, *form.to_original(start, end)):
                continue
            if pattern.kind == "name" and _accusative_adjective(found, form, original, start, end):
                continue
            (titles if pattern.kind == "title" else names).append(_Match(start, end, pattern))
            break
    chosen = _longest_first(names) + _longest_first(titles)
    chosen.sort(key=lambda m: m.start)
    return chosen


def _longest_first(candidates: list[_Match]) -> list[_Match]:
    candidates.sort(key=lambda m: (m.start - m.end, m.start))
    taken: set[int] = set()
    chosen: list[_Match] = []
    for match in candidates:
        span = range(match.start, match.end)
        if any(i in taken for i in span):
            continue
        taken.update(span)
        chosen.append(match)
    return chosen


@dataclass(slots=True)
class _Linked:
    start: int  # offsets into the matching form
    end: int
    type: EntityType
    id: str | None
    name_en: str | None
    from_kb: bool = True


def link_entities(text: str, published: date | None, ner: list[Entity] | None = None) -> list[Entity]:
    """Entities of ``text`` linked to the actor knowledge base, in text order, offsets into ``text``.

    Every knowledge-base name, demonym (NORP) and title whose holder on ``published`` is known becomes an
    entity with ``id`` and ``name_en``; ``ner`` spans the knowledge base does not cover are kept with
    ``id=None`` (people with a Latin transliteration as ``name_en``).
    """
    kb = ActorKB.load()
    form = matching_form(text)
    matches = find_matches(form, kb, text)
    linked = _resolve_names(matches, kb, published)
    if ner:
        linked = _merge_ner(linked, ner, form, kb, published)
    linked = _resolve_titles(linked, matches, form, kb, published)
    linked += _short_forms(linked, form, kb)
    linked.sort(key=lambda e: e.start)
    entities: list[Entity] = []
    for item in linked:
        start, end = _close_quote(text, *form.to_original(item.start, item.end))
        entities.append(Entity(text[start:end], start, end, item.type, item.id, item.name_en))
    return entities


def _close_quote(text: str, start: int, end: int) -> tuple[int, int]:
    """Take in the closing quote of a quote opened inside the mention: ``تنظيم «داعش»``."""
    mention = text[start:end]
    if end < len(text) and (
        (text[end] == "»" and mention.count("«") > mention.count("»"))
        or (text[end] == '"' and mention.count('"') % 2 == 1)
    ):
        return start, end + 1
    return start, end


def _resolve_names(matches: list[_Match], kb: ActorKB, published: date | None) -> list[_Linked]:
    """Names and demonyms to entries; a shared name goes to the entry the rest of the article points to."""
    sure: Counter[str] = Counter()
    countries: Counter[str] = Counter()
    for match in matches:
        if match.pattern.kind == "name" and len(kb.ids_for_name(match.pattern.key)) == 1:
            entry = kb.entries[kb.ids_for_name(match.pattern.key)[0]]
            sure[entry.id] += 1
            if entry.country:
                countries[entry.country] += 1
    linked: list[_Linked] = []
    for match in matches:
        if match.pattern.kind == "demonym":
            country_id = kb.country_for_demonym(match.pattern.key)
            if country_id:
                country = kb.entries[country_id]
                name = country.demonym_en or country.name_en
                linked.append(_Linked(match.start, match.end, "NORP", country.id, name))
        elif match.pattern.kind == "name":
            entries = [kb.entries[i] for i in kb.ids_for_name(match.pattern.key)]
            chosen = _choose(entries, sure, countries, published)
            if chosen is None:
                continue  # a shared name (الجيش الوطني) that nothing else in the article settles
            linked.append(_Linked(match.start, match.end, chosen.entity_type, chosen.id, chosen.name_en))
    return linked


def _choose(
    entries: list[ActorEntry], sure: Counter[str], countries: Counter[str], on: date | None
) -> ActorEntry | None:
    """The entry a name shared by several stands for: the one the article names for sure, else the one in
    office on the day, else the one of the country the article's other names belong to, else the first;
    None when the article is about other countries than all of theirs (الجيش الوطني in Burkina Faso)."""
    if len(entries) == 1:
        return entries[0]

    def score(entry: ActorEntry) -> tuple[int, int, int]:
        in_office = int(on is not None and any(r.holds_on(on) for r in entry.roles))
        return sure[entry.id], in_office, countries[entry.country or ""]

    best = max(entries, key=score)  # max keeps the first (YAML order) among equals
    return best if any(score(best)) or not countries else None


def _merge_ner(
    linked: list[_Linked], ner: list[Entity], form: MatchingForm, kb: ActorKB, published: date | None
) -> list[_Linked]:
    """NER spans join the dictionary matches; where they overlap, the dictionary's span and link win,
    except that a longer NER span swallows the countries and demonyms inside it (``وزارة الإعلام السورية``)."""
    result = list(linked)
    for entity in ner:
        start, end = _to_form_span(form, entity.start, entity.end)
        if start >= end:
            continue
        inside = [item for item in result if item.start < end and start < item.end]
        if inside and not _names_more(form, start, end, inside):
            continue
        for item in inside:
            result.remove(item)
        found = _lookup_mention(kb, form.text[start:end], published)
        if found:
            entry = found[0]
            result.append(_Linked(start, end, entry.entity_type, entry.id, entry.name_en))
        else:
            name_en = transliterate_name(entity.text) if entity.type == "PER" else None
            result.append(_Linked(start, end, entity.type, None, name_en, from_kb=False))
    result.sort(key=lambda e: e.start)
    return result


def _names_more(form: MatchingForm, start: int, end: int, inside: list[_Linked]) -> bool:
    """Whether an NER span is an organisation or place named after the countries and demonyms inside it
    (``مبادرة سوريا``، ``البادية السورية``), not the same mention with a proclitic (``وسوريا``)."""
    if not all(item.type in ("NORP", "GPE") and start <= item.start and item.end <= end for item in inside):
        return False
    rest = list(form.text[start:end])
    for item in inside:
        rest[item.start - start : item.end - start] = [" "] * (item.end - item.start)
    return any(len(word) > 2 or not set(word) <= _PROCLITIC_LETTERS for word in "".join(rest).split())


def _to_form_span(form: MatchingForm, start: int, end: int) -> tuple[int, int]:
    """The span of the matching form inside the original span ``[start, end)``."""
    return bisect.bisect_left(form.offsets, start), bisect.bisect_left(form.offsets, end)


def _lookup_mention(kb: ActorKB, mention: str, on: date | None) -> list[ActorEntry]:
    """Look a mention up as it is, then without its proclitics (``والجيش`` → ``الجيش``)."""
    found = kb.lookup(mention, on)
    if found:
        return found
    for prefix in ("وال", "فال", "بال", "كال", "ولل", "فلل", "لل", "و", "ف", "ب", "ل"):
        rest = mention[len(prefix) :]
        if mention.startswith(prefix) and len(rest) >= 3:
            return kb.lookup("ال" + rest if prefix.endswith(("ال", "لل")) else rest, on)
    return []


def _resolve_titles(
    linked: list[_Linked], matches: list[_Match], form: MatchingForm, kb: ActorKB, published: date | None
) -> list[_Linked]:
    """Titles become the person holding the office on the publication date, unless a name follows."""
    if published is None:
        return linked
    people = [item.start for item in linked if item.type == "PER"]
    result = list(linked)
    for match in matches:
        if match.pattern.kind != "title":
            continue
        inside = [item for item in result if item.start < match.end and match.start < item.end]
        if any(item.start < match.start or item.end > match.end or item.type == "PER" for item in inside):
            continue
        office = kb.office_for_title(match.pattern.key)
        if office is None:
            continue
        following = form.text[match.end : match.end + _TITLE_NAME_GAP]
        next_word = following.split()[0] if following.split() else ""
        if next_word in _NOT_HOLDER:
            continue
        gap_end = match.end + len(following.split(".")[0].split("\n")[0])
        if any(match.end <= p < gap_end for p in people):
            continue
        holder = kb.holder(office[0], office[1], published)
        if holder is not None:
            for item in inside:
                result.remove(item)
            result.append(_Linked(match.start, match.end, "PER", holder.id, holder.name_en))
    return result


def _surname(words: list[str]) -> str | None:
    if len(words) < 2:
        return None
    if len(words) >= 3 and (words[-2] in _SURNAME_JOINERS or words[-1] in _SURNAME_STOP):
        surname = " ".join(words[-2:])
    else:
        surname = words[-1]
    if surname in _SURNAME_STOP or len(surname.replace(" ", "")) < 3:
        return None
    return surname


def _short_forms(linked: list[_Linked], form: MatchingForm, kb: ActorKB) -> list[_Linked]:
    """The surname alone, after a person's full name in the same article, is that person."""
    taken = bytearray(len(form.text))
    for item in linked:
        taken[item.start : item.end] = b"\x01" * (item.end - item.start)
    surnames: dict[str, tuple[int, _Linked]] = {}
    for item in linked:
        if item.type != "PER":
            continue
        surname = _surname(form.text[item.start : item.end].split())
        if surname and surname not in surnames and not kb.ids_for_name(surname):
            surnames[surname] = (item.end, item)
    found: list[_Linked] = []
    for surname, (after, person) in surnames.items():
        at = form.text.find(surname, after)
        while at != -1:
            end = at + len(surname)
            if not any(taken[at:end]) and _at_boundaries(form, at, end, after_lam=False):
                found.append(_Linked(at, end, "PER", person.id, person.name_en, person.from_kb))
                taken[at:end] = b"\x01" * (end - at)
            at = form.text.find(surname, end)
    return found


@functools.cache
def _romanizer() -> Any:
    # Its name dictionary and spelling rules only: the neural fallback costs ~70 ms a name and changes
    # few spellings (measured on the seeds' unknown names), so it would dominate the pipeline's time.
    from arabic_name_romanizer.api import Transliterator

    romanizer = Transliterator(auto_load_model=False)
    if getattr(romanizer, "index", None) is not None:
        romanizer.index = cast(Any, _CachedNameIndex(romanizer.index))
    return romanizer


class _CachedNameIndex:
    """The romanizer's read-only SQLite index of spellings with its look-ups memoized: the units of names
    (محمد، عبد، الله) recur from name to name, and each look-up is a query."""

    def __init__(self, index: Any) -> None:
        self._index = index
        self._full = functools.lru_cache(maxsize=1 << 16)(index.lookup_full)
        self._unit = functools.lru_cache(maxsize=1 << 16)(index.lookup_unit)

    def lookup_full(self, key: str, country: str | None = None, script: str = "arabic") -> list[Any]:
        return list(self._full(key, country, script))  # a copy: the caller owns its list

    def lookup_unit(
        self, key: str, country: str | None = None, role: str | None = None, script: str = "arabic"
    ) -> list[Any]:
        return list(self._unit(key, country, role, script))

    def __getattr__(self, name: str) -> Any:
        return getattr(self._index, name)


def forget_romanizer() -> None:
    """Drop the romanizer and its SQLite connection, so that a forked worker process opens its own."""
    _romanizer.cache_clear()


@functools.cache
def transliterate_name(name: str) -> str:
    """A likely Latin spelling of an Arabic personal name (``arabic-name-romanizer``, offline)."""
    result = _romanizer().transliterate(name.strip())
    return result if isinstance(result, str) else str(result)


def evaluate(gold: Path) -> EvalReport:
    """Precision and recall of knowledge-base links against a gold file of annotated passages.

    The gold (``docs/formats.md``, "Actor linking gold") holds ``scope`` records (a passage of an article,
    by key and offsets, with its publication date and split: seeds, dev or test) and ``mention`` records (span, type, KB id or null for
    actors the knowledge base lacks). A predicted link is right when it overlaps a gold mention with the
    same id; gold mentions with a null id count only against predictions that overlap them. Dictionary
    linking alone is scored (no NER spans), so the figures are those of the knowledge base and its rules.
    """
    scopes, mentions = _read_gold(gold)
    texts = {key: _gold_text(key) for key in scopes}
    totals: dict[str, list[int]] = {}

    def count(bucket: str, tp: int = 0, fp: int = 0, fn: int = 0) -> None:
        row = totals.setdefault(bucket, [0, 0, 0])
        row[0], row[1], row[2] = row[0] + tp, row[1] + fp, row[2] + fn

    exact = type_right = 0
    for key, (start, end, published, split) in scopes.items():
        text = texts[key]
        wanted = [m for m in mentions if m["key"] == key]
        for m in wanted:
            if text[m["start"] : m["end"]] != m["text"]:
                raise InputError(f"{gold}: {key} [{m['start']}:{m['end']}] is not {m['text']!r}")
        predicted = [e for e in link_entities(text, published) if start <= e.start and e.end <= end and e.id]
        corpus = "split:" + split
        matched: set[int] = set()
        for entity in predicted:
            hit = next(
                (
                    i
                    for i, m in enumerate(wanted)
                    if i not in matched
                    and m["id"] == entity.id
                    and m["start"] < entity.end
                    and entity.start < m["end"]
                ),
                None,
            )
            if hit is None:
                count("all", fp=1)
                count(corpus, fp=1)
                count("type:" + entity.type, fp=1)
                continue
            matched.add(hit)
            m = wanted[hit]
            count("all", tp=1)
            count(corpus, tp=1)
            count("type:" + m["type"], tp=1)
            exact += (m["start"], m["end"]) == (entity.start, entity.end)
            type_right += m["type"] == entity.type
        for i, m in enumerate(wanted):
            if m["id"] and i not in matched:
                count("all", fn=1)
                count(corpus, fn=1)
                count("type:" + m["type"], fn=1)
    scores = {bucket: PRF(*row) for bucket, row in totals.items()}
    overall = scores.pop("all", PRF(0, 0, 0))
    linked_gold = sum(1 for m in mentions if m["id"])
    metrics = {
        **overall.as_dict(),
        "exact_span": exact / overall.tp if overall.tp else 0.0,
        "type_accuracy": type_right / overall.tp if overall.tp else 0.0,
        "kb_coverage": linked_gold / len(mentions) if mentions else 0.0,
    }
    return EvalReport(
        task="link",
        gold=str(gold),
        n=len(mentions),
        metrics=metrics,
        by_type={bucket: prf.as_dict() for bucket, prf in sorted(scores.items())},
        notes=[
            f"{len(scopes)} passages, {len(mentions)} gold mentions, {linked_gold} of actors in the knowledge base",
            "dictionary linking without NER spans; a link counts when it overlaps a gold mention of the same id",
        ],
    )


def _read_gold(gold: Path) -> tuple[dict[str, tuple[int, int, date | None, str]], list[dict[str, Any]]]:
    scopes: dict[str, tuple[int, int, date | None, str]] = {}
    mentions: list[dict[str, Any]] = []
    try:
        lines = gold.read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise InputError(f"cannot read {gold}: {exc}") from exc
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            raise InputError(f"{gold}:{number}: not JSON ({exc.msg})") from exc
        if record.get("kind") == "scope":
            published = date.fromisoformat(record["published"][:10]) if record.get("published") else None
            scopes[record["key"]] = (record["start"], record["end"], published, record.get("split", "dev"))
        elif record.get("kind") == "mention":
            mentions.append(record)
        else:
            raise InputError(f"{gold}:{number}: kind must be scope or mention")
    return scopes, mentions


def _gold_text(key: str) -> str:
    """The text a gold key points at: a bundled sample (``sample:<file>``) or a corpus article."""
    if key.startswith("sample:"):
        return (SAMPLES_DIR / key.split(":", 1)[1]).read_text(encoding="utf-8")
    article = find_article(key)
    if article is None:
        raise InputError(f"gold article {key} not found (is ../shared/data/news beside the checkout?)")
    return article.text
