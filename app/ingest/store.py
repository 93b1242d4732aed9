"""The only stage that touches the database: upsert vocabularies, load events for merging, and store a
batch of articles with the events they changed in one transaction; rebuild the rounds from the round events."""

import contextlib
import datetime as dt
import itertools
import re
from collections import Counter
from collections.abc import Collection, Iterator, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any, cast

from sqlalchemy import Row, String, Table, bindparam, delete, func, insert, update
from sqlalchemy import cast as cast_as
from sqlalchemy import select as select_rows
from sqlmodel import Session, col, select

from app import event_json
from app.ingest.classify import war_start_cue
from app.ingest.happenings import DatedHappenings
from app.ingest.merge import EventPool, as_stored, build
from app.ingest.published import DATED_BY_THE_WARS_AGE, RETROSPECTIVE_YEARS
from app.ingest.types import (
    STATED_BASES,
    CleanArticle,
    CorpusContext,
    DateRange,
    EventMention,
    MergedEvent,
    PublishedDate,
    ToldStart,
)
from app.ingest.vocab import people, places
from app.models import Actor, Article, Event, EventActor, EventSource, IngestState, Round, Venue
from app.search import index_events, search_rowid


def ensure_vocabulary(session: Session) -> None:
    """Write the places and people of the vocabulary, then the stored JSON of the events that show an entry
    that changed, and of any event stored without it."""
    venues = {v.slug: v.model_dump() for v in session.exec(select(Venue))}
    actors = {a.slug: a.model_dump() for a in session.exec(select(Actor))}
    changed_venues, changed_actors = [], []
    for place in places():
        venue = Venue(slug=place.slug, name=place.name, country=place.country, lat=place.lat, lon=place.lon)
        if venues.get(venue.slug) != venue.model_dump():
            session.merge(venue)
            changed_venues.append(venue.slug)
    for person in people():
        actor = Actor(slug=person.slug, name=person.name, side=person.side, role=person.role)
        if actors.get(actor.slug) != actor.model_dump():
            session.merge(actor)
            changed_actors.append(actor.slug)
    session.flush()
    event_json.refresh(session, event_json.events_of(session, venues=changed_venues, actors=changed_actors))
    event_json.fill_missing(session)
    session.commit()


def article_known(session: Session, article_id: str) -> bool:
    return session.get(Article, article_id) is not None


def stored_events(session: Session) -> Iterator[MergedEvent]:
    """Every stored event with its mentions, for merging new mentions into: read as a stream, so that a large
    corpus is never held in memory."""
    c = SOURCES.c
    rows = session.execute(
        select_rows(
            c.event_id,
            c.article_id,
            c.sentence_index,
            c.quote,
            c.mention_type,
            c.status,
            c.date,
            c.date_end,
            c.date_precision,
            c.date_text,
            c.explanation,
            c.venue_slug,
            c.round_number,
            c.actor_slugs,
            c.anchored,
        )
        .order_by(c.event_id, c.id)
        .execution_options(yield_per=2048)
    )
    for event_id_, sources in itertools.groupby(rows, key=lambda row: row.event_id):
        yield build(event_id_, tuple(_stored_mention(source) for source in sources))


def _stored_mention(source: Row[Any]) -> EventMention:
    return EventMention(
        article_id=source.article_id,
        sentence_index=source.sentence_index,
        quote=source.quote,
        type=source.mention_type,
        status=source.status,
        range=DateRange(source.date, source.date_end, source.date_precision),
        date_text=source.date_text,
        explanation=source.explanation,
        venue_slug=source.venue_slug,
        round_number=source.round_number,
        actor_slugs=tuple(source.actor_slugs),
        anchored=source.anchored,
    )


ANNIVERSARY = re.compile(r"\banniversary\b", re.I)


def _conflict_start(event: MergedEvent) -> date | None:
    """The day an event names as the start of the war ('ordered troops to invade Ukraine on Feb. 24'), not one
    that names its anniversary ('On February 24, the first anniversary of the invasion, ...'), nor a day told
    in the same sentence as the war's start ('for the first time since this war began ... today')."""
    if event.type != "military" or event.range.precision != "day":
        return None  # checked first: the cue is looked for in every quote, and an event may have hundreds
    named = any(war_start_cue(m.quote, m.date_text) for m in event.mentions)
    return event.range.start if named else None


