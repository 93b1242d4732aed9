"""Each event's public JSON, stored beside it (table event_json) and read back for pages of events.

Assembling an event's public shape takes five queries and a few hundred objects per page; reading its stored
JSON takes one. The ingestion writes an event's JSON in the transaction that changes the event, its sources,
its people or its round (`refresh`), and again for the events of a venue or person whose vocabulary entry
changed. A row may still be missing (a database of an earlier version, before its next ingestion run): the
readers then assemble that event as before (`app.queries.list_event_json`), and `fill_missing` writes what is
missing. JSON stored in an older shape (its fields are not EventPublic's) is written again by the same run; a
change within a field (a source's fields, a value computed otherwise) must come with a migration that empties the
table.
"""

import json
from collections.abc import Collection

from sqlalchemy import Table, delete, insert, select
from sqlmodel import Session, col

from app.models import Event, EventActor, EventJson
from app.queries import PUBLIC_FIELDS, rendered_events

EVENT_JSON: Table = EventJson.__table__  # type: ignore[attr-defined]
BATCH = 500  # events assembled per query when many are written at once


def refresh(session: Session, event_ids: Collection[str]) -> None:
    """Write the JSON of these events as the session now holds them, replacing what they had."""
    ids = sorted(set(event_ids))
    for start in range(0, len(ids), BATCH):
        chunk = ids[start : start + BATCH]
        session.execute(delete(EVENT_JSON).where(EVENT_JSON.c.event_id.in_(chunk)))
        if rows := [{"event_id": i, "body": body} for i, body in rendered_events(session, ids=chunk).items()]:
            session.execute(insert(EVENT_JSON), rows)


def events_of(session: Session, *, venues: Collection[str] = (), actors: Collection[str] = ()) -> set[str]:
    """The events held at these venues or naming these people: their JSON shows the venue's or person's entry."""
    found: set[str] = set()
    if venues:
        found.update(session.execute(select(col(Event.id)).where(col(Event.venue_slug).in_(venues))).scalars())
    if actors:
        named = select(col(EventActor.event_id)).where(col(EventActor.actor_slug).in_(actors))
        found.update(session.execute(named).scalars())
    return found


def fill_missing(session: Session) -> int:
    """Write the JSON of every event that has none, or of every event when what is stored has other fields than
    the public shape (a database of an earlier version); how many were written."""
    stored = session.execute(select(col(EventJson.body)).limit(1)).scalar()
    if stored is not None and tuple(json.loads(stored)) != PUBLIC_FIELDS:
        session.execute(delete(EVENT_JSON))
    missing = select(col(Event.id)).outerjoin(EventJson, col(EventJson.event_id) == col(Event.id))
    ids = list(session.execute(missing.where(col(EventJson.event_id).is_(None))).scalars())
    refresh(session, ids)
    return len(ids)
