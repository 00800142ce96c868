"""The neural NER scorer: a character CNN and word vectors feeding a BiLSTM, run in numpy.

Trained with PyTorch by ``tools/ner_neural.py`` and exported to ``rasd/data/ner/ner_model.npz``; nothing here
needs torch. Every input of a token but its gazetteer tag belongs to the token's type (its word vector,
characters, proclitic, shape, word clusters and the name-type shares of ``Lexicon``), so each type's input
projection into both LSTM directions is computed once and cached. A document is then one gather per token
and, per time step, one matrix product per direction over all its sentences at once.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import numpy.typing as npt

from rasd.entities.ner_features import (
    NAME_TYPES,
    PROCLITICS,
    Lexicon,
    gazetteer_tags,
    normalize_word,
    shape,
    split_proclitic,
)

FloatArray = npt.NDArray[np.float32]
IntArray = npt.NDArray[np.int64]

GAZETTEER_TAGS = ("O", "B-PER", "I-PER", "B-ORG", "I-ORG", "B-LOC", "I-LOC")
CLITICS = ("", *PROCLITICS)
SHAPES = ("ar", "ar0", "Aa", "a", "0", "p")
# How a word found its vector: itself, without its proclitics, or not at all.
VECTOR_STATUS = ("word", "stem", "none")
# Characters of a word the character CNN reads (the first ones; longer words are rare and cut).
MAX_CHARS = 16
# Type-level categorical inputs, in column order: proclitic, shape, vector status, three cluster levels.
CATEGORY_SIZES = (len(CLITICS), len(SHAPES), len(VECTOR_STATUS), 65, 257, 1025)
# Type-level real inputs: neighbour-type shares (4) + found, corpus-type shares (4) + found.
N_SHARES = 2 * (len(NAME_TYPES) + 1)
_CACHE_LIMIT = 30_000


@dataclass(slots=True)
class WordVectors:
    """Pretrained word vectors of normalized words (word2vec on the news), looked up clitic-aware."""

    index: dict[str, int]
    vectors: npt.NDArray[np.floating[Any]]  # float16 as shipped

    def lookup(self, norm: str) -> tuple[int, int]:
        """(row, status) of a normalized word: status 0 found as is, 1 without proclitics, 2 unknown."""
        row = self.index.get(norm)
        if row is not None:
            return row, 0
        clitic, rest = split_proclitic(norm)
        if clitic:
            row = self.index.get(rest)
            if row is None and not rest.startswith("ال"):
                row = self.index.get("ال" + rest)
            if row is not None:
                return row, 1
        return -1, 2


@dataclass(slots=True)
class WordInputs:
    """Type-level network inputs of a list of distinct tokens."""

    vectors: FloatArray  # [n, dim] word vectors (zeros when unknown)
    chars: IntArray  # [n, MAX_CHARS] character ids, 0 = padding, 1 = unknown character
    categories: IntArray  # [n, len(CATEGORY_SIZES)]
    shares: FloatArray  # [n, N_SHARES]


def encode_words(
    tokens: Sequence[str], vectors: WordVectors, chars: dict[str, int], lexicon: Lexicon
) -> WordInputs:
    """The network's type-level inputs of each token (raw tokens; normalized here)."""
    n = len(tokens)
    rows: list[int] = []
    categories: list[tuple[int, ...]] = []
    char_ids = np.zeros((n, MAX_CHARS), dtype=np.int64)
    shares: list[tuple[float, ...]] = []
    missing = (0.0,) * (len(NAME_TYPES) + 1)
    for i, token in enumerate(tokens):
        norm = normalize_word(token)
        row, status = vectors.lookup(norm)
        rows.append(row)
        ids = lexicon.cluster_ids(norm)
        clusters = (ids[0] + 1, ids[1] + 1, ids[2] + 1) if ids is not None else (0, 0, 0)
        clitic = _CLITIC_CODES[split_proclitic(norm)[0]]
        categories.append((clitic, _SHAPE_CODES[shape(token)], status, *clusters))
        if norm:
            char_ids[i, : min(len(norm), MAX_CHARS)] = [chars.get(c, 1) for c in norm[:MAX_CHARS]]
        neighbours, corpus = lexicon.neighbour_shares(norm), _corpus_shares(lexicon, norm)
        shares.append(
            (
                *((*(x / 10 for x in neighbours), 1.0) if neighbours is not None else missing),
                *((*(x / 10 for x in corpus), 1.0) if corpus is not None else missing),
            )
        )
    found = np.array(rows, dtype=np.int64)
    word_vectors = np.zeros((n, vectors.vectors.shape[1]), dtype=np.float32)
    word_vectors[found >= 0] = vectors.vectors[found[found >= 0]]
    return WordInputs(
        vectors=word_vectors,
        chars=char_ids,
        categories=np.array(categories, dtype=np.int64).reshape(n, len(CATEGORY_SIZES)),
        shares=np.array(shares, dtype=np.float32).reshape(n, N_SHARES),
    )