class Corpus:
    """What the stored articles tell the next one, read from the database once and kept in step with it:
    the events to merge into, the usual year of publication, and the day the war began."""

    def __init__(
        self, session: Session, told_starts: Counter[ToldStart] | None = None, named_years: Counter[int] | None = None
    ) -> None:
        # the war's start as the articles being read give it: counted from when none stored tells it
        self.told_starts = told_starts or Counter()
        self.named_years = named_years or Counter()  # how many of the articles being read name each year
        self.starts: dict[str, date] = {}
        self.broken = False  # the pool failed to keep a merge (its temporary file): read the corpus afresh
        # the calendar-dated rounds an article with none may be dated by
        stated = session.exec(
            select(col(Article.id)).where(
                col(Article.published_basis).in_(STATED_BASES)
                | cast_as(col(Article.published_evidence), String).contains(DATED_BY_THE_WARS_AGE)
            )
        ).all()
        self.happenings = DatedHappenings(set(stated))
        self.pool = EventPool(self._noting_starts(stored_events(session)))
        self.years = Counter(d.year for d in session.exec(select(col(Article.published))).all() if d)
        self.earliest_published = session.exec(select(func.min(col(Article.published)))).one()
        self.start_counts = Counter(self.starts.values())  # kept in step with starts: read for every article

    def _noting_starts(self, events: Iterator[MergedEvent]) -> Iterator[MergedEvent]:
        for event in events:
            if day := _conflict_start(event):
                self.starts[event.id] = day
            self.happenings.note(event)
            yield event

    def close(self) -> None:
        self.pool.close()

    def _usual_year(self) -> int | None:
        """The year an article that names none is read in: the year most stored articles were published in (each
        counting twice) or most of the articles being read name ('the talks in Istanbul in March 2022'). A corpus
        whose only dated article is a retrospective of 2024 about the talks of 2022 is of 2022."""
        votes = Counter({year: 2 * n for year, n in self.years.items()}) + self.named_years
        return min(votes, key=lambda year: (-votes[year], year)) if votes else None

    def context(self) -> CorpusContext:
        default_year = self._usual_year()
        return CorpusContext(
            default_year=default_year,
            conflict_start=self._conflict_start(default_year) or self._told(default_year),
            earliest_published=self.earliest_published,
        )

    def _told(self, year: int | None) -> date | None:
        """The start most of the articles being read give, when no stored event tells it: the day most give, in the
        year most of those that name one give with it ('on February 24, 2022'), else in the corpus's usual year (a
        corpus of retrospectives from later years is told the war's year by the former)."""
        days: Counter[tuple[int, int]] = Counter()
        told_starts = {t: n for t, n in self.told_starts.items() if not t.counted} or dict(self.told_starts)
        for told, n in told_starts.items():
            days[(told.month, told.day)] += n * (2 if told.year else 1)  # a start told with its year counts twice
        if not days:
            return None
        (month, day), _ = min(days.items(), key=lambda item: (-item[1], item[0]))
        # the year most of those that give this day name with it (one article's 'February 27, 2014' does not
        # outvote twenty that give the 24th of February)
        years = Counter({t.year: n for t, n in told_starts.items() if (t.month, t.day) == (month, day) and t.year})
        year = min(years.items(), key=lambda item: (-item[1], item[0]))[0] if years else year
        if year is None:
            return None
        with contextlib.suppress(ValueError):
            return date(year, month, day)
        return None

    def _conflict_start(self, year: int | None) -> date | None:
        """The day the stored events most often name as the war's start (the earliest among equals): one article
        misread into another year does not move it, nor does a start long before the corpus's usual year (a story
        of 2022 that recalls 'Russia invaded Ukraine on February 27, 2014')."""
        counts = +self.start_counts  # the days still named
        if year is not None:
            counts = Counter({day: n for day, n in counts.items() if day.year >= year - RETROSPECTIVE_YEARS})
        return min(counts, key=lambda day: (-counts[day], day)) if counts else None

    def add(self, published: PublishedDate, mentions: list[EventMention]) -> list[MergedEvent]:
        """Merge an article's mentions into the pool, and count the article in; the events it created or
        changed, as its merge left them (what is written to the database), in a fixed order, so that the rows
        get the same ids on every run. A merge that fails is undone; once the article is added, only reading
        the corpus again from the database (a new Corpus) forgets it."""
        for article_id in {m.article_id for m in mentions}:
            self.happenings.article_dated(article_id, published)
        try:
            touched = self.pool.merge(mentions)
        except Exception:
            self.pool.rollback()
            raise
        changed = [self.pool.event(i) for i in sorted(touched)]
        try:
            self._kept(published, touched)
        except Exception:
            self.broken = True
            raise
        return changed

    def _kept(self, published: PublishedDate, touched: set[str]) -> None:
        """Keep the article's merges as the database will give them back once they are stored."""
        for event_id in touched:
            kept = as_stored(self.pool.event(event_id))
            self.pool.keep_as(kept)
            if (before := self.starts.pop(event_id, None)) is not None:
                self.start_counts[before] -= 1
            if day := _conflict_start(kept):
                self.starts[event_id] = day
                self.start_counts[day] += 1
            self.happenings.note(kept)
        if published.day:
            self.years[published.day.year] += 1
            self.earliest_published = min(published.day, self.earliest_published or published.day)
        self.pool.commit()


