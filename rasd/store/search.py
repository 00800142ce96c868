"""Arabic-aware full-text search: what the index holds, how a query becomes a match, and snippets.

The index never holds the text itself but its analyzed terms: every word normalized (``rasd.arabic``
folding) and reduced to its stem key (``rasd.arabic.stem``: clitics, the article and inflection suffixes
removed), so ``غارة``, ``الغارات`` and ``بغارة`` are one term. Latin words are lower-cased. Each article has
three fields: its title, its body, and the names linked to it (the English names and knowledge-base ids of
its entities, event actors and places, and the event summaries), so that ``Syrian Democratic Forces`` finds
the Arabic articles that mention ``قسد``.

A query is a conjunction of clauses; a clause is a word or a quoted phrase, with the alternatives an alias
source gives for it (``ترامب`` → ``ترمب``, ``Donald Trump``, the actor's id). The same plan compiles to an
SQLite FTS5 ``MATCH`` expression (ranked by BM25) and to a PostgreSQL ``tsquery`` (ranked by
``ts_rank_cd``). Snippets are cut from ``article.text`` by the same analyzer, so highlights fall on the
original characters.
"""

from __future__ import annotations

import functools
import hashlib
import html
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field

from rasd.arabic.normalize import normalize_text
from rasd.arabic.tokenize import word_tokens
from rasd.model import AnnotatedArticle, Event

# Bump when the terms an article yields change: the store rebuilds its index when this differs.
ANALYZER_VERSION = "1"

# PostgreSQL keeps positions up to this value in a tsvector.
_PG_MAX_POSITION = 16383
_LATIN_SPLIT = re.compile(r"[^0-9a-z\u00c0-\u024f]+")
_QUERY_PART = re.compile(r'"([^"]*)"|(\S+)')
_TERM_OK = re.compile(r"^\w+$")


@dataclass(frozen=True, slots=True)
class IndexedTerm:
    """One analyzed term of a text and the characters of the text it comes from."""

    term: str
    start: int
    end: int


def analyze(text: str) -> list[IndexedTerm]:
    """The index terms of ``text`` in order, each with its offsets into ``text``.

    Arabic words become their stem keys, numbers their normalized digits, Latin words their lower-cased
    parts (``Trump’s`` → ``trump``, ``s``); punctuation yields nothing.
    """
    terms: list[IndexedTerm] = []
    for token in word_tokens(text):
        if token.kind == "punct":
            continue
        key = token.stem or token.norm
        if not key:
            continue
        if key.isascii() or not _TERM_OK.match(key):
            for part in _LATIN_SPLIT.split(key.lower()):
                if part:
                    terms.append(IndexedTerm(part, token.start, token.end))
        else:
            terms.append(IndexedTerm(key, token.start, token.end))
    return terms


def terms_of(text: str | None) -> list[str]:
    """The index terms of ``text`` (none for ``None``)."""
    if not text:
        return []
    return list(_name_terms(text) if len(text) < _SHORT else _text_terms(text))


# Names and summaries recur across articles (and whole texts across re-ingests and copies): each is
# analyzed once while it stays in one of these caches (short strings are cheap to keep, texts are not).
_SHORT = 300


@functools.lru_cache(maxsize=65536)
def _name_terms(text: str) -> tuple[str, ...]:
    return tuple(t.term for t in analyze(text))


@functools.lru_cache(maxsize=2048)
def _text_terms(text: str) -> tuple[str, ...]:
    return tuple(t.term for t in analyze(text))


def id_term(kb_id: str) -> str:
    """The index term that stands for a knowledge-base or gazetteer id (ids hold characters FTS splits on)."""
    return "kb" + hashlib.sha1(kb_id.encode("utf-8")).hexdigest()[:12]


@dataclass(slots=True)
class SearchDocument:
    """The analyzed fields of one article, as the index stores them."""

    article_id: str
    title: list[str]
    body: list[str]
    names: list[str]
    facets: list[str] = field(default_factory=list)
    published: str | None = None


