"""SIGKILL the ingestion partway through a large folder: the database stays consistent, and running the same
command again ends in exactly the state of one clean run, row for row in every table.

This holds because articles are stored with their events, merges, rounds and search rows in batches of a fixed
size, one transaction each, and because each article is read only against what the database holds (never
against what the killed process had in memory). The clean run and the killed one run side by side to keep the
test short.
"""

import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

from tests.conftest import ROOT, SEEDS

ARTICLES = 120
PEOPLE = ["Vladimir Medinsky", "Mykhailo Podolyak", "Dmytro Kuleba", "Sergey Lavrov", "David Arakhamia"]
PLACES = ["Istanbul", "Antalya", "the Brest region", "Gomel", "Minsk", "Kyiv", "Warsaw"]
CLAIMS = [
    "said the talks had been difficult",
    "told reporters that a new draft was ready",
    "said that prisoners would be exchanged",
    "said a humanitarian corridor would open",
    "said the delegations would meet again",
]
MONTHS = ["February", "March", "April", "May"]


def synthetic_article(number: int) -> str:
    """A seed's headline and some of its paragraphs, with dated sentences of its own: a new content hash each,
    and events that merge with those of other articles."""
    rnd = random.Random(number)
    seed = sorted(SEEDS.glob("*.txt"))[number % 5].read_text()
    title, *paragraphs = [line for line in seed.split("\n") if line.strip()]
    body = [paragraphs[i] for i in sorted(rnd.sample(range(len(paragraphs)), k=min(len(paragraphs), 6)))]
    for _ in range(2):
        sentence = (
            f"On {rnd.choice(MONTHS)} {rnd.randint(1, 28)}, 2022, {rnd.choice(PEOPLE)} {rnd.choice(CLAIMS)}"
            f" in {rnd.choice(PLACES)}."
        )
        body.insert(rnd.randint(0, len(body)), sentence)
    return "\n\n".join([f"{title} (copy {number})", *body]) + "\n"


def start_ingest(database: Path, folder: Path) -> subprocess.Popen[bytes]:
    env = {**os.environ, "DATABASE_URL": f"sqlite:///{database}"}
    command = [sys.executable, "-m", "app.ingest", str(folder)]
    return subprocess.Popen(command, cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)


def article_count(database: Path) -> int:
    try:
        with sqlite3.connect(f"file:{database}?mode=ro", uri=True, timeout=5) as connection:
            return int(connection.execute("SELECT count(*) FROM article").fetchone()[0])
    except sqlite3.Error:  # not created or not migrated yet
        return 0


def kill_when_stored(process: subprocess.Popen[bytes], database: Path, at_least: int) -> int:
    """SIGKILL the ingestion once at_least articles are stored (mid-article: most of its time is spent reading
    the next one, inside or before its transaction); the number stored when it died."""
    deadline = time.monotonic() + 120
    while article_count(database) < at_least:
        assert process.poll() is None, "the ingestion ended before it could be killed"
        assert time.monotonic() < deadline, "the ingestion stored too few articles in two minutes"
        time.sleep(0.02)
    process.send_signal(signal.SIGKILL)
    assert process.wait(timeout=30) == -signal.SIGKILL
    return article_count(database)


def assert_consistent(database: Path) -> None:
    with sqlite3.connect(database) as connection:
        assert connection.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        assert connection.execute("PRAGMA foreign_key_check").fetchall() == []


def all_rows(database: Path) -> dict[str, list[tuple[object, ...]]]:
    """Every row of every table, sorted; nothing is left out. Even the autoincrement ids of event_source, the
    generation counter and the FTS5 index's shadow tables must match: a killed transaction leaves no trace."""
    with sqlite3.connect(database) as connection:
        tables = [row[0] for row in connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
        return {table: sorted(connection.execute(f'SELECT * FROM "{table}"').fetchall(), key=repr) for table in tables}


def test_killed_ingestion_leaves_a_consistent_database_and_a_rerun_matches_a_clean_run(tmp_path: Path) -> None:
    folder = tmp_path / "articles"
    folder.mkdir()
    for number in range(ARTICLES):
        (folder / f"article {number:03d}.txt").write_text(synthetic_article(number))
    clean_db, killed_db = tmp_path / "clean.db", tmp_path / "killed.db"

    clean_run = start_ingest(clean_db, folder)
    try:
        stored = kill_when_stored(start_ingest(killed_db, folder), killed_db, at_least=ARTICLES // 4)
        assert 0 < stored < ARTICLES
        assert_consistent(killed_db)

        # killed a second time, part of the way through the re-run
        stored = kill_when_stored(start_ingest(killed_db, folder), killed_db, at_least=stored + ARTICLES // 4)
        assert stored < ARTICLES
        assert_consistent(killed_db)

        rerun = start_ingest(killed_db, folder)
        output = rerun.communicate(timeout=300)[0].decode()
        assert rerun.returncode == 0, output
        assert output.splitlines()[-1] == f"{ARTICLES - stored} stored, {stored} already known, 0 rejected"

        output = clean_run.communicate(timeout=300)[0].decode()
        assert clean_run.returncode == 0, output
    finally:
        if clean_run.poll() is None:
            clean_run.kill()
            clean_run.wait()

    assert_consistent(killed_db)
    clean, resumed = all_rows(clean_db), all_rows(killed_db)
    assert clean.keys() == resumed.keys()
    assert len(clean["article"]) == ARTICLES and clean["event"], "the clean run stored too little to compare"
    for table in clean:
        assert resumed[table] == clean[table], f"table {table} differs after the interrupted run was finished"
