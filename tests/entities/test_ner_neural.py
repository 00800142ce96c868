"""The numpy networks: batched over a document, they give each sentence the scores of the plain equations
(to float16 precision: the per-type cache stores its projections in float16)."""

from __future__ import annotations

import numpy as np

from rasd.entities.ner_features import Lexicon
from rasd.entities.ner_neural import (
    CATEGORY_SIZES,
    N_SHARES,
    BiLstmScorer,
    CnnScorer,
    WordVectors,
    encode_words,
    type_features,
)

HIDDEN = 6
SENTENCES = [
    ["قال", "وزير", "الخارجية", "الفرنسي", "جان", "إيف", "لودريان", "في", "باريس"],
    ["وصل", "الوفد", "إلى", "دمشق"],
    ["."],
]


def _scorer() -> BiLstmScorer:
    rng = np.random.default_rng(7)
    vectors = WordVectors({"دمشق": 0, "باريس": 1, "وزير": 2}, rng.normal(size=(3, 5)).astype(np.float32))
    dims = [2] * len(CATEGORY_SIZES)
    width = 5 + 4 + sum(dims) + N_SHARES + 3
    weights = {
        "char_embedding": rng.normal(size=(40, 3)),
        "char_conv_weight": rng.normal(size=(4, 3, 3)),
        "char_conv_bias": rng.normal(size=4),
        **{f"category_embedding_{k}": rng.normal(size=(n, 2)) for k, n in enumerate(CATEGORY_SIZES)},
        "gazetteer_embedding": rng.normal(size=(7, 3)),
        "output_weight": rng.normal(size=(9, 2 * HIDDEN)),
        "output_bias": rng.normal(size=9),
    }
    for direction in ("forward", "backward"):
        weights[f"lstm_weight_ih_{direction}"] = rng.normal(size=(4 * HIDDEN, width)) * 0.5
        weights[f"lstm_weight_hh_{direction}"] = rng.normal(size=(4 * HIDDEN, HIDDEN)) * 0.5
        weights[f"lstm_bias_{direction}"] = rng.normal(size=4 * HIDDEN)
    chars = {c: i + 2 for i, c in enumerate("ابتثجحخدذرزسشصضطظعغفقكلمنهوي")}
    lexicon = Lexicon(names={"باريس": "LOC"}, max_name_words=1)
    return BiLstmScorer({k: v.astype(np.float32) for k, v in weights.items()}, vectors, chars, lexicon)


def _sigmoid(x: np.ndarray) -> np.ndarray:
    return 1 / (1 + np.exp(-x))


def _reference(scorer: BiLstmScorer, tokens: list[str]) -> np.ndarray:
    """PyTorch's LSTM equations, one sentence, one direction at a time, no caching."""
    w = scorer.weights
    features = type_features(
        scorer.weights, encode_words(tokens, scorer.vectors, scorer.chars, scorer.lexicon)
    )
    gazetteer = w["gazetteer_embedding"][[5 if t == "باريس" else 0 for t in tokens]]
    x = np.concatenate([features, gazetteer], axis=1)

    def run(direction: str, steps: range) -> np.ndarray:
        h, c = np.zeros(HIDDEN), np.zeros(HIDDEN)
        out = np.zeros((len(tokens), HIDDEN))
        for t in steps:
            z = w[f"lstm_weight_ih_{direction}"] @ x[t] + w[f"lstm_weight_hh_{direction}"] @ h
            z += w[f"lstm_bias_{direction}"]
            i, f, g, o = np.split(z, 4)
            c = _sigmoid(f) * c + _sigmoid(i) * np.tanh(g)
            h = _sigmoid(o) * np.tanh(c)
            out[t] = h
        return out

    states = np.concatenate(
        [run("forward", range(len(tokens))), run("backward", range(len(tokens) - 1, -1, -1))], axis=1
    )
    return states @ w["output_weight"].T + w["output_bias"]


def test_batched_scores_equal_the_plain_lstm_of_each_sentence() -> None:
    scorer = _scorer()
    batched = scorer.emissions(SENTENCES)
    for row, tokens in enumerate(SENTENCES):
        expected = _reference(scorer, tokens)
        assert np.allclose(batched[row, : len(tokens)], expected, rtol=1e-2, atol=1e-2)


def test_a_sentence_scores_the_same_alone_and_in_a_document() -> None:
    scorer = _scorer()
    alone = scorer.emissions([SENTENCES[1]])
    scorer.clear_cache()
    together = scorer.emissions(SENTENCES)
    assert np.allclose(alone[0], together[1, : len(SENTENCES[1])], atol=1e-5)


def test_unknown_words_get_no_vector_and_clitic_forms_get_their_stem_vector() -> None:
    scorer = _scorer()
    inputs = encode_words(["ودمشق", "كاتماندو"], scorer.vectors, scorer.chars, scorer.lexicon)
    assert np.allclose(inputs.vectors[0], scorer.vectors.vectors[0])
    assert not inputs.vectors[1].any()
    assert list(inputs.categories[:, 2]) == [1, 2]


def _cnn_scorer() -> CnnScorer:
    lstm = _scorer()
    rng = np.random.default_rng(11)
    channels, width = 5, lstm.weights["lstm_weight_ih_forward"].shape[1]
    weights = {k: v for k, v in lstm.weights.items() if not k.startswith("lstm")}
    weights["project_weight"] = rng.normal(size=(channels, width)).astype(np.float32) * 0.5
    weights["project_bias"] = rng.normal(size=channels).astype(np.float32)
    weights["dilations"] = np.array([1, 2], dtype=np.float32)
    for k in range(2):
        weights[f"conv_weight_{k}"] = rng.normal(size=(channels, channels, 3)).astype(np.float32) * 0.5
        weights[f"conv_bias_{k}"] = rng.normal(size=channels).astype(np.float32)
    weights["output_weight"] = rng.normal(size=(9, channels)).astype(np.float32)
    return CnnScorer(weights, lstm.vectors, lstm.chars, lstm.lexicon)


def _cnn_reference(scorer: CnnScorer, tokens: list[str]) -> np.ndarray:
    """PyTorch's Conv1d (zero padding = dilation), one sentence at a time, no caching."""
    w = scorer.weights
    features = type_features(w, encode_words(tokens, scorer.vectors, scorer.chars, scorer.lexicon))
    gazetteer = w["gazetteer_embedding"][[5 if t == "باريس" else 0 for t in tokens]]
    z = np.maximum(
        np.concatenate([features, gazetteer], axis=1) @ w["project_weight"].T + w["project_bias"], 0
    )
    for k, dilation in enumerate((1, 2)):
        padded = np.pad(z, ((dilation, dilation), (0, 0)))
        step = np.zeros_like(z)
        for t in range(len(tokens)):
            for j in range(3):
                step[t] += w[f"conv_weight_{k}"][:, :, j] @ padded[t + j * dilation]
        z = z + np.maximum(step + w[f"conv_bias_{k}"], 0)
    return z @ w["output_weight"].T + w["output_bias"]


def test_cnn_scores_over_a_document_equal_each_sentence_convolved_alone() -> None:
    scorer = _cnn_scorer()
    batched = scorer.emissions(SENTENCES)
    for row, tokens in enumerate(SENTENCES):
        assert np.allclose(batched[row, : len(tokens)], _cnn_reference(scorer, tokens), rtol=1e-2, atol=1e-2)
