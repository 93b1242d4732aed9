"""The weight of `/` and how fast it renders and becomes interactive in headless Chromium.

Bytes: the HTML of `/` and every `/static/…` stylesheet and script it references, fetched uncompressed
(`Accept-Encoding: identity`; the favicon is not counted). Timings: Debian's Chromium driven by Playwright
(never a downloaded browser), a fresh browser context (empty cache) per load, one discarded load first, then
the median of the measured loads: first-contentful-paint from `performance.getEntriesByType('paint')`, and
from navigation timing `domContentLoadedEventEnd` (the deferred `static/timeline.js` has run and its
DOMContentLoaded handler has wired up the filters, the axis and loading more: the page is interactive) and
`loadEventEnd`. All in milliseconds from the start of the navigation.
"""

import os
import re
import statistics
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path

import httpx

from app.benchmarks.servers import app_server
from app.chromium import CHROMIUM, CHROMIUM_FLAGS

ROOT = Path(__file__).resolve().parent.parent.parent
ASSET = re.compile(r"""<(?:link|script)\b[^>]*?\b(?:href|src)=["'](/static/[^"'?#]+\.(?:css|js))(?:[?#][^"']*)?["']""")
TIMINGS_JS = """() => {
  const nav = performance.getEntriesByType('navigation')[0];
  const paint = performance.getEntriesByType('paint').find(p => p.name === 'first-contentful-paint');
  return {
    fcp: paint ? paint.startTime : null,
    dom_interactive: nav.domInteractive,
    interactive: nav.domContentLoadedEventEnd,
    load: nav.loadEventEnd,
    cards: document.querySelectorAll('[data-event-id]').length,
  };
}"""


@dataclass
class PageResult:
    """`/` on one database."""

    label: str
    events: int
    html_bytes: int = 0
    asset_bytes: dict[str, int] = field(default_factory=dict)
    loads: list[dict[str, float]] = field(default_factory=list)
    cold: dict[str, float] = field(default_factory=dict)  # the first, discarded load
    error: str = ""

    @property
    def total_bytes(self) -> int:
        return self.html_bytes + sum(self.asset_bytes.values())

    @property
    def css_bytes(self) -> int:
        return sum(n for path, n in self.asset_bytes.items() if path.endswith(".css"))

    @property
    def js_bytes(self) -> int:
        return sum(n for path, n in self.asset_bytes.items() if path.endswith(".js"))

    def median(self, key: str) -> float | None:
        values = [load[key] for load in self.loads if load.get(key) is not None]
        return statistics.median(values) if values else None


def page_weight(base: str, result: PageResult) -> None:
    """Bytes of the HTML of `/` and of the stylesheets and scripts it references, uncompressed."""
    headers = {"Accept-Encoding": "identity", "Accept": "text/html"}
    with httpx.Client(base_url=base, headers=headers, timeout=60) as client:
        html = client.get("/")
        html.raise_for_status()
        result.html_bytes = len(html.content)
        for path in dict.fromkeys(ASSET.findall(html.text)):
            asset = client.get(path)
            asset.raise_for_status()
            result.asset_bytes[path] = len(asset.content)


def browser_timings(base: str, result: PageResult, loads: int) -> None:
    """First paint and interactive times of `/`, one discarded load then `loads` measured ones."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_FLAGS)
        try:
            for attempt in range(loads + 1):
                context = browser.new_context(viewport={"width": 1280, "height": 900})
                try:
                    page = context.new_page()
                    page.goto(f"{base}/", wait_until="load", timeout=60_000)
                    page.wait_for_function(
                        "performance.getEntriesByType('navigation')[0].loadEventEnd > 0", timeout=60_000
                    )
                    timings = page.evaluate(TIMINGS_JS)
                finally:
                    context.close()
                if attempt:
                    result.loads.append(timings)
                else:
                    result.cold = timings
        finally:
            browser.close()


def seeds_database(path: Path) -> str:
    """A database holding the seeds, ingested by the real CLI (`python -m app.ingest seeds`)."""
    url = f"sqlite:///{path}"
    env = {**os.environ, "DATABASE_URL": url}
    subprocess.run(
        [sys.executable, "-m", "app.ingest", "seeds"], cwd=ROOT, env=env, check=True, stdout=subprocess.DEVNULL
    )
    return url


def measure_page(label: str, database_url: str, events: int, loads: int) -> PageResult:
    """Weigh `/` and time it in Chromium, served by the app as `make serve` runs it."""
    result = PageResult(label, events)
    try:
        with app_server(database_url) as base:
            page_weight(base, result)
            browser_timings(base, result, loads)
    except Exception as exc:  # one failing page should not lose the rest of the benchmark
        result.error = f"{type(exc).__name__}: {str(exc).splitlines()[0] if str(exc) else ''}"
    return result
