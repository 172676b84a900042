"""The extension keys of a JSONL export (`archive.export.jsonl`): what a record carries beyond
the import schema, and putting it back after the record is imported (`restore_extensions`).

Shared by the exporter, which writes these keys, and the importer, which restores them; it
depends on neither.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import delete, func
from sqlmodel import Session, col, select

from archive.history import restore_history
from archive.identity import sha256_text
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

ENGINE_FIELDS = ("engine", "engine_version", "model_package", "model_version")

# A reviewer's name or a method is one line of plain text: control characters are refused on
# import (they would break a TMX export and could reach a terminal).
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")


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
    for name in ENGINE_FIELDS:
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
