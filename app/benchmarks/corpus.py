"""A large database for the API and page benchmarks, built by inserting rows directly (ingesting 50,000 events'
worth of articles would take far longer than the benchmark may).

The schema comes from the real migrations (`python -m app.migrate` with DATABASE_URL set); venues and people
from the ingestion's own vocabulary upsert; articles are synthetic texts; every event gets one to three sources
whose quotes are template sentences of its type, zero to two actors, a row in the search index (`event_fts`, the
same document `app.search.event_document` builds: title, summary, quotes), the rounds are rebuilt by the
ingestion's own `rebuild_rounds`, and each event's public JSON is stored by `app.event_json`. The file is
checkpointed, so Datasette can open it immutable.
"""

import hashlib
import os
import random
import subprocess
import sys
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import insert, text
from sqlmodel import Session

from app import event_json
from app.benchmarks.synthetic import FIRST_DAY, LAST_DAY, Writer, article_text, content_hash
from app.ingest import store
from app.ingest.vocab import people, places
from app.models import Article, Event, EventActor, EventSource
from app.search import index_documents, search_rowid

ROOT = Path(__file__).resolve().parent.parent.parent
TYPE_WEIGHTS = {
    "statement": 34,
    "round": 9,
    "proposal": 9,
    "diplomacy": 10,
    "humanitarian": 9,
    "prisoners": 6,
    "military": 7,
    "atrocity": 4,
    "aid": 7,
    "ministerial": 5,
}
TITLES = {
    "statement": "{actor} on the talks",
    "round": "Round of talks in {venue}",
    "proposal": "Written proposal handed over",
    "diplomacy": "{actor} offers to mediate",
    "humanitarian": "Humanitarian corridor opens",
    "prisoners": "Prisoner exchange",
    "military": "Russian forces withdraw",
    "atrocity": "Civilian deaths investigated",
    "aid": "New military aid for Ukraine",
    "ministerial": "Foreign ministers meet in {venue}",
}
MEETING_TYPES = {"round", "ministerial"}
BATCH = 5000


def migrate(url: str) -> None:
    """The real schema: run the project's migrations against `url` in a child process."""
    subprocess.run([sys.executable, "-m", "app.migrate"], cwd=ROOT, env={**os.environ, "DATABASE_URL": url}, check=True)


def quote_for(writer: Writer, kind: str) -> str:
    makers = {
        "statement": writer.statement,
        "round": writer.round_held,
        "proposal": writer.proposal,
        "diplomacy": writer.diplomacy,
        "humanitarian": writer.corridor,
        "prisoners": writer.prisoners,
        "military": writer.military,
        "atrocity": writer.atrocity,
        "aid": writer.aid,
        "ministerial": writer.ministerial,
    }
    return makers[kind]()


