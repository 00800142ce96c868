"""Train the neural NER model (character CNN + word2vec + BiLSTM-CRF) and export it to numpy.

Three steps, each its own sub-command:
1. ``prepare``: encode the ANERcorp splits (and AQMAR, for an out-of-domain score) into the network's inputs
   with ``rasd.entities.ner_neural.encode_words`` and write ``build/ner/neural/bundle.npz``. Needs the caches
   of ``tools/train_ner.py`` (word vectors, clusters, the CRF lexicon at ``rasd/data/ner/ner_crf.npz``).
2. ``train`` / ``grid``: PyTorch training from the bundle alone (this part imports neither rasd nor gensim, so
   it runs on a GPU machine with the bundle carried over). The last 10% of the train split is the
   development set that picks the epoch; ``grid`` trains several configurations as parallel processes.
3. ``export``: the chosen weights, with all word vectors (float16), the character list and the lexicon,
   written as ``rasd/data/ner/ner_model.npz`` for ``rasd.entities.ner`` (numpy only at run time).

Run: ``nice .venv/bin/python tools/ner_neural.py prepare && ... train --out build/ner/neural/run && ...
export build/ner/neural/run.npz`` (or ``make train-ner``). Needs the ``train`` extra (torch).
"""

from __future__ import annotations

import argparse
import itertools
import json
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import numpy as np

REPO = Path(__file__).resolve().parent.parent
BUILD = REPO / "build" / "ner" / "neural"
LABELS = ("O", "B-PER", "I-PER", "B-ORG", "I-ORG", "B-LOC", "I-LOC", "B-MISC", "I-MISC")
DEV_SHARE = 0.1
CHECK_SENTENCES = 64


def log(message: str) -> None:
    print(f"[{time.strftime('%H:%M:%S')}] {message}", flush=True)


# ---------------------------------------------------------------------------------------------- prepare


def prepare(bundle: Path) -> None:
    """Encode the corpora into ``bundle`` (type-level arrays + token sequences per split)."""
    sys.path.insert(0, str(REPO))
    from rasd.corpora import shared_dir
    from rasd.entities.evaluate import read_conll
    from rasd.entities.ner import CRF_MODEL_PATH, NerModel
    from rasd.entities.ner_features import normalize_word
    from rasd.entities.ner_neural import WordVectors, encode_words, gazetteer_codes

    shared = shared_dir()
    if shared is None:
        sys.exit("../shared is missing")
    ner = shared / "data" / "ner"
    train = read_conll(ner / "anercorp_original" / "ANERcorp_camel_rebuilt_train.txt")
    cut = int(len(train) * (1 - DEV_SHARE))
    splits = {
        "train": train[:cut],
        "dev": train[cut:],
        "test": read_conll(ner / "anercorp_original" / "ANERcorp_camel_rebuilt_test.txt"),
        "aqmar": [s for f in sorted((ner / "aqmar").glob("*.txt")) for s in read_conll(f)],
    }
    lexicon = NerModel.load(CRF_MODEL_PATH).lexicon
    data = np.load(REPO / "build" / "ner" / "vectors.npz")
    vectors = WordVectors({w: i for i, w in enumerate(data["words"].tolist())}, data["vectors"])
    counts: dict[str, int] = {}
    for sentence in splits["train"]:
        for token in sentence.tokens:
            for c in normalize_word(token):
                counts[c] = counts.get(c, 0) + 1
    chars = {c: i + 2 for i, c in enumerate(sorted(c for c, n in counts.items() if n >= 2))}
    types: dict[str, int] = {}
    arrays: dict[str, np.ndarray] = {}
    for name, sentences in splits.items():
        tokens = [t for s in sentences for t in s.tokens]
        arrays[f"{name}_types"] = np.array([types.setdefault(t, len(types)) for t in tokens], dtype=np.int32)
        arrays[f"{name}_gazetteer"] = np.array(
            [c for s in sentences for c in gazetteer_codes(s.tokens, lexicon)], dtype=np.int8
        )
        arrays[f"{name}_labels"] = np.array(
            [LABELS.index(t) for s in sentences for t in s.tags], dtype=np.int8
        )
        arrays[f"{name}_lengths"] = np.array([len(s.tokens) for s in sentences], dtype=np.int32)
    inputs = encode_words(list(types), vectors, chars, lexicon)
    bundle.parent.mkdir(parents=True, exist_ok=True)
    np.savez_compressed(
        bundle,
        vectors=inputs.vectors.astype(np.float16),
        chars=inputs.chars.astype(np.int16),
        categories=inputs.categories.astype(np.int16),
        shares=inputs.shares.astype(np.float16),
        char_list=np.array(sorted(chars, key=chars.__getitem__)),
        **arrays,
    )
    log(f"wrote {bundle}: {len(types):,} token types, {len(chars)} characters")


