"""an event's likeliest day, when it is not the first of the window its sources allow (words reported without a
date: the article's day rather than the day before); stored events keep their first day until ingested again, and
their stored JSON, which lacks the window's first day as 'date_start', is emptied

Revision ID: 0008
Revises: 0007
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0008"
down_revision: str | None = "0007"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.add_column("event", sa.Column("date_best", sa.Date(), nullable=True))
    # the public shape gained 'date_start': the stored JSON of the events is assembled again (by /events until the
    # next ingestion writes it), not served without it
    op.execute("DELETE FROM event_json")


def downgrade() -> None:
    op.drop_column("event", "date_best")
