"""Steps the terminal UI tests share: wait for the app, open an article, press keys."""

from __future__ import annotations

from typing import Any

from textual.pilot import Pilot

from tui.app import ArchiveApp
from tui.screens.article import ArticleScreen


async def settle(pilot: Pilot[Any]) -> None:
    """Let workers finish and their results reach the screen."""
    for _ in range(4):
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()


async def open_article(pilot: Pilot[Any], app: ArchiveApp, article_id: int) -> ArticleScreen:
    """Push an article's screen and wait until it shows."""
    app.push_screen(ArticleScreen(app.archive, article_id))
    await settle(pilot)
    assert isinstance(app.screen, ArticleScreen)
    return app.screen


async def press(pilot: Pilot[Any], *keys: str) -> None:
    """Press keys one by one, letting each key's work finish before the next."""
    for key in keys:
        await pilot.press(key)
        await settle(pilot)
