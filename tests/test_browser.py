"""The timeline in headless Chromium (Debian's, driven by Playwright) against a live server.

Screenshots go to test-artifacts/ at desktop (1280 px) and phone (375 px) width.
"""

import os
import random
import re
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import httpx
import pytest

from app.chromium import CHROMIUM, CHROMIUM_FLAGS
from app.loadtest import serving
from tests.conftest import ARTIFACTS, ROOT

pytestmark = pytest.mark.browser

DESKTOP = {"width": 1280, "height": 900}
PHONE = {"width": 375, "height": 812}
PAGE_BUDGET_BYTES = 100_000
# The policy another part of the app is adding; the tests load every page under it to catch inline code.
CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:"
CHECK_HOOKS = """els => els.filter(e => !['data-event-id', 'data-type', 'data-round', 'data-venue']
    .every(a => e.hasAttribute(a))).map(e => e.outerHTML.slice(0, 120))"""


@contextmanager
def running_server(database_url: str) -> Iterator[str]:
    """uvicorn serving the app on a free port of 127.0.0.1 until the block ends."""
    with serving(["--log-level", "warning"], env={**os.environ, "DATABASE_URL": database_url}) as base:
        yield base


@pytest.fixture(scope="module")
def live_server(seeded_db: str) -> Iterator[str]:
    with running_server(seeded_db) as base:
        yield base


@pytest.fixture(scope="module")
def browser():  # type: ignore[no-untyped-def]
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        instance = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_FLAGS)
        yield instance
        instance.close()


@pytest.fixture()
def page(browser):  # type: ignore[no-untyped-def]
    context = browser.new_context(viewport=DESKTOP)
    page = context.new_page()
    yield page
    context.close()


def screenshot(page: Any, name: str, *, full_page: bool = False) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / name), full_page=full_page)


def card_values(page: Any, attribute: str) -> list[str]:
    return page.eval_on_selector_all("#event-list [data-event-id]", f"els => els.map(e => e.dataset.{attribute})")


def belarus_venues(base: str) -> set[str]:
    venues = httpx.get(f"{base}/venues?limit=500").json()["venues"]
    return {v["slug"] for v in venues if v["country"] == "BY"}


def an_event_id(base: str, query: str = "round=3") -> str:
    return str(httpx.get(f"{base}/events?{query}").json()["events"][0]["id"])


def an_article_id(base: str) -> str:
    return str(httpx.get(f"{base}/articles").json()["articles"][0]["id"])


# --- filtering and URL state ------------------------------------------------------------------


def test_filtering_by_round_survives_a_reload(live_server: str, page) -> None:  # type: ignore[no-untyped-def]
    page.goto(f"{live_server}/")
    page.select_option("select[name=round]", "3")
    page.wait_for_url("**/?round=3")
    page.reload()
    rounds = card_values(page, "round")
    assert rounds and set(rounds) == {"3"}
    assert page.input_value("select[name=round]") == "3"
    screenshot(page, "timeline-round3-desktop.png", full_page=True)


def test_filtering_by_venue_shows_only_that_venue(live_server: str, page) -> None:  # type: ignore[no-untyped-def]
    page.goto(f"{live_server}/")
    option = page.text_content("select[name=venue] option[value=istanbul]") or ""
    page.select_option("select[name=venue]", "istanbul")
    page.wait_for_url("**/?venue=istanbul")
    venues = card_values(page, "venue")
    assert venues and set(venues) == {"istanbul"}
    assert f"({len(venues)})" in option, "the option's count is the number of events it selects"


def test_back_and_forward_restore_the_filters(live_server: str, page) -> None:  # type: ignore[no-untyped-def]
    page.goto(f"{live_server}/")
    everything = page.text_content("#result-count strong")
    page.click("#chip-type-round")
    page.wait_for_url("**/?type=round")
    rounds_only = card_values(page, "type")
    page.select_option("select[name=round]", "3")
    page.wait_for_url(re.compile(r"round=3"))
    page.go_back()
    page.wait_for_url("**/?type=round")
    assert card_values(page, "type") == rounds_only and page.input_value("select[name=round]") == ""
    page.go_back()
    assert page.text_content("#result-count strong") == everything
    page.go_forward()
    page.go_forward()
    assert set(card_values(page, "round")) == {"3"} and page.input_value("select[name=round]") == "3"
    page.click("#clear-top")
    page.wait_for_url(f"{live_server}/")
    assert page.text_content("#result-count strong") == everything


