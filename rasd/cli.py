"""The ``rasd`` command line (names fixed by DESIGN.md). Errors: one line on stderr, non-zero exit."""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Iterator
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from rasd.errors import InputError, RasdError
from rasd.ingest import ReadResult, expand_sources, read_sources
from rasd.ingest.base import DEFAULT_MAX_BYTES, ReadOptions
from rasd.model import AnnotatedArticle, Document

# One BLAS thread per process, unless the caller says otherwise (set before numpy loads, which the commands
# import lazily): the NER's matrices are small, and OpenBLAS threads spinning on a shared 2-core machine
# took the entity stage from 33 to 290 ms of CPU an article (measured); ``--workers`` uses the cores instead.
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

app = typer.Typer(
    name="rasd",
    help="Rasd (رصد): Arabic news → a geolocated, bilingual database of political and conflict events.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
out = Console(soft_wrap=True)
err = Console(stderr=True, soft_wrap=True)
_state = {"debug": False}

DbOption = Annotated[
    str | None,
    typer.Option("--db", help="sqlite:///PATH or postgresql://… (default: $RASD_DB, else a user file)"),
]
MaxBytesOption = Annotated[
    int,
    typer.Option("--max-bytes", help="refuse inputs larger than this many bytes", envvar="RASD_MAX_BYTES"),
]
SourceOption = Annotated[str | None, typer.Option("--source", help="outlet name, when the text does not say")]
PublishedOption = Annotated[
    str | None, typer.Option("--published", help="publication time (ISO 8601) when the text does not say")
]
WorkersOption = Annotated[
    int,
    typer.Option(
        "--workers", help="processes that annotate documents (the store is written by one, in input order)"
    ),
]
JsonlOption = Annotated[
    bool,
    typer.Option("--jsonl-input", help='read one {"id","text","title"?,"published"?,"source"?} per line'),
]


class ExtractFormat(StrEnum):
    jsonl = "jsonl"
    json = "json"
    pretty = "pretty"


class ListFormat(StrEnum):
    table = "table"
    jsonl = "jsonl"


@app.callback()
def _root(debug: Annotated[bool, typer.Option("--debug", help="show tracebacks")] = False) -> None:
    _state["debug"] = debug


def _options(max_bytes: int, source: str | None, published: str | None) -> ReadOptions:
    if published is not None:
        _check_iso(published)
    return ReadOptions(max_bytes=max_bytes, source=source, published=published)


def _check_iso(value: str) -> None:
    from datetime import datetime

    try:
        datetime.fromisoformat(value)
    except ValueError as exc:
        raise InputError(f"--published {value!r} is not an ISO 8601 date or date-time") from exc


def _progress(total: int) -> Progress:
    return Progress(
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=err,
        transient=True,
        disable=total < 2 or not err.is_terminal,
    )


def _report_error(message: str) -> None:
    err.print(f"[red]error:[/red] {message}", highlight=False, markup=True)


@app.command()
def extract(
    paths: Annotated[list[str], typer.Argument(help="files, folders, globs or '-' for standard input")],
    format: Annotated[ExtractFormat, typer.Option("--format", "-f")] = ExtractFormat.jsonl,
    jsonl_input: JsonlOption = False,
    published: PublishedOption = None,
    source: SourceOption = None,
    max_bytes: MaxBytesOption = DEFAULT_MAX_BYTES,
) -> None:
    """Print the articles of the inputs with their annotations (no database)."""
    from rasd.pipeline import process

    failed = 0
    records: list[dict[str, Any]] = []
    for result in read_sources(paths, _options(max_bytes, source, published), jsonl=jsonl_input):
        annotated = _process_result(result, process)
        if annotated is None:
            failed += 1
            continue
        for item in annotated:
            if format is ExtractFormat.jsonl:
                sys.stdout.write(json.dumps(item.to_dict(), ensure_ascii=False) + "\n")
            else:
                records.append(item.to_dict())
    if format is ExtractFormat.json:
        sys.stdout.write(json.dumps(records, ensure_ascii=False) + "\n")
    elif format is ExtractFormat.pretty:
        for record in records:
            _print_pretty(record)
    if failed:
        raise typer.Exit(1)


def _process_result(result: ReadResult, process: Any) -> list[AnnotatedArticle] | None:
    if result.document is None:
        _report_error(result.error or f"{result.origin}: unreadable")
        return None
    try:
        return list(process(result.document))
    except InputError as exc:
        _report_error(str(exc))
        return None


def _print_pretty(record: dict[str, Any]) -> None:
    article = record["article"]
    out.rule(f"[bold]{article['title'] or '(untitled)'}[/bold]")
    meta = {
        k: article[k] for k in ("kind", "source", "published", "byline", "dateline", "category") if article[k]
    }
    out.print(" · ".join(f"{k}: {v}" for k, v in meta.items()), highlight=False)
    if article.get("subtitle"):
        out.print(f"[italic]{article['subtitle']}[/italic]")
    out.print(article["text"], highlight=False)
    for caption in article.get("captions") or []:
        out.print(f"[dim]caption: {caption}[/dim]", highlight=False)
    for name in ("entities", "timexes", "events"):
        if record[name]:
            out.print(f"[dim]{name}: {len(record[name])}[/dim]")


@app.command()
def ingest(
    paths: Annotated[list[str], typer.Argument(help="files, folders, globs, '-' or URLs")],
    db: DbOption = None,
    jsonl_input: JsonlOption = False,
    published: PublishedOption = None,
    source: SourceOption = None,
    max_bytes: MaxBytesOption = DEFAULT_MAX_BYTES,
    workers: WorkersOption = 1,
) -> None:
    """Read, extract, annotate and store the inputs; the same content is stored once."""
    from rasd.pipeline import ingest_documents
    from rasd.store import open_store

    options = _options(max_bytes, source, published)
    store = open_store(db)
    counts = {"added": 0, "duplicate": 0, "rejected": 0, "articles": 0}
    try:
        sources = expand_sources(paths)
        with _progress(len(sources)) as progress:
            task = progress.add_task("ingesting", total=len(sources))

            def documents() -> Iterator[Document]:
                for result in _advancing(read_sources(sources, options, jsonl=jsonl_input), progress, task):
                    if result.document is None:
                        counts["rejected"] += 1
                        _report_error(result.error or f"{result.origin}: unreadable")
                        continue
                    yield result.document

            for outcome in ingest_documents(store, documents(), workers=max(1, workers)):
                counts[outcome.status] += 1
                counts["articles"] += outcome.new_articles
                if outcome.status == "rejected":
                    _report_error(outcome.message or f"{outcome.origin}: rejected")
    finally:
        store.close()
    err.print(
        f"{counts['added']} documents added ({counts['articles']} new articles), "
        f"{counts['duplicate']} already stored, {counts['rejected']} failed",
        highlight=False,
    )
    if counts["rejected"]:
        raise typer.Exit(1)


def _advancing(results: Iterator[ReadResult], progress: Progress, task: Any) -> Iterator[ReadResult]:
    for result in results:
        yield result
        progress.advance(task)


@app.command()
def watch(
    config: Annotated[
        Path, typer.Option("--config", help="sources to follow (TOML, see sources.example.toml)")
    ] = Path("sources.toml"),
    db: DbOption = None,
    once: Annotated[bool, typer.Option("--once", help="poll what is due once, then exit")] = False,
) -> None:
    """Poll feeds and news sitemaps, fetch new pages politely and ingest them, until stopped."""
    from rasd.watch.scheduler import watch as run_watch

    reports = run_watch(config, db, once=once)
    if reports and all(report.status == "failed" for report in reports):
        raise typer.Exit(1)  # for cron: every source failed


@app.command()
def articles(
    db: DbOption = None,
    format: Annotated[ListFormat, typer.Option("--format", "-f")] = ListFormat.table,
    source: Annotated[str | None, typer.Option(help="only this outlet")] = None,
    kind: Annotated[str | None, typer.Option(help="article or teaser")] = None,
    limit: Annotated[int, typer.Option(help="at most this many")] = 100,
) -> None:
    """List stored articles."""
    from rasd.store import ArticleQuery, open_store

    store = open_store(db)
    try:
        items = store.list_articles(ArticleQuery(source=source, kind=kind, limit=limit))
    finally:
        store.close()
    if format is ListFormat.jsonl:
        for item in items:
            sys.stdout.write(json.dumps(item.to_dict(), ensure_ascii=False) + "\n")
        return
    table = Table("id", "kind", "source", "published", "title", show_lines=False)
    for item in items:
        a = item.article
        table.add_row(a.id, a.kind, a.source or "", a.published or "", a.title or "")
    out.print(table)


class EventFormat(StrEnum):
    table = "table"
    jsonl = "jsonl"
    acled_csv = "acled-csv"
    plover = "plover"
    geojson = "geojson"
    parquet = "parquet"


DateFromOption = Annotated[str | None, typer.Option("--from", help="first date, YYYY-MM-DD")]
DateToOption = Annotated[str | None, typer.Option("--to", help="last date, YYYY-MM-DD")]
CountryOption = Annotated[str | None, typer.Option(help="ISO 3166-1 alpha-2 country code of the place")]
Admin1Option = Annotated[str | None, typer.Option(help="first-level division of the place")]
PloverOption = Annotated[str | None, typer.Option(help="PLOVER event type, e.g. ASSAULT")]
AcledOption = Annotated[str | None, typer.Option("--acled", help="ACLED event type")]
ActorOption = Annotated[str | None, typer.Option(help="actor id (actor1 or actor2)")]
OutletOption = Annotated[str | None, typer.Option("--source", help="outlet of the article")]
ModalityOption = Annotated[str | None, typer.Option(help="asserted, reported, claimed, denied, …")]
StoryOption = Annotated[str | None, typer.Option(help="story id")]


@app.command()
def search(
    query: Annotated[str, typer.Argument(help='words and "quoted phrases", all required')],
    db: DbOption = None,
    format: Annotated[ListFormat, typer.Option("--format", "-f")] = ListFormat.table,
    date_from: DateFromOption = None,
    date_to: DateToOption = None,
    country: CountryOption = None,
    admin1: Admin1Option = None,
    plover: PloverOption = None,
    acled: AcledOption = None,
    actor: ActorOption = None,
    source: OutletOption = None,
    modality: ModalityOption = None,
    story: StoryOption = None,
    limit: Annotated[int, typer.Option(help="at most this many hits")] = 20,
) -> None:
    """Arabic-aware full text: ranked articles with snippets (article_id, title, snippet, score)."""
    from dataclasses import asdict

    from rasd.store import open_store
    from rasd.store.base import SearchQuery

    store = open_store(db)
    try:
        hits = store.search(
            SearchQuery(
                query,
                date_from=date_from,
                date_to=date_to,
                source=source,
                country=country,
                admin1=admin1,
                plover=plover,
                acled_event_type=acled,
                actor=actor,
                modality=modality,
                story_id=story,
                limit=limit,
            )
        )
    finally:
        store.close()
    if format is ListFormat.jsonl:
        for hit in hits:
            sys.stdout.write(json.dumps(asdict(hit), ensure_ascii=False) + "\n")
        return
    table = Table("score", "article_id", "source", "published", "title", "snippet", show_lines=True)
    for hit in hits:
        snippet = hit.snippet.replace("<mark>", "[bold yellow]").replace("</mark>", "[/bold yellow]")
        table.add_row(
            f"{hit.score:.2f}",
            hit.article_id,
            hit.source or "",
            (hit.published or "")[:10],
            hit.title or "",
            _unescape(snippet),
        )
    out.print(table)
    if not hits:
        err.print("no hits", highlight=False)


def _unescape(text: str) -> str:
    import html

    return html.unescape(text)


@app.command()
def events(
    db: DbOption = None,
    format: Annotated[EventFormat, typer.Option("--format", "-f")] = EventFormat.table,
    output: Annotated[Path | None, typer.Option("-o", "--output", help="write to this file")] = None,
    date_from: DateFromOption = None,
    date_to: DateToOption = None,
    country: CountryOption = None,
    admin1: Admin1Option = None,
    plover: PloverOption = None,
    acled: AcledOption = None,
    actor: ActorOption = None,
    source: OutletOption = None,
    modality: ModalityOption = None,
    story: StoryOption = None,
    limit: Annotated[int, typer.Option(help="at most this many events")] = 1_000_000,
) -> None:
    """List or export events: a table, JSONL, ACLED CSV, PLOVER JSON, GeoJSON or Parquet."""
    from rasd.serve.export import write_events
    from rasd.store import EventQuery, open_store

    if format is EventFormat.parquet and output is None and sys.stdout.isatty():
        raise InputError("Parquet is binary: give -o FILE or redirect standard output")
    query = EventQuery(
        date_from=date_from,
        date_to=date_to,
        country=country,
        admin1=admin1,
        plover=plover,
        acled_event_type=acled,
        actor=actor,
        source=source,
        modality=modality,
        story_id=story,
        limit=limit,
    )
    store = open_store(db)
    try:
        found = store.list_events(query)
    finally:
        store.close()
    if format is EventFormat.table:
        table = Table("date", "plover", "acled", "actor1", "actor2", "place", "fatalities", "id")
        for e in found:
            table.add_row(
                e.date or "",
                e.plover,
                e.acled_sub_event_type or "",
                (e.actor1.name_en or e.actor1.name_ar) if e.actor1 else "",
                (e.actor2.name_en or e.actor2.name_ar) if e.actor2 else "",
                (e.location.name_en or e.location.name_ar) if e.location else "",
                "" if e.fatalities is None else str(e.fatalities),
                e.id,
            )
        out.print(table)
        return
    if output is not None:
        try:
            with output.open("wb") as stream:
                count = write_events(found, format.value, stream)
        except OSError as exc:
            raise InputError(f"cannot write {output}: {exc.strerror}") from exc
        err.print(f"{count} events written to {output}", highlight=False)
    else:
        write_events(found, format.value, sys.stdout.buffer)
        sys.stdout.buffer.flush()


@app.command()
def stories(
    db: DbOption = None,
    format: Annotated[ListFormat, typer.Option("--format", "-f")] = ListFormat.table,
    limit: Annotated[int, typer.Option(help="at most this many")] = 100,
) -> None:
    """List stories: one happening told by several outlets."""
    from dataclasses import asdict

    from rasd.store import open_store

    store = open_store(db)
    try:
        found = store.list_stories(limit)
    finally:
        store.close()
    if format is ListFormat.jsonl:
        for story in found:
            sys.stdout.write(json.dumps(asdict(story), ensure_ascii=False) + "\n")
        return
    table = Table("id", "title", "articles", "events")
    for story in found:
        table.add_row(story.id, story.title, str(len(story.article_ids)), str(len(story.event_ids)))
    out.print(table)


@app.command()
def serve(
    db: DbOption = None,
    host: Annotated[str, typer.Option(help="address to bind")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="port")] = 8000,
    workers: Annotated[
        int, typer.Option(min=1, help="server processes (more answer more clients at once on more cores)")
    ] = 1,
) -> None:
    """Serve the REST API and the web app."""
    from rasd.serve.app import run

    run(db, host, port, workers)


