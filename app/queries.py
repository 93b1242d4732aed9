"""Every query the API and the pages run: keyword-only verb_noun functions over a session."""

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any, Literal, get_args

from pydantic import TypeAdapter
from pydantic_core import to_json
from sqlalchemy import bindparam, func
from sqlalchemy import select as sql_select  # any number of columns, as plain rows
from sqlalchemy.engine import Row
from sqlalchemy.sql.elements import BindParameter
from sqlmodel import Session, col, select

from app.models import (
    Actor,
    ActorPublic,
    Article,
    ArticleDetail,
    ArticlePublic,
    Event,
    EventActor,
    EventJson,
    EventPublic,
    EventSource,
    Round,
    RoundPublic,
    Venue,
    VenuePublic,
)
from app.search import event_key, matches

EventType = Literal[
    "round",
    "ministerial",
    "proposal",
    "statement",
    "humanitarian",
    "prisoners",
    "atrocity",
    "military",
    "diplomacy",
    "aid",
]
EVENT_TYPES: tuple[str, ...] = get_args(EventType)


@dataclass(frozen=True)
class EventFilters:
    round: str | None = None
    venue: str | None = None
    country: str | None = None
    types: tuple[str, ...] = ()
    actor: str | None = None
    date_from: date | None = None
    date_to: date | None = None
    q: str | None = None
    article: str | None = None
    sort: str = "date"
    limit: int = 100
    offset: int = 0
    extra: dict[str, str] = field(default_factory=dict)


# the columns the public shape is built from (not the search index's key)
EVENT_COLUMNS = tuple(c for c in Event.__table__.columns if c.key != "search_rowid")  # type: ignore[attr-defined]
PUBLIC_EVENTS = TypeAdapter(list[EventPublic])


def _dialect(session: Session) -> str:
    return session.get_bind().dialect.name


def select_filtered(session: Session, filters: EventFilters):  # type: ignore[no-untyped-def]
    """The SELECT of the events the filters pick (unordered, unpaged), for callers to order, page or count."""
    return _filtered(filters, _dialect(session))


def _filtered(filters: EventFilters, dialect: str, *, ranked: bool = False):  # type: ignore[no-untyped-def]
    """select_filtered's SELECT; ordered by relevance first when `ranked` and the filters sort by it, which
    only a page of events needs (the rank costs most of a search, and a count or a facet does not need it)."""
    stmt = select(Event)
    if filters.round:
        if filters.round.isdigit():
            ids = select(Round.id).where(Round.number == int(filters.round))
            stmt = stmt.where(col(Event.round_id).in_(ids))
        else:
            stmt = stmt.where(Event.round_id == filters.round)
    if filters.venue:
        stmt = stmt.where(Event.venue_slug == filters.venue)
    if filters.country:
        venues = select(Venue.slug).where(func.lower(Venue.country) == filters.country.lower())
        stmt = stmt.where(col(Event.venue_slug).in_(venues))
    if filters.types:
        stmt = stmt.where(col(Event.type).in_(filters.types))
    if filters.actor:
        stmt = stmt.where(col(Event.id).in_(select(EventActor.event_id).where(EventActor.actor_slug == filters.actor)))
    if filters.date_from:
        stmt = stmt.where(Event.date_end >= filters.date_from)
    if filters.date_to:
        stmt = stmt.where(Event.date <= filters.date_to)
    if filters.article:
        stmt = stmt.where(
            col(Event.id).in_(select(EventSource.event_id).where(EventSource.article_id == filters.article))
        )
    if filters.q:
        key = col(getattr(Event, event_key(dialect)))
        if ranked and filters.sort == "relevance":
            hits = matches(dialect, filters.q, ranked=True)
            stmt = stmt.join(hits, hits.c.key == key).order_by(hits.c.rank)
        else:
            stmt = stmt.where(key.in_(select(matches(dialect, filters.q, ranked=False).c.key)))
    return stmt


def count_events(session: Session, *, filters: EventFilters) -> int:
    return session.exec(select(func.count()).select_from(select_filtered(session, filters).subquery())).one()


def list_event_json(session: Session, *, filters: EventFilters) -> tuple[int, list[str]]:
    """The total the filters select and one page of events, each as its public JSON (EventPublic): what
    /events sends as it is. The JSON stored with each event is read (app.event_json); an event stored
    without it is assembled here. On SQLite, a page picked by the plain filters (round, venue, type, dates) is
    read in three prepared statements on the driver's connection: the ORM's building and compiling of them costs
    three times the queries themselves, on the API's busiest path."""
    if _plain(filters) and _dialect(session) == "sqlite":
        return _plain_event_json(session, filters)
    return _orm_event_json(session, filters)


