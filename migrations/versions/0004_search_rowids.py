"""search index rows keyed by a rowid made from the event id (SQLite), so replacing an event's row is a lookup

Revision ID: 0004
Revises: 0003
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from app.search import search_rowid

revision: str = "0004"
down_revision: str | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name != "sqlite":
        return  # PostgreSQL's index is a plain table keyed by event_id
    rows = bind.execute(sa.text("SELECT event_id, body FROM event_fts")).all()
    bind.execute(sa.text("DELETE FROM event_fts"))
    if rows:
        bind.execute(
            sa.text("INSERT INTO event_fts (rowid, event_id, body) VALUES (:rowid, :event_id, :body)"),
            [{"rowid": search_rowid(event_id), "event_id": event_id, "body": body} for event_id, body in rows],
        )


def downgrade() -> None:
    pass  # the rows stay valid index rows: only their rowids changed
