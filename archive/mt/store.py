"""Machine versions: translating a stored version sentence by sentence and storing the result.

The machine version is built from the source's own segments (our segmentation, never a
splitter argostranslate would download): one machine sentence per source sentence, joined
back into the source's paragraphs. Its `Segment` rows and a 1-1 `Alignment` with the source
(method ``mt-construction``) are written from that construction, not by the aligner. Each
article is one transaction: a failure stores nothing for it.
"""

from __future__ import annotations

import itertools
import json
import logging
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from sqlalchemy import func
from sqlmodel import Session, col, select

from archive.errors import ArticleNotFound
from archive.models import Alignment, AlignmentLink, Article, Segment, Version, VersionKind
from archive.mt.engine import (
    ENGINE,
    ProgressCallback,
    Translation,
    engine_version,
    load_translation,
)
from archive.mt.errors import AlreadyInLanguage, NothingToTranslate, VersionNotInArticle
from archive.mt.packages import argos_code

if TYPE_CHECKING:
    from archive.alignments import SegmentText
    from archive.db import Archive
    from archive.mt.settings import MtSettings

log = logging.getLogger(__name__)

METHOD = "mt-construction"
# Scripts written without spaces between sentences.
_NO_SPACE = {"zh", "zt", "ja", "yue", "wuu"}


@dataclass(frozen=True, slots=True)
class MachineSentence:
    """Where one translated sentence sits in the machine text."""

    paragraph: int
    sentence: int
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class TranslateResult:
    """What `translate_article` did."""

    article_id: int
    source_version_id: int
    version_id: int
    language: str
    created: bool
    sentences: int
    engine: str
    model_package: str | None
    model_version: str | None

    def to_json(self) -> dict[str, Any]:
        """The ``mt translate --json`` shape of one article."""
        return {
            "article_id": self.article_id,
            "source_version_id": self.source_version_id,
            "version_id": self.version_id,
            "language": self.language,
            "created": self.created,
            "sentences": self.sentences,
            "engine": self.engine,
            "model_package": self.model_package,
            "model_version": self.model_version,
        }


def paragraph_separators(text: str, segments: Sequence[SegmentText]) -> list[str]:
    """The newlines between consecutive paragraphs of the source (``"\\n\\n"`` if none show).

    Element ``i`` separates paragraph ``segments``-paragraph ``i`` from the next one.
    """
    separators: list[str] = []
    for before, after in itertools.pairwise(segments):
        if after.paragraph != before.paragraph:
            gap = text[before.end : after.start].replace("\r\n", "\n").replace("\r", "\n")
            newlines = gap.count("\n")
            separators.append("\n" * newlines if newlines else "\n\n")
    return separators


def join_sentences(
    paragraphs: Sequence[int],
    sentences: Sequence[str],
    *,
    separators: Sequence[str] = (),
    language: str = "en",
) -> tuple[str, list[MachineSentence]]:
    """Join translated sentences into a text with the source's paragraph breaks.

    Args:
        paragraphs: the source paragraph index of each sentence (non-decreasing).
        sentences: one translated sentence per source sentence.
        separators: the break after each paragraph change (default ``"\\n\\n"``).
        language: the target language; Chinese and Japanese join sentences without spaces.

    Returns:
        The text, and for each sentence its paragraph and sentence numbers (counted from 0
        in the machine text) and its ``[start, end)`` offsets: these cover every sentence
        exactly, in order, and ``text[start:end]`` is the sentence with its spaces trimmed.
    """
    if len(paragraphs) != len(sentences):
        raise ValueError(f"{len(paragraphs)} paragraph numbers for {len(sentences)} sentences")
    joiner = "" if language.split("-")[0].lower() in _NO_SPACE else " "
    parts: list[str] = []
    spans: list[MachineSentence] = []
    offset = 0
    paragraph = sentence = changes = 0
    has_text = False  # the current paragraph has a non-empty sentence already
    for index, (source_paragraph, raw) in enumerate(zip(paragraphs, sentences, strict=True)):
        piece = " ".join(raw.split())
        if index > 0 and source_paragraph != paragraphs[index - 1]:
            gap = separators[changes] if changes < len(separators) else "\n\n"
            changes += 1
            parts.append(gap)
            offset += len(gap)
            paragraph += 1
            sentence = 0
            has_text = False
        elif piece and has_text and joiner:
            parts.append(joiner)
            offset += len(joiner)
        has_text = has_text or bool(piece)
        parts.append(piece)
        spans.append(MachineSentence(paragraph, sentence, offset, offset + len(piece)))
        offset += len(piece)
        sentence += 1
    return "".join(parts), spans


def source_version_of(
    *, session: Session, article_id: int, from_version_id: int | None = None
) -> Version:
    """The version to translate: the one asked for, else the original, else the first one.

    Raises:
        ArticleNotFound: no such article.
        VersionNotInArticle: ``from_version_id`` is not a version of the article.
    """
    if session.get(Article, article_id) is None:
        raise ArticleNotFound(article_id)
    versions = session.exec(
        select(Version)
        .where(Version.article_id == article_id)
        .order_by(col(Version.position), col(Version.id))
    ).all()
    if from_version_id is not None:
        for version in versions:
            if version.id == from_version_id:
                return version
        raise VersionNotInArticle(article_id, from_version_id)
    current = [v for v in versions if not any(o.revision_of_id == v.id for o in versions)]
    if not current:
        raise NothingToTranslate(None)
    return next((v for v in current if v.kind == VersionKind.ORIGINAL), current[0])


