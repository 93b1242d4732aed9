import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlmodel import SQLModel

import app.models  # noqa: F401
from app.db import get_engine
from app.search import include_name


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
