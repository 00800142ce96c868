"""Named-entity recognition: a linear-chain CRF over clitic-aware token features, tagged with numpy.

The model is trained by ``tools/train_ner.py`` (crfsuite) and shipped as ``rasd/data/ner/ner_model.npz``:
the weight of each (attribute, label) pair, the label transitions, the word clusters and the gazetteer names
the features read. Every attribute belongs to one token at one offset, so the emission scores of a token
type are summed once and cached; tagging is then a lookup per token and a Viterbi pass per sentence.
"""

from __future__ import annotations

import time
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

import numpy as np
import numpy.typing as npt

from rasd.entities.ner_features import (
    PAD_AFTER,
    PAD_BEFORE,
    WINDOW,
    Lexicon,
    gazetteer_tags,
    normalize_word,
    split_proclitic,
    token_attributes,
    word_tokens,
)
from rasd.errors import RasdError
from rasd.model import Entity, EntityType

MODEL_PATH = Path(__file__).resolve().parent.parent / "data" / "ner" / "ner_model.npz"
GAZETTEER_TAGS = ("O", "B-PER", "I-PER", "B-ORG", "I-ORG", "B-LOC", "I-LOC")
_CACHE_LIMIT = 200_000

FloatArray = npt.NDArray[np.float32]


def _join(strings: Sequence[str]) -> npt.NDArray[np.uint8]:
    return np.frombuffer("\n".join(strings).encode("utf-8"), dtype=np.uint8)


def _split(array: npt.NDArray[np.uint8]) -> list[str]:
    text = array.tobytes().decode("utf-8")
    return text.split("\n") if text else []