@app.command()
def demo(
    db: DbOption = None,
    host: Annotated[str, typer.Option(help="address to bind")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="port")] = 8000,
    no_serve: Annotated[bool, typer.Option("--no-serve", help="ingest the samples and stop")] = False,
) -> None:
    """Ingest the bundled sample pages into a local database and serve them."""
    from rasd.pipeline import ingest_document
    from rasd.serve.app import run
    from rasd.store import open_store

    samples = Path(__file__).parent / "data" / "samples"
    store = open_store(db)
    try:
        for result in read_sources([str(samples)]):
            if result.document is not None:
                ingest_document(store, result.document)
        count = store.count_articles()
        url = store.url
    finally:
        store.close()
    err.print(f"{count} articles in {url}", highlight=False)
    if not no_serve:
        err.print(f"serving on http://{host}:{port} (Ctrl-C to stop)", highlight=False)
        run(db, host, port)


_EVALUATORS = {
    "ner": "rasd.entities.evaluate",
    "time": "rasd.time.evaluate",
    "geo": "rasd.geo.evaluate",
    "events": "rasd.events.evaluate",
    "stories": "rasd.link.evaluate",
    "html": "rasd.extract.html_eval",
    "link": "rasd.entities.link",
}


@app.command("eval")
def eval_(
    task: Annotated[str, typer.Argument(help="ner, time, geo, events, stories, link or html")],
    gold: Annotated[Path, typer.Argument(help="the gold file (or folder, for html)")],
) -> None:
    """Score a stage against a gold file: precision, recall, F1 and per-type figures."""
    import importlib

    from rasd.evaluation import EvalReport

    if task not in _EVALUATORS:
        raise InputError(f"unknown task {task!r}: choose one of {', '.join(_EVALUATORS)}")
    if not gold.exists():
        raise InputError(f"{gold}: no such file")
    try:
        module = importlib.import_module(_EVALUATORS[task])
    except ModuleNotFoundError as exc:
        raise RasdError(f"the {task} stage has no scorer yet") from exc
    report: EvalReport = module.evaluate(gold)
    _print_report(report)


