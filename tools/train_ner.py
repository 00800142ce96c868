"""Train the CRF NER model (``rasd/data/ner/ner_crf.npz``) and its lexicon from ``../shared/data`` alone.

The shipped tagger is the BiLSTM of ``tools/ner_neural.py``, which reads this model's lexicon (word clusters,
neighbour and corpus types, gazetteer names); ``make train-ner`` runs both.

Steps (each cached under ``build/ner/``; delete the folder after changing the features or the data):
1. word vectors (gensim word2vec, skip-gram) on the news of ``../shared/data/news`` plus the ANERcorp train
   split's words, then k-means word clusters at several granularities (numpy, fixed seed);
2. gazetteer names from ANERGazet (person, location, organisation lists);
3. a linear-chain CRF (crfsuite, L-BFGS with elastic-net) on the rebuilt CAMeL train split;
4. export of the weights to numpy and a score on the rebuilt test split and on AQMAR (out of domain).

Run: ``nice .venv/bin/python tools/train_ner.py`` (or ``make train-ner``). Needs the ``train`` extra.
"""

from __future__ import annotations

import argparse
import pickle
import sys
import time
import zlib
from collections.abc import Iterator
from pathlib import Path

import numpy as np

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from rasd.corpora import iter_corpus, shared_dir  # noqa: E402
from rasd.entities.evaluate import DOCUMENT_WINDOW, ENTITY_TYPES, Sentence, read_conll, score  # noqa: E402
from rasd.entities.ner import CRF_MODEL_PATH, NerModel  # noqa: E402
from rasd.entities.ner_crf import CrfScorer  # noqa: E402
from rasd.entities.ner_features import (  # noqa: E402
    NAME_TYPES,
    Lexicon,
    iter_sentences_tokens,
    normalize_word,
    sentence_features,
    split_proclitic,
)

BUILD = REPO / "build" / "ner"
SEED = 13
NEWS_FOLDERS = ("almayadeen_2023_2024", "ant_2018", "aljazeera_palestine_2023_2025")
CLUSTER_SIZES = (64, 256, 1024)
# Words clustered: those seen at least this often in the news (rarer ones get no cluster id).
MIN_CLUSTER_COUNT = 5


def log(message: str) -> None:
    print(f"[{time.strftime('%H:%M:%S')}] {message}", flush=True)


def news_sentences(shared: Path, train: list[Sentence]) -> list[list[str]]:
    """Normalized word sequences of the news corpora and of the ANERcorp train split (cached)."""
    cache_file = BUILD / "news_sentences.pkl"
    if cache_file.is_file():
        return pickle.loads(cache_file.read_bytes())

    def texts() -> Iterator[str]:
        for folder in NEWS_FOLDERS:
            for article in iter_corpus(shared / "data" / "news" / folder):
                yield article.title + "\n" + article.text

    sentences = list(iter_sentences_tokens(texts()))
    sentences += [[normalize_word(t) for t in s.tokens] for s in train]
    BUILD.mkdir(parents=True, exist_ok=True)
    cache_file.write_bytes(pickle.dumps(sentences))
    return sentences


def _stable_hash(text: str) -> int:
    # gensim seeds each vector from a hash of the word: a fixed one makes training reproducible.
    return zlib.crc32(text.encode("utf-8"))


def word_vectors(sentences: list[list[str]]) -> tuple[list[str], np.ndarray, np.ndarray]:
    """(words, unit vectors, counts) of a word2vec model trained on ``sentences`` (cached)."""
    cache_file = BUILD / "vectors.npz"
    if cache_file.is_file():
        data = np.load(cache_file)
        return data["words"].tolist(), data["vectors"], data["counts"]
    from gensim.models import Word2Vec

    model = Word2Vec(
        sentences,
        vector_size=100,
        window=5,
        min_count=3,
        sg=1,
        negative=5,
        sample=1e-4,
        epochs=3,
        workers=1,
        seed=SEED,
        hashfxn=_stable_hash,
    )
    words = list(model.wv.index_to_key)
    vectors = model.wv.get_normed_vectors().astype(np.float32)
    counts = np.array([model.wv.get_vecattr(w, "count") for w in words], dtype=np.int64)
    np.savez(cache_file, words=np.array(words), vectors=vectors, counts=counts)
    return words, vectors, counts


