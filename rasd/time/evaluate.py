"""Scoring of temporal expressions against a gold file (``tests/eval/gold/time_gold.jsonl``).

The gold annotates *scopes* (passages of corpus articles, by key and offsets) in which every temporal
expression is marked with its value; see docs/formats.md, "Time gold". Detection is scored inside the scopes:
exact-span P/R/F1 (the headline) and overlap P/R/F1 (any shared character, one to one). Value accuracy is
over the gold expressions that were detected (overlap), so that it measures resolution, not detection.
``dateparser.search.search_dates`` alone is scored on the same passages as ``baselines["dateparser"]``.
"""

from __future__ import annotations

import json
import warnings
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

from rasd.corpora import find_article
from rasd.errors import InputError
from rasd.evaluation import PRF, EvalReport
from rasd.time.detect import detect
from rasd.time.resolve import resolve

# Outlets that stamp UTC (ANT's Sky News Arabia, BBC, France 24) publish for readers at UTC+3.
_NEWSROOM = timezone(timedelta(hours=3))


@dataclass(frozen=True, slots=True)
class Found:
    """A predicted or gold expression inside a scope."""

    start: int
    end: int
    value: str | None
    form: str


@dataclass(slots=True)
class _Scope:
    key: str
    start: int
    end: int
    reference: datetime
    split: str = "dev"


def reference_time(published: str) -> datetime:
    """The naive local publication time a gold record or a corpus article gives (UTC read as UTC+3)."""
    stamp = datetime.fromisoformat(published)
    if stamp.tzinfo is not None:
        if stamp.utcoffset() == timedelta(0):
            stamp = stamp.astimezone(_NEWSROOM)
        stamp = stamp.replace(tzinfo=None)
    return stamp


def _gold_form(form: str, value: str | None) -> str:
    return form


def _predicted_form(form: str, value: str | None, precision: str | None) -> str:
    """The gold's form names for a detector branch (date splits into date and month, span into ago/duration)."""
    if form in {"date", "monthday", "dayfirst"}:
        return "date" if precision == "day" else "month"
    if form == "span":
        return "duration" if precision == "duration" else "ago"
    if form in {"period", "duration"}:
        return "duration"
    if form == "hijri_year":
        return "hijri"
    return form


def rasd_system(text: str, reference: datetime) -> list[Found]:
    """Rasd's expressions of ``text`` with the gold's form names."""
    found = []
    for mention in detect(text):
        value, precision = resolve(mention, reference)
        found.append(
            Found(mention.start, mention.end, value, _predicted_form(mention.form, value, precision))
        )
    return found


def dateparser_system(text: str, reference: datetime) -> list[Found]:
    """``dateparser.search.search_dates`` alone (languages=['ar'], RELATIVE_BASE=reference), as day values."""
    from dateparser.search import search_dates

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        results = search_dates(text, languages=["ar"], settings={"RELATIVE_BASE": reference}) or []
    found, cursor = [], 0
    for substring, moment in results:
        at = text.find(substring, cursor)
        if at == -1:
            at = text.find(substring)
        if at == -1:
            continue
        cursor = at + len(substring)
        found.append(Found(at, at + len(substring), moment.date().isoformat(), "dateparser"))
    return found


def _value_matches(gold: str | None, predicted: str | None, day_only: bool) -> bool:
    """Exact equality; for a day-only system, a day inside the gold's month, year or week counts."""
    if gold is None or predicted is None:
        return gold == predicted
    if not day_only or gold == predicted:
        return gold == predicted
    if gold.startswith("P"):
        return False
    if "-W" in gold:
        iso = date.fromisoformat(predicted).isocalendar()
        return f"{iso[0]:04d}-W{iso[1]:02d}" == gold
    if len(gold) == 3:  # a decade
        return predicted.startswith(gold)
    return predicted.startswith(gold)


def _overlaps(a: Found, b: Found) -> bool:
    return a.start < b.end and b.start < a.end


def _read_gold(path: Path) -> tuple[list[_Scope], dict[str, list[Found]], int]:
    scopes: list[_Scope] = []
    gold: dict[str, list[Found]] = defaultdict(list)
    not_timex = 0
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as error:
            raise InputError(f"{path}:{number}: not JSON ({error.msg})") from None
        kind = record.get("kind")
        if kind == "scope":
            scopes.append(
                _Scope(
                    record["key"],
                    record["start"],
                    record["end"],
                    reference_time(record["reference"]),
                    record.get("split", "dev"),
                )
            )
        elif kind == "timex":
            form = _gold_form(record["form"], record["value"])
            gold[record["key"]].append(Found(record["start"], record["end"], record["value"], form))
        elif kind == "not_timex":
            not_timex += 1
        else:
            raise InputError(f"{path}:{number}: unknown record kind {kind!r}")
    return scopes, gold, not_timex


@dataclass(slots=True)
class _Tally:
    exact: dict[str, list[int]]
    overlap: dict[str, list[int]]
    values: dict[str, list[int]]

    @classmethod
    def empty(cls) -> _Tally:
        return cls(
            defaultdict(lambda: [0, 0, 0]), defaultdict(lambda: [0, 0, 0]), defaultdict(lambda: [0, 0])
        )


def _score(
    scopes: list[_Scope],
    gold: dict[str, list[Found]],
    system: Callable[[str, datetime], list[Found]],
    day_only: bool,
) -> tuple[_Tally, int]:
    tally = _Tally.empty()
    missing = 0
    for scope in scopes:
        article = find_article(scope.key)
        if article is None:
            missing += 1
            continue
        text = article.text[scope.start : scope.end]
        predicted = [
            Found(f.start + scope.start, f.end + scope.start, f.value, f.form)
            for f in system(text, scope.reference)
        ]
        expected = [g for g in gold.get(scope.key, []) if scope.start <= g.start and g.end <= scope.end]
        _tally_scope(tally, expected, predicted, day_only, f"split:{scope.split}")
    return tally, missing