def search_document(annotated: AnnotatedArticle) -> SearchDocument:
    """The index entry of an article: its title, its text, the names linked to it, and its facets."""
    article = annotated.article
    names: list[str] = []
    for entity in annotated.entities:
        names += terms_of(entity.name_en)
        if entity.id:
            names.append(id_term(entity.id))
    for event in annotated.events:
        names += event_name_terms(event)
    facets = {facet_term(name, value) for name, value in article_facets(annotated)}
    return SearchDocument(
        article.id,
        terms_of(article.title),
        terms_of(article.text),
        names,
        sorted(facets),
        article.published,
    )


# Filters that are facets of the index, named as ``SearchQuery`` names them: the article's own, then its events'.
ARTICLE_FACETS = ("source", "kind")
FACETS = (*ARTICLE_FACETS, "country", "admin1", "plover", "acled_event_type", "modality", "actor")


def article_facets(annotated: AnnotatedArticle) -> list[tuple[str, str]]:
    """(filter, value) pairs an article meets: its outlet and kind, and each of its events' country, admin1,
    PLOVER type, ACLED type, modality and actors. Stories are left out: they are drawn after indexing."""
    article = annotated.article
    pairs = [("source", article.source or ""), ("kind", article.kind or "")]
    for event in annotated.events:
        place = event.location
        pairs += [
            ("plover", event.plover or ""),
            ("acled_event_type", event.acled_event_type or ""),
            ("modality", event.modality or ""),
        ]
        if place is not None:
            pairs += [("country", place.country or ""), ("admin1", place.admin1 or "")]
        for actor in (event.actor1, event.actor2):
            if actor is not None and actor.id:
                pairs.append(("actor", actor.id))
    return [(name, value) for name, value in pairs if value]


def facet_term(name: str, value: str) -> str:
    """The index term that stands for "meets filter ``name`` = ``value``" (in the facets column)."""
    return "fx" + hashlib.sha1(f"{name}={value}".encode()).hexdigest()[:12]


def event_name_terms(event: Event) -> list[str]:
    """Terms naming an event's actors and place (Arabic and English, ids) and its summaries."""
    terms: list[str] = []
    for actor in (event.actor1, event.actor2, *event.assoc_actors):
        if actor is None:
            continue
        terms += terms_of(actor.name_ar) + terms_of(actor.name_en)
        if actor.id:
            terms.append(id_term(actor.id))
    if event.location is not None:
        place = event.location
        terms += terms_of(place.name_ar) + terms_of(place.name_en)
        if place.id:
            terms.append(id_term(place.id))
    return terms + terms_of(event.summary_en) + terms_of(event.summary_ar)


# --- queries ---------------------------------------------------------------------------------------

Phrase = tuple[str, ...]


@dataclass(slots=True)
class Clause:
    """One required part of a query: any of its phrases must occur (a phrase is terms in a row)."""

    text: str
    phrases: list[Phrase] = field(default_factory=list)
    # The names the alternatives were made from, for people to read (ids left out).
    names: list[str] = field(default_factory=list)


@dataclass(slots=True)
class QueryPlan:
    """What a query asks for: every clause must match."""

    text: str
    clauses: list[Clause]

    @property
    def empty(self) -> bool:
        return not self.clauses

    def phrases(self) -> list[Phrase]:
        """Every alternative of every clause (what snippets mark)."""
        return [phrase for clause in self.clauses for phrase in clause.phrases]


# Given the words of a query part (already normalized), the alternative names and ids it stands for.
AliasSource = Callable[[str], Sequence[str]]