def test_filters_work_without_javascript(live_server: str, browser) -> None:  # type: ignore[no-untyped-def]
    context = browser.new_context(java_script_enabled=False, viewport=DESKTOP)
    page = context.new_page()
    page.goto(f"{live_server}/")
    assert page.is_visible("#filters"), "without JavaScript the filters are shown, not folded away"
    page.select_option("select[name=venue]", "istanbul")
    page.click("#filters button[type=submit]")
    page.wait_for_url("**venue=istanbul**")  # the form's submission is a page load: read the cards after it
    venues = card_values(page, "venue")
    assert venues and set(venues) == {"istanbul"}
    page.click("#chip-type-round")  # a quick filter is a plain link: it works without JavaScript too
    page.wait_for_url("**type=round**")
    assert set(card_values(page, "type")) == {"round"} and set(card_values(page, "venue")) == {"istanbul"}
    page.fill("input[name=q]", "Istanbul")
    page.click("#filters button[type=submit]")  # the form keeps the type chosen with the chip
    page.wait_for_url("**q=Istanbul**")
    assert "type=round" in page.url and set(card_values(page, "type")) == {"round"}
    page.click("#chip-type-round")
    page.wait_for_url(lambda url: "type=round" not in url)
    assert set(card_values(page, "venue")) == {"istanbul"}
    context.close()


# --- the "done when" path of issue 4 ----------------------------------------------------------


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["desktop", "phone"])
def test_belarus_rounds_in_two_clicks_shared_and_one_click_to_the_sentence(
    live_server: str,
    browser,  # type: ignore[no-untyped-def]
    viewport: dict[str, int],
) -> None:
    context = browser.new_context(viewport=viewport)
    page = context.new_page()
    page.goto(f"{live_server}/")
    page.click("#chip-type-round")  # click 1
    page.wait_for_url("**/?type=round")
    page.click("#chip-country-BY")  # click 2
    page.wait_for_url(re.compile(r"country=BY"))
    ids = card_values(page, "eventId")
    assert ids and set(card_values(page, "type")) == {"round"}
    assert set(card_values(page, "venue")) <= belarus_venues(live_server)
    name = "desktop" if viewport == DESKTOP else "phone"
    screenshot(page, f"belarus-rounds-{name}.png")

    shared = context.browser.new_context(viewport=viewport).new_page()  # someone opening the shared link
    shared.goto(page.url)
    assert card_values(shared, "eventId") == ids
    shared.context.close()

    card = page.locator("#event-list .card").first
    quote = card.locator("blockquote").inner_text()
    card.locator(".src a").first.click()  # click 3: the article, at the sentence behind the date
    page.wait_for_url(re.compile(r"/articles/[^#]+#ev-"))
    target = page.locator(":target")
    assert target.count() == 1 and target.is_visible()
    assert target.inner_text().split()[:4] == quote.split()[:4]
    screenshot(page, f"article-evidence-{name}.png")
    context.close()


# --- keyboard ---------------------------------------------------------------------------------


def tab_until(page: Any, selector: str, limit: int = 120) -> None:
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate("s => document.activeElement && document.activeElement.matches(s)", selector):
            return
    raise AssertionError(f"{selector} not reached with the Tab key")


def test_keyboard_path_from_filters_to_a_source(live_server: str, page) -> None:  # type: ignore[no-untyped-def]
    page.goto(f"{live_server}/")
    tab_until(page, "select[name=round]")
    outline = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
    assert outline != "none", "the focused control shows where the focus is"
    page.keyboard.press("ArrowDown")  # picks the first round; the filter applies at once
    page.wait_for_url(re.compile(r"round=\d"))
    page.wait_for_function("() => document.activeElement && document.activeElement.name === 'round'")
    chosen = page.input_value("select[name=round]")
    assert chosen and set(card_values(page, "round")) == {chosen}
    tab_until(page, "#event-list .src a[href^='/articles/']")
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"/articles/[^#]+#ev-"))
    assert page.locator(":target").count() == 1