class RowMaker:
    """The rows of one synthetic event and its sources, actors and search document."""

    def __init__(self, rng: random.Random, article_ids: list[tuple[str, date]]) -> None:
        self.rng = rng
        self.articles = article_ids
        self.venues = [p.slug for p in places() if p.kind in ("venue", "city", "online")]
        self.meeting_venues = [p.slug for p in places() if p.kind in ("venue", "online")] + ["minsk", "geneva"]
        self.venue_names = {p.slug: p.name for p in places()}
        self.people = [(p.slug, p.name) for p in people()]
        self.kinds = list(TYPE_WEIGHTS)
        self.weights = list(TYPE_WEIGHTS.values())

    def event(self, index: int) -> tuple[dict[str, Any], list[dict[str, Any]], list[dict[str, Any]], tuple[str, str]]:
        rng = self.rng
        kind = rng.choices(self.kinds, weights=self.weights)[0]
        start = FIRST_DAY + timedelta(days=rng.randint(0, (LAST_DAY - FIRST_DAY).days))
        precision = rng.choices(["day", "week", "month", "range"], weights=[80, 10, 5, 5])[0]
        end = start + timedelta(days={"day": 0, "week": 6, "month": 29, "range": rng.randint(1, 10)}[precision])
        if kind in MEETING_TYPES:
            venue: str | None = rng.choice(self.meeting_venues)
        else:
            venue = rng.choice(self.venues) if rng.random() < 0.4 else None
        actors = rng.sample(self.people, rng.randint(0, 2))
        claims = [rng.randint(1, 6)] if kind == "round" and rng.random() < 0.5 else []
        event_id = hashlib.sha1(f"bench-event-{index}".encode()).hexdigest()[:12]
        writer = Writer(rng, end + timedelta(days=1))
        quotes = [quote_for(writer, kind) for _ in range(rng.randint(1, 3))]
        title = TITLES[kind].format(
            venue=self.venue_names.get(venue or "", "an unnamed venue"), actor=actors[0][1] if actors else "A mediator"
        )
        summary = quotes[0]
        event = {
            "id": event_id,
            "title": title,
            "summary": summary,
            "type": kind,
            "date": start,
            "date_end": end,
            "date_precision": precision,
            "status": "planned" if rng.random() < 0.05 else "occurred",
            "round_id": None,
            "round_claims": claims,
            "venue_slug": venue,
            "confidence": round(rng.uniform(0.5, 0.95), 2),
            "source_count": len(quotes),
            "conflicts": [],
            "date_explanation": "",
            "search_rowid": search_rowid(event_id),
        }
        sources = []
        for i, quote in enumerate(quotes):
            article_id, _ = rng.choice(self.articles)
            sources.append(
                {
                    "event_id": event_id,
                    "article_id": article_id,
                    "sentence_index": rng.randint(1, 40),
                    "quote": quote,
                    "date_text": "" if i else "on Monday",
                    "date": start,
                    "date_end": end,
                    "date_precision": precision,
                    "round_number": claims[0] if claims else None,
                    "explanation": "",
                    "mention_type": kind,
                    "status": event["status"],
                    "venue_slug": venue,
                    "actor_slugs": [slug for slug, _ in actors],
                    "anchored": True,
                }
            )
        actor_rows = [{"event_id": event_id, "actor_slug": slug} for slug, _ in actors]
        document = (event_id, "\n".join([title, summary, *dict.fromkeys(quotes)]))
        return event, sources, actor_rows, document


def article_rows(count: int, seed: int) -> list[dict[str, Any]]:
    rows = []
    for index in range(count):
        body = article_text(index, seed)
        title = body.split("\n", 1)[0]
        published = FIRST_DAY + timedelta(days=index % (LAST_DAY - FIRST_DAY).days)
        rows.append(
            {
                "id": content_hash(body),
                "filename": f"synthetic_{index:05d}.txt",
                "title": title,
                "published": published,
                "published_end": published,
                "published_basis": "inferred",
                "published_evidence": [],
                "text": body,
            }
        )
    return rows


def build_database(path: Path, events: int, seed: int = 11) -> str:
    """A new SQLite file at `path` holding `events` synthetic events; returns its DATABASE_URL."""
    from app.db import make_engine

    url = f"sqlite:///{path}"
    migrate(url)
    engine = make_engine(url)
    rng = random.Random(seed)
    try:
        with Session(engine) as session:
            store.ensure_vocabulary(session)
            articles = article_rows(max(10, events // 10), seed)
            session.execute(insert(Article), articles)
            maker = RowMaker(rng, [(a["id"], a["published"]) for a in articles])
            for first in range(0, events, BATCH):
                rows = [maker.event(i) for i in range(first, min(events, first + BATCH))]
                session.execute(insert(Event), [r[0] for r in rows])
                session.execute(insert(EventSource), [s for r in rows for s in r[1]])
                actor_rows = [a for r in rows for a in r[2]]
                if actor_rows:
                    session.execute(insert(EventActor), actor_rows)
                index_documents(session, dict(r[3] for r in rows))
            store.rebuild_rounds(session)
            event_json.fill_missing(session)  # each event's public JSON, as the ingestion stores it
            session.commit()
        with engine.connect() as connection:
            connection.execute(text("PRAGMA wal_checkpoint(TRUNCATE)"))
            connection.commit()
    finally:
        engine.dispose()
    return url


def count_rows(url: str, table: str) -> int:
    from app.db import make_engine

    engine = make_engine(url)
    try:
        with engine.connect() as connection:
            return int(connection.execute(text(f"SELECT count(*) FROM {table}")).scalar_one())
    finally:
        engine.dispose()
