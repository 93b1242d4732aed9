"""Score extraction on the evaluation sets in eval/sets/, each ingested into a fresh SQLite database.

    .venv/bin/python eval/score_sets.py                 # every set
    .venv/bin/python eval/score_sets.py eval/sets/set32 # some

Each set is a folder with `articles/` (scraped-page texts) and `gold.json` (reference events in the schema of
../shared/eval/seeds_gold.json). The sets were written by helpers that never saw the code, each to imitate
other outlets than the seeds; eval/sets/README.md says which ones rules were later fitted on. The figures come
from ../shared/eval/score.py (its `score` function, over the same JSON the API serves), one line per set.
"""

import argparse
import importlib.util
import json
import os
import sys
import tempfile
import warnings
from pathlib import Path
from types import ModuleType
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
SETS = ROOT / "eval" / "sets"
SCORER = ROOT.parent / "shared" / "eval" / "score.py"
FIGURES = ("predictions", "core_recall", "precision", "duplicates", "date_exact", "pub_ok", "traps")


def load_scorer(path: Path) -> ModuleType:
    spec = importlib.util.spec_from_file_location("score", path)
    if spec is None or spec.loader is None:
        raise SystemExit(f"{path}: no scorer there (pass --scorer)")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def use_database(url: str) -> None:
    from app.config import get_settings
    from app.db import get_engine, get_probe_engine

    os.environ["DATABASE_URL"] = url
    get_settings.cache_clear()
    get_engine.cache_clear()
    get_probe_engine.cache_clear()


def served(client: Any, path: str, key: str) -> list[dict[str, Any]]:
    items: list[dict[str, Any]] = []
    while True:
        page = client.get(path, params={"limit": 500, "offset": len(items)}).json()
        items.extend(page[key])
        if len(items) >= page["total"]:
            return items


def score_set(folder: Path, scorer: ModuleType) -> dict[str, Any]:
    from fastapi.testclient import TestClient
    from sqlmodel import Session

    from app.db import get_engine
    from app.ingest.pipeline import ingest_paths
    from app.main import app
    from app.migrate import upgrade_database

    gold = json.loads((folder / "gold.json").read_text(encoding="utf-8"))
    with tempfile.TemporaryDirectory(prefix="eval-") as tmp:
        use_database(f"sqlite:///{tmp}/eval.db")
        upgrade_database()
        with Session(get_engine()) as session:
            ingest_paths(session, [folder / "articles"])
        with TestClient(app) as client:
            events, articles = served(client, "/events", "events"), served(client, "/articles", "articles")
        get_engine().dispose()
    return dict(scorer.score(events, articles, gold))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("sets", nargs="*", type=Path, help="set folders (default: every folder in eval/sets)")
    parser.add_argument("--scorer", type=Path, default=SCORER, help=f"the scorer (default {SCORER})")
    args = parser.parse_args(argv)
    warnings.filterwarnings("ignore", message="Using `httpx` with `starlette.testclient` is deprecated")
    scorer = load_scorer(args.scorer)
    folders = args.sets or sorted(p for p in SETS.iterdir() if (p / "gold.json").is_file())
    for folder in folders:
        result = score_set(folder, scorer)
        print(folder.name, " ".join(f"{name}={result[name]}" for name in FIGURES), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
