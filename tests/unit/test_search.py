"""Search over a real archive: every script, Zawgyi found by Unicode, filters, ranking, upkeep.

Every test runs on SQLite and on PostgreSQL (the ``archive`` fixture is `any_archive` here),
except the upgrade of an old SQLite file.
"""

from __future__ import annotations

import hashlib
import itertools
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import text
from sqlmodel import select

from archive.db import Archive, open_archive
from archive.errors import SearchSyntaxError
from archive.ingest.annotate import analyze_version
from archive.models import Version
from archive.search import SearchHit, rebuild_index, search
from tests.conftest import REPO, ntrex_lines
from tests.unit.export.sample import Sample, build_sample, unicode_burmese


@pytest.fixture
def archive(any_archive: Archive) -> Archive:
    """This module's archive: the same test on an SQLite file and a PostgreSQL database."""
    return any_archive


@pytest.fixture
def sample(archive: Archive) -> Sample:
    return build_sample(archive, align=False)


def _hits(archive: Archive, query: str, **kwargs: object) -> list[SearchHit]:
    with archive.session() as session:
        return search(session=session, query=query, **kwargs)  # type: ignore[arg-type]


def _where(hits: list[SearchHit]) -> list[tuple[int, str, str]]:
    return sorted({(h.article_id, h.language, h.kind) for h in hits})


def test_burmese_substring_finds_unicode_and_zawgyi_text(archive: Archive, sample: Sample) -> None:
    word = unicode_burmese(ntrex_lines("mya")[1:2])[0][10:16]  # inside a word: no spaces
    hits = _hits(archive, word)
    assert [(sample.burmese, "my", "original"), (sample.zawgyi, "my", "original")] == _where(hits)
    assert all(f"«{word}»" in h.snippet for h in hits)


def test_two_character_chinese_word(archive: Archive, sample: Sample) -> None:
    hits = _hits(archive, "议员")
    assert [(sample.chinese, "zh-Hans", "original")] == _where(hits)
    assert "«议员»" in hits[0].snippet


def test_one_character_chinese_query(archive: Archive, sample: Sample) -> None:
    assert [(sample.chinese, "zh-Hans", "original")] == _where(_hits(archive, "议"))


def test_first_syllables_of_a_korean_word(archive: Archive, sample: Sample) -> None:
    hits = _hits(archive, "국회")  # the first syllables of 국회로 / 국회 구성원
    assert [(sample.korean, "ko", "original")] == _where(hits)
    assert [(sample.korean, "ko", "original")] == _where(_hits(archive, "웨일"))


def test_khmer_substring(archive: Archive, sample: Sample) -> None:
    assert [(sample.khmer, "km", "original")] == _where(_hits(archive, "សភាវ៉ែល"))


def test_english_word_prefix_phrase_and_exclusion(archive: Archive, sample: Sample) -> None:
    assert {sample.burmese, sample.zawgyi} == {h.article_id for h in _hits(archive, "ridicule")}
    assert {sample.burmese, sample.zawgyi} == {h.article_id for h in _hits(archive, "ridic*")}
    assert [(sample.burmese, "en", "published")] == _where(_hits(archive, '"fear ridicule"'))
    assert [] == _where(_hits(archive, "ridicule -political"))[1:]


def test_or_across_scripts(archive: Archive, sample: Sample) -> None:
    found = {h.article_id for h in _hits(archive, "议员 OR ridicule")}
    assert {sample.chinese, sample.burmese, sample.zawgyi} == found


def test_provenance_filters(archive: Archive, sample: Sample) -> None:
    assert {sample.burmese} == {
        h.article_id for h in _hits(archive, 'AMs translator:"Khin Maung Nyane" year:2021')
    }
    assert [] == _hits(archive, 'AMs translator:"Khin Maung Nyane" year:2020')
    assert {sample.burmese} == {
        h.article_id for h in _hits(archive, 'AMs person:"Eugene Whong" role:writer')
    }
    assert [] == _hits(archive, 'AMs person:"Eugene Whong" role:translator')
    # "RFA Burmese" (the Zawgyi story's service) is a spelling of RFA's Myanmar Service
    assert {sample.burmese, sample.zawgyi} == {
        h.article_id for h in _hits(archive, 'AMs service:"RFA Myanmar Service"')
    }
    assert {sample.chinese} == {h.article_id for h in _hits(archive, 'AM service:"RFA Mandarin"')}
    assert [(sample.burmese, "en", "published")] == _where(_hits(archive, "AMs kind:published"))
    assert [(sample.zawgyi, "en", "machine")] == _where(_hits(archive, "AMs", kind="machine"))
    assert [] == _hits(archive, "ridicule", lang="zh")
    assert {"en"} == {h.language for h in _hits(archive, "ridicule lang:en")}


