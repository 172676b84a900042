"""The archive's tables: services, people, articles, versions, credits, segments, alignments, edits.

Text is stored exactly as given (``Version.text``); everything normalised or computed lives in
derived columns or tables that can be rebuilt from it.
"""

from __future__ import annotations

import datetime as dt
from enum import StrEnum

from sqlalchemy import BigInteger, Column, LargeBinary, Text, UniqueConstraint
from sqlmodel import Field, SQLModel


def utcnow() -> dt.datetime:
    """The current time in UTC, as stored in ``created_at`` columns."""
    return dt.datetime.now(dt.UTC)


class VersionKind(StrEnum):
    """What a text version of an article is."""

    ORIGINAL = "original"
    TRANSLATION = "translation"
    PUBLISHED = "published"
    MACHINE = "machine"


class Role(StrEnum):
    """What a person or service did for an article."""

    REPORTER = "reporter"
    TRANSLATOR = "translator"
    WRITER = "writer"
    EDITOR = "editor"
    CONTRIBUTOR = "contributor"
    PHOTOGRAPHER = "photographer"
    NARRATOR = "narrator"
    SOURCE = "source"  # an agency or outlet credited as the source of the story


class Service(SQLModel, table=True):
    """A language service of an organisation, e.g. RFA's Myanmar Service (language ``my``)."""

    id: int | None = Field(default=None, primary_key=True)
    key: str = Field(unique=True, index=True)
    name: str
    organization: str | None = None
    language: str | None = None


class ServiceAlias(SQLModel, table=True):
    """A spelling of a service as it was seen in a credit line or record."""

    __table_args__ = (UniqueConstraint("service_id", "alias"),)

    id: int | None = Field(default=None, primary_key=True)
    service_id: int = Field(foreign_key="service.id", index=True)
    alias: str


class Person(SQLModel, table=True):
    """A reporter, translator, writer or editor; one row per person, found by a normalised key."""

    id: int | None = Field(default=None, primary_key=True)
    key: str = Field(unique=True, index=True)
    name: str


class PersonAlias(SQLModel, table=True):
    """A spelling of a person's name as it was seen."""

    __table_args__ = (UniqueConstraint("person_id", "alias"),)

    id: int | None = Field(default=None, primary_key=True)
    person_id: int = Field(foreign_key="person.id", index=True)
    alias: str


class Article(SQLModel, table=True):
    """One story, told in one or more versions."""

    id: int | None = Field(default=None, primary_key=True)
    identity: str = Field(unique=True, index=True)
    title: str
    date: dt.date | None = Field(default=None, index=True)
    service_id: int | None = Field(default=None, foreign_key="service.id", index=True)
    url: str | None = Field(default=None, index=True)
    urls: str = "[]"  # JSON list of every source URL seen for the story
    credit_line: str | None = Field(default=None, sa_column=Column(Text, nullable=True))
    captured: dt.date | None = None  # the date the page was saved; never the publication date
    title_derived: bool = False  # the page showed no headline: the title was made from the lead
    created_at: dt.datetime = Field(default_factory=utcnow)


class Version(SQLModel, table=True):
    """One text of an article: the original, a human translation, the published text, or MT."""

    id: int | None = Field(default=None, primary_key=True)
    article_id: int = Field(foreign_key="article.id", index=True)
    position: int = 0
    kind: str = Field(index=True)
    language: str = Field(index=True)
    title: str | None = None
    text: str = Field(sa_column=Column(Text, nullable=False))
    sha256: str = Field(index=True)
    derived_from_id: int | None = Field(default=None, foreign_key="version.id")
    revision_of_id: int | None = Field(default=None, foreign_key="version.id")
    # Page furniture around the story (share lines, captions, related links …), exactly as on
    # the page, one line each; never part of ``text``.
    furniture: str | None = Field(default=None, sa_column=Column(Text, nullable=True))
    source_encoding: str | None = None  # byte encoding of the file it came from (utf-8, cp1252…)
    detected_language: str | None = None
    script: str | None = None
    encoding: str | None = None  # "unicode" | "zawgyi" (Burmese font encoding)
    confidence: float | None = None
    engine: str | None = None
    engine_version: str | None = None
    model_package: str | None = None
    model_version: str | None = None
    engine_details: str | None = None  # JSON: beam size, pivot, CTranslate2 version …
    created_at: dt.datetime = Field(default_factory=utcnow)


