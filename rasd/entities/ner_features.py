"""Token features of the NER model: normalized form, clitic-stripped stem, affixes, shape, word clusters and
gazetteer matches.

Every feature is an attribute of ONE token, read at a fixed offset from the token being tagged
(``-1:w=...``). This keeps the scores decomposable: at inference the model sums, per token type and
offset, one precomputed weight vector, which is what makes tagging fast without a CRF library.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache

# Words: letters/digits with their diacritics and tatweel; anything else is a one-character token.
TOKEN_PATTERN = re.compile(r"[\w\u064B-\u065F\u0670\u0640]+|[^\w\s]")
PAD_BEFORE = "<S>"
PAD_AFTER = "</S>"
# How far the model looks left and right of the token it tags.
WINDOW = 2
NAME_TYPES = ("PER", "ORG", "LOC", "MISC")

_ARABIC = re.compile(r"[\u0621-\u064A]")
_LATIN = re.compile(r"[A-Za-z]")
_DIGIT = re.compile(r"\d")
# The model's own folding (fixed, so that a shipped model keeps matching): alef and hamza carriers,
# alef maqsura, ta marbuta; diacritics, tatweel and invisible controls dropped; every digit becomes 0.
_FOLD = str.maketrans(
    {
        **dict.fromkeys("أإآٱ", "ا"),
        "ى": "ي",
        "ة": "ه",
        "ؤ": "و",
        "ئ": "ي",
        **{chr(c): None for c in (*range(0x064B, 0x0660), 0x0670, 0x0640, 0x200E, 0x200F, 0x200B, 0x200C)},
        **{chr(c): "0" for c in (*range(0x0660, 0x066A), *range(0x06F0, 0x06FA), *range(0x30, 0x3A))},
    }
)
# Proclitic strings an Arabic word may start with, longest first (conjunction, preposition, article).
PROCLITICS = (
    "وبال",
    "وكال",
    "وفال",
    "فبال",
    "وال",
    "بال",
    "كال",
    "فال",
    "ولل",
    "فلل",
    "لل",
    "ال",
    "وب",
    "ول",
    "وك",
    "فب",
    "فل",
    "و",
    "ف",
    "ب",
    "ل",
    "ك",
)
_ENCLITICS = ("هما", "كما", "هم", "هن", "كم", "نا", "ها", "ه", "ي", "ك")
_NISBA = ("يين", "يون", "يه", "يا", "ي")


def word_tokens(text: str) -> list[tuple[str, int, int]]:
    """Tokens of ``text`` with their character offsets: runs of letters/digits, each other symbol alone."""
    return [(m.group(), m.start(), m.end()) for m in TOKEN_PATTERN.finditer(text)]


@lru_cache(maxsize=200_000)
def normalize_word(word: str) -> str:
    """The folded form used for look-ups: letters folded, diacritics dropped, digits mapped to 0."""
    return word.translate(_FOLD).lower()


@lru_cache(maxsize=200_000)
def split_proclitic(word: str) -> tuple[str, str]:
    """(proclitics, rest) of a normalized word; the rest keeps at least two letters."""
    for clitic in PROCLITICS:
        if word.startswith(clitic) and len(word) - len(clitic) >= 2:
            return clitic, word[len(clitic) :]
    return "", word


@lru_cache(maxsize=200_000)
def name_heads_of(word: str) -> tuple[str, ...]:
    """The forms a name's first word may take inside ``word``: itself, and without each proclitic that fits
    (with ال restored after a preposition: للرئيس -> الرئيس)."""
    forms = [word]
    for clitic in PROCLITICS:
        if word.startswith(clitic) and len(word) - len(clitic) >= 2:
            rest = word[len(clitic) :]
            forms += [rest, "ال" + rest] if clitic.endswith("ل") else [rest]
    return tuple(dict.fromkeys(forms))


def stem(word: str) -> str:
    """A light stem of a normalized word: proclitics and one enclitic or nisba ending removed."""
    _, rest = split_proclitic(word)
    for ending in (*_NISBA, *_ENCLITICS):
        if rest.endswith(ending) and len(rest) - len(ending) >= 3:
            return rest[: -len(ending)]
    return rest


def shape(word: str) -> str:
    """A coarse class of the raw token: Arabic, Latin, number, punctuation or mixed."""
    if _ARABIC.search(word):
        return "ar" if not _DIGIT.search(word) else "ar0"
    if _LATIN.search(word):
        return "Aa" if word[:1].isupper() else "a"
    if _DIGIT.search(word):
        return "0"
    return "p"


@dataclass(slots=True)
class Lexicon:
    """Word knowledge the features read: cluster ids per normalized word, and gazetteer name lists."""

    clusters: dict[str, tuple[int, ...]] = field(default_factory=dict)
    # Normalized word -> how often its nearest neighbours in vector space are names of each type in the
    # training data, in tenths (PER, ORG, LOC, MISC).
    neighbour_types: dict[str, tuple[int, ...]] = field(default_factory=dict)
    # Normalized word -> how the first-stage model tagged its occurrences in the news corpus, in tenths
    # (PER, ORG, LOC, MISC): a corpus-wide prior for names the training data never saw.
    corpus_types: dict[str, tuple[int, ...]] = field(default_factory=dict)
    # Normalized name (space-joined words) -> entity type, and the longest name in words.
    names: dict[str, str] = field(default_factory=dict)
    max_name_words: int = 1
    # First word of each name -> the most words a name starting with it has (built on first use).
    _name_heads: dict[str, int] | None = None
    # Word of a text -> (its forms that start a name, the most words such a name has), filled as words come.
    _starts: dict[str, tuple[tuple[str, ...], int]] = field(default_factory=dict)

    def name_heads(self) -> dict[str, int]:
        if self._name_heads is None:
            heads: dict[str, int] = {}
            for name in self.names:
                words = name.split(" ")
                heads[words[0]] = max(heads.get(words[0], 0), len(words))
            self._name_heads = heads
        return self._name_heads

    def name_starts(self, word: str) -> tuple[tuple[str, ...], int]:
        """The forms of a normalized word that begin a gazetteer name, and the longest such name in words."""
        found = self._starts.get(word)
        if found is None:
            heads = self.name_heads()
            first = tuple(h for h in name_heads_of(word) if h in heads)
            found = (first, max((heads[h] for h in first), default=0))
            if len(self._starts) > 200_000:
                self._starts.clear()
            self._starts[word] = found
        return found

    def cluster_ids(self, word: str) -> tuple[int, ...] | None:
        """Cluster ids of a normalized word, trying it without proclitics when it is unknown."""
        return _lookup(self.clusters, word)

    def neighbour_shares(self, word: str) -> tuple[int, ...] | None:
        """Name-type shares (tenths) of the word's neighbours, trying it without proclitics when unknown."""
        return _lookup(self.neighbour_types, word)