# ------------------------------------------------------------------------------------------------ train


def _spans(tags: list[int]) -> set[tuple[int, int, int]]:
    """(start, end, type) spans of a label-id sequence (an I- without its B- opens a span)."""
    found: set[tuple[int, int, int]] = set()
    start, kind = -1, -1
    for i, label in enumerate([*tags, 0]):
        tag_kind = (label + 1) // 2 if label else 0
        continues = label and label % 2 == 0 and tag_kind == kind and start >= 0
        if start >= 0 and not continues:
            found.add((start, i, kind))
            start, kind = -1, -1
        if label and not continues:
            start, kind = i, tag_kind
    return found


def f1_score(gold: list[list[int]], predicted: list[list[int]]) -> float:
    tp = fp = fn = 0
    for g, p in zip(gold, predicted, strict=True):
        gs, ps = _spans(g), _spans(p)
        tp += len(gs & ps)
        fp += len(ps - gs)
        fn += len(gs - ps)
    return 2 * tp / max(1, 2 * tp + fp + fn)


def viterbi(emissions: np.ndarray, transitions: np.ndarray, start: np.ndarray, end: np.ndarray) -> list[int]:
    n = emissions.shape[0]
    back = np.zeros((n, emissions.shape[1]), dtype=np.int64)
    score = emissions[0] + start
    for i in range(1, n):
        candidates = score[:, None] + transitions
        back[i] = candidates.argmax(axis=0)
        score = candidates.max(axis=0) + emissions[i]
    best = [int((score + end).argmax())]
    for i in range(n - 1, 0, -1):
        best.append(int(back[i, best[-1]]))
    return best[::-1]


