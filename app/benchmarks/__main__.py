"""`python -m app.bench` (`make bench`): run the three parts, print the table, write `docs/benchmarks.md`.

python -m app.bench            # the full run the issue asks for (about 15 minutes on 2 cores)
python -m app.bench --quick    # smaller sizes and shorter windows, to try it out; writes no file
python -m app.bench --only api --only page --output /tmp/bench.md
"""

import argparse
import sys
import tempfile
import time
from dataclasses import dataclass, replace
from pathlib import Path

from app.benchmarks import report as rep

ROOT = Path(__file__).resolve().parent.parent.parent
DEFAULT_OUTPUT = ROOT / "docs" / "benchmarks.md"
PARTS = ("ingestion", "api", "page")


@dataclass(frozen=True)
class Plan:
    """Sizes and durations of one benchmark run."""

    ingest_sizes: tuple[int, ...] = (1_000, 10_000)
    ingest_deadline: float = 600.0  # seconds per corpus before a run is stopped (10,000 articles: 150-250 here)
    api_events: int = 50_000
    connections: int = 32
    api_seconds: float = 10.0
    api_warmup: float = 2.0
    api_rounds: int = 2
    page_events: int = 10_000
    page_loads: int = 5


FULL = Plan()
QUICK = Plan((100, 300), 30.0, 5_000, 32, 3.0, 1.0, 1, 2_000, 2)


def run_ingestion(report: rep.Report, plan: Plan, workdir: Path) -> None:
    from app.benchmarks.ingest_worker import STAGES
    from app.benchmarks.ingestion import measure_ingestion
    from app.ingest.pipeline import STORE_BATCH

    rep.say(f"Ingestion: the seeds and {', '.join(f'{n:,}' for n in plan.ingest_sizes)} synthetic articles")
    runs = measure_ingestion(list(plan.ingest_sizes), plan.ingest_deadline, workdir, rep.say)
    rep.ingestion_rows(report, runs)
    walls = ", ".join(f"{r.wall_seconds:.1f} s" for r in runs)
    report.notes.append(
        "Ingestion: the real CLI (`app.ingest.__main__.main`, what `python -m app.ingest PATH` runs) in a child "
        "process, each corpus into a fresh SQLite file in a temporary folder. articles/s = articles stored ÷ the "
        "CLI's run (migrations, vocabulary upsert, every stage and commit included; interpreter start-up and "
        f"imports not: the child processes took {walls} in all). Peak RSS: `getrusage` of the ingesting process "
        f"(and of any children it waited for). A run still going after {plan.ingest_deadline:.0f} s is stopped and "
        "shown with what it had stored by then."
    )
    patched = {name.rsplit(".", 2)[-2] + "." + name.rsplit(".", 1)[-1] for run in runs for name in run.patched}
    corpus = " + ".join(
        f"`{module.rsplit('.', 1)[-1]}.{attribute}`"
        for module, attribute in STAGES["corpus"]
        if f"{module.rsplit('.', 1)[-1]}.{attribute}" in patched
    )
    report.notes.append(
        "Stages: the functions ingestion calls are wrapped from outside with timers (no ingestion "
        "code changed): read = `read_article`, clean = `clean_article` (both per file), dating = "
        "`work_out_published` (publication date), extract = `extract_mentions`, merge = `merge_mentions`, store = "
        f"`store.save_articles` (rows, search index, rounds rebuilt, commit, per batch of "
        f"{STORE_BATCH} articles) + `Corpus._kept`, corpus = {corpus} (the stored corpus "
        "read back for each article, and the duplicate check), other = the rest of the run; all per stored article "
        "except read and clean. From 64 articles on, reading, dating and extraction run ahead in worker processes "
        "(`app/ingest/ahead.py`), where these timers do not reach: for the synthetic corpora the dating and extract "
        "figures then only count the articles the writer had to prepare again."
    )
    report.notes.append(
        "Synthetic articles (`app/benchmarks/synthetic.py`): 15–40 sentences each from 14 templates (rounds at a "
        "venue on a date, statements 'said on Monday', proposals, corridors, exchanges, ministerial meetings, calls, "
        "aid, withdrawals, planned rounds, background), publication days across 2022–2025, datelines in four shapes "
        "or none, scraped boilerplate lines, venues and people from `app/vocab`; every article has its own content "
        "hash."
    )