def _lookup(table: dict[str, tuple[int, ...]], word: str) -> tuple[int, ...] | None:
    found = table.get(word)
    if found is None:
        clitic, rest = split_proclitic(word)
        if clitic:
            found = table.get(rest)
            if found is None and not rest.startswith("ال"):
                found = table.get("ال" + rest)
    return found


def token_attributes(token: str, lexicon: Lexicon) -> tuple[list[str], list[str]]:
    """(attributes read at every offset of the window, attributes read only at the tagged token)."""
    if token in (PAD_BEFORE, PAD_AFTER):
        return [f"w={token}"], []
    norm = normalize_word(token)
    clitic, rest = split_proclitic(norm)
    word_stem = stem(norm)
    context = [f"w={norm}", f"st={word_stem}", f"sh={shape(token)}"]
    ids = lexicon.cluster_ids(norm)
    if ids is None:
        context.append("c=none")
    else:
        context.extend(f"c{level}={cid}" for level, cid in enumerate(ids))
    shares = lexicon.neighbour_shares(norm)
    if shares is not None:
        best = max(range(len(shares)), key=shares.__getitem__)
        context.append(f"nb={NAME_TYPES[best]}" if shares[best] >= 3 else "nb=O")
        context.extend(f"nb{NAME_TYPES[k]}={share // 2}" for k, share in enumerate(shares) if share >= 1)
    shares = _lookup(lexicon.corpus_types, norm)
    if shares is not None:
        best = max(range(len(shares)), key=shares.__getitem__)
        context.append(f"cp={NAME_TYPES[best]}" if shares[best] >= 3 else "cp=O")
        context.extend(f"cp{NAME_TYPES[k]}={share // 2}" for k, share in enumerate(shares) if share >= 1)
    local = [f"pc={clitic}", f"r={rest}", f"len={min(len(rest), 8)}"]
    local.extend(f"p{n}={rest[:n]}" for n in (1, 2, 3) if len(rest) > n)
    local.extend(f"s{n}={norm[-n:]}" for n in (1, 2, 3) if len(norm) > n)
    return context, local


def gazetteer_tags(words: Sequence[str], lexicon: Lexicon) -> list[str]:
    """BIO tags of the longest gazetteer names found in a sentence of normalized words (clitics allowed)."""
    tags = ["O"] * len(words)
    starts = lexicon._starts
    i = 0
    while i < len(words):
        found = 0
        # Most words start no name: one dictionary hit settles them.
        first, longest = starts.get(words[i]) or lexicon.name_starts(words[i])
        if not longest:
            i += 1
            continue
        for n in range(min(longest, len(words) - i), 0, -1):
            tail = " ".join(words[i + 1 : i + n])
            for head in first:
                name = f"{head} {tail}" if tail else head
                kind = lexicon.names.get(name)
                if kind:
                    tags[i] = "B-" + kind
                    for j in range(i + 1, i + n):
                        tags[j] = "I-" + kind
                    found = n
                    break
            if found:
                break
        i += found or 1
    return tags


def sentence_features(tokens: Sequence[str], lexicon: Lexicon) -> list[list[str]]:
    """CRF attributes of each token of a sentence: offset-prefixed token attributes over the window."""
    padded = [PAD_BEFORE] * WINDOW + list(tokens) + [PAD_AFTER] * WINDOW
    attrs = [token_attributes(t, lexicon) for t in padded]
    gaz = gazetteer_tags([normalize_word(t) for t in tokens], lexicon)
    gaz_padded = ["O"] * WINDOW + gaz + ["O"] * WINDOW
    out: list[list[str]] = []
    for i in range(len(tokens)):
        centre = i + WINDOW
        feats = ["bias"]
        for offset in range(-WINDOW, WINDOW + 1):
            context, _ = attrs[centre + offset]
            feats.extend(f"{offset}:{a}" for a in context)
            feats.append(f"{offset}:g={gaz_padded[centre + offset]}")
        feats.extend(f"0:{a}" for a in attrs[centre][1])
        out.append(feats)
    return out


def iter_sentences_tokens(texts: Iterable[str]) -> Iterable[list[str]]:
    """Normalized word sequences of texts, one per line, for training word vectors."""
    for text in texts:
        for line in text.splitlines():
            words = [normalize_word(t) for t, _, _ in word_tokens(line)]
            if len(words) > 2:
                yield words
