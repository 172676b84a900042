"""Deterministic archives for the TUI tests: articles, segments and alignments written by hand.

Segments and beads are spelled out here (not computed by the analyser or the aligner), so the
screens the tests look at do not move when those get better.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field

from sqlmodel import Session, select

from archive.db import Archive
from archive.ingest.records import ArticleRecord, CreditRecord, VersionRecord
from archive.ingest.store import store_article
from archive.models import Alignment, AlignmentLink, Segment, Version

Paragraphs = Sequence[Sequence[str]]  # paragraphs of sentences


@dataclass
class VersionSpec:
    """A version as paragraphs of sentences (joined with a space; paragraphs with a blank line)."""

    kind: str
    language: str
    paragraphs: Paragraphs
    derived_from: int | None = None
    joiner: str = " "


@dataclass
class ArticleSpec:
    """An article, its versions, and the beads of alignments between version indexes."""

    title: str
    date: dt.date | None
    versions: list[VersionSpec]
    service: str | None = None
    credits: list[tuple[str, str]] = field(default_factory=list)
    # (src index, tgt index) -> beads as (source sentences, target sentences, score)
    alignments: dict[tuple[int, int], list[tuple[int, int, float]]] = field(default_factory=dict)


def version_text(spec: VersionSpec) -> tuple[str, list[tuple[int, int, int, int]]]:
    """The text of a version and its segments as ``(paragraph, sentence, start, end)``."""
    text = ""
    spans: list[tuple[int, int, int, int]] = []
    for p_index, paragraph in enumerate(spec.paragraphs):
        if p_index:
            text += "\n\n"
        for s_index, sentence in enumerate(paragraph):
            if s_index:
                text += spec.joiner
            spans.append((p_index, s_index, len(text), len(text) + len(sentence)))
            text += sentence
    return text, spans


def add_article(
    archive: Archive, spec: ArticleSpec, *, index: bool = True
) -> tuple[int, list[int]]:
    """Store ``spec``; returns the article id and its version ids in spec order."""
    texts = [version_text(v) for v in spec.versions]
    record = ArticleRecord(
        title=spec.title,
        date=spec.date,
        service=spec.service,
        credits=[CreditRecord(role=role, name=name) for role, name in spec.credits],
        versions=[
            VersionRecord(kind=v.kind, language=v.language, text=t, derived_from=v.derived_from)
            for v, (t, _) in zip(spec.versions, texts, strict=True)
        ],
    )
    with archive.session() as session, session.begin():
        result = store_article(session=session, record=record, analyze=None)
        versions = list(
            session.exec(
                select(Version).where(Version.article_id == result.article_id).order_by(Version.id)
            )
        )
        ids = [v.id for v in versions if v.id is not None]
        for version, (_, spans) in zip(versions, texts, strict=True):
            rows = [
                Segment(
                    version_id=version.id or 0,
                    seq=seq,
                    paragraph=p,
                    sentence=s,
                    start=start,
                    end=end,
                    language=version.language,
                )
                for seq, (p, s, start, end) in enumerate(spans)
            ]
            session.add_all(rows)
            session.flush()
            if index:
                _index(session, version, rows)
        for (a, b), beads in spec.alignments.items():
            _add_alignment(session, result.article_id, ids[a], ids[b], beads)
    return result.article_id, ids


def _index(session: Session, version: Version, rows: list[Segment]) -> None:
    try:
        from archive.search import index_version
    except ImportError:
        return
    index_version(session=session, version=version, segments=rows)


def _add_alignment(
    session: Session,
    article_id: int,
    src: int,
    tgt: int,
    beads: list[tuple[int, int, float]],
) -> None:
    alignment = Alignment(
        article_id=article_id,
        src_version_id=src,
        tgt_version_id=tgt,
        method="test",
        aligner_version="test",
    )
    session.add(alignment)
    session.flush()
    s = t = 0
    for position, (n_src, n_tgt, score) in enumerate(beads):
        session.add(
            AlignmentLink(
                alignment_id=alignment.id or 0,
                position=position,
                src_start=s,
                src_end=s + n_src,
                tgt_start=t,
                tgt_end=t + n_tgt,
                score=score,
                method="test",
            )
        )
        s, t = s + n_src, t + n_tgt
    session.flush()


# --------------------------------------------------------------------------- sample articles

BURMESE = VersionSpec(
    "original",
    "my",
    [
        [
            "မြန်မာ့တပ်မတော်မှ စစ်သားရာပေါင်းများစွာ ပြီးခဲ့သည့် နှစ်ပတ်အတွင်း တပ်ပြေးခဲ့သည်။",
            "၎င်းတို့အနက် အရာရှိ ၄၅ ဦး ပါဝင်သည်။",
            "ပြည်သူ့ကာကွယ်ရေးတပ်က ၎င်းတို့ကို လက်ခံခဲ့သည်ဟု ပြောသည်။",
            "စစ်ကောင်စီ ပြောခွင့်ရသူက မှတ်ချက်ပေးရန် ငြင်းဆိုခဲ့သည်။",
        ],
        [
            "တပ်ပြေးများသည် မိသားစုများနှင့်အတူ ထွက်ပြေးလာကြသည်။",
            "အချို့မှာ ထိုင်းနယ်စပ်သို့ ရောက်ရှိသွားကြသည်။",
        ],
    ],
)
ENGLISH = VersionSpec(
    "published",
    "en",
    [
        [
            "Hundreds of junta soldiers have defected over the past two weeks, "
            "including 45 officers, according to resistance groups.",
            "The People's Defense Force said it had received them.",
        ],
        [
            "The defectors fled with their families.",
            "Some reached the Thai border.",
            "Translated by Khin Maung Nyane. Written in English by Eugene Whong.",
        ],
    ],
    derived_from=0,
)
DEFECTORS = ArticleSpec(
    title="Hundreds of junta soldiers defect",
    date=dt.date(2024, 4, 19),
    service="RFA Myanmar Service",
    credits=[
        ("reporter", "RFA Myanmar Service"),
        ("translator", "Khin Maung Nyane"),
        ("writer", "Eugene Whong"),
    ],
    versions=[BURMESE, ENGLISH],
    alignments={
        (0, 1): [(2, 1, 0.91), (1, 1, 0.88), (1, 0, 0.0), (1, 1, 0.82), (1, 1, 0.31), (0, 1, 0.0)]
    },
)

HOSTILE = ArticleSpec(
    title="Markup [bold red]in a title[/] \x1b[31m",
    date=dt.date(2023, 1, 2),
    service="RFA Khmer Service",
    versions=[
        VersionSpec("original", "km", [["អត្ថបទ [bold red]x[/] ធម្មតា។", "ប្រយោគ \x1b[31m ទីពីរ។"]]),
        VersionSpec(
            "translation",
            "en",
            [["Plain text [bold red]x[/] here.", "A second \x1b[31m sentence."]],
            derived_from=0,
        ),
    ],
    alignments={(0, 1): [(1, 1, 0.9), (1, 1, 0.9)]},
)

SINGLE = ArticleSpec(
    title="A Lao story with one version",
    date=dt.date(2022, 5, 6),
    service="RFA Lao Service",
    versions=[
        VersionSpec("original", "lo", [["ລັດຖະບານລາວ ປະກາດ ມາດຕະການໃໝ່ ໃນວັນຈັນ", "ປະຊາຊົນ ຕ້ອນຮັບ ຂ່າວນີ້"]])
    ],
)

UNALIGNED = ArticleSpec(
    title="Uyghur and English, not aligned",
    date=dt.date(2021, 3, 4),
    service="RFA Uyghur Service",
    credits=[("translator", "Alim Seytoff"), ("writer", "Roseanne Gerin")],
    versions=[
        VersionSpec("original", "ug", [["بۇ بىر سىناق جۈملىسى.", "ئىككىنچى جۈملە بۇ."]]),
        VersionSpec("published", "en", [["This is a test sentence.", "This is the second."]]),
    ],
)

SCRIPTS = ArticleSpec(
    title="Scripts side by side",
    date=dt.date(2020, 7, 8),
    versions=[
        VersionSpec(
            "original",
            "bo",
            [
                [
                    "བོད་ཀྱི་སྐད་ཡིག་ནི་ཧ་ཅང་གལ་ཆེན་པོ་ཡིན། བོད་མི་རྣམས་ཀྱིས་རང་གི་སྐད་ཡིག་སྲུང་སྐྱོབ་བྱེད་དགོས།",
                    "ཁ་སང་ལྷ་སར་ཚོགས་འདུ་ཞིག་བཙུགས་པ་རེད།",
                ]
            ],
        ),
        VersionSpec(
            "translation",
            "zh-Hans",
            [
                [
                    "藏语非常重要，藏族人民必须保护自己的语言和文字，这是大家的共同责任。",
                    "昨天在拉萨举行了一次会议。",
                ]
            ],
            derived_from=0,
            joiner="",
        ),
        VersionSpec(
            "translation",
            "km",
            [
                [
                    "ភាសាទីបេមានសារៈសំខាន់ណាស់ ហើយប្រជាជនទីបេត្រូវតែការពារភាសារបស់ខ្លួន។",
                    "កាលពីម្សិលមិញ មានកិច្ចប្រជុំមួយនៅទីក្រុងឡាសា។",
                ]
            ],
            derived_from=0,
        ),
        VersionSpec(
            "translation",
            "ug",
            [
                [
                    "تىبەت تىلى ناھايىتى مۇھىم، تىبەتلەر ئۆز تىلىنى قوغدىشى كېرەك.",
                    "تۈنۈگۈن لھاسادا بىر يىغىن ئۆتكۈزۈلدى.",
                ]
            ],
            derived_from=0,
        ),
    ],
    alignments={
        (0, 1): [(1, 1, 0.8), (1, 1, 0.7)],
        (2, 3): [(1, 1, 0.8), (1, 1, 0.7)],
    },
)


def build_sample(archive: Archive) -> dict[str, int]:
    """The sample archive: article ids by name."""
    ids = {}
    for name, spec in (
        ("defectors", DEFECTORS),
        ("hostile", HOSTILE),
        ("single", SINGLE),
        ("unaligned", UNALIGNED),
        ("scripts", SCRIPTS),
    ):
        ids[name], _ = add_article(archive, spec)
    return ids


def build_many(archive: Archive, count: int, *, start: dt.date = dt.date(2020, 1, 1)) -> None:
    """``count`` small one-version articles (for paging), dated one a day."""
    with archive.session() as session, session.begin():
        for n in range(count):
            store_article(
                session=session,
                record=ArticleRecord(
                    title=f"Filler story {n:05d}",
                    date=start + dt.timedelta(days=n),
                    service="RFA Korean Service",
                    versions=[VersionRecord(kind="original", language="ko", text=f"기사 {n}.")],
                ),
                analyze=None,
            )
