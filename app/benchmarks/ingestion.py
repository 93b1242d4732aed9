"""Ingestion throughput end to end: the real CLI in a child process, into a fresh SQLite file per corpus.

Each corpus (the seeds, then synthetic articles) is ingested by `python -m app.benchmarks.ingest_worker`, which
runs `app.ingest.__main__.main` (what `python -m app.ingest PATH` runs) with the pipeline's stage functions
timed from the outside. Throughput is articles stored per second of the CLI's run (migrations, vocabulary,
reading, every stage and the commits included; interpreter start-up and imports not). Peak memory is the
child's peak RSS (`getrusage`). A run that is still going at its deadline is stopped and reported as such,
with the articles stored by then.
"""

import json
import os
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from app.benchmarks.ingest_worker import STAGES

ROOT = Path(__file__).resolve().parent.parent.parent
SEEDS = ROOT / "seeds"


@dataclass
class IngestionRun:
    """One corpus ingested into a fresh database."""

    label: str
    articles: int  # files offered
    stored: int = 0
    seconds: float = 0.0  # the CLI's run, from main() to its return (or to the deadline)
    wall_seconds: float = 0.0  # the child process, start-up and imports included
    peak_rss_kb: int = 0
    children_peak_rss_kb: int = 0
    finished: bool = False
    stopped: bool = False
    error: str = ""
    summary: str = ""
    stage_seconds: dict[str, float] = field(default_factory=dict)
    stage_calls: dict[str, int] = field(default_factory=dict)
    patched: list[str] = field(default_factory=list)

    @property
    def rate(self) -> float:
        return self.stored / self.seconds if self.seconds else 0.0

    @property
    def peak_rss_mb(self) -> float:
        return max(self.peak_rss_kb, self.children_peak_rss_kb) / 1024

    def stage_ms(self) -> dict[str, float | None]:
        """Milliseconds per article in each stage (per file for read and clean, per stored article for the rest);
        None where the stage's calls were not seen in the ingesting process (e.g. run by worker processes)."""
        per: dict[str, float | None] = {}
        for stage in STAGES:
            # the corpus lookups are several calls per article: counted per stored article
            calls = self.stage_calls.get("store" if stage == "corpus" else stage, 0)
            per[stage] = 1000 * self.stage_seconds.get(stage, 0.0) / calls if calls else None
        return per

    @property
    def other_ms(self) -> float | None:
        """Milliseconds per stored article outside the timed stages (migrations, vocabulary, walking folders)."""
        if not self.stored:
            return None
        return 1000 * (self.seconds - sum(self.stage_seconds.values())) / self.stored


def ingest(label: str, paths: list[Path], articles: int, deadline: float, workdir: Path) -> IngestionRun:
    """Ingest `paths` into a new SQLite file under `workdir` through the CLI, timed; stop at `deadline` seconds."""
    db = workdir / f"ingest-{label.replace(' ', '-').replace(',', '')}.db"
    progress = db.with_suffix(".json")
    env = {**os.environ, "DATABASE_URL": f"sqlite:///{db}"}
    command = [sys.executable, "-m", "app.benchmarks.ingest_worker", "--progress", str(progress)]
    command += ["--deadline", str(deadline), *map(str, paths)]
    started = time.perf_counter()
    run = IngestionRun(label, articles)
    try:
        completed = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True, timeout=deadline + 180)
    except subprocess.TimeoutExpired:
        run.error = "the ingesting process did not stop at its deadline and was killed"
        return run
    run.wall_seconds = time.perf_counter() - started
    if not progress.exists():
        run.error = (completed.stderr.strip().splitlines() or [f"exit {completed.returncode}"])[-1]
        return run
    snapshot: dict[str, Any] = json.loads(progress.read_text(encoding="utf-8"))
    run.stored = snapshot["stored"]
    run.seconds = snapshot["elapsed"]
    run.peak_rss_kb = snapshot["peak_rss_kb"]
    run.children_peak_rss_kb = snapshot["children_peak_rss_kb"]
    run.finished = bool(snapshot.get("finished"))
    run.stopped = bool(snapshot.get("stopped"))
    run.error = snapshot.get("error", "")
    run.summary = snapshot.get("summary", "")
    run.stage_seconds = snapshot["seconds"]
    run.stage_calls = snapshot["calls"]
    run.patched = snapshot["patched"]
    return run


def measure_ingestion(
    sizes: list[int], deadline: float, workdir: Path | None = None, say: Any = print
) -> list[IngestionRun]:
    """The seeds, then `sizes` synthetic articles each, every corpus into its own fresh database."""
    from app.benchmarks.synthetic import write_articles

    with tempfile.TemporaryDirectory(prefix="bench-ingest-", dir=workdir) as folder:
        root = Path(folder)
        seeds = sorted(p for p in SEEDS.iterdir() if p.is_file() and not p.name.startswith("."))
        corpora: list[tuple[str, list[Path], int]] = [(f"seeds ({len(seeds)} articles)", [SEEDS], len(seeds))]
        for size in sizes:
            target = root / f"articles-{size}"
            t0 = time.perf_counter()
            write_articles(target, size)
            say(f"  wrote {size:,} synthetic articles in {time.perf_counter() - t0:.1f} s")
            corpora.append((f"{size:,} synthetic articles", [target], size))
        runs = []
        for label, paths, count in corpora:
            run = ingest(label, paths, count, deadline, root)
            state = "stopped at the deadline" if run.stopped else ("finished" if run.finished else "FAILED")
            say(
                f"  {label}: {run.stored:,} stored in {run.seconds:.1f} s ({state}), {run.rate:.1f} articles/s, "
                f"peak RSS {run.peak_rss_mb:.0f} MB {run.error}"
            )
            runs.append(run)
        return runs
