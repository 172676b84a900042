"""Fixtures for the aligner tests: a held-out NTREX-128 document in eleven languages."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

DATA = Path(__file__).parent / "data"


@pytest.fixture(scope="session")
def ntrex() -> dict[str, list[str]]:
    """One NTREX-128 document (CC BY-SA 4.0), line-aligned, Burmese already in Unicode."""
    raw = json.loads((DATA / "ntrex_sample.json").read_text(encoding="utf-8"))
    return {k: v for k, v in raw.items() if isinstance(v, list)}
