"""Web security and limits: headers on every response, pages that need no inline script, article text escaped,
no path traversal, no write endpoint, bounded requests, server timeouts, and a short load test with no errors.

Most tests use the in-process client on the seeded database; those about the HTTP server itself (raw paths,
oversized requests, keep-alive timeout, load) run uvicorn with the options of `make serve`.
"""

import asyncio
import contextlib
import os
import re
import socket
import time
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path

import pytest
from fastapi.routing import APIRoute
from fastapi.testclient import TestClient
from starlette.routing import BaseRoute, Mount, Route
from starlette.staticfiles import StaticFiles

from app.loadtest import make_serve_options, run_load, serving
from app.security import CSP
from tests.conftest import ROOT

CSP_DIRECTIVES = {
    "default-src": "'self'",
    "script-src": "'self'",
    "style-src": "'self'",
    "img-src": "'self' data:",
    "object-src": "'none'",
    "base-uri": "'none'",
    "form-action": "'self'",
    "frame-ancestors": "'none'",
}
# What must never come back through a traversal: /etc/passwd, the project's files, the database itself.
SECRETS = (b"root:x:0:0", b"[project]", b"max_article_bytes", b"SQLite format 3", b"DATABASE_URL")
HOSTILE_ARTICLE = """Talks &lt;script&gt;window.__pwned=1;alert(1)&lt;/script&gt; in Istanbul

March 30, 2022

On Tuesday, the delegations met in Istanbul for peace talks, Medinsky said &lt;img src=x \
onerror="window.__pwned=2;alert(2)"&gt; and more.

Podolyak said on Tuesday that the talks were &lt;a href="javascript:window.__pwned=3;alert(3)"&gt;constructive\
&lt;/a&gt; and &lt;b onmouseover="window.__pwned=4;alert(4)"&gt;hover here&lt;/b&gt;.

On Monday, Kuleba said "&gt;&lt;svg onload=window.__pwned=5;alert(5)&gt; &lt;/script&gt;&lt;script&gt;\
window.__pwned=6;alert(6)&lt;/script&gt; {{ 7*7 }} in a statement on the talks.
"""
"""Entity-escaped markup in plain text: the ingestion stores it as the text `<script>...`, so only the output's
escaping stands between it and the browser."""
RAW_HOSTILE_ARTICLE = """Raw payload <script>window.__pwned=11;alert(11)</script> headline

March 31, 2022

On Wednesday, the delegations met again in Istanbul, Medinsky said <img src=x onerror="window.__pwned=12;alert(12)">\
 and <a href="javascript:window.__pwned=13;alert(13)">this link</a>.

Podolyak said on Wednesday that <b onmouseover="window.__pwned=14;alert(14)">the talks</b> were x < y && \
onmouseover="window.__pwned=15" constructive.
"""
"""Raw markup in a .txt file: the ingestion strips the tags; what is left must be as inert."""
PAYLOAD_TEXT = (
    "<script>window.__pwned=1;alert(1)</script>",
    '<img src=x onerror="window.__pwned=2;alert(2)">',
    '<a href="javascript:window.__pwned=3;alert(3)">',
    '<b onmouseover="window.__pwned=4;alert(4)">',
    "</script><script>window.__pwned=6;alert(6)</script>",
)


def ingest_hostile_articles(folder: Path) -> None:
    """Store the two hostile articles into the database named by DATABASE_URL."""
    from sqlmodel import Session

    from app.db import get_engine
    from app.ingest.pipeline import ingest_paths

    folder.mkdir(parents=True, exist_ok=True)
    (folder / "escaped.txt").write_text(HOSTILE_ARTICLE)
    (folder / "raw.txt").write_text(RAW_HOSTILE_ARTICLE)
    with Session(get_engine()) as session:
        verdicts = ingest_paths(session, [folder])
    assert [v.status for v in verdicts] == ["stored", "stored"], verdicts


def parse_csp(value: str) -> dict[str, str]:
    return {d.split(" ", 1)[0]: d.split(" ", 1)[1] for d in (p.strip() for p in value.split(";")) if " " in d}


def first_ids(client: TestClient) -> tuple[str, str]:
    event_id = client.get("/events", params={"limit": 1}).json()["events"][0]["id"]
    article_id = client.get("/articles", params={"limit": 1}).json()["articles"][0]["id"]
    return event_id, article_id


# --- headers ---------------------------------------------------------------------------------------------


def test_the_policy_is_the_one_documented() -> None:
    assert parse_csp(CSP) == CSP_DIRECTIVES