def _plain(filters: EventFilters) -> bool:
    """Whether the filters are only those _plain_event_json reads: no search, country, person or article."""
    return not (filters.q or filters.country or filters.actor or filters.article)


def _plain_event_json(session: Session, filters: EventFilters) -> tuple[int, list[str]]:
    """list_event_json for plain filters, in SQL of its own on SQLite's connection (the same selection as
    _filtered's; a test holds the two to the same answers)."""
    where: list[str] = []
    params: list[Any] = []
    if filters.round:
        if filters.round.isdigit():
            where.append("round_id IN (SELECT id FROM round WHERE number = ?)")
            params.append(int(filters.round))
        else:
            where.append("round_id = ?")
            params.append(filters.round)
    if filters.venue:
        where.append("venue_slug = ?")
        params.append(filters.venue)
    if filters.types:
        where.append(f"type IN ({', '.join('?' * len(filters.types))})")
        params.extend(filters.types)
    if filters.date_from:
        where.append("date_end >= ?")
        params.append(filters.date_from.isoformat())
    if filters.date_to:
        where.append("date <= ?")
        params.append(filters.date_to.isoformat())
    condition = f" WHERE {' AND '.join(where)}" if where else ""
    order = "date DESC, id DESC" if filters.sort == "-date" else "date, id"
    driver = session.connection().connection.dbapi_connection
    assert driver is not None  # (a connection checked out of the pool has one)
    page = f"SELECT id FROM event{condition} ORDER BY {order} LIMIT ? OFFSET ?"
    ids = [row[0] for row in driver.execute(page, (*params, filters.limit, filters.offset))]
    total = driver.execute(f"SELECT count(*) FROM event{condition}", params).fetchone()[0]
    stored: dict[str, str] = {}
    if ids:
        bodies = f"SELECT event_id, body FROM event_json WHERE event_id IN ({', '.join('?' * len(ids))})"
        stored = dict(driver.execute(bodies, ids).fetchall())
    if missing := [event_id for event_id in ids if event_id not in stored]:
        stored.update(rendered_events(session, ids=missing))
    return total, [stored[event_id] for event_id in ids]


def _orm_event_json(session: Session, filters: EventFilters) -> tuple[int, list[str]]:
    """list_event_json for any filters, by the ORM's statements (on any database)."""
    order = (
        (col(Event.date).desc(), col(Event.id).desc()) if filters.sort == "-date" else (col(Event.date), col(Event.id))
    )
    # the page's ids first, then their JSON: sorting the matches of a search with their JSON beside them would
    # move every match's JSON, not only the page's
    stmt = _filtered(filters, _dialect(session), ranked=True).with_only_columns(col(Event.id))
    ids = list(session.execute(stmt.order_by(*order).offset(filters.offset).limit(filters.limit)).scalars())
    stored = dict(session.connection().execute(JSON_OF_EVENTS, {"ids": ids}).all()) if ids else {}
    if missing := [event_id for event_id in ids if event_id not in stored]:
        stored.update(rendered_events(session, ids=missing))
    return count_events(session, filters=filters), [stored[event_id] for event_id in ids]


def list_events(session: Session, *, filters: EventFilters) -> tuple[int, list[EventPublic]]:
    total, bodies = list_event_json(session, filters=filters)
    return total, PUBLIC_EVENTS.validate_json(f"[{','.join(bodies)}]")


def get_event(session: Session, *, event_id: str) -> EventPublic | None:
    row = session.get(Event, event_id)
    return present_events(session, rows=[row])[0] if row else None


