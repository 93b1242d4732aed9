"""Ingestion runs while a live server is under load: every request succeeds, and each response shows the data
as it was before or after an article, never half of one (SQLite in WAL mode, one transaction per article)."""

import os
import socket
import subprocess
import sys
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx
import pytest

from app.loadtest import serving
from tests.conftest import ROOT, SEEDS
from tests.test_atomicity import synthetic_article

ARTICLES = 40
READERS = 4


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture()
def database(tmp_path: Path) -> Path:
    """A database holding the seeds, so readers see events from the first request on."""
    path = tmp_path / "live.db"
    env = {**os.environ, "DATABASE_URL": f"sqlite:///{path}"}
    subprocess.run([sys.executable, "-m", "app.ingest", str(SEEDS)], cwd=ROOT, env=env, check=True, capture_output=True)
    return path


@pytest.fixture()
def server(database: Path) -> Iterator[str]:
    with serving(["--log-level", "warning"], env={**os.environ, "DATABASE_URL": f"sqlite:///{database}"}) as base:
        yield base


@dataclass
class Reader:
    """Requests /events over and over on one connection, in order, and keeps what each response showed."""

    base: str
    stop: threading.Event
    totals: list[int] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)

    def run(self) -> None:
        with httpx.Client(base_url=self.base, timeout=30) as client:
            while not self.stop.is_set():
                self.check(client)
            self.check(client)  # once more after the ingestion ended

    def check(self, client: httpx.Client) -> None:
        try:
            response = client.get("/events", params={"limit": 500})
        except httpx.HTTPError as exc:
            self.problems.append(f"request failed: {exc!r}")
            return
        if response.status_code != 200:
            self.problems.append(f"status {response.status_code}: {response.text[:200]}")
            return
        page = response.json()
        total, events = page["total"], page["events"]
        if self.totals and total < self.totals[-1]:
            self.problems.append(f"total went back from {self.totals[-1]} to {total}")
        if total <= 500 and len(events) != total:
            self.problems.append(f"total {total} but {len(events)} events: two states in one response")
        if unsourced := [e["id"] for e in events if not e["sources"]]:
            self.problems.append(f"events without a source (half an article): {unsourced[:3]}")
        self.totals.append(total)


def test_every_request_sees_a_whole_state_while_articles_are_stored(
    server: str, database: Path, tmp_path: Path
) -> None:
    folder = tmp_path / "articles"
    folder.mkdir()
    for number in range(ARTICLES):
        (folder / f"article {number:03d}.txt").write_text(synthetic_article(number))
    stop = threading.Event()
    readers = [Reader(server, stop) for _ in range(READERS)]
    threads = [threading.Thread(target=reader.run) for reader in readers]
    for thread in threads:
        thread.start()
    try:
        ingest = subprocess.run(
            [sys.executable, "-m", "app.ingest", str(folder)],
            cwd=ROOT,
            env={**os.environ, "DATABASE_URL": f"sqlite:///{database}"},
            capture_output=True,
            timeout=300,
        )
    finally:
        stop.set()
        for thread in threads:
            thread.join(timeout=60)
    assert ingest.returncode == 0, ingest.stdout.decode() + ingest.stderr.decode()
    problems = [problem for reader in readers for problem in reader.problems]
    assert problems == [], problems[:10]
    seen = {total for reader in readers for total in reader.totals}
    assert len(seen) >= 3, f"the readers saw too few states ({sorted(seen)}) to have overlapped the ingestion"


def test_a_request_reads_one_snapshot_even_when_an_article_lands_between_its_queries(
    empty_db: str, tmp_path: Path
) -> None:
    """Deterministic: an article is stored (and committed) right after the request's first query. The response
    must then show the state before it throughout: as many events listed as counted, each with its sources."""
    from fastapi.testclient import TestClient
    from sqlalchemy import event
    from sqlmodel import Session

    from app.db import get_engine
    from app.ingest.pipeline import ingest_paths
    from app.main import app

    first, second = tmp_path / "first.txt", tmp_path / "second.txt"
    first.write_text(synthetic_article(1))
    second.write_text(synthetic_article(2))
    with Session(get_engine()) as session:
        ingest_paths(session, [first])
    engine = get_engine()
    statements = 0

    def store_the_article() -> None:
        with Session(engine) as writer:
            assert [v.status for v in ingest_paths(writer, [second])] == ["stored"]

    def store_an_article_after_the_first_query(*_args: object, second_read: int = 2) -> None:
        nonlocal statements
        statements += 1
        if statements == second_read:  # the request has read once: the article lands before its second read
            store_the_article()

    # SQLite's pages of plain filters are read on the driver's connection, past SQLAlchemy's events: there the
    # statements are counted as SQLite starts them (BEGIN, the first read, then the article before the second)
    sqlite = engine.dialect.name == "sqlite"
    armed = False

    def trace_the_requests_statements(dbapi_connection: Any, *_args: object) -> None:
        nonlocal armed
        if armed:
            armed = False
            dbapi_connection.set_trace_callback(lambda _sql: store_an_article_after_the_first_query(second_read=3))

    def untrace(dbapi_connection: Any, *_args: object) -> None:
        dbapi_connection.set_trace_callback(None)

    with TestClient(app) as client:
        before = client.get("/events", params={"limit": 500, "sort": "-date"}).json()["total"]
        if sqlite:
            armed = True
            event.listen(engine, "checkout", trace_the_requests_statements)
            event.listen(engine, "checkin", untrace)
        else:
            event.listen(engine, "before_cursor_execute", store_an_article_after_the_first_query)
        try:
            page = client.get("/events", params={"limit": 500}).json()
        finally:
            if sqlite:
                event.remove(engine, "checkout", trace_the_requests_statements)
                event.remove(engine, "checkin", untrace)
            else:
                event.remove(engine, "before_cursor_execute", store_an_article_after_the_first_query)
        after = client.get("/events", params={"limit": 499}).json()["total"]
    assert statements >= (3 if sqlite else 2), "the article was never stored between the request's reads"
    assert after > before, "the second article added no events, so nothing was tested"
    assert page["total"] in (before, after)
    assert len(page["events"]) == page["total"], "the count and the list come from two states"
    assert all(e["sources"] for e in page["events"])
