"""HTTP caching and CORS for the read-only site.

- A response cache: a successful GET is kept, keyed by its URL and the data's generation (a counter the
  ingestion bumps in each article's transaction), so a repeated query costs one tiny SELECT instead of the
  full query and rendering, and a new article makes every cached response stale at once.
- An ETag on every JSON, export and page response, and 304 when the client already has it.
- Cross-origin GETs allowed, so notebooks and other sites can call the API.
"""

import hashlib
from collections import OrderedDict
from dataclasses import dataclass

from fastapi import FastAPI
from sqlalchemy import text
from sqlalchemy.exc import SQLAlchemyError
from starlette.middleware.cors import CORSMiddleware
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from app.config import get_settings
from app.db import get_probe_engine

CACHEABLE_TYPES = (b"application/json", b"text/csv", b"text/calendar", b"text/html")
GENERATION = text("SELECT generation FROM ingest_state WHERE id = 1")
CACHE_ENTRIES = 1024
CACHE_MAX_BODY = 4 * 1024 * 1024
VARY_HEADERS = (b"accept", b"host")  # /rounds and /articles/{id} answer HTML or JSON by Accept


def _header(headers: list[tuple[bytes, bytes]], name: bytes) -> bytes | None:
    return next((value for key, value in headers if key.lower() == name), None)


def etag_matches(if_none_match: bytes, etag: bytes) -> bool:
    """RFC 9110 weak comparison: any listed tag (or *) equal to ours, with or without W/."""
    if if_none_match.strip() == b"*":
        return True
    ours = etag.removeprefix(b"W/")
    return any(tag.strip().removeprefix(b"W/") == ours for tag in if_none_match.split(b","))


@dataclass(frozen=True)
class CachedResponse:
    headers: list[tuple[bytes, bytes]]
    body: bytes
    etag: bytes


class ResponseCache:
    """A bounded LRU of rendered responses; an entry is only valid for the generation it was made in."""

    def __init__(self, entries: int = CACHE_ENTRIES) -> None:
        self.entries = entries
        self._store: OrderedDict[tuple[object, ...], CachedResponse] = OrderedDict()

    def get(self, key: tuple[object, ...]) -> CachedResponse | None:
        found = self._store.get(key)
        if found is not None:
            self._store.move_to_end(key)
        return found

    def put(self, key: tuple[object, ...], response: CachedResponse) -> None:
        if len(response.body) > CACHE_MAX_BODY:
            return
        self._store[key] = response
        self._store.move_to_end(key)
        while len(self._store) > self.entries:
            self._store.popitem(last=False)


def current_generation() -> tuple[str, int] | None:
    """Which database, and how many articles' worth of changes it has seen; None when it cannot be read
    (a database not migrated yet), and then nothing is cached."""
    try:
        with get_probe_engine().connect() as connection:
            generation = connection.execute(GENERATION).scalar()
    except SQLAlchemyError:
        return None
    return get_settings().database_url, int(generation or 0)


class CachingMiddleware:
    """Serves repeated GETs from the cache and tags every cacheable 200 response with an ETag."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app
        self.cache = ResponseCache()

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] not in {"GET", "HEAD"}:
            await self.app(scope, receive, send)
            return
        request_headers = list(scope.get("headers", []))
        if_none_match = _header(request_headers, b"if-none-match")
        generation = current_generation()
        if generation is None:
            await self.app(scope, receive, send)
            return
        key = (
            generation,
            scope["method"],
            scope["path"],
            scope.get("query_string", b""),
            *(_header(request_headers, name) for name in VARY_HEADERS),
        )
        cached = self.cache.get(key)
        if cached is not None:
            await _send_cached(send, cached, if_none_match)
            return
        start: Message | None = None
        chunks: list[bytes] = []

        async def buffered_send(message: Message) -> None:
            nonlocal start
            if message["type"] == "http.response.start":
                content_type = _header(list(message.get("headers", [])), b"content-type") or b""
                if message["status"] == 200 and content_type.startswith(CACHEABLE_TYPES):
                    start = message
                    return
                await send(message)
            elif start is not None and message["type"] == "http.response.body":
                chunks.append(message.get("body", b""))
                if not message.get("more_body", False):
                    body = b"".join(chunks)
                    etag = b'"' + hashlib.blake2b(body, digest_size=16).hexdigest().encode() + b'"'
                    headers = [
                        (k, v) for k, v in start.get("headers", []) if k.lower() not in {b"etag", b"content-length"}
                    ]
                    response = CachedResponse(headers, body, etag)
                    self.cache.put(key, response)
                    await _send_cached(send, response, if_none_match)
            else:
                await send(message)

        await self.app(scope, receive, buffered_send)


async def _send_cached(send: Send, response: CachedResponse, if_none_match: bytes | None) -> None:
    if if_none_match is not None and etag_matches(if_none_match, response.etag):
        kept = [(k, v) for k, v in response.headers if k.lower() != b"content-type"]
        await send({"type": "http.response.start", "status": 304, "headers": [*kept, (b"etag", response.etag)]})
        await send({"type": "http.response.body", "body": b""})
        return
    length = str(len(response.body)).encode()
    headers = [*response.headers, (b"etag", response.etag), (b"content-length", length)]
    await send({"type": "http.response.start", "status": 200, "headers": headers})
    await send({"type": "http.response.body", "body": response.body})


def install_http_cache(app: FastAPI) -> None:
    app.add_middleware(CachingMiddleware)
    app.add_middleware(
        CORSMiddleware,
        allow_origins=["*"],
        allow_methods=["GET", "HEAD"],
        allow_headers=["If-None-Match", "Accept"],
        expose_headers=["ETag"],
        max_age=600,
    )
