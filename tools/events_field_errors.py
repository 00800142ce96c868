"""Print the wrong fields of matched event pairs (gold vs system), with the gold's sentence, grouped by cause.

Usage::

    .venv/bin/python tools/events_field_errors.py [GOLD] [--field modality] [--half dev|confirm|all]
        [--events-only] [--summary]

The gold articles split into two halves by a hash of their key (``dev``: even, ``confirm``: odd), so that a
rule found on one half can be confirmed on the other. ``--summary`` prints only the per-field accuracy of the
chosen half. Reads the article text from ``../shared`` through ``rasd.corpora``.
"""

from __future__ import annotations

import argparse
import hashlib
import re
from collections import defaultdict
from pathlib import Path
from typing import Any

from rasd.events import extract as _extract
from rasd.events.evaluate import (
    FIELDS,
    GoldArticle,
    _articles,
    _field_correct,
    _gold_field,
    _pred_field,
    _predict,
    _predict_events_only,
    match_events,
    read_gold,
)
from rasd.model import Event

GOLD = Path(__file__).resolve().parent.parent / "tests" / "eval" / "gold" / "events_gold.jsonl"


def half_of(key: str) -> str:
    """``dev`` or ``confirm``: a stable split of the gold articles by the hash of their key."""
    return "dev" if hashlib.sha1(key.encode()).digest()[0] % 2 == 0 else "confirm"


_MENTIONS: dict[str, list[str]] = {}


def _trace_mentions() -> None:
    """Keep, for every record, the modality, actors and fatalities each of its mentions had before merging."""
    merge, records = _extract._merge, _extract._records
    before: dict[tuple[str, int, int], str] = {}

    def traced_merge(drafts: list[Any], *rest: Any) -> list[Any]:
        before.clear()
        for d in drafts:
            a1 = d.actor1.actor.name_en if d.actor1 else None
            a2 = d.actor2.actor.name_en if d.actor2 else None
            before[d.spans[0]] = (
                f"{d.unit}:{d.modality}:{a1}/{a2}:f{d.fatalities.count}:{','.join(d.mention.lemmas[:2])}"
            )
        return merge(drafts, *rest)

    def traced_records(drafts: list[Any], article: Any, min_confidence: float, *rest: Any) -> list[Event]:
        events = records(drafts, article, min_confidence, *rest)
        for event in events:
            _MENTIONS[event.id] = []
        kept = [d for d in drafts if round(min(d.confidence, 0.99), 2) >= min_confidence]
        for event, draft in zip(events, kept, strict=False):
            _MENTIONS[event.id] = [before.get(span, "?") for span in draft.spans]
        return events

    setattr(_extract, "_merge", traced_merge)  # noqa: B010 -- a tracing wrapper, whatever the signature
    setattr(_extract, "_records", traced_records)  # noqa: B010


def _sentence(full: str, start: int, end: int) -> str:
    left = max(full.rfind(".", 0, start), full.rfind("\n", 0, start), start - 200)
    right_candidates = [i for i in (full.find(".", end), full.find("\n", end)) if i != -1]
    right = min([*right_candidates, end + 200])
    return re.sub(r"\s+", " ", full[left + 1 : right + 1]).strip()


def _cause(name: str, gold: dict[str, Any], predicted: Event) -> str:
    g, p = _gold_field(name, gold), _pred_field(name, predicted)
    if name in ("actor1", "actor2"):
        if p is None:
            return "system none"
        return "wrong actor"
    return f"{g} -> {p}"


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("gold", nargs="?", type=Path, default=GOLD)
    parser.add_argument("--field", action="append", choices=FIELDS)
    parser.add_argument("--half", choices=("dev", "confirm", "all"), default="all")
    parser.add_argument("--events-only", action="store_true")
    parser.add_argument("--summary", action="store_true")
    parser.add_argument("--mentions", action="store_true", help="show each merged mention's fields")
    args = parser.parse_args()
    if args.mentions:
        _trace_mentions()
    fields = args.field or [f for f in FIELDS if f not in ("plover", "admin1", "date")]
    predict = _predict_events_only if args.events_only else _predict
    records: list[GoldArticle] = [
        r for r in read_gold(args.gold) if args.half == "all" or half_of(r.key) == args.half
    ]
    groups: dict[tuple[str, str], list[str]] = defaultdict(list)
    tally: dict[str, list[int]] = {name: [0, 0] for name in FIELDS}
    for record, article in _articles(records):
        full = (article.title or "") + "\n\n" + article.text
        predicted = predict(article)
        for g, p in match_events(record.events, predicted, article.title or "", strict=False):
            for name in FIELDS:
                correct = _field_correct(name, g, p)
                if correct is None:
                    continue
                tally[name][0] += int(correct)
                tally[name][1] += 1
                if correct or name not in fields:
                    continue
                span: dict[str, Any] = (
                    g["evidence"][0] if g.get("evidence") else {"start": 0, "end": 0, "text": ""}
                )
                gold_value, got = _gold_field(name, g), _pred_field(name, p)
                if name in ("actor1", "actor2"):
                    gold_value = f"{gold_value} «{(g.get(name) or {}).get('text')}»"
                    actor = getattr(p, name)
                    got = f"{got} «{actor.name_ar if actor else ''}»"
                extra = f" [{p.plover}/{p.plover_mode} fat_text={p.fatalities_text!r}]"
                if args.mentions:
                    extra += "\n    mentions: " + " | ".join(_MENTIONS.get(p.id, []))
                groups[(name, _cause(name, g, p))].append(
                    f"  {record.key} gold={gold_value} got={got}{extra}\n"
                    f"    «{span['text']}» :: {_sentence(full, span['start'], span['end'])}"
                )
    if not args.summary:
        for (name, cause), lines in sorted(groups.items(), key=lambda kv: (kv[0][0], -len(kv[1]))):
            print(f"== {name}: {cause} ({len(lines)})")
            print("\n".join(lines))
    for name, (right, total) in tally.items():
        print(f"{name:12s} {right / total if total else 0:.3f} ({right}/{total})  half={args.half}")


if __name__ == "__main__":
    main()
