"""The API against Datasette on the same SQLite file, in the same run: each query measured A B A B.

Both servers run side by side on the same file (the app as `make serve` runs it, Datasette immutable with its
defaults); only one is loaded at a time. Before the load, one request to each checks the answer is a 200 and
counts the rows it carries, so the table can say what was compared.

The app keeps rendered responses in a cache keyed by the URL, so a benchmark that repeats one URL (as `wrk`
does, and as the issue's figures were taken) mostly measures that cache. Each query is therefore measured on
the app in two ways: the repeated URL (A), and, once at the end, the same query with a throw-away parameter
whose value changes on every request (A', `&bench_nonce=N`, which the API ignores), so that every request is a
cache miss and runs the query and builds its response from each event's stored JSON (`app.event_json`).
Datasette has no such cache; its URL is the same in both.

A server that stalls under load (requests unanswered for many seconds) would spoil the measurement after it,
so after each app measurement the next one waits until a fresh request is answered within a second again; the
time this took is recorded and reported.
"""

import csv
import io
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import httpx

from app.benchmarks.load import LoadResult, measure, merge_results
from app.benchmarks.servers import app_server, datasette_server

VENUE = "istanbul"
WORD = "corridor"


@dataclass(frozen=True)
class Query:
    """One API query and the Datasette URL compared with it (`{db}` is the database's name in Datasette)."""

    app_path: str
    datasette_path: str
    compared: str


QUERIES = [
    Query(
        "/events?type=round&limit=100",
        "/{db}/event.json?type=round&_sort=date&_size=100&_shape=array",
        "Datasette's table view filtered on the `type` column, sorted by date, 100 rows",
    ),
    Query(
        f"/events?venue={VENUE}&limit=100",
        f"/{{db}}/event.json?venue_slug={VENUE}&_sort=date&_size=100&_shape=array",
        "Datasette's table view filtered on the `venue_slug` column, sorted by date, 100 rows",
    ),
    Query(
        f"/events?q={WORD}",
        "/{db}.json?sql=select+event.*+from+event+join+(select+event_id,+bm25(event_fts)+as+rank+from+event_fts"
        f"+where+event_fts+match+'\"{WORD}\"')+as+hits+on+hits.event_id+=+event.id+order+by+hits.rank+limit+100"
        "&_shape=array",
        "a `?sql=` query on the same FTS5 index (`_search` does not apply: `event_fts` is not a content table of "
        "`event`), ranked by bm25, 100 rows, no total count",
    ),
    Query(
        f"/events.csv?type=round&venue={VENUE}",
        f"/{{db}}/event.csv?type=round&venue_slug={VENUE}&_sort=date&_stream=on",
        "Datasette's streamed CSV of the table with the same two filters (all rows)",
    ),
]


@dataclass
class Side:
    """One server's figures for one query: all measured runs merged, plus each run's req/s."""

    url: str
    rows: str = ""
    runs: list[LoadResult] = field(default_factory=list)

    @property
    def total(self) -> LoadResult:
        return merge_results(self.runs)


@dataclass
class Comparison:
    query: Query
    app: Side
    app_uncached: Side
    datasette: Side
    recovery_seconds: list[float] = field(default_factory=list)

    @property
    def ratio(self) -> float:
        """The app's req/s over Datasette's, for the repeated URL."""
        datasette = self.datasette.total.rps
        return self.app.total.rps / datasette if datasette else float("inf")

    @property
    def ratio_uncached(self) -> float:
        """The app's req/s over Datasette's, when no request can be answered from the app's cache."""
        datasette = self.datasette.total.rps
        return self.app_uncached.total.rps / datasette if datasette else float("inf")


def describe_answer(url: str) -> str:
    """'200, 100 of 4,375 rows, 131 KB' for one GET of `url`."""
    response = httpx.get(url, timeout=60)
    size = f"{len(response.content) / 1024:.0f} KB"
    if response.status_code != 200:
        return f"HTTP {response.status_code}, {size}"
    if "csv" in response.headers.get("content-type", "") or url.split("?")[0].endswith(".csv"):
        rows = sum(1 for _ in csv.reader(io.StringIO(response.text))) - 1
        return f"{rows:,} rows, {size}"
    data = response.json()
    if isinstance(data, dict) and "events" in data:
        return f"{len(data['events'])} of {data['total']:,} events, {size}"
    return f"{len(data) if isinstance(data, list) else '?'} rows, {size}"


def settle(base: str, limit: float = 40.0) -> float:
    """Wait until `base` answers a fresh (never cached) request within a second; the seconds that took."""
    start = time.perf_counter()
    while time.perf_counter() - start < limit:
        try:
            if httpx.get(f"{base}/events?limit=1&bench_probe={time.time_ns()}", timeout=1.0).status_code < 500:
                break
        except httpx.HTTPError:
            pass
        time.sleep(0.5)
    return time.perf_counter() - start


def warm_file_cache(path: Path, chunk: int = 1 << 20) -> None:
    """Read the database file once, so both servers start from the same warm operating-system cache (just after
    the file was written, the first queries of whichever server ran first would otherwise pay for the disk)."""
    with path.open("rb") as handle:
        while handle.read(chunk):
            pass


def compare_api(
    db_path: Path,
    connections: int = 32,
    duration: float = 10.0,
    warmup: float = 2.0,
    rounds: int = 2,
    say: Callable[[str], None] = print,
) -> list[Comparison]:
    """Each query against the app (A) and Datasette (B), alternating `rounds` times, then once against the app with
    a new URL per request (A'): A B A B A'."""
    comparisons = []
    warm_file_cache(db_path)
    with app_server(f"sqlite:///{db_path}") as app_base, datasette_server(db_path) as datasette_base:
        for query in QUERIES:
            app = Side(app_base + query.app_path)
            app_uncached = Side(app.url + ("&" if "?" in app.url else "?") + "bench_nonce={n}")
            datasette = Side(datasette_base + query.datasette_path.format(db=db_path.stem))
            for side in (app, app_uncached, datasette):
                side.rows = describe_answer(side.url.replace("{n}", "0"))
            comparison = Comparison(query, app, app_uncached, datasette)
            steps: list[tuple[int, str, Side]] = []
            for n in range(1, rounds + 1):
                steps += [(n, "app", app), (n, "datasette", datasette)]
            steps.append((1, "app, uncached", app_uncached))
            for round_number, name, side in steps:
                result = measure(side.url, connections, duration, warmup)
                side.runs.append(result)
                say(
                    f"  {query.app_path} {name} run {round_number}: {result.rps:,.0f} req/s, "
                    f"p50 {1000 * result.percentile(0.5):.1f} ms, p99 {1000 * result.percentile(0.99):.1f} ms, "
                    f"{result.errors} errors, {result.stalled} stalled"
                )
                if side is not datasette:
                    waited = settle(app_base)
                    comparison.recovery_seconds.append(waited)
                    if waited > 1.5:
                        say(f"  (the app took {waited:.0f} s to answer a fresh request again)")
            comparisons.append(comparison)
    return comparisons
