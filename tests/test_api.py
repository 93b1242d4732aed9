from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from app.ingest.__main__ import main
from app.main import app


def test_events_envelope(client: TestClient) -> None:
    body = client.get("/events?limit=5").json()
    assert set(body) == {"total", "limit", "offset", "events", "next", "facets"}
    assert body["limit"] == 5 and len(body["events"]) == 5 and body["total"] > 5
    assert body["next"].endswith("offset=5") and body["facets"] is None


def test_following_next_links_visits_every_event_once(client: TestClient) -> None:
    seen: list[str] = []
    url: str | None = "/events?limit=7"
    while url:
        body = client.get(url).json()
        seen += [e["id"] for e in body["events"]]
        url = body["next"]
    assert len(seen) == len(set(seen)) == body["total"]


def test_every_event_keeps_a_source_quote(client: TestClient) -> None:
    events = client.get("/events?limit=500").json()["events"]
    assert all(e["sources"] and e["sources"][0]["quote"] for e in events)
    assert all(e["date_start"] <= e["date"] <= e["date_end"] for e in events)


def test_words_reported_without_a_date_are_of_the_articles_day_within_the_window_they_allow(
    empty_db: str, tmp_path: Path
) -> None:
    """'Medinsky said ...' in an article of March 8 allows March 7 or 8; the likeliest is the article's own day. A
    date the sentence gives is its own day and the window's first."""
    path = tmp_path / "a.txt"
    path.write_text(
        "Talks\n\nMarch 8, 2022\n\nVladimir Medinsky said the talks had been difficult. "
        "The third round of talks was held in Belarus on Monday."
    )
    assert main([str(path)]) == 0
    with TestClient(app) as client:
        events = client.get("/events").json()["events"]
    days = {e["type"]: (e["date_start"], e["date"], e["date_end"]) for e in events}
    assert days["statement"] == ("2022-03-07", "2022-03-08", "2022-03-08")
    assert days["round"] == ("2022-03-07", "2022-03-07", "2022-03-07")
    # the window, not its likeliest day, is what a date filter selects by
    with TestClient(app) as client:
        assert [e["type"] for e in client.get("/events?to=2022-03-07&type=statement").json()["events"]] == ["statement"]


def test_type_filter(client: TestClient) -> None:
    events = client.get("/events?type=round&limit=500").json()["events"]
    assert events and {e["type"] for e in events} == {"round"}


def test_round_filter_by_number(client: TestClient) -> None:
    events = client.get("/events?round=3").json()["events"]
    assert events and all(e["round"]["number"] == 3 for e in events)


def test_date_filter_selects_overlapping_events(client: TestClient) -> None:
    events = client.get("/events?from=2022-03-01&to=2022-03-31&limit=500").json()["events"]
    assert events and all(e["date"] <= "2022-03-31" and e["date_end"] >= "2022-03-01" for e in events)


def test_paging_never_repeats(client: TestClient) -> None:
    first = {e["id"] for e in client.get("/events?limit=10&offset=0").json()["events"]}
    second = {e["id"] for e in client.get("/events?limit=10&offset=10").json()["events"]}
    assert first and second and not first & second


@pytest.mark.parametrize(
    ("query", "parameter"),
    [
        ("limit=-1", "limit"),
        ("limit=1000000", "limit"),
        ("offset=-5", "offset"),
        ("from=not-a-date", "from"),
        ("type=bogus", "type"),
        ("round=abc", "round"),
        ("sort=sideways", "sort"),
        ("facets=colour", "facets"),
    ],
)
def test_bad_value_is_a_422_naming_the_parameter(client: TestClient, query: str, parameter: str) -> None:
    response = client.get(f"/events?{query}")
    assert response.status_code == 422
    assert response.json()["error"]["parameter"] == parameter


def test_unknown_event_is_a_json_404(client: TestClient) -> None:
    response = client.get("/events/nope")
    assert response.status_code == 404 and "error" in response.json()


def test_articles_carry_published_basis(client: TestClient) -> None:
    articles = client.get("/articles").json()["articles"]
    assert len(articles) == 5
    assert {a["published_basis"] for a in articles} <= {"dateline", "metadata", "inferred"}
    detail = client.get(f"/articles/{articles[0]['id']}").json()
    assert detail["text"]


