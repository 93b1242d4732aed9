"""The benchmark's one table (Markdown), each figure with its target and an honest PASS or MISS, and the notes
that say how it was measured and on what machine."""

import math
import os
import platform
import sqlite3
import subprocess
import sys
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from app.benchmarks.api import Comparison
from app.benchmarks.ingestion import IngestionRun
from app.benchmarks.load import LoadResult
from app.benchmarks.page import PageResult

ROOT = Path(__file__).resolve().parent.parent.parent
INGEST_TARGET = 200.0  # articles per second, end to end
RATIO_TARGET = 10.0  # the API's req/s over Datasette's
P99_TARGET = 0.050  # seconds, at 32 connections with 50,000 events
PAGE_BYTES_TARGET = 100 * 1024
INTERACTIVE_TARGET = 500.0  # milliseconds, with 10,000 events
FLAT_GROWTH = 0.20  # "memory flat": peak RSS at 10x the corpus at most this much higher


@dataclass
class Row:
    area: str
    what: str
    figure: str
    target: str = ""
    verdict: str = ""


@dataclass
class Report:
    rows: list[Row] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    def add(self, *cells: str) -> None:
        self.rows.append(Row(*cells))

    def markdown_table(self) -> str:
        lines = ["| Area | Measurement | Figure | Target | Verdict |", "|---|---|---|---|---|"]
        for row in self.rows:
            cells = [row.area, row.what, row.figure, row.target, row.verdict]
            lines.append("| " + " | ".join(c.replace("|", "\\|") for c in cells) + " |")
        return "\n".join(lines)


def verdict(ok: bool | None) -> str:
    return "n/a" if ok is None else ("PASS" if ok else "MISS")


def ms(seconds: float, grace: float = 5.0) -> str:
    if math.isnan(seconds):
        return "–"
    if math.isinf(seconds):
        return f"> {grace:.0f} s (stalled)"
    return f"{1000 * seconds:.1f} ms" if seconds < 0.1 else f"{1000 * seconds:,.0f} ms"


def kb(n: float) -> str:
    return f"{n / 1024:.1f} KB"


# --- ingestion ----------------------------------------------------------------------------------------------


def ingestion_rows(report: Report, runs: list[IngestionRun]) -> None:
    for run in runs:
        if run.error and not run.stored:
            report.add("Ingestion", run.label, f"failed: {run.error}", f"≥ {INGEST_TARGET:.0f} articles/s", "MISS")
            continue
        figure = (
            f"{run.rate:,.1f} articles/s ({run.stored:,} in {run.seconds:,.1f} s), peak RSS {run.peak_rss_mb:,.0f} MB"
        )
        if run.stopped:
            figure += f"; stopped at the {run.seconds:.0f} s limit with {run.stored:,} of {run.articles:,} stored"
        if run.error:
            figure += f"; the CLI crashed: {run.error}"
        ok = run.rate >= INGEST_TARGET and not run.error
        report.add("Ingestion", run.label, figure, f"≥ {INGEST_TARGET:.0f} articles/s", verdict(ok))
    synthetic = [r for r in runs if not r.label.startswith("seeds") and r.stored]
    if len(synthetic) >= 2:
        small, large = synthetic[0], synthetic[-1]
        growth = large.peak_rss_mb / small.peak_rss_mb - 1 if small.peak_rss_mb else math.nan
        figure = (
            f"peak RSS {small.peak_rss_mb:,.0f} MB ({small.stored:,} stored) → {large.peak_rss_mb:,.0f} MB "
            f"({large.stored:,} stored): {growth:+.0%}"
        )
        flat: bool | None = growth <= FLAT_GROWTH
        if not (small.finished and large.finished):
            figure += " — a run was stopped before the end, so the growth is a lower bound"
            flat = False if growth > FLAT_GROWTH else None
        report.add("Ingestion", "memory as the corpus grows", figure, f"flat (≤ {FLAT_GROWTH:+.0%})", verdict(flat))
    for run in runs:
        per = run.stage_ms()
        parts = [f"{stage} {value:,.2f}" if value is not None else f"{stage} n/a" for stage, value in per.items()]
        if run.other_ms is not None:
            parts.append(f"other {run.other_ms:,.2f}")
        report.add("Ingestion", f"ms per article by stage, {run.label}", " · ".join(parts))


# --- API ----------------------------------------------------------------------------------------------------


def load_figure(name: str, result: LoadResult) -> str:
    extra = []
    if result.errors:
        extra.append(f"{result.errors:,} errors")
    if result.stalled:
        extra.append(f"{result.stalled:,} stalled > {result.grace:.0f} s")
    tail = f", {', '.join(extra)}" if extra else ""
    p50, p99 = ms(result.percentile(0.5), result.grace), ms(result.percentile(0.99), result.grace)
    return f"{name} {result.rps:,.0f} req/s (p50 {p50}, p99 {p99}{tail})"


