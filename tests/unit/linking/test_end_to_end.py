"""Suggestions on a small archive of real NTREX-128 stories, imported as separate records."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from sqlmodel import select

from archive.db import Archive
from archive.ingest.pipeline import import_paths
from archive.linking.suggest import confident, suggest_links
from archive.models import Article
from tests.conftest import NTREX

# (language, NTREX file, service word, first line of each story); stories are 10 lines long.
LANGUAGES = (("km", "khm", "Khmer", (0, 40, 80)), ("vi", "vie", "Vietnamese", (120, 160, 200)),
             ("ko", "kor", "Korean", (240, 280)))  # fmt: skip
ENGLISH_ONLY = 320  # an English story whose original was never collected
ORIGINAL_ONLY = ("km", "khm", "Khmer", 360)  # an original whose English was never collected


def _lines(name: str) -> list[str]:
    return (NTREX / name).read_text(encoding="utf-8").splitlines()


def _record(title: str, date: str | None, service: str, lang: str, lines: list[str]) -> str:
    kind = "published" if lang == "en" else "original"
    text = "\n\n".join(" ".join(lines[k : k + 2]) for k in range(0, len(lines), 2))
    return json.dumps(
        {"title": title, "date": date, "service": service,
         "versions": [{"kind": kind, "language": lang, "text": text}]},
        ensure_ascii=False,
    )  # fmt: skip


@pytest.fixture
def linked_archive(archive: Archive, tmp_path: Path) -> tuple[Archive, set[tuple[str, str]]]:
    """An archive of originals and English stories as separate articles, and the true pairs
    as (original title, English title)."""
    english = _lines("src.eng.txt")
    records: list[str] = []
    gold: set[tuple[str, str]] = set()
    day = 1
    for lang, code, word, starts in LANGUAGES:
        ref = _lines(f"ref.{code}.txt")
        for start in starts:
            day += 2
            o_title, e_title = f"{lang} story {start}", f"English story {start}"
            # The English drops a sentence and adds one of context; undated once.
            e_lines = english[start : start + 4] + english[start + 5 : start + 10] + [english[5]]
            records.append(_record(o_title, f"2021-03-{day:02d}", f"RFA {word} Service", lang,
                                   ref[start : start + 10]))  # fmt: skip
            e_date = None if start == 160 else f"2021-03-{day + 1:02d}"
            records.append(_record(e_title, e_date, "Radio Free Asia", "en", e_lines))
            gold.add((o_title, e_title))
    records.append(_record("English only", "2021-03-05", "Radio Free Asia", "en",
                           english[ENGLISH_ONLY : ENGLISH_ONLY + 10]))  # fmt: skip
    lang, code, word, start = ORIGINAL_ONLY
    records.append(_record("km only", "2021-03-05", f"RFA {word} Service", lang,
                           _lines(f"ref.{code}.txt")[start : start + 10]))  # fmt: skip
    path = tmp_path / "stories.jsonl"
    path.write_text("\n".join(records) + "\n", encoding="utf-8")
    import_paths(archive, [path])
    return archive, gold


def _titles(archive: Archive) -> dict[int, str]:
    with archive.session() as session:
        return {a.id: a.title for a in session.exec(select(Article)).all() if a.id is not None}


def test_confident_links_exactly_the_true_pairs(
    linked_archive: tuple[Archive, set[tuple[str, str]]],
) -> None:
    archive, gold = linked_archive
    titles = _titles(archive)
    with archive.session() as session:
        suggestions = suggest_links(session)
    linked = {(titles[s.article_id], titles[s.candidate_id]) for s in confident(suggestions)}
    assert gold == linked
    best = {s.article_id: s for s in reversed(suggestions)}
    assert all(best[s.article_id].score >= s.score for s in suggestions)
    # Every suggestion names the original first, and carries its evidence.
    for s in suggestions:
        assert not titles[s.article_id].startswith("English")
        assert titles[s.candidate_id].startswith("English")
        assert {"date_distance_days", "numbers_shared", "names_shared", "content",
                "url_pattern"} <= set(s.evidence)  # fmt: skip


def test_rejected_pairs_are_never_suggested_and_focus_restricts(
    linked_archive: tuple[Archive, set[tuple[str, str]]],
) -> None:
    archive, _ = linked_archive
    ids = {title: k for k, title in _titles(archive).items()}
    pair = (ids["km story 0"], ids["English story 0"])
    with archive.session() as session:
        rejected = suggest_links(session, rejected=[pair])
        focused = suggest_links(session, article_ids=[ids["vi story 120"]])
    assert pair not in {(s.article_id, s.candidate_id) for s in rejected}
    assert {(ids["vi story 120"], ids["English story 120"])} == {
        (s.article_id, s.candidate_id) for s in confident(focused)
    }
    assert all(ids["vi story 120"] in (s.article_id, s.candidate_id) for s in focused)


def test_nothing_to_suggest_in_an_empty_archive(archive: Archive) -> None:
    with archive.session() as session:
        assert [] == suggest_links(session)


def test_service_and_dates_restrict_the_suggestions(
    linked_archive: tuple[Archive, set[tuple[str, str]]],
) -> None:
    archive, gold = linked_archive
    titles = _titles(archive)
    with archive.session() as session:
        by_service = suggest_links(session, service="RFA Vietnamese")
        by_date = suggest_links(session, since=dt.date(2021, 3, 1), until=dt.date(2021, 3, 4))
    assert {p for p in gold if p[0].startswith("vi ")} == {
        (titles[s.article_id], titles[s.candidate_id]) for s in confident(by_service)
    }
    # Only the first Khmer story and its English (days 3 and 4) are in the range.
    assert {("km story 0", "English story 0")} == {
        (titles[s.article_id], titles[s.candidate_id]) for s in confident(by_date)
    }
