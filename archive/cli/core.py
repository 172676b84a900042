"""Commands over the archive's content: import, list, show, people, services, analyze, browse."""

from __future__ import annotations

from dataclasses import astuple
from pathlib import Path
from typing import Annotated, Any

import typer

from archive.cli._common import (
    DbOption,
    JsonOption,
    _stderr_console,
    app,
    emit_json,
    opened,
    parse_day,
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
                    progress.update(task, description=path.name[:40])
                    progress.advance(task)

                for outcome in importer.iter_import(files, progress=advance):
                    record(outcome)
        else:
            for outcome in importer.iter_import(files):
                record(outcome)
        aligned = importer.aligned
    if importer.stopped:
        typer.echo(f"archive: import stopped: {safe_text(importer.stopped)}", err=True)
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
        typer.echo(
            f"{counts['imported']} imported, {counts['revised']} updated, "
            f"{counts['duplicate']} already present, {counts['failed']} failed, "
            f"{counts['skipped']} skipped"
        )
    if counts["failed"] or importer.stopped:
        raise typer.Exit(1)


def _report_failure(outcome: Any) -> None:
    if outcome.outcome == "failed":
        typer.echo(
            f"archive: {safe_text(outcome.where)}: {safe_text(outcome.detail or '')}", err=True
        )
    elif outcome.outcome == "skipped":
        typer.echo(f"archive: {safe_text(outcome.where)}: skipped, {outcome.detail}", err=True)


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
        rows = list_articles(session=session, filters=filters)
    if as_json:
        emit_json(
            [{k: r[k] for k in ("id", "title", "date", "service", "languages")} for r in rows]
        )
        return
    if not rows:
        filtered = any(v is not None for v in astuple(filters))
        typer.echo("No articles match." if filtered else "The archive is empty.")
        return
    for r in rows:
        typer.echo(
            f"{r['id']:>6}  {r['date'] or '----------'}  {safe_text(r['title'])[:70]}  "
            f"[{safe_text(r['service'] or '-')}; {', '.join(r['languages'])}]"
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
    typer.echo(f"#{data['id']}  {safe_text(data['title'])}")
    typer.echo(f"date: {data['date'] or 'unknown'}")
    if data["service"]:
        s = data["service"]
        typer.echo(f"service: {s['name']} ({s['organization'] or '-'}, {s['language'] or '-'})")
    for c in data["credits"]:
        typer.echo(f"  {c['role']:<12} {safe_text(c['name'])}  ({c['kind']})")
    for v in data["versions"]:
        extra = f", derived from #{v['derived_from']}" if v["derived_from"] else ""
        engine = f", engine {v['engine']}" if v["engine"] else ""
        typer.echo("")
        typer.echo(
            f"--- version #{v['id']}: {v['kind']}, {v['language']} "
            f"({v['script'] or '?'}, {v['encoding'] or '?'}){extra}{engine}"
        )
        typer.echo(safe_text(v["text"]))


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
        typer.echo(f"{r['id']:>5}  {safe_text(r['name']):<30} {_articles(r['articles'])}  {roles}")


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
        typer.echo(
            f"{r['id']:>4}  {safe_text(r['name']):<32} {r['language'] or '-':<4} "
            f"{r['organization'] or '-':<18} {_articles(r['articles'])}"
        )


# --------------------------------------------------------------------------- analysis


@app.command("analyze")
def analyze_command(
    files: Annotated[list[Path], typer.Argument(help="Text files to analyse.")],
    as_json: JsonOption = False,
) -> None:
    """Language, script, encoding (Zawgyi too), paragraphs and sentences of text files.

    Offsets are Python string indices into each file's text as decoded; for an HTML page,
    into its story as import extracts it.

    Example: archive analyze article.txt --json
    """
    from archive.analysis import analyze_text
    from archive.ingest.readers import page_story

    results: list[dict[str, Any]] = []
    failed = False
    for path in files:
        try:
            text, encoding = page_story(path, path.read_bytes())
        except OSError as exc:
            typer.echo(f"archive: {path}: cannot read ({exc.strerror})", err=True)
            failed = True
            continue
        except ArchiveError as exc:
            typer.echo(f"archive: {safe_text(str(exc))}", err=True)
            failed = True
            continue
        analysis = analyze_text(text)
        data = analysis.to_json()
        data["file"] = str(path)
        data["source_encoding"] = encoding
        results.append(data)
        if not as_json:
            sentences = sum(len(p.sentences) for p in analysis.paragraphs)
            typer.echo(
                f"{path}: {analysis.language or 'unknown'} ({analysis.script or '?'}, "
                f"{analysis.encoding}, confidence {analysis.confidence:.2f}); "
                f"{len(analysis.paragraphs)} paragraphs, {sentences} sentences"
            )
    if as_json:
        emit_json(results[0] if len(files) == 1 and results else results)
    if failed:
        raise typer.Exit(1)


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
