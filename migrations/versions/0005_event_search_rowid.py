"""each event keeps the rowid of its search-index row, so a search finds its events by an indexed integer

Revision ID: 0005
Revises: 0004
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from app.search import search_rowid

revision: str = "0005"
down_revision: str | None = "0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

BATCH = 5_000


def upgrade() -> None:
    op.add_column("event", sa.Column("search_rowid", sa.BigInteger(), nullable=True))
    bind = op.get_bind()
    ids = bind.execute(sa.text("SELECT id FROM event")).scalars().all()
    for start in range(0, len(ids), BATCH):
        bind.execute(
            sa.text("UPDATE event SET search_rowid = :rowid WHERE id = :id"),
            [{"rowid": search_rowid(i), "id": i} for i in ids[start : start + BATCH]],
        )
    op.create_index("ix_event_search_rowid", "event", ["search_rowid"])


def downgrade() -> None:
    op.drop_index("ix_event_search_rowid", table_name="event")
    op.drop_column("event", "search_rowid")