# a list bound at execution: the statements below are built once
IDS: BindParameter[Any] = bindparam("ids", expanding=True)
SOURCES_OF_EVENTS = (
    sql_select(
        col(EventSource.event_id),
        col(EventSource.article_id),
        col(Article.title),
        col(Article.published),
        col(EventSource.quote),
        col(EventSource.date_text),
        col(EventSource.date),
        col(EventSource.date_end),
        col(EventSource.round_number),
        col(EventSource.explanation),
    )
    .join(Article, col(Article.id) == col(EventSource.article_id))
    .where(col(EventSource.event_id).in_(IDS))
    .order_by(col(EventSource.id))
)
ACTORS_OF_EVENTS = (
    sql_select(col(EventActor.event_id), col(Actor.slug), col(Actor.name), col(Actor.side), col(Actor.role))
    .join(Actor, col(Actor.slug) == col(EventActor.actor_slug))
    .where(col(EventActor.event_id).in_(IDS))
)
VENUES_NAMED = sql_select(col(Venue.slug), col(Venue.name), col(Venue.country), col(Venue.lat), col(Venue.lon)).where(
    col(Venue.slug).in_(IDS)
)
ROUNDS_NAMED = sql_select(col(Round.id), col(Round.number), col(Round.label)).where(col(Round.id).in_(IDS))
JSON_OF_EVENTS = sql_select(col(EventJson.event_id), col(EventJson.body)).where(col(EventJson.event_id).in_(IDS))
EVENT_KEYS = tuple(c.key for c in EVENT_COLUMNS)
PUBLIC_FIELDS = tuple(EventPublic.model_fields)  # in the order the public shape lists them


def rendered_events(session: Session, *, ids: Sequence[str]) -> dict[str, str]:
    """The public JSON of these events (id -> JSON), assembled from their rows."""
    rows = session.execute(sql_select(*EVENT_COLUMNS).where(col(Event.id).in_(ids))).all()
    return {shape["id"]: to_json(shape).decode() for shape in event_shapes(session, rows=rows)}


def present_events(session: Session, *, rows: Sequence[Event | Row[Any]]) -> list[EventPublic]:
    """The public models of events (ORM objects or rows of EVENT_COLUMNS)."""
    return PUBLIC_EVENTS.validate_python(event_shapes(session, rows=rows))


def event_shapes(session: Session, *, rows: Sequence[Event | Row[Any]]) -> list[dict[str, Any]]:
    """The public shape of events (ORM objects or rows of EVENT_COLUMNS) as plain dicts in EventPublic's
    field order, loading their sources, people, venues and rounds in four prepared queries: the hot path of
    every uncached /events request. Validating them into models costs as much again as building them, so
    callers that only serialise take the dicts (a test holds the two serialisations byte for byte equal)."""
    events = [
        dict(zip(EVENT_KEYS, r, strict=True)) if isinstance(r, Row) else {k: getattr(r, k) for k in EVENT_KEYS}
        for r in rows
    ]
    if not events:
        return []
    connection = session.connection()  # Core rows: no ORM loading for plain columns
    ids = [e["id"] for e in events]
    sources: dict[str, list[dict[str, Any]]] = {}
    for event_id, article_id, title, published, quote, date_text, day, day_end, number, how in connection.execute(
        SOURCES_OF_EVENTS, {"ids": ids}
    ).all():
        sources.setdefault(event_id, []).append(
            {
                "article_id": article_id,
                "article_title": title,
                "published": published,
                "quote": quote,
                "date_text": date_text,
                "date": day,
                "date_end": day_end,
                "round_number": number,
                "explanation": how,
            }
        )
    actors: dict[str, list[dict[str, Any]]] = {}
    for event_id, slug, name, side, role in connection.execute(ACTORS_OF_EVENTS, {"ids": ids}).all():
        actors.setdefault(event_id, []).append({"slug": slug, "name": name, "side": side, "role": role})
    venue_slugs = list({e["venue_slug"] for e in events if e["venue_slug"]})
    venues = {
        slug: {"slug": slug, "name": name, "country": country, "lat": lat, "lon": lon}
        for slug, name, country, lat, lon in connection.execute(VENUES_NAMED, {"ids": venue_slugs}).all()
    }
    round_ids = list({e["round_id"] for e in events if e["round_id"]})
    rounds = {
        round_id: {"id": round_id, "number": number, "label": label}
        for round_id, number, label in connection.execute(ROUNDS_NAMED, {"ids": round_ids}).all()
    }
    for e in events:
        # the window's first day, and the best single day in it (the first, unless a later one is likelier)
        e["date_start"], e["date"] = e["date"], e["date_best"] or e["date"]
        e["round"] = rounds.get(e["round_id"] or "")
        e["venue"] = venues.get(e["venue_slug"] or "")
        e["actors"] = actors.get(e["id"], [])
        e["sources"] = sources.get(e["id"], [])
    return [{key: e[key] for key in PUBLIC_FIELDS} for e in events]


