"""`python -m app.ingest PATH...`: ingest articles; exit 0 if all stored, 1 if some rejected, 2 on misuse."""

import argparse
import sys
from pathlib import Path

from sqlmodel import Session

from app.db import get_engine
from app.ingest.pipeline import ingest_paths
from app.migrate import upgrade_database


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m app.ingest", description="Ingest news articles into the timeline.")
    parser.add_argument("paths", nargs="+", type=Path, help="article files or folders of them")
    args = parser.parse_args(argv)
    upgrade_database()
    with Session(get_engine()) as session:
        verdicts = ingest_paths(session, args.paths)
    for verdict in verdicts:
        print(f"{verdict.status:8} {verdict.detail}")
    counts = {s: sum(v.status == s for v in verdicts) for s in ("stored", "skipped", "rejected")}
    print(f"{counts['stored']} stored, {counts['skipped']} already known, {counts['rejected']} rejected")
    return 1 if counts["rejected"] else 0


if __name__ == "__main__":
    sys.exit(main())
