"""The response cache: repeated GETs are served from it, and a stored article makes them fresh again."""

from pathlib import Path

from fastapi.testclient import TestClient
from sqlmodel import Session

from app.db import get_engine
from app.http_cache import ResponseCache
from app.ingest.pipeline import ingest_paths

SEEDS = Path(__file__).resolve().parent.parent / "seeds"


def test_a_new_article_is_seen_by_the_next_request(empty_db: str) -> None:
    from app.main import app

    with TestClient(app) as client:
        assert client.get("/events").json()["total"] == 0
        assert client.get("/events").json()["total"] == 0  # now from the cache
        with Session(get_engine()) as session:
            ingest_paths(session, [SEEDS / "002_837339c1a1e70bce.txt"])
        assert client.get("/events").json()["total"] > 0


def test_a_head_request_does_not_empty_the_cached_get(empty_db: str) -> None:
    from app.main import app

    with TestClient(app) as client:
        client.head("/rounds")
        assert client.get("/rounds").json()["total"] == 0


def test_the_cache_is_bounded_and_keeps_the_most_recent() -> None:
    from app.http_cache import CachedResponse

    cache = ResponseCache(entries=2)
    for n in range(3):
        cache.put((n,), CachedResponse([], str(n).encode(), b'"x"'))
    assert cache.get((0,)) is None and cache.get((2,)) is not None
