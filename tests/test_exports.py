"""The CSV, iCalendar and TimelineJS exports: parsed back with a library and compared with GET /events."""

import csv
import html
import io
import json
from datetime import date, timedelta
from typing import Any

import icalendar
import pytest
from fastapi.testclient import TestClient
from sqlmodel import Session

from app import exports
from app.db import get_engine
from app.models import ActorPublic, EventPublic, RoundRef, SourcePublic, VenuePublic
from app.queries import EventFilters
from app.routes.exports import all_matching_events

FILTERS = ["", "type=round", "type=round&type=statement", "from=2022-03-01&to=2022-03-31", "sort=-date", "q=talks"]
EXPORTS = ["/events.csv", "/events.ics", "/events.timelinejs.json"]


def api_events(client: TestClient, query: str) -> list[dict[str, Any]]:
    """Every event GET /events returns for the query (the seeds fit in one page of 500)."""
    body = client.get(f"/events?{query}&limit=500").json()
    assert body["total"] == len(body["events"])
    return body["events"]


def csv_rows(client: TestClient, query: str) -> list[dict[str, str]]:
    response = client.get(f"/events.csv?{query}")
    assert response.status_code == 200, response.text
    return list(csv.DictReader(io.StringIO(response.text)))


def ics_events(client: TestClient, query: str) -> list[Any]:
    response = client.get(f"/events.ics?{query}")
    assert response.status_code == 200, response.text
    return list(icalendar.Calendar.from_ical(response.text).walk("VEVENT"))


def crafted_event(**changes: Any) -> EventPublic:
    """A hand-made event for the formatting functions, with hostile text where a test asks for it."""
    fields: dict[str, Any] = {
        "id": "abc123",
        "title": "Talks in Istanbul",
        "summary": "The delegations met.",
        "type": "round",
        "date": date(2022, 2, 28),
        "date_end": date(2022, 3, 6),
        "date_precision": "week",
        "date_start": date(2022, 2, 28),
        "status": "occurred",
        "round": RoundRef(id="r-abc123", number=5, label="Round 5"),
        "round_claims": [5],
        "venue": VenuePublic(slug="istanbul", name="Istanbul", country="TR", lat=41.0, lon=29.0),
        "actors": [ActorPublic(slug="vladimir-medinsky", name="Vladimir Medinsky", side="RU")],
        "sources": [
            SourcePublic(
                article_id="art1",
                article_title="An article",
                published=date(2022, 3, 8),
                quote="The delegations met in Istanbul last week.",
                date_text="last week",
                date=date(2022, 2, 28),
                date_end=date(2022, 3, 6),
            )
        ],
        "source_count": 1,
        "conflicts": [],
        "date_explanation": "'last week', article of 2022-03-08",
        "confidence": 0.8,
    }
    return EventPublic(**{**fields, **changes})


# --- CSV -----------------------------------------------------------------------------------------


@pytest.mark.parametrize("query", FILTERS)
def test_csv_matches_the_api(client: TestClient, query: str) -> None:
    events, rows = api_events(client, query), csv_rows(client, query)
    assert rows and [r["id"] for r in rows] == [e["id"] for e in events]
    for row, event in zip(rows, events, strict=True):
        assert row["title"] == event["title"]
        assert (row["date"], row["date_end"]) == (event["date"], event["date_end"])
        assert row["type"] == event["type"] and row["date_precision"] == event["date_precision"]
        assert row["round_id"] == (event["round"]["id"] if event["round"] else "")
        assert row["venue_slug"] == (event["venue"]["slug"] if event["venue"] else "")
        assert row["actors"] == "; ".join(a["name"] for a in event["actors"])
        assert row["sources"] == "; ".join(s["article_id"] for s in event["sources"])
        assert row["quotes"] == " | ".join(s["quote"] for s in event["sources"])
        assert int(row["source_count"]) == event["source_count"]
        assert float(row["confidence"]) == pytest.approx(event["confidence"])
        assert row["url"] == f"/event/{event['id']}"


def test_csv_headers_and_columns(client: TestClient) -> None:
    response = client.get("/events.csv")
    assert response.headers["content-type"] == "text/csv; charset=utf-8"
    assert response.headers["content-disposition"] == 'attachment; filename="events.csv"'
    header = next(csv.reader(io.StringIO(response.text)))
    assert tuple(header) == exports.CSV_COLUMNS


def test_csv_type_filter_gives_only_rounds(client: TestClient) -> None:
    rows, everything = csv_rows(client, "type=round"), csv_rows(client, "")
    assert rows and {r["type"] for r in rows} == {"round"}
    assert len(rows) < len(everything)