def _tally_scope(
    tally: _Tally, expected: list[Found], predicted: list[Found], day_only: bool, split: str
) -> None:
    for matches, counts in ((_exact_pairs, tally.exact), (_overlap_pairs, tally.overlap)):
        pairs = matches(expected, predicted)
        matched_gold = {id(g) for g, _ in pairs}
        matched_pred = {id(p) for _, p in pairs}
        for g, _ in pairs:
            for form in (g.form, "all", split):
                counts[form][0] += 1
        for g in expected:
            if id(g) not in matched_gold:
                for form in (g.form, "all", split):
                    counts[form][2] += 1
        for p in predicted:
            if id(p) not in matched_pred:
                for form in (p.form if p.form != "dateparser" else "other", "all", split):
                    counts[form][1] += 1
    for g, p in _overlap_pairs(expected, predicted):
        right = _value_matches(g.value, p.value, day_only)
        for form in (g.form, "all", split):
            tally.values[form][0] += int(right)
            tally.values[form][1] += 1


def _exact_pairs(expected: list[Found], predicted: list[Found]) -> list[tuple[Found, Found]]:
    by_span = {(p.start, p.end): p for p in predicted}
    return [(g, by_span[(g.start, g.end)]) for g in expected if (g.start, g.end) in by_span]


def _overlap_pairs(expected: list[Found], predicted: list[Found]) -> list[tuple[Found, Found]]:
    pairs, used = [], set()
    for g in expected:
        for p in predicted:
            if id(p) not in used and _overlaps(g, p):
                pairs.append((g, p))
                used.add(id(p))
                break
    return pairs


def _metrics(tally: _Tally, form: str) -> dict[str, float]:
    exact = PRF(*tally.exact[form])
    overlap = PRF(*tally.overlap[form])
    right, seen = tally.values[form]
    return {
        "precision": exact.precision,
        "recall": exact.recall,
        "f1": exact.f1,
        "f1_overlap": overlap.f1,
        "precision_overlap": overlap.precision,
        "recall_overlap": overlap.recall,
        "value_accuracy": right / seen if seen else 0.0,
        "n": float(exact.tp + exact.fn),
    }


def evaluate(gold: Path, baselines: Iterable[str] = ("dateparser",)) -> EvalReport:
    """Detection (exact-span and overlap P/R/F1) and value accuracy of ``rasd.time`` on ``gold``.

    ``metrics`` holds the overall figures, ``by_type`` the same per gold form (date, month, weekday, deictic,
    relative, ago, duration, year, decade, hijri, numeric) and per split (``split:dev``, the passages the
    rules were developed on; ``split:test``, passages annotated before the system ever ran on them),
    ``baselines["dateparser"]`` dateparser alone.
    """
    scopes, expected, not_timex = _read_gold(gold)
    tally, missing = _score(scopes, expected, rasd_system, day_only=False)
    n = sum(len(v) for v in expected.values())
    forms = sorted({f for f in tally.exact if f != "all"} | {f for f in tally.values if f != "all"})
    report = EvalReport(
        task="time",
        gold=str(gold),
        n=n,
        metrics=_metrics(tally, "all"),
        by_type={form: _metrics(tally, form) for form in forms},
    )
    if "dateparser" in baselines:
        dp_tally, _ = _score(scopes, expected, dateparser_system, day_only=True)
        report.baselines["dateparser"] = _metrics(dp_tally, "all")
        for form in forms:
            if form in dp_tally.exact or form in dp_tally.values:
                report.baselines[f"dateparser:{form}"] = _metrics(dp_tally, form)
    report.notes.append(
        f"{len(scopes)} scopes, {n} expressions, {not_timex} marked look-alikes; "
        "f1 is exact-span, f1_overlap counts any shared character; value_accuracy is over gold expressions "
        "detected (overlap). dateparser returns days only: its value counts when the day lies in the gold's "
        "period."
    )
    if missing:
        report.notes.append(f"{missing} scopes skipped: their articles are not in ../shared/data/news")
    return report


def format_report(report: EvalReport) -> str:
    """The report as aligned text lines: overall, per form, and the dateparser baseline side by side.

    dateparser's look-alikes have no form, so per form it shows recall (exact / overlap), not F1.
    """
    lines = [f"time  gold={report.gold}  n={report.n}"]
    lines.append(
        f"{'form':<11} {'n':>4}  {'P':>5} {'R':>5} {'F1':>5} {'F1ov':>5} {'value':>5}"
        "   dateparser F1 / F1ov / value (per form: R / Rov / value)"
    )
    rows = [("all", report.metrics), *sorted(report.by_type.items())]
    for form, m in rows:
        base = report.baselines.get("dateparser" if form == "all" else f"dateparser:{form}")
        side = "-"
        if base and (form == "all" or form.startswith("split:")):
            side = f"{base['f1']:.3f} / {base['f1_overlap']:.3f} / {base['value_accuracy']:.3f}"
        elif base:
            side = f"{base['recall']:.3f} / {base['recall_overlap']:.3f} / {base['value_accuracy']:.3f}"
        lines.append(
            f"{form:<11} {int(m['n']):>4}  {m['precision']:.3f} {m['recall']:.3f} {m['f1']:.3f} "
            f"{m['f1_overlap']:.3f} {m['value_accuracy']:.3f}   {side}"
        )
    lines.extend(report.notes)
    return "\n".join(lines)


__all__ = ["dateparser_system", "evaluate", "format_report", "rasd_system", "reference_time"]
