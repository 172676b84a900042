"""``archive link``: suggest, confirm, reject and undo links between an original and its English
story, and ``link --auto`` (also run by ``import --link``)."""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, Annotated, Any

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
    parse_day,
)

if TYPE_CHECKING:
    from archive.db import Archive

link_app = typer.Typer(
    help=(
        "Link an original to its English story when they were collected separately.\n\n"
        "Example: archive link suggest --since 2021-03 && archive link confirm 12 40"
    ),
    invoke_without_command=True,
    no_args_is_help=False,
    rich_markup_mode=None,
)
app.add_typer(link_app, name="link")

ServiceOption = Annotated[str | None, typer.Option("--service", help="Service name, key or alias.")]
SinceOption = Annotated[str | None, typer.Option(help="YYYY[-MM[-DD]], inclusive.")]
UntilOption = Annotated[str | None, typer.Option(help="YYYY[-MM[-DD]], inclusive.")]
ReviewerOption = Annotated[
    str | None,
    typer.Option(
        "--reviewer",
        help="Who decides (default: $ARCHIVE_REVIEWER, else the configured reviewer).",
        show_default=False,
    ),
]


def reviewer(explicit: str | None) -> str | None:
    """The person deciding: ``--reviewer``, else ARCHIVE_REVIEWER, else the config file."""
    from archive.reviewer import reviewer_name

    return reviewer_name(explicit)


def _required_reviewer(explicit: str | None, verb: str) -> str:
    name = reviewer(explicit)
    if not name:
        fail(f"link {verb}: say who decides: --reviewer NAME (or set ARCHIVE_REVIEWER)", code=2)
    return name


@contextmanager
def _progress(label: str, quiet: bool) -> Iterator[Callable[[int, int], None] | None]:
    """A rich progress bar on stderr (when it is a terminal and the output is not JSON)."""
    console = _stderr_console()
    if quiet or not console.is_terminal:
        yield None
        return
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

    with Progress(
        TextColumn(label), BarColumn(), MofNCompleteColumn(), console=console, transient=True
    ) as bar:
        task = bar.add_task("", total=None)

        def update(done: int, total: int) -> None:
            bar.update(task, completed=done, total=total)

        yield update


def link_confident(
    archive: Archive,
    *,
    quiet: bool,
    service: str | None = None,
    since: str | None = None,
    until: str | None = None,
    article_ids: Collection[int] | None = None,
) -> list[dict[str, Any]]:
    """Confirm the confident suggestions (progress on stderr unless ``quiet``); the links made,
    as `link_json` shapes them."""
    from archive.linking.auto import auto_link
    from archive.provenance import link_json

    with _progress("finding links", quiet) as progress:
        links = auto_link(
            archive,
            service=service,
            since=parse_day(since, end=False),
            until=parse_day(until, end=True),
            article_ids=article_ids,
            progress=progress,
        )
    return [link_json(link) for link in links]


def print_links(links: list[dict[str, Any]]) -> None:
    """One line per link made, then how many."""
    from archive.display import plural

    for link in links:
        how = f"auto, score {link['score']:.2f}" if link["score"] is not None else link["method"]
        echo(f"linked article {link['english']} into {link['original']} (link {link['id']}, {how})")
    echo(f"{plural(len(links), 'link')} made")


@link_app.callback()
def link_root(
    ctx: typer.Context,
    auto: Annotated[
        bool,
        typer.Option(
            "--auto",
            help="Confirm the confident suggestions (mutual best, clear margin) and print them.",
        ),
    ] = False,
    service: ServiceOption = None,
    since: SinceOption = None,
    until: UntilOption = None,
    db: DbOption = None,
    as_json: JsonOption = False,
) -> None:
    """Link an original to its English story collected separately; ``--auto`` links the sure ones.

    Example: archive link --auto --service "RFA Burmese"
    """
    if ctx.invoked_subcommand is not None:
        if auto:
            raise typer.BadParameter("--auto takes no command after it", param_hint="--auto")
        return
    if not auto:
        echo(ctx.get_help())
        raise typer.Exit(2)
    with opened(db) as archive:
        links = link_confident(archive, quiet=as_json, service=service, since=since, until=until)
    if as_json:
        emit_json(links)
    else:
        print_links(links)