def run_api(report: rep.Report, plan: Plan, workdir: Path) -> None:
    from app.benchmarks.api import compare_api
    from app.benchmarks.corpus import build_database

    rep.say(f"API: building a database of {plan.api_events:,} events")
    db = workdir / "bench.db"
    t0 = time.perf_counter()
    build_database(db, plan.api_events)
    rep.say(f"  built in {time.perf_counter() - t0:.0f} s; app vs Datasette, {plan.connections} connections")
    comparisons = compare_api(db, plan.connections, plan.api_seconds, plan.api_warmup, plan.api_rounds, rep.say)
    rep.api_rows(report, comparisons, plan.api_events)
    report.notes.append(
        f"API database: {plan.api_events:,} events built by direct inserts (`app/benchmarks/corpus.py`): the real "
        "migrations, then articles, events with one to three template-sentence sources each, actors, the `event_fts` "
        "search rows and the rounds (`rebuild_rounds`). The app ran as `make serve` runs it (its uvicorn options are "
        "read from the Makefile: two workers, uvloop, the h11 parser with a bounded header size); Datasette as "
        "`datasette serve -i FILE` with its default settings; both on the same file at the same time, loaded one at "
        "a time, the file read once beforehand so that both start from a warm operating-system cache. The load "
        "generator (`app/benchmarks/load.py`: asyncio streams on uvloop, keep-alive, closed loop) runs on the same "
        "two cores as the servers. `app/loadtest.py` (issue 6) did not exist when this was written, so nothing was "
        "reused."
    )
    report.notes.append(
        "The app caches rendered responses by URL: 'same URL repeated' (how the issue's own figures were taken, "
        "like `wrk` on one URL) mostly measures that cache; 'new URL per request' adds `&bench_nonce=N` (ignored "
        "by the API, different on every request) so that every request runs the query and builds its response: "
        "the page's events are read as the JSON the ingestion stored with each (table `event_json`, built for "
        "this database as the ingestion builds it), not assembled per request. A request unanswered 5 s after its "
        "window counts as stalled and as infinitely slow in the percentiles."
    )
    rep.api_notes(report, comparisons, plan.api_events, plan.connections, plan.api_seconds)


def run_page(report: rep.Report, plan: Plan, workdir: Path) -> None:
    from app.benchmarks.corpus import build_database, count_rows
    from app.benchmarks.page import measure_page, seeds_database

    rep.say(f"Page: the seeds, then {plan.page_events:,} events")
    seeds_url = seeds_database(workdir / "page-seeds.db")
    big_url = build_database(workdir / "page-big.db", plan.page_events, seed=13)
    pages = []
    for label, url in (("the seeds", seeds_url), (f"{plan.page_events:,} events", big_url)):
        events = count_rows(url, "event")
        page = measure_page(f"{label} ({events:,} events)" if "seeds" in label else label, url, events, plan.page_loads)
        rep.say(f"  {page.label}: {page.total_bytes:,} bytes, interactive {page.median('interactive')} ms {page.error}")
        pages.append(page)
    rep.page_rows(report, pages)
    cold = [f"{p.label}: {p.cold['interactive']:,.0f} ms to interactive" for p in pages if p.cold]
    report.notes.append(
        "Page: `/` and the `/static/` stylesheets and scripts it references, fetched uncompressed (the favicon not "
        "counted), served as `make serve` runs it. Times in Debian's Chromium (headless, driven by Playwright), a "
        "fresh browser context per load, the median of the measured loads after one discarded load (that first "
        "load also fills the app's response cache; "
        + ("; ".join(cold) if cold else "no first-load figure")
        + "). First render = first-contentful-paint; interactive = `domContentLoadedEventEnd` (the deferred "
        "`static/timeline.js` has run and its DOMContentLoaded handler has wired the filters, the axis and loading "
        "more; the page sets no readiness marker of its own); load = `loadEventEnd`; all from navigation start."
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m app.bench", description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="small sizes and short windows; writes no file")
    parser.add_argument("--only", action="append", choices=PARTS, help="run only this part (repeatable)")
    parser.add_argument("--output", type=Path, help=f"where to write the Markdown (default {DEFAULT_OUTPUT})")
    parser.add_argument("--ingest-deadline", type=float, help="seconds before an ingestion run is stopped")
    parser.add_argument("--api-seconds", type=float, help="seconds per measured API window")
    args = parser.parse_args(argv)
    plan = QUICK if args.quick else FULL
    if args.ingest_deadline:
        plan = replace(plan, ingest_deadline=args.ingest_deadline)
    if args.api_seconds:
        plan = replace(plan, api_seconds=args.api_seconds)
    output = args.output or (None if args.quick else DEFAULT_OUTPUT)
    parts = args.only or list(PARTS)

    started, load_before, t0 = rep.now(), rep.load_average(), time.perf_counter()
    report = rep.Report()
    runners = {"ingestion": run_ingestion, "api": run_api, "page": run_page}
    with tempfile.TemporaryDirectory(prefix="bench-") as folder:
        for part in parts:
            try:
                runners[part](report, plan, Path(folder))
            except Exception as exc:  # report a part that broke and go on with the others
                rep.say(f"{part} failed: {type(exc).__name__}: {exc}")
                report.add(part.capitalize(), "the whole part", f"failed: {type(exc).__name__}: {exc}", "", "MISS")
    command = (
        "python -m app.bench"
        + (" --quick" if args.quick else "")
        + "".join(f" --only {p}" for p in args.only or [])
        + (f" --ingest-deadline {args.ingest_deadline:g}" if args.ingest_deadline else "")
        + (f" --api-seconds {args.api_seconds:g}" if args.api_seconds else "")
    )
    text = rep.document(report, started, (time.perf_counter() - t0) / 60, (load_before, rep.load_average()), command)
    print(text.split("\n## ", 1)[0].rstrip())  # the date, the machine and the table; the notes go to the file
    if output:
        output.parent.mkdir(parents=True, exist_ok=True)
        output.write_text(text, encoding="utf-8")
        rep.say(f"written to {output}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
