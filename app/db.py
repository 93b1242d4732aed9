"""The database engine (created once), sessions, and the SessionDep alias routes depend on."""

from collections.abc import Iterator
from functools import lru_cache
from pathlib import Path
from typing import Annotated, Any

from fastapi import Depends
from sqlalchemy import event
from sqlalchemy.engine import Engine, make_url
from sqlalchemy.pool import StaticPool
from sqlmodel import Session, create_engine

from app.config import get_settings

POOL_SIZE = 40  # Starlette runs plain `def` endpoints in a pool of 40 threads


def _enable_sqlite_wal(dbapi_connection: Any, _record: Any) -> None:
    # pysqlite would run each SELECT outside a transaction (a snapshot per statement); BEGIN is ours to send
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.close()


def make_engine(url: str) -> Engine:
    """An engine for url; SQLite gets WAL mode, a busy timeout and its folder created."""
    parsed = make_url(url)
    if parsed.get_backend_name() != "sqlite":
        return create_engine(url, pool_pre_ping=True, pool_size=POOL_SIZE, max_overflow=POOL_SIZE)
    if parsed.database and parsed.database != ":memory:":
        Path(parsed.database).parent.mkdir(parents=True, exist_ok=True)
    timeout_s = get_settings().sqlite_busy_timeout_ms / 1000
    engine = create_engine(
        url,
        connect_args={"check_same_thread": False, "timeout": timeout_s},
        pool_size=POOL_SIZE,  # as many as the threads that serve requests: none waits for a connection
        max_overflow=POOL_SIZE,
    )
    event.listen(engine, "connect", _enable_sqlite_wal)
    event.listen(engine, "begin", _begin)
    return engine


def _begin(connection: Any) -> None:
    """A real transaction from the first statement: a request that counts and then lists reads one snapshot."""
    connection.exec_driver_sql("BEGIN")


@lru_cache
def get_engine() -> Engine:
    return make_engine(get_settings().database_url)


@lru_cache
def get_probe_engine() -> Engine:
    """One connection of its own for the cheap checks the event loop makes itself (the data's generation),
    so they never wait behind the request threads for a pooled connection."""
    url = get_settings().database_url
    if make_url(url).get_backend_name() != "sqlite":
        return create_engine(url, pool_pre_ping=True, pool_size=1, max_overflow=0)
    engine = create_engine(url, connect_args={"check_same_thread": False}, poolclass=StaticPool)
    event.listen(engine, "connect", _enable_sqlite_wal)
    return engine


def get_session() -> Iterator[Session]:
    with Session(get_engine()) as session:
        yield session


SessionDep = Annotated[Session, Depends(get_session)]
