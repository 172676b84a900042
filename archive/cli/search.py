"""``archive search``: full-text search in every script, with provenance filters."""

from __future__ import annotations

from typing import Annotated, Any

import typer

from archive.cli._common import (
    DbOption,
    JsonOption,
    app,
    echo,
    emit_json,
    opened,
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
    offset: Annotated[
        int, typer.Option(min=0, max=2**63 - 1, help="Skip this many hits (paging).")
    ] = 0,
    raw: Annotated[
        bool, typer.Option("--raw", help="Pass QUERY to SQLite FTS5 as it is (FTS5 syntax).")
    ] = False,
    one_form: Annotated[
        bool,
        typer.Option(
            "--one-form",
            help="Chinese: find only the form typed (Traditional or Simplified); by default "
            "each finds the other (Cantonese too).",
        ),
    ] = False,
    fold_diacritics: Annotated[
        bool,
        typer.Option(
            "--fold-diacritics",
            help="Vietnamese: let words without tone and vowel marks find words with them "
            "(by default Việt does not find viết).",
        ),
    ] = False,
    as_json: JsonOption = False,
) -> None:
    """Search the text of every version, best match first (Zawgyi text is found in Unicode).

    A query may start with a dash (an exclusion such as -police): every word that is not one
    of this command's options is part of the query, and so is everything after --.

    Example: archive search 'defect translator:"Khin Maung Nyane" year:2021' --lang en
    """
    from archive.search import search

    with opened(db, mode="read") as archive, archive.session() as session:
        hits = search(
            session=session,
            query=query,
            lang=lang,
            kind=kind,
            limit=limit,
            offset=offset,
            raw=raw,
            han_variants=not one_form,
            fold_diacritics=fold_diacritics,
        )
    if as_json:
        emit_json([hit.to_json() for hit in hits])
        return
    if not hits:
        echo("No matches.")
        return
    from archive.display import readable_line

    echo(f"{'article':>7}  {'version':>7}  {'lang':<8} {'kind':<11} {'score':>7}  snippet")
    for hit in hits:
        echo(
            f"{hit.article_id:>7}  {hit.version_id:>7}  {hit.language[:8]:<8} {hit.kind[:11]:<11} "
            f"{hit.score:>7.2f}  {readable_line(hit.snippet)}"
        )
        echo(f"{'':>36}{readable_line(hit.title)[:70]}  (sentence {hit.segment_seq + 1})")


def dash_queries(args: list[str]) -> list[str]:
    """``archive search`` arguments with every word that is not one of the command's options
    joined into the one query after ``--``: ``archive search story -police`` searches for
    "story -police" instead of failing on an unknown option ``-p``. Other commands' arguments
    are returned unchanged."""
    if not args or args[0] != "search":
        return args
    command: Any = typer.main.get_command(app)  # typer's own (vendored) click objects
    options: dict[str, Any] = {}
    for param in command.commands["search"].params:
        if param.param_type_name == "option":
            for name in (*param.opts, *param.secondary_opts):
                options[name] = param
    kept: list[str] = ["search"]
    words: list[str] = []
    rest = iter(args[1:])
    for arg in rest:
        if arg == "--":
            words.extend(rest)
            break
        name = arg.split("=", 1)[0]
        if arg == "--help" or name in options:
            kept.append(arg)
            option = options.get(name)
            if option is not None and not option.is_flag and "=" not in arg:
                kept.append(next(rest, ""))
            continue
        words.append(arg)
    return [*kept, "--", " ".join(words)] if words else kept