def test_axis_zooms_with_buttons_and_keys(live_server: str, page) -> None:  # type: ignore[no-untyped-def]
    page.goto(f"{live_server}/")
    axis = page.locator("#axis")

    def visible_days() -> int:
        start, end = axis.get_attribute("data-view-start"), axis.get_attribute("data-view-end")
        return (date.fromisoformat(end or "") - date.fromisoformat(start or "")).days

    labels = page.eval_on_selector_all("#axis .round-label", "els => els.map(e => e.textContent)")
    assert any(re.match(r"Round \d+ — ", label) for label in labels), "round markers are labelled"
    full = visible_days()
    full_start = axis.get_attribute("data-view-start")
    before = page.text_content("#axis-range")
    page.click("button[data-axis=in]")
    page.wait_for_function("t => document.getElementById('axis-range').textContent !== t", arg=before)
    zoomed = visible_days()
    assert zoomed < full
    axis.focus()
    end = axis.get_attribute("data-view-end")
    page.keyboard.press("+")
    page.wait_for_function("n => document.getElementById('axis').dataset.viewEnd !== n", arg=end)
    assert visible_days() < zoomed
    start = axis.get_attribute("data-view-start")
    page.keyboard.press("ArrowRight")
    page.wait_for_function("s => document.getElementById('axis').dataset.viewStart !== s", arg=start)
    assert (axis.get_attribute("data-view-start") or "") > (start or "")
    page.keyboard.press("0")
    page.wait_for_function("s => document.getElementById('axis').dataset.viewStart === s", arg=full_start)
    assert visible_days() == full

    box = axis.bounding_box()
    assert box is not None
    page.mouse.move(box["x"] + box["width"] * 0.6, box["y"] + box["height"] / 2)
    page.mouse.wheel(0, -400)  # the wheel zooms in around the pointer
    page.wait_for_function("s => document.getElementById('axis').dataset.viewStart !== s", arg=full_start)
    assert visible_days() < full
    start = axis.get_attribute("data-view-start")
    page.mouse.down()  # dragging to the left shows later days
    page.mouse.move(box["x"] + box["width"] * 0.3, box["y"] + box["height"] / 2, steps=5)
    page.mouse.up()
    page.wait_for_function("s => document.getElementById('axis').dataset.viewStart !== s", arg=start)
    assert (axis.get_attribute("data-view-start") or "") > (start or "")
    marks = axis.locator("[data-event-id]")
    assert marks.count() > 0
    assert page.eval_on_selector_all("#axis [data-event-id]", CHECK_HOOKS) == []
    view_start, view_end = axis.get_attribute("data-view-start"), axis.get_attribute("data-view-end")
    page.click("button[data-axis=apply]")  # the list follows the axis: its visible dates become the filter
    page.wait_for_url(re.compile(r"from="))
    assert f"from={view_start}" in page.url and f"to={view_end}" in page.url


def test_clicking_a_mark_on_the_axis_brings_its_card(live_server: str, page) -> None:  # type: ignore[no-untyped-def]
    page.goto(f"{live_server}/?type=round")
    mark = page.locator("#axis circle[data-event-id], #axis rect[data-event-id]").first
    event_id = mark.get_attribute("data-event-id")
    mark.dispatch_event("click")
    page.wait_for_function("id => document.activeElement.closest('.card').dataset.eventId === id", arg=event_id)


# --- every page: hooks, console, phone width, print, weight ----------------------------------


def every_page(base: str) -> list[str]:
    return [
        "/",
        "/?type=round&country=BY",
        "/?q=corridor",
        "/?from=2022-03-01&to=2022-03-10",
        f"/event/{an_event_id(base)}",
        f"/articles/{an_article_id(base)}",
        "/rounds",
    ]


