"""What every command module shares: the app, common options, output and error helpers."""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, Annotated, Any, NoReturn

import typer

if TYPE_CHECKING:
    from archive.db import OpenMode

app = typer.Typer(
    name="archive",
    help=(
        "The translation-provenance archive: import news articles in every language, record "
        "who reported, translated and wrote them, align their versions, search and export.\n\n"
        "Example: archive import corpus/ && archive list --person 'Khin Maung Nyane'"
    ),
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    add_completion=False,
    rich_markup_mode=None,
)

DbOption = Annotated[
    str | None,
    typer.Option(
        "--db",
        help="Archive file path or SQLAlchemy URL (default: $ARCHIVE_DB, else archive.db in the "
        "user data directory).",
        show_default=False,
    ),
]
JsonOption = Annotated[
    bool, typer.Option("--json", help="Print one JSON document on stdout and nothing else there.")
]


def fail(message: str, code: int = 1) -> NoReturn:
    """One line on stderr, then exit."""
    echo(f"archive: {safe_line(message)}", err=True)
    raise typer.Exit(code)


def echo(message: str, *, err: bool = False) -> None:
    """The one edge where the CLI prints text: control characters (escape sequences from a
    story, a file name, a package's metadata) are shown as symbols, never sent raw. Values
    that must stay on one line (names, paths) go through `safe_line` first."""
    typer.echo(safe_text(message), err=err)


# JSON escapes control characters below U+0020 itself; these it leaves raw (ensure_ascii=False).
_JSON_RAW_CONTROLS = re.compile("[\x7f-\x9f\u2028\u2029]")


def emit_json(data: Any) -> None:
    """One JSON document on stdout (DEL and C1 controls written as ``\\uXXXX`` escapes, so the
    data is unchanged and no control byte reaches the terminal)."""
    text = json.dumps(data, ensure_ascii=False, indent=2, default=str)
    typer.echo(_JSON_RAW_CONTROLS.sub(lambda m: f"\\u{ord(m.group()):04x}", text))


@contextmanager
def opened(db: str | None, *, mode: OpenMode = "write", upgrade: bool = True) -> Iterator[Any]:
    """Open the archive (see `archive.db.OpenMode`); library errors become one line on stderr.

    Only ``import``, ``db init`` and the target of ``db copy`` open with ``mode="create"``;
    a command that only reads opens with ``mode="read"`` and writes nothing at all.
    """
    from archive.db import open_archive

    archive = open_archive(db, mode=mode, upgrade=upgrade)
    try:
        yield archive
    finally:
        archive.close()


def _stderr_console() -> Any:
    from rich.console import Console

    return Console(stderr=True)


def safe_text(text: str) -> str:
    """Text for a terminal: control characters (escape sequences included) made visible."""
    from archive.terminaltext import visible_controls

    return visible_controls(text)


def safe_line(text: object) -> str:
    """A value from outside (a file name, package metadata) for one line of output: controls,
    newlines and tabs made visible."""
    from archive.terminaltext import one_line

    return one_line(str(text))


def parse_day(value: str | None, *, end: bool) -> dt.date | None:
    """``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``; a year or month means its first (or last) day
    (the rule of ``since:``/``until:`` in the filter language, `archive.search.query`)."""
    if value is None:
        return None
    from archive.search.query import read_date

    try:
        return read_date(value, end=end)
    except ValueError as exc:
        raise typer.BadParameter(str(exc)) from None