def plan_query(query: str, aliases: AliasSource | None = None) -> QueryPlan:
    """Parse ``query``: bare words and ``"quoted phrases"``, all required, each widened by ``aliases``.

    A run of bare words that is itself a known name (``قوات سوريا الديمقراطية``) becomes one clause whose
    alternatives are that name as a phrase and each of its aliases; other words stand alone.
    """
    parts: list[tuple[str, bool]] = []  # (text, quoted)
    for match in _QUERY_PART.finditer(query):
        if match.group(1) is not None:
            if match.group(1).strip():
                parts.append((match.group(1).strip(), True))
        else:
            parts.append((match.group(2), False))
    clauses: list[Clause] = []
    index = 0
    while index < len(parts):
        text, quoted = parts[index]
        if quoted:
            clauses += _clause(text, aliases)
            index += 1
            continue
        # The longest run of bare words from here that an alias source knows as one name.
        run_end = index
        while run_end < len(parts) and not parts[run_end][1]:
            run_end += 1
        taken = 1
        if aliases is not None:
            for end in range(run_end, index + 1, -1):
                if aliases(" ".join(p[0] for p in parts[index:end])):
                    taken = end - index
                    break
        clauses += _clause(" ".join(p[0] for p in parts[index : index + taken]), aliases)
        index += taken
    return QueryPlan(query, [c for c in clauses if c.phrases])


def _clause(text: str, aliases: AliasSource | None) -> list[Clause]:
    phrase = tuple(terms_of(text))
    if not phrase:
        return []
    clause = Clause(text, [phrase], [text])
    for alias in aliases(text) if aliases is not None else ():
        is_id = alias.startswith("kb") and _TERM_OK.match(alias) is not None
        alternative = (alias,) if is_id else tuple(terms_of(alias))
        if alternative and alternative not in clause.phrases:
            clause.phrases.append(alternative)
            if not is_id:
                clause.names.append(alias)
    return [clause]


def matching_phrases(clause: Clause) -> list[Phrase]:
    """The alternatives of a clause that decide what it matches: a phrase that contains another alternative
    (``مجلس الأمن الدولي`` beside ``مجلس الأمن``) matches nothing more, and only costs the index time."""

    def contains(longer: Phrase, shorter: Phrase) -> bool:
        size = len(shorter)
        return len(longer) > size and any(
            longer[i : i + size] == shorter for i in range(len(longer) - size + 1)
        )

    return [p for p in clause.phrases if not any(contains(p, other) for other in clause.phrases)]


def fts5_match(plan: QueryPlan, facets: Sequence[str] = ()) -> str:
    """The plan as an SQLite FTS5 ``MATCH`` expression, restricted to articles with every facet term."""
    return " AND ".join(
        [
            "(" + " OR ".join('"' + " ".join(phrase) + '"' for phrase in matching_phrases(clause)) + ")"
            for clause in plan.clauses
        ]
        + [f'facets : "{term}"' for term in facets]
    )


def pg_tsquery(plan: QueryPlan) -> str:
    """The plan as a PostgreSQL ``tsquery`` literal (terms are quoted, so no parser touches them)."""

    def phrase_query(phrase: Phrase) -> str:
        return "(" + " <-> ".join(_pg_quote(t) for t in phrase) + ")"

    return " & ".join(
        "(" + " | ".join(phrase_query(p) for p in matching_phrases(clause)) + ")" for clause in plan.clauses
    )


def pg_tsvector(document: SearchDocument) -> str:
    """The document as a PostgreSQL ``tsvector`` literal: title weight A, names B, body D."""
    positions: dict[str, list[str]] = {}
    position = 0
    for terms, weight in ((document.title, "A"), (document.names, "B"), (document.body, "D")):
        for term in terms:
            position = min(position + 1, _PG_MAX_POSITION)
            slots = positions.setdefault(term, [])
            if len(slots) < 256:  # PostgreSQL keeps at most 256 positions per lexeme
                slots.append(f"{position}{weight}")
        position = min(position + 1, _PG_MAX_POSITION)  # phrases never span two fields
    return " ".join(f"{_pg_quote(term)}:{','.join(slots)}" for term, slots in positions.items())


def _pg_quote(term: str) -> str:
    return "'" + term.replace("\\", "\\\\").replace("'", "''") + "'"


# --- snippets --------------------------------------------------------------------------------------