def test_exports_hold_every_event_not_one_page(client: TestClient) -> None:
    total = client.get("/events?limit=1").json()["total"]
    assert total > 2
    assert len(csv_rows(client, "limit=1&offset=1")) == total
    assert len(ics_events(client, "limit=1")) == total
    assert len(client.get("/events.timelinejs.json?limit=2").json()["events"]) == total


def test_all_matching_events_reads_every_page(client: TestClient) -> None:
    with Session(get_engine()) as session:
        whole = all_matching_events(session, filters=EventFilters(), page_size=500)
        paged = all_matching_events(session, filters=EventFilters(limit=3, offset=9), page_size=7)
    assert len(whole) > 7 and [e.id for e in paged] == [e.id for e in whole]


def test_csv_neutralises_formula_cells() -> None:
    event = crafted_event(
        title='=HYPERLINK("http://evil.example","click")',
        summary="+cmd|' /C calc'!A0",
        actors=[ActorPublic(slug="x", name="@SUM(1+1)", side="UA")],
        date_explanation="-2+3",
        sources=[crafted_event().sources[0].model_copy(update={"quote": "\t=1+1", "article_title": "Fine title"})],
    )
    (row,) = csv.DictReader(io.StringIO(exports.events_to_csv([event])))
    assert row["title"] == '\'=HYPERLINK("http://evil.example","click")'
    assert row["summary"] == "'+cmd|' /C calc'!A0"
    assert row["actors"] == "'@SUM(1+1)" and row["date_explanation"] == "'-2+3" and row["quotes"] == "'\t=1+1"
    assert row["source_titles"] == "Fine title"
    assert not [cell for cell in row.values() if cell[:1] in ("=", "+", "-", "@", "\t", "\r")]


def test_csv_keeps_commas_quotes_and_newlines_in_one_cell() -> None:
    title = 'He said "no, never"\nthen left'
    (row,) = csv.DictReader(io.StringIO(exports.events_to_csv([crafted_event(title=title)])))
    assert row["title"] == title


# --- iCalendar -----------------------------------------------------------------------------------


@pytest.mark.parametrize("query", FILTERS)
def test_ics_matches_the_api(client: TestClient, query: str) -> None:
    events, entries = api_events(client, query), ics_events(client, query)
    assert entries and [str(e["UID"]) for e in entries] == [f"{e['id']}@peace-talks-timeline" for e in events]
    for entry, event in zip(entries, events, strict=True):
        assert str(entry["SUMMARY"]) == event["title"]
        assert entry["DTSTART"].dt == date.fromisoformat(event["date_start"])  # the window, not its likeliest day
        assert entry["DTEND"].dt == date.fromisoformat(event["date_end"]) + timedelta(days=1)
        assert entry["DTSTART"].params["VALUE"] == "DATE"
        assert str(entry.get("LOCATION", "")) == (event["venue"]["name"] if event["venue"] else "")
        assert event["sources"][0]["quote"] in str(entry["DESCRIPTION"])
        assert str(entry["URL"]).endswith(f"/event/{event['id']}")


def test_ics_headers_and_line_folding(client: TestClient) -> None:
    response = client.get("/events.ics")
    assert response.headers["content-type"] == "text/calendar; charset=utf-8"
    raw = response.content
    assert raw.startswith(b"BEGIN:VCALENDAR\r\n") and raw.endswith(b"END:VCALENDAR\r\n")
    lines = raw.split(b"\r\n")[:-1]
    assert all(len(line) <= 75 and b"\n" not in line for line in lines)
    assert any(line.startswith(b" ") for line in lines)  # the long descriptions really were folded


def test_ics_escapes_hostile_text_and_folds_multibyte_text() -> None:
    title = "Talks; Kyiv, Moscow \\ Minsk \\n \\;\r\nEND:VEVENT\r\nBEGIN:VEVENT\r\nSUMMARY:forged"
    quote = "Переговори у Стамбулі — «важливий крок», сказав Подоляк. " * 4
    source = crafted_event().sources[0].model_copy(update={"quote": quote})
    text = exports.events_to_ics([crafted_event(title=title, sources=[source])])
    assert all(len(line.encode()) <= 75 for line in text.split("\r\n"))
    (entry,) = icalendar.Calendar.from_ical(text).walk("VEVENT")
    assert str(entry["SUMMARY"]) == title.replace("\r\n", "\n")
    assert quote.strip() in str(entry["DESCRIPTION"])
    assert entry["DTEND"].dt == date(2022, 3, 7) and str(entry["STATUS"]) == "CONFIRMED"


def test_ics_uid_is_stable(client: TestClient) -> None:
    first, second = ics_events(client, ""), ics_events(client, "")
    assert [str(e["UID"]) for e in first] == [str(e["UID"]) for e in second]


# --- TimelineJS ----------------------------------------------------------------------------------


