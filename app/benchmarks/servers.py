"""Start the app (the production configuration of `make serve`) and Datasette on free 127.0.0.1 ports, and stop
them again: each server runs in its own process group, which is terminated (then killed) on the way out."""

import contextlib
import os
import re
import shlex
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parent.parent.parent
HOST = "127.0.0.1"
# what `make serve` passes after `app.main:app`, if the Makefile cannot be read
DEFAULT_SERVE_ARGS = ["--host", HOST, "--port", "$(PORT)", "--workers", "2", "--loop", "uvloop", "--http", "httptools"]


def free_port() -> int:
    with socket.socket() as s:
        s.bind((HOST, 0))
        return int(s.getsockname()[1])


def serve_arguments(port: int) -> list[str]:
    """The uvicorn options of the Makefile's `serve` target, so the benchmark measures what `make serve` runs."""
    args = DEFAULT_SERVE_ARGS
    with contextlib.suppress(OSError):
        for line in (ROOT / "Makefile").read_text(encoding="utf-8").splitlines():
            if match := re.search(r"uvicorn\s+app\.main:app\s+(.*)$", line):
                args = shlex.split(match.group(1))
                break
    return [str(port) if a == "$(PORT)" else a for a in args]


def app_command(port: int) -> list[str]:
    return [sys.executable, "-m", "uvicorn", "app.main:app", *serve_arguments(port)]


def datasette_command(db_path: Path, port: int) -> list[str]:
    datasette = Path(sys.executable).with_name("datasette")
    return [str(datasette), "serve", "-i", str(db_path), "--host", HOST, "--port", str(port)]


def wait_until_ready(url: str, process: subprocess.Popen[bytes], timeout: float = 60.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"server exited with {process.returncode} before answering {url}")
        with contextlib.suppress(httpx.HTTPError):
            if httpx.get(url, timeout=2.0).status_code < 500:
                return
        time.sleep(0.2)
    raise RuntimeError(f"no answer from {url} within {timeout:.0f} s")


def stop(process: subprocess.Popen[bytes]) -> None:
    """Terminate the server's process group (uvicorn's workers too), then kill it if it lingers."""
    if process.poll() is not None:
        return
    with contextlib.suppress(ProcessLookupError):
        os.killpg(process.pid, signal.SIGTERM)
    try:
        process.wait(timeout=15)
    except subprocess.TimeoutExpired:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(process.pid, signal.SIGKILL)
        process.wait(timeout=5)


@contextlib.contextmanager
def running(command: list[str], ready_path: str, port: int, env: dict[str, str] | None = None) -> Iterator[str]:
    """Run `command` (a server on `port`) until the block ends; yields its base URL once `ready_path` answers."""
    base = f"http://{HOST}:{port}"
    process = subprocess.Popen(
        command,
        cwd=ROOT,
        env={**os.environ, **(env or {})},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    try:
        wait_until_ready(base + ready_path, process)
        yield base
    finally:
        stop(process)


@contextlib.contextmanager
def app_server(database_url: str) -> Iterator[str]:
    """The app as `make serve` runs it (two workers, uvloop, httptools), serving `database_url`."""
    port = free_port()
    with running(app_command(port), "/events?limit=1", port, {"DATABASE_URL": database_url}) as base:
        yield base


@contextlib.contextmanager
def datasette_server(db_path: Path) -> Iterator[str]:
    """Datasette serving the same SQLite file, immutable (`datasette serve -i`), with its default settings."""
    port = free_port()
    with running(datasette_command(db_path, port), "/-/versions.json", port) as base:
        yield base