def _source_segments(session: Session, version: Version) -> list[SegmentText]:
    from archive.alignments import version_segments

    segments = version_segments(session=session, version=version)
    if not segments and version.text.strip():
        from archive.ingest.annotate import analyze_version

        log.info("version %s has no segments yet: analysing it", version.id)
        analyze_version(session, version)
        session.flush()
        segments = version_segments(session=session, version=version)
    return segments


def _existing_machine_version(
    session: Session, source: Version, language: str, translation: Translation
) -> Version | None:
    return session.exec(
        select(Version).where(
            Version.derived_from_id == source.id,
            Version.kind == VersionKind.MACHINE,
            Version.language == language,
            Version.engine == ENGINE,
            Version.model_package == translation.model_package,
            Version.model_version == translation.model_version,
        )
    ).first()


def translate_version(
    *,
    session: Session,
    source: Version,
    target: str,
    translation: Translation,
    progress: ProgressCallback | None = None,
) -> tuple[Version, bool, int]:
    """Translate ``source`` into ``target`` and add the machine version to the session.

    Returns the machine version, whether it was created (False: the same package had already
    translated this version), and its number of sentences.

    Raises:
        NothingToTranslate: the source has no text.
    """
    from archive.ingest.store import sha256_text

    assert source.id is not None
    existing = _existing_machine_version(session, source, target, translation)
    if existing is not None:
        count = session.exec(
            select(func.count()).select_from(Segment).where(Segment.version_id == existing.id)
        ).one()
        return existing, False, int(count)
    segments = _source_segments(session, source)
    if not segments:
        raise NothingToTranslate(source.id)
    inputs = [s.derived for s in segments]
    title_input = []
    if source.title and source.title.strip():
        from archive.analysis import derive_text

        title_input = [derive_text(source.title)]
    outputs = translation.translate(inputs + title_input, progress=progress)
    text, spans = join_sentences(
        [s.paragraph for s in segments],
        outputs[: len(segments)],
        separators=paragraph_separators(source.text, segments),
        language=target,
    )
    position = session.exec(
        select(func.max(Version.position)).where(Version.article_id == source.article_id)
    ).one()
    machine = Version(
        article_id=source.article_id,
        position=(position or 0) + 1,
        kind=VersionKind.MACHINE,
        language=target,
        title=outputs[-1] if title_input else None,
        text=text,
        sha256=sha256_text(text),
        derived_from_id=source.id,
        detected_language=target,
        script=None,
        encoding="unicode",
        engine=ENGINE,
        engine_version=engine_version(),
        model_package=translation.model_package,
        model_version=translation.model_version,
        engine_details=json.dumps(translation.engine_details(), ensure_ascii=False),
    )
    session.add(machine)
    session.flush()
    assert machine.id is not None
    session.add_all(
        Segment(
            version_id=machine.id,
            seq=seq,
            paragraph=span.paragraph,
            sentence=span.sentence,
            start=span.start,
            end=span.end,
            language=target,
        )
        for seq, span in enumerate(spans)
    )
    alignment = Alignment(
        article_id=source.article_id,
        src_version_id=source.id,
        tgt_version_id=machine.id,
        method=METHOD,
        aligner_version=f"archive.mt {translation.model_package} {translation.model_version}",
    )
    session.add(alignment)
    session.flush()
    assert alignment.id is not None
    session.add_all(
        AlignmentLink(
            alignment_id=alignment.id,
            position=seq,
            src_start=segment.seq,
            src_end=segment.seq + 1,
            tgt_start=seq,
            tgt_end=seq + 1,
            score=1.0,
            method=METHOD,
        )
        for seq, segment in enumerate(segments)
    )
    session.flush()
    return machine, True, len(spans)


def translate_article(
    archive: Archive,
    article_id: int,
    target: str,
    *,
    from_version_id: int | None = None,
    settings: MtSettings | None = None,
    progress: ProgressCallback | None = None,
) -> TranslateResult:
    """Translate an article's original (or ``from_version_id``) into ``target``; one
    transaction, so a failure stores nothing.

    Raises:
        ArticleNotFound, VersionNotInArticle, NothingToTranslate: as named.
        ModelPackageMissing: no installed package covers the pair.
    """
    with archive.session() as session, session.begin():
        source = source_version_of(
            session=session, article_id=article_id, from_version_id=from_version_id
        )
        language = source.language
        if not language or language == "und":
            language = source.detected_language or language
        if argos_code(language) == argos_code(target):
            raise AlreadyInLanguage(source.id, target)
        translation = load_translation(language, target, settings=settings)
        machine, created, count = translate_version(
            session=session,
            source=source,
            target=target,
            translation=translation,
            progress=progress,
        )
        assert source.id is not None and machine.id is not None
        return TranslateResult(
            article_id=article_id,
            source_version_id=source.id,
            version_id=machine.id,
            language=target,
            created=created,
            sentences=count,
            engine=ENGINE,
            model_package=machine.model_package,
            model_version=machine.model_version,
        )


def articles_lacking(*, session: Session, language: str) -> list[int]:
    """The ids of the articles with no version in ``language``, in id order."""
    having = select(Version.article_id).where(Version.language == language)
    rows = session.exec(
        select(Article.id).where(col(Article.id).not_in(having)).order_by(col(Article.id))
    ).all()
    return [int(row) for row in rows if row is not None]