@pytest.mark.parametrize("path", ["/rounds", "/venues", "/actors"])
def test_collections_use_the_envelope(client: TestClient, path: str) -> None:
    body = client.get(path).json()
    assert body["total"] >= 1 and body[path.strip("/")]


def test_timeline_page_shows_events_with_hooks(client: TestClient) -> None:
    html = client.get("/", headers={"accept": "text/html"}).text
    assert 'data-event-id="' in html and 'data-type="round"' in html and 'data-round="3"' in html


def test_timeline_page_filters_without_javascript(client: TestClient) -> None:
    html = client.get("/?type=round", headers={"accept": "text/html"}).text
    assert 'data-type="statement"' not in html and 'data-type="round"' in html


def test_article_page_highlights_evidence(client: TestClient) -> None:
    article_id = client.get("/articles").json()["articles"][0]["id"]
    html = client.get(f"/articles/{article_id}", headers={"accept": "text/html"}).text
    assert "<mark" in html and "/event/" in html


def test_event_page_lists_its_sources(client: TestClient) -> None:
    event = client.get("/events?type=round&limit=1").json()["events"][0]
    html = client.get(f"/event/{event['id']}").text
    assert event["sources"][0]["article_title"][:30] in html


def test_facets_count_the_current_selection(client: TestClient) -> None:
    body = client.get("/events?type=round&facets=type,venue,round").json()
    assert body["facets"]["type"] == {"round": body["total"]}
    assert sum(body["facets"]["round"].values()) <= body["total"] and "3" in body["facets"]["round"]
    assert set(body["facets"]) == {"type", "venue", "round"}


def test_search_stems_words_and_ranks_by_relevance(client: TestClient) -> None:
    body = client.get("/events?q=corridors&limit=500").json()
    assert body["total"] > 1
    texts = [" ".join([e["title"], e["summary"], *[s["quote"] for s in e["sources"]]]).lower() for e in body["events"]]
    assert all("corridor" in t for t in texts)  # "corridors" finds "corridor" too
    dated = client.get("/events?q=corridors&sort=date&limit=500").json()["events"]
    assert {e["id"] for e in dated} == {e["id"] for e in body["events"]}
    assert [e["date"] for e in dated] == sorted(e["date"] for e in dated)


def test_a_search_finds_the_same_events_however_it_is_sorted_filtered_or_counted(client: TestClient) -> None:
    def text(event: dict) -> str:
        return " ".join([event["title"], event["summary"], *[s["quote"] for s in event["sources"]]]).lower()

    everything = client.get("/events?limit=500").json()["events"]
    expected = {e["id"] for e in everything if "corridor" in text(e)}
    assert expected
    for sort in ("relevance", "date", "-date"):
        body = client.get(f"/events?q=corridor&sort={sort}&limit=500&facets=type").json()
        assert {e["id"] for e in body["events"]} == expected
        assert body["total"] == len(expected) == sum(body["facets"]["type"].values())
    humanitarian = {e["id"] for e in everything if e["id"] in expected and e["type"] == "humanitarian"}
    body = client.get("/events?q=corridor&type=humanitarian&limit=500").json()
    assert humanitarian and {e["id"] for e in body["events"]} == humanitarian and body["total"] == len(humanitarian)


def test_search_needs_every_word(client: TestClient) -> None:
    both = client.get("/events?q=humanitarian corridor").json()["total"]
    assert 0 < both <= client.get("/events?q=corridor").json()["total"]
    assert client.get("/events?q=corridor zzzunknownword").json()["total"] == 0


@pytest.mark.parametrize(
    "q",
    ['"unbalanced', "corridor AND OR NOT", "NEAR(a b", "x' OR 1=1 --", "*", "a" * 200, "Киев", "(((", "-"],
)
def test_odd_search_text_is_searched_not_executed(client: TestClient, q: str) -> None:
    response = client.get("/events", params={"q": q})
    assert response.status_code == 200 and isinstance(response.json()["total"], int)


def test_json_responses_carry_an_etag_and_honour_if_none_match(client: TestClient) -> None:
    first = client.get("/events?type=round")
    etag = first.headers["etag"]
    again = client.get("/events?type=round", headers={"If-None-Match": etag})
    assert again.status_code == 304 and again.content == b""
    other = client.get("/events?type=statement", headers={"If-None-Match": etag})
    assert other.status_code == 200 and other.headers["etag"] != etag
    assert client.get("/rounds", headers={"If-None-Match": f'W/{etag}, "x"'}).status_code == 200