def test_no_console_errors_on_any_page_under_a_strict_csp(live_server: str, page) -> None:  # type: ignore[no-untyped-def]
    def with_policy(route: Any) -> None:
        response = route.fetch()
        route.fulfill(response=response, headers={**response.headers, "content-security-policy": CSP})

    page.route("**/*", with_policy)
    problems: list[str] = []
    page.on("console", lambda msg: problems.append(msg.text) if msg.type in ("error", "warning") else None)
    page.on("pageerror", lambda error: problems.append(str(error)))
    for path in every_page(live_server):
        page.goto(f"{live_server}{path}")
        page.wait_for_load_state("load")
        assert problems == [], f"{path}: {problems}"


def test_every_element_showing_an_event_carries_the_hooks(live_server: str, page) -> None:  # type: ignore[no-untyped-def]
    for path in every_page(live_server):
        page.goto(f"{live_server}{path}")
        shown = page.eval_on_selector_all("[data-event-id]", "els => els.length")
        assert shown > 0 or path.startswith("/?q="), path
        assert page.eval_on_selector_all("[data-event-id]", CHECK_HOOKS) == [], path
        assert page.eval_on_selector_all("[data-event-id]", "els => els.filter(e => !e.dataset.eventId).length") == 0


def test_phone_width_never_scrolls_sideways(live_server: str, browser) -> None:  # type: ignore[no-untyped-def]
    context = browser.new_context(viewport=PHONE, is_mobile=True, has_touch=True)
    page = context.new_page()
    for path in every_page(live_server):
        page.goto(f"{live_server}{path}")
        overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
        assert overflow <= 0, f"{path} scrolls sideways by {overflow}px"
    page.goto(f"{live_server}/")
    assert not page.is_visible("#filters"), "on a phone the filters start in a closed drawer"
    screenshot(page, "timeline-phone.png")
    page.click("#filter-drawer summary")
    assert page.is_visible("select[name=round]")
    screenshot(page, "timeline-phone-filters.png")
    page.goto(f"{live_server}/event/{an_event_id(live_server)}")
    screenshot(page, "event-phone.png")
    context.close()


def test_desktop_screenshots(live_server: str, page) -> None:  # type: ignore[no-untyped-def]
    page.goto(f"{live_server}/")
    screenshot(page, "timeline-desktop.png")
    page.goto(f"{live_server}/event/{an_event_id(live_server)}")
    screenshot(page, "event-desktop.png")
    page.goto(f"{live_server}/rounds")
    screenshot(page, "rounds-desktop.png")


def test_print_shows_the_list_without_axis_and_controls(live_server: str, page) -> None:  # type: ignore[no-untyped-def]
    page.goto(f"{live_server}/")
    page.emulate_media(media="print")
    for hidden in ("#axis-section", "#filters", ".quick", "header.site nav"):
        assert not page.is_visible(hidden), hidden
    assert page.locator("#event-list .card").first.is_visible()


def test_timeline_page_weighs_at_most_100_kb(live_server: str) -> None:
    html = httpx.get(f"{live_server}/").content
    assets = re.findall(rb'<(?:link rel="stylesheet"|script)[^>]*(?:href|src)="(/static/[^"]+)"', html)
    assert len(assets) >= 2, "the page loads its stylesheet and script"
    weight = len(html) + sum(len(httpx.get(f"{live_server}{a.decode()}").content) for a in assets)
    ARTIFACTS.mkdir(exist_ok=True)
    (ARTIFACTS / "page-weight.txt").write_text(f"{weight} bytes: HTML {len(html)} + {[a.decode() for a in assets]}\n")
    assert weight <= PAGE_BUDGET_BYTES, f"/ weighs {weight} bytes"


def test_templates_and_script_keep_code_out_of_the_markup() -> None:
    """What a strict Content-Security-Policy forbids, and the one way the script may write text."""
    for template in (ROOT / "templates").glob("*.html"):
        html = template.read_text()
        assert not re.search(r"\sstyle=|<style|\son[a-z]+=", html), template.name
        scripts = re.findall(r"<script(?![^>]*\ssrc=)[^>]*>", html)
        assert all('type="application/json"' in tag for tag in scripts), template.name
    script = (ROOT / "static" / "timeline.js").read_text()
    assert not re.search(r"innerHTML|outerHTML|insertAdjacentHTML|document\.write|setAttribute\(\s*[\"']style", script)


