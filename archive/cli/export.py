"""``archive export``: JSONL (lossless), TMX 1.4b, PROV-JSON and PROV Turtle."""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO, Annotated, Any

import typer

from archive.cli._common import DbOption, _stderr_console, app, opened


@contextmanager
def _output(out: str | None, archive_url: str) -> Iterator[IO[bytes]]:
    """The binary stream to write: stdout for ``-`` or no --out, else a new or regular file
    (never the archive's own file), replaced only once the export is complete."""
    if out is None or out == "-":
        yield sys.stdout.buffer
        sys.stdout.buffer.flush()
        return
    from archive.export.output import open_output

    protect = (
        [Path(archive_url.removeprefix("sqlite:///"))]
        if archive_url.startswith("sqlite:///")
        else []
    )
    with open_output(Path(out), protect=protect) as handle:
        yield handle


@contextmanager
def _progress(total: int, label: str) -> Iterator[Callable[[int], None] | None]:
    """A Rich progress bar on stderr when it is a terminal; None otherwise."""
    console = _stderr_console()
    if not console.is_terminal or total == 0:
        yield None
        return
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

    with Progress(
        TextColumn(label), BarColumn(), MofNCompleteColumn(), console=console, transient=True
    ) as progress:
        task = progress.add_task(label, total=total)
        yield lambda done: progress.update(task, completed=done)


@app.command("export")
def export_command(
    article_ids: Annotated[
        list[int] | None, typer.Argument(help="Articles to export (default: all).")
    ] = None,
    fmt: Annotated[
        str, typer.Option("--format", "-f", help="jsonl | tmx | prov-json | prov-ttl.")
    ] = "jsonl",
    out: Annotated[
        str | None, typer.Option("--out", "-o", help="Output file; '-' or none: stdout.")
    ] = None,
    derived: Annotated[
        bool,
        typer.Option(
            "--derived", help="tmx: write the derived text (Zawgyi converted, NFC, normalised)."
        ),
    ] = False,
    stored: Annotated[
        bool,
        typer.Option(
            "--stored",
            help="tmx: write the stored text exactly (Zawgyi stays Zawgyi); by default Zawgyi "
            "is converted to Unicode, the stored encoding kept in a prop.",
        ),
    ] = False,
    keep_unpaired: Annotated[
        bool,
        typer.Option(
            "--keep-unpaired",
            help="tmx: keep sentences one version added (or dropped) as notes of the nearest "
            "unit; by default they are left out (a unit needs two languages).",
        ),
    ] = False,
    db: DbOption = None,
) -> None:
    """Export articles as JSONL (re-importable), a TMX 1.4b memory, or W3C PROV.

    Example: archive export --format tmx --out archive.tmx
    """
    from archive.export import FORMATS, count_articles

    if fmt not in FORMATS:
        raise typer.BadParameter(
            f"{fmt!r} is not a format (one of: {', '.join(FORMATS)})", param_hint="--format"
        )
    if derived and stored:
        raise typer.BadParameter("--derived and --stored exclude each other", param_hint="--stored")
    ids = list(article_ids or [])
    with opened(db, mode="read") as archive, archive.session() as session:
        total = count_articles(session=session, article_ids=ids or None)
        kwargs: dict[str, Any] = {"session": session, "article_ids": ids or None}
        with _progress(total, f"exporting {fmt}") as progress, _output(out, archive.url) as stream:
            kwargs.update(out=stream, progress=progress)
            if fmt == "jsonl":
                from archive.export.jsonl import export_jsonl

                export_jsonl(**kwargs)
            elif fmt == "tmx":
                from archive.export.tmx import export_tmx

                export_tmx(
                    text="derived" if derived else "stored" if stored else "unicode",
                    unpaired="note" if keep_unpaired else "omit",
                    **kwargs,
                )
            else:
                from archive.export.prov import export_prov

                export_prov(fmt="json" if fmt == "prov-json" else "turtle", **kwargs)
