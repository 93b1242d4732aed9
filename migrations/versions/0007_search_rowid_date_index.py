"""the index a search joins its matches on also holds the events' date and id, so the matches are ordered
without reading each event's row

Revision ID: 0007
Revises: 0006
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0007"
down_revision: str | None = "0006"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_index("ix_event_search_rowid_date", "event", ["search_rowid", "date", "id"])
    op.drop_index("ix_event_search_rowid", table_name="event")


def downgrade() -> None:
    op.create_index("ix_event_search_rowid", "event", ["search_rowid"])
    op.drop_index("ix_event_search_rowid_date", table_name="event")
