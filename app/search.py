"""Full-text search over events: SQLite FTS5 (bm25 ranking) or PostgreSQL text search (ts_rank).

The index holds one row per event: its title, summary and every source quote. The ingestion rewrites
the rows of the events it changes in the same transaction as the events themselves.
"""

import hashlib
import re
from collections.abc import Iterable

from sqlalchemy import Float, Integer, String, bindparam, column, delete, insert, table, text
from sqlalchemy.sql import Subquery
from sqlmodel import Session

from app.ingest.types import MergedEvent

SEARCH_TABLE = "event_fts"
WORD = re.compile(r"\w+", re.UNICODE)
MAX_TERMS = 12

search_rows = table(SEARCH_TABLE, column("event_id", String), column("body", String))
# on SQLite the FTS5 table finds a row fast only by its rowid, so each event's row has a rowid made from its id
sqlite_search_rows = table(SEARCH_TABLE, column("rowid", Integer), column("event_id", String), column("body", String))


def is_search_table(name: str | None) -> bool:
    """The index and, on SQLite, the FTS5 shadow tables behind it: not part of the SQLModel metadata."""
    return bool(name) and (name == SEARCH_TABLE or str(name).startswith(f"{SEARCH_TABLE}_"))


def include_name(name: str | None, type_: str, parent_names: object) -> bool:
    """Alembic's filter: the search index is made by hand (an FTS5 virtual table on SQLite), not from the models."""
    return not (type_ == "table" and is_search_table(name))


def search_terms(q: str) -> list[str]:
    """The words of a query; punctuation, operators and quotes are dropped, so any text is safe to search."""
    return WORD.findall(q.lower())[:MAX_TERMS]


def event_document(event: MergedEvent) -> str:
    quotes = dict.fromkeys(m.quote for m in event.mentions)
    return "\n".join([event.title, event.summary, *quotes])


def search_rowid(event_id: str) -> int:
    """The rowid of an event's row in the SQLite index: 56 bits of a digest of its id."""
    return int.from_bytes(hashlib.blake2b(event_id.encode(), digest_size=7).digest(), "big")


def index_documents(session: Session, documents: dict[str, str]) -> None:
    """Write the index rows of these events (event id -> text), replacing the rows they had."""
    if not documents:
        return
    if session.get_bind().dialect.name == "sqlite":
        rowids = {event_id: search_rowid(event_id) for event_id in documents}
        session.execute(delete(sqlite_search_rows).where(sqlite_search_rows.c.rowid.in_(list(rowids.values()))))
        rows = [{"rowid": rowids[i], "event_id": i, "body": body} for i, body in documents.items()]
        session.execute(insert(sqlite_search_rows), rows)
    else:
        session.execute(delete(search_rows).where(search_rows.c.event_id.in_(list(documents))))
        session.execute(insert(search_rows), [{"event_id": i, "body": body} for i, body in documents.items()])


def index_events(session: Session, events: Iterable[MergedEvent]) -> None:
    index_documents(session, {e.id: event_document(e) for e in events})


def event_key(dialect: str) -> str:
    """The event column a search row is joined on: SQLite's rowid (an integer read from the index alone; reading
    each match's event_id from the stored text cost ten times as much), PostgreSQL's event_id."""
    return "search_rowid" if dialect == "sqlite" else "id"


def matches(dialect: str, q: str, *, ranked: bool) -> Subquery:
    """(key, [rank]) of the events matching every word of `q`, keyed as event_key says; a lower rank is a better
    match. The rank is left out unless asked for: computing it (bm25, ts_rank) is most of a search's cost."""
    terms = search_terms(q)
    if dialect == "postgresql":
        rank = ", -ts_rank(to_tsvector('english', body), plainto_tsquery('english', :terms)) AS rank" if ranked else ""
        sql = text(
            f"SELECT event_id AS key{rank} "
            "FROM event_fts WHERE to_tsvector('english', body) @@ plainto_tsquery('english', :terms)"
        ).bindparams(bindparam("terms", " ".join(terms)))
        key_type: type[String] | type[Integer] = String
    else:
        match = " ".join(f'"{t}"' for t in terms)  # each word quoted: an FTS5 phrase, never an operator
        rank = ", bm25(event_fts) AS rank" if ranked else ""
        where = "event_fts MATCH :match" if terms else "0"
        sql = text(f"SELECT rowid AS key{rank} FROM event_fts WHERE {where}")
        if terms:
            sql = sql.bindparams(bindparam("match", match))
        key_type = Integer
    columns = [column("key", key_type), *([column("rank", Float)] if ranked else [])]
    return sql.columns(*columns).subquery("search_hits")
