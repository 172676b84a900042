"""Commands over the archive's content: import, list, show, people, services, analyze, browse."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import astuple
from pathlib import Path
from typing import Annotated, Any

import typer

from archive.cli._common import (
    DbOption,
    JsonOption,
    _stderr_console,
    app,
    echo,
    emit_json,
    opened,
    parse_day,
    safe_line,
    safe_text,
)
from archive.errors import ArchiveError

# --------------------------------------------------------------------------- import


@app.command("import")
def import_command(
    paths: Annotated[list[Path], typer.Argument(help="Files or folders (.txt, .html, .jsonl).")],
    db: DbOption = None,
    as_json: JsonOption = False,
    no_align: Annotated[
        bool, typer.Option("--no-align", help="Do not align new versions (bulk loads).")
    ] = False,
    no_analyze: Annotated[
        bool, typer.Option("--no-analyze", help="Skip language/sentence analysis (bulk loads).")
    ] = False,
    jobs: Annotated[
        int | None,
        typer.Option(
            "--jobs",
            "-j",
            min=1,
            help="Worker processes for analysis and alignment (default: one per CPU, up to 4; "
            "1 = everything in one process).",
        ),
    ] = None,
) -> None:
    """Import saved pages and JSONL records; re-running an import changes nothing.

    Each article (its versions, segments, credits and alignments) is stored in one
    transaction, so an interrupted import leaves only whole articles; run it again to finish.

    Example: archive import ~/pages/ records.jsonl
    """
    from archive.ingest.pipeline import Importer, default_jobs, iter_files

    names = ("imported", "revised", "duplicate", "failed", "skipped")
    counts = dict.fromkeys(names, 0)
    outcomes = []  # kept only for --json: a plain import's memory must not grow with its size

    def record(outcome: Any) -> None:
        counts[outcome.outcome] = counts.get(outcome.outcome, 0) + 1
        if as_json:
            outcomes.append(outcome)
        _report_failure(outcome)

    try:
        with opened(db) as archive:
            importer = Importer(
                archive,
                analyze=not no_analyze,
                align=not no_align and not no_analyze,
                jobs=jobs if jobs is not None else default_jobs(),
            )
            files = list(iter_files(paths))
            console = _stderr_console()
            if console.is_terminal and not as_json and files:
                from rich.markup import escape
                from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

                with Progress(
                    TextColumn("importing"),
                    BarColumn(),
                    MofNCompleteColumn(),
                    TextColumn("{task.description}"),
                    console=console,
                    transient=True,
                ) as progress:
                    task = progress.add_task("", total=len(files))

                    def advance(path: Path, _done: int) -> None:
                        name = escape(safe_line(path.name)[:40])  # a name is never markup
                        progress.update(task, description=name)
                        progress.advance(task)

                    with _stop_on_ctrl_c() as stop:
                        for outcome in importer.iter_import(files, progress=advance):
                            record(outcome)
                            if stop:
                                raise KeyboardInterrupt
            else:
                with _stop_on_ctrl_c() as stop:
                    for outcome in importer.iter_import(files):
                        record(outcome)
                        if stop:
                            raise KeyboardInterrupt
            aligned = importer.aligned
    except KeyboardInterrupt:
        echo(
            f"archive: interrupted; stored before it: {_summary(counts)} (every stored article "
            "is whole; run the same import again to finish)",
            err=True,
        )
        raise typer.Exit(130) from None
    if importer.stopped:
        echo(f"archive: import stopped: {safe_line(importer.stopped)}", err=True)
    if as_json:
        emit_json(
            {
                **counts,
                "aligned": aligned,
                "items": [
                    {
                        "source": o.source,
                        "line": o.line,
                        "outcome": o.outcome,
                        "article_id": o.article_id,
                        "detail": o.detail,
                    }
                    for o in outcomes
                ],
            }
        )
    else:
        echo(_summary(counts))
    if counts["failed"] or importer.stopped:
        raise typer.Exit(1)


@contextmanager
def _stop_on_ctrl_c() -> Iterator[list[int]]:
    """A list that becomes non-empty on the first Ctrl-C, so the import stops between two
    articles and its counts are exact; a second Ctrl-C interrupts at once."""
    import signal
    import threading

    requested: list[int] = []
    if threading.current_thread() is not threading.main_thread():
        yield requested
        return

    def handler(signum: int, _frame: object) -> None:
        requested.append(signum)
        signal.signal(signal.SIGINT, previous)

    previous = signal.signal(signal.SIGINT, handler)
    try:
        yield requested
    finally:
        signal.signal(signal.SIGINT, previous)


def _summary(counts: dict[str, int]) -> str:
    return (
        f"{counts['imported']} imported, {counts['revised']} updated, "
        f"{counts['duplicate']} already present, {counts['failed']} failed, "
        f"{counts['skipped']} skipped"
    )


def _report_failure(outcome: Any) -> None:
    if outcome.outcome == "failed":
        echo(f"archive: {safe_line(outcome.where)}: {safe_line(outcome.detail or '')}", err=True)
    elif outcome.outcome in ("imported", "revised") and outcome.detail:
        echo(f"archive: {safe_line(outcome.where)}: {safe_line(outcome.detail)}", err=True)
    elif outcome.outcome == "skipped":
        echo(f"archive: {safe_line(outcome.where)}: skipped, {safe_line(outcome.detail)}", err=True)


# --------------------------------------------------------------------------- queries


@app.command("list")
def list_command(
    db: DbOption = None,
    service: Annotated[str | None, typer.Option(help="Service name, key or alias.")] = None,
    person: Annotated[str | None, typer.Option(help="A person credited on the article.")] = None,
    role: Annotated[
        str | None,
        typer.Option(help="reporter | translator | writer | editor | contributor."),
    ] = None,
    lang: Annotated[str | None, typer.Option(help="A language of one of its versions.")] = None,
    since: Annotated[str | None, typer.Option(help="YYYY[-MM[-DD]], inclusive.")] = None,
    until: Annotated[str | None, typer.Option(help="YYYY[-MM[-DD]], inclusive.")] = None,
    as_json: JsonOption = False,
) -> None:
    """List articles, filtered by provenance.

    Example: archive list --person "Khin Maung Nyane" --role translator
    """
    from archive.models import Role
    from archive.provenance import ArticleFilter, list_articles

    if role is not None and role.lower() not in {r.value for r in Role}:
        raise typer.BadParameter(
            f"{role!r} is not a role (one of: {', '.join(r.value for r in Role)})",
            param_hint="--role",
        )
    filters = ArticleFilter(
        service=service,
        person=person,
        role=role,
        language=lang,
        since=parse_day(since, end=False),
        until=parse_day(until, end=True),
    )
    with opened(db) as archive, archive.session() as session:
        try:
            rows = list_articles(session=session, filters=filters)
        except ValueError as exc:  # a filter that names nothing ("--service ' '")
            raise typer.BadParameter(str(exc)) from None
    if as_json:
        emit_json(
            [{k: r[k] for k in ("id", "title", "date", "service", "languages")} for r in rows]
        )
        return
    if not rows:
        filtered = any(v is not None for v in astuple(filters))
        echo("No articles match." if filtered else "The archive is empty.")
        return
    for r in rows:
        echo(
            f"{r['id']:>6}  {r['date'] or '----------'}  {safe_line(r['title'])[:70]}  "
            f"[{safe_line(r['service'] or '-')}; {safe_line(', '.join(r['languages']))}]"
        )


@app.command("show")
def show_command(
    article_id: Annotated[int, typer.Argument(help="The article's id (see `archive list`).")],
    db: DbOption = None,
    as_json: JsonOption = False,
) -> None:
    """Show an article: its service, credits and every version with its text.

    Example: archive show 1 --json
    """
    from archive.provenance import get_article

    with opened(db) as archive, archive.session() as session:
        data = get_article(session=session, article_id=article_id)
    if as_json:
        emit_json(data)
        return
    echo(f"#{data['id']}  {safe_line(data['title'])}")
    echo(f"date: {data['date'] or 'unknown'}")
    if data["service"]:
        s = data["service"]
        echo(
            f"service: {safe_line(s['name'])} ({safe_line(s['organization'] or '-')}, "
            f"{safe_line(s['language'] or '-')})"
        )
    for c in data["credits"]:
        echo(f"  {c['role']:<12} {safe_line(c['name'])}  ({c['kind']})")
    for v in data["versions"]:
        extra = f", derived from #{v['derived_from']}" if v["derived_from"] else ""
        engine = f", engine {v['engine']}" if v["engine"] else ""
        echo("")
        echo(
            f"--- version #{v['id']}: {v['kind']}, {safe_line(v['language'])} "
            f"({v['script'] or '?'}, {v['encoding'] or '?'}){extra}{engine}"
        )
        echo(safe_text(v["text"]))


def _articles(n: int) -> str:
    return f"{n:>4} article" + ("" if n == 1 else "s")


@app.command("people")
def people_command(db: DbOption = None, as_json: JsonOption = False) -> None:
    """List everyone credited, with their roles and article counts.

    Example: archive people --json
    """
    from archive.provenance import list_people

    with opened(db) as archive, archive.session() as session:
        rows = list_people(session=session)
    if as_json:
        emit_json(rows)
        return
    for r in rows:
        roles = ", ".join(f"{role} {n}" for role, n in sorted(r["roles"].items()))
        echo(f"{r['id']:>5}  {safe_line(r['name']):<30} {_articles(r['articles'])}  {roles}")


@app.command("services")
def services_command(db: DbOption = None, as_json: JsonOption = False) -> None:
    """List the language services, with their languages and article counts.

    Example: archive services
    """
    from archive.provenance import list_services

    with opened(db) as archive, archive.session() as session:
        rows = list_services(session=session)
    if as_json:
        emit_json(rows)
        return
    for r in rows:
        echo(
            f"{r['id']:>4}  {safe_line(r['name']):<32} {safe_line(r['language'] or '-'):<4} "
            f"{safe_line(r['organization'] or '-'):<18} {_articles(r['articles'])}"
        )


# --------------------------------------------------------------------------- analysis


@app.command("analyze")
def analyze_command(
    files: Annotated[
        list[str] | None,
        typer.Argument(help="Text files to analyse (with --stored: article ids, default all)."),
    ] = None,
    as_json: JsonOption = False,
    stored: Annotated[
        bool,
        typer.Option(
            "--stored",
            help="Analyse the archive's versions imported with --no-analyze (of the articles "
            "given, else all): their sentences replace their paragraphs in the search index.",
        ),
    ] = False,
    db: DbOption = None,
) -> None:
    """Language, script, encoding (Zawgyi too), paragraphs and sentences of text files.

    Offsets are Python string indices into each file's text as decoded. With --stored, the
    archive's own versions imported with --no-analyze are analysed instead (then run
    `archive align --all` to align them).

    Example: archive analyze article.txt --json
    """
    if stored:
        _analyze_stored(files or [], db=db, as_json=as_json)
        return
    if not files:
        raise typer.BadParameter("name at least one file (or use --stored)", param_hint="FILES")
    paths = [Path(name) for name in files]
    from archive.analysis import analyze_text
    from archive.ingest.decode import decode_bytes
    from archive.ingest.readers import MAX_PAGE_BYTES, read_capped

    results: list[dict[str, Any]] = []
    failed = False
    for path in paths:
        try:
            decoded = decode_bytes(read_capped(path, MAX_PAGE_BYTES), source=str(path))
        except OSError as exc:
            echo(f"archive: {safe_line(path)}: cannot read ({exc.strerror})", err=True)
            failed = True
            continue
        except ArchiveError as exc:
            echo(f"archive: {safe_line(exc)}", err=True)
            failed = True
            continue
        analysis = analyze_text(decoded.text)
        data = analysis.to_json()
        data["file"] = str(path)
        data["source_encoding"] = decoded.encoding
        data["repaired_bytes"] = list(decoded.repaired)
        results.append(data)
        if not as_json:
            sentences = sum(len(p.sentences) for p in analysis.paragraphs)
            echo(
                f"{safe_line(path)}: {analysis.language or 'unknown'} "
                f"({analysis.script or '?'}, "
                f"{analysis.encoding}, confidence {analysis.confidence:.2f}); "
                f"{len(analysis.paragraphs)} paragraphs, {sentences} sentences"
            )
            note = decoded.repair_note()
            if note:
                echo(f"archive: {safe_line(path)}: {note}", err=True)
    if as_json:
        emit_json(results[0] if len(paths) == 1 and results else results)
    if failed:
        raise typer.Exit(1)


def _analyze_stored(ids: list[str], *, db: str | None, as_json: bool) -> None:
    from archive.ingest.analyze import analyze_stored

    article_ids = []
    for text in ids:
        if not text.isdecimal():
            raise typer.BadParameter(f"{safe_line(text)!s} is not an article id", param_hint="IDS")
        article_ids.append(int(text))
    with opened(db) as archive, archive.session() as session:
        if article_ids:
            from archive.export import count_articles

            count_articles(session=session, article_ids=article_ids)  # unknown id: one line
        done = analyze_stored(session=session, article_ids=article_ids or None)
    if as_json:
        emit_json({"analyzed": done})
        return
    echo(f"{len(done)} version{'' if len(done) == 1 else 's'} analysed")


# --------------------------------------------------------------------------- browse


@app.command("browse")
def browse_command(db: DbOption = None) -> None:
    """Open the terminal UI on the archive.

    Example: archive browse --db team.db
    """
    from archive.db import open_archive

    archive = open_archive(db)
    try:
        from tui.app import make_app
    except ImportError:
        archive.close()
        list_command(db=db)
        return
    make_app(archive).run()
    archive.close()