@dataclass(slots=True)
class NerModel:
    """A trained tagger: ``tag`` gives BIO tags (PER/ORG/LOC/MISC), ``find_entities`` spans in a text."""

    labels: list[str]
    transitions: FloatArray
    attribute_index: dict[str, int]
    weights: FloatArray
    lexicon: Lexicon
    _token_scores: dict[str, FloatArray] = field(default_factory=dict, repr=False)
    _gazetteer_scores: FloatArray | None = field(default=None, repr=False)
    _attribute_scores: tuple[dict[str, int], FloatArray] | None = field(default=None, repr=False)

    @staticmethod
    def load(path: Path | None = None) -> NerModel:
        """The shipped model (loaded once and cached), or the model stored at ``path``."""
        return _load_cached(str(path or MODEL_PATH))

    def save(self, path: Path) -> None:
        """Write the model as one compressed ``.npz`` file (no pickles)."""
        words = list(self.lexicon.clusters)
        levels = len(next(iter(self.lexicon.clusters.values()))) if words else 0
        cluster_ids = np.array([self.lexicon.clusters[w] for w in words], dtype=np.int16).reshape(
            len(words), levels
        )
        names = list(self.lexicon.names)
        neighbour_words = list(self.lexicon.neighbour_types)
        neighbour_shares = np.array(
            [self.lexicon.neighbour_types[w] for w in neighbour_words], dtype=np.int8
        ).reshape(len(neighbour_words), 4)
        corpus_words = list(self.lexicon.corpus_types)
        corpus_shares = np.array([self.lexicon.corpus_types[w] for w in corpus_words], dtype=np.int8).reshape(
            len(corpus_words), 4
        )
        attributes = sorted(self.attribute_index, key=self.attribute_index.__getitem__)
        path.parent.mkdir(parents=True, exist_ok=True)
        np.savez_compressed(
            path,
            labels=_join(self.labels),
            transitions=self.transitions.astype(np.float32),
            attributes=_join(attributes),
            weights=self.weights.astype(np.float16),
            cluster_words=_join(words),
            cluster_ids=cluster_ids,
            neighbour_words=_join(neighbour_words),
            neighbour_shares=neighbour_shares,
            corpus_words=_join(corpus_words),
            corpus_shares=corpus_shares,
            names=_join(names),
            name_types=_join([self.lexicon.names[n] for n in names]),
        )

    def tag(self, tokens: list[str]) -> list[str]:
        """BIO tags (``B-PER``, ``I-LOC``, ``O`` ...) of one sentence of tokens."""
        if not tokens:
            return []
        emissions = self._emissions(tokens)
        return [self.labels[i] for i in self._viterbi(emissions)]

    def tag_document(self, sentences: list[list[str]], window: int | None = None) -> list[list[str]]:
        """BIO tags of a document's sentences, with names made consistent across the document.

        Each sentence is tagged alone; then a word left outside any entity takes the type that the model gave
        the same word (clitics aside) as a one-word name in the document, or within ``window`` sentences
        either side when a window is given (for files that run documents together).
        """
        tagged = self._tag_batch(sentences)
        keys = [[_name_key(t) for t in tokens] for tokens in sentences]
        names = [_one_word_names(k, tags) for k, tags in zip(keys, tagged, strict=True)]
        everywhere: dict[str, Counter[str]] = {}
        if window is None:
            for found in names:
                for key, kind in found:
                    everywhere.setdefault(key, Counter())[kind] += 1
        consistent: list[list[str]] = []
        for i, tags in enumerate(tagged):
            votes = everywhere
            if window is not None:
                votes = {}
                for found in names[max(0, i - window) : i + window + 1]:
                    for key, kind in found:
                        votes.setdefault(key, Counter())[kind] += 1
            consistent.append(_propagate(keys[i], tags, votes))
        return consistent

    def find_entities(self, text: str) -> list[Entity]:
        """Named mentions of ``text`` with character offsets into it (sentences split at lines and at
        sentence-final punctuation, names made consistent across the text)."""
        sentences: list[list[tuple[str, int, int]]] = []
        line_start = 0
        for line in text.split("\n"):
            for sentence in _split_sentences(word_tokens(line)):
                sentences.append([(t, line_start + start, line_start + end) for t, start, end in sentence])
            line_start += len(line) + 1
        entities: list[Entity] = []
        tagged = self.tag_document([[t for t, _, _ in sentence] for sentence in sentences])
        for sentence, tags in zip(sentences, tagged, strict=True):
            for first, last, kind in _tag_spans(tags):
                start, end = sentence[first][1], sentence[last - 1][2]
                entity_type: EntityType = kind  # type: ignore[assignment]
                entities.append(Entity(text=text[start:end], start=start, end=end, type=entity_type))
        return entities

    def _tag_batch(self, sentences: list[list[str]], batch: int = 256) -> list[list[str]]:
        """Tags of many sentences, decoded together in batches of similar length (numpy Viterbi)."""
        tagged: list[list[str]] = [[] for _ in sentences]
        order = sorted((i for i, s in enumerate(sentences) if s), key=lambda i: len(sentences[i]))
        for first in range(0, len(order), batch):
            chosen = order[first : first + batch]
            lengths = np.array([len(sentences[i]) for i in chosen])
            emissions = np.zeros((len(chosen), int(lengths.max()), len(self.labels)), dtype=np.float32)
            for row, i in enumerate(chosen):
                emissions[row, : lengths[row]] = self._emissions(sentences[i])
            for row, path in zip(chosen, _viterbi_batch(emissions, lengths, self.transitions), strict=True):
                tagged[row] = [self.labels[k] for k in path]
        return tagged

    def _emissions(self, tokens: list[str]) -> FloatArray:
        n = len(tokens)
        padded = [PAD_BEFORE] * WINDOW + tokens + [PAD_AFTER] * WINDOW
        scores = np.stack([self._scores_of(t) for t in padded])
        width = 2 * WINDOW + 1
        emissions = scores[0:n, 0].copy()
        for column in range(1, width):
            emissions += scores[column : column + n, column]
        gazetteer = gazetteer_tags([normalize_word(t) for t in tokens], self.lexicon)
        if any(t != "O" for t in gazetteer):
            table = self._gazetteer_table()
            codes = [GAZETTEER_TAGS.index(t) for t in gazetteer]
            padded_codes = np.array([0] * WINDOW + codes + [0] * WINDOW)
            for column in range(width):
                emissions += table[column, padded_codes[column : column + n]]
        else:
            emissions += self._gazetteer_table()[:, 0].sum(axis=0)
        return emissions

    def _scores_of(self, token: str) -> FloatArray:
        """Per-offset score vectors of one token type: row ``k`` is its weight when it sits at offset k-W."""
        scores = self._token_scores.get(token)
        if scores is not None:
            return scores
        context, local = token_attributes(token, self.lexicon)
        index, table = self._attribute_table()
        rows = [index[a] for a in (*context, *local, "bias") if a in index]
        scores = table[rows].sum(axis=0)
        if len(self._token_scores) >= _CACHE_LIMIT:
            self._token_scores.clear()
        self._token_scores[token] = scores
        return scores

    def _attribute_table(self) -> tuple[dict[str, int], FloatArray]:
        """Each attribute's weights by column (offset + WINDOW): index of ``w=دمشق`` -> array[2W+1, labels]."""
        if self._attribute_scores is None:
            index: dict[str, int] = {}
            placed: list[tuple[int, int, int]] = []
            for key, row in self.attribute_index.items():
                offset, sep, attribute = key.partition(":")
                if not sep:
                    offset, attribute = "0", key
                placed.append((index.setdefault(attribute, len(index)), int(offset) + WINDOW, row))
            table = np.zeros((len(index), 2 * WINDOW + 1, len(self.labels)), dtype=np.float32)
            for position, column, row in placed:
                table[position, column] += self.weights[row]
            self._attribute_scores = (index, table)
        return self._attribute_scores

    def _gazetteer_table(self) -> FloatArray:
        if self._gazetteer_scores is None:
            width = 2 * WINDOW + 1
            table = np.zeros((width, len(GAZETTEER_TAGS), len(self.labels)), dtype=np.float32)
            for column in range(width):
                offset = column - WINDOW
                for k, tag in enumerate(GAZETTEER_TAGS):
                    row = self.attribute_index.get(f"{offset}:g={tag}")
                    if row is not None:
                        table[column, k] = self.weights[row]
            self._gazetteer_scores = table
        return self._gazetteer_scores

    def _viterbi(self, emissions: FloatArray) -> list[int]:
        n = emissions.shape[0]
        back = np.zeros((n, len(self.labels)), dtype=np.int64)
        score = emissions[0]
        for i in range(1, n):
            candidates = score[:, None] + self.transitions
            back[i] = candidates.argmax(axis=0)
            score = candidates.max(axis=0) + emissions[i]
        best = [int(score.argmax())]
        for i in range(n - 1, 0, -1):
            best.append(int(back[i, best[-1]]))
        return best[::-1]