def _table(model: Any) -> Table:
    return cast(Table, model.__table__)


ARTICLES, EVENTS, SOURCES, EVENT_ACTORS, ROUNDS = (_table(m) for m in (Article, Event, EventSource, EventActor, Round))


def _event_row(event: MergedEvent) -> dict[str, Any]:
    return {
        "id": event.id,
        "title": event.title,
        "summary": event.summary,
        "type": event.type,
        "date": event.range.start,
        "date_end": event.range.end,
        "date_precision": event.range.precision,
        "date_best": best if (best := event.best_day) != event.range.start else None,
        "status": event.status,
        "round_claims": list(event.round_claims),
        "venue_slug": event.venue_slug,
        "confidence": event.confidence,
        "source_count": len({(m.article_id, m.sentence_index) for m in event.mentions}),
        "conflicts": list(event.conflicts),
        "date_explanation": event.date_explanation,
    }


def _source_row(event_id_: str, m: EventMention) -> dict[str, Any]:
    return {
        "event_id": event_id_,
        "article_id": m.article_id,
        "sentence_index": m.sentence_index,
        "quote": m.quote,
        "date_text": m.date_text,
        "date": m.range.start,
        "date_end": m.range.end,
        "date_precision": m.range.precision,
        "round_number": m.round_number,
        "explanation": m.explanation,
        "mention_type": m.type,
        "status": m.status,
        "venue_slug": m.venue_slug,
        "actor_slugs": list(m.actor_slugs),
        "anchored": m.anchored,
    }


def _update_by_id(session: Session, table: Table, rows: list[dict[str, Any]]) -> None:
    """Update many rows of `table` at once, each by its id, with the other columns its dict holds."""
    if rows:
        by_id = update(table).where(table.c.id == bindparam("row_id"))
        session.execute(by_id, [{"row_id": r["id"], **{k: v for k, v in r.items() if k != "id"}} for r in rows])


INDEXED_EVENT_COLUMNS = {"type", "date", "venue_slug"}  # (round_id is rebuild_rounds')


def _write_events(session: Session, changed: list[MergedEvent]) -> None:
    """Insert the new events and update the stored ones; an update leaves the indexed columns alone when
    they keep their values, so the indexes' pages are not rewritten."""
    c = EVENTS.c
    stored_rows = select_rows(c.id, c.type, c.date, c.venue_slug).where(c.id.in_([e.id for e in changed]))
    stored = {row.id: row for row in session.execute(stored_rows)}
    rows = [_event_row(e) for e in changed]
    moved, kept_in_place = [], []
    for row in rows:
        if (previous := stored.get(row["id"])) is None:
            continue
        if all(row[k] == getattr(previous, k) for k in INDEXED_EVENT_COLUMNS):
            kept_in_place.append({k: v for k, v in row.items() if k not in INDEXED_EVENT_COLUMNS})
        else:
            moved.append(row)
    _update_by_id(session, EVENTS, moved)
    _update_by_id(session, EVENTS, kept_in_place)
    if new_rows := [{**r, "search_rowid": search_rowid(r["id"])} for r in rows if r["id"] not in stored]:
        session.execute(insert(EVENTS), new_rows)