def _print_report(report: Any) -> None:
    """The headline metrics beside each baseline's, then one row per type or field."""
    wide = Console(soft_wrap=True, width=max(out.width, 140))
    headline = Table(title=f"{report.task} — {report.gold} (n={report.n})")
    headline.add_column("metric")
    headline.add_column("rasd", justify="right")
    baselines = {name: values for name, values in report.baselines.items() if ":" not in name}
    for name in baselines:
        headline.add_column(name, justify="right")
    for metric, value in report.metrics.items():
        cells = [_cell(value), *(_cell(values.get(metric)) for values in baselines.values())]
        headline.add_row(metric, *cells)
    wide.print(headline)
    if report.by_type:
        metrics = sorted({k for row in report.by_type.values() for k in row})
        detail = Table(title="by type")
        detail.add_column("")
        for metric in metrics:
            detail.add_column(metric, justify="right")
        for label, values in report.by_type.items():
            detail.add_row(label, *(_cell(values.get(m)) for m in metrics))
        wide.print(detail)
    for note in report.notes:
        wide.print(f"note: {note}", highlight=False)
    payload = {"task": report.task, "n": report.n, **report.metrics, "baselines": report.baselines}
    sys.stdout.write(json.dumps(payload, ensure_ascii=False) + "\n")


