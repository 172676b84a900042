"""learned lengths: the characters each side of a lexicon pair's learned sentence pairs held

The aligner's expected length ratio for a language pair is learned from the archive itself
(`archive.align.pipeline.expected_length_ratio`); existing rows start from nothing learned.

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-01
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    for name in ("src_chars", "tgt_chars"):
        op.add_column(
            "learnedlexicon",
            sa.Column(name, sa.Float(), nullable=False, server_default=sa.text("0")),
        )


def downgrade() -> None:
    with op.batch_alter_table("learnedlexicon") as batch:
        batch.drop_column("tgt_chars")
        batch.drop_column("src_chars")
