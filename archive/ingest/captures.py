"""Captures as provenance: storing the WARC record each version was read from (shown by
`archive.provenance.version_captures`).

A capture belongs to a version; one version may have several (the same story captured twice).
A record's ``WARC-Record-ID`` is unique, so importing a record again adds nothing.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from sqlalchemy import Table, insert, select
from sqlmodel import Session

from archive.identity import sha256_text
from archive.ingest.records import ArticleRecord
from archive.ingest.store import StoreResult
from archive.ingest.warc import CaptureInfo
from archive.models import Capture, Version

_CAPTURE: Table = Capture.__table__  # type: ignore[attr-defined]
_VERSION: Table = Version.__table__  # type: ignore[attr-defined]


def store_capture(
    *, session: Session, capture: CaptureInfo, record: ArticleRecord, result: StoreResult
) -> None:
    """Store the capture of the version this record gave (in the article's transaction)."""
    if not record.versions:
        return
    first = record.versions[0]
    v = _VERSION.c
    version_id = (
        session.connection()
        .execute(
            select(v.id)
            .where(v.article_id == result.article_id)
            .where(v.sha256 == sha256_text(first.text))
            .where(v.kind == first.kind)
            .where(v.language == first.language)
            .order_by(v.id.desc())
            .limit(1)
        )
        .scalar()
    )
    if version_id is not None:
        _insert_capture(session, capture, int(version_id), result.article_id)


def store_repeat(*, session: Session, capture: CaptureInfo) -> int | None:
    """Store a capture of a payload captured before; the article's id, or None if unknown.

    The earlier capture is found by our digest of the payload, else by the WARC payload
    digest (a revisit record carries only that).
    """
    conditions = []
    if capture.payload_sha256:
        conditions.append(_CAPTURE.c.payload_sha256 == capture.payload_sha256)
    if capture.payload_digest:
        conditions.append(_CAPTURE.c.payload_digest == capture.payload_digest)
    earlier = None
    c = _CAPTURE.c
    for condition in conditions:
        earlier = (
            session.connection()
            .execute(
                select(c.version_id, c.article_id, c.payload_sha256)
                .where(condition)
                .order_by(c.id)
                .limit(1)
            )
            .first()
        )
        if earlier is not None:
            break
    if earlier is None:
        return None
    version_id, article_id, payload_sha256 = earlier
    if not capture.payload_sha256:
        capture = _with_sha(capture, payload_sha256)
    _insert_capture(session, capture, int(version_id), int(article_id))
    return int(article_id)


def _with_sha(capture: CaptureInfo, payload_sha256: str) -> CaptureInfo:
    return replace(capture, payload_sha256=payload_sha256)


def _insert_capture(
    session: Session, capture: CaptureInfo, version_id: int, article_id: int
) -> None:
    conn = session.connection()
    known = conn.execute(
        select(_CAPTURE.c.id).where(_CAPTURE.c.record_id == capture.record_id)
    ).scalar()
    if known is not None:
        return  # the same record, imported before (or from another copy of its file)
    conn.execute(
        insert(_CAPTURE),
        {
            "version_id": version_id,
            "article_id": article_id,
            "target_uri": capture.target_uri,
            "captured_at": capture.captured_at,
            "record_id": capture.record_id,
            "payload_digest": capture.payload_digest,
            "payload_sha256": capture.payload_sha256,
            "warc_file": capture.warc_file,
            "warc_offset": capture.offset,
            "software": capture.software,
            "redirected_from": capture.redirected_from,
            "created_at": dt.datetime.now(dt.UTC),
        },
    )
