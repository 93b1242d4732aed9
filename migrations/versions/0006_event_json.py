"""each event's public JSON, stored, so that a page of events is read rather than assembled

Revision ID: 0006
Revises: 0005

The rows are derived data: a database of an earlier version gets them from the next ingestion run
(app.event_json.fill_missing), and until then /events assembles the events that have none.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0006"
down_revision: str | None = "0005"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "event_json",
        sa.Column("event_id", sa.String(), nullable=False),
        sa.Column("body", sa.String(), nullable=False),
        sa.ForeignKeyConstraint(["event_id"], ["event.id"]),
        sa.PrimaryKeyConstraint("event_id"),
    )


def downgrade() -> None:
    op.drop_table("event_json")