def _viterbi_batch(
    emissions: FloatArray, lengths: npt.NDArray[np.int64], transitions: FloatArray
) -> list[list[int]]:
    """Best label paths of padded sentences ``emissions[b, :lengths[b]]`` under ``transitions``."""
    size, longest, _ = emissions.shape
    back = np.zeros(emissions.shape, dtype=np.int64)
    score = emissions[:, 0].copy()
    for t in range(1, longest):
        candidates = score[:, :, None] + transitions[None]
        back[:, t] = candidates.argmax(axis=1)
        active = (lengths > t)[:, None]
        score = np.where(active, candidates.max(axis=1) + emissions[:, t], score)
    current = score.argmax(axis=1)
    paths = np.zeros((size, longest), dtype=np.int64)
    rows = np.arange(size)
    for t in range(longest - 1, -1, -1):
        inside = lengths > t
        paths[inside, t] = current[inside]
        if t:
            current = np.where(inside, back[rows, t, current], current)
    return [paths[b, : lengths[b]].tolist() for b in range(size)]


@cache
def _load_cached(path: str) -> NerModel:
    if not Path(path).is_file():
        raise RasdError(f"NER model not found at {path}; build it with `make train-ner`")
    with np.load(path, allow_pickle=False) as data:
        labels = _split(data["labels"])
        attributes = _split(data["attributes"])
        words = _split(data["cluster_words"])
        ids = data["cluster_ids"]
        clusters = {w: tuple(int(x) for x in row) for w, row in zip(words, ids, strict=True)}
        names = dict(zip(_split(data["names"]), _split(data["name_types"]), strict=True))
        neighbour_words = _split(data["neighbour_words"])
        neighbour_shares = data["neighbour_shares"].tolist()
        lexicon = Lexicon(
            clusters=clusters,
            neighbour_types={w: tuple(row) for w, row in zip(neighbour_words, neighbour_shares, strict=True)},
            corpus_types={
                w: tuple(row)
                for w, row in zip(_split(data["corpus_words"]), data["corpus_shares"].tolist(), strict=True)
            }
            if "corpus_words" in data
            else {},
            names=names,
            max_name_words=max((n.count(" ") + 1 for n in names), default=1),
        )
        return NerModel(
            labels=labels,
            transitions=data["transitions"].astype(np.float32),
            attribute_index={a: i for i, a in enumerate(attributes)},
            weights=data["weights"].astype(np.float32),
            lexicon=lexicon,
        )