def kmeans(vectors: np.ndarray, k: int, iterations: int = 12) -> np.ndarray:
    """Cluster ids of unit vectors by spherical k-means (cosine), deterministic from ``SEED``."""
    rng = np.random.default_rng(SEED + k)
    centroids = vectors[rng.choice(len(vectors), size=k, replace=False)].copy()
    assignment = np.zeros(len(vectors), dtype=np.int64)
    for _ in range(iterations):
        for start in range(0, len(vectors), 20_000):
            block = vectors[start : start + 20_000]
            assignment[start : start + 20_000] = (block @ centroids.T).argmax(axis=1)
        for c in range(k):
            members = vectors[assignment == c]
            if len(members):
                mean = members.sum(axis=0)
                centroids[c] = mean / (np.linalg.norm(mean) or 1.0)
    return assignment


def word_clusters(words: list[str], vectors: np.ndarray, counts: np.ndarray) -> dict[str, tuple[int, ...]]:
    """Cluster ids of every word seen ``MIN_CLUSTER_COUNT`` times, one per size of ``CLUSTER_SIZES``."""
    keep = counts >= MIN_CLUSTER_COUNT
    kept_words = [w for w, k in zip(words, keep, strict=True) if k]
    kept = vectors[keep]
    levels = [kmeans(kept, k) for k in CLUSTER_SIZES]
    return {w: tuple(int(level[i]) for level in levels) for i, w in enumerate(kept_words)}


def neighbour_types(
    words: list[str], vectors: np.ndarray, train: list[Sentence], k: int = 10
) -> dict[str, tuple[int, ...]]:
    """For every word with a vector, the name types of its ``k`` nearest training words (itself excluded).

    Shares are in tenths over PER, ORG, LOC, MISC (the rest is O). This carries what the training data
    knows about names to words it never saw, e.g. an unseen surname near seen ones.
    """
    labels = {kind: i + 1 for i, kind in enumerate(NAME_TYPES)}
    counts: dict[str, np.ndarray] = {}
    for sentence in train:
        for token, tag in zip(sentence.tokens, sentence.tags, strict=True):
            row = counts.setdefault(normalize_word(token), np.zeros(len(NAME_TYPES) + 1))
            row[labels.get(tag[2:], 0)] += 1
    index = {w: i for i, w in enumerate(words)}
    known = [w for w in counts if w in index]
    known_rows = np.array([index[w] for w in known])
    known_vectors = vectors[known_rows]
    distribution = np.array([counts[w] / counts[w].sum() for w in known], dtype=np.float32)
    position_in_known = {index[w]: i for i, w in enumerate(known)}
    shares: dict[str, tuple[int, ...]] = {}
    for start in range(0, len(words), 5_000):
        similarity = vectors[start : start + 5_000] @ known_vectors.T
        for offset in range(similarity.shape[0]):
            own = position_in_known.get(start + offset)
            if own is not None:
                similarity[offset, own] = -1.0
        nearest = np.argpartition(-similarity, k, axis=1)[:, :k]
        weights = np.take_along_axis(similarity, nearest, axis=1).clip(min=0.0)
        mixed = (distribution[nearest] * weights[:, :, None]).sum(axis=1)
        mixed /= weights.sum(axis=1, keepdims=True).clip(min=1e-6)
        for offset, row in enumerate(mixed):
            shares[words[start + offset]] = tuple(int(np.rint(10 * x)) for x in row[1:])
    return shares


