"""JSONL export: one article per line in the DESIGN import schema, extended, never broken.

Each line imports as it is (`archive import`), giving the same versions (same sha256) and
credits. Extension keys carry what the import schema has no field for; the importer ignores
them, and `archive.jsonl_extensions.restore_extensions` applies them after the import:

- article: ``id``, ``urls``, ``alignments``, ``links`` (how an English story collected apart
  was linked into it: ``[{"method", "score", "by", "at", "english": {"id", "title", "url"}}]``),
  ``edits`` (the article's history of corrections, `archive.history.history_json`; restored by
  `archive.history.restore_history`);
- version: ``id``, ``sha256``, ``revision_of`` (index), ``source_encoding``,
  ``detected_language``, ``script``, ``encoding``, ``confidence``, ``engine``,
  ``engine_version``, ``model_package``, ``model_version``, ``engine_details``;
- credit: ``raw`` (the credit line text it was read from) besides ``role``, ``name``, ``kind``;
- ``alignments``: ``[{"src": index, "tgt": index, "method", "aligner_version", "beads":
  [{"src": [seq…], "tgt": [seq…], "score", "method", "checked", "checked_by",
  "checked_at"}]}]`` where ``src``/``tgt`` are version indexes in this record and bead
  lists are segment sequence numbers.
"""

from __future__ import annotations

import json
import logging
from collections import defaultdict
from collections.abc import Sequence
from typing import IO, Any

from sqlmodel import Session, col, select

from archive.export import Progress, iter_article_batches
from archive.history import history_json
from archive.jsonl_extensions import ENGINE_FIELDS, RestoreResult, restore_extensions
from archive.models import (
    Alignment,
    AlignmentLink,
    Article,
    Credit,
    Person,
    Service,
    Version,
)

__all__ = ["RestoreResult", "article_record", "export_jsonl", "restore_extensions"]

log = logging.getLogger(__name__)

_ANALYSIS_FIELDS = ("source_encoding", "detected_language", "script", "encoding", "confidence")


def _credit_json(credit: Credit, person: Person | None, service: Service | None) -> dict[str, Any]:
    return {
        "role": credit.role,
        "name": person.name if person else service.name if service else "",
        "kind": "person" if person else "service",
        "raw": credit.raw,
    }


def article_record(*, session: Session, article: Article) -> dict[str, Any]:
    """One article as an import record with the extension keys (see the module docs)."""
    assert article.id is not None
    versions = list(
        session.exec(
            select(Version)
            .where(Version.article_id == article.id)
            .order_by(col(Version.position), col(Version.id))
        ).all()
    )
    index = {v.id: i for i, v in enumerate(versions)}
    service = session.get(Service, article.service_id) if article.service_id else None
    article_credits: list[dict[str, Any]] = []
    version_credits: dict[int, list[dict[str, Any]]] = defaultdict(list)
    for credit, person, credit_service in session.exec(
        select(Credit, Person, Service)
        .outerjoin(Person, col(Person.id) == col(Credit.person_id))
        .outerjoin(Service, col(Service.id) == col(Credit.service_id))
        .where(Credit.article_id == article.id)
        .order_by(col(Credit.position), col(Credit.id))
    ).all():
        item = _credit_json(credit, person, credit_service)
        if credit.version_id is None:
            article_credits.append(item)
        else:
            version_credits[credit.version_id].append(item)
    record: dict[str, Any] = {"title": article.title}
    if article.date is not None:
        record["date"] = article.date.isoformat()
    if article.url:
        record["url"] = article.url
    if service is not None:
        record["service"] = service.name
    if article.credit_line:
        record["credit_line"] = article.credit_line
    if article.captured is not None:
        record["captured"] = article.captured.isoformat()
    if article.title_derived:
        record["title_derived"] = True
    if article_credits:
        record["credits"] = article_credits
    record["versions"] = [_version_json(v, index, version_credits) for v in versions]
    record["id"] = article.id
    record["urls"] = json.loads(article.urls or "[]")
    record["alignments"] = _alignments_json(session, article.id, index)
    from archive.linking.records import links_record

    links = links_record(session, article.id)
    if links:
        record["links"] = links
    edits = history_json(session, article.id, index)
    if edits:
        record["edits"] = edits
    return record


def _version_json(
    version: Version, index: dict[int | None, int], credits: dict[int, list[dict[str, Any]]]
) -> dict[str, Any]:
    data: dict[str, Any] = {"kind": version.kind, "language": version.language}
    if version.title is not None:
        data["title"] = version.title
    data["text"] = version.text
    if version.furniture is not None:
        data["furniture"] = version.furniture
    if version.derived_from_id is not None and version.derived_from_id in index:
        data["derived_from"] = index[version.derived_from_id]
    if version.id in credits:
        data["credits"] = credits[version.id]
    data["id"] = version.id
    data["sha256"] = version.sha256
    if version.revision_of_id is not None and version.revision_of_id in index:
        data["revision_of"] = index[version.revision_of_id]
    for name in (*_ANALYSIS_FIELDS, *ENGINE_FIELDS):
        value = getattr(version, name)
        if value is not None:
            data[name] = value
    if version.engine_details:
        data["engine_details"] = json.loads(version.engine_details)
    return data


def _alignments_json(
    session: Session, article_id: int, index: dict[int | None, int]
) -> list[dict[str, Any]]:
    out = []
    for alignment in session.exec(
        select(Alignment).where(Alignment.article_id == article_id).order_by(col(Alignment.id))
    ).all():
        if alignment.src_version_id not in index or alignment.tgt_version_id not in index:
            continue
        links = session.exec(
            select(AlignmentLink)
            .where(AlignmentLink.alignment_id == alignment.id)
            .order_by(col(AlignmentLink.position))
        ).all()
        out.append(
            {
                "src": index[alignment.src_version_id],
                "tgt": index[alignment.tgt_version_id],
                "method": alignment.method,
                "aligner_version": alignment.aligner_version,
                "beads": [
                    {
                        "src": list(range(link.src_start, link.src_end)),
                        "tgt": list(range(link.tgt_start, link.tgt_end)),
                        "score": link.score,
                        "method": link.method,
                        "checked": link.checked,
                        "checked_by": link.checked_by,
                        "checked_at": link.checked_at.isoformat() if link.checked_at else None,
                    }
                    for link in links
                ],
            }
        )
    return out


def dumps_line(record: dict[str, Any]) -> bytes:
    """One JSON line as UTF-8; text that UTF-8 cannot hold (lone surrogates) is escaped."""
    line = json.dumps(record, ensure_ascii=False, separators=(",", ":"))
    try:
        return line.encode("utf-8") + b"\n"
    except UnicodeEncodeError:
        return json.dumps(record, ensure_ascii=True, separators=(",", ":")).encode() + b"\n"


def export_jsonl(
    *,
    session: Session,
    out: IO[bytes],
    article_ids: Sequence[int] | None = None,
    progress: Progress | None = None,
) -> int:
    """Write the articles (default: all) as JSONL records; returns how many were written."""
    done = 0
    for batch in iter_article_batches(session=session, article_ids=article_ids):
        for article in batch:
            out.write(dumps_line(article_record(session=session, article=article)))
        done += len(batch)
        if progress is not None:
            progress(done)
    return done
