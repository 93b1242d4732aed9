"""The seeds, ingested whole, give the events a reader of them would expect."""

from fastapi.testclient import TestClient


def events(client: TestClient, query: str = "") -> list[dict]:
    return client.get(f"/events?limit=500{query}").json()["events"]


def test_every_seed_file_yields_events(client: TestClient) -> None:
    articles = client.get("/articles").json()["articles"]
    assert all(a["event_count"] > 0 for a in articles)


def test_third_round_is_dated_march_7_in_belarus_rounds(client: TestClient) -> None:
    third = [e for e in events(client, "&round=3") if e["type"] == "round"]
    assert len(third) == 1 and third[0]["date"] == "2022-03-07"


def test_first_round_keeps_the_week_range(client: TestClient) -> None:
    first = next(e for e in events(client, "&round=1") if e["type"] == "round")
    assert (first["date"], first["date_end"], first["date_precision"]) == ("2022-02-28", "2022-03-06", "week")


def test_draft_of_april_15_is_one_event_with_two_sources(client: TestClient) -> None:
    drafts = [e for e in events(client, "&type=proposal") if e["date"] == "2022-04-15"]
    assert len(drafts) == 1 and drafts[0]["source_count"] == 2


def test_istanbul_talks_merge_across_articles(client: TestClient) -> None:
    istanbul = [e for e in events(client, "&type=round") if e["venue"] and e["venue"]["country"] == "TR"]
    assert len(istanbul) == 1
    assert len({s["article_id"] for s in istanbul[0]["sources"]}) >= 2


def test_background_years_are_not_events(client: TestClient) -> None:
    assert all(e["date"] >= "2014-01-01" for e in events(client))
