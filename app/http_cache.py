"""HTTP caching and CORS for the read-only API: an ETag on every JSON and export response, 304 when the
client already has it, and cross-origin GETs allowed so notebooks and other sites can call the API."""

import hashlib

from fastapi import FastAPI
from starlette.middleware.cors import CORSMiddleware
from starlette.types import ASGIApp, Message, Receive, Scope, Send

CACHEABLE_TYPES = (b"application/json", b"text/csv", b"text/calendar")


def _header(headers: list[tuple[bytes, bytes]], name: bytes) -> bytes | None:
    return next((value for key, value in headers if key.lower() == name), None)


def etag_matches(if_none_match: bytes, etag: bytes) -> bool:
    """RFC 9110 weak comparison: any listed tag (or *) equal to ours, with or without W/."""
    if if_none_match.strip() == b"*":
        return True
    ours = etag.removeprefix(b"W/")
    return any(tag.strip().removeprefix(b"W/") == ours for tag in if_none_match.split(b","))


class ETagMiddleware:
    """Buffers successful GET responses of the cacheable types, tags them with a hash of the body."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] not in {"GET", "HEAD"}:
            await self.app(scope, receive, send)
            return
        if_none_match = _header(list(scope.get("headers", [])), b"if-none-match")
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
                    await _finish(start, b"".join(chunks))
            else:
                await send(message)

        async def _finish(message: Message, body: bytes) -> None:
            etag = b'"' + hashlib.blake2b(body, digest_size=16).hexdigest().encode() + b'"'
            headers = [(k, v) for k, v in message.get("headers", []) if k.lower() not in {b"etag", b"content-length"}]
            if if_none_match is not None and etag_matches(if_none_match, etag):
                kept = [(k, v) for k, v in headers if k.lower() != b"content-type"]
                await send({"type": "http.response.start", "status": 304, "headers": [*kept, (b"etag", etag)]})
                await send({"type": "http.response.body", "body": b""})
                return
            headers += [(b"etag", etag), (b"content-length", str(len(body)).encode())]
            await send({"type": "http.response.start", "status": 200, "headers": headers})
            await send({"type": "http.response.body", "body": body})

        await self.app(scope, receive, buffered_send)


def install_http_cache(app: FastAPI) -> None:
    app.add_middleware(ETagMiddleware)
    app.add_middleware(
        CORSMiddleware,
        allow_origins=["*"],
        allow_methods=["GET", "HEAD"],
        allow_headers=["If-None-Match", "Accept"],
        expose_headers=["ETag"],
        max_age=600,
    )
