"""``archive db``: where the archive lives, making and upgrading it, moving it (``info``, ``init``,
``upgrade``, ``copy``)."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Annotated, Any

import typer

from archive.cli._common import (
    DbOption,
    JsonOption,
    _stderr_console,
    app,
    echo,
    emit_json,
    fail,
    opened,
    safe_text,
)

db_app = typer.Typer(
    help="The archive's database: what it is (info), making (init) and upgrading (upgrade) it, "
    "and moving it to another one (copy).\n\n"
    "Example: archive db copy --to postgresql://archivist@db.example.org/archive",
    no_args_is_help=True,
    rich_markup_mode=None,
)
app.add_typer(db_app, name="db")


@db_app.command("info")
def info_command(db: DbOption = None, as_json: JsonOption = False) -> None:
    """Show the archive's URL (without password), engine, schema revision and row counts.

    Example: ARCHIVE_DB=postgresql://archivist@db.example.org/archive archive db info --json
    """
    from archive.dbcopy import archive_info

    with opened(db, mode="read", upgrade=False) as archive:
        info = archive_info(archive)
    if as_json:
        emit_json(info.to_json())
        return
    state = "up to date" if info.revision == info.head else f"newest is {info.head}"
    echo(f"archive: {info.url}")
    echo(f"engine:  {info.dialect}")
    echo(f"schema:  {info.revision} ({state})")
    for name, count in info.counts.items():
        echo(f"  {name:<16} {count:>10,}")


@db_app.command("init")
def init_command(db: DbOption = None) -> None:
    """Create an empty archive (or upgrade an existing one to the newest schema).

    Example: archive db init --db ~/archives/myanmar.db
    """
    from archive.db import schema_head

    with opened(db, mode="create") as archive:
        echo(f"archive ready at {safe_text(_shown(archive.url))} (schema {schema_head()})")


@db_app.command("upgrade")
def upgrade_command(db: DbOption = None) -> None:
    """Upgrade an existing archive to the newest schema (read commands never do it themselves).

    Example: archive db upgrade --db team.db
    """
    from archive.db import schema_head

    with opened(db, mode="write") as archive:
        echo(f"{safe_text(_shown(archive.url))}: schema {schema_head()}")


def _shown(url: str) -> str:
    from archive.db import locate

    where = locate(url)
    return str(where.path) if where.path is not None else where.shown


@contextmanager
def _progress_bar(enabled: bool) -> Iterator[Any]:
    """A Rich progress bar on stderr (a terminal only), as a `archive.dbcopy.Progress`."""
    console = _stderr_console()
    if not enabled or not console.is_terminal:
        yield None
        return
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

    with Progress(
        TextColumn("{task.description:<20}"),
        BarColumn(),
        MofNCompleteColumn(),
        console=console,
        transient=True,
    ) as progress:
        tasks: dict[str, Any] = {}

        def update(table: str, done: int, total: int) -> None:
            if table not in tasks:
                tasks[table] = progress.add_task(table, total=total or None)
            progress.update(tasks[table], completed=done, total=total or None)

        yield update


@db_app.command("copy")
def copy_command(
    to: Annotated[
        str,
        typer.Option(
            "--to",
            help="The target: a PostgreSQL URL (or an SQLite file path).",
            show_default=False,
        ),
    ],
    db: DbOption = None,
    force: Annotated[
        bool, typer.Option("--force", help="Replace what a non-empty target holds.")
    ] = False,
    as_json: JsonOption = False,
) -> None:
    """Copy the whole archive to another database, ids kept, then verify it.

    Every table is copied in batches (services, people, articles, versions, credits,
    segments, alignments and their checked marks, raw import blobs, import records), the
    search index is rebuilt on the target, and the row counts and the sha256 of every
    version and raw blob are checked. A non-empty target is refused unless --force.

    Example: archive db copy --db ~/archive.db --to postgresql://archivist@db.example.org/archive
    """
    from archive.dbcopy import copy_archive

    with (
        opened(db, mode="read") as source,
        opened(to, mode="create") as target,
        _progress_bar(not as_json) as progress,
    ):
        try:
            report = copy_archive(source, target, force=force, progress=progress)
        except ValueError as exc:
            fail(str(exc))
    if as_json:
        emit_json(
            {
                "rows": report.rows,
                "versions_verified": report.versions_verified,
                "blobs_verified": report.blobs_verified,
                "search_rows": report.search_rows,
                "replaced": report.replaced,
                "seconds": round(report.seconds, 3),
            }
        )
        return
    echo(report.summary())
