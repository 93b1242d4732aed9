"""The ingesting process of the benchmark: the real CLI (`app.ingest.__main__.main`) with its stages timed.

    python -m app.benchmarks.ingest_worker --progress FILE --deadline SECONDS PATH...

The stage functions that `app.ingest.pipeline` calls are wrapped from the outside (their module attributes are
replaced by timing wrappers; no ingestion code is edited), then the CLI runs as `python -m app.ingest PATH...`
would, with DATABASE_URL from the environment. Once a second, and at the end, a JSON snapshot is written to
FILE: elapsed seconds, articles stored so far, seconds and calls per stage, and peak RSS (`getrusage` of this
process and of its children). If the run is still going at the deadline it is stopped, the snapshot saying so.
"""

import argparse
import contextlib
import functools
import io
import json
import os
import resource
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

# stage name -> (module, attribute) of the functions the pipeline calls, in pipeline order
STAGES: dict[str, list[tuple[str, str]]] = {
    "read": [("app.ingest.pipeline", "read_article"), ("app.ingest.ahead", "read_article")],
    "clean": [("app.ingest.pipeline", "clean_article"), ("app.ingest.ahead", "clean_article")],
    # in a batch large enough for worker processes these two run there, outside this process's timers
    "dating": [("app.ingest.ahead", "work_out_published")],
    "extract": [("app.ingest.ahead", "extract_mentions")],
    "merge": [("app.ingest.merge", "EventPool.merge")],
    "store": [("app.ingest.store", "save_articles"), ("app.ingest.store", "Corpus._kept")],
    "corpus": [
        ("app.ingest.store", "Corpus.__init__"),  # the stored events read into the merge pool, once per run
        ("app.ingest.store", "Corpus.context"),
        ("app.ingest.store", "article_known"),
        ("app.ingest.pipeline", "_stored_filename"),  # the duplicate check, where the pipeline has it
    ],
}


class Recorder:
    """Seconds and calls per stage, and the articles stored, updated by the wrappers."""

    def __init__(self) -> None:
        self.seconds = dict.fromkeys(STAGES, 0.0)
        self.calls = dict.fromkeys(STAGES, 0)
        self.stored = 0
        self.started = time.perf_counter()
        self.patched: list[str] = []

    def wrap(self, stage: str, func: Callable[..., Any], counts_articles: bool) -> Callable[..., Any]:
        @functools.wraps(func)
        def timed(*args: Any, **kwargs: Any) -> Any:
            t0 = time.perf_counter()
            try:
                result = func(*args, **kwargs)
            finally:
                self.seconds[stage] += time.perf_counter() - t0
                self.calls[stage] += 1
            if counts_articles:
                self.stored += len(args[1])  # save_articles(session, batch)
            return result

        return timed

    def install(self) -> None:
        """Replace each stage function by its timed wrapper where the pipeline looks it up."""
        import importlib

        for stage, targets in STAGES.items():
            for module_name, attribute in targets:
                owner: Any = importlib.import_module(module_name)
                *path, name = attribute.split(".")  # "Class.method" patches the method on the class
                for part in path:
                    owner = getattr(owner, part, None)
                func = getattr(owner, name, None)
                if callable(func):
                    setattr(owner, name, self.wrap(stage, func, counts_articles=attribute == "save_articles"))
                    self.patched.append(f"{module_name}.{attribute}")

    def snapshot(self, **extra: Any) -> dict[str, Any]:
        own = resource.getrusage(resource.RUSAGE_SELF)
        children = resource.getrusage(resource.RUSAGE_CHILDREN)
        return {
            "elapsed": time.perf_counter() - self.started,
            "stored": self.stored,
            "seconds": dict(self.seconds),
            "calls": dict(self.calls),
            "peak_rss_kb": own.ru_maxrss,
            "children_peak_rss_kb": children.ru_maxrss,
            "cpu_seconds": own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime,
            "patched": self.patched,
            **extra,
        }


def write_json(path: Path, data: dict[str, Any]) -> None:
    temporary = path.with_suffix(".tmp")
    temporary.write_text(json.dumps(data), encoding="utf-8")
    os.replace(temporary, path)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m app.benchmarks.ingest_worker")
    parser.add_argument("--progress", type=Path, required=True, help="where to write the JSON snapshots")
    parser.add_argument("--deadline", type=float, default=0.0, help="stop after this many seconds (0: never)")
    parser.add_argument("paths", nargs="+")
    args = parser.parse_args(argv)

    from app.ingest.__main__ import main as ingest_main

    recorder = Recorder()
    recorder.install()
    done = threading.Event()
    lock = threading.Lock()

    def report_progress() -> None:
        while not done.wait(1.0):
            elapsed = time.perf_counter() - recorder.started
            with lock:
                if done.is_set():
                    return
                if args.deadline and elapsed >= args.deadline:
                    write_json(args.progress, recorder.snapshot(finished=False, stopped=True, exit_code=None))
                    os._exit(3)
                write_json(args.progress, recorder.snapshot(finished=False, stopped=False, exit_code=None))

    recorder.started = time.perf_counter()
    threading.Thread(target=report_progress, daemon=True).start()
    output = io.StringIO()
    error = ""
    try:
        with contextlib.redirect_stdout(output):
            code = ingest_main(args.paths)
    except Exception as exc:  # the CLI crashed: say so in the snapshot instead of losing the run
        code, error = 99, f"{type(exc).__name__}: {exc}"
    with lock:
        done.set()
        lines = output.getvalue().strip().splitlines()
        summary = lines[-1:] or [""]
        error = error or next((line for line in lines if line.startswith("stopped:")), "")
        write_json(
            args.progress,
            recorder.snapshot(finished=code != 99, stopped=False, exit_code=code, summary=summary[0], error=error),
        )
    return 0 if code != 99 else 1


if __name__ == "__main__":
    sys.exit(main())
