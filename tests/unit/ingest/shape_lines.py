"""The real lines of ``benchmarks/data/shape-lines/`` (one file per part of the readers:
excerpts from hosts in no gold set, each with what a careful archivist reads off it), as
pytest cases: one per record, named by its shape and opening, a record the readers still
get wrong (``known_miss``) skipped and counted in the part's doc."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

SHAPE_LINES = Path(__file__).resolve().parents[3] / "benchmarks" / "data" / "shape-lines"


def shape_records(part: str) -> list[dict[str, Any]]:
    """Every record of ``shape-lines/PART.jsonl``."""
    text = (SHAPE_LINES / f"{part}.jsonl").read_text(encoding="utf-8")
    return [json.loads(row) for row in text.splitlines() if row.strip()]


def shape_cases(part: str) -> list[Any]:
    """The records of ``part`` as parametrised cases, known misses skipped."""
    return [
        pytest.param(
            record,
            id=f"{record['shape']}-{index}:{record['line'][:24]}",
            marks=[pytest.mark.skip(reason="known miss")] if record.get("known_miss") else [],
        )
        for index, record in enumerate(shape_records(part))
    ]
