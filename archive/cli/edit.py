"""``archive edit``, ``history``, ``undo``, ``people merge|split``, ``services merge|split``:
correcting provenance, with every correction recorded and undoable."""

from __future__ import annotations

from typing import Annotated, Any

import typer
from typer.core import TyperGroup

from archive.cli import core  # noqa: F401  (registers `people` and `services`, regrouped below)
from archive.cli._common import DbOption, JsonOption, app, echo, emit_json, opened, safe_line

ReviewerOption = Annotated[
    str | None,
    typer.Option(
        "--reviewer",
        help="Who makes the change (default: $ARCHIVE_REVIEWER, else reviewer in the config file).",
        show_default=False,
    ),
]


class _ListByDefault(TyperGroup):
    """A group whose ``list`` command runs when the first argument names no other command:
    ``archive people "khin maung"`` and ``archive people --json`` keep working beside
    ``archive people merge A B``."""

    def parse_args(self, ctx: Any, args: list[str]) -> list[str]:
        if not args or (args[0] not in self.commands and args[0] not in ctx.help_option_names):
            args = ["list", *args]
        return super().parse_args(ctx, args)


def _listing_group(name: str, help_text: str) -> typer.Typer:
    """A group ``archive NAME`` whose ``list`` is the former ``archive NAME`` command."""
    info = next(c for c in app.registered_commands if c.name == name)
    app.registered_commands.remove(info)
    group = typer.Typer(cls=_ListByDefault, help=help_text, no_args_is_help=False)
    assert info.callback is not None
    group.command("list")(info.callback)
    app.add_typer(group, name=name)
    return group


people_app = _listing_group(
    "people",
    "List everyone credited (the default), merge two people into one, split them again.\n\n"
    'Example: archive people "khin maung"   /   archive people merge 3 7 --reviewer "Daw Khin"',
)
services_app = _listing_group(
    "services",
    "List the language services (the default), merge two into one, split them again.\n\n"
    "Example: archive services   /   archive services merge rfa-burmese 12",
)


def _split_pair(value: str, option: str, *, number_first: bool) -> tuple[Any, str]:
    left, sep, right = value.partition(":")
    if not sep or not left.strip() or not right.strip():
        raise typer.BadParameter(
            f"{value!r}: expected {'ID' if number_first else 'ROLE'}:VALUE", param_hint=option
        )
    if number_first:
        if not left.strip().isdigit():
            raise typer.BadParameter(f"{value!r}: {left!r} is not an id", param_hint=option)
        return int(left), right.strip()
    return left.strip(), right.strip()


def _entries(edits: list[Any]) -> list[Any]:
    from archive.history import EditEntry

    return [EditEntry.of(e) for e in edits if e is not None]


def _print_edits(entries: list[Any], as_json: bool) -> None:
    """The edits made (printed once their transaction is committed)."""
    from archive.curation.describe import describe_edit

    if as_json:
        emit_json([e.to_json() for e in entries])
        return
    if not entries:
        echo("Nothing changed: the archive already holds these values.")
    for entry in entries:
        echo(f"edit {entry.id}: {safe_line(describe_edit(entry))}")


def _print_editable(data: dict[str, Any]) -> None:
    from archive.display import readable_line

    echo(f"#{data['id']}  {readable_line(data['title'])}")
    echo(f"date: {data['date'] or 'unknown'}   captured: {data['captured'] or 'unknown'}")
    service = data["service"]["name"] if data["service"] else "none"
    echo(f"service: {readable_line(service)}")
    for c in data["credits"]:
        on = f" (version #{c['version_id']})" if c["version_id"] else ""
        echo(f"  credit #{c['id']:<5} {c['role']:<12} {readable_line(c['name'])}{on}")
    for v in data["versions"]:
        derived = f", derived from #{v['derived_from']}" if v["derived_from"] else ""
        echo(f"  version #{v['id']:<4} {v['kind']}, {safe_line(v['language'])}{derived}")


