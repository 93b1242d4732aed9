import pytest
from fastapi.testclient import TestClient


def test_events_envelope(client: TestClient) -> None:
    body = client.get("/events?limit=5").json()
    assert set(body) == {"total", "limit", "offset", "events"}
    assert body["limit"] == 5 and len(body["events"]) == 5 and body["total"] > 5


def test_every_event_keeps_a_source_quote(client: TestClient) -> None:
    events = client.get("/events?limit=500").json()["events"]
    assert all(e["sources"] and e["sources"][0]["quote"] for e in events)
    assert all(e["date"] <= e["date_end"] for e in events)


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
