"""``archive search``: full-text search in every script, with provenance filters."""

from __future__ import annotations

from typing import Annotated

import typer

from archive.cli._common import (
    DbOption,
    JsonOption,
    app,
    echo,
    emit_json,
    opened,
    safe_text,
)


@app.command("search")
def search_command(
    query: Annotated[
        str,
        typer.Argument(
            help='Words, "phrases", OR, -exclusion, prefix*, '
            "and filters lang: kind: service: person: role: "
            "year: translator: …"
        ),
    ],
    db: DbOption = None,
    lang: Annotated[str | None, typer.Option(help="Only versions in this language.")] = None,
    kind: Annotated[
        str | None, typer.Option(help="original | translation | published | machine.")
    ] = None,
    limit: Annotated[int, typer.Option(min=1, max=1000, help="At most this many hits.")] = 50,
    offset: Annotated[int, typer.Option(min=0, help="Skip this many hits (paging).")] = 0,
    raw: Annotated[
        bool, typer.Option("--raw", help="Pass QUERY to SQLite FTS5 as it is (FTS5 syntax).")
    ] = False,
    as_json: JsonOption = False,
) -> None:
    """Search the text of every version, best match first (Zawgyi text is found in Unicode).

    Example: archive search 'defect translator:"Khin Maung Nyane" year:2021' --lang en
    """
    from archive.search import search

    with opened(db) as archive, archive.session() as session:
        hits = search(
            session=session,
            query=query,
            lang=lang,
            kind=kind,
            limit=limit,
            offset=offset,
            raw=raw,
        )
    if as_json:
        emit_json([hit.to_json() for hit in hits])
        return
    if not hits:
        echo("No matches.")
        return
    echo(f"{'article':>7}  {'version':>7}  {'lang':<8} {'kind':<11} {'score':>7}  snippet")
    for hit in hits:
        echo(
            f"{hit.article_id:>7}  {hit.version_id:>7}  {hit.language[:8]:<8} {hit.kind[:11]:<11} "
            f"{hit.score:>7.2f}  {safe_text(hit.snippet)}"
        )
        echo(f"{'':>36}{safe_text(hit.title)[:70]}  (sentence {hit.segment_seq + 1})")
