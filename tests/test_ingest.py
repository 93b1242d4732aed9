from pathlib import Path

from sqlalchemy import text
from sqlmodel import Session

from app.db import get_engine
from app.ingest.__main__ import main
from tests.conftest import SEEDS


def table_counts() -> dict[str, int]:
    with Session(get_engine()) as session:
        return {
            t: session.execute(text(f"SELECT count(*) FROM {t}")).scalar_one()
            for t in ("article", "event", "event_source", "event_actor", "round")
        }


def test_reingesting_the_seeds_changes_nothing(empty_db: str, capsys) -> None:  # type: ignore[no-untyped-def]
    assert main([str(SEEDS)]) == 0
    before = table_counts()
    assert main([str(SEEDS)]) == 0
    assert table_counts() == before
    assert "0 stored, 5 already known" in capsys.readouterr().out


def test_bad_files_are_rejected_by_name_and_good_ones_stored(empty_db: str, tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "empty.txt").write_text("   \n")
    (folder / "binary.bin").write_bytes(b"\x00\x01\x02abc")
    (folder / "good article.txt").write_text((SEEDS / "002_837339c1a1e70bce.txt").read_text())
    assert main([str(folder)]) == 1
    out = capsys.readouterr().out
    assert "empty.txt: the file is empty" in out
    assert "binary.bin: binary data" in out
    assert "Traceback" not in out
    assert table_counts()["article"] == 1


def test_missing_path_is_reported(empty_db: str, capsys) -> None:  # type: ignore[no-untyped-def]
    assert main(["/no/such/file.txt"]) == 1
    assert "no such file" in capsys.readouterr().out


def test_latin1_text_is_decoded(empty_db: str, tmp_path: Path) -> None:
    path = tmp_path / "latin.txt"
    path.write_bytes(
        "Pourparlers à Istanbul\n\nMarch 29, 2022\nThe talks in Istanbul were held on Tuesday.".encode("latin-1")
    )
    assert main([str(path)]) == 0


def test_preparing_ahead_in_worker_processes_gives_what_one_by_one_gives(tmp_path: Path) -> None:
    """The batch is large enough for worker processes; the same batch read one article after the other must
    end in the same rows, table by table."""
    import sqlite3

    import app.ingest.ahead as ahead
    from app.ingest.pipeline import ingest_paths
    from app.migrate import upgrade_database
    from tests.conftest import use_database
    from tests.test_atomicity import synthetic_article

    folder = tmp_path / "articles"
    folder.mkdir()
    for number in range(ahead.PARALLEL_FROM + 16):
        (folder / f"a{number:03}.txt").write_text(synthetic_article(number))
    databases = {}
    for mode, threshold in (("parallel", ahead.PARALLEL_FROM), ("sequential", 10**9)):
        databases[mode] = tmp_path / f"{mode}.db"
        use_database(f"sqlite:///{databases[mode]}")
        upgrade_database()
        ahead.PARALLEL_FROM = threshold
        try:
            with Session(get_engine()) as session:
                verdicts = ingest_paths(session, [folder])
        finally:
            ahead.PARALLEL_FROM = 64
        assert {v.status for v in verdicts} == {"stored"}
    for table in ("article", "event", "event_source", "event_actor", "round", "event_fts"):
        rows = {}
        for mode, path in databases.items():
            with sqlite3.connect(path) as connection:
                rows[mode] = connection.execute(f"SELECT * FROM {table} ORDER BY 1, 2").fetchall()
        assert rows["parallel"] == rows["sequential"], table


def test_worker_processes_do_not_outlive_a_killed_ingestion(tmp_path: Path) -> None:
    import os
    import signal
    import subprocess
    import sys
    import time

    import app.ingest.ahead as ahead
    from tests.conftest import ROOT
    from tests.test_atomicity import synthetic_article

    folder = tmp_path / "articles"
    folder.mkdir()
    for number in range(ahead.PARALLEL_FROM * 3):
        (folder / f"a{number:03}.txt").write_text(synthetic_article(number))
    env = {**os.environ, "DATABASE_URL": f"sqlite:///{tmp_path / 'killed.db'}"}
    process = subprocess.Popen(
        [sys.executable, "-m", "app.ingest", str(folder)],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )

    def children() -> list[int]:
        found = []
        for entry in Path("/proc").iterdir():
            try:
                if (
                    entry.name.isdigit()
                    and int((entry / "stat").read_text().rsplit(")", 1)[1].split()[1]) == process.pid
                ):
                    found.append(int(entry.name))
            except (OSError, ValueError, IndexError):
                continue
        return found

    workers: list[int] = []
    for _ in range(300):
        if (workers := children()) or process.poll() is not None:
            break
        time.sleep(0.05)
    assert workers, "the ingestion started no worker processes, so nothing was tested"
    process.send_signal(signal.SIGKILL)
    process.wait()
    for _ in range(100):
        if not any(Path(f"/proc/{pid}").exists() for pid in workers):
            break
        time.sleep(0.05)
    assert not any(Path(f"/proc/{pid}").exists() for pid in workers)
