"""Alembic migrations of the archive schema (run by `archive.db.open_archive`)."""
