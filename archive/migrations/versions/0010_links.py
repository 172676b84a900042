"""links: articles joined into one (undoable) and the pairs a person rejected

Revision ID: 0010_links
Revises: 0009
Create Date: 2026-12-06 18:00:00

``articlelink`` records each English story joined into its original (how, by whom, when, and
the snapshot that undoes it); ``linkrejection`` the pairs never to suggest again. The
rejection keeps plain ids, not foreign keys: a rejected pair outlives either article.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0010_links"
down_revision = "0009"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "articlelink",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("original_id", sa.Integer(), nullable=False),
        sa.Column("english_id", sa.Integer(), nullable=True),
        sa.Column("method", sa.String(), nullable=False),
        sa.Column("score", sa.Float(), nullable=True),
        sa.Column("by", sa.String(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("undone_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("undone_by", sa.String(), nullable=True),
        sa.Column("snapshot", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(["original_id"], ["article.id"]),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_articlelink_original_id", "articlelink", ["original_id"])
    op.create_index("ix_articlelink_english_id", "articlelink", ["english_id"])
    op.create_table(
        "linkrejection",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("original_id", sa.Integer(), nullable=False),
        sa.Column("english_id", sa.Integer(), nullable=False),
        sa.Column("by", sa.String(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("original_id", "english_id"),
    )
    op.create_index("ix_linkrejection_original_id", "linkrejection", ["original_id"])
    op.create_index("ix_linkrejection_english_id", "linkrejection", ["english_id"])


def downgrade() -> None:
    op.drop_table("linkrejection")
    op.drop_table("articlelink")