_CLITIC_CODES = {clitic: code for code, clitic in enumerate(CLITICS)}
_SHAPE_CODES = {name: code for code, name in enumerate(SHAPES)}


def _corpus_shares(lexicon: Lexicon, norm: str) -> tuple[int, ...] | None:
    found = lexicon.corpus_types.get(norm)
    if found is None:
        clitic, rest = split_proclitic(norm)
        if clitic:
            found = lexicon.corpus_types.get(rest)
            if found is None and not rest.startswith("ال"):
                found = lexicon.corpus_types.get("ال" + rest)
    return found


_GAZETTEER_CODES = {tag: code for code, tag in enumerate(GAZETTEER_TAGS)}


def gazetteer_codes(tokens: Sequence[str], lexicon: Lexicon) -> list[int]:
    """Gazetteer BIO tag of each token of a sentence, as an index into ``GAZETTEER_TAGS``."""
    codes = _GAZETTEER_CODES
    return [codes[t] for t in gazetteer_tags([normalize_word(t) for t in tokens], lexicon)]


def type_features(w: dict[str, FloatArray], inputs: WordInputs) -> FloatArray:
    """The concatenated type-level input vector of each word (what the encoder reads, gazetteer aside)."""
    embedded = w["char_embedding"][inputs.chars]  # [n, L, d]
    n, length, dim = embedded.shape
    padded = np.zeros((n, length + 2, dim), dtype=np.float32)
    padded[:, 1:-1] = embedded
    windows = np.concatenate([padded[:, k : k + length] for k in range(3)], axis=2)
    kernel = w["char_conv_weight"].transpose(2, 1, 0).reshape(3 * dim, -1)
    convolved = np.maximum(windows @ kernel + w["char_conv_bias"], 0.0)
    # Padding positions never win the max: ReLU outputs are >= 0, so zeroing them is enough.
    convolved *= (inputs.chars > 0)[:, :, None]
    parts = [inputs.vectors, convolved.max(axis=1)]
    parts += [w[f"category_embedding_{k}"][inputs.categories[:, k]] for k in range(len(CATEGORY_SIZES))]
    parts.append(inputs.shares)
    return np.concatenate(parts, axis=1).astype(np.float32)


@dataclass(slots=True)
class _TypeCache:
    """Input projections of token types, computed once per type (the table grows by doubling)."""

    rows: dict[str, int] = field(default_factory=dict)
    table: npt.NDArray[np.float16] | None = None

    def lookup(self, tokens: Sequence[str], project: Callable[[list[str]], FloatArray]) -> IntArray:
        rows = self.rows
        new = [t for t in dict.fromkeys(tokens) if t not in rows]
        if len(rows) + len(new) > _CACHE_LIMIT:
            rows.clear()
            new = list(dict.fromkeys(tokens))
        if new:
            projected = project(new)
            first = len(rows)
            table = self.table
            if table is None or table.shape[0] < first + len(new):
                needed = first + len(new)
                rows_kept = max(needed, min(_CACHE_LIMIT, max(1024, 2 * needed)))
                # float16: the cache is the tagger's largest structure (types x 8 x hidden).
                grown = np.empty((rows_kept, projected.shape[1]), dtype=np.float16)
                if table is not None:
                    grown[:first] = table[:first]
                self.table = table = grown
            table[first : first + len(new)] = projected
            for k, token in enumerate(new):
                rows[token] = first + k
        return np.fromiter((rows[t] for t in tokens), dtype=np.int64, count=len(tokens))


