"""The database engine (created once), sessions, and the SessionDep alias routes depend on."""

import asyncio
import contextlib
from collections.abc import AsyncIterator, Callable
from concurrent.futures import ThreadPoolExecutor
from functools import lru_cache, partial
from pathlib import Path
from typing import Annotated, Any, TypeVar

from fastapi import Depends
from sqlalchemy import event
from sqlalchemy.engine import Engine, make_url
from sqlalchemy.pool import StaticPool
from sqlmodel import Session, create_engine

from app.config import get_settings

Done = TypeVar("Done")
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


async def get_session() -> AsyncIterator[Session]:
    """A session per request, opened and closed in the event loop: a plain generator would cost two hops
    to a worker thread per request, and a `def` endpoint waiting for a free thread to close its session
    could deadlock the pool. Opening does no I/O; closing returns the connection to the pool."""
    with Session(get_engine()) as session:
        yield session


QUERY_THREAD = ThreadPoolExecutor(max_workers=1, thread_name_prefix="query")


async def run_query(work: Callable[..., Done], *args: Any) -> Done:
    """Run a request's database work on this process's one query thread. The event loop stays free to
    serve cached responses meanwhile, and the queries run one after another: with two worker processes
    that keeps both cores busy, while dozens of threads taking turns at the GIL served a third as many."""
    done = asyncio.get_running_loop().run_in_executor(QUERY_THREAD, partial(work, *args))
    try:
        return await asyncio.shield(done)
    except asyncio.CancelledError:
        # a request cancelled (a client gone, a server shutting down) waits for its work to end: only then may
        # its session be closed and its connection go back to the pool
        while not done.done():
            with contextlib.suppress(asyncio.CancelledError):
                await asyncio.wait([done])
        done.exception()  # retrieved: what the cancelled request's work raised is of no one's concern now
        raise


SessionDep = Annotated[Session, Depends(get_session)]
