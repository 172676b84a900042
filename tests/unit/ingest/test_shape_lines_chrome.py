"""Real lines from hosts in no gold set (benchmarks/data/shape-lines/chrome.jsonl), each a
short page excerpt: the page reader moves the target line to the furniture, or keeps it in
the story, as a careful archivist reads it. Lines the reader still gets wrong are marked
``known_miss`` and skipped (counted in docs/line-model.md)."""

from __future__ import annotations

from typing import Any

import pytest

from archive.ingest.textpage import parse_text_page
from tests.unit.ingest.shape_lines import shape_cases


@pytest.mark.parametrize("row", shape_cases("chrome"))
def test_the_reader_places_each_real_line_as_an_archivist_would(row: dict[str, Any]) -> None:
    page = parse_text_page(row["line"], language=row["language"])
    target = row["expect"]["target"]
    if row["expect"]["furniture"]:
        assert target in page.dropped
        assert target not in page.body
    else:
        assert target in page.body
