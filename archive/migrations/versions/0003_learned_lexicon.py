"""learned lexicon: the archive-wide word associations the aligner grows from confident beads

(Further migrations — e.g. PostgreSQL search — follow this one: down_revision = "0003".)

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-25
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "learnedlexicon",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("src_lang", sa.String(), nullable=False),
        sa.Column("tgt_lang", sa.String(), nullable=False),
        sa.Column("counts", sa.Text(), nullable=False),
        sa.Column("beads_learned", sa.Integer(), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("src_lang", "tgt_lang"),
    )


def downgrade() -> None:
    op.drop_table("learnedlexicon")
