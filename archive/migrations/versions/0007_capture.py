"""captures: the WARC record each version imported from a web archive was read from

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-06
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "capture",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("version_id", sa.Integer(), nullable=False),
        sa.Column("article_id", sa.Integer(), nullable=False),
        sa.Column("target_uri", sa.Text(), nullable=False),
        sa.Column("captured_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("record_id", sa.String(), nullable=False),
        sa.Column("payload_digest", sa.String(), nullable=True),
        sa.Column("payload_sha256", sa.String(), nullable=False),
        sa.Column("warc_file", sa.Text(), nullable=False),
        sa.Column("warc_offset", sa.BigInteger(), nullable=False),
        sa.Column("software", sa.Text(), nullable=True),
        sa.Column("redirected_from", sa.Text(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["version_id"], ["version.id"]),
        sa.ForeignKeyConstraint(["article_id"], ["article.id"]),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_capture_version_id", "capture", ["version_id"])
    op.create_index("ix_capture_article_id", "capture", ["article_id"])
    op.create_index("ix_capture_record_id", "capture", ["record_id"], unique=True)
    op.create_index("ix_capture_payload_digest", "capture", ["payload_digest"])
    op.create_index("ix_capture_payload_sha256", "capture", ["payload_sha256"])


def downgrade() -> None:
    op.drop_table("capture")