class Credit(SQLModel, table=True):
    """A person or a service holding a role on an article or on one version of it."""

    id: int | None = Field(default=None, primary_key=True)
    article_id: int = Field(foreign_key="article.id", index=True)
    version_id: int | None = Field(default=None, foreign_key="version.id", index=True)
    person_id: int | None = Field(default=None, foreign_key="person.id", index=True)
    service_id: int | None = Field(default=None, foreign_key="service.id", index=True)
    role: str = Field(index=True)
    position: int = 0
    raw: str | None = Field(default=None, sa_column=Column(Text, nullable=True))


class Segment(SQLModel, table=True):
    """A sentence of a version, as character offsets into its text (never a copy of it)."""

    __table_args__ = (UniqueConstraint("version_id", "seq"),)

    id: int | None = Field(default=None, primary_key=True)
    version_id: int = Field(foreign_key="version.id", index=True)
    seq: int  # index of the sentence in the version
    paragraph: int
    sentence: int  # index of the sentence in its paragraph
    start: int
    end: int
    language: str | None = None


class Alignment(SQLModel, table=True):
    """The alignment of two versions of an article, as a list of beads."""

    __table_args__ = (UniqueConstraint("src_version_id", "tgt_version_id"),)

    id: int | None = Field(default=None, primary_key=True)
    article_id: int = Field(foreign_key="article.id", index=True)
    src_version_id: int = Field(foreign_key="version.id", index=True)
    tgt_version_id: int = Field(foreign_key="version.id", index=True)
    method: str
    aligner_version: str
    created_at: dt.datetime = Field(default_factory=utcnow)


class AlignmentLink(SQLModel, table=True):
    """A bead: source segments ``[src_start, src_end)`` answer target ``[tgt_start, tgt_end)``."""

    id: int | None = Field(default=None, primary_key=True)
    alignment_id: int = Field(foreign_key="alignment.id", index=True)
    position: int
    src_start: int
    src_end: int
    tgt_start: int
    tgt_end: int
    score: float
    method: str
    checked: bool = False
    checked_by: str | None = None
    checked_at: dt.datetime | None = None


class RawBlob(SQLModel, table=True):
    """The exact bytes of an imported file, compressed, so extraction can always be re-run."""

    id: int | None = Field(default=None, primary_key=True)
    sha256: str = Field(unique=True, index=True)
    size: int
    compression: str = "zlib"
    data: bytes = Field(sa_column=Column(LargeBinary, nullable=False))


class ImportRecord(SQLModel, table=True):
    """What was imported when, from where, with which outcome."""

    id: int | None = Field(default=None, primary_key=True)
    source: str
    line: int | None = None  # the line of a JSONL record
    sha256: str = Field(index=True)  # of the file, or of the record's line
    file_sha256: str | None = None
    format: str
    outcome: str = Field(index=True)  # imported | revised | duplicate | failed
    detail: str | None = None
    article_id: int | None = Field(default=None, foreign_key="article.id")
    blob_id: int | None = Field(default=None, foreign_key="rawblob.id")
    imported_at: dt.datetime = Field(default_factory=utcnow)


class Capture(SQLModel, table=True):
    """A web-archive (WARC) record a version was read from: the capture is its provenance.

    One version may have several captures (the same story captured twice); ``record_id`` is
    the record's ``WARC-Record-ID``, unique by the WARC standard, so importing the same record
    again (from a copy of the file, or its WACZ) adds nothing.
    """

    id: int | None = Field(default=None, primary_key=True)
    version_id: int = Field(foreign_key="version.id", index=True)
    article_id: int = Field(foreign_key="article.id", index=True)
    target_uri: str = Field(sa_column=Column(Text, nullable=False))
    captured_at: dt.datetime | None = None  # WARC-Date (UTC)
    record_id: str = Field(unique=True, index=True)  # WARC-Record-ID
    payload_digest: str | None = Field(default=None, index=True)  # WARC-Payload-Digest
    payload_sha256: str = Field(index=True)  # of the HTTP payload as read
    warc_file: str = Field(sa_column=Column(Text, nullable=False))  # the WARC (in a WACZ: z!w)
    warc_offset: int = Field(sa_column=Column(BigInteger, nullable=False))
    software: str | None = Field(default=None, sa_column=Column(Text, nullable=True))
    redirected_from: str | None = Field(default=None, sa_column=Column(Text, nullable=True))
    created_at: dt.datetime = Field(default_factory=utcnow)