def api_rows(report: Report, comparisons: list[Comparison], events: int) -> None:
    for comparison in comparisons:
        datasette = comparison.datasette.total
        for label, side, ratio in (
            ("same URL repeated", comparison.app, comparison.ratio),
            ("new URL per request (no cache hit)", comparison.app_uncached, comparison.ratio_uncached),
        ):
            app = side.total
            figure = f"{load_figure('app', app)}; {load_figure('Datasette', datasette)}; ratio {ratio:,.1f}×"
            p99 = app.percentile(0.99)
            ok_ratio = ratio >= RATIO_TARGET and not app.errors
            ok_p99 = p99 <= P99_TARGET
            report.add(
                "API",
                f"`{comparison.query.app_path}`, {label}",
                figure,
                f"≥ {RATIO_TARGET:.0f}× Datasette; p99 ≤ {1000 * P99_TARGET:.0f} ms",
                f"{verdict(ok_ratio)} · {verdict(ok_p99)}",
            )


def api_notes(report: Report, comparisons: list[Comparison], events: int, connections: int, seconds: float) -> None:
    report.notes.append(
        f"API: {events:,} events; {connections} connections on 127.0.0.1; measured windows of {seconds:.0f} s, "
        "each after its own warm-up, per query in the order app, Datasette, app, Datasette (each figure merges its "
        "windows), then the app with a new URL per request once, all in one run. What was compared:"
    )
    for c in comparisons:
        datasette_path = c.datasette.url.split("/", 3)[3]
        report.notes.append(
            f"  - `{c.query.app_path}` ({c.app.rows}) vs `/{datasette_path}` ({c.datasette.rows}): {c.query.compared}."
        )
        runs = ", ".join(f"{r.rps:,.0f}" for r in c.app.runs)
        uncached = ", ".join(f"{r.rps:,.0f}" for r in c.app_uncached.runs)
        ds_runs = ", ".join(f"{r.rps:,.0f}" for r in c.datasette.runs)
        waits = [w for w in c.recovery_seconds if w > 1.5]
        wait_note = (
            f"; after {len(waits)} of its measurements the app took {max(waits):.0f} s to answer again" if waits else ""
        )
        report.notes.append(
            f"    req/s per window: app {runs}; app uncached {uncached}; Datasette {ds_runs}{wait_note}."
        )


# --- page ---------------------------------------------------------------------------------------------------


def page_rows(report: Report, pages: list[PageResult]) -> None:
    for page in pages:
        label = f"`/` with {page.label}"
        if page.error:
            report.add("Page", label, f"failed: {page.error}", "", "MISS")
            continue
        weight = (
            f"HTML {kb(page.html_bytes)} + CSS {kb(page.css_bytes)} + JS {kb(page.js_bytes)} = {kb(page.total_bytes)}"
        )
        report.add("Page", f"{label}: bytes", weight, "≤ 100 KB", verdict(page.total_bytes <= PAGE_BYTES_TARGET))
        fcp, interactive, load = page.median("fcp"), page.median("interactive"), page.median("load")
        timing = (
            f"first contentful paint {fcp or 0:,.0f} ms, interactive {interactive or 0:,.0f} ms, "
            f"load {load or 0:,.0f} ms (median of {len(page.loads)})"
        )
        big = page.events >= 10_000
        ok = None if interactive is None else interactive <= INTERACTIVE_TARGET
        report.add(
            "Page",
            f"{label}: render",
            timing,
            f"interactive ≤ {INTERACTIVE_TARGET:.0f} ms" if big else "",
            verdict(ok) if big else "",
        )


# --- the document -------------------------------------------------------------------------------------------


def machine() -> str:
    model = ""
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
        mem_kb = next(
            int(line.split()[1])
            for line in Path("/proc/meminfo").read_text().splitlines()
            if line.startswith("MemTotal")
        )
    except (OSError, StopIteration, ValueError):
        mem_kb = 0
    return (
        f"{os.cpu_count()} cores{f' ({model})' if model else ''}, {mem_kb / 1024**2:.0f} GiB RAM, "
        f"Python {platform.python_version()}, SQLite {sqlite3.sqlite_version}, {platform.system()} {platform.release()}"
    )


def revision() -> str:
    def git(*args: str) -> str:
        try:
            out = subprocess.run(["git", *args], cwd=ROOT, capture_output=True, text=True, timeout=10)
        except (OSError, subprocess.TimeoutExpired):
            return ""
        return out.stdout.strip()

    head = git("rev-parse", "--short", "HEAD") or "unknown"
    dirty = [line for line in git("status", "--porcelain").splitlines() if line and not line.startswith("??")]
    return f"{head} plus uncommitted changes to {len(dirty)} files" if dirty else head


def document(report: Report, started: datetime, minutes: float, load: tuple[str, str], command: str) -> str:
    header = [
        "# Benchmarks",
        "",
        f"Measured {started.strftime('%Y-%m-%d %H:%M UTC')} by `{command}` in {minutes:.1f} minutes, on "
        f"{machine()}. Code: {revision()}.",
        f"Load average (1, 5, 15 min) before the run {load[0]}, after it {load[1]}: other work on the machine "
        "(test suites of other sessions) shares the cores, so figures vary from run to run.",
        "",
        report.markdown_table(),
        "",
        "## How it was measured",
        "",
    ]
    notes = [note if note.startswith("  ") else f"- {note}" for note in report.notes]
    return "\n".join([*header, *notes, ""])


def load_average() -> str:
    try:
        return " ".join(f"{x:.2f}" for x in os.getloadavg())
    except OSError:
        return "unknown"


def now() -> datetime:
    return datetime.now(UTC)


def say(message: str) -> None:
    """Progress, on stderr: stdout carries only the table."""
    print(message, file=sys.stderr, flush=True)