def corpus_types(
    model: NerModel, sentences: list[list[str]], min_count: int = 3
) -> dict[str, tuple[int, ...]]:
    """How the first-stage model tags each word across the news (tenths of PER, ORG, LOC, MISC).

    Only words seen ``min_count`` times; counted under the word's form without proclitics.
    """
    labels = {kind: i + 1 for i, kind in enumerate(NAME_TYPES)}
    counts: dict[str, list[int]] = {}
    for start in range(0, len(sentences), 2_000):
        chunk = [s[:200] for s in sentences[start : start + 2_000]]
        for words, tags in zip(chunk, model._tag_batch(chunk), strict=True):
            for word, tag in zip(words, tags, strict=True):
                row = counts.setdefault(split_proclitic(word)[1], [0] * (len(NAME_TYPES) + 1))
                row[labels.get(tag[2:], 0)] += 1
        if start % 50_000 == 0:
            log(f"  tagged {start:,} of {len(sentences):,} news sentences")
    return {
        word: tuple(round(10 * c / sum(row)) for c in row[1:])
        for word, row in counts.items()
        if sum(row) >= min_count
    }


def gazetteer_names(shared: Path) -> dict[str, str]:
    """ANERGazet's names, normalized, with their type (PER, LOC, ORG); later lists do not override."""
    names: dict[str, str] = {}
    folder = shared / "data" / "ner" / "anergazet"
    for kind, file in (("LOC", "AlignedLocGazetteer.txt"), ("ORG", "AlignedOrgGazetteer.txt")):
        for line in (folder / file).read_text(encoding="utf-8").splitlines():
            name = " ".join(normalize_word(w) for w in line.split())
            if name and not name.startswith("=") and len(name) > 1:
                names.setdefault(name, kind)
    for line in (folder / "AlignedPersGazetteer.txt").read_text(encoding="utf-8").splitlines():
        name = " ".join(normalize_word(w) for w in line.split())
        if name and not name.startswith("=") and len(name) > 2:
            names.setdefault(name, "PER")
    return names


def train_crf(
    train: list[Sentence], lexicon: Lexicon, c1: float, c2: float, iterations: int, name: str = "ner"
) -> Path:
    """Train crfsuite on the sentences; returns the crfsuite model file (cached by name and parameters)."""
    import pycrfsuite

    path = BUILD / f"{name}-c1={c1}-c2={c2}-it={iterations}.crfsuite"
    if path.is_file():
        return path
    trainer = pycrfsuite.Trainer(verbose=False)
    for sentence in train:
        trainer.append(sentence_features(sentence.tokens, lexicon), sentence.tags)
    trainer.set_params(
        {
            "c1": c1,
            "c2": c2,
            "max_iterations": iterations,
            "feature.possible_transitions": True,
        }
    )
    trainer.train(str(path))
    return path


def export(crf_file: Path, lexicon: Lexicon) -> NerModel:
    """The crfsuite model as a numpy ``NerModel`` (zero weights dropped)."""
    import pycrfsuite

    tagger = pycrfsuite.Tagger()
    tagger.open(str(crf_file))
    info = tagger.info()
    labels = list(tagger.labels())
    label_index = {label: i for i, label in enumerate(labels)}
    attributes = sorted({attr for attr, _ in info.state_features})
    attribute_index = {a: i for i, a in enumerate(attributes)}
    weights = np.zeros((len(attributes), len(labels)), dtype=np.float32)
    for (attr, label), weight in info.state_features.items():
        weights[attribute_index[attr], label_index[label]] = weight
    transitions = np.zeros((len(labels), len(labels)), dtype=np.float32)
    for (source, target), weight in info.transitions.items():
        transitions[label_index[source], label_index[target]] = weight
    return NerModel(labels, transitions, CrfScorer(labels, attribute_index, weights, lexicon))


