"""The merged events of the articles already taken in, kept on disk for the merge pool, so that the writer's
memory stays flat however large the corpus grows.

A private temporary SQLite file (deleted when closed) holds each event's head (everything but its mentions) and
its mentions; the lanes and padded dates an event can be found by are rows of an index. A mention is compared
with an event's key (its head without texts: what `merge.belongs` looks at across articles), and the event is
read in full only when the mention merges into it. Only a bounded number of keys is
kept in memory, the most recently used. Rows are tuples of plain values in `marshal`'s format: fast to write and
read, and reading them runs no code.
"""

import itertools
import marshal
import sqlite3
from collections import OrderedDict
from collections.abc import Iterable, Iterator, Sequence
from datetime import date
from typing import Any

from app.ingest.types import DateRange, EventMention, MergedEvent

# keys kept in memory (about 1 MB): a key read again costs one indexed read of the temporary file, and a larger
# cache made the writer's memory grow with the corpus (measured: 20,000 keys, +23% from 1,000 to 10,000 articles;
# 2,000 keys, about as fast)
CACHED_KEYS = 2_000
CACHE_KIB = 16_384  # SQLite's page cache for the file
PUT_CHUNK = 1024  # events written per statement

# (lane name, bucket, first day, last day): where an event can be found, its days as ordinals, padded
LaneRow = tuple[str, int, int, int]
SCHEMA = (
    "CREATE TABLE event (id TEXT PRIMARY KEY, head BLOB NOT NULL, mentions BLOB NOT NULL)",
    "CREATE TABLE lane (name TEXT, bucket INTEGER, first INTEGER, last INTEGER, id TEXT,"
    " PRIMARY KEY (name, bucket, id)) WITHOUT ROWID",
)
# in the span of buckets, and among the events too wide for buckets (two searches of the primary key: an OR
# of the two would scan the lane)
FOUND_IN = (
    "SELECT id FROM lane WHERE name = ? AND bucket BETWEEN ? AND ? AND first <= ? AND last >= ?"
    " UNION SELECT id FROM lane WHERE name = ? AND bucket = -1 AND first <= ? AND last >= ?"
)
FOUND_IN_LANE = "SELECT DISTINCT id FROM lane WHERE name = ? AND first <= ? AND last >= ?"


def _range_row(rng: DateRange) -> tuple[int, int, str]:
    return rng.start.toordinal(), rng.end.toordinal(), rng.precision


def _range(row: tuple[int, int, str]) -> DateRange:
    return DateRange(date.fromordinal(row[0]), date.fromordinal(row[1]), row[2])


def _mention_row(m: EventMention) -> tuple[Any, ...]:
    return (
        m.article_id,
        m.sentence_index,
        m.quote,
        m.type,
        m.status,
        _range_row(m.range),
        m.date_text,
        m.explanation,
        m.venue_slug,
        m.round_number,
        m.actor_slugs,
        m.keywords,
        m.anchored,
        m.confidence,
    )


def _mention(row: tuple[Any, ...]) -> EventMention:
    article, index, quote, type_, status, rng, text, how, venue, number, actors, keywords, anchored, confidence = row
    return EventMention(
        article, index, quote, type_, status, _range(rng), text, how, venue, number, actors, keywords, anchored,
        confidence,
    )  # fmt: skip


def head_row(e: MergedEvent) -> bytes:
    return marshal.dumps(
        (
            e.type,
            e.status,
            _range_row(e.range),
            e.venue_slug,
            e.round_claims,
            e.actor_slugs,
            e.confidence,
            e.speakers,
            e.keywords,
            e.all_anchored,
            e.any_anchored,
            e.title,
            e.summary,
            e.conflicts,
            e.date_explanation,
            e.article_ids,
        )
    )


def mentions_row(mentions: Sequence[EventMention]) -> bytes:
    return marshal.dumps(tuple(_mention_row(m) for m in mentions))