# Weight arrays every exported network has (PyTorch layouts); the encoder adds its own: the BiLSTM
# ``lstm_{weight_ih,weight_hh,bias}_{forward,backward}`` (gates i, f, g, o; bias = b_ih + b_hh), the CNN
# ``project_{weight,bias}``, ``dilations`` and ``conv_{weight,bias}_<k>``.
COMMON_WEIGHTS = (
    "char_embedding",  # [n_chars, char_dim]
    "char_conv_weight",  # [filters, char_dim, 3]
    "char_conv_bias",  # [filters]
    *(f"category_embedding_{k}" for k in range(len(CATEGORY_SIZES))),
    "gazetteer_embedding",  # [len(GAZETTEER_TAGS), dim]
    "output_weight",  # [labels, encoder width]
    "output_bias",
)


@dataclass(frozen=True, slots=True)
class _LstmWeights:
    """The LSTM rearranged for numpy: gates in order i, f, o, g, both directions side by side.

    The sigmoid gates are computed as ``0.5 * (1 + tanh(x / 2))``, so their rows come pre-halved and one
    ``tanh`` serves all four gates; the state kept between steps is ``2h``, so the weights that read it are
    halved too.
    """

    input_weight: FloatArray  # [input, 8 * hidden]: forward gates, then backward gates
    bias: FloatArray  # [8 * hidden]
    recurrent: FloatArray  # [2, hidden, 4 * hidden]
    output_forward: FloatArray  # [hidden, labels]
    output_backward: FloatArray  # [hidden, labels]
    output_bias: FloatArray  # [labels]

    @staticmethod
    def of(w: dict[str, FloatArray]) -> _LstmWeights:
        hidden = w["lstm_weight_hh_forward"].shape[1]
        order = np.r_[0 : 2 * hidden, 3 * hidden : 4 * hidden, 2 * hidden : 3 * hidden]
        scale = np.r_[np.full(3 * hidden, 0.5), np.ones(hidden)].astype(np.float32)
        inputs, biases, recurrent = [], [], []
        for direction in ("forward", "backward"):
            inputs.append((w[f"lstm_weight_ih_{direction}"][order] * scale[:, None]).T)
            biases.append(w[f"lstm_bias_{direction}"][order] * scale)
            recurrent.append((w[f"lstm_weight_hh_{direction}"][order] * scale[:, None]).T * 0.5)
        output = w["output_weight"].T * 0.5
        return _LstmWeights(
            input_weight=np.ascontiguousarray(np.concatenate(inputs, axis=1), dtype=np.float32),
            bias=np.concatenate(biases).astype(np.float32),
            recurrent=np.ascontiguousarray(np.stack(recurrent), dtype=np.float32),
            output_forward=np.ascontiguousarray(output[:hidden], dtype=np.float32),
            output_backward=np.ascontiguousarray(output[hidden:], dtype=np.float32),
            output_bias=w["output_bias"].astype(np.float32),
        )


