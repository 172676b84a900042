"""Fixtures for the terminal UI tests in this folder (the rest of the folder ignores them)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tui.cells import restore_widths


@pytest.fixture
def anyio_backend() -> str:
    """Textual runs on asyncio."""
    return "asyncio"


@pytest.fixture(autouse=True)
def _rich_widths_back() -> Iterator[None]:
    """The app changes Rich's cell widths while it runs; never leak that into other tests."""
    yield
    restore_widths()