def report(name: str, model: NerModel, sentences: list[Sentence], window: int | None = None) -> float:
    """Log P/R/F1 of the model on gold sentences (tagged alone, or as a document over ``window``)."""
    if window is None:
        predicted = [model.tag(s.tokens) for s in sentences]
    else:
        predicted = model.tag_document([s.tokens for s in sentences], window=window)
        name += f", names consistent over {window} sentences"
    counts = score([s.tags for s in sentences], predicted)
    parts = [f"{name}: F1 {100 * counts['all'].f1:.1f} (P {100 * counts['all'].precision:.1f}"]
    parts[0] += f", R {100 * counts['all'].recall:.1f})"
    parts += [f"{k} {100 * counts[k].f1:.1f}" for k in ENTITY_TYPES if k in counts]
    log("  ".join(parts))
    return counts["all"].f1


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--c1", type=float, default=0.3)
    parser.add_argument("--c2", type=float, default=0.01)
    parser.add_argument("--iterations", type=int, default=150)
    parser.add_argument("--no-clusters", action="store_true", help="ablation: no word-cluster features")
    parser.add_argument(
        "--no-corpus-types", action="store_true", help="ablation: one stage, no tags of the news as features"
    )
    parser.add_argument("--no-gazetteer", action="store_true", help="ablation: no ANERGazet features")
    parser.add_argument("--output", type=Path, default=CRF_MODEL_PATH)
    args = parser.parse_args()

    shared = shared_dir()
    if shared is None:
        sys.exit("../shared is missing: training reads ../shared/data/ner and ../shared/data/news")
    ner = shared / "data" / "ner"
    train = read_conll(ner / "anercorp_original" / "ANERcorp_camel_rebuilt_train.txt")
    test = read_conll(ner / "anercorp_original" / "ANERcorp_camel_rebuilt_test.txt")
    aqmar = [s for f in sorted((ner / "aqmar").glob("*.txt")) for s in read_conll(f)]
    BUILD.mkdir(parents=True, exist_ok=True)

    lexicon = Lexicon()
    if not args.no_clusters:
        log("reading the news corpora")
        sentences = news_sentences(shared, train)
        log(f"word vectors over {sum(map(len, sentences)):,} words")
        words, vectors, counts = word_vectors(sentences)
        log(f"clustering {int((counts >= MIN_CLUSTER_COUNT).sum()):,} words into {CLUSTER_SIZES}")
        cache_file = BUILD / "clusters.pkl"
        if cache_file.is_file():
            lexicon.clusters = pickle.loads(cache_file.read_bytes())
        else:
            lexicon.clusters = word_clusters(words, vectors, counts)
            cache_file.write_bytes(pickle.dumps(lexicon.clusters))
        log("name types of each word's nearest training words")
        cache_file = BUILD / "neighbours.pkl"
        if cache_file.is_file():
            lexicon.neighbour_types = pickle.loads(cache_file.read_bytes())
        else:
            lexicon.neighbour_types = neighbour_types(words, vectors, train)
            cache_file.write_bytes(pickle.dumps(lexicon.neighbour_types))
    if not args.no_gazetteer:
        lexicon.names = gazetteer_names(shared)
        lexicon.max_name_words = max(n.count(" ") + 1 for n in lexicon.names)
    log(f"training the CRF on {len(train)} sentences (c1={args.c1}, c2={args.c2})")
    crf_file = train_crf(train, lexicon, args.c1, args.c2, args.iterations)
    model = export(crf_file, lexicon)
    if not args.no_corpus_types and lexicon.clusters:
        report("first stage: ANERcorp test (rebuilt CAMeL split)", model, test)
        cache_file = BUILD / "corpus_types.pkl"
        if cache_file.is_file():
            lexicon.corpus_types = pickle.loads(cache_file.read_bytes())
        else:
            log("tagging the news with the first-stage model")
            model.scorer.clear_cache()
            lexicon.corpus_types = corpus_types(model, news_sentences(shared, train))
            cache_file.write_bytes(pickle.dumps(lexicon.corpus_types))
        log(f"second stage: CRF with how {len(lexicon.corpus_types):,} words are tagged across the news")
        crf_file = train_crf(train, lexicon, args.c1, args.c2, args.iterations, name="ner2")
        model = export(crf_file, lexicon)
    assert isinstance(model.scorer, CrfScorer)
    log(f"{len(model.scorer.attribute_index):,} attributes with a weight")
    report("ANERcorp test (rebuilt CAMeL split)", model, test)
    report("ANERcorp test (rebuilt CAMeL split)", model, test, DOCUMENT_WINDOW)
    report("AQMAR (out of domain)", model, aqmar)
    report("AQMAR (out of domain)", model, aqmar, DOCUMENT_WINDOW)
    model.scorer.save(args.output, model.transitions)
    log(f"wrote {args.output} ({args.output.stat().st_size / 1e6:.1f} MB)")


if __name__ == "__main__":
    main()