def test_language_filter_matches_subtags(archive: Archive, sample: Sample) -> None:
    assert [(sample.chinese, "zh-Hans", "original")] == _where(_hits(archive, "议员 lang:zh"))


def test_ranking_puts_the_denser_match_first(archive: Archive, sample: Sample) -> None:
    hits = _hits(archive, "spectrum ridicule")
    assert hits and all(a.score >= b.score for a, b in itertools.pairwise(hits))
    assert "fear «ridicule»" in hits[0].snippet  # the short published sentence
    assert all(h.score > 0 for h in hits)


def test_hit_fields_and_json_shape(archive: Archive, sample: Sample) -> None:
    hit = _hits(archive, '"fear ridicule"')[0]
    assert ["article_id", "version_id", "language", "snippet", "score"] == list(hit.to_json())
    assert "Welsh AMs worried about 'looking like muppets'" == hit.title
    assert 3 == hit.segment_seq
    start, end = hit.highlights[0]
    assert "fear ridicule" == hit.snippet[start:end]


def test_paging(archive: Archive, sample: Sample) -> None:
    every = _hits(archive, "AMs", limit=100)
    assert every[2:4] == _hits(archive, "AMs", limit=2, offset=2)


# Raw syntax is the engine's own: FTS5 on SQLite, tsquery on PostgreSQL.
RAW = {
    "sqlite": ("NEAR(spectrum ridicule, 10)", 'NEAR("unbalanced'),
    "postgresql": ("spectrum & ridic:*", "(spectrum &"),
}


def test_raw_engine_syntax(archive: Archive, sample: Sample) -> None:
    good, bad = RAW[archive.dialect]
    assert {sample.burmese, sample.zawgyi} == {h.article_id for h in _hits(archive, good, raw=True)}
    with pytest.raises(SearchSyntaxError):
        _hits(archive, bad, raw=True)


def _fingerprint(archive: Archive) -> tuple[str, list[int]]:
    with archive.session() as session:
        counts = [
            session.connection().execute(text(f"SELECT count(*) FROM {t}")).scalar_one()
            for t in ("article", "version", "credit", "segment", "search_segment")
        ]
    archive.engine.dispose()
    if archive.dialect != "sqlite":
        return "", counts
    path = Path(archive.url.removeprefix("sqlite:///"))
    return hashlib.sha256(path.read_bytes()).hexdigest(), counts


HOSTILE = [
    '"unbalanced',
    "OR",
    "AND",
    "NOT",
    "-",
    "*",
    "NEAR(",
    "defect\x00",
    "q" * 5000,
    "'; DROP TABLE article; --",
    '"; DELETE FROM version WHERE 1; "',
    "x OR OR y",
    "lang:",
    "year:twenty",
    "\x1b[31mred",
    "中",
    "()",
]


def test_hostile_queries_never_change_the_archive(archive: Archive, sample: Sample) -> None:
    before = _fingerprint(archive)
    for query in HOSTILE:
        for raw in (False, True):
            try:
                _hits(archive, query, raw=raw)
            except SearchSyntaxError as exc:
                assert "\n" not in str(exc)
    assert before == _fingerprint(archive)


def test_reanalysis_replaces_the_version_rows(archive: Archive, sample: Sample) -> None:
    with archive.session() as session, session.begin():
        version = session.exec(select(Version).where(Version.article_id == sample.chinese)).first()
        assert version is not None
        analyze_version(session, version)
        analyze_version(session, version)
    assert 1 == len({h.segment_seq for h in _hits(archive, "议员")})


def test_rebuild_index_gives_the_same_results(archive: Archive, sample: Sample) -> None:
    before = _hits(archive, "议员 OR ridicule OR 국회")
    with archive.session() as session, session.begin():
        assert rebuild_index(session=session) > 0
    assert before == _hits(archive, "议员 OR ridicule OR 국회")


@pytest.fixture
def old_archive(tmp_path: Path) -> Iterator[Archive]:
    path = tmp_path / "old.db"
    shutil.copyfile(REPO / "tests" / "data" / "archive-schema-0001.db", path)
    opened = open_archive(path)
    yield opened
    opened.close()


def test_upgrading_an_old_archive_indexes_what_it_holds(old_archive: Archive) -> None:
    hits = _hits(old_archive, "soldiers")
    assert hits and all(
        "«soldiers»" in h.snippet.lower() or "«Soldiers»" in h.snippet for h in hits
    )
