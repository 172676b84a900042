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
from sqlalchemy.exc import SQLAlchemyError

from archive.cli import core  # noqa: F401  (registers the commands)
from archive.cli._common import app, echo, safe_line
from archive.errors import ArchiveError

__all__ = ["app", "main"]


def _register_optional() -> None:
    """Command groups of optional parts register themselves if their module is present."""
    import importlib

    for name in ("align", "search", "export", "mt", "dbadmin", "beads", "link", "edit"):
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
        echo(f"archive {number}")
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


def _arguments() -> list[str]:
    try:
        from archive.cli.search import dash_queries
    except ModuleNotFoundError:
        return sys.argv[1:]
    return dash_queries(sys.argv[1:])


def main() -> None:
    """Entry point of the ``archive`` console script."""
    try:
        app(args=_arguments(), prog_name="archive")
    except ArchiveError as exc:
        echo(f"archive: {safe_line(str(exc))}", err=True)
        sys.exit(1)
    except ModuleNotFoundError as exc:
        extra = _EXTRA_OF.get((exc.name or "").partition(".")[0])
        if extra is None or os.environ.get("ARCHIVE_DEBUG"):
            raise
        echo(
            f"archive: {extra[1]} needs the optional '{extra[0]}' dependencies "
            f"(missing: {exc.name}); install them with: "
            f"pip install 'translation-archive[{extra[0]}]'",
            err=True,
        )
        sys.exit(1)
    except UnicodeEncodeError as exc:  # undecodable bytes of an argument (lone surrogates)
        if os.environ.get("ARCHIVE_DEBUG"):
            raise
        bad = safe_line(exc.object[exc.start : exc.end])
        echo(f"archive: an argument holds bytes that are not UTF-8 text ({bad})", err=True)
        sys.exit(1)
    except SQLAlchemyError as exc:  # one line naming the problem, never the SQL
        reason = str(getattr(exc, "orig", None) or type(exc).__name__).splitlines()[0]
        if "readonly" in reason.replace(" ", "") or "read-only" in reason:
            reason = "the archive is read-only, and this command writes to it"
        echo(f"archive: database error: {safe_line(reason)}", err=True)
        sys.exit(1)
    except OverflowError:  # an id or offset beyond what the database's integers hold
        echo(
            "archive: a number given is too large: ids, offsets and counts are at most "
            f"{2**63 - 1} (64 bits)",
            err=True,
        )
        sys.exit(2)
    except KeyboardInterrupt:
        echo("archive: interrupted", err=True)
        sys.exit(130)
    except Exception as exc:  # last resort: one line, never a traceback, unless asked
        if os.environ.get("ARCHIVE_DEBUG"):
            raise
        echo(
            f"archive: internal error: {type(exc).__name__}: {safe_line(str(exc))[:300]} "
            "(set ARCHIVE_DEBUG=1 for a traceback)",
            err=True,
        )
        sys.exit(1)