@app.command("edit")
def edit_command(
    article_id: Annotated[int, typer.Argument(help="The article's id (see `archive list`).")],
    title: Annotated[str | None, typer.Option("--title", help="The correct title.")] = None,
    date: Annotated[
        str | None,
        typer.Option("--date", metavar="YYYY-MM-DD|none", help="The publication date."),
    ] = None,
    captured: Annotated[
        str | None,
        typer.Option("--captured", metavar="YYYY-MM-DD|none", help="The date the page was saved."),
    ] = None,
    service: Annotated[
        str | None,
        typer.Option(
            "--service", metavar="KEY|none", help="The originating service (id, key or name)."
        ),
    ] = None,
    add_credit: Annotated[
        list[str] | None,
        typer.Option("--add-credit", metavar="ROLE:NAME", help="Credit a person or service."),
    ] = None,
    remove_credit: Annotated[
        list[int] | None,
        typer.Option("--remove-credit", metavar="CREDIT_ID", help="Remove a credit."),
    ] = None,
    credit_role: Annotated[
        list[str] | None,
        typer.Option("--credit-role", metavar="CREDIT_ID:ROLE", help="Change a credit's role."),
    ] = None,
    credit_person: Annotated[
        list[str] | None,
        typer.Option(
            "--credit-person", metavar="CREDIT_ID:NAME", help="Give a credit to someone else."
        ),
    ] = None,
    version_language: Annotated[
        list[str] | None,
        typer.Option("--version-language", metavar="VERSION_ID:LANG", help="A version's language."),
    ] = None,
    version_kind: Annotated[
        list[str] | None,
        typer.Option(
            "--version-kind",
            metavar="VERSION_ID:KIND",
            help="original | translation | published | machine.",
        ),
    ] = None,
    derived_from: Annotated[
        list[str] | None,
        typer.Option(
            "--derived-from",
            metavar="VERSION_ID:VERSION_ID|none",
            help="Which version of the article a version was made from.",
        ),
    ] = None,
    reviewer: ReviewerOption = None,
    db: DbOption = None,
    as_json: JsonOption = False,
) -> None:
    """Correct an article's provenance; each change is an edit in `archive history`.

    All changes of one call are made together or not at all. With no change given, lists the
    article's credit and version ids. Stored text is never changed.

    Example: archive edit 22 --date 2021-09-21 --add-credit translator:"Khin Maung Nyane"
    """
    from archive.curation.articles import parse_edit_date
    from archive.curation.batch import ArticleChanges, apply_changes
    from archive.reviewer import require_reviewer

    changes = ArticleChanges(
        title=title,
        add_credits=[_split_pair(v, "--add-credit", number_first=False) for v in add_credit or []],
        remove_credits=list(remove_credit or []),
        credit_roles=[
            _split_pair(v, "--credit-role", number_first=True) for v in credit_role or []
        ],
        credit_people=[
            _split_pair(v, "--credit-person", number_first=True) for v in credit_person or []
        ],
        version_languages=[
            _split_pair(v, "--version-language", number_first=True) for v in version_language or []
        ],
        version_kinds=[
            _split_pair(v, "--version-kind", number_first=True) for v in version_kind or []
        ],
    )
    for value in derived_from or []:
        vid, parent_ref = _split_pair(value, "--derived-from", number_first=True)
        if parent_ref.lower() != "none" and not parent_ref.isdigit():
            raise typer.BadParameter(
                f"{value!r}: {parent_ref!r} is not an id", param_hint="--derived-from"
            )
        changes.derived_from.append(
            (vid, None if parent_ref.lower() == "none" else int(parent_ref))
        )
    if date is not None:
        changes.date = parse_edit_date("--date", date)
    if captured is not None:
        changes.captured = parse_edit_date("--captured", captured)
    if service is not None:
        changes.service = None if service.strip().lower() == "none" else service
    if changes.empty():
        from archive.provenance import get_article

        with opened(db, mode="read") as archive, archive.session() as session:
            data = get_article(session=session, article_id=article_id, with_text=False).to_json()
        if as_json:
            emit_json(data)
        else:
            _print_editable(data)
        return
    who = require_reviewer(reviewer)
    with opened(db) as archive, archive.session() as session, session.begin():
        made = apply_changes(session, article_id=article_id, changes=changes, reviewer=who)
        entries = _entries(made)
    _print_edits(entries, as_json)


