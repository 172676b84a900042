"""Commands over the archive's content: import, list, show, people, services, analyze, browse."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import astuple
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

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
)
from archive.errors import ArchiveError, UnnamedService, VersionNotInArticle

if TYPE_CHECKING:
    from archive.provenance import ArticleDetail

# --------------------------------------------------------------------------- import


@app.command("import")
def import_command(
    paths: Annotated[
        list[Path],
        typer.Argument(help="Files or folders (.txt, .html, .jsonl, .warc, .warc.gz, .wacz)."),
    ],
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
    link: Annotated[
        bool,
        typer.Option(
            "--link",
            help="Then link what the import brought to its counterparts (as `link --auto`).",
        ),
    ] = False,
) -> None:
    """Import saved pages, JSONL records and web archives; re-running an import changes nothing.

    Each article (its versions, segments, credits and alignments) is stored in one
    transaction, so an interrupted import leaves only whole articles; run it again to finish.
    From a WARC or WACZ, each HTML page is read like a saved page and keeps its capture (URI,
    time, record id, digest, file and offset); images, scripts and index pages are counted
    and skipped.

    Example: archive import ~/pages/ records.jsonl crawl.warc.gz
    """
    from archive.ingest.cpus import default_jobs, one_blas_thread

    jobs = jobs if jobs is not None else default_jobs()
    if jobs > 1:
        one_blas_thread()  # before the importer loads numpy
    from archive.ingest.pipeline import Importer, iter_files
    from archive.mt import mt_translator

    names = ("imported", "revised", "duplicate", "failed", "skipped")
    counts = dict.fromkeys(names, 0)
    outcomes = []  # kept only for --json: a plain import's memory must not grow with its size
    brought: list[int] = []  # article ids, only for --link

    def record(outcome: Any) -> None:
        counts[outcome.outcome] = counts.get(outcome.outcome, 0) + 1
        if as_json:
            outcomes.append(outcome)
        if link and outcome.article_id is not None and outcome.outcome in ("imported", "revised"):
            brought.append(outcome.article_id)
        _report_failure(outcome)

    try:
        with opened(db, mode="create") as archive:
            importer = Importer(
                archive,
                analyze=not no_analyze,
                align=not no_align and not no_analyze,
                jobs=jobs,
                translator_for=mt_translator,
            )
            files = list(iter_files(paths))
            console = _stderr_console()
            stream = (
                _with_progress(importer, files, console)
                if console.is_terminal and not as_json and files
                else importer.iter_import(files)
            )
            with _stop_on_ctrl_c() as stop:
                for outcome in stream:
                    record(outcome)
                    if stop:
                        raise KeyboardInterrupt
            aligned = importer.aligned
            web = importer.warc
            linked = _link_brought(archive, brought, quiet=as_json) if link else None
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
                **({"warc": web.as_json()} if web.read else {}),
                **({"links": linked} if linked is not None else {}),
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
        if web.read:
            echo(web.summary())
        if linked is not None:
            from archive.cli.link import print_links

            print_links(linked)
    if counts["failed"] or importer.stopped:
        raise typer.Exit(1)


def _link_brought(archive: Any, article_ids: list[int], *, quiet: bool) -> list[dict[str, Any]]:
    """``import --link``: confirm the confident suggestions for the articles just imported."""
    if not article_ids:
        return []
    from archive.cli.link import link_confident

    return link_confident(archive, quiet=quiet, article_ids=article_ids)


def _with_progress(importer: Any, files: list[Any], console: Any) -> Any:
    """The import's outcomes, with a progress bar on stderr: bytes read of the whole input,
    records (articles or JSONL lines) done, their rate, and the time left by bytes."""
    import time

    from rich.markup import escape
    from rich.progress import (
        BarColumn,
        DownloadColumn,
        Progress,
        TextColumn,
        TimeRemainingColumn,
    )

    total = sum(p.stat().st_size for p in files if isinstance(p, Path) and p.is_file())
    started = time.monotonic()
    with Progress(
        TextColumn("importing"),
        BarColumn(),
        DownloadColumn(),
        TextColumn("{task.fields[records]}"),
        TimeRemainingColumn(),
        TextColumn("{task.description}"),
        console=console,
        transient=True,
    ) as progress:
        task = progress.add_task("", total=max(total, 1), records="0 records")
        for done, outcome in enumerate(importer.iter_import(files), start=1):
            rate = done / max(time.monotonic() - started, 1e-6)
            progress.update(
                task,
                advance=outcome.size,
                records=f"{done:,} records, {rate:,.1f}/s",
                description=escape(safe_line(Path(outcome.source).name)[:40]),  # never markup
            )
            yield outcome


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
    person: Annotated[
        str | None,
        typer.Option(
            help="A person credited on the article: whole name parts, any order, any case, "
            'aliases too ("Khin Maung" finds Khin Maung Nyane).'
        ),
    ] = None,
    role: Annotated[
        str | None,
        typer.Option(
            help="reporter | translator | writer | editor | contributor | photographer |"
            " narrator | source."
        ),
    ] = None,
    lang: Annotated[str | None, typer.Option(help="A language of one of its versions.")] = None,
    since: Annotated[str | None, typer.Option(help="YYYY[-MM[-DD]], inclusive.")] = None,
    until: Annotated[str | None, typer.Option(help="YYYY[-MM[-DD]], inclusive.")] = None,
    as_json: JsonOption = False,
) -> None:
    """List articles, filtered by provenance.

    Example: archive list --person "Khin Maung Nyane" --role translator
    """
    from archive.provenance import ArticleFilter, ArticleRow, list_articles
    from archive.search.query import read_role

    if role is not None:
        try:
            read_role(role)
        except ValueError as exc:
            raise typer.BadParameter(str(exc), param_hint="--role") from None
    filters = ArticleFilter(
        service=service,
        person=person,
        role=role,
        language=lang,
        since=parse_day(since, end=False),
        until=parse_day(until, end=True),
    )
    with opened(db, mode="read") as archive, archive.session() as session:
        try:
            rows = list_articles(session=session, filters=filters)
        except UnnamedService as exc:  # a filter that names nothing ("--service ' '")
            raise typer.BadParameter(str(exc)) from None
    if as_json:
        emit_json(
            [{k: v for k, v in r.to_json().items() if k in ArticleRow.LIST_KEYS} for r in rows]
        )
        return
    if not rows:
        filtered = any(v is not None for v in astuple(filters))
        echo("No articles match." if filtered else "The archive is empty.")
        return
    from archive.display import readable_line

    for r in rows:
        echo(
            f"{r.id:>6}  {r.date or '----------'}  {readable_line(r.title)[:70]}  "
            f"[{readable_line(r.service or '-')}; {safe_line(', '.join(r.languages))}]"
        )


@app.command("show")
def show_command(
    article_id: Annotated[int, typer.Argument(help="The article's id (see `archive list`).")],
    db: DbOption = None,
    as_json: JsonOption = False,
    text_of: Annotated[
        int | None,
        typer.Option(
            "--text",
            metavar="VERSION_ID",
            help="Print only this version's text, in Unicode (Zawgyi converted); the stored "
            "text is unchanged (--json has it exactly).",
        ),
    ] = None,
    derived: Annotated[
        bool,
        typer.Option(
            "--derived",
            help="With --text: the derived form search and alignment use (Unicode, NFC, "
            "zero-width characters removed, Burmese sign order normalised).",
        ),
    ] = False,
) -> None:
    """Show an article: its service, credits and every version with its text.

    Text is shown in Unicode: Zawgyi-encoded Burmese is converted for display only.

    Example: archive show 1 --json   /   archive show 1 --text 1
    """
    from archive.display import readable, readable_line
    from archive.provenance import get_article

    if derived and text_of is None:
        raise typer.BadParameter("--derived needs --text VERSION_ID", param_hint="--derived")
    if text_of is not None and as_json:
        raise typer.BadParameter("--text prints text, not JSON: give one of them")
    with opened(db, mode="read") as archive, archive.session() as session:
        data = get_article(session=session, article_id=article_id)
    if text_of is not None:
        _print_version_text(data, text_of, derived=derived)
        return
    if as_json:
        emit_json(data.to_json())
        return
    echo(f"#{data.id}  {readable_line(data.title)}")
    echo(f"date: {data.date or 'unknown'}")
    if data.service:
        s = data.service
        details = ", ".join(x for x in (s.organization, s.language) if x)
        echo(f"service: {readable_line(s.name)}" + (f" ({details})" if details else ""))
    for c in data.credits:
        echo(f"  {c.role:<12} {readable_line(c.name)}  ({c.kind})")
    for v in data.versions:
        extra = f", derived from #{v.derived_from}" if v.derived_from else ""
        engine = f", engine {v.engine}" if v.engine else ""
        shown = ", shown in Unicode" if v.encoding == "zawgyi" else ""
        echo("")
        echo(
            f"--- version #{v.id}: {v.kind}, {safe_line(v.language)} "
            f"({v.script or '?'}, {v.encoding or '?'}{shown}){extra}{engine}"
        )
        for capture in v.captures:
            echo(
                safe_line(
                    f"captured {capture['time'] or '(time unknown)'} from {capture['uri']} "
                    f"({capture['file']} @{capture['offset']})"
                )
            )
        echo(readable(v.text or ""))


def _print_version_text(data: ArticleDetail, version_id: int, *, derived: bool) -> None:
    """One version's text of the article in ``data``: Unicode for display, or its derived form."""
    from archive.analysis import derive_text
    from archive.display import readable

    version = data.version(version_id)
    if version is None:
        known = ", ".join(f"#{v.id}" for v in data.versions) or "none"
        raise VersionNotInArticle(data.id, version_id, known=known)
    text = version.text or ""
    echo(readable(derive_text(text) if derived else text))


