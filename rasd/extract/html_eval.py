"""Scores HTML extraction against the gold of ``../shared/data/news/html_pages``, beside bare trafilatura.

Gold comes in the layouts of the projects the pages were taken from: newspaper's ``.txt``/``.json``,
fundus's ``.expected.json``, trafilatura's ``.gold.json`` (title and must/must-not snippets), htmldate's
``index.json`` (publication dates) and the ANT crawler's ``<DOC>`` files (Jawhara FM). Titles count as exact
when equal after folding whitespace and NFC; text is scored by token-level F1 (word tokens, bag of words).
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import trafilatura
from trafilatura.settings import Document as TrafilaturaResult

from rasd.evaluation import EvalReport
from rasd.extract.html import extract_html, find_publication_date
from rasd.ingest.html import html_document

_WORD = re.compile(r"\w+")


@dataclass(slots=True)
class GoldPage:
    """One saved page and what its gold says about it (None: the gold is silent)."""

    path: Path
    collection: str
    url: str | None = None
    title: str | None = None
    date: str | None = None
    text: str | None = None
    # Publication dates of the other gold sets (the crawler's or the parser's), scored apart from htmldate's.
    other_date: str | None = None
    must_contain: list[str] = field(default_factory=list)
    must_not_contain: list[str] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class PageResult:
    title: str | None
    date: str | None
    text: str


def token_f1(predicted: str, gold: str) -> float:
    """Bag-of-words F1 between two texts over word tokens (``\\w+``)."""
    guess = Counter(_WORD.findall(unicodedata.normalize("NFC", predicted)))
    truth = Counter(_WORD.findall(unicodedata.normalize("NFC", gold)))
    common = sum((guess & truth).values())
    if not common:
        return 0.0
    precision, recall = common / sum(guess.values()), common / sum(truth.values())
    return 2 * precision * recall / (precision + recall)


def _fold(text: str | None) -> str:
    """Whitespace folded and Unicode canonical order (NFC): equal titles compare equal."""
    return " ".join(unicodedata.normalize("NFC", text or "").split())


def load_gold(pages_dir: Path) -> list[GoldPage]:
    """Every page of ``pages_dir`` that has gold, in a stable order."""
    return sorted(_iter_gold(pages_dir), key=lambda page: str(page.path))


def _iter_gold(pages_dir: Path) -> Iterator[GoldPage]:
    for doc in sorted((pages_dir / "ant_rsscrawler_jawharafm").glob("*.txt")):
        raw = doc.read_text(encoding="utf-8")

        def tag(name: str, raw: str = raw) -> str | None:
            match = re.search(rf"<{name}>(.*?)</{name}>", raw, re.S)
            return match.group(1).strip() if match else None

        yield GoldPage(
            doc.with_suffix(".html"),
            "jawharafm",
            tag("URL"),
            tag("TITLE"),
            None,
            tag("TEXT"),
            _day(tag("TIME")),
        )
    for expected in sorted((pages_dir / "fundus_tests").glob("*.expected.json")):
        gold = json.loads(expected.read_text(encoding="utf-8"))["V1"]
        meta = json.loads((expected.parent / "meta.info").read_text(encoding="utf-8"))
        urls = {name.lower().removesuffix(".gz"): info["url"] for name, info in meta.items()}
        html = expected.with_name(expected.name.removesuffix(".expected.json") + ".html")
        paragraphs = [p for section in gold["body"]["sections"] for p in section["paragraphs"]]
        published = (gold.get("publishing_date") or "")[:10] or None
        yield GoldPage(
            html, "fundus", urls.get(html.name.lower()), gold["title"], None, "\n".join(paragraphs), published
        )
    for gold_json in sorted((pages_dir / "newspaper_tests").glob("*.json")):
        gold = json.loads(gold_json.read_text(encoding="utf-8"))
        text = gold_json.with_suffix(".txt").read_text(encoding="utf-8")
        yield GoldPage(
            gold_json.with_suffix(".html"), "newspaper", gold.get("url"), gold.get("title"), None, text
        )
    for gold_json in sorted((pages_dir / "trafilatura_eval").glob("*.gold.json")):
        for url, gold in json.loads(gold_json.read_text(encoding="utf-8")).items():
            yield GoldPage(
                gold_json.parent / gold["file"],
                "trafilatura",
                url,
                gold.get("title") or None,
                gold.get("date") or None,
                must_contain=list(gold.get("with", [])),
                must_not_contain=list(gold.get("without", [])),
            )
    index = pages_dir / "htmldate_test_set" / "index.json"
    if index.exists():
        for item in json.loads(index.read_text(encoding="utf-8")):
            yield GoldPage(index.parent / item["file"], "htmldate", item["url"], date=item["gold_date"])


def _day(stamp: str | None) -> str | None:
    """``YYYY-MM-DD`` of an ISO time or of a ``DD/MM/YYYY`` date (the crawler wrote both)."""
    if not stamp:
        return None
    numeric = re.fullmatch(r"(\d{2})/(\d{2})/(\d{4})", stamp.strip())
    return f"{numeric[3]}-{numeric[2]}-{numeric[1]}" if numeric else stamp[:10]


def run_rasd(page: GoldPage) -> PageResult:
    document = html_document(page.path.read_bytes(), str(page.path), url=page.url)
    articles = extract_html(document)
    if not articles:
        return PageResult(None, None, "")
    article = articles[0]
    return PageResult(article.title, (article.published or "")[:10] or None, article.text)


def run_trafilatura(page: GoldPage) -> PageResult:
    """trafilatura 2.x alone, as its documentation shows: ``bare_extraction`` with metadata."""
    document = html_document(page.path.read_bytes(), str(page.path), url=page.url)
    result = trafilatura.bare_extraction(
        document.text, url=page.url, with_metadata=True, include_comments=False
    )
    if not isinstance(result, TrafilaturaResult):
        return PageResult(None, None, "")
    return PageResult(result.title, result.date, result.text or "")


def run_htmldate(page: GoldPage) -> PageResult:
    document = html_document(page.path.read_bytes(), str(page.path), url=page.url)
    return PageResult(None, find_publication_date(document.text, page.url), "")


def score(pages: list[GoldPage], system: Callable[[GoldPage], PageResult]) -> dict[str, float]:
    """Title exact match, date accuracy, mean text F1 and snippet accuracy of one system."""
    titles = dates = other_dates = snippets = 0
    title_hits = date_hits = other_date_hits = snippet_hits = 0.0
    f1s: list[float] = []
    by_collection: dict[str, list[float]] = {}
    for page in pages:
        result = system(page)
        if page.title is not None:
            titles += 1
            title_hits += _fold(result.title) == _fold(page.title)
        if page.date is not None:
            dates += 1
            date_hits += result.date == page.date
        if page.other_date is not None:
            other_dates += 1
            other_date_hits += result.date == page.other_date
        if page.text is not None:
            f1 = token_f1(result.text, page.text)
            f1s.append(f1)
            by_collection.setdefault(page.collection, []).append(f1)
        for snippet in page.must_contain:
            snippets += 1
            snippet_hits += snippet in result.text
        for snippet in page.must_not_contain:
            snippets += 1
            snippet_hits += snippet not in result.text
    metrics = {
        "title_exact": title_hits / titles if titles else 0.0,
        "date_accuracy": date_hits / dates if dates else 0.0,
        "other_date_accuracy": other_date_hits / other_dates if other_dates else 0.0,
        "text_f1": sum(f1s) / len(f1s) if f1s else 0.0,
        "snippet_accuracy": snippet_hits / snippets if snippets else 0.0,
    }
    for collection, values in by_collection.items():
        metrics[f"text_f1_{collection}"] = sum(values) / len(values)
    return metrics


def evaluate_html(pages_dir: Path, *, baselines: bool = True) -> EvalReport:
    """Rasd's HTML extraction on the gold pages of ``pages_dir``, with trafilatura and htmldate alone beside it.

    ``metrics``: ``title_exact`` (share of gold titles matched, whitespace folded), ``date_accuracy`` (share
    of htmldate's gold dates matched to the day), ``other_date_accuracy`` (the Jawhara FM crawler's and
    fundus's dates), ``text_f1`` (mean token F1 over pages with gold text), per-collection
    ``text_f1_*`` and ``snippet_accuracy`` (trafilatura's must/must-not snippets).
    """
    pages = load_gold(pages_dir)
    report = EvalReport(task="html", gold=str(pages_dir), n=len(pages), metrics=score(pages, run_rasd))
    if baselines:
        report.baselines["trafilatura"] = score(pages, run_trafilatura)
        dates = score(pages, run_htmldate)
        report.baselines["htmldate"] = {k: dates[k] for k in ("date_accuracy", "other_date_accuracy")}
    report.notes.append(
        f"{sum(p.title is not None for p in pages)} gold titles, {sum(p.date is not None for p in pages)} gold dates,"
        f" {sum(p.text is not None for p in pages)} gold texts"
    )
    return report


def evaluate(gold: Path) -> EvalReport:
    """``rasd eval html FOLDER``: the scorer convention's name for ``evaluate_html``."""
    return evaluate_html(gold)


def _per_page(pages_dir: Path) -> Iterator[tuple[GoldPage, PageResult]]:
    for page in load_gold(pages_dir):
        yield page, run_rasd(page)


if __name__ == "__main__":
    import sys

    folder = Path(sys.argv[1])
    for page, result in _per_page(folder):
        f1 = token_f1(result.text, page.text) if page.text is not None else None
        title_ok = None if page.title is None else _fold(result.title) == _fold(page.title)
        print(page.path.name, "title", title_ok, "date", result.date, page.date, "f1", f1)
    outcome = evaluate_html(folder)
    print(
        json.dumps(
            {"metrics": outcome.metrics, "baselines": outcome.baselines, "notes": outcome.notes}, indent=1
        )
    )