@pytest.mark.parametrize(
    ("path", "accept"),
    [
        ("/", "text/html"),
        ("/?round=3", "text/html"),
        ("/event/{event}", "text/html"),
        ("/articles/{article}", "text/html"),
        ("/rounds", "text/html"),
        ("/events", "application/json"),
        ("/events/{event}", "application/json"),
        ("/articles", "application/json"),
        ("/events.csv", "*/*"),
        ("/openapi.json", "application/json"),
        ("/static/style.css", "*/*"),
        ("/static/timeline.js", "*/*"),
        ("/static/no-such-file.js", "*/*"),
        ("/events/no-such-event", "application/json"),
        ("/no-such-page", "text/html"),
        ("/events?limit=501", "application/json"),
    ],
)
def test_every_response_carries_the_security_headers(client: TestClient, path: str, accept: str) -> None:
    event_id, article_id = first_ids(client)
    for method in ("GET", "HEAD"):
        response = client.request(method, path.format(event=event_id, article=article_id), headers={"Accept": accept})
        assert parse_csp(response.headers["content-security-policy"]) == CSP_DIRECTIVES
        assert response.headers["x-content-type-options"] == "nosniff"
        assert response.headers["referrer-policy"] in {"strict-origin-when-cross-origin", "no-referrer"}
        assert response.headers["x-frame-options"] == "DENY"


def test_a_not_modified_answer_carries_them_too(client: TestClient) -> None:
    first = client.get("/events", params={"limit": 3})
    if "etag" not in first.headers:
        pytest.skip("the app sends no ETag, so it never answers 304")
    again = client.get("/events", params={"limit": 3}, headers={"If-None-Match": first.headers["etag"]})
    assert again.status_code == 304
    assert again.headers["content-security-policy"] == CSP and again.headers["x-frame-options"] == "DENY"


@pytest.mark.parametrize("path", ["/docs", "/redoc"])
def test_api_docs_run_only_their_own_inline_script(client: TestClient, path: str) -> None:
    """The OpenAPI pages load their viewer from a CDN; their inline script is allowed by its hash alone."""
    import base64
    import hashlib

    response = client.get(path)
    policy = parse_csp(response.headers["content-security-policy"])
    scripts = policy["script-src"].split()
    assert "'unsafe-inline'" not in scripts and "'unsafe-eval'" not in scripts
    for inline in re.findall(rb"<script>(.*?)</script>", response.content, re.S):
        digest = base64.b64encode(hashlib.sha256(inline).digest()).decode()
        assert f"'sha256-{digest}'" in scripts
    assert policy["frame-ancestors"] == "'none'" and policy["object-src"] == "'none'"


# --- pages under the policy, article text escaped ----------------------------------------------------------


class InlineCode(HTMLParser):
    """Collects what a strict CSP would block or what would run code: inline scripts, style and on* attributes,
    javascript: URLs."""

    def __init__(self) -> None:
        super().__init__()
        self.found: list[str] = []
        self._in_script = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if tag == "script" and "src" not in values and values.get("type") not in {"application/json", "importmap"}:
            self._in_script = True
        if tag == "style":
            self.found.append("<style> element")
        for name, value in attrs:
            if name == "style" or name.startswith("on"):
                self.found.append(f"<{tag} {name}=...>")
            if name in {"href", "src", "action", "formaction"} and (value or "").strip().lower().startswith(
                "javascript:"
            ):
                self.found.append(f"<{tag} {name}={value}>")

    def handle_endtag(self, tag: str) -> None:
        self._in_script = False

    def handle_data(self, data: str) -> None:
        if self._in_script and data.strip():
            self.found.append(f"inline script: {data.strip()[:60]}")


def inline_code(html: str) -> list[str]:
    parser = InlineCode()
    parser.feed(html)
    return parser.found


def test_the_pages_need_no_inline_script_or_style(client: TestClient) -> None:
    """Templates that relied on inline code would break under the policy (and would be a way in)."""
    event_id, article_id = first_ids(client)
    for path in ("/", "/?type=round", f"/event/{event_id}", f"/articles/{article_id}", "/rounds", "/no-such-page"):
        response = client.get(path, headers={"Accept": "text/html"})
        assert inline_code(response.text) == [], path


