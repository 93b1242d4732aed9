"""A bounded load test against a server on this machine: N connections for T seconds, each sending GETs one
after another over a round-robin of paths; prints requests, errors, requests per second, p50 and p99.

    python -m app.loadtest --url http://127.0.0.1:8000   # a server that is already running
    python -m app.loadtest --serve                         # uvicorn on a free port, with the options of `make serve`
    python -m app.loadtest --serve "--workers 1"           # ... or with these options
    make load                                              # --serve, 32 connections for 20 s

It only talks to 127.0.0.1 / localhost / ::1, and stops after --duration seconds: it cannot be pointed at
someone else's site, and cannot run away. Exit status 1 when any request failed (an error or a status >= 400).
"""

import argparse
import asyncio
import os
import re
import shlex
import signal
import socket
import subprocess
import sys
import time
from collections import Counter
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

import httpx

LOOPBACK = {"127.0.0.1", "localhost", "::1"}
DEFAULT_PATHS = ("/events", "/")
MAX_CONNECTIONS = 1024
MAX_DURATION_S = 600.0
ROOT = Path(__file__).resolve().parent.parent


@dataclass
class LoadResult:
    connections: int
    duration_s: float
    latencies_ms: list[float] = field(default_factory=list)
    errors: Counter[str] = field(default_factory=Counter)

    @property
    def requests(self) -> int:
        return len(self.latencies_ms) + sum(self.errors.values())

    @property
    def error_count(self) -> int:
        return sum(self.errors.values())

    def percentile(self, p: float) -> float:
        """The p-th percentile of the successful requests' latencies (nearest rank), in milliseconds."""
        if not self.latencies_ms:
            return float("nan")
        ordered = sorted(self.latencies_ms)
        rank = max(1, round(p / 100 * len(ordered)))
        return ordered[min(rank, len(ordered)) - 1]

    def summary(self) -> str:
        rate = self.requests / self.duration_s if self.duration_s else 0.0
        lines = [
            f"connections {self.connections}, {self.duration_s:.1f} s",
            f"requests    {self.requests}",
            f"errors      {self.error_count}",
            f"req/s       {rate:.1f}",
            f"p50         {self.percentile(50):.1f} ms",
            f"p99         {self.percentile(99):.1f} ms",
        ]
        lines += [f"  error: {kind} x{count}" for kind, count in self.errors.most_common(5)]
        return "\n".join(lines)


def check_loopback(url: str) -> str:
    """The base URL without a trailing slash, if it names this machine; ValueError otherwise."""
    parts = urlsplit(url)
    if parts.scheme not in {"http", "https"} or parts.hostname not in LOOPBACK:
        raise ValueError(f"{url}: only http(s)://127.0.0.1, localhost or [::1] may be load-tested")
    return url.rstrip("/")


async def _connection(
    client: httpx.AsyncClient, paths: Sequence[str], offset: int, stop_at: float, result: LoadResult, uncached: bool
) -> None:
    """One connection: requests one after another (keep-alive) until the time is up."""
    turn = offset
    while time.monotonic() < stop_at:
        path = paths[turn % len(paths)]
        turn += 1
        if uncached:  # a query parameter the app ignores, new each time: no response cache can answer
            path += f"{'&' if '?' in path else '?'}nocache={offset}-{turn}"
        started = time.perf_counter()
        try:
            response = await client.get(path)
            await response.aread()
        except httpx.HTTPError as exc:
            result.errors[type(exc).__name__] += 1
            continue
        if response.status_code >= 400:
            result.errors[f"HTTP {response.status_code} on {path}"] += 1
        else:
            result.latencies_ms.append((time.perf_counter() - started) * 1000)


