"""full-text search index over events

Revision ID: 0002
Revises: 0001
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    dialect = op.get_bind().dialect.name
    if dialect == "sqlite":
        op.execute(
            "CREATE VIRTUAL TABLE event_fts USING fts5(event_id UNINDEXED, body, tokenize='porter unicode61')"
        )
    else:
        op.execute("CREATE TABLE event_fts (event_id VARCHAR(64) PRIMARY KEY, body TEXT NOT NULL)")
        op.execute("CREATE INDEX ix_event_fts_body ON event_fts USING gin (to_tsvector('english', body))")
    # index what an earlier version stored: title, summary and the quotes of every source
    concat = "group_concat(s.quote, ' ')" if dialect == "sqlite" else "string_agg(s.quote, ' ')"
    op.execute(
        "INSERT INTO event_fts (event_id, body) SELECT e.id, e.title || ' ' || e.summary || ' ' || "
        f"COALESCE((SELECT {concat} FROM event_source s WHERE s.event_id = e.id), '') FROM event e"
    )


def downgrade() -> None:
    op.execute("DROP TABLE event_fts")