def train(config: dict[str, Any], bundle_path: Path, out: Path) -> dict[str, Any]:
    """Train one configuration; write the best-by-dev weights to ``out``.npz and the scores to ``out``.json."""
    import torch
    from torch import nn

    torch.manual_seed(config["seed"])
    rng = np.random.default_rng(config["seed"])
    device = torch.device(config.get("device") or ("cuda" if torch.cuda.is_available() else "cpu"))
    torch.set_num_threads(config.get("threads", 1))
    data = np.load(bundle_path)
    type_vectors = torch.tensor(data["vectors"].astype(np.float32), device=device)
    type_chars = torch.tensor(data["chars"].astype(np.int64), device=device)
    type_categories = torch.tensor(data["categories"].astype(np.int64), device=device)
    type_shares = torch.tensor(data["shares"].astype(np.float32), device=device)
    n_chars = len(data["char_list"]) + 2
    category_sizes = (23, 6, 3, 65, 257, 1025)
    category_dims = config["category_dims"]

    def split(name: str) -> list[tuple[np.ndarray, np.ndarray, np.ndarray]]:
        lengths = data[f"{name}_lengths"]
        bounds = np.concatenate([[0], np.cumsum(lengths)])
        return [
            (
                data[f"{name}_types"][a:b].astype(np.int64),
                data[f"{name}_gazetteer"][a:b].astype(np.int64),
                data[f"{name}_labels"][a:b].astype(np.int64),
            )
            for a, b in itertools.pairwise(bounds)
        ]

    sets = {name: split(name) for name in ("train", "dev", "test", "aqmar")}
    if config.get("limit"):
        # A smoke run: a few sentences of each set.
        sets = {name: items[: config["limit"]] for name, items in sets.items()}
    training = list(sets["train"])
    if config.get("extra_aqmar"):
        training += sets["aqmar"]
    hidden = config["hidden"]

    class Tagger(nn.Module):
        def __init__(self) -> None:
            super().__init__()
            self.char_embedding = nn.Embedding(n_chars, config["char_dim"], padding_idx=0)
            self.char_conv = nn.Conv1d(config["char_dim"], config["char_filters"], 3, padding=1)
            self.categories = nn.ModuleList(
                nn.Embedding(size, dim) for size, dim in zip(category_sizes, category_dims, strict=True)
            )
            self.gazetteer = nn.Embedding(7, config["gazetteer_dim"])
            width = type_vectors.shape[1] + config["char_filters"] + sum(category_dims) + type_shares.shape[1]
            self.dropout = nn.Dropout(config["dropout"])
            if config["encoder"] == "cnn":
                # Dilated convolutions (residual, masked): no recurrence, so numpy runs them as big matmuls.
                channels = config["channels"]
                self.project = nn.Linear(width + config["gazetteer_dim"], channels)
                self.convs = nn.ModuleList(
                    nn.Conv1d(channels, channels, 3, padding=d, dilation=d) for d in config["dilations"]
                )
                self.output = nn.Linear(channels, len(LABELS))
            else:
                self.lstm = nn.LSTM(
                    width + config["gazetteer_dim"], hidden, batch_first=True, bidirectional=True
                )
                self.output = nn.Linear(2 * hidden, len(LABELS))
            self.transitions = nn.Parameter(torch.zeros(len(LABELS), len(LABELS)))
            self.start = nn.Parameter(torch.zeros(len(LABELS)))
            self.end = nn.Parameter(torch.zeros(len(LABELS)))

        def emissions(
            self, types: torch.Tensor, gazetteer: torch.Tensor, lengths: torch.Tensor
        ) -> torch.Tensor:
            vectors = type_vectors[types]
            categories = type_categories[types]
            if self.training and config["word_dropout"] > 0:
                # Some known words are shown as unknown, so that the network learns to read unseen names.
                drop = torch.rand(types.shape, device=types.device) < config["word_dropout"]
                vectors = vectors.masked_fill(drop[..., None], 0.0)
                categories = categories.clone()
                categories[..., 2] = torch.where(
                    drop, torch.full_like(categories[..., 2], 2), categories[..., 2]
                )
            chars = type_chars[types]  # [B, T, L]
            b, t, length = chars.shape
            embedded = self.char_embedding(chars.view(b * t, length)).transpose(1, 2)
            convolved = torch.relu(self.char_conv(embedded)) * (chars.view(b * t, 1, length) > 0)
            char_features = convolved.max(dim=2).values.view(b, t, -1)
            parts = [vectors, char_features]
            parts += [emb(categories[..., k]) for k, emb in enumerate(self.categories)]
            parts += [type_shares[types], self.gazetteer(gazetteer)]
            x = self.dropout(torch.cat(parts, dim=2))
            if config["encoder"] == "cnn":
                mask = (torch.arange(t, device=x.device)[None, :] < lengths.to(x.device)[:, None]).float()
                z = torch.relu(self.project(x)) * mask[..., None]
                for conv in self.convs:
                    step = torch.relu(conv(self.dropout(z).transpose(1, 2))).transpose(1, 2)
                    z = (z + step) * mask[..., None]
                return self.output(self.dropout(z))
            packed = nn.utils.rnn.pack_padded_sequence(
                x, lengths.cpu(), batch_first=True, enforce_sorted=False
            )
            states, _ = self.lstm(packed)
            states, _ = nn.utils.rnn.pad_packed_sequence(states, batch_first=True, total_length=t)
            return self.output(self.dropout(states))

        def loss(self, emissions: torch.Tensor, labels: torch.Tensor, mask: torch.Tensor) -> torch.Tensor:
            lengths = mask.sum(1).long()
            gold = emissions.gather(2, labels[..., None]).squeeze(-1)
            gold = (gold * mask).sum(1) + self.start[labels[:, 0]]
            gold = gold + (self.transitions[labels[:, :-1], labels[:, 1:]] * mask[:, 1:]).sum(1)
            gold = gold + self.end[labels.gather(1, (lengths - 1)[:, None]).squeeze(1)]
            alpha = self.start + emissions[:, 0]
            for step in range(1, emissions.shape[1]):
                following = (
                    torch.logsumexp(alpha[:, :, None] + self.transitions[None], dim=1) + emissions[:, step]
                )
                alpha = torch.where(mask[:, step, None] > 0, following, alpha)
            partition = torch.logsumexp(alpha + self.end, dim=1)
            return (partition - gold).sum() / mask.sum()

    def batch_of(items: list[tuple[np.ndarray, np.ndarray, np.ndarray]]) -> tuple[torch.Tensor, ...]:
        longest = max(len(t) for t, _, _ in items)
        arrays = np.zeros((3, len(items), longest), dtype=np.int64)
        mask = np.zeros((len(items), longest), dtype=np.float32)
        for row, (types, gazetteer, labels) in enumerate(items):
            arrays[:, row, : len(types)] = (types, gazetteer, labels)
            mask[row, : len(types)] = 1
        lengths = torch.tensor([len(t) for t, _, _ in items])
        tensors = [torch.tensor(a, device=device) for a in arrays]
        return (*tensors, torch.tensor(mask, device=device), lengths)

    model = Tagger().to(device)
    with torch.no_grad():
        model.char_embedding.weight[0].zero_()
    optimizer = torch.optim.Adam(
        model.parameters(), lr=config["lr"], weight_decay=config.get("weight_decay", 0)
    )

    def predict(items: list[tuple[np.ndarray, np.ndarray, np.ndarray]]) -> list[list[int]]:
        model.eval()
        out: list[list[int]] = []
        order = sorted(range(len(items)), key=lambda i: len(items[i][0]))
        by_index: dict[int, list[int]] = {}
        transitions = model.transitions.detach().cpu().numpy()
        start, end = model.start.detach().cpu().numpy(), model.end.detach().cpu().numpy()
        with torch.no_grad():
            for first in range(0, len(order), 256):
                chosen = order[first : first + 256]
                types, gazetteer, _, _, lengths = batch_of([items[i] for i in chosen])
                emissions = model.emissions(types, gazetteer, lengths).cpu().numpy()
                for row, i in enumerate(chosen):
                    by_index[i] = viterbi(emissions[row, : len(items[i][0])], transitions, start, end)
        out = [by_index[i] for i in range(len(items))]
        model.train()
        return out

    gold = {name: [labels.tolist() for _, _, labels in items] for name, items in sets.items()}
    best: dict[str, Any] = {"dev": -1.0}
    history = []
    started = time.time()
    for epoch in range(config["epochs"]):
        # Batches of sentences of similar length (less padding), in random order.
        order = sorted(range(len(training)), key=lambda i: len(training[i][0]) + rng.uniform(0, 8))
        batches = [order[i : i + config["batch"]] for i in range(0, len(order), config["batch"])]
        rng.shuffle(batches)
        total = 0.0
        for chosen in batches:
            types, gazetteer, labels, mask, lengths = batch_of([training[i] for i in chosen])
            loss = model.loss(model.emissions(types, gazetteer, lengths), labels, mask)
            optimizer.zero_grad()
            loss.backward()
            nn.utils.clip_grad_norm_(model.parameters(), 5.0)
            optimizer.step()
            total += float(loss.detach())
        scores = {name: f1_score(gold[name], predict(sets[name])) for name in ("dev", "test")}
        history.append({"epoch": epoch + 1, "loss": total / len(batches), **scores})
        log(
            f"{out.name} epoch {epoch + 1}: loss {total / len(batches):.3f} dev {100 * scores['dev']:.1f} "
            f"test {100 * scores['test']:.1f} ({time.time() - started:.0f}s)"
        )
        if scores["dev"] > best["dev"]:
            best = {
                "epoch": epoch + 1,
                **scores,
                "state": {k: v.detach().cpu().clone() for k, v in model.state_dict().items()},
            }
        if time.time() - started > config.get("max_seconds", 1e9):
            log(f"{out.name}: stopped after {epoch + 1} epochs, out of time")
            break
    model.load_state_dict(best.pop("state"))
    best["aqmar"] = f1_score(gold["aqmar"], predict(sets["aqmar"]))
    state = {k: v.detach().cpu().numpy() for k, v in model.state_dict().items()}
    # Emissions of the first test sentences, for ``export`` to check the numpy forward pass against.
    model.eval()
    with torch.no_grad():
        types, gazetteer, _, _, lengths = batch_of(sets["test"][:CHECK_SENTENCES])
        check = model.emissions(types, gazetteer, lengths).cpu().numpy()
    encoder: dict[str, np.ndarray] = {}
    if config["encoder"] == "cnn":
        encoder["project_weight"] = state["project.weight"]
        encoder["project_bias"] = state["project.bias"]
        encoder["dilations"] = np.array(config["dilations"], dtype=np.float32)
        for k in range(len(config["dilations"])):
            encoder[f"conv_weight_{k}"] = state[f"convs.{k}.weight"]
            encoder[f"conv_bias_{k}"] = state[f"convs.{k}.bias"]
    else:
        encoder = {
            "lstm_weight_ih_forward": state["lstm.weight_ih_l0"],
            "lstm_weight_hh_forward": state["lstm.weight_hh_l0"],
            "lstm_bias_forward": state["lstm.bias_ih_l0"] + state["lstm.bias_hh_l0"],
            "lstm_weight_ih_backward": state["lstm.weight_ih_l0_reverse"],
            "lstm_weight_hh_backward": state["lstm.weight_hh_l0_reverse"],
            "lstm_bias_backward": state["lstm.bias_ih_l0_reverse"] + state["lstm.bias_hh_l0_reverse"],
        }
    weights = {
        **encoder,
        "char_embedding": state["char_embedding.weight"],
        "char_conv_weight": state["char_conv.weight"],
        "char_conv_bias": state["char_conv.bias"],
        **{f"category_embedding_{k}": state[f"categories.{k}.weight"] for k in range(len(category_sizes))},
        "gazetteer_embedding": state["gazetteer.weight"],
        "output_weight": state["output.weight"],
        "output_bias": state["output.bias"],
        "transitions": state["transitions"],
        "start": state["start"],
        "end": state["end"],
    }
    out.parent.mkdir(parents=True, exist_ok=True)
    weights["check_emissions"] = check
    np.savez(out.with_suffix(".npz"), **{k: v.astype(np.float32) for k, v in weights.items()})
    result = {"config": config, **best, "history": history}
    out.with_suffix(".json").write_text(json.dumps(result, indent=1))
    log(
        f"{out.name}: best epoch {best['epoch']} dev {100 * best['dev']:.1f} test {100 * best['test']:.1f} "
        f"aqmar {100 * best['aqmar']:.1f}"
    )
    return result


