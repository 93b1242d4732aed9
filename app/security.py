"""Security headers on every response: a Content-Security-Policy that allows no inline script, nosniff, a
referrer policy and no framing.

The site's own pages load only /static files, so their policy allows nothing else. The OpenAPI pages (/docs,
/redoc) are FastAPI's: they load Swagger UI or ReDoc from a CDN and carry an inline bootstrap script. They get
a policy of their own that allows that CDN and exactly their inline code, by its hash; they show no article
text, so nothing from an article can run there either.
"""

import base64
import hashlib
import re

from fastapi import FastAPI
from starlette.types import ASGIApp, Message, Receive, Scope, Send

CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; object-src 'none'; "
    "base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
)
SECURITY_HEADERS: tuple[tuple[bytes, bytes], ...] = (
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"strict-origin-when-cross-origin"),
    (b"x-frame-options", b"DENY"),
)
DOCS_CDN = "https://cdn.jsdelivr.net"
INLINE_SCRIPT = re.compile(rb"<script>(.*?)</script>", re.S)
INLINE_STYLE = re.compile(rb"<style>(.*?)</style>", re.S)


def _hashes(pattern: re.Pattern[bytes], body: bytes) -> str:
    digests = {base64.b64encode(hashlib.sha256(m.group(1)).digest()).decode() for m in pattern.finditer(body)}
    return "".join(f" 'sha256-{d}'" for d in sorted(digests))


def docs_csp(body: bytes) -> str:
    """The policy of an API documentation page: its CDN, and its own inline script by hash (no 'unsafe-inline'
    for scripts). Its styles may be inline: ReDoc and Swagger UI write them at run time."""
    return (
        f"default-src 'self'; script-src 'self' {DOCS_CDN}{_hashes(INLINE_SCRIPT, body)}; "
        f"style-src 'self' {DOCS_CDN} https://fonts.googleapis.com 'unsafe-inline'; "
        "font-src 'self' https://fonts.gstatic.com; img-src 'self' data: https://fastapi.tiangolo.com; "
        "worker-src 'self' blob:; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; "
        "frame-ancestors 'none'"
    )


class SecurityHeadersMiddleware:
    """Adds the headers to every HTTP response (pages, API, static files, errors, 304s), replacing any the
    application set; the documentation pages are buffered to hash their inline script."""

    def __init__(self, app: ASGIApp, docs_paths: frozenset[str] = frozenset()) -> None:
        self.app = app
        self.docs_paths = docs_paths

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        if scope.get("path") in self.docs_paths:
            await self._docs(scope, receive, send)
            return

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                message["headers"] = _with_headers(message.get("headers", []), CSP)
            await send(message)

        await self.app(scope, receive, send_with_headers)

    async def _docs(self, scope: Scope, receive: Receive, send: Send) -> None:
        start: Message | None = None
        chunks: list[bytes] = []

        async def buffered(message: Message) -> None:
            nonlocal start
            if message["type"] == "http.response.start":
                start = message
            elif message["type"] == "http.response.body" and start is not None:
                chunks.append(message.get("body", b""))
                if not message.get("more_body", False):
                    body = b"".join(chunks)
                    start["headers"] = _with_headers(start.get("headers", []), docs_csp(body))
                    await send(start)
                    await send({"type": "http.response.body", "body": body})
            else:
                await send(message)

        await self.app(scope, receive, buffered)


def _with_headers(headers: list[tuple[bytes, bytes]], csp: str) -> list[tuple[bytes, bytes]]:
    ours = {b"content-security-policy", *(name for name, _ in SECURITY_HEADERS)}
    kept = [(name, value) for name, value in headers if name.lower() not in ours]
    return [*kept, (b"content-security-policy", csp.encode()), *SECURITY_HEADERS]


def install_security(app: FastAPI) -> None:
    """Add the middleware outermost of those installed so far, so it also covers cached responses and 304s."""
    docs = frozenset(p for p in (app.docs_url, app.redoc_url, app.swagger_ui_oauth2_redirect_url) if p)
    app.add_middleware(SecurityHeadersMiddleware, docs_paths=docs)
