"""The CRF NER scorer: linear-chain CRF weights over clitic-aware token features, scored with numpy.

Trained by ``tools/train_ner.py`` (crfsuite) and shipped as ``rasd/data/ner/ner_crf.npz``: the weight of each
(attribute, label) pair, the label transitions, the word clusters and the gazetteer names the features read.
Every attribute belongs to one token at one offset, so the emission scores of a token type are summed once
and cached. The CRF's lexicon (clusters, neighbour and corpus types, gazetteer names) also feeds the neural
scorer of ``rasd.entities.ner_neural``.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt

from rasd.entities.ner_features import (
    PAD_AFTER,
    PAD_BEFORE,
    WINDOW,
    Lexicon,
    gazetteer_tags,
    normalize_word,
    token_attributes,
)

GAZETTEER_TAGS = ("O", "B-PER", "I-PER", "B-ORG", "I-ORG", "B-LOC", "I-LOC")
_CACHE_LIMIT = 200_000

FloatArray = npt.NDArray[np.float32]


def join_strings(strings: Sequence[str]) -> npt.NDArray[np.uint8]:
    """Strings stored as one UTF-8 byte array (``.npz`` files hold no pickles)."""
    return np.frombuffer("\n".join(strings).encode("utf-8"), dtype=np.uint8)


def split_strings(array: npt.NDArray[np.uint8]) -> list[str]:
    text = array.tobytes().decode("utf-8")
    return text.split("\n") if text else []


def lexicon_arrays(lexicon: Lexicon) -> dict[str, npt.NDArray[np.generic]]:
    """The lexicon as named arrays of a model file (read back by ``read_lexicon``)."""
    words = list(lexicon.clusters)
    levels = len(next(iter(lexicon.clusters.values()))) if words else 0
    neighbour_words = list(lexicon.neighbour_types)
    corpus_words = list(lexicon.corpus_types)
    names = list(lexicon.names)
    return {
        "cluster_words": join_strings(words),
        "cluster_ids": np.array([lexicon.clusters[w] for w in words], dtype=np.int16).reshape(
            len(words), levels
        ),
        "neighbour_words": join_strings(neighbour_words),
        "neighbour_shares": np.array(
            [lexicon.neighbour_types[w] for w in neighbour_words], dtype=np.int8
        ).reshape(len(neighbour_words), 4),
        "corpus_words": join_strings(corpus_words),
        "corpus_shares": np.array([lexicon.corpus_types[w] for w in corpus_words], dtype=np.int8).reshape(
            len(corpus_words), 4
        ),
        "names": join_strings(names),
        "name_types": join_strings([lexicon.names[n] for n in names]),
    }


def read_lexicon(data: np.lib.npyio.NpzFile) -> Lexicon:
    """The lexicon stored in a model file by ``lexicon_arrays``."""
    words = split_strings(data["cluster_words"])
    clusters = {w: tuple(int(x) for x in row) for w, row in zip(words, data["cluster_ids"], strict=True)}
    names = dict(zip(split_strings(data["names"]), split_strings(data["name_types"]), strict=True))
    neighbour_words = split_strings(data["neighbour_words"])
    return Lexicon(
        clusters=clusters,
        neighbour_types={
            w: tuple(row) for w, row in zip(neighbour_words, data["neighbour_shares"].tolist(), strict=True)
        },
        corpus_types={
            w: tuple(row)
            for w, row in zip(
                split_strings(data["corpus_words"]), data["corpus_shares"].tolist(), strict=True
            )
        }
        if "corpus_words" in data
        else {},
        names=names,
        max_name_words=max((n.count(" ") + 1 for n in names), default=1),
    )


@dataclass(slots=True)
class CrfScorer:
    """Emission scores of the CRF: per token type and window offset, one cached weight vector."""

    labels: list[str]
    attribute_index: dict[str, int]
    weights: FloatArray
    lexicon: Lexicon
    _token_scores: dict[str, FloatArray] = field(default_factory=dict, repr=False)
    _gazetteer_scores: FloatArray | None = field(default=None, repr=False)
    _attribute_scores: tuple[dict[str, int], FloatArray] | None = field(default=None, repr=False)

    @staticmethod
    def read(data: np.lib.npyio.NpzFile) -> CrfScorer:
        attributes = split_strings(data["attributes"])
        return CrfScorer(
            labels=split_strings(data["labels"]),
            attribute_index={a: i for i, a in enumerate(attributes)},
            weights=data["weights"].astype(np.float32),
            lexicon=read_lexicon(data),
        )

    def save(self, path: Path, transitions: FloatArray) -> None:
        """Write the CRF as one compressed ``.npz`` file (no pickles)."""
        attributes = sorted(self.attribute_index, key=self.attribute_index.__getitem__)
        path.parent.mkdir(parents=True, exist_ok=True)
        arrays: dict[str, Any] = {
            "kind": join_strings(["crf"]),
            "labels": join_strings(self.labels),
            "transitions": transitions.astype(np.float32),
            "attributes": join_strings(attributes),
            "weights": self.weights.astype(np.float16),
            **lexicon_arrays(self.lexicon),
        }
        np.savez_compressed(path, **arrays)

    def clear_cache(self) -> None:
        self._token_scores.clear()

    def emissions(self, sentences: list[list[str]]) -> FloatArray:
        """Emission scores ``[sentence, position, label]`` of non-empty sentences, padded to the longest."""
        longest = max(len(s) for s in sentences)
        out = np.zeros((len(sentences), longest, len(self.labels)), dtype=np.float32)
        for row, tokens in enumerate(sentences):
            out[row, : len(tokens)] = self._sentence_emissions(tokens)
        return out

    def _sentence_emissions(self, tokens: list[str]) -> FloatArray:
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
