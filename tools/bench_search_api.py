"""Search and API benchmarks on a store of N replicated real articles, on SQLite and on PostgreSQL.

For each backend: build the store (copies of BASE Al Mayadeen articles run through the pipeline), time the
search queries in process, start ``rasd serve`` on 127.0.0.1, time ``/api/events`` with filters one request
at a time, then run CLIENTS concurrent clients for SECONDS. Prints one JSON object per backend; the figures
go to docs/benchmarks.md ("Search and API"). Needs ../shared/data/news.

    python tools/bench_search_api.py --n 100000 --base 1000 --backend both --clients 200 --seconds 120

``--workers`` (default: the number of cores) sets ``rasd serve --workers``.
"""

from __future__ import annotations

import argparse
import json
import os
import pickle
import platform
import socket
import subprocess
import sys
import time
from dataclasses import asdict, is_dataclass
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from rasd.corpora import news_dir  # noqa: E402
from rasd.serve import bench  # noqa: E402
from rasd.store import open_store  # noqa: E402


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _plain(value: Any) -> Any:
    if is_dataclass(value) and not isinstance(value, type):
        return asdict(value)
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    return value


def base_articles(workdir: Path, size: int) -> list[Any]:
    cache = workdir / f"base-{size}.pickle"
    if cache.exists():
        with cache.open("rb") as stream:
            return list(pickle.load(stream))
    corpus = news_dir()
    if corpus is None:
        raise SystemExit("../shared/data/news not found")
    started = time.perf_counter()
    base = bench.corpus_base(corpus / "almayadeen_2023_2024", size)
    print(f"annotated {len(base)} base articles in {time.perf_counter() - started:.0f} s", file=sys.stderr)
    with cache.open("wb") as stream:
        pickle.dump(base, stream)
    return base


def run_backend(name: str, url: str, base: list[Any], args: argparse.Namespace) -> dict[str, Any]:
    result: dict[str, Any] = {"backend": name}
    store = open_store(url)
    have = store.count_articles()
    if not have:
        result["build"] = bench.build_replicated_store(store, base, args.n)
        print(f"{name}: built {result['build']}", file=sys.stderr)
    store.optimize()
    result["articles"] = store.count_articles()
    result["events"] = store.count_events()
    result["search"] = bench.search_latencies(store)
    print(f"{name}: search {result['search']}", file=sys.stderr)
    store.close()
    port = _free_port()
    env = {**os.environ, "RASD_API_TOKEN": ""}
    command = [sys.executable, "-m", "rasd.cli", "serve", "--db", url, "--port", str(port)]
    command += ["--workers", str(args.workers)]
    server = subprocess.Popen(
        command,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    base_url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 120
        while True:
            with socket.socket() as sock:
                if sock.connect_ex(("127.0.0.1", port)) == 0:
                    break
            if time.monotonic() > deadline or server.poll() is not None:
                raise SystemExit(f"the server did not start: {server.stderr.read() if server.stderr else ''}")
            time.sleep(0.2)
        result["api_events"] = bench.api_latencies(base_url)
        print(f"{name}: /api/events {result['api_events']}", file=sys.stderr)
        if args.seconds > 0:
            result["load"] = bench.load_test(base_url, clients=args.clients, seconds=args.seconds)
            print(f"{name}: load {result['load']}", file=sys.stderr)
    finally:
        server.terminate()
        server.wait(timeout=30)
    return _plain(result)


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--n", type=int, default=100_000)
    parser.add_argument("--base", type=int, default=1000)
    parser.add_argument("--backend", choices=["sqlite", "postgresql", "both"], default="both")
    parser.add_argument("--clients", type=int, default=200)
    parser.add_argument("--seconds", type=float, default=120)
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 1, help="server processes")
    parser.add_argument("--workdir", type=Path, default=REPO / "var" / "bench")
    parser.add_argument("--pg-url", help="an existing PostgreSQL database to use instead of a fresh server")
    args = parser.parse_args()
    args.workdir.mkdir(parents=True, exist_ok=True)
    base = base_articles(args.workdir, args.base)
    machine = f"{platform.machine()} {os.cpu_count()} cpus, python {platform.python_version()}"
    if args.backend in ("sqlite", "both"):
        url = f"sqlite:///{args.workdir / f'bench-{args.n}.db'}"
        print(json.dumps({**run_backend("sqlite", url, base, args), "machine": machine}, ensure_ascii=False))
    if args.backend in ("postgresql", "both") and args.pg_url:
        print(json.dumps({**run_backend("postgresql", args.pg_url, base, args), "machine": machine}))
    elif args.backend in ("postgresql", "both"):
        from tests.pg_server import PostgresServer, find_pg_bin

        bin_dir = find_pg_bin()
        if bin_dir is None:
            raise SystemExit("PostgreSQL is not installed")
        server = PostgresServer(bin_dir)
        server.start()
        try:
            url = server.create_database("rasd_bench")
            print(
                json.dumps(
                    {**run_backend("postgresql", url, base, args), "machine": machine}, ensure_ascii=False
                )
            )
        finally:
            server.stop()


if __name__ == "__main__":
    main()