@dataclass(slots=True)
class BiLstmScorer:
    """Emission scores of sentences from the exported network (see the module docstring)."""

    weights: dict[str, FloatArray]
    vectors: WordVectors
    chars: dict[str, int]
    lexicon: Lexicon
    _lstm: _LstmWeights | None = field(default=None, repr=False)
    _types: _TypeCache = field(default_factory=_TypeCache, repr=False)
    _gazetteer_inputs: FloatArray | None = field(default=None, repr=False)

    @property
    def hidden(self) -> int:
        return int(self.weights["lstm_weight_hh_forward"].shape[1])

    @property
    def lstm(self) -> _LstmWeights:
        if self._lstm is None:
            self._lstm = _LstmWeights.of(self.weights)
        return self._lstm

    def clear_cache(self) -> None:
        self._types = _TypeCache()

    def _gazetteer_projection(self) -> FloatArray:
        if self._gazetteer_inputs is None:
            dim = self.weights["gazetteer_embedding"].shape[1]
            lstm = self.lstm
            projected = self.weights["gazetteer_embedding"] @ lstm.input_weight[-dim:] + lstm.bias
            self._gazetteer_inputs = projected.astype(np.float32)
        return self._gazetteer_inputs

    def _project(self, tokens: list[str]) -> FloatArray:
        features = type_features(self.weights, encode_words(tokens, self.vectors, self.chars, self.lexicon))
        return (features @ self.lstm.input_weight[: features.shape[1]]).astype(np.float32)

    def emissions(self, sentences: list[list[str]]) -> FloatArray:
        """Emission scores ``[sentence, position, label]`` of non-empty sentences, padded to the longest."""
        # Longest first, so that the sentences still running at any time step are a prefix of the batch.
        order = sorted(range(len(sentences)), key=lambda i: -len(sentences[i]))
        lengths = np.array([len(sentences[i]) for i in order], dtype=np.int64)
        size, longest, hidden = len(sentences), int(lengths[0]), self.hidden
        flat = [t for i in order for t in sentences[i]]
        rows = self._types.lookup(flat, self._project)
        assert self._types.table is not None
        gazetteer = np.fromiter(
            (c for i in order for c in gazetteer_codes(sentences[i], self.lexicon)),
            dtype=np.int64,
            count=len(flat),
        )
        projected = self._types.table[rows] + self._gazetteer_projection()[gazetteer]
        # Token k sits at position ``position`` of sorted sentence ``row``; the backward direction reads
        # each sentence reversed, so that both directions start every sentence at step 0.
        row = np.repeat(np.arange(size), lengths)
        position = np.arange(len(flat)) - np.repeat(np.cumsum(lengths) - lengths, lengths)
        reverse = lengths[row] - 1 - position
        inputs = np.zeros((longest, 2, size, 4 * hidden), dtype=np.float32)
        inputs[position, 0, row] = projected[:, : 4 * hidden]
        inputs[reverse, 1, row] = projected[:, 4 * hidden :]
        states = self._run(inputs, lengths)
        lstm = self.lstm
        scores = (
            states[position, 0, row] @ lstm.output_forward
            + states[reverse, 1, row] @ lstm.output_backward
            + lstm.output_bias
        )
        out = np.zeros((size, longest, scores.shape[1]), dtype=np.float32)
        out[np.asarray(order)[row], position] = scores
        return out

    def _run(self, inputs: FloatArray, lengths: IntArray) -> FloatArray:
        """States (times two) of both directions, ``[step, direction, sentence, hidden]``."""
        longest, _, size, _ = inputs.shape
        hidden = self.hidden
        recurrent = self.lstm.recurrent
        c = np.zeros((2, size, hidden), dtype=np.float32)
        states = np.zeros((longest, 2, size, hidden), dtype=np.float32)
        # Scratch space reused by every step (small temporaries cost as much as the arithmetic here).
        product = np.empty((2, size, 4 * hidden), dtype=np.float32)
        both = np.empty((2, size, hidden), dtype=np.float32)
        live_counts = (lengths[None, :] > np.arange(longest)[:, None]).sum(axis=1)
        for t in range(longest):
            live = int(live_counts[t])
            gates = inputs[t, :, :live]
            if t:
                # The sentences still running are a prefix, so the previous step's states are their states.
                np.matmul(states[t - 1, :, :live], recurrent, out=product[:, :live])
                gates += product[:, :live]
            np.tanh(gates, out=gates)
            gates[:, :, : 3 * hidden] += 1.0
            cell = c[:, :live]
            cell *= gates[:, :, hidden : 2 * hidden]
            np.multiply(gates[:, :, :hidden], gates[:, :, 3 * hidden :], out=both[:, :live])
            cell += both[:, :live]
            cell *= 0.5
            state = states[t, :, :live]
            np.tanh(cell, out=state)
            state *= gates[:, :, 2 * hidden : 3 * hidden]
        return states


