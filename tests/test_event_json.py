"""Each event's public JSON, stored by the ingestion (app.event_json): always what the event's rows assemble to."""

from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import text
from sqlmodel import Session

from app.db import get_engine
from app.ingest import store
from app.ingest.pipeline import ingest_paths
from app.ingest.vocab import Place
from app.migrate import upgrade_database
from app.queries import rendered_events
from tests.conftest import SEEDS, fresh_database_url, use_database
from tests.test_ingest import ROUNDS_NARROWED_LATER

STORED = text("SELECT event_id, body FROM event_json ORDER BY event_id")


def stored_and_assembled(session: Session) -> tuple[dict[str, str], dict[str, str]]:
    stored = {event_id: body for event_id, body in session.execute(STORED)}
    ids = list(session.execute(text("SELECT id FROM event")).scalars())
    return stored, rendered_events(session, ids=ids)


def test_the_stored_json_of_every_event_is_the_event_assembled_from_its_rows(tmp_path: Path) -> None:
    """Round 2 is stored first with a range; the first and the third round, stored after it, narrow its
    dates: its JSON is written again although no later article tells of it."""
    from app.benchmarks.synthetic import write_articles

    synthetic = tmp_path / "synthetic"
    synthetic.mkdir()
    write_articles(synthetic, 40, seed=3)
    use_database(fresh_database_url(tmp_path / "json.db"))
    upgrade_database()
    with Session(get_engine()) as session:
        for name, report in ROUNDS_NARROWED_LATER.items():
            (tmp_path / name).write_text(report)
            ingest_paths(session, [tmp_path / name])
        second = session.execute(text("SELECT date FROM round WHERE number = 2")).scalar_one()
        assert str(second) == "2022-03-01"
        assert stored_and_assembled(session)[0] == stored_and_assembled(session)[1]
        ingest_paths(session, [synthetic])
        stored, assembled = stored_and_assembled(session)
    assert len(stored) > 100
    assert stored == assembled


def test_a_vocabulary_entry_that_changed_rewrites_the_json_of_the_events_that_show_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "talks.txt").write_text("Talks\n\nMarch 29, 2022\n\nPeace talks were held on Tuesday in Istanbul.")
    use_database(fresh_database_url(tmp_path / "vocab.db"))
    upgrade_database()
    with Session(get_engine()) as session:
        ingest_paths(session, [tmp_path / "talks.txt"])
        stored, _ = stored_and_assembled(session)
        assert any('"name":"Istanbul"' in body for body in stored.values())
        renamed = [
            Place(**{**vars(p), "name": "Istanbul (Dolmabahçe)"}) if p.slug == "istanbul" else p for p in store.places()
        ]
        monkeypatch.setattr(store, "places", lambda: renamed)
        store.ensure_vocabulary(session)
        stored, assembled = stored_and_assembled(session)
    assert any('"name":"Istanbul (Dolmabahçe)"' in body for body in stored.values())
    assert stored == assembled


def test_an_event_stored_without_its_json_is_assembled_and_the_next_run_writes_it(tmp_path: Path) -> None:
    """A database of an earlier version has no stored JSON: /events answers the same, and the next
    ingestion run writes the JSON of every event."""
    use_database(fresh_database_url(tmp_path / "earlier.db"))
    upgrade_database()
    with Session(get_engine()) as session:
        ingest_paths(session, [SEEDS])
    from app.main import app

    with TestClient(app) as client:
        with_json = client.get("/events?limit=500").content
        with Session(get_engine()) as session:
            session.execute(text("DELETE FROM event_json"))
            store.bump_generation(session)  # cached responses become stale, as with any change of the data
            session.commit()
        assert client.get("/events?limit=500").content == with_json
    with Session(get_engine()) as session:
        ingest_paths(session, [SEEDS])  # every seed already stored: only the missing JSON is written
        stored, assembled = stored_and_assembled(session)
    assert len(stored) == len(assembled) > 40
    assert stored == assembled


def test_json_stored_in_an_older_shape_is_written_again_by_the_next_run(tmp_path: Path) -> None:
    use_database(fresh_database_url(tmp_path / "older.db"))
    upgrade_database()
    with Session(get_engine()) as session:
        ingest_paths(session, [SEEDS])
        # an earlier version's JSON: a field the public shape no longer has
        session.execute(text('UPDATE event_json SET body = \'{"id":"x","headline":"old"}\''))
        session.commit()
        ingest_paths(session, [SEEDS])
        stored, assembled = stored_and_assembled(session)
    assert len(stored) > 40
    assert stored == assembled


@pytest.mark.parametrize(
    "filters",
    [
        {},
        {"types": ("round",)},
        {"types": ("round", "statement"), "sort": "-date", "limit": 5, "offset": 3},
        {"venue": "istanbul"},
        {"round": "3"},
        {"date_from": "2022-03-01", "date_to": "2022-03-31"},
        {"types": ("proposal",), "date_to": "2022-04-20", "offset": 1000},
    ],
)
def test_a_page_of_plain_filters_is_the_same_read_on_sqlites_connection_as_by_the_orm(
    seeded_db: str, filters: dict[str, object]
) -> None:
    """The busiest path reads SQLite in statements of its own: the same events, in the same order, the same total."""
    from datetime import date

    from app import queries

    use_database(seeded_db)
    if not seeded_db.startswith("sqlite"):
        pytest.skip("the statements of its own are SQLite's")
    dated = {k: date.fromisoformat(v) if k.startswith("date") else v for k, v in filters.items()}
    chosen = queries.EventFilters(**dated)  # type: ignore[arg-type]
    with Session(get_engine()) as session:
        plain = queries.list_event_json(session, filters=chosen)
        by_the_orm = queries._orm_event_json(session, chosen)
    assert plain == by_the_orm
    assert plain[0] > 0  # (each selects some of the seeds' events)
