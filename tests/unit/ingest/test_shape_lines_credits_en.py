"""Real English credit lines from hosts in no gold set (``benchmarks/data/shape-lines/
credits-en.jsonl``): the text page reader reads each excerpt's person credits — those the
record expects (a role or one of its ``role_alt``) and, where it says ``no_person``, none."""

from __future__ import annotations

from typing import Any

import pytest

from archive.ingest.textpage import parse_text_page
from tests.unit.ingest.shape_lines import shape_cases


@pytest.mark.parametrize("record", shape_cases("credits-en"))
def test_a_real_english_credit_line_is_read(record: dict[str, Any]) -> None:
    page = parse_text_page(record["line"], language=record["language"])
    entries = page.credits.entries if page.credits else ()
    found = {(e.name, e.role) for e in entries if e.kind == "person"}
    expect = record["expect"]
    for role, name in expect["credits"]:
        roles = {role, *expect.get("role_alt", [])}
        assert any((name, r) in found for r in roles), (name, found)
    if expect.get("no_person"):
        assert not found