def _articles(n: int) -> str:
    return f"{n:>4} article" + ("" if n == 1 else "s")


@app.command("people")
def people_command(
    query: Annotated[
        str | None,
        typer.Argument(
            help="Only people with these name parts (any order, any case, aliases too); "
            "the whole name first."
        ),
    ] = None,
    db: DbOption = None,
    as_json: JsonOption = False,
) -> None:
    """List everyone credited, with their roles and article counts.

    Example: archive people "khin maung"   /   archive people --json
    """
    from archive.display import readable_line
    from archive.provenance import list_people

    with opened(db, mode="read") as archive, archive.session() as session:
        rows = list_people(session=session, query=query)
    if as_json:
        emit_json([r.to_json() for r in rows])
        return
    if not rows:
        echo("No one matches." if query is not None else "No one is credited yet.")
        return
    for r in rows:
        roles = ", ".join(f"{role} {n}" for role, n in sorted(r.roles.items()))
        echo(f"{r.id:>5}  {readable_line(r.name):<30} {_articles(r.articles)}  {roles}")


@app.command("services")
def services_command(db: DbOption = None, as_json: JsonOption = False) -> None:
    """List the language services, with their languages and article counts.

    Example: archive services
    """
    from archive.provenance import list_services

    with opened(db, mode="read") as archive, archive.session() as session:
        rows = list_services(session=session)
    if as_json:
        emit_json([r.to_json() for r in rows])
        return
    for r in rows:
        echo(
            f"{r.id:>4}  {safe_line(r.name):<32} {safe_line(r.language or '-'):<4} "
            f"{safe_line(r.organization or '-'):<18} {_articles(r.articles)}"
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

    Offsets are Python string indices into each file's text as decoded; for an HTML page,
    into its story as import extracts it. With --stored, the archive's own versions imported
    with --no-analyze are analysed instead (then run `archive align --all` to align them).

    Example: archive analyze article.txt --json
    """
    if stored:
        _analyze_stored(files or [], db=db, as_json=as_json)
        return
    if not files:
        raise typer.BadParameter("name at least one file (or use --stored)", param_hint="FILES")
    paths = [Path(name) for name in files]
    from archive.analysis import analyze_text
    from archive.ingest.readers import MAX_PAGE_BYTES, page_story, read_capped

    results: list[dict[str, Any]] = []
    failed = False
    for path in paths:
        try:
            text, decoded, title = page_story(path, read_capped(path, MAX_PAGE_BYTES))
        except OSError as exc:
            echo(f"archive: {safe_line(path)}: cannot read ({exc.strerror})", err=True)
            failed = True
            continue
        except ArchiveError as exc:
            echo(f"archive: {safe_line(exc)}", err=True)
            failed = True
            continue
        analysis = analyze_text(text, title=title)
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
    from archive.ingest.annotate import analyze_stored

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

    archive = open_archive(db, mode="write")
    try:
        from tui.app import make_app
    except ImportError:
        archive.close()
        list_command(db=db)
        return
    make_app(archive).run()
    archive.close()