@app.command()
def bench(
    corpus: Annotated[
        Path | None,
        typer.Option(help="a corpus file or folder (default: ../shared/data/news/almayadeen_2023_2024)"),
    ] = None,
    n: Annotated[int, typer.Option(help="number of articles")] = 1000,
    web: Annotated[
        int,
        typer.Option(help="also measure web ingest: a WARC of this many records and the saved HTML pages"),
    ] = 0,
    workers: Annotated[
        int | None,
        typer.Option(help="processes for the second pass (default: one per CPU core; the first uses one)"),
    ] = None,
) -> None:
    """Throughput and memory per stage; the last line is one JSON object."""
    from rasd.bench import run_bench, run_web_bench

    result = run_bench(corpus, n, workers)
    if web:
        result["web"] = run_web_bench(web)
    for stage, seconds in result["stage_seconds"].items():
        err.print(f"{stage:>12}: {seconds:8.3f} s", highlight=False)
    sys.stdout.write(json.dumps(result) + "\n")


def _cell(value: float | None) -> str:
    if value is None:
        return ""
    return f"{value:.3f}" if abs(value) <= 1 else f"{value:g}"


def main() -> None:
    """Entry point: run the app; user errors become one line on stderr and a non-zero exit."""
    debug = "--debug" in sys.argv
    try:
        app()
    except RasdError as exc:
        if debug:
            raise
        _report_error(str(exc))
        sys.exit(exc.exit_code)
    except KeyboardInterrupt:
        _report_error("interrupted")
        sys.exit(130)
    except Exception as exc:
        if debug:
            raise
        _report_error(f"unexpected {type(exc).__name__}: {exc} (run with --debug for the traceback)")
        sys.exit(1)


if __name__ == "__main__":
    main()