def facet_counts(session: Session, *, filters: EventFilters) -> dict[str, Counter[str]]:
    """Counts per type, venue, round number and person for the events the filters select."""
    ids = select(Event.id).where(col(Event.id).in_(select(select_filtered(session, filters).subquery().c.id)))
    counts: dict[str, Counter[str]] = {}
    counts["type"] = Counter(
        dict(session.exec(select(Event.type, func.count()).where(col(Event.id).in_(ids)).group_by(Event.type)).all())
    )
    counts["venue"] = Counter(
        {
            k: v
            for k, v in session.exec(
                select(Event.venue_slug, func.count()).where(col(Event.id).in_(ids)).group_by(Event.venue_slug)
            ).all()
            if k
        }
    )
    counts["round"] = Counter(
        {
            str(k): v
            for k, v in session.exec(
                select(col(Round.number), func.count())
                .join(Event, col(Event.round_id) == col(Round.id))
                .where(col(Event.id).in_(ids))
                .group_by(col(Round.number))
            ).all()
            if k is not None
        }
    )
    counts["actor"] = Counter(
        dict(
            session.exec(
                select(EventActor.actor_slug, func.count())
                .where(col(EventActor.event_id).in_(ids))
                .group_by(EventActor.actor_slug)
            ).all()
        )
    )
    return counts


def list_articles(session: Session, *, limit: int, offset: int) -> tuple[int, list[ArticlePublic]]:
    total = session.exec(select(func.count()).select_from(Article)).one()
    counts = dict(
        session.exec(
            select(EventSource.article_id, func.count(func.distinct(EventSource.event_id))).group_by(
                EventSource.article_id
            )
        ).all()
    )
    rows = session.exec(select(Article).order_by(col(Article.published), col(Article.id)).offset(offset).limit(limit))
    return total, [ArticlePublic(**a.model_dump(exclude={"text"}), event_count=counts.get(a.id, 0)) for a in rows]


def get_article(session: Session, *, article_id: str) -> ArticleDetail | None:
    article = session.get(Article, article_id)
    if article is None:
        return None
    count = session.exec(
        select(func.count(func.distinct(EventSource.event_id))).where(EventSource.article_id == article_id)
    ).one()
    return ArticleDetail(**article.model_dump(), event_count=count)


def list_article_evidence(session: Session, *, article_id: str) -> list[tuple[str, str, str]]:
    """(quote, event id, event title) for every sentence of the article that an event was read from."""
    stmt = (
        select(EventSource.quote, Event.id, Event.title)
        .join(Event, col(Event.id) == col(EventSource.event_id))
        .where(EventSource.article_id == article_id)
        .order_by(col(EventSource.sentence_index))
    )
    return [tuple(row) for row in session.exec(stmt)]  # type: ignore[misc]


def list_rounds(session: Session, *, limit: int, offset: int) -> tuple[int, list[RoundPublic]]:
    total = session.exec(select(func.count()).select_from(Round)).one()
    rows = session.exec(select(Round).order_by(col(Round.date), col(Round.id)).offset(offset).limit(limit)).all()
    return total, [present_round(session, row=r) for r in rows]


def get_round(session: Session, *, round_id: str) -> RoundPublic | None:
    row = session.get(Round, round_id)
    return present_round(session, row=row) if row else None


def present_round(session: Session, *, row: Round) -> RoundPublic:
    venue = session.get(Venue, row.venue_slug) if row.venue_slug else None
    event_ids = list(session.exec(select(Event.id).where(Event.round_id == row.id)))
    return RoundPublic(
        id=row.id,
        number=row.number,
        label=row.label,
        venue=VenuePublic(**venue.model_dump()) if venue else None,
        format=row.format,
        date=row.date,
        date_end=row.date_end,
        numbering=row.numbering,
        event_ids=event_ids,
    )


def list_venues(session: Session, *, limit: int, offset: int) -> tuple[int, list[VenuePublic]]:
    total = session.exec(select(func.count()).select_from(Venue)).one()
    rows = session.exec(select(Venue).order_by(col(Venue.slug)).offset(offset).limit(limit))
    return total, [VenuePublic(**v.model_dump()) for v in rows]


def list_actors(session: Session, *, limit: int, offset: int) -> tuple[int, list[ActorPublic]]:
    total = session.exec(select(func.count()).select_from(Actor)).one()
    rows = session.exec(select(Actor).order_by(col(Actor.slug)).offset(offset).limit(limit))
    return total, [ActorPublic(**a.model_dump()) for a in rows]


def known_slugs(session: Session) -> tuple[set[str], set[str]]:
    """The venue and actor slugs a filter may name."""
    return set(session.exec(select(Venue.slug))), set(session.exec(select(Actor.slug)))