DEFAULT_CONFIG: dict[str, Any] = {
    "seed": 13,
    "hidden": 128,
    "char_dim": 32,
    "char_filters": 128,
    "category_dims": [8, 4, 4, 8, 16, 16],
    "gazetteer_dim": 8,
    "dropout": 0.35,
    "word_dropout": 0.05,
    "lr": 0.002,
    "batch": 16,
    "epochs": 30,
    "extra_aqmar": False,
    "encoder": "lstm",
    "channels": 128,
    "dilations": [1, 2, 4],
}


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    commands = parser.add_subparsers(dest="command", required=True)
    prep = commands.add_parser("prepare")
    prep.add_argument("--bundle", type=Path, default=BUILD / "bundle.npz")
    run = commands.add_parser("train")
    run.add_argument("--bundle", type=Path, default=BUILD / "bundle.npz")
    run.add_argument("--out", type=Path, default=BUILD / "model")
    run.add_argument("--config", default="{}", help="JSON overrides of DEFAULT_CONFIG")
    grid = commands.add_parser("grid", help="train JSON configurations (one per line of a file) in parallel")
    grid.add_argument("configs", type=Path)
    grid.add_argument("--bundle", type=Path, default=BUILD / "bundle.npz")
    grid.add_argument("--out", type=Path, default=BUILD / "grid")
    exp = commands.add_parser("export")
    exp.add_argument("weights", type=Path)
    exp.add_argument("--output", type=Path, default=None)
    args = parser.parse_args()
    if args.command == "prepare":
        prepare(args.bundle)
    elif args.command == "train":
        train({**DEFAULT_CONFIG, **json.loads(args.config)}, args.bundle, args.out)
    elif args.command == "grid":
        processes = []
        for n, line in enumerate(args.configs.read_text().splitlines()):
            if line.strip():
                name = args.out / f"run{n}"
                command = [
                    sys.executable,
                    __file__,
                    "train",
                    "--bundle",
                    str(args.bundle),
                    "--out",
                    str(name),
                ]
                processes.append(subprocess.Popen([*command, "--config", line]))
        for process in processes:
            process.wait()
    else:
        export(args.weights, args.output)


