"""page capture: the date a page was saved, a derived-title mark, and page furniture

A saved page's capture date ("Friday, April 19, 2024" above the breadcrumb) is kept apart from
the publication date; a title made from the lead because the page showed none is marked; the
page furniture around a story (share lines, captions, related links) is kept beside its text.

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-06
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("article", sa.Column("captured", sa.Date(), nullable=True))
    op.add_column(
        "article",
        sa.Column("title_derived", sa.Boolean(), nullable=False, server_default=sa.false()),
    )
    op.add_column("version", sa.Column("furniture", sa.Text(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("version") as batch:
        batch.drop_column("furniture")
    with op.batch_alter_table("article") as batch:
        batch.drop_column("title_derived")
        batch.drop_column("captured")
