"""Real credit lines from hosts in no gold set (``benchmarks/data/shape-lines/
credits-native.jsonl``): the text page reader reads each line's credits, and a credit line
that shares its excerpt with story text leaves the story (stored as furniture)."""

from __future__ import annotations

from typing import Any

import pytest

from archive.ingest.textpage import parse_text_page
from tests.unit.ingest.shape_lines import shape_cases


@pytest.mark.parametrize("record", shape_cases("credits-native"))
def test_a_real_credit_line_is_read(record: dict[str, Any]) -> None:
    page = parse_text_page(record["line"], language=record["language"])
    found = [[e.role, e.name] for e in (page.credits.entries if page.credits else ())]
    for credit in record["expect"]["credits"]:
        assert credit in found
    for name in record["expect"].get("not_credited", []):
        assert name not in [n for _, n in found]
    if (line := record["expect"].get("furniture")) is not None:
        assert line not in page.body
        assert line in page.dropped or page.credit_line == line
