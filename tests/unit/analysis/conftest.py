"""Real text for the analysis tests: NTREX-128 documents and the myanmar-tools Zawgyi pairs."""

from __future__ import annotations

from pathlib import Path

import pytest

from archive.analysis.ntrex import NtrexDocument, read_documents
from tests.conftest import MYANMAR_TOOLS, NTREX


@pytest.fixture(scope="session")
def ntrex() -> Path:
    return NTREX


@pytest.fixture(scope="session")
def myanmar_tools() -> Path:
    return MYANMAR_TOOLS


def ntrex_document(root: Path, code: str, index: int) -> NtrexDocument:
    return read_documents(root, code)[index]