def timelinejs_date(value: str) -> dict[str, int]:
    day = date.fromisoformat(value)
    return {"year": day.year, "month": day.month, "day": day.day}


@pytest.mark.parametrize("query", FILTERS)
def test_timelinejs_matches_the_api(client: TestClient, query: str) -> None:
    events = api_events(client, query)
    response = client.get(f"/events.timelinejs.json?{query}")
    assert response.status_code == 200 and response.headers["content-type"] == "application/json"
    document = json.loads(response.text)
    assert document["title"]["text"]["headline"]
    slides = document["events"]
    assert slides and [s["unique_id"] for s in slides] == [e["id"] for e in events]
    for slide, event in zip(slides, events, strict=True):
        assert slide["text"]["headline"] == html.escape(event["title"])
        assert slide["start_date"] == timelinejs_date(event["date_start"])
        if event["date_end"] == event["date_start"]:
            assert "end_date" not in slide
        else:
            assert slide["end_date"] == timelinejs_date(event["date_end"])
        assert slide["group"] == (event["round"]["label"] if event["round"] else event["type"])
        assert html.escape(event["sources"][0]["quote"]) in slide["text"]["text"]


def test_timelinejs_unique_ids_are_stable(client: TestClient) -> None:
    first = client.get("/events.timelinejs.json").json()["events"]
    second = client.get("/events.timelinejs.json").json()["events"]
    assert len(first) > 1 and [s["unique_id"] for s in first] == [s["unique_id"] for s in second]


def test_timelinejs_escapes_article_text() -> None:
    source = (
        crafted_event().sources[0].model_copy(update={"quote": "<script>alert(1)</script>", "article_title": "<b>"})
    )
    slide = exports.timelinejs_event(crafted_event(title="<img src=x onerror=alert(1)>", sources=[source]))
    assert slide["text"]["headline"] == "&lt;img src=x onerror=alert(1)&gt;"
    assert "<script>" not in slide["text"]["text"] and "&lt;script&gt;alert(1)&lt;/script&gt;" in slide["text"]["text"]
    assert "<b>" not in slide["text"]["text"]
    assert slide["group"] == "Round 5" and slide["display_date"] == "28 Feb – 6 Mar 2022"


def test_timelinejs_groups_by_type_without_a_round() -> None:
    slide = exports.timelinejs_event(crafted_event(round=None, type="humanitarian"))
    assert slide["group"] == "humanitarian"


@pytest.mark.parametrize(
    ("start", "end", "shown"),
    [
        (date(2022, 3, 7), date(2022, 3, 7), "7 Mar 2022"),
        (date(2022, 3, 7), date(2022, 3, 9), "7–9 Mar 2022"),
        (date(2022, 2, 28), date(2022, 3, 6), "28 Feb – 6 Mar 2022"),
        (date(2022, 12, 28), date(2023, 1, 3), "28 Dec 2022 – 3 Jan 2023"),
    ],
)
def test_display_date(start: date, end: date, shown: str) -> None:
    assert exports.display_date(start, end) == shown


# --- errors and documentation --------------------------------------------------------------------


@pytest.mark.parametrize("path", EXPORTS)
@pytest.mark.parametrize(
    ("query", "parameter"),
    [("type=bogus", "type"), ("from=not-a-date", "from"), ("sort=sideways", "sort"), ("round=abc", "round")],
)
def test_bad_filter_is_a_422_naming_the_parameter(client: TestClient, path: str, query: str, parameter: str) -> None:
    response = client.get(f"{path}?{query}")
    assert response.status_code == 422
    assert response.headers["content-type"] == "application/json"
    assert response.json()["error"]["parameter"] == parameter


def test_openapi_declares_the_media_types(client: TestClient) -> None:
    paths = client.get("/openapi.json").json()["paths"]
    expected = {
        "/events.csv": "text/csv",
        "/events.ics": "text/calendar",
        "/events.timelinejs.json": "application/json",
    }
    for path, media_type in expected.items():
        operation = paths[path]["get"]
        assert operation["summary"] and "limit" in operation["description"]
        assert set(operation["responses"]["200"]["content"]) == {media_type}
        error = operation["responses"]["422"]["content"]
        assert set(error) == {"application/json"} and "#/$defs/" not in json.dumps(error)
        assert "parameter" in error["application/json"]["schema"]["properties"]["error"]["properties"]
        assert {p["name"] for p in operation["parameters"]} >= {"type", "from", "to", "q", "sort"}


def test_the_calendar_is_the_same_for_the_same_data(client: TestClient) -> None:
    first = client.get("/events.ics?type=round")
    again = client.get("/events.ics?type=round", headers={"If-None-Match": first.headers["etag"]})
    assert again.status_code == 304