def _write_event_actors(session: Session, changed: list[MergedEvent]) -> None:
    """The people of each event: only the pairs that are new are written."""
    ids = [e.id for e in changed]
    wanted = {(e.id, a) for e in changed for a in e.actor_slugs}
    pairs = select_rows(EVENT_ACTORS.c.event_id, EVENT_ACTORS.c.actor_slug).where(EVENT_ACTORS.c.event_id.in_(ids))
    have = {(event_id_, slug) for event_id_, slug in session.execute(pairs)}
    if gone := {i for i, a in have if (i, a) not in wanted}:  # someone no longer named: written afresh
        session.execute(delete(EVENT_ACTORS).where(EVENT_ACTORS.c.event_id.in_(gone)))
        have = {(i, a) for i, a in have if i not in gone}
    if missing := sorted(wanted - have):
        session.execute(insert(EVENT_ACTORS), [{"event_id": i, "actor_slug": a} for i, a in missing])


@dataclass(frozen=True)
class ArticleToStore:
    """An article read and merged: its date, and the events it created or changed as its merge left them."""

    article: CleanArticle
    published: PublishedDate
    events: list[MergedEvent]


def _article_row(item: ArticleToStore) -> dict[str, Any]:
    return {
        "id": item.article.raw.content_hash,
        "filename": item.article.raw.filename,
        "title": item.article.title,
        "published": item.published.day,
        "published_end": item.published.end,
        "published_basis": item.published.basis,
        "published_evidence": list(item.published.evidence),
        "text": item.article.text,
    }


def save_articles(session: Session, batch: Sequence[ArticleToStore]) -> None:
    """Store articles, every event they created or changed, the search rows and the rounds, in one transaction.

    Written with bulk statements (one per table for the whole batch), not ORM objects: an article touches tens
    of events, and a statement or a commit costs as much as many rows. An event several articles of the batch
    changed is written once, as the last of them left it; each article's sources are added in article order.
    The rows are those of storing the articles one at a time, except that the rounds are redone once for the
    batch: where order constraints narrowed a neighbouring round in between, its stored dates can differ (they
    depend on the order of narrowing either way); batches of a fixed size keep a re-run equal to a clean run."""
    if not batch:
        return
    session.execute(insert(ARTICLES), [_article_row(item) for item in batch])
    latest = {e.id: e for item in batch for e in item.events}
    changed = list(latest.values())
    if changed:
        _write_events(session, changed)
        # an article is stored once: the sources of earlier articles stay as they are, this one's are added
        sources = [
            _source_row(e.id, m)
            for item in batch
            for e in item.events
            for m in e.mentions
            if m.article_id == item.article.raw.content_hash
        ]
        if sources:
            session.execute(insert(SOURCES), sources)
        _write_event_actors(session, changed)
    index_events(session, changed)
    event_json.refresh(session, set(latest) | rebuild_rounds(session, set(latest)))
    bump_generation(session, len(batch))
    session.commit()


def bump_generation(session: Session, articles: int = 1) -> None:
    """Mark the data as changed (one step per article stored), in the storing transaction: cached responses
    become stale with it."""
    state = update(IngestState).where(col(IngestState.id) == 1)
    session.execute(state.values(generation=IngestState.generation + articles))


ONE_DAY = timedelta(days=1)
SEASON = timedelta(days=120)  # rounds numbered n and n+1 are neighbours only this close in time


@dataclass
class _RoundEvent:
    id: str
    title: str
    round_claims: list[int]
    date: dt.date
    date_end: dt.date
    venue_slug: str | None
    round_id: str | None
    status: str

    def as_stored(self) -> tuple[str | None, dt.date, dt.date]:
        return self.round_id, self.date, self.date_end


def _round_events(session: Session, ids: list[str] | None) -> list[_RoundEvent]:
    """The round events among `ids` (None: all of them)."""
    c = EVENTS.c
    query = select_rows(c.id, c.title, c.round_claims, c.date, c.date_end, c.venue_slug, c.round_id, c.status, c.type)
    # by id through the primary key: a condition on the type would lead SQLite to scan every round by type
    query = query.where(c.type == "round") if ids is None else query.where(c.id.in_(ids))
    return [_RoundEvent(*row[:-1]) for row in session.execute(query) if row[-1] == "round"]


