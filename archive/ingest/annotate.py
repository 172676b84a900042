"""Analysing a stored version: language, script, encoding, and its sentences as Segment rows.

The work is split in two so that it can run in worker processes: `analyze_plain` is a pure
function of the text (its result is small and picklable), and `write_analysis` records such a
result on a version in the writer's session. `analyze_version` does both.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import delete, insert
from sqlmodel import Session, col

from archive.models import Segment, Version


@dataclass(frozen=True, slots=True)
class VersionAnalysis:
    """What analysis found in one text, as plain values.

    ``segments`` holds one ``(paragraph, sentence, start, end, language)`` tuple per sentence,
    in order; ``start``/``end`` are Python string offsets into the text. ``derived`` holds each
    segment's derived text (`archive.analysis.derive_text`: what alignment and search use), so
    the writer need not derive it again.
    """

    language: str | None
    script: str | None
    encoding: str
    confidence: float
    segments: tuple[tuple[int, int, int, int, str | None], ...]
    derived: tuple[str, ...] = ()


def language_hint(language: str | None) -> str | None:
    """The declared language as a hint for detection (``und`` and empty mean none)."""
    return language if language and language != "und" else None


def analyze_plain(text: str, language: str | None) -> VersionAnalysis:
    """Analyse ``text`` (declared as ``language``) without touching any database."""
    from archive.analysis import analyze_text, derive_text

    analysis = analyze_text(text, language_hint=language_hint(language))
    segments = tuple(
        (p_index, s_index, sentence.start, sentence.end, sentence.language)
        for p_index, paragraph in enumerate(analysis.paragraphs)
        for s_index, sentence in enumerate(paragraph.sentences)
    )
    return VersionAnalysis(
        language=analysis.language,
        script=analysis.script,
        encoding=analysis.encoding,
        confidence=round(float(analysis.confidence), 4),
        segments=segments,
        derived=tuple(derive_text(text[start:end]) for _, _, start, end, _ in segments),
    )


def segment_rows(version_id: int, analysis: VersionAnalysis) -> list[dict[str, Any]]:
    """The `Segment` rows of one analysed version, as insert parameters."""
    return [
        {
            "version_id": version_id,
            "seq": seq,
            "paragraph": paragraph,
            "sentence": sentence,
            "start": start,
            "end": end,
            "language": language,
        }
        for seq, (paragraph, sentence, start, end, language) in enumerate(analysis.segments)
    ]


def write_analysis(
    session: Session, version: Version, analysis: VersionAnalysis, *, fresh: bool = False
) -> None:
    """Record ``analysis`` on ``version`` and (re)write its segments, in the session.

    ``fresh`` says the version was added in this transaction, so it has no segments or index
    rows to delete yet.
    """
    assert version.id is not None
    version.detected_language = analysis.language
    version.script = analysis.script
    version.encoding = analysis.encoding
    version.confidence = analysis.confidence
    session.add(version)
    if not fresh:
        session.execute(delete(Segment).where(col(Segment.version_id) == version.id))
    rows = segment_rows(version.id, analysis)
    if rows:
        # One executemany through Core: ORM objects cost more than the analysis of short texts.
        session.execute(insert(Segment), rows)
    from archive.search import index_version

    # The segments as written (and their derived texts), so the index reads nothing back.
    index_version(
        session=session,
        version=version,
        spans=[(seq, start, end) for seq, (_, _, start, end, _) in enumerate(analysis.segments)],
        derived=analysis.derived or None,
        fresh=fresh,
    )


def analyze_version(session: Session, version: Version) -> None:
    """Record the analysis of ``version`` on it and (re)write its segments, in the session."""
    write_analysis(session, version, analyze_plain(version.text, version.language))


def unanalysed_versions(*, session: Session, article_ids: Sequence[int] | None = None) -> list[int]:
    """The ids of versions never analysed (no detected script, no segments), of ``article_ids``
    or of the whole archive, in id order."""
    from sqlmodel import select

    query = select(Version.id).where(col(Version.script).is_(None))
    query = query.where(~select(Segment.id).where(Segment.version_id == Version.id).exists())
    if article_ids:
        query = query.where(col(Version.article_id).in_(list(article_ids)))
    found = session.exec(query.order_by(col(Version.id))).all()
    return [version_id for version_id in found if version_id is not None]


def analyze_stored(
    *,
    session: Session,
    article_ids: Sequence[int] | None = None,
    every: bool = False,
    progress: Callable[[int, int], None] | None = None,
) -> list[int]:
    """Analyse stored versions that were imported without analysis (``--no-analyze``): their
    sentences become segments and replace their paragraph rows in the search index.

    Each version is committed on its own, so an interrupted run keeps what it finished.

    Args:
        article_ids: only these articles (default: all).
        every: re-analyse every version of them, analysed or not.
        progress: called with (done, total) after each version.

    Returns:
        The ids of the versions analysed.
    """
    from sqlmodel import select

    if every:
        query = select(Version.id).order_by(col(Version.id))
        if article_ids:
            query = query.where(col(Version.article_id).in_(list(article_ids)))
        ids = [version_id for version_id in session.exec(query).all() if version_id is not None]
    else:
        ids = unanalysed_versions(session=session, article_ids=article_ids)
    done: list[int] = []
    session.commit()  # end the read; each version is then its own transaction
    for version_id in ids:
        version = session.get(Version, version_id)
        assert version is not None
        analyze_version(session, version)
        session.commit()
        done.append(version_id)
        if progress is not None:
            progress(len(done), len(ids))
    return done