async def run_load(
    base_url: str,
    connections: int = 32,
    duration_s: float = 20.0,
    paths: Sequence[str] = DEFAULT_PATHS,
    uncached: bool = False,
) -> LoadResult:
    """connections clients, each on its own keep-alive connection, for duration_s seconds; with uncached, every
    URL is new, so the server renders every response instead of answering from its cache."""
    base_url = check_loopback(base_url)
    if not 1 <= connections <= MAX_CONNECTIONS or not 0 < duration_s <= MAX_DURATION_S:
        raise ValueError(f"1-{MAX_CONNECTIONS} connections for at most {MAX_DURATION_S:.0f} s")
    result = LoadResult(connections, duration_s)
    limits = httpx.Limits(max_connections=connections, max_keepalive_connections=connections)
    timeout = httpx.Timeout(30.0)
    started = time.monotonic()
    async with httpx.AsyncClient(base_url=base_url, limits=limits, timeout=timeout) as client:
        stop_at = started + duration_s
        await asyncio.gather(*(_connection(client, paths, i, stop_at, result, uncached) for i in range(connections)))
    result.duration_s = time.monotonic() - started
    return result


def make_serve_options(makefile: Path = ROOT / "Makefile") -> list[str]:
    """The uvicorn options of the Makefile's `serve` target, without its --host and --port."""
    for line in makefile.read_text(encoding="utf-8").splitlines():
        if match := re.search(r"uvicorn\s+app\.main:app\s+(.*)$", line):
            options, words = [], iter(shlex.split(match.group(1)))
            for word in words:
                if word in {"--host", "--port"}:
                    next(words, None)
                else:
                    options.append(word)
            return options
    raise RuntimeError(f"no `uvicorn app.main:app` line in {makefile}")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@contextmanager
def serving(options: Sequence[str], env: dict[str, str] | None = None, ready_timeout_s: float = 60.0) -> Iterator[str]:
    """uvicorn app.main:app on a free port of 127.0.0.1 with the given options (and environment); its base URL.
    The server and its workers are stopped on exit."""
    port = free_port()
    command = [sys.executable, "-m", "uvicorn", "app.main:app", "--host", "127.0.0.1", "--port", str(port), *options]
    process = subprocess.Popen(command, cwd=ROOT, env=env or os.environ.copy(), start_new_session=True)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + ready_timeout_s
        while True:
            if process.poll() is not None:
                raise RuntimeError(f"the server exited with status {process.returncode}")
            try:
                if httpx.get(f"{base}/events?limit=1", timeout=2).status_code == 200:
                    break
            except httpx.HTTPError:
                pass
            if time.monotonic() > deadline:
                raise RuntimeError(f"the server did not answer within {ready_timeout_s:.0f} s")
            time.sleep(0.1)
        yield base
    finally:
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGTERM)  # uvicorn and its worker processes
            try:
                process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                os.killpg(process.pid, signal.SIGKILL)
                process.wait()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m app.loadtest", description=__doc__.split("\n\n")[0])
    target = parser.add_mutually_exclusive_group(required=True)
    target.add_argument("--url", help="base URL of a running server on this machine")
    target.add_argument(
        "--serve",
        nargs="?",
        const="",
        metavar="OPTIONS",
        help="start uvicorn on a free port with these options (none given: those of `make serve`)",
    )
    parser.add_argument("-c", "--connections", type=int, default=32)
    parser.add_argument("-d", "--duration", type=float, default=20.0, help="seconds")
    parser.add_argument("--uncached", action="store_true", help="make every URL new, to defeat response caches")
    parser.add_argument("paths", nargs="*", default=list(DEFAULT_PATHS), help="paths to request in turn")
    args = parser.parse_args(argv)
    try:
        if args.url is not None:
            result = asyncio.run(run_load(args.url, args.connections, args.duration, args.paths, args.uncached))
        else:
            options = shlex.split(args.serve) if args.serve else make_serve_options()
            with serving(options) as base:
                print(f"serving on {base} with: {shlex.join(options)}", flush=True)
                result = asyncio.run(run_load(base, args.connections, args.duration, args.paths, args.uncached))
    except (ValueError, RuntimeError) as exc:
        print(f"load test not run: {exc}", file=sys.stderr)
        return 2
    print(f"paths       {' '.join(args.paths)}{' (uncached)' if args.uncached else ''}")
    print(result.summary())
    return 1 if result.error_count else 0


if __name__ == "__main__":
    sys.exit(main())