_PARAGRAPH = re.compile(r"[^\n]+")
# Paragraphs analyzed per snippet, the likeliest first: enough to find the densest excerpt, few enough that
# twenty snippets stay cheap on long articles.
_ENOUGH_ANALYZED = 1
_MAX_ANALYZED = 4


def snippet(text: str, phrases: Iterable[Phrase], width: int = 28) -> str:
    """An HTML excerpt of ``text`` around the densest run of matches, each matching word in ``<mark>``.

    A match is a whole phrase of the query in a row (one term for a single word), compared by index term,
    so ``الغارات`` is marked for a query ``غارة``; the marks cover the original characters of the article.
    Without a match, the opening words. Paragraphs are ranked by the query terms their normalized text
    contains (a stem is nearly always a substring of the word it comes from), and only the likeliest are
    analyzed, which keeps long articles cheap.
    """
    wanted = [tuple(p) for p in dict.fromkeys(tuple(p) for p in phrases) if p]
    likely: list[tuple[int, int, re.Match[str]]] = []
    for index, paragraph in enumerate(_PARAGRAPH.finditer(text)):
        folded = normalize_text(paragraph.group()).lower()
        present = {term for phrase in wanted if all(term in folded for term in phrase) for term in phrase}
        if present:
            likely.append((-len(present), index, paragraph))
    likely.sort(key=lambda item: item[:2])
    best: tuple[int, list[IndexedTerm], list[int]] | None = None
    for analyzed_count, (_, _, paragraph) in enumerate(likely[:_MAX_ANALYZED], start=1):
        analyzed = [
            IndexedTerm(t.term, t.start + paragraph.start(), t.end + paragraph.start())
            for t in analyze(paragraph.group())
        ]
        hits = _phrase_hits([t.term for t in analyzed], wanted)
        if hits:
            score = len({analyzed[i].term for i in hits}) * 1000 + len(hits)
            if best is None or score > best[0]:
                best = (score, analyzed, hits)
        if best is not None and analyzed_count >= _ENOUGH_ANALYZED:
            break
    if best is None:
        opening = _PARAGRAPH.search(text)
        start = opening.start() if opening else 0
        analyzed = [
            IndexedTerm(t.term, t.start + start, t.end + start) for t in analyze(text[start : start + 600])
        ]
        if not analyzed:
            return html.escape(text[:200])
        return _excerpt(text, analyzed, [], 0, width)
    _, analyzed, hits = best
    best_start, best_score = hits[0], -1
    for h in hits:
        window = [analyzed[i].term for i in hits if h <= i < h + width]
        window_score = len(set(window)) * 100 + len(window)
        if window_score > best_score:
            best_start, best_score = h, window_score
    return _excerpt(text, analyzed, hits, max(0, best_start - width // 4), width)


def _phrase_hits(terms: list[str], phrases: list[Phrase]) -> list[int]:
    marked: set[int] = set()
    for phrase in phrases:
        size = len(phrase)
        for i in range(len(terms) - size + 1):
            if terms[i] == phrase[0] and tuple(terms[i : i + size]) == phrase:
                marked.update(range(i, i + size))
    return sorted(marked)


def _excerpt(text: str, analyzed: list[IndexedTerm], hits: list[int], first: int, width: int) -> str:
    last = min(len(analyzed), first + width) - 1
    start, end = analyzed[first].start, analyzed[last].end
    spans = sorted({(analyzed[i].start, analyzed[i].end) for i in hits if first <= i <= last})
    pieces: list[str] = ["…" if start > 0 else ""]
    cursor = start
    for mark_start, mark_end in spans:
        if mark_start < cursor:
            continue
        pieces.append(html.escape(text[cursor:mark_start]))
        pieces.append("<mark>" + html.escape(text[mark_start:mark_end]) + "</mark>")
        cursor = mark_end
    pieces.append(html.escape(text[cursor:end]))
    pieces.append("…" if end < len(text) else "")
    return "".join(pieces).replace("\n", " ")


def name_key(text: str) -> str:
    """The form in which names are compared: normalized, lower-cased, single spaces."""
    return " ".join(normalize_text(text).lower().split())