@link_app.command("suggest")
def suggest_command(
    service: ServiceOption = None,
    since: SinceOption = None,
    until: UntilOption = None,
    db: DbOption = None,
    as_json: JsonOption = False,
) -> None:
    """List likely English counterparts of articles with only an original (and the reverse),
    best first, with the evidence; rejected pairs are never listed.

    Example: archive link suggest --service "RFA Burmese" --since 2021-03 --json
    """
    from archive.linking.auto import pending_suggestions

    with (
        opened(db, mode="read") as archive,
        archive.session() as session,
        _progress("scoring", as_json) as progress,
    ):
        suggestions = pending_suggestions(
            session,
            service=service,
            since=parse_day(since, end=False),
            until=parse_day(until, end=True),
            progress=progress,
        )
        titles = _titles(session, {i for s in suggestions for i in (s.article_id, s.candidate_id)})
    if as_json:
        emit_json([s.to_json() for s in suggestions])
        return
    if not suggestions:
        echo("No suggestions.")
        return
    from archive.display import readable_line

    for s in suggestions:
        sure = "*" if s.mutual_best else " "
        original = readable_line(titles.get(s.article_id))[:34]
        english = readable_line(titles.get(s.candidate_id))[:34]
        echo(
            f"{s.score:.2f}{sure} {s.article_id:>6} {original:<34}  {s.candidate_id:>6} "
            f"{english:<34}  {_evidence_line(s.evidence)}"
        )
    echo("(* each is the other's best candidate; confirm with: archive link confirm A B)")


def _titles(session: Any, ids: set[int]) -> dict[int, str]:
    from sqlmodel import col, select

    from archive.models import Article

    if not ids:
        return {}
    rows = session.exec(select(Article.id, Article.title).where(col(Article.id).in_(ids))).all()
    return {int(i): str(t) for i, t in rows}


def _evidence_line(evidence: dict[str, object]) -> str:
    from archive.terminaltext import one_line

    parts = []
    for key, value in evidence.items():
        if isinstance(value, list | tuple | set):
            value = len(value)
        elif isinstance(value, float):
            value = f"{value:.2f}"
        parts.append(f"{key}={value}")
    return one_line(" ".join(parts))[:80]


@link_app.command("confirm")
def confirm_command(
    a: Annotated[int, typer.Argument(help="One article (the original or the English).")],
    b: Annotated[int, typer.Argument(help="The other article.")],
    by: ReviewerOption = None,
    db: DbOption = None,
    as_json: JsonOption = False,
) -> None:
    """Make one article of an original and its English story (undo with `archive link undo`).

    The original's article keeps its id and gains the English version (derived from the
    original), its credits, URLs and import records; the new pair is aligned.

    Example: archive link confirm 12 40 --reviewer "Khin Maung Nyane"
    """
    from archive.linking.links import confirm_link
    from archive.provenance import link_json

    name = _required_reviewer(by, "confirm")
    with opened(db) as archive, archive.session() as session, session.begin():
        link = confirm_link(session, a, b, by=name, method="manual")
        shown = link_json(link)
    if as_json:
        emit_json(shown)
    else:
        echo(f"linked article {shown['english']} into {shown['original']} (link {shown['id']})")


@link_app.command("reject")
def reject_command(
    a: Annotated[int, typer.Argument(help="One article (the original or the English).")],
    b: Annotated[int, typer.Argument(help="The other article.")],
    by: ReviewerOption = None,
    db: DbOption = None,
    as_json: JsonOption = False,
) -> None:
    """Remember that two articles are not a story and its translation: never suggested again.

    Example: archive link reject 12 41 --reviewer "Khin Maung Nyane"
    """
    from archive.linking.links import reject_link

    name = _required_reviewer(by, "reject")
    with opened(db) as archive, archive.session() as session, session.begin():
        rejection = reject_link(session, a, b, by=name)
        shown = {
            "original": rejection.original_id,
            "english": rejection.english_id,
            "by": rejection.by,
            "at": rejection.created_at.isoformat(),
        }
    if as_json:
        emit_json(shown)
    else:
        echo(f"articles {shown['original']} and {shown['english']} will not be suggested again")


@link_app.command("undo")
def undo_command(
    link_id: Annotated[int, typer.Argument(help="The link's id (printed when it was made).")],
    by: ReviewerOption = None,
    db: DbOption = None,
    as_json: JsonOption = False,
) -> None:
    """Give back the two articles a link joined, exactly as they were (same ids and content).

    Example: archive link undo 3
    """
    from archive.linking.links import undo_link

    with opened(db) as archive, archive.session() as session, session.begin():
        link = undo_link(session, link_id, by=reviewer(by))
        shown = {"id": link.id, "original": link.original_id, "english": link.english_id}
    if as_json:
        emit_json(shown)
    else:
        echo(f"link {shown['id']} undone: articles {shown['original']} and {shown['english']}")
