"""A small multilingual sample archive for the search and export tests (real SQLite, real
analysis): Burmese in Unicode and in Zawgyi, Chinese, Korean, Khmer and English, with a
credit line, a translator, machine-translation engine fields and stored alignments."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlmodel import select

from archive.db import Archive
from archive.ingest.annotate import analyze_version
from archive.ingest.records import ArticleRecord, CreditRecord, VersionRecord
from archive.ingest.store import store_article
from archive.models import Version
from tests.conftest import ntrex_lines

CREDIT_LINE = (
    "Reported by RFA's Myanmar Service. Translated by Khin Maung Nyane. "
    "Written in English by Eugene Whong."
)


def paragraphs(lines: list[str]) -> str:
    """Lines as a text of one-sentence paragraphs."""
    return "\n\n".join(line.strip() for line in lines)


@dataclass(frozen=True)
class Sample:
    """Ids of the sample's articles."""

    burmese: int
    zawgyi: int
    chinese: int
    korean: int
    khmer: int


def unicode_burmese(lines: list[str]) -> list[str]:
    """NTREX's Burmese reference is Zawgyi-encoded: its Unicode form."""
    from archive.analysis import derive_text

    return [derive_text(line) for line in lines]


def _store(archive: Archive, record: ArticleRecord) -> int:
    with archive.session() as session, session.begin():
        return store_article(session=session, record=record, analyze=analyze_version).article_id


def build_sample(archive: Archive, *, align: bool = True) -> Sample:
    """Store the sample articles (and align them when asked)."""
    eng = ntrex_lines("eng")
    mya = ntrex_lines("mya")
    translated = [CreditRecord(role="translator", name="Khin Maung Nyane")]
    burmese = _store(
        archive,
        ArticleRecord(
            title="Welsh AMs worried about 'looking like muppets'",
            date=dt.date(2021, 9, 21),
            url="https://example.org/rfa/welsh-ams-2021",
            urls=["https://example.org/rfa/welsh-ams-2021"],
            service="RFA's Myanmar Service",
            credit_line=CREDIT_LINE,
            credits=[
                CreditRecord(role="reporter", name="RFA Myanmar Service", kind="service"),
                CreditRecord(
                    role="translator",
                    name="Khin Maung Nyane",
                    raw="Translated by Khin Maung Nyane.",
                ),
                CreditRecord(role="writer", name="Eugene Whong"),
            ],
            versions=[
                VersionRecord(
                    kind="original", language="my", text=paragraphs(unicode_burmese(mya[1:5]))
                ),
                VersionRecord(
                    kind="translation",
                    language="en",
                    text=paragraphs(eng[1:5]),
                    derived_from=0,
                    credits=translated,
                ),
                VersionRecord(
                    kind="published",
                    language="en",
                    title="Welsh AMs worried",
                    text=paragraphs(
                        [*eng[1:4], "AMs across the spectrum fear ridicule, sources said."]
                    ),
                    derived_from=1,
                ),
            ],
        ),
    )
    zawgyi = _store(
        archive,
        ArticleRecord(
            title="Zawgyi-published story",
            date=dt.date(2018, 7, 26),
            service="RFA Burmese",
            versions=[
                VersionRecord(kind="original", language="my", text=paragraphs(mya[1:5])),
                VersionRecord(
                    kind="machine", language="en", text=paragraphs(eng[1:5]), derived_from=0
                ),
            ],
        ),
    )
    chinese = _store(
        archive,
        ArticleRecord(
            title="Mandarin story",
            date=dt.date(2020, 3, 1),
            service="RFA Mandarin",
            credits=[CreditRecord(role="translator", name="Wang Wei")],
            versions=[
                VersionRecord(
                    kind="original", language="zh-Hans", text=paragraphs(ntrex_lines("zho-CN")[1:5])
                ),
                VersionRecord(
                    kind="translation", language="en", text=paragraphs(eng[5:9]), derived_from=0
                ),
            ],
        ),
    )
    korean = _store(
        archive,
        ArticleRecord(
            title="Korean story",
            date=dt.date(2021, 1, 5),
            service="RFA Korean",
            versions=[
                VersionRecord(
                    kind="original", language="ko", text=paragraphs(ntrex_lines("kor")[1:5])
                ),
                VersionRecord(
                    kind="translation", language="en", text=paragraphs(eng[9:13]), derived_from=0
                ),
            ],
        ),
    )
    khmer = _store(
        archive,
        ArticleRecord(
            title="Khmer story",
            date=dt.date(2022, 5, 5),
            service="RFA Khmer",
            versions=[
                VersionRecord(
                    kind="original", language="km", text=paragraphs(ntrex_lines("khm")[1:5])
                ),
            ],
        ),
    )
    with archive.session() as session, session.begin():
        machine = session.exec(
            select(Version).where(Version.article_id == zawgyi, Version.kind == "machine")
        ).one()
        machine.engine = "argostranslate"
        machine.engine_version = "1.11.0"
        machine.model_package = "translate-my_en"
        machine.model_version = "1.0"
        session.add(machine)
    if align:
        from archive.alignments import align_article

        for article_id in (burmese, zawgyi, chinese, korean):
            with archive.session() as session, session.begin():
                align_article(session=session, article_id=article_id)
    return Sample(burmese, zawgyi, chinese, korean, khmer)
