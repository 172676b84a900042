"""Real first lines of news pages from hosts in no gold set, one shape each (the lines a
headline reader must not take, and the headlines it must keep beside them): the reader runs
on each and must read off what an archivist reads (``benchmarks/data/shape-lines/``)."""

from __future__ import annotations

import pytest

from archive.ingest.textpage import parse_text_page
from tests.unit.ingest.shape_lines import shape_cases, shape_records

RECORDS = shape_records("headlines")


def test_every_record_names_its_source_shape_and_expectation() -> None:
    for record in RECORDS:
        assert record["source"].startswith("http")
        assert record["line"].strip()
        assert record["shape"]
        assert "headline" in record["expect"]


@pytest.mark.parametrize("record", shape_cases("headlines"))
def test_the_reader_reads_the_headline_an_archivist_reads(record: dict[str, object]) -> None:
    expect = record["expect"]
    assert isinstance(expect, dict)
    parsed = parse_text_page(str(record["line"]), language=str(record["language"]))

    assert expect["headline"] == parsed.title
