"""A small closed-loop HTTP/1.1 load generator on raw asyncio streams (uvloop when installed).

N connections each send a GET, read the whole response (Content-Length or chunked), and send the next one on
the same keep-alive connection. After a warm-up, a measured window follows:

- req/s counts the responses that arrive inside the window;
- latencies are those of the requests sent inside the window; a request still unanswered `grace` seconds
  after the window ends (whenever it was sent: one sent in the warm-up blocks its connection all through the
  window) is counted as *stalled*, and enters the percentiles as an infinite latency (so a p99 shown as
  "> N s" means more than 1 % of the requests got no answer within N s);
- connection errors and HTTP statuses ≥ 400 are counted as errors.

Raw streams instead of an HTTP client library keep the client's own cost per request low, since the client
shares the machine's cores with the server.
"""

import asyncio
import math
import time
from dataclasses import dataclass, field
from urllib.parse import urlsplit

GRACE = 5.0


@dataclass
class LoadResult:
    """What one measurement of one URL gave."""

    url: str
    connections: int
    seconds: float
    grace: float = GRACE
    completed: int = 0  # responses that arrived inside the measured window
    latencies: list[float] = field(default_factory=list)  # requests sent inside the window and answered
    stalled: int = 0  # requests unanswered `grace` seconds after the window
    statuses: dict[int, int] = field(default_factory=dict)
    failures: int = 0
    body_bytes: int = 0

    @property
    def rps(self) -> float:
        return self.completed / self.seconds if self.seconds else 0.0

    @property
    def errors(self) -> int:
        return self.failures + sum(n for status, n in self.statuses.items() if status >= 400)

    def percentile(self, fraction: float) -> float:
        """Latency (seconds) below which `fraction` of the requests were answered (nearest rank); stalled requests
        count as infinitely slow."""
        total = len(self.latencies) + self.stalled
        if not total:
            return math.nan
        rank = min(total, max(1, math.ceil(fraction * total)))
        ordered = sorted(self.latencies)
        return ordered[rank - 1] if rank <= len(ordered) else math.inf

    @property
    def mean_body_bytes(self) -> float:
        return self.body_bytes / len(self.latencies) if self.latencies else 0.0


def merge_results(results: list[LoadResult]) -> LoadResult:
    """Several measurements of the same URL as one: all requests over the summed measured time."""
    merged = LoadResult(results[0].url, results[0].connections, sum(r.seconds for r in results), results[0].grace)
    for result in results:
        merged.completed += result.completed
        merged.latencies.extend(result.latencies)
        merged.stalled += result.stalled
        merged.failures += result.failures
        merged.body_bytes += result.body_bytes
        for status, n in result.statuses.items():
            merged.statuses[status] = merged.statuses.get(status, 0) + n
    return merged


async def read_response(reader: asyncio.StreamReader) -> tuple[int, int, bool]:
    """(status, body bytes, keep-alive) of one response read whole from the stream."""
    head = await reader.readuntil(b"\r\n\r\n")
    lines = head.decode("latin-1").split("\r\n")
    status = int(lines[0].split(" ", 2)[1])
    headers = {}
    for line in lines[1:]:
        if ":" in line:
            name, value = line.split(":", 1)
            headers[name.strip().lower()] = value.strip().lower()
    keep_alive = headers.get("connection") != "close"
    if "content-length" in headers:
        size = int(headers["content-length"])
        await reader.readexactly(size)
        return status, size, keep_alive
    if "chunked" in headers.get("transfer-encoding", ""):
        size = 0
        while True:
            chunk = int((await reader.readline()).split(b";", 1)[0].strip() or b"0", 16)
            if chunk == 0:
                while (await reader.readline()) not in (b"\r\n", b""):
                    pass  # trailers
                return status, size, keep_alive
            await reader.readexactly(chunk + 2)
            size += chunk
    body = await reader.read()  # no length: the body runs to the end of the connection
    return status, len(body), False


class Requests:
    """The bytes of each request: the same every time, or with `{n}` in the URL replaced by a running number (so
    that no two requests have the same URL, and no response cache keyed by the URL can answer them)."""

    def __init__(self, host: str, port: int, path: str) -> None:
        self.template = (
            f"GET {path} HTTP/1.1\r\nHost: {host}:{port}\r\nAccept: */*\r\nUser-Agent: app.benchmarks\r\n\r\n"
        )
        self.fixed = None if "{n}" in path else self.template.encode()
        self.count = 0

    def next(self) -> bytes:
        if self.fixed is not None:
            return self.fixed
        self.count += 1
        return self.template.replace("{n}", str(self.count)).encode()


async def _connection(
    host: str, port: int, requests: Requests, window: tuple[float, float], result: LoadResult
) -> None:
    """One keep-alive connection sending requests back to back until the window ends."""
    measure_from, stop_at = window
    give_up = stop_at + result.grace
    writer = None
    while time.perf_counter() < stop_at:
        sent = time.perf_counter()
        try:
            if writer is None:
                reader, writer = await asyncio.open_connection(host, port)
            sent = time.perf_counter()
            writer.write(requests.next())
            status, size, keep_alive = await asyncio.wait_for(read_response(reader), timeout=give_up - sent)
        except TimeoutError:
            result.stalled += 1
            break
        except (OSError, asyncio.IncompleteReadError, asyncio.LimitOverrunError, ValueError, IndexError):
            result.failures += measure_from <= sent
            if writer is not None:
                writer.close()
            writer = None
            await asyncio.sleep(0.01)
            continue
        done = time.perf_counter()
        result.completed += measure_from <= done <= stop_at
        if measure_from <= sent:
            result.latencies.append(done - sent)
            result.statuses[status] = result.statuses.get(status, 0) + 1
            result.body_bytes += size
        if not keep_alive:
            writer.close()
            writer = None
    if writer is not None:
        writer.close()


async def run_load(
    url: str, connections: int = 32, duration: float = 10.0, warmup: float = 2.0, grace: float = GRACE
) -> LoadResult:
    """Load `url` with `connections` concurrent connections: `warmup` seconds discarded, then `duration` measured.
    A `{n}` in the URL becomes a number that differs from request to request."""
    parts = urlsplit(url)
    host, port = parts.hostname or "127.0.0.1", parts.port or 80
    path = parts.path + (f"?{parts.query}" if parts.query else "")
    start = time.perf_counter()
    window = (start + warmup, start + warmup + duration)
    result = LoadResult(url, connections, duration, grace)
    requests = Requests(host, port, path)
    await asyncio.gather(*(_connection(host, port, requests, window, result) for _ in range(connections)))
    return result


def measure(
    url: str, connections: int = 32, duration: float = 10.0, warmup: float = 2.0, grace: float = GRACE
) -> LoadResult:
    """`run_load` in a fresh event loop (uvloop's when it is installed)."""
    try:
        import uvloop
    except ImportError:
        return asyncio.run(run_load(url, connections, duration, warmup, grace))
    return uvloop.run(run_load(url, connections, duration, warmup, grace))
