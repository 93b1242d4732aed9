"""`python -m app.ingest PATH...`: ingest articles; exit 0 if all stored, 1 if some rejected, 2 on misuse.

Each file gets one line naming it; a file never causes a traceback (`--verbose` logs them for debugging).
"""

import argparse
import logging
import sys
from pathlib import Path

from sqlmodel import Session

from app.db import get_engine
from app.ingest.pipeline import Verdict, ingest_paths
from app.migrate import upgrade_database

EXIT_OK, EXIT_REJECTED, EXIT_USAGE = 0, 1, 2
EXIT_INTERRUPTED = 130  # the shell's code for Ctrl-C


def _parse(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m app.ingest", description="Ingest news articles into the timeline.")
    parser.add_argument("paths", nargs="+", type=Path, help="article files or folders of them")
    parser.add_argument("-v", "--verbose", action="store_true", help="log why a file failed, with tracebacks")
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    for stream in (sys.stdout, sys.stderr):
        if hasattr(stream, "reconfigure"):
            stream.reconfigure(errors="backslashreplace")  # an odd file name must not end the run
    try:
        args = _parse(argv)
    except SystemExit as exc:  # argparse has printed the usage
        return exc.code if isinstance(exc.code, int) else EXIT_USAGE
    logging.basicConfig(level=logging.DEBUG if args.verbose else logging.CRITICAL, format="%(message)s")
    try:
        upgrade_database()
    except Exception as exc:
        print(f"cannot open the database named by DATABASE_URL: {type(exc).__name__}: {exc}".splitlines()[0])
        return EXIT_USAGE
    verdicts: list[Verdict] = []

    def report(verdict: Verdict) -> None:
        verdicts.append(verdict)
        print(f"{verdict.status:8} {verdict.detail}", flush=True)

    try:
        with Session(get_engine()) as session:
            ingest_paths(session, args.paths, report)
    except KeyboardInterrupt:
        print("interrupted: the articles stored above are kept; run the same command again to finish")
        return EXIT_INTERRUPTED
    except Exception as exc:  # the database, not a file: locked past the busy timeout, disk full, ...
        logging.getLogger(__name__).debug("ingestion stopped", exc_info=True)
        print(f"stopped: {type(exc).__name__}: {exc}".splitlines()[0])
        print("the articles stored above are kept; run the same command again to finish")
        return EXIT_REJECTED
    counts = {s: sum(v.status == s for v in verdicts) for s in ("stored", "skipped", "rejected")}
    print(f"{counts['stored']} stored, {counts['skipped']} already known, {counts['rejected']} rejected")
    return EXIT_REJECTED if counts["rejected"] else EXIT_OK


if __name__ == "__main__":
    sys.exit(main())
