"""Named-entity recognition: BIO tags (PER/ORG/LOC/MISC) from emission scores and a Viterbi pass, in numpy.

Two scorers give the emissions: the shipped one, a character-CNN + word2vec BiLSTM exported from PyTorch
(``rasd.entities.ner_neural``, ``rasd/data/ner/ner_model.npz``, trained by ``tools/ner_neural.py``), and the
CRF it replaced (``rasd.entities.ner_crf``, ``rasd/data/ner/ner_crf.npz``, trained by ``tools/train_ner.py``),
whose lexicon the neural model reads. Decoding, document consistency and offsets are shared.
"""

from __future__ import annotations

import os
import time
from collections import Counter
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path
from typing import Any, Protocol

import numpy as np
import numpy.typing as npt

from rasd.entities.ner_crf import CrfScorer, join_strings, lexicon_arrays, read_lexicon, split_strings
from rasd.entities.ner_features import Lexicon, normalize_word, split_proclitic, word_tokens
from rasd.entities.ner_neural import BiLstmScorer, CnnScorer, WordVectors
from rasd.errors import RasdError
from rasd.model import Entity, EntityType

MODEL_PATH = Path(__file__).resolve().parent.parent / "data" / "ner" / "ner_model.npz"
CRF_MODEL_PATH = MODEL_PATH.with_name("ner_crf.npz")
# ``RASD_NER=fast`` picks the CRF (F1 70.0, about twice as fast) over the default BiLSTM (F1 72.2).
_MODEL_CHOICE = "RASD_NER"

FloatArray = npt.NDArray[np.float32]
# Arrays of an exported network that are not its weights: the CRF layer and the numpy check of the export.
_NOT_NET = ("transitions", "start", "end", "check_emissions")


class EmissionScorer(Protocol):
    """What a tagger needs from a model: label scores of each token of a batch of sentences."""

    lexicon: Lexicon

    def emissions(self, sentences: list[list[str]]) -> FloatArray: ...

    def clear_cache(self) -> None: ...


@dataclass(slots=True)
class NerModel:
    """A trained tagger: ``tag`` gives BIO tags (PER/ORG/LOC/MISC), ``find_entities`` spans in a text."""

    labels: list[str]
    transitions: FloatArray
    scorer: EmissionScorer
    # Scores of a sentence starting and ending in each label (zeros for the CRF, which has none).
    start: FloatArray | None = None
    end: FloatArray | None = None

    @property
    def lexicon(self) -> Lexicon:
        return self.scorer.lexicon

    @staticmethod
    def load(path: Path | None = None) -> NerModel:
        """The shipped model (loaded once and cached), or the model stored at ``path``. Without a path,
        ``RASD_NER=fast`` chooses the faster, less accurate CRF; anything else the BiLSTM-CRF."""
        if path is None:
            path = CRF_MODEL_PATH if os.environ.get(_MODEL_CHOICE, "").lower() == "fast" else MODEL_PATH
        return _load_cached(str(path))

    def tag(self, tokens: list[str]) -> list[str]:
        """BIO tags (``B-PER``, ``I-LOC``, ``O`` ...) of one sentence of tokens."""
        return self._tag_batch([tokens])[0]

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
        """Tags of many sentences, scored and decoded together in batches of similar length."""
        tagged: list[list[str]] = [[] for _ in sentences]
        order = sorted((i for i, s in enumerate(sentences) if s), key=lambda i: len(sentences[i]))
        for first in range(0, len(order), batch):
            chosen = order[first : first + batch]
            lengths = np.array([len(sentences[i]) for i in chosen])
            emissions = self.scorer.emissions([sentences[i] for i in chosen])
            if self.start is not None and self.end is not None:
                emissions[:, 0] += self.start
                emissions[np.arange(len(chosen)), lengths - 1] += self.end
            for row, path in zip(chosen, _viterbi_batch(emissions, lengths, self.transitions), strict=True):
                tagged[row] = [self.labels[k] for k in path]
        return tagged


def save_neural_model(
    path: Path,
    labels: list[str],
    weights: dict[str, FloatArray],
    words: list[str],
    vectors: FloatArray,
    chars: list[str],
    lexicon: Lexicon,
) -> None:
    """Write an exported BiLSTM-CRF (``tools/ner_neural.py``) as one compressed ``.npz`` file (no pickles)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    arrays: dict[str, Any] = {
        "kind": join_strings(["cnn-crf" if "project_weight" in weights else "bilstm-crf"]),
        "labels": join_strings(labels),
        "words": join_strings(words),
        "vectors": vectors.astype(np.float16),
        "chars": join_strings(chars),
        **{name: weights[name].astype(np.float32) for name in ("transitions", "start", "end")},
        **{
            f"net.{name}": array.astype(np.float32) for name, array in weights.items() if name not in _NOT_NET
        },
        **lexicon_arrays(lexicon),
    }
    np.savez_compressed(path, **arrays)


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
        kind = split_strings(data["kind"])[0] if "kind" in data else "crf"
        labels = split_strings(data["labels"])
        transitions = data["transitions"].astype(np.float32)
        if kind == "crf":
            return NerModel(labels, transitions, CrfScorer.read(data))
        words = split_strings(data["words"])
        network = BiLstmScorer if kind == "bilstm-crf" else CnnScorer
        scorer = network(
            weights={
                name[4:]: data[name].astype(np.float32) for name in data.files if name.startswith("net.")
            },
            vectors=WordVectors({w: i for i, w in enumerate(words)}, data["vectors"]),
            chars={c: i + 2 for i, c in enumerate(split_strings(data["chars"]))},
            lexicon=read_lexicon(data),
        )
        return NerModel(
            labels, transitions, scorer, data["start"].astype(np.float32), data["end"].astype(np.float32)
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


@lru_cache(maxsize=200_000)
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
    model.scorer.clear_cache()
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
