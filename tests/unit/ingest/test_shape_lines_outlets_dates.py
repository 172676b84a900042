"""Real lines from hosts in no gold set (``benchmarks/data/shape-lines/outlets-dates.jsonl``):
the outlet a page names and the dates its lines give, read by the real text reader."""

from __future__ import annotations

from typing import Any

import pytest

from archive.identity.services import resolve_service
from archive.ingest.dates import date_line
from archive.ingest.textpage import parse_text_page
from tests.unit.ingest.shape_lines import shape_cases


@pytest.mark.parametrize("row", shape_cases("outlets-dates"))
def test_the_reader_reads_what_an_archivist_reads(row: dict[str, Any]) -> None:
    expect = row["expect"]
    if "service" in expect:
        page = parse_text_page(row["line"], language=row["language"])
        entries = page.credits.entries if page.credits is not None else ()
        keys = {e.service_key for e in entries if e.kind != "person"}
        info = resolve_service(expect["service"])
        assert info is not None and info.key in keys
    if "date" in expect:
        page = parse_text_page(row["line"], language=row["language"])
        read = page.date.isoformat() if page.date is not None else None
        assert read == expect["date"]  # None: the page shows no publication date
    if "date_line" in expect:  # a sentence naming a date is no date line
        for line in row["line"].splitlines():
            assert date_line(line, language=row["language"]) is None
