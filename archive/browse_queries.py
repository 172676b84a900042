"""Queries and small rules the terminal browser needs that the rest of the library lacks.

Everything here is plain library code (no UI imports): a sorted, paged article listing, the
library filter language (the provenance keys of ``archive search``), which two versions to read
side by side by default, aligning a chosen pair, and the "what changed" report of one alignment.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from typing import Any, Literal

from sqlalchemy import func
from sqlmodel import Session, col, select

from archive.alignments import (
    AlignmentView,
    SegmentText,
    align_pair,
    get_alignment,
    version_segments,
)
from archive.models import (
    Article,
    Credit,
    Person,
    Role,
    Service,
    Version,
)
from archive.mt import mt_translator
from archive.provenance import (
    ArticleFilter,
    article_query,
    article_rows,
    list_articles,
)

__all__ = [
    "SORT_KEYS",
    "SortKey",
    "align_versions",
    "compare_view",
    "default_pair",
    "filter_problems",
    "list_articles_sorted",
    "parse_article_filter",
    "reader_alignment",
]

SortKey = Literal["date", "title", "service", "languages", "translators", "writers"]
SORT_KEYS: tuple[SortKey, ...] = ("date", "title", "service", "languages", "translators", "writers")

_ROLES = frozenset(r.value for r in Role)
_TOKEN = re.compile(
    r'(?P<key>[A-Za-z]+):(?:"(?P<quoted>[^"]*)"?|(?P<value>\S*))'
    r'|"(?P<phrase>[^"]*)"?'
    r"|(?P<word>\S+)"
)
_YEAR = re.compile(r"^(\d{4})(?:(?:\.\.|-)(\d{4}))?$")


def parse_article_filter(text: str) -> ArticleFilter:
    """The library filter typed by a person, as an `ArticleFilter`; never raises.

    The keys are those of ``archive search``: ``person:NAME role:ROLE``, ``translator:NAME`` (and
    the other roles), ``service:NAME``, ``lang:CODE``, ``year:YYYY`` or ``year:YYYY..YYYY``;
    ``since:``/``until:`` take ISO dates. Quote values with spaces (``person:"Khin Maung
    Nyane"``). A bare four-digit year is ``year:``; other words match the title. A key with no
    value yet (mid-typing) or a value that is not understood is ignored, and
    `filter_problems` says why.
    """
    return _parse(text)[0]


def filter_problems(text: str) -> list[str]:
    """What the library filter ``text`` holds that is not understood, one sentence each
    (``year:20x is not a year: write year:2021 or year:2019..2021``); empty when all is."""
    return _parse(text)[1]


def _parse(text: str) -> tuple[ArticleFilter, list[str]]:
    fields: dict[str, Any] = {}
    words: list[str] = []
    problems: list[str] = []
    for match in _TOKEN.finditer(text):
        key = (match.group("key") or "").lower()
        quoted, phrase = match.group("quoted"), match.group("phrase")
        value = quoted if quoted is not None else match.group("value")
        if not key:
            word = phrase if phrase is not None else match.group("word")
            year = _YEAR.match(word or "")
            if year and match.group("word") and 1000 <= int(year.group(1)) <= 2999:
                fields.update(_year_fields(year))
            elif word:
                words.append(word)
            continue
        value = (value or "").strip()
        if not value:
            continue
        if key == "person":
            fields["person"] = value
        elif key in _ROLES:
            fields["person"], fields["role"] = value, key
        elif key == "role":
            if value.lower() in _ROLES:
                fields["role"] = value.lower()
            else:
                problems.append(f"role:{value} is not a role: one of {', '.join(sorted(_ROLES))}")
        elif key == "service":
            fields["service"] = value
        elif key in ("lang", "language"):
            fields["language"] = value
        elif key == "year":
            year = _YEAR.match(value)
            if year and all(1000 <= int(y) <= 2999 for y in year.groups() if y is not None):
                fields.update(_year_fields(year))
            else:
                problems.append(f"year:{value} is not a year: write year:2021 or year:2019..2021")
        elif key in ("since", "until"):
            try:
                fields[key] = dt.date.fromisoformat(value)
            except ValueError:
                problems.append(f"{key}:{value} is not a date: write {key}:2021-04-19")
        else:
            words.append(match.group(0))
    if words:
        fields["text"] = " ".join(words)
    return ArticleFilter(**fields), problems


def _year_fields(match: re.Match[str]) -> dict[str, dt.date]:
    first = int(match.group(1))
    last = int(match.group(2) or first)
    if last < first:
        first, last = last, first
    return {"since": dt.date(first, 1, 1), "until": dt.date(last, 12, 31)}


def _sort_expression(key: SortKey) -> Any:
    if key == "title":
        return func.lower(col(Article.title))
    if key == "service":
        return (
            select(Service.name).where(col(Service.id) == col(Article.service_id)).scalar_subquery()
        )
    if key == "languages":
        return (
            select(func.min(Version.language))
            .where(col(Version.article_id) == col(Article.id))
            .scalar_subquery()
        )
    role = "translator" if key == "translators" else "writer"
    return (
        select(func.min(Person.name))
        .join(Credit, col(Credit.person_id) == col(Person.id))
        .where(col(Credit.article_id) == col(Article.id), col(Credit.role) == role)
        .scalar_subquery()
    )


def list_articles_sorted(
    *,
    session: Session,
    filters: ArticleFilter | None = None,
    sort: SortKey = "date",
    descending: bool = False,
    limit: int | None = None,
    offset: int = 0,
) -> list[dict[str, Any]]:
    """`list_articles`, ordered by any column the browser shows (missing values last).

    Rows are in the `list_articles` shape (with ``translators`` and ``writers``).
    """
    if sort not in SORT_KEYS:
        raise ValueError(f"cannot sort by {sort!r}; one of {', '.join(SORT_KEYS)}")
    filters = filters or ArticleFilter()
    if sort == "date":
        return list_articles(
            session=session, filters=filters, limit=limit, offset=offset, newest_first=descending
        )
    expression = _sort_expression(sort)
    ordered = expression.desc() if descending else expression.asc()
    tiebreak = col(Article.id).desc() if descending else col(Article.id).asc()
    statement = article_query(session, filters).order_by(ordered.nulls_last(), tiebreak)
    statement = statement.offset(offset)
    if limit is not None:
        statement = statement.limit(limit)
    return article_rows(session=session, articles=session.exec(statement).all())


def _is_english(version: dict[str, Any]) -> bool:
    language = str(version.get("language") or "")
    return language == "en" or language.startswith("en-")


def default_pair(
    versions: Sequence[dict[str, Any]], *, including: int | None = None
) -> tuple[int, int] | None:
    """Which two versions (``show --json`` dicts) to read side by side, as ``(left, right)`` ids.

    The original and the published English; else the original and an English version (human
    before machine); else the first two. None for an article with fewer than two versions.
    Superseded revisions are passed over when a newer one exists. With ``including`` (say, the
    version a search hit is in), the pair holds that version: the original on the left and it
    on the right, unless it is the original itself.
    """
    revised = {v.get("revision_of") for v in versions}
    current = [v for v in versions if v["id"] not in revised] or list(versions)
    if len(current) < 2:
        return None
    original = next((v for v in current if v["kind"] == "original"), current[0])
    if including is not None and any(v["id"] == including for v in versions):
        chosen = default_pair(versions)
        if chosen is not None and including in chosen:
            return chosen
        if including != original["id"]:
            return int(original["id"]), including
        others = [v for v in current if v is not original]
        return int(original["id"]), int(others[0]["id"])
    others = [v for v in current if v is not original]
    english = [v for v in others if _is_english(v)]
    for wanted in ("published", "translation", "machine"):
        for version in english:
            if version["kind"] == wanted:
                return int(original["id"]), int(version["id"])
    if english:
        return int(original["id"]), int(english[0]["id"])
    return int(current[0]["id"]), int(current[1]["id"])


def align_versions(*, session: Session, src_version_id: int, tgt_version_id: int) -> AlignmentView:
    """Align two versions of an article now (keeping checked beads) and read the result back.

    Raises:
        ValueError: a version does not exist, or the two belong to different articles.
    """
    src = session.get(Version, src_version_id)
    tgt = session.get(Version, tgt_version_id)
    if src is None or tgt is None:
        raise ValueError(f"no version {src_version_id if src is None else tgt_version_id}")
    if src.article_id != tgt.article_id:
        raise ValueError("the two versions belong to different articles")
    align_pair(session=session, src=src, tgt=tgt, translator_for=mt_translator)
    view = get_alignment(
        session=session, src_version_id=src_version_id, tgt_version_id=tgt_version_id
    )
    assert view is not None
    return view


def _plain_segments(session: Session, version: Version) -> list[SegmentText]:
    """Segments for reading. A Zawgyi version's ``derived`` is its Unicode conversion, which a
    reader shows (no terminal font renders Zawgyi); other versions leave ``derived`` empty."""
    if version.encoding == "zawgyi":
        from archive.analysis import zawgyi_to_unicode

        return version_segments(session=session, version=version, derive=zawgyi_to_unicode)
    return version_segments(session=session, version=version, derive=_nothing)


def _nothing(_text: str) -> str:
    return ""


def reader_alignment(
    *, session: Session, src_version_id: int, tgt_version_id: int
) -> AlignmentView | None:
    """`get_alignment` for reading: the same beads, without deriving each segment's text.

    Deriving (Zawgyi detection, normalisation) is most of `get_alignment`'s time on a long
    article, and a reader shows the stored text (Zawgyi converted to Unicode, see
    `_plain_segments`): ``derived`` is otherwise left empty here.
    """
    return get_alignment(
        session=session,
        src_version_id=src_version_id,
        tgt_version_id=tgt_version_id,
        load_segments=_plain_segments,
    )


LOW_SCORE = 0.5


def compare_view(view: AlignmentView) -> dict[str, Any]:
    """The comparison report (`archive.align.compare`) of an alignment as read, plus bead counts.

    Segment numbers in the report are sequence numbers of each side as displayed. Works on a
    `reader_alignment` too: segments without a derived text are derived here.
    """
    from archive.align import Bead, compare_alignment
    from archive.analysis import derive_text

    src_texts = _texts_by_seq([s for bead in view.beads for s in bead.src], derive_text)
    tgt_texts = _texts_by_seq([s for bead in view.beads for s in bead.tgt], derive_text)
    beads = [
        Bead(
            src=tuple(s.seq for s in bead.src),
            tgt=tuple(s.seq for s in bead.tgt),
            score=bead.score,
            checked=bead.checked,
        )
        for bead in view.beads
    ]
    report = compare_alignment(src_texts, tgt_texts, beads).to_json()
    report["beads"] = len(view.beads)
    report["low_score"] = sum(
        1 for b in view.beads if b.src and b.tgt and b.score < LOW_SCORE and not b.checked
    )
    report["checked"] = sum(1 for b in view.beads if b.checked)
    return report


def _texts_by_seq(segments: Sequence[Any], derive: Any) -> list[str]:
    size = max((s.seq for s in segments), default=-1) + 1
    texts = [""] * size
    for segment in segments:
        # A reader's segments carry a display form only (Zawgyi converted, not normalised):
        # comparison needs the full derived form, as the CLI's `compare` uses.
        texts[segment.seq] = derive(segment.text)
    return texts
