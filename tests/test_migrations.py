from pathlib import Path

import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import Connection, text
from sqlmodel import SQLModel

import app.models  # noqa: F401
from app.db import get_engine
from app.search import include_name, search_rowid
from tests.conftest import fresh_database_url, use_database


def _insert_event_of_an_earlier_version(connection: Connection, date_end: str, precision: str) -> None:
    """An event row as the columns of migration 0004 hold it, from 1 March 2022 to `date_end`."""
    connection.execute(
        text(
            "INSERT INTO event (id, title, summary, type, date, date_end, date_precision, status, round_claims,"
            " confidence, source_count, conflicts, date_explanation) VALUES ('abc123', 't', '', 'round',"
            " '2022-03-01', :date_end, :precision, 'occurred', '[]', 0.5, 1, '[]', '')"
        ),
        {"date_end": date_end, "precision": precision},
    )


def test_migrations_and_models_agree(empty_db: str) -> None:
    with get_engine().connect() as connection:
        context = MigrationContext.configure(connection, opts={"include_name": include_name})
        diff = compare_metadata(context, SQLModel.metadata)
    assert diff == []


def test_sqlite_runs_in_wal_mode(empty_db: str) -> None:
    if not empty_db.startswith("sqlite"):
        pytest.skip("WAL is SQLite's; this run is on PostgreSQL")
    with get_engine().connect() as connection:
        assert connection.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"


def test_search_rows_of_an_earlier_version_get_rowids_made_from_their_event_ids(tmp_path: Path) -> None:
    from app.migrate import alembic_config

    use_database(fresh_database_url(tmp_path / "old.db"))
    if not get_engine().url.drivername.startswith("sqlite"):
        pytest.skip("the rowids are SQLite's; PostgreSQL's index is keyed by event_id")
    command.upgrade(alembic_config(), "0003")
    with get_engine().begin() as connection:
        connection.execute(text("INSERT INTO event_fts (rowid, event_id, body) VALUES (7, 'abc123', 'talks')"))
    command.upgrade(alembic_config(), "head")
    with get_engine().connect() as connection:
        rows = connection.execute(text("SELECT rowid, event_id, body FROM event_fts")).all()
    assert [tuple(r) for r in rows] == [(search_rowid("abc123"), "abc123", "talks")]


def test_events_of_an_earlier_version_get_the_rowids_of_their_search_rows(tmp_path: Path) -> None:
    from app.migrate import alembic_config

    use_database(fresh_database_url(tmp_path / "old.db"))
    command.upgrade(alembic_config(), "0004")
    with get_engine().begin() as connection:
        _insert_event_of_an_earlier_version(connection, "2022-03-01", "day")
    command.upgrade(alembic_config(), "head")
    with get_engine().connect() as connection:
        rows = connection.execute(text("SELECT id, search_rowid FROM event")).all()
    assert [tuple(r) for r in rows] == [("abc123", search_rowid("abc123"))]


def test_events_of_an_earlier_version_keep_their_day_and_are_served_with_their_window(tmp_path: Path) -> None:
    """0008: an event stored before keeps its first day as its date; its stored JSON, without 'date_start', is gone,
    so /events assembles it with the window until the next ingestion writes it again."""
    from fastapi.testclient import TestClient

    from app.main import app
    from app.migrate import alembic_config

    use_database(fresh_database_url(tmp_path / "old.db"))
    command.upgrade(alembic_config(), "0007")
    with get_engine().begin() as connection:
        _insert_event_of_an_earlier_version(connection, "2022-03-02", "range")
        connection.execute(text("INSERT INTO event_json (event_id, body) VALUES ('abc123', '{\"id\": \"abc123\"}')"))
    command.upgrade(alembic_config(), "head")
    with get_engine().connect() as connection:
        assert connection.execute(text("SELECT count(*) FROM event_json")).scalar() == 0
    with TestClient(app) as client:
        (event,) = client.get("/events").json()["events"]
    assert (event["date_start"], event["date"], event["date_end"]) == ("2022-03-01", "2022-03-01", "2022-03-02")
