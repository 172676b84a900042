"""JSONL export: one article per line in the DESIGN import schema, extended, never broken.

Each line imports as it is (`archive import`), giving the same versions (same sha256) and
credits. Extension keys carry what the import schema has no field for; the importer ignores
them, and `restore_extensions` applies them after the import:

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

import datetime as dt
import json
import logging
import re
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from typing import IO, Any

from sqlmodel import Session, col, select

from archive.export import Progress, iter_article_batches
from archive.history import history_json, restore_history
from archive.models import (
    Alignment,
    AlignmentLink,
    Article,
    Credit,
    Person,
    Segment,
    Service,
    Version,
)

__all__ = ["RestoreResult", "article_record", "export_jsonl", "restore_extensions"]

log = logging.getLogger(__name__)

_ENGINE_FIELDS = ("engine", "engine_version", "model_package", "model_version")
_ANALYSIS_FIELDS = ("source_encoding", "detected_language", "script", "encoding", "confidence")

# A reviewer's name or a method is one line of plain text: control characters are refused on
# import (they would break a TMX export and could reach a terminal).
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")


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
    for name in (*_ANALYSIS_FIELDS, *_ENGINE_FIELDS):
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


# --------------------------------------------------------------------------- restore


@dataclass(frozen=True, slots=True)
class RestoreResult:
    """What `restore_extensions` applied to an imported article."""

    alignments: int = 0
    beads: int = 0
    versions_updated: int = 0
    credits_updated: int = 0
    skipped: tuple[str, ...] = ()


def _match_versions(versions: Sequence[Version], items: Sequence[Any]) -> dict[int, Version]:
    """Record version index → stored version, by sha256 (of the exact text), kind, language."""
    from archive.ingest.store import sha256_text

    out: dict[int, Version] = {}
    for i, item in enumerate(items):
        if not isinstance(item, dict) or not isinstance(item.get("text"), str):
            continue
        digest = sha256_text(item["text"])
        for version in versions:
            if (
                version.sha256 == digest
                and version.kind == item.get("kind")
                and version.language == str(item.get("language", "")).strip()
            ):
                out[i] = version
                break
    return out


def _as_int_list(value: Any) -> list[int] | None:
    if not isinstance(value, list) or not all(
        isinstance(v, int) and not isinstance(v, bool) and v >= 0 for v in value
    ):
        return None
    return value


def restore_extensions(*, session: Session, article_id: int, record: Any) -> RestoreResult:
    """Apply a JSONL export's extension keys to the article it was just imported as.

    Restores the alignments (beads with score, method and checked marks; a stored alignment
    of the same pair is replaced), the engine and analysis fields of versions that lack them,
    the ``raw`` text of credits that lack it, and the article's list of URLs. Runs in the
    caller's transaction; a part that does not fit (unknown version, bead outside the
    segments) is skipped and named in `RestoreResult.skipped`, never raised.
    """
    if not isinstance(record, dict):
        return RestoreResult(skipped=("record is not an object",))
    versions = list(session.exec(select(Version).where(Version.article_id == article_id)).all())
    items = record.get("versions") if isinstance(record.get("versions"), list) else []
    assert isinstance(items, list)
    by_index = _match_versions(versions, items)
    skipped: list[str] = []
    updated = sum(_restore_version_fields(session, by_index[i], items[i]) for i in by_index)
    credits_updated = _restore_credit_raw(session, article_id, record, by_index)
    _restore_urls(session, article_id, record)
    alignments = beads = 0
    for n, item in enumerate(record.get("alignments") or []):
        done = _restore_alignment(session, article_id, item, by_index, f"alignments[{n}]")
        if isinstance(done, str):
            skipped.append(done)
        else:
            alignments += 1
            beads += done
    from archive.linking.records import restore_links

    skipped.extend(restore_links(session, article_id, record.get("links")))
    _edits, edits_skipped = restore_history(
        session, article_id, record.get("edits"), {i: v.id for i, v in by_index.items()}
    )
    skipped += edits_skipped
    session.flush()
    return RestoreResult(alignments, beads, updated, credits_updated, tuple(skipped))


def _restore_version_fields(session: Session, version: Version, item: dict[str, Any]) -> int:
    changed = False
    for name in _ENGINE_FIELDS:
        if getattr(version, name) is None and isinstance(item.get(name), str):
            setattr(version, name, item[name])
            changed = True
    # The byte encoding of the file the text was first imported from: an import of the JSONL
    # export reads UTF-8 JSON, which says nothing of the original file.
    if version.source_encoding is None and isinstance(item.get("source_encoding"), str):
        version.source_encoding = item["source_encoding"]
        changed = True
    details = item.get("engine_details")
    if version.engine_details is None and details is not None:
        version.engine_details = json.dumps(details, ensure_ascii=False)
        changed = True
    if changed:
        session.add(version)
    return int(changed)


def _restore_credit_raw(
    session: Session, article_id: int, record: dict[str, Any], by_index: dict[int, Version]
) -> int:
    wanted: list[tuple[int | None, dict[str, Any]]] = [
        (None, c) for c in record.get("credits") or [] if isinstance(c, dict)
    ]
    for i, item in enumerate(record.get("versions") or []):
        if i in by_index and isinstance(item, dict):
            wanted.extend(
                (by_index[i].id, c) for c in item.get("credits") or [] if isinstance(c, dict)
            )
    rows = session.exec(
        select(Credit, Person, Service)
        .outerjoin(Person, col(Person.id) == col(Credit.person_id))
        .outerjoin(Service, col(Service.id) == col(Credit.service_id))
        .where(Credit.article_id == article_id)
    ).all()
    updated = 0
    for version_id, item in wanted:
        if not isinstance(item.get("raw"), str):
            continue
        for credit, person, service in rows:
            name = person.name if person else service.name if service else None
            if (
                credit.raw is None
                and credit.version_id == version_id
                and credit.role == item.get("role")
                and name == item.get("name")
            ):
                credit.raw = item["raw"]
                session.add(credit)
                updated += 1
                break
    return updated


def _restore_urls(session: Session, article_id: int, record: dict[str, Any]) -> None:
    urls = record.get("urls")
    article = session.get(Article, article_id)
    if article is None or not isinstance(urls, list):
        return
    held = json.loads(article.urls or "[]")
    extra = [u for u in urls if isinstance(u, str) and u not in held]
    if extra:
        article.urls = json.dumps(held + extra, ensure_ascii=False)
        session.add(article)


def _segment_count(session: Session, version_id: int) -> int:
    from sqlalchemy import func

    return int(
        session.exec(
            select(func.count(col(Segment.id))).where(Segment.version_id == version_id)
        ).one()
    )


def _restore_alignment(
    session: Session,
    article_id: int,
    item: Any,
    by_index: dict[int, Version],
    where: str,
) -> int | str:
    """Store one exported alignment; the number of beads, or why it was skipped."""
    from sqlalchemy import delete

    if not isinstance(item, dict) or not isinstance(item.get("beads"), list):
        return f"{where}: not an alignment object"
    src, tgt = by_index.get(item.get("src", -1)), by_index.get(item.get("tgt", -1))
    if src is None or tgt is None or src.id is None or tgt.id is None:
        return f"{where}: its versions are not in the archive"
    limits = (_segment_count(session, src.id), _segment_count(session, tgt.id))
    links: list[AlignmentLink] = []
    cursor = (0, 0)
    for n, bead in enumerate(item["beads"]):
        if not isinstance(bead, dict):
            return f"{where}.beads[{n}]: malformed bead"
        s, t = _as_int_list(bead.get("src")), _as_int_list(bead.get("tgt"))
        if s is None or t is None or not isinstance(bead.get("score"), int | float):
            return f"{where}.beads[{n}]: malformed bead"
        checked_by, method = bead.get("checked_by"), bead.get("method")
        if any(isinstance(v, str) and _CONTROL.search(v) for v in (checked_by, method)):
            return f"{where}.beads[{n}]: checked_by or method holds control characters"
        if any(x >= limits[0] for x in s) or any(y >= limits[1] for y in t):
            return f"{where}.beads[{n}]: segments differ from the export's (re-analysed?)"
        s0, s1 = (s[0], s[-1] + 1) if s else (cursor[0], cursor[0])
        t0, t1 = (t[0], t[-1] + 1) if t else (cursor[1], cursor[1])
        cursor = (s1, t1)
        checked_at = bead.get("checked_at")
        links.append(
            AlignmentLink(
                alignment_id=0,
                position=n,
                src_start=s0,
                src_end=s1,
                tgt_start=t0,
                tgt_end=t1,
                score=float(bead["score"]),
                method=str(bead.get("method") or item.get("method") or "imported"),
                checked=bool(bead.get("checked")),
                checked_by=bead.get("checked_by")
                if isinstance(bead.get("checked_by"), str)
                else None,
                checked_at=dt.datetime.fromisoformat(checked_at)
                if isinstance(checked_at, str)
                else None,
            )
        )
    alignment = session.exec(
        select(Alignment).where(
            Alignment.src_version_id == src.id, Alignment.tgt_version_id == tgt.id
        )
    ).first()
    if alignment is None:
        alignment = Alignment(
            article_id=article_id,
            src_version_id=src.id,
            tgt_version_id=tgt.id,
            method=str(item.get("method") or "imported"),
            aligner_version=str(item.get("aligner_version") or ""),
        )
        session.add(alignment)
        session.flush()
    else:
        alignment.method = str(item.get("method") or alignment.method)
        alignment.aligner_version = str(item.get("aligner_version") or alignment.aligner_version)
        session.add(alignment)
        session.execute(
            delete(AlignmentLink).where(col(AlignmentLink.alignment_id) == alignment.id)
        )
    assert alignment.id is not None
    for link in links:
        link.alignment_id = alignment.id
    session.add_all(links)
    return len(links)
