"""One temporary SQLite database per test session, the seeds ingested into it, and a test client."""

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"


def use_database(url: str) -> None:
    from app.config import get_settings
    from app.db import get_engine

    os.environ["DATABASE_URL"] = url
    get_settings.cache_clear()
    get_engine.cache_clear()


@pytest.fixture(scope="session")
def seeded_db(tmp_path_factory: pytest.TempPathFactory) -> str:
    from sqlmodel import Session

    from app.db import get_engine
    from app.ingest.pipeline import ingest_paths
    from app.migrate import upgrade_database

    url = f"sqlite:///{tmp_path_factory.mktemp('db') / 'seeded.db'}"
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

    url = f"sqlite:///{tmp_path / 'empty.db'}"
    use_database(url)
    upgrade_database()
    return url
