"""Write tests/data/archive-schema-0001.db: an archive made by the FIRST schema, holding one
article (the seed page's record, stored without analysis), so that tests can check that
opening an old archive file upgrades it. Run once, at revision 0001; the file is committed."""

from __future__ import annotations

import sys
from pathlib import Path

from alembic import command
from sqlmodel import Session

from archive.db import _alembic_config, create_archive_engine
from archive.ingest.records import ArticleRecord, CreditRecord, VersionRecord
from archive.ingest.store import store_article

out = Path(sys.argv[1] if len(sys.argv) > 1 else "tests/data/archive-schema-0001.db")
out.unlink(missing_ok=True)
engine = create_archive_engine(f"sqlite:///{out}")
with engine.begin() as conn:
    command.upgrade(_alembic_config(conn), "0001")
with Session(engine) as session, session.begin():
    store_article(
        session=session,
        record=ArticleRecord(
            title="Hundreds of Myanmar Junta Security Personnel Defect Over Past Two Weeks",
            service="RFA's Myanmar Service",
            credit_line="Reported by RFA’s Myanmar Service. Translated by Khin Maung Nyane.",
            credits=[
                CreditRecord(role="reporter", name="RFA Myanmar Service", kind="service"),
                CreditRecord(role="translator", name="Khin Maung Nyane", kind="person"),
            ],
            versions=[
                VersionRecord(
                    kind="published",
                    language="en",
                    text="Around 450 soldiers and police in Myanmar have broken with the junta.",
                )
            ],
        ),
    )
with engine.connect() as conn:
    conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
engine.dispose()
for suffix in ("-wal", "-shm"):
    Path(str(out) + suffix).unlink(missing_ok=True)
print(f"wrote {out}")
