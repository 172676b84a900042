"""The ``archive`` command: parses arguments, calls one library function, renders the result.

This package is the only part of ``archive`` that prints or imports the UI libraries (typer,
rich). Each module registers its commands on the one `app`; errors from the library become one
line on stderr and exit status 1; bad usage exits 2.
"""

from __future__ import annotations

import os
import sys
from typing import Annotated

import typer

from archive.cli import core  # noqa: F401  (registers the commands)
from archive.cli._common import app, safe_text
from archive.errors import ArchiveError

__all__ = ["app", "main"]


def _register_optional() -> None:
    """Command groups of optional parts register themselves if their module is present."""
    import importlib

    for name in ("align", "search", "export", "mt", "dbadmin"):
        try:
            importlib.import_module(f"archive.cli.{name}")
        except ModuleNotFoundError as exc:
            if exc.name != f"archive.cli.{name}":
                raise


_register_optional()


def _print_version(value: bool) -> None:
    if value:
        from importlib.metadata import PackageNotFoundError, version

        try:
            number = version("translation-archive")
        except PackageNotFoundError:  # run from a source tree that was never installed
            number = "unknown"
        typer.echo(f"archive {number}")
        raise typer.Exit()


@app.callback()
def _root(
    show_version: Annotated[
        bool,
        typer.Option(
            "--version",
            callback=_print_version,
            is_eager=True,
            help="Print the archive's version and exit.",
        ),
    ] = False,
) -> None:
    """Options of the ``archive`` command itself (the commands are registered above)."""


#: Modules of the optional extras: which extra brings each, and what it is for.
_EXTRA_OF = {
    "ctranslate2": ("mt", "machine translation"),
    "sentencepiece": ("mt", "machine translation"),
    "argostranslate": ("mt", "machine translation"),
    "psycopg": ("postgres", "a PostgreSQL archive"),
}


def main() -> None:
    """Entry point of the ``archive`` console script."""
    try:
        app(prog_name="archive")
    except ArchiveError as exc:
        typer.echo(f"archive: {safe_text(str(exc))}", err=True)
        sys.exit(1)
    except ModuleNotFoundError as exc:
        extra = _EXTRA_OF.get((exc.name or "").partition(".")[0])
        if extra is None or os.environ.get("ARCHIVE_DEBUG"):
            raise
        typer.echo(
            f"archive: {extra[1]} needs the optional '{extra[0]}' dependencies "
            f"(missing: {exc.name}); install them with: "
            f"pip install 'translation-archive[{extra[0]}]'",
            err=True,
        )
        sys.exit(1)
    except KeyboardInterrupt:
        typer.echo("archive: interrupted", err=True)
        sys.exit(130)
    except Exception as exc:  # last resort: one line, never a traceback, unless asked
        if os.environ.get("ARCHIVE_DEBUG"):
            raise
        typer.echo(
            f"archive: internal error: {type(exc).__name__}: {safe_text(str(exc))[:300]} "
            "(set ARCHIVE_DEBUG=1 for a traceback)",
            err=True,
        )
        sys.exit(1)