def rebuild_rounds(session: Session, touched: Collection[str] | None = None) -> set[str]:
    """One round per round event: the number where its sources agree, a label, venue, format and dates,
    with order constraints (round 2 lies after round 1 and before round 3). Only the rounds of the touched
    events and their numbered neighbours are redone; None redoes every round. Returns the events whose round
    or dates were written again."""
    rewritten: set[str] | None = None  # the events whose round row is written again (None: all of them)
    if touched is not None:
        changed = _round_events(session, list(touched))
        rewritten = {e.id for e in changed}
        numbers = {n + d for e in changed if len(e.round_claims) == 1 for n in e.round_claims for d in (-1, 1)}
        involved = {e.id: e for e in changed}
        if numbers:  # the numbered neighbours of the same season
            neighbours = select_rows(ROUNDS.c.id, ROUNDS.c.number, ROUNDS.c.date).where(
                ROUNDS.c.number.in_(numbers),
                ROUNDS.c.date_end >= min(e.date for e in changed) - SEASON,
                ROUNDS.c.date <= max(e.date_end for e in changed) + SEASON,
            )
            found = session.execute(neighbours).all()
            # rounds are ordered by number, then date: only the first and the last of each number's rounds can
            # sit next to another number's, so only they (and rounds on the same days) take part
            days_by_number: dict[int, list[dt.date]] = {}
            for _, number, day in found:
                days_by_number.setdefault(number, []).append(day)
            ends = {number: (min(days), max(days)) for number, days in days_by_number.items()}
            neighbour_ids = [rid[2:] for rid, number, day in found if day in ends[number]]
            involved.update({e.id: e for e in _round_events(session, neighbour_ids)})
        round_events = list(involved.values())
    else:
        round_events = _round_events(session, None)
    if not round_events:
        return set()
    stored = {e.id: e.as_stored() for e in round_events}
    numbered = sorted((e for e in round_events if len(e.round_claims) == 1), key=lambda e: (e.round_claims[0], e.date))
    for before, after in itertools.pairwise(numbered):
        if after.round_claims[0] != before.round_claims[0] + 1 or abs(after.date - before.date) > SEASON:
            continue
        # a numbered round lies between its neighbours: round 2 after round 1 starts and before round 3 ends, and
        # not on the day of a neighbour held on a known day (two rounds held are two sessions, on two days; a round
        # announced is placed at its announcement, which may be the day of the one before)
        held = before.status == after.status == "occurred"
        earliest = before.date + ONE_DAY if held and before.date == before.date_end else before.date
        if after.date < earliest <= after.date_end:
            after.date = earliest
        latest = after.date_end - ONE_DAY if held and after.date == after.date_end else after.date_end
        if before.date <= latest < before.date_end:
            before.date_end = latest
    rounds, redone = [], []
    for event in round_events:
        if (
            rewritten is not None
            and event.id not in rewritten
            and event.as_stored() == stored[event.id]
            and event.round_id == f"r-{event.id}"
        ):
            continue  # a neighbour the order constraints left as it was: its round row is still right
        number = event.round_claims[0] if len(event.round_claims) == 1 else None
        fmt = "video" if event.venue_slug == "online" else ("in person" if event.venue_slug else "unknown")
        redone.append(event)
        rounds.append(
            {
                "id": f"r-{event.id}",
                "number": number,
                "label": f"Round {number}" if number else event.title,
                "venue_slug": event.venue_slug,
                "format": fmt,
                "date": event.date,
                "date_end": event.date_end,
                "numbering": [{"number": n} for n in event.round_claims],
            }
        )
    stored_rounds = select_rows(ROUNDS.c.id).where(ROUNDS.c.id.in_([r["id"] for r in rounds]))
    existing = set(session.execute(stored_rounds).scalars())
    _update_by_id(session, ROUNDS, [r for r in rounds if r["id"] in existing])
    if new_rounds := [r for r in rounds if r["id"] not in existing]:
        session.execute(insert(ROUNDS), new_rounds)  # the rounds first: events point at them
    for event in round_events:
        event.round_id = f"r-{event.id}"
    moved = [e for e in round_events if e.as_stored() != stored[e.id]]
    _update_by_id(
        session, EVENTS, [{"id": e.id, "round_id": e.round_id, "date": e.date, "date_end": e.date_end} for e in moved]
    )
    return {e.id for e in redone} | {e.id for e in moved}
