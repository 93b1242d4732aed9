"""Hostile article text renders inert in a real browser (Debian's Chromium, driven by Playwright).

Two articles carry `<script>`, `<img onerror>`, `javascript:` links, `onmouseover` and a `</script>` breakout:
one entity-escaped, so it is stored as that very text and only the output's escaping stands in its way; one
raw, so the ingestion strips its tags. The pages are opened, hovered and clicked twice: once as served (with
the Content-Security-Policy) and once with the policy bypassed, so escaping alone must hold. The test fails
if a dialog opens, if a payload runs (it would set `window.__pwned`), if an element the payload describes
appears in the page, or if the policy reports any violation; and the payload must be on the page as text.
"""

import contextlib
import os
import subprocess
import sys
from collections.abc import Iterator
from typing import Any

import httpx
import pytest

from app.chromium import CHROMIUM, CHROMIUM_FLAGS
from app.loadtest import serving
from tests.conftest import ARTIFACTS, ROOT
from tests.test_security import HOSTILE_ARTICLE, RAW_HOSTILE_ARTICLE

pytestmark = pytest.mark.browser

# Elements or attributes that exist in the DOM only if a payload was parsed as markup.
INJECTED = (
    "img[src='x'], [onerror], [onmouseover], [onload], svg[onload], a[href^='javascript:'], "
    "script:not([src]):not([type='application/json'])"
)
WATCH_CSP = """
window.__violations = [];
document.addEventListener('securitypolicyviolation',
    e => window.__violations.push(e.violatedDirective + ' ' + (e.blockedURI || 'inline')));
"""


@pytest.fixture(scope="module")
def hostile_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A fresh database holding only the hostile articles, served by uvicorn on a free port."""
    folder = tmp_path_factory.mktemp("hostile")
    (folder / "escaped.txt").write_text(HOSTILE_ARTICLE)
    (folder / "raw.txt").write_text(RAW_HOSTILE_ARTICLE)
    env = {**os.environ, "DATABASE_URL": f"sqlite:///{tmp_path_factory.mktemp('db') / 'hostile.db'}"}
    ingest = subprocess.run(
        [sys.executable, "-m", "app.ingest", str(folder)], cwd=ROOT, env=env, capture_output=True, text=True
    )
    assert ingest.returncode == 0, ingest.stdout + ingest.stderr
    with serving(["--log-level", "warning"], env=env) as base:
        yield base


@pytest.fixture(scope="module")
def browser():  # type: ignore[no-untyped-def]
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        instance = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_FLAGS)
        yield instance
        instance.close()


def page_paths(base: str) -> list[str]:
    events = httpx.get(f"{base}/events", params={"limit": 500}).json()["events"]
    articles = httpx.get(f"{base}/articles").json()["articles"]
    assert events and len(articles) == 2
    return [
        "/",
        "/?q=talks",
        "/rounds",
        *(f"/event/{e['id']}" for e in events),
        *(f"/articles/{a['id']}" for a in articles),
    ]


def poke(page: Any, url: str) -> None:
    """Hover everything that shows an event or a payload, then click each payload text (from the page at url),
    checking after every step that nothing ran."""
    from playwright.sync_api import Error as PlaywrightError

    targets = page.locator("main").locator("[data-event-id], mark, a, :text('pwned'), :text('hover here')")
    for i in range(min(targets.count(), 60)):
        with contextlib.suppress(PlaywrightError):  # hidden or off screen: nothing to hover
            if targets.nth(i).is_visible():
                targets.nth(i).hover(timeout=1000)
    assert page.evaluate("window.__pwned") is None, f"hovering ran a payload on {url}"
    for text in ("hover here", "constructive", "this link", "pwned"):
        for i in range(min(page.locator("main").get_by_text(text, exact=False).count(), 3)):
            found = page.locator("main").get_by_text(text, exact=False).nth(i)
            if not found.is_visible():
                continue
            with contextlib.suppress(PlaywrightError):
                found.click(timeout=1000)
                page.wait_for_load_state()
            assert page.evaluate("window.__pwned") is None, f"clicking '{text}' on {url} ran a payload"
            if page.url != url:
                page.goto(url)


@pytest.mark.parametrize("bypass_csp", [False, True], ids=["as served", "policy bypassed"])
def test_hostile_article_text_stays_inert(hostile_server: str, browser, bypass_csp: bool) -> None:  # type: ignore[no-untyped-def]
    context = browser.new_context(bypass_csp=bypass_csp)
    context.add_init_script(WATCH_CSP)
    page = context.new_page()
    dialogs: list[str] = []
    errors: list[str] = []

    def on_dialog(dialog: Any) -> None:
        dialogs.append(f"{dialog.type}: {dialog.message}")
        dialog.dismiss()

    page.on("dialog", on_dialog)
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    shown = ""
    for path in page_paths(hostile_server):
        page.goto(f"{hostile_server}{path}")
        poke(page, f"{hostile_server}{path}")
        assert page.evaluate("window.__pwned") is None, f"a payload ran on {path}"
        assert page.locator(INJECTED).count() == 0, f"{path} holds an element made from article text"
        if not bypass_csp:
            assert page.evaluate("window.__violations") == [], f"{path} violates the Content-Security-Policy"
        shown += page.inner_text("body")
    assert dialogs == [], dialogs
    assert errors == [], errors
    # the payloads are there, as visible text
    assert "<script>window.__pwned=1;alert(1)</script>" in shown
    assert '<img src=x onerror="window.__pwned=2;alert(2)">' in shown
    assert '<a href="javascript:window.__pwned=3;alert(3)">' in shown
    assert '<b onmouseover="window.__pwned=4;alert(4)">' in shown
    assert "</script><script>window.__pwned=6;alert(6)</script>" in shown
    if not bypass_csp:
        ARTIFACTS.mkdir(exist_ok=True)
        page.goto(f"{hostile_server}/")
        page.screenshot(path=str(ARTIFACTS / "hostile-article-timeline.png"), full_page=True)
    context.close()
