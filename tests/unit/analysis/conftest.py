"""Real text for the analysis tests: NTREX-128 documents and the myanmar-tools Zawgyi pairs."""

from __future__ import annotations

from pathlib import Path

import pytest

from archive.analysis.ntrex import NtrexDocument, read_documents

NTREX = Path("/work/shared/data/ntrex128")
MYANMAR_TOOLS = Path("/work/shared/data/myanmar-tools")


def _need(path: Path) -> Path:
    if not path.exists():
        pytest.skip(f"{path} is not on this machine")
    return path


@pytest.fixture(scope="session")
def ntrex() -> Path:
    return _need(NTREX)


@pytest.fixture(scope="session")
def myanmar_tools() -> Path:
    return _need(MYANMAR_TOOLS)


def ntrex_document(root: Path, code: str, index: int) -> NtrexDocument:
    return read_documents(root, code)[index]