def _split_sentences(tokens: list[tuple[str, int, int]]) -> list[list[tuple[str, int, int]]]:
    """Sentences as ANERcorp cuts them: after each run of sentence-final punctuation."""
    sentences: list[list[tuple[str, int, int]]] = []
    current: list[tuple[str, int, int]] = []
    for i, token in enumerate(tokens):
        current.append(token)
        following = tokens[i + 1][0] if i + 1 < len(tokens) else ""
        if token[0] in ".!?؟" and following not in (".", "!", "?", "؟"):
            sentences.append(current)
            current = []
    if current:
        sentences.append(current)
    return sentences


def _name_key(token: str) -> str:
    """The form under which one word's mentions are matched across a document: normalized, no proclitic."""
    return split_proclitic(normalize_word(token))[1]


def _one_word_names(keys: list[str], tags: list[str]) -> list[tuple[str, str]]:
    return [(keys[start], kind) for start, end, kind in _tag_spans(tags) if end - start == 1]


def _propagate(keys: list[str], tags: list[str], votes: dict[str, Counter[str]]) -> list[str]:
    """Tags with each untagged word that the document names elsewhere given that name's majority type."""
    out = list(tags)
    for i, key in enumerate(keys):
        if out[i] != "O" or len(key) < 3 or key not in votes:
            continue
        kind = votes[key].most_common(1)[0][0]
        previous = out[i - 1] if i else "O"
        out[i] = ("I-" if previous[2:] == kind else "B-") + kind
    return out


def _tag_spans(tags: list[str]) -> list[tuple[int, int, str]]:
    from rasd.entities.evaluate import spans

    return sorted(spans(tags))


def throughput(n_tokens: int = 25_000, warm: bool = True) -> float:
    """Tokens per CPU second tagged by the shipped model, over ``n_tokens`` of the ANERcorp test split.

    Documents of 20 sentences go through ``tag_document``. Reads ``../shared/data/ner``; the model is
    loaded before the clock starts. ``warm``: one untimed pass first fills the per-token cache, as in a
    long run over a corpus; otherwise the cache starts empty.
    """
    from rasd.corpora import shared_dir
    from rasd.entities.evaluate import read_conll

    base = shared_dir()
    if base is None:
        raise RasdError("../shared is missing: the NER benchmark reads its ANERcorp test split")
    sentences = read_conll(base / "data" / "ner" / "anercorp_original" / "ANERcorp_camel_rebuilt_test.txt")
    model = NerModel.load()
    model._token_scores.clear()
    documents: list[list[list[str]]] = []
    done = 0
    while done < n_tokens:
        for start in range(0, len(sentences), 20):
            documents.append([s.tokens for s in sentences[start : start + 20]])
            done += sum(len(tokens) for tokens in documents[-1])
            if done >= n_tokens:
                break
    if warm:
        for document in documents:
            model.tag_document(document)
    # CPU time of this process: the machine's other load does not count against the tagger.
    started = time.process_time()
    for document in documents:
        model.tag_document(document)
    return done / (time.process_time() - started)