def export(weights_path: Path, output: Path | None) -> None:
    """Write the shipped model: trained weights + all word vectors + characters + lexicon."""
    sys.path.insert(0, str(REPO))
    from rasd.entities.ner import CRF_MODEL_PATH, MODEL_PATH, NerModel, save_neural_model

    lexicon = NerModel.load(CRF_MODEL_PATH).lexicon
    bundle = np.load(BUILD / "bundle.npz")
    vectors = np.load(REPO / "build" / "ner" / "vectors.npz")
    weights = dict(np.load(weights_path))
    path = output or MODEL_PATH
    save_neural_model(
        path,
        labels=list(LABELS),
        weights=weights,
        words=vectors["words"].tolist(),
        vectors=vectors["vectors"],
        chars=bundle["char_list"].tolist(),
        lexicon=lexicon,
    )
    log(f"wrote {path} ({path.stat().st_size / 1e6:.1f} MB)")
    from rasd.corpora import shared_dir
    from rasd.entities.evaluate import read_conll

    shared = shared_dir()
    assert shared is not None
    test = read_conll(shared / "data" / "ner" / "anercorp_original" / "ANERcorp_camel_rebuilt_test.txt")
    model = NerModel.load(path)
    numpy_scores = model.scorer.emissions([s.tokens for s in test[:CHECK_SENTENCES]])
    torch_scores = weights["check_emissions"]
    inside = (
        np.arange(torch_scores.shape[1])[None, :]
        < np.array([len(s.tokens) for s in test[:CHECK_SENTENCES]])[:, None]
    )
    gap = float(np.abs(numpy_scores - torch_scores)[inside].max())
    log(f"numpy and torch emissions of {CHECK_SENTENCES} test sentences differ by at most {gap:.2e}")
    if gap > 1e-2:
        sys.exit("the numpy forward pass does not reproduce the torch one")


if __name__ == "__main__":
    main()