# --- 10,000 events ----------------------------------------------------------------------------


def synthetic_database(path: Path, count: int) -> str:
    """A migrated SQLite database holding `count` generated events (with articles, sources, rounds)."""
    from sqlalchemy import insert
    from sqlmodel import Session, create_engine

    from app.models import Article, Event, EventSource, Round, Venue

    url = f"sqlite:///{path}"
    subprocess.run([sys.executable, "-m", "app.migrate"], cwd=ROOT, env={**os.environ, "DATABASE_URL": url}, check=True)
    rng = random.Random(4)
    types = ["round", "ministerial", "proposal", "statement", "humanitarian", "prisoners", "atrocity", "military"]
    start = date(2022, 1, 1)
    venues = [{"slug": f"place-{i}", "name": f"Place {i}", "country": "BY" if i < 3 else "TR"} for i in range(6)]
    articles = [
        {
            "id": f"a{i:04d}",
            "filename": f"{i}.txt",
            "title": f"Article {i}",
            "published": start,
            "text": "t",
            "published_evidence": [],
        }
        for i in range(20)
    ]
    rounds = [
        {"id": f"r-{i}", "number": i + 1, "label": f"Round {i + 1}", "date": start, "date_end": start, "numbering": []}
        for i in range(40)
    ]
    events, sources = [], []
    for i in range(count):
        first = start + timedelta(days=rng.randrange(900))
        last = first + timedelta(days=rng.choice([0, 0, 0, 1, 6, 30]))
        kind = rng.choice(types)
        events.append(
            {
                "id": f"e{i:05d}",
                "title": f"Synthetic event {i}",
                "type": kind,
                "date": first,
                "date_end": last,
                "date_precision": "day" if first == last else "range",
                "round_id": f"r-{i % 40}" if kind == "round" else None,
                "venue_slug": f"place-{i % 6}" if i % 3 == 0 else None,
                "source_count": 1,
                "round_claims": [],
                "conflicts": [],
            }
        )
        sources.append(
            {
                "event_id": f"e{i:05d}",
                "article_id": f"a{i % 20:04d}",
                "sentence_index": i,
                "quote": f"Sentence {i} of the synthetic article.",
                "date": first,
                "date_end": last,
                "date_precision": "day",
                "actor_slugs": [],
            }
        )
    engine = create_engine(url)
    with Session(engine) as session:
        for model, rows in ((Venue, venues), (Article, articles), (Round, rounds), (Event, events)):
            session.execute(insert(model), rows)
        session.execute(insert(EventSource), sources)
        session.commit()
    engine.dispose()
    return url


def test_ten_thousand_events_render_with_a_bounded_dom(browser, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    url = synthetic_database(tmp_path / "big.db", 10_000)
    with running_server(url) as base:
        context = browser.new_context(viewport=DESKTOP)
        page = context.new_page()
        errors: list[str] = []
        page.on("pageerror", lambda error: errors.append(str(error)))
        page.goto(f"{base}/")
        assert page.text_content("#result-count strong") == "10000"
        first_chunk = page.locator("#event-list .card").count()
        assert 0 < first_chunk <= 100, "the server renders one chunk of cards, not all of them"
        assert page.evaluate("document.getElementsByTagName('*').length") < 6000
        assert page.locator("#axis rect.density").count() > 0, "the axis shows density bins"
        assert page.locator("#axis .mk").count() <= 100, "one mark per event only for the rounds"
        page.locator("#more").scroll_into_view_if_needed()  # the next chunk arrives as the reader scrolls
        page.wait_for_function("n => document.querySelectorAll('#event-list .card').length > n", arg=first_chunk)
        for _ in range(6):  # zoomed in to a few weeks, the axis marks every event in view
            page.click("button[data-axis=in]")
        page.wait_for_function("() => document.querySelectorAll('#axis .mk:not(.t-round)').length > 0")
        assert page.locator("#axis .mk").count() <= 300
        screenshot(page, "timeline-10000-desktop.png")
        assert errors == []
        context.close()