class LearnedLexicon(SQLModel, table=True):
    """The archive-wide lexicon of a language pair, grown from confident beads of its articles.

    Starts from the shipped seed lexicon; ``counts`` is the aligner's TSV form. ``src_chars``
    and ``tgt_chars`` total the characters (spaces left out) of the sentence pairs learned from,
    on each side: their ratio is the pair's length ratio in this archive.
    """

    __table_args__ = (UniqueConstraint("src_lang", "tgt_lang"),)

    id: int | None = Field(default=None, primary_key=True)
    src_lang: str
    tgt_lang: str
    counts: str = Field(sa_column=Column(Text, nullable=False))
    beads_learned: int = 0
    src_chars: float = 0.0
    tgt_chars: float = 0.0
    updated_at: dt.datetime = Field(default_factory=utcnow)


class Edit(SQLModel, table=True):
    """A person's correction of what the archive recorded: who, when, what was before and after.

    One row per edit of a bead or of provenance (an article's title or dates, a credit, a
    version's language, a merge of two people …). ``before`` and ``after`` are JSON objects
    holding just what the edit changed, enough to undo it; stored text is never edited.
    ``article_id`` is empty for edits of no single article (merging two people). An undone
    edit keeps its row, with ``undone_at`` and ``undone_by`` set.
    """

    id: int | None = Field(default=None, primary_key=True)
    article_id: int | None = Field(default=None, foreign_key="article.id", index=True)
    target: str = Field(
        index=True
    )  # bead | alignment | article | credit | version | person | service
    target_id: int | None = None
    action: str  # what was done: confirm, merge, split, set-date, add-credit, merge-people …
    before: str = Field(default="{}", sa_column=Column(Text, nullable=False))
    after: str = Field(default="{}", sa_column=Column(Text, nullable=False))
    reviewer: str
    created_at: dt.datetime = Field(default_factory=utcnow, index=True)
    undone_at: dt.datetime | None = None
    undone_by: str | None = None


class ArticleLink(SQLModel, table=True):
    """Two articles collected separately joined into one: the English story into its original.

    ``original_id`` holds both versions from then on; ``english_id`` is the id the absorbed
    English article had (the row itself is gone until the link is undone; None for a link that
    came with a JSONL import, made in another archive, which cannot be undone). ``method`` is
    ``auto`` (with the suggester's ``score``) or ``manual`` (with the reviewer in ``by``).
    ``snapshot`` is JSON holding everything `archive.linking.links.undo_link` needs to give
    both articles back exactly: the absorbed article's row and which rows moved from where.
    """

    id: int | None = Field(default=None, primary_key=True)
    original_id: int = Field(foreign_key="article.id", index=True)
    english_id: int | None = Field(default=None, index=True)
    method: str  # "auto" | "manual"
    score: float | None = None
    by: str | None = None
    created_at: dt.datetime = Field(default_factory=utcnow)
    undone_at: dt.datetime | None = None
    undone_by: str | None = None
    snapshot: str = Field(sa_column=Column(Text, nullable=False))


class LinkRejection(SQLModel, table=True):
    """A suggested pair a person said is not a story and its translation: never suggested again."""

    __table_args__ = (UniqueConstraint("original_id", "english_id"),)

    id: int | None = Field(default=None, primary_key=True)
    original_id: int = Field(index=True)
    english_id: int = Field(index=True)
    by: str | None = None
    created_at: dt.datetime = Field(default_factory=utcnow)