@app.command("history")
def history_command(
    article_id: Annotated[
        int | None, typer.Argument(help="The article's id; none: every edit in the archive.")
    ] = None,
    db: DbOption = None,
    as_json: JsonOption = False,
) -> None:
    """Every edit of an article (or of the archive): who, when, what was before and after.

    Merges of people and services are listed with the articles whose credits they moved.

    Example: archive history 22   /   archive history 22 --json
    """
    from archive.curation.describe import describe_edit
    from archive.history import all_history, article_history
    from archive.provenance import get_article

    with opened(db, mode="read") as archive, archive.session() as session:
        if article_id is None:
            entries = all_history(session)
        else:
            get_article(session=session, article_id=article_id, with_text=False)
            entries = article_history(session, article_id)
    if as_json:
        emit_json([e.to_json() for e in entries])
        return
    if not entries:
        echo("No edits yet.")
        return
    for e in entries:
        undone = (
            f"  [undone {e.undone_at:%Y-%m-%d %H:%M} by {safe_line(e.undone_by)}]"
            if e.undone_at
            else ""
        )
        echo(
            f"{e.id:>5}  {e.at:%Y-%m-%d %H:%M}  {safe_line(e.reviewer)}  "
            f"{safe_line(describe_edit(e))}{undone}"
        )


@app.command("undo")
def undo_command(
    edit_id: Annotated[int, typer.Argument(help="The edit's id (see `archive history`).")],
    reviewer: ReviewerOption = None,
    db: DbOption = None,
) -> None:
    """Undo one edit, unless a later edit changed the same record (undo that one first).

    Example: archive undo 12 --reviewer "Daw Khin"
    """
    from archive.history import undo_edit
    from archive.reviewer import require_reviewer

    who = require_reviewer(reviewer)
    with opened(db) as archive, archive.session() as session, session.begin():
        undo_edit(session, edit_id, by=who)
    echo(f"edit {edit_id} undone")


@people_app.command("merge")
def people_merge_command(
    keep: Annotated[str, typer.Argument(help="The person to keep (id or exact name).")],
    absorb: Annotated[str, typer.Argument(help="The person merged into it (id or exact name).")],
    reviewer: ReviewerOption = None,
    db: DbOption = None,
    as_json: JsonOption = False,
) -> None:
    """Merge two people into one: ABSORB's credits move to KEEP, its spellings become aliases.

    Example: archive people merge "Khin Maung Nyane" "Khin M. Nyane" --reviewer "Daw Khin"
    """
    from archive.curation import merge_people
    from archive.reviewer import require_reviewer

    who = require_reviewer(reviewer)
    with opened(db) as archive, archive.session() as session, session.begin():
        entries = _entries([merge_people(session, keep=keep, absorb=absorb, reviewer=who)])
    _print_edits(entries, as_json)


@people_app.command("split")
def people_split_command(
    person: Annotated[str, typer.Argument(help="The person a merge kept (id or exact name).")],
    reviewer: ReviewerOption = None,
    db: DbOption = None,
) -> None:
    """Split the latest merge into a person: the other comes back with its id and credits.

    Example: archive people split 3 --reviewer "Daw Khin"
    """
    from archive.curation import split_person
    from archive.reviewer import require_reviewer

    who = require_reviewer(reviewer)
    with opened(db) as archive, archive.session() as session, session.begin():
        edit_id = split_person(session, person=person, reviewer=who).id
    echo(f"edit {edit_id} undone: the merge is split")


@services_app.command("merge")
def services_merge_command(
    keep: Annotated[str, typer.Argument(help="The service to keep (id, key or name).")],
    absorb: Annotated[str, typer.Argument(help="The service merged into it.")],
    reviewer: ReviewerOption = None,
    db: DbOption = None,
    as_json: JsonOption = False,
) -> None:
    """Merge two services into one: ABSORB's articles and credits move to KEEP.

    Example: archive services merge rfa-burmese 12 --reviewer "Daw Khin"
    """
    from archive.curation import merge_services
    from archive.reviewer import require_reviewer

    who = require_reviewer(reviewer)
    with opened(db) as archive, archive.session() as session, session.begin():
        entries = _entries([merge_services(session, keep=keep, absorb=absorb, reviewer=who)])
    _print_edits(entries, as_json)


@services_app.command("split")
def services_split_command(
    service: Annotated[str, typer.Argument(help="The service a merge kept (id, key or name).")],
    reviewer: ReviewerOption = None,
    db: DbOption = None,
) -> None:
    """Split the latest merge into a service: the other comes back with its articles.

    Example: archive services split rfa-burmese --reviewer "Daw Khin"
    """
    from archive.curation import split_service
    from archive.reviewer import require_reviewer

    who = require_reviewer(reviewer)
    with opened(db) as archive, archive.session() as session, session.begin():
        edit_id = split_service(session, service=service, reviewer=who).id
    echo(f"edit {edit_id} undone: the merge is split")