def test_the_timeline_script_writes_no_html() -> None:
    """Text from articles reaches the DOM through textContent only, never through an HTML sink."""
    for script in (ROOT / "static").glob("*.js"):
        code = script.read_text()
        for sink in ("innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "eval(", "new Function"):
            assert sink not in code, f"{script.name} uses {sink}"


def test_article_text_is_escaped_in_every_page(empty_db: str, tmp_path: Path) -> None:
    from app.main import app

    ingest_hostile_articles(tmp_path / "hostile")
    with TestClient(app) as client:
        events = client.get("/events", params={"limit": 500}).json()["events"]
        articles = client.get("/articles").json()["articles"]
        pages = ["/", "/rounds", *(f"/event/{e['id']}" for e in events), *(f"/articles/{a['id']}" for a in articles)]
        for path in pages:
            html = client.get(path, headers={"Accept": "text/html"}).text
            assert "window.__pwned" not in "".join(inline_code(html)), path
            for payload in PAYLOAD_TEXT:
                assert payload not in html, f"{path} sends {payload!r} unescaped"
        shown = "".join(client.get(f"/articles/{a['id']}", headers={"Accept": "text/html"}).text for a in articles)
        assert "&lt;script&gt;window.__pwned=1;alert(1)&lt;/script&gt;" in shown  # there, as text
        assert "{{ 7*7 }}" in shown  # data is never evaluated as a template


# --- no write endpoint -----------------------------------------------------------------------------------


def all_routes(routes: list[BaseRoute]) -> Iterator[BaseRoute]:
    """Every route, also inside included routers (FastAPI keeps them nested in app.routes)."""
    for route in routes:
        if hasattr(route, "original_router"):
            yield from all_routes(route.original_router.routes)
        else:
            yield route


def test_every_route_only_reads() -> None:
    from app.main import app

    seen = 0
    for route in all_routes(app.routes):
        if isinstance(route, Mount):
            assert isinstance(route.app, StaticFiles), f"{route.path}: a mounted app that may accept writes"
        else:
            assert isinstance(route, APIRoute | Route), f"{route!r}: not an HTTP route"
            assert route.methods and route.methods <= {"GET", "HEAD"}, f"{route.path} accepts {route.methods}"
            seen += 1
    assert seen >= 10, "too few routes found: the walk over app.routes missed the included routers"
    operations = {method for item in app.openapi()["paths"].values() for method in item}
    assert operations == {"get"}


@pytest.mark.parametrize("method", ["POST", "PUT", "PATCH", "DELETE"])
def test_write_methods_are_refused_everywhere(client: TestClient, method: str) -> None:
    from app.main import app

    event_id, _ = first_ids(client)
    paths = {re.sub(r"\{[^}]+\}", event_id, r.path) for r in all_routes(app.routes) if isinstance(r, APIRoute)}
    for path in [*sorted(paths), "/static/style.css", "/static/new.txt"]:
        response = client.request(method, path, content=b"x=1")
        assert response.status_code in {404, 405}, f"{method} {path} gave {response.status_code}"


# --- request limits --------------------------------------------------------------------------------------


@pytest.mark.parametrize("path", ["/events", "/", "/events.csv"])
@pytest.mark.parametrize(
    ("params", "status"),
    [
        ({"q": "x" * 200}, 200),
        ({"q": "x" * 201}, 422),
        ({"limit": 500}, 200),
        ({"limit": 501}, 422),
        ({"limit": 0}, 422),
        ({"limit": 10**30}, 422),
        ({"offset": -1}, 422),
    ],
)
def test_request_parameters_are_bounded(client: TestClient, path: str, params: dict[str, object], status: int) -> None:
    assert client.get(path, params=params).status_code == status


# --- the HTTP server as `make serve` runs it -------------------------------------------------------------


@pytest.fixture(scope="module")
def production_server(seeded_db: str) -> Iterator[str]:
    """uvicorn with the options of the Makefile's `serve` target, on a free port, serving the seeded database."""
    env = {**os.environ, "DATABASE_URL": seeded_db}
    with serving([*make_serve_options(), "--log-level", "critical"], env=env) as base:
        yield base


def raw_request(base: str, request: bytes, timeout: float = 10.0) -> bytes:
    """Send bytes as they are (no client normalises the path) and return the whole answer; b"" when the server
    hung up without one (it may reset a connection whose request it refused to read to the end)."""
    host, port = base.removeprefix("http://").split(":")
    answer = b""
    with (
        socket.create_connection((host, int(port)), timeout=timeout) as sock,
        contextlib.suppress(BrokenPipeError, ConnectionResetError),
    ):
        sock.sendall(request)
        while chunk := sock.recv(65536):
            answer += chunk
    return answer


def raw_get(base: str, target: str, extra: bytes = b"") -> tuple[int, bytes]:
    answer = raw_request(base, f"GET {target} HTTP/1.1\r\nHost: x\r\n".encode() + extra + b"Connection: close\r\n\r\n")
    status = int(answer.split(b" ", 2)[1]) if answer.startswith(b"HTTP/1.1 ") else 0
    return status, answer


def test_make_serve_sets_the_limits() -> None:
    options = make_serve_options()
    for option in ("--limit-concurrency", "--timeout-keep-alive", "--h11-max-incomplete-event-size"):
        assert option in options
    assert options[options.index("--http") + 1] == "h11"  # httptools has no limit on the size of headers


TRAVERSALS = [
    "/static/../../etc/passwd",
    "/static/..%2f..%2f..%2f..%2f..%2f..%2fetc%2fpasswd",
    "/static/..%2F..%2Fapp%2Fconfig.py",
    "/static/%2e%2e/%2e%2e/pyproject.toml",
    "/static/%2e%2e%2fpyproject.toml",
    "/static/..%5c..%5cpyproject.toml",
    "/static/....//....//pyproject.toml",
    "/static/%252e%252e/%252e%252e/pyproject.toml",
    "/static//etc/passwd",
    "/static/..%00/pyproject.toml",
    "/static/../data/timeline.db",
    "/static/%2e%2e/data/timeline.db",
    "/articles/..%2F..%2Fetc%2Fpasswd",
    "/articles/../../etc/passwd",
    "/articles/%2e%2e%2f%2e%2e%2fpyproject.toml",
    "/event/..%2F..%2Fetc%2Fpasswd",
    "/events/..%2F..%2Fpyproject.toml",
    "/rounds/..%2F..%2Fetc%2Fpasswd",
    "//etc/passwd",
    "/..%2f..%2f..%2fetc%2fpasswd",
]


def test_no_path_traversal_through_static_or_article_routes(production_server: str) -> None:
    status, answer = raw_get(production_server, "/static/style.css")
    assert status == 200  # the route works, so the refusals below are about the paths
    for target in TRAVERSALS:
        status, answer = raw_get(production_server, target)
        assert status in {400, 404, 422}, f"{target}: {status}"
        assert not any(secret in answer for secret in SECRETS), f"{target} leaked a file"


def test_oversized_requests_are_refused_and_the_server_carries_on(production_server: str) -> None:
    """h11 buffers at most 16 KiB of an incomplete request line and headers (a request that arrives whole in one
    read may be larger): a request of hundreds of KiB of headers is refused (400 or a reset), never served."""
    refused = {0, 400, 414, 431}
    big_header = b"X-Padding: " + b"a" * 512 * 1024 + b"\r\n"
    assert raw_get(production_server, "/events?limit=1", extra=big_header)[0] in refused
    assert raw_get(production_server, "/events?limit=1", extra=b"X-A: b\r\n" * 64_000)[0] in refused
    assert raw_get(production_server, "/events?q=" + "a" * 512 * 1024)[0] in refused
    assert raw_get(production_server, "/events?q=" + "a" * 8 * 1024)[0] == 422  # within the server's cap: q's own
    assert raw_get(production_server, "/events?limit=1")[0] == 200


def test_idle_connections_are_closed(production_server: str) -> None:
    """--timeout-keep-alive: a client that keeps a connection open without asking anything is dropped."""
    timeout = int(make_serve_options()[make_serve_options().index("--timeout-keep-alive") + 1])
    host, port = production_server.removeprefix("http://").split(":")
    with socket.create_connection((host, int(port)), timeout=timeout + 10) as sock:
        sock.sendall(b"GET /events?limit=1 HTTP/1.1\r\nHost: x\r\n\r\n")
        started = time.monotonic()
        answer = b""
        while chunk := sock.recv(65536):  # the response, then nothing until the server hangs up
            answer += chunk
        assert answer.startswith(b"HTTP/1.1 200")
        assert time.monotonic() - started < timeout + 5


def test_a_short_load_test_has_no_errors(production_server: str) -> None:
    """8 connections for 2 seconds against /events and /: every request answered (no timing is asserted)."""
    result = asyncio.run(run_load(production_server, connections=8, duration_s=2.0))
    assert result.requests > 0
    assert result.error_count == 0, result.summary()


def test_the_load_test_only_targets_this_machine() -> None:
    with pytest.raises(ValueError, match="only"):
        asyncio.run(run_load("http://example.org", connections=1, duration_s=0.1))
