"""Search forms (issue #20): Traditional, Simplified and Cantonese find each other; Vietnamese
keeps its tone and vowel marks unless asked to fold them. On SQLite and on PostgreSQL."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from archive.db import Archive
from archive.ingest.pipeline import Importer
from archive.search import SearchHit, search
from archive.search.text import fold_han, search_forms

# Written for these tests, in the patterns of the corpus (NTREX-128 style news sentences).
RECORDS = [
    {
        "title": "Trad",
        "versions": [{"kind": "original", "language": "zh-Hant", "text": "美國總統昨天發表講話。"}],
    },
    {
        "title": "Simp",
        "versions": [{"kind": "original", "language": "zh-Hans", "text": "美国总统昨天发表讲话。"}],
    },
    {
        "title": "Cantonese",
        "versions": [{"kind": "original", "language": "yue", "text": "點解總統放棄咗咁多?"}],
    },
    {
        "title": "Viet",
        "versions": [{"kind": "original", "language": "vi", "text": "Người Việt ở Hà Nội."}],
    },
    {
        "title": "Write",
        "versions": [
            {"kind": "original", "language": "vi", "text": "Anh ấy viết trên Twitter hôm qua."}
        ],
    },
    {
        "title": "Resume",
        "versions": [{"kind": "original", "language": "fr", "text": "Voici le résumé du débat."}],
    },
]


@pytest.fixture
def archive(any_archive: Archive, tmp_path: Path) -> Archive:
    path = tmp_path / "records.jsonl"
    path.write_text(
        "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in RECORDS), encoding="utf-8"
    )
    outcomes = list(Importer(any_archive, align=False, jobs=1).iter_import([path]))
    assert ["imported"] * len(RECORDS) == [o.outcome for o in outcomes]
    return any_archive


def _titles(archive: Archive, query: str, **kwargs: object) -> list[str]:
    with archive.session() as session:
        hits: list[SearchHit] = search(session=session, query=query, **kwargs)  # type: ignore[arg-type]
    return sorted({h.title for h in hits})


def test_fold_han_keeps_length_and_folds_traditional() -> None:
    assert "总统 点解 总统" == fold_han("總統 點解 总统")
    text = "為什麼川普總統放棄了這麼多東西?"
    assert len(text) == len(fold_han(text))


def test_search_forms_keep_vietnamese_marks_only() -> None:
    assert ("Việt viết", "Viet viet") == search_forms("Việt viết", "vi")
    assert ("Resume", "") == search_forms("Résumé", "fr")


@pytest.mark.parametrize("query", ["總統", "总统", "總统"])
def test_traditional_simplified_and_cantonese_find_each_other(archive: Archive, query: str) -> None:
    assert ["Cantonese", "Simp", "Trad"] == _titles(archive, query)


def test_longer_chinese_query_uses_the_trigram_index_and_folds_too(archive: Archive) -> None:
    assert ["Simp", "Trad"] == _titles(archive, "美國總統")


def test_one_form_only(archive: Archive) -> None:
    assert ["Cantonese", "Trad"] == _titles(archive, "總統", han_variants=False)
    assert ["Simp"] == _titles(archive, "总统", han_variants=False)
    assert ["Trad"] == _titles(archive, "美國總統", han_variants=False)


def test_chinese_snippet_marks_the_other_form(archive: Archive) -> None:
    with archive.session() as session:
        hits = search(session=session, query="总统")
    assert {"美國«總統»昨天發表講話。", "美国«总统»昨天发表讲话。"} <= {h.snippet for h in hits}


def test_vietnamese_marks_are_kept_by_default(archive: Archive) -> None:
    assert ["Viet"] == _titles(archive, "Việt")
    assert ["Viet"] == _titles(archive, "việt")  # case still folds
    assert ["Write"] == _titles(archive, "viết")
    assert [] == _titles(archive, "viet")


def test_vietnamese_marks_folded_when_asked(archive: Archive) -> None:
    assert ["Viet", "Write"] == _titles(archive, "viet", fold_diacritics=True)
    assert ["Viet", "Write"] == _titles(archive, "Việt", fold_diacritics=True)


def test_other_languages_still_fold_diacritics(archive: Archive) -> None:
    assert ["Resume"] == _titles(archive, "resume")
    assert ["Resume"] == _titles(archive, "RÉSUMÉ")


def test_vietnamese_phrase_and_prefix(archive: Archive) -> None:
    assert ["Viet"] == _titles(archive, '"Hà Nội"')
    assert [] == _titles(archive, '"Ha Noi"')
    assert ["Viet"] == _titles(archive, '"Ha Noi"', fold_diacritics=True)
    assert ["Write"] == _titles(archive, "viế*")