def test_errors_are_not_cached(client: TestClient) -> None:
    assert "etag" not in client.get("/events?limit=-1").headers


def test_cross_origin_reads_are_allowed_and_writes_are_not(client: TestClient) -> None:
    response = client.get("/events?limit=1", headers={"Origin": "https://notebook.example"})
    assert response.headers["access-control-allow-origin"] == "*"
    assert "etag" in response.headers["access-control-expose-headers"].lower()
    preflight = client.options(
        "/events", headers={"Origin": "https://x.example", "Access-Control-Request-Method": "DELETE"}
    )
    assert "DELETE" not in preflight.headers.get("access-control-allow-methods", "")


def test_openapi_documents_every_parameter_and_response(client: TestClient) -> None:
    spec = client.get("/openapi.json").json()
    missing = []
    for path, operations in spec["paths"].items():
        for method, operation in operations.items():
            for parameter in operation.get("parameters", []):
                schema = parameter.get("schema", {})
                example = any(k in parameter or k in schema for k in ("example", "examples"))
                if not parameter.get("description") or not example:
                    missing.append(f"{method} {path} ?{parameter['name']}")
            content = operation["responses"].get("200", {}).get("content", {})
            if not content or ("application/json" in content and not content["application/json"].get("schema")):
                missing.append(f"{method} {path}: no 200 response model")
    assert missing == []


def test_events_read_as_rows_or_as_objects_have_one_public_shape(client: TestClient) -> None:
    """present_events takes the page query's plain rows (the /events path) or ORM objects (one event, the
    pages); both must give what the API documents, sources, people, venue and round included."""
    from sqlmodel import Session, col, select

    from app import queries
    from app.db import get_engine
    from app.models import Event

    with Session(get_engine()) as session:
        objects = session.exec(select(Event).order_by(col(Event.id))).all()
        rows = session.execute(select(Event).with_only_columns(*queries.EVENT_COLUMNS).order_by(col(Event.id))).all()
        from_objects = queries.present_events(session, rows=objects)
        from_rows = queries.present_events(session, rows=rows)
    assert from_rows == from_objects
    assert len(from_rows) == len(objects) > 10
    assert all(e.sources and e.source_count >= 1 for e in from_rows)
    assert any(e.venue for e in from_rows) and any(e.round for e in from_rows) and any(e.actors for e in from_rows)
    api = {e["id"]: e for e in client.get("/events", params={"limit": 500}).json()["events"]}
    assert {e.id: e.model_dump(mode="json") for e in from_rows} == api


@pytest.mark.parametrize(
    "query",
    [
        "limit=500",
        "type=round&sort=-date",
        "q=talks&limit=3&facets=type,venue,round,actor",
        "venue=istanbul",
        "limit=2&offset=3",
    ],
)
def test_events_body_is_exactly_what_its_model_would_serialise(client: TestClient, query: str) -> None:
    """/events serialises plain dicts, not EventPage: the bytes must be what the documented model gives, field
    order, dates, floats, nulls and the next link included."""
    from app.models import EventPage

    body = client.get(f"/events?{query}").content
    page = EventPage.model_validate_json(body)
    assert page.events
    assert page.model_dump_json().encode() == body


def test_query_work_runs_on_the_query_thread_and_returns_its_result() -> None:
    import asyncio
    import threading

    from app.db import run_query

    def where_and_sum(a: int, b: int) -> tuple[str, int]:
        return threading.current_thread().name, a + b

    name, total = asyncio.run(run_query(where_and_sum, 2, 3))
    assert total == 5
    assert name.startswith("query") and name != threading.main_thread().name


def test_a_cancelled_request_waits_for_its_query_to_end() -> None:
    """A cancelled /events request must not close its session while the query thread still uses it."""
    import asyncio
    import threading
    import time

    from app.db import run_query

    finished = threading.Event()

    def slow_query() -> None:
        time.sleep(0.3)
        finished.set()

    async def cancel_midway() -> bool:
        task = asyncio.create_task(run_query(slow_query))
        await asyncio.sleep(0.05)
        task.cancel()
        try:
            await task
        except asyncio.CancelledError:
            return finished.is_set()
        return False

    assert asyncio.run(cancel_midway())
