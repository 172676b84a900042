"""Analysing a stored version: language, script, encoding, and its sentences as Segment rows."""

from __future__ import annotations

from sqlalchemy import delete
from sqlmodel import Session, col

from archive.models import Segment, Version


def analyze_version(session: Session, version: Version) -> None:
    """Record the analysis of ``version`` on it and (re)write its segments, in the session."""
    from archive.analysis import analyze_text

    assert version.id is not None
    hint = version.language if version.language and version.language != "und" else None
    analysis = analyze_text(version.text, language_hint=hint)
    version.detected_language = analysis.language
    version.script = analysis.script
    version.encoding = analysis.encoding
    version.confidence = round(float(analysis.confidence), 4)
    session.add(version)
    session.execute(delete(Segment).where(col(Segment.version_id) == version.id))
    seq = 0
    rows = []
    for p_index, paragraph in enumerate(analysis.paragraphs):
        for s_index, sentence in enumerate(paragraph.sentences):
            rows.append(
                Segment(
                    version_id=version.id,
                    seq=seq,
                    paragraph=p_index,
                    sentence=s_index,
                    start=sentence.start,
                    end=sentence.end,
                    language=sentence.language,
                )
            )
            seq += 1
    session.add_all(rows)
