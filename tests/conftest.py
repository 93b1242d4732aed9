"""One temporary database per test session, the seeds ingested into it, and a test client.

The databases are SQLite files, or, when PG_TEST_URL names a PostgreSQL server (as `make test` does with a
throwaway cluster, see tests/pg_cluster.py), fresh databases created on that server.
"""

import os
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
ARTIFACTS = ROOT / "test-artifacts"


def use_database(url: str) -> None:
    from app.config import get_settings
    from app.db import get_engine, get_probe_engine

    os.environ["DATABASE_URL"] = url
    get_settings.cache_clear()
    get_engine.cache_clear()
    get_probe_engine.cache_clear()


def fresh_database_url(sqlite_path: Path) -> str:
    """A new, empty database: on the PostgreSQL server in PG_TEST_URL if set, else an SQLite file."""
    server = os.environ.get("PG_TEST_URL")
    if not server:
        return f"sqlite:///{sqlite_path}"
    from sqlalchemy import create_engine, text
    from sqlalchemy.engine import make_url

    name = f"test_{uuid.uuid4().hex[:12]}"
    admin = create_engine(server, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f'CREATE DATABASE "{name}"'))
    admin.dispose()
    return make_url(server).set(database=name).render_as_string(hide_password=False)


@pytest.fixture(scope="session")
def seeded_db(tmp_path_factory: pytest.TempPathFactory) -> str:
    from sqlmodel import Session

    from app.db import get_engine
    from app.ingest.pipeline import ingest_paths
    from app.migrate import upgrade_database

    url = fresh_database_url(tmp_path_factory.mktemp("db") / "seeded.db")
    use_database(url)
    upgrade_database()
    with Session(get_engine()) as session:
        ingest_paths(session, [SEEDS])
    return url


@pytest.fixture()
def client(seeded_db: str) -> Iterator[TestClient]:
    use_database(seeded_db)
    from app.main import app

    with TestClient(app) as test_client:
        yield test_client


@pytest.fixture()
def empty_db(tmp_path: Path) -> str:
    from app.migrate import upgrade_database

    url = fresh_database_url(tmp_path / "empty.db")
    use_database(url)
    upgrade_database()
    return url