def read_event(event_id: str, blob: bytes, mentions_blob: bytes | None = None) -> MergedEvent:
    """The event a head row and its mentions make; without mentions, its key: no mentions and no texts (what
    is compared with a mention of another article)."""
    head: tuple[Any, ...] = marshal.loads(blob)
    mentions = tuple(_mention(row) for row in marshal.loads(mentions_blob)) if mentions_blob is not None else None
    type_, status, rng, venue, rounds, actors, confidence, speakers, keywords, all_anchored, any_anchored = head[:11]
    title, summary, conflicts, explanation = head[11:15] if mentions is not None else ("", "", (), "")
    return MergedEvent(
        event_id, type_, status, _range(rng), mentions or (), venue, rounds, actors, title, summary, confidence,
        conflicts, explanation, head[15], speakers, keywords, all_anchored, any_anchored,
    )  # fmt: skip


class StoredEvents:
    def __init__(self, cached_keys: int = CACHED_KEYS) -> None:
        self._db = sqlite3.connect("", isolation_level=None)  # "": a temporary file, deleted on close
        for pragma in ("journal_mode = OFF", "synchronous = OFF", f"cache_size = -{CACHE_KIB}"):
            self._db.execute(f"PRAGMA {pragma}")
        for statement in SCHEMA:
            self._db.execute(statement)
        # one transaction the whole time: nothing is ever read back after a crash (the file is gone), and pages
        # are written out only when the page cache is full, not at every put
        self._db.execute("BEGIN")
        self._keys: OrderedDict[str, MergedEvent] = OrderedDict()
        self._cached_keys = cached_keys

    def put(self, events: Iterable[tuple[MergedEvent, Sequence[LaneRow], Sequence[LaneRow]]]) -> None:
        """Keep events (replacing those with their ids), each with the lane rows it is now found by that it was
        not, and those it no longer is."""
        pending = iter(events)
        while chunk := list(itertools.islice(pending, PUT_CHUNK)):
            self._put(chunk)

    def _put(self, rows: list[tuple[MergedEvent, Sequence[LaneRow], Sequence[LaneRow]]]) -> None:
        db = self._db
        db.executemany(
            "DELETE FROM lane WHERE name = ? AND bucket = ? AND id = ?",
            [(name, bucket, event.id) for event, _, gone in rows for name, bucket, _, _ in gone],
        )
        heads = {event.id: head_row(event) for event, _, _ in rows}
        db.executemany(
            "INSERT OR REPLACE INTO event (id, head, mentions) VALUES (?, ?, ?)",
            [(event.id, heads[event.id], mentions_row(event.mentions)) for event, _, _ in rows],
        )
        db.executemany(
            "INSERT INTO lane (name, bucket, first, last, id) VALUES (?, ?, ?, ?, ?)",
            [(*lane, event.id) for event, added, _ in rows for lane in added],
        )
        for event, _, _ in rows:
            self._remember(read_event(event.id, heads[event.id]))

    def found_in(self, lane: str, first: int, last: int, buckets: tuple[int, int] | None) -> list[str]:
        """The ids of events in a lane whose padded days meet first..last, looked for in a span of buckets
        and among the events too wide for buckets (None: the whole lane)."""
        if buckets is None:
            rows = self._db.execute(FOUND_IN_LANE, (lane, last, first))
        else:
            rows = self._db.execute(FOUND_IN, (lane, *buckets, last, first, lane, last, first))
        return [event_id for (event_id,) in rows]

    def key(self, event_id: str) -> MergedEvent:
        """The event without its mentions and texts (`read_event`)."""
        found = self._keys.get(event_id)
        if found is not None:
            self._keys.move_to_end(event_id)
            return found
        (blob,) = self._db.execute("SELECT head FROM event WHERE id = ?", (event_id,)).fetchone()
        key = read_event(event_id, blob)
        self._remember(key)
        return key

    def _remember(self, key: MergedEvent) -> None:
        self._keys[key.id] = key
        self._keys.move_to_end(key.id)
        if len(self._keys) > self._cached_keys:
            self._keys.popitem(last=False)

    def full(self, event_id: str) -> MergedEvent:
        head, mentions = self._db.execute("SELECT head, mentions FROM event WHERE id = ?", (event_id,)).fetchone()
        return read_event(event_id, head, mentions)

    def __contains__(self, event_id: object) -> bool:
        return self._db.execute("SELECT 1 FROM event WHERE id = ?", (event_id,)).fetchone() is not None

    def __iter__(self) -> Iterator[MergedEvent]:
        for (event_id,) in self._db.execute("SELECT id FROM event ORDER BY id").fetchall():
            yield self.full(event_id)

    def close(self) -> None:
        self._db.close()
        self._keys.clear()
