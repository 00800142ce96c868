"""The report every ``rasd eval`` scorer returns, and the P/R/F1 arithmetic they share."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True, slots=True)
class PRF:
    tp: int
    fp: int
    fn: int

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def as_dict(self) -> dict[str, float]:
        return {"precision": self.precision, "recall": self.recall, "f1": self.f1}


@dataclass(slots=True)
class EvalReport:
    """Scores of one stage against one gold file.

    ``metrics`` holds the headline figures (e.g. ``f1``, ``value_accuracy``); ``by_type`` the same per type
    or per field; ``baselines`` the same metrics for a reference system measured on the same gold.
    """

    task: str
    gold: str
    n: int
    metrics: dict[str, float]
    by_type: dict[str, dict[str, float]] = field(default_factory=dict)
    baselines: dict[str, dict[str, float]] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)