@dataclass(slots=True)
class CnnScorer:
    """Emission scores from the exported dilated CNN: residual width-3 convolutions over the projected
    inputs, run over all sentences of a document laid end to end with zero gaps between them."""

    weights: dict[str, FloatArray]
    vectors: WordVectors
    chars: dict[str, int]
    lexicon: Lexicon
    _types: _TypeCache = field(default_factory=_TypeCache, repr=False)
    _kernels: list[tuple[int, FloatArray, FloatArray]] | None = field(default=None, repr=False)

    def clear_cache(self) -> None:
        self._types = _TypeCache()

    def _project(self, tokens: list[str]) -> FloatArray:
        features = type_features(self.weights, encode_words(tokens, self.vectors, self.chars, self.lexicon))
        return (features @ self.weights["project_weight"][:, : features.shape[1]].T).astype(np.float32)

    def kernels(self) -> list[tuple[int, FloatArray, FloatArray]]:
        """(dilation, [3 * channels, channels] matrix, bias) of each convolution."""
        if self._kernels is None:
            w = self.weights
            self._kernels = []
            for k, dilation in enumerate(w["dilations"].astype(int).tolist()):
                weight = w[f"conv_weight_{k}"]
                matrix = np.ascontiguousarray(weight.transpose(2, 1, 0).reshape(3 * weight.shape[1], -1))
                self._kernels.append((dilation, matrix, w[f"conv_bias_{k}"]))
        return self._kernels

    def emissions(self, sentences: list[list[str]]) -> FloatArray:
        """Emission scores ``[sentence, position, label]`` of non-empty sentences, padded to the longest."""
        w = self.weights
        lengths = np.array([len(s) for s in sentences], dtype=np.int64)
        flat = [t for s in sentences for t in s]
        rows = self._types.lookup(flat, self._project)
        assert self._types.table is not None
        gazetteer = np.fromiter(
            (c for s in sentences for c in gazetteer_codes(s, self.lexicon)), dtype=np.int64, count=len(flat)
        )
        dim = w["gazetteer_embedding"].shape[1]
        gazetteer_inputs = w["gazetteer_embedding"] @ w["project_weight"][:, -dim:].T + w["project_bias"]
        kernels = self.kernels()
        gap = max(d for d, _, _ in kernels)
        # Sentence k's tokens start after k + 1 gaps of zeros, so no convolution reaches across sentences.
        row = np.repeat(np.arange(len(sentences)), lengths)
        slot = np.arange(len(flat)) + gap * (row + 1)
        size = len(flat) + gap * (len(sentences) + 1)
        stream = np.zeros((size, self._types.table.shape[1]), dtype=np.float32)
        stream[slot] = np.maximum(self._types.table[rows] + gazetteer_inputs[gazetteer], 0.0)
        inside = np.zeros((size - 2 * gap, 1), dtype=np.float32)
        inside[slot - gap] = 1.0
        for dilation, matrix, bias in kernels:
            end = size - gap
            windows = np.concatenate(
                [
                    stream[gap - dilation : end - dilation],
                    stream[gap:end],
                    stream[gap + dilation : end + dilation],
                ],
                axis=1,
            )
            step = windows @ matrix
            step += bias
            np.maximum(step, 0.0, out=step)
            step *= inside
            stream[gap:end] += step
        scores = stream[slot] @ w["output_weight"].T + w["output_bias"]
        position = np.arange(len(flat)) - np.repeat(np.cumsum(lengths) - lengths, lengths)
        out = np.zeros((len(sentences), int(lengths.max()), scores.shape[1]), dtype=np.float32)
        out[row, position] = scores
        return out
