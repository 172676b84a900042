"""The archive's own commands in Textual's command palette (ctrl+p)."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING, cast

from textual.command import DiscoveryHit, Hit, Hits, Provider

from archive.listing import SORT_KEYS

if TYPE_CHECKING:
    from tui.app import ArchiveApp

SORT_NAMES = {
    "date": "date",
    "title": "title",
    "service": "service",
    "languages": "languages",
    "translators": "translator",
    "writers": "writer",
}


class ArchiveCommands(Provider):
    """Go to the library, search, people and services, help; sort the library; open #id."""

    def _commands(self) -> list[tuple[str, str, Callable[[], object]]]:
        app = cast("ArchiveApp", self.app)
        commands: list[tuple[str, str, Callable[[], object]]] = [
            ("Library", "All articles, no filter", partial(app.action_library, "")),
            ("Search the archive", "Full-text search in every language", app.action_search),
            ("People and services", "Who translated, wrote, reported what", app.action_people),
            ("Keys", "Every key of every screen", app.action_help),
        ]
        for key in SORT_KEYS:
            commands.append(
                (
                    f"Sort library by {SORT_NAMES[key]}",
                    "Press again to reverse the order",
                    partial(app.action_sort_library, key),
                )
            )
        return commands

    async def discover(self) -> Hits:
        """Offer every command before anything is typed."""
        for name, help_text, callback in self._commands():
            yield DiscoveryHit(name, callback, help=help_text)

    async def search(self, query: str) -> Hits:
        """Commands matching ``query``; ``#123`` (or a bare number) opens article 123."""
        app = cast("ArchiveApp", self.app)
        number = query.strip().lstrip("#")
        if number.isdigit():
            yield Hit(
                1.0,
                f"Open article #{int(number)}",
                partial(app.action_open_article, int(number)),
                help="Read the article with this id",
            )
        matcher = self.matcher(query)
        for name, help_text, callback in self._commands():
            score = matcher.match(name)
            if score > 0:
                yield Hit(score, matcher.highlight(name), callback, help=help_text)
