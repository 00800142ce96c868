"""Scoring of the NER model against CoNLL ``token TAG`` files (conlleval-style exact span match).

A gold file has one ``token TAG`` per line and a blank line between sentences. Tags may use ANERcorp's
names (``B-PERS``) or AQMAR's (``B-PER``, ``B-MIS1``): both map to the model's PER/ORG/LOC/MISC, and
malformed tags (``OO``, ``I--ORG``) are read leniently.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TextIO

from rasd.evaluation import PRF, EvalReport

ENTITY_TYPES = ("PER", "ORG", "LOC", "MISC")
# Sentences either side of a sentence that count as its document when a file has no document breaks.
DOCUMENT_WINDOW = 20
_TYPE_ALIASES = {"PERS": "PER", "PER": "PER", "ORG": "ORG", "LOC": "LOC", "MISC": "MISC", "MIS": "MISC"}
_TAG = re.compile(r"^([BI])-+([A-Za-z]+?)[-\d`]*$")


@dataclass(frozen=True, slots=True)
class Sentence:
    tokens: list[str]
    tags: list[str]


def canonical_tag(tag: str) -> str:
    """A gold tag in the model's scheme: ``B-PERS`` -> ``B-PER``, ``I-MIS2`` -> ``I-MISC``, junk -> ``O``."""
    match = _TAG.match(tag.strip())
    if not match:
        return "O"
    kind = _TYPE_ALIASES.get(match.group(2).upper())
    if kind is None and match.group(2).upper().startswith("MIS"):
        kind = "MISC"
    return f"{match.group(1)}-{kind}" if kind else "O"


def read_conll(path: Path) -> list[Sentence]:
    """Sentences of a CoNLL ``token TAG`` file, tags mapped by ``canonical_tag``."""
    sentences: list[Sentence] = []
    tokens: list[str] = []
    tags: list[str] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        parts = line.split()
        if not parts:
            if tokens:
                sentences.append(Sentence(tokens, tags))
                tokens, tags = [], []
            continue
        tokens.append(parts[0])
        tags.append(canonical_tag(parts[-1]) if len(parts) > 1 else "O")
    if tokens:
        sentences.append(Sentence(tokens, tags))
    return sentences


def spans(tags: Sequence[str]) -> set[tuple[int, int, str]]:
    """Entity spans ``(start, end, type)`` of a BIO sequence; an ``I-`` without its ``B-`` opens a span."""
    found: set[tuple[int, int, str]] = set()
    start, kind = -1, ""
    for i, tag in enumerate([*tags, "O"]):
        prefix, _, tag_kind = tag.partition("-")
        continues = prefix == "I" and tag_kind == kind and start >= 0
        if start >= 0 and not continues:
            found.add((start, i, kind))
            start, kind = -1, ""
        if prefix in ("B", "I") and not continues:
            start, kind = i, tag_kind
    return found


def score(gold: Sequence[Sequence[str]], predicted: Sequence[Sequence[str]]) -> dict[str, PRF]:
    """Exact-match span counts overall (key ``all``) and per entity type."""
    counts = {kind: [0, 0, 0] for kind in ("all", *ENTITY_TYPES)}
    for gold_tags, predicted_tags in zip(gold, predicted, strict=True):
        gold_spans, predicted_spans = spans(gold_tags), spans(predicted_tags)
        for span in predicted_spans:
            hit = span in gold_spans
            for key in ("all", span[2]):
                counts.setdefault(key, [0, 0, 0])[0 if hit else 1] += 1
        for span in gold_spans - predicted_spans:
            for key in ("all", span[2]):
                counts.setdefault(key, [0, 0, 0])[2] += 1
    return {key: PRF(tp, fp, fn) for key, (tp, fp, fn) in counts.items()}


def evaluate(gold: Path) -> EvalReport:
    """Tag the sentences of a CoNLL file with the shipped model and score its spans against the gold ones.

    Prints precision, recall and F1 overall and per type (to stderr); returns them in an ``EvalReport``
    (``metrics``: precision/recall/f1 in 0..1; ``by_type``: the same for PER, ORG, LOC, MISC).
    """
    from rasd.entities.ner import NerModel

    sentences = read_conll(gold)
    model = NerModel.load()
    # A CoNLL file runs its documents together: names are made consistent over nearby sentences only.
    predicted = model.tag_document([s.tokens for s in sentences], window=DOCUMENT_WINDOW)
    counts = score([s.tags for s in sentences], predicted)
    report = EvalReport(
        task="ner",
        gold=str(gold),
        n=sum(len(s.tokens) for s in sentences),
        metrics=counts["all"].as_dict(),
        by_type={kind: counts[kind].as_dict() for kind in ENTITY_TYPES if kind in counts},
    )
    print_report(report, counts, sys.stderr)
    return report


def print_report(report: EvalReport, counts: dict[str, PRF], out: TextIO) -> None:
    """A conlleval-like table: one line overall, one per type, figures in percent."""
    write = out.write
    write(f"{report.gold}: {report.n} tokens\n")
    for kind in ("all", *ENTITY_TYPES):
        if kind not in counts:
            continue
        prf = counts[kind]
        write(
            f"{kind:>5}  P {100 * prf.precision:5.1f}  R {100 * prf.recall:5.1f}  F1 {100 * prf.f1:5.1f}"
            f"  (gold {prf.tp + prf.fn}, predicted {prf.tp + prf.fp})\n"
        )
