"""``archive beads``: list an article's beads with their ids, and edit them as the reader does
(confirm, merge, split, move a sentence, unmatch, re-align around confirmed beads, undo, redo).

Every edit records who made it (``--reviewer``, else ``ARCHIVE_REVIEWER``, else the config
file; never the login) and is refused when no name is set.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Annotated, Any

import typer

from archive.cli._common import DbOption, JsonOption, app, echo, emit_json, opened, safe_line

if TYPE_CHECKING:
    from sqlmodel import Session

    from archive.models import Edit


class _ListByDefault(typer.core.TyperGroup):
    """``archive beads 12`` is ``archive beads list 12``: a number where a verb goes lists."""

    def parse_args(self, ctx: Any, args: list[str]) -> list[str]:
        if args and args[0].lstrip("-").isdigit():
            args = ["list", *args]
        return super().parse_args(ctx, args)


HELP = (
    "List and edit the beads of an article's alignments, as the reader does.\n\n"
    "Example: archive beads 12 --json && archive beads merge 345 --reviewer 'Daw Khin'"
)
beads_app = typer.Typer(cls=_ListByDefault, help=HELP, no_args_is_help=True, rich_markup_mode=None)
app.add_typer(beads_app, name="beads", help=HELP)

ReviewerOption = Annotated[
    str | None,
    typer.Option(
        "--reviewer",
        help="Who makes the edit (default: $ARCHIVE_REVIEWER, else reviewer in the config file).",
        show_default=False,
    ),
]
BeadArgument = Annotated[int, typer.Argument(help="The bead's id (see archive beads ARTICLE_ID).")]
SideOption = Annotated[
    str, typer.Option("--side", help="Which side's sentence: src (left) or tgt (right).")
]


def _pair(value: str | None) -> tuple[int, int] | None:
    if value is None:
        return None
    left, sep, right = value.partition(":")
    if not sep or not left.strip().isdigit() or not right.strip().isdigit():
        raise typer.BadParameter(f"{value!r} is not SRC_ID:TGT_ID (two version ids)")
    return int(left), int(right)


def _side(value: str) -> Any:
    if value not in ("src", "tgt"):
        raise typer.BadParameter(f"--side {value!r}: src or tgt")
    return value


@beads_app.command("list")
def list_command(
    article_id: Annotated[int, typer.Argument(help="The article.")],
    pair: Annotated[
        str | None,
        typer.Option("--pair", help="Only the alignment of these versions: SRC_ID:TGT_ID."),
    ] = None,
    db: DbOption = None,
    as_json: JsonOption = False,
) -> None:
    """List the beads of an article's alignments: id, sentences of each side, score, confirmed.

    Sentence numbers are 0-based, per version. ``archive beads ARTICLE_ID`` is the same.

    Example: archive beads 12 --pair 31:32 --json
    """
    from archive.beads import article_beads

    wanted = _pair(pair)
    with opened(db, mode="read") as archive, archive.session() as session:
        alignments = article_beads(session, article_id=article_id, pair=wanted)
        data = [a.to_json() for a in alignments]
        texts = [[(b.src_text, b.tgt_text) for b in a.beads] for a in alignments]
    if as_json:
        emit_json({"article_id": article_id, "alignments": data})
        return
    if not data:
        echo(f"article {article_id} has no alignment (archive align {article_id} makes one)")
    for alignment, pairs in zip(data, texts, strict=True):
        echo(
            f"alignment {alignment['id']}: version {alignment['src_version_id']} → "
            f"{alignment['tgt_version_id']}, {alignment['confirmed']} of {alignment['total']} "
            "confirmed"
        )
        for bead, (src_text, tgt_text) in zip(alignment["beads"], pairs, strict=True):
            mark = f"✓ {safe_line(bead['by'] or '')}" if bead["confirmed"] else ""
            echo(
                f"  #{bead['id']:<6} {_range(bead['src']):>7} ↔ {_range(bead['tgt']):<7} "
                f"{bead['kind']:<4} {bead['score']:.2f} {mark}".rstrip()
            )
            echo(f"      {_short(src_text)} │ {_short(tgt_text)}")


def _range(seqs: list[int]) -> str:
    if not seqs:
        return "–"
    return str(seqs[0]) if len(seqs) == 1 else f"{seqs[0]}-{seqs[-1]}"


def _short(text: str, width: int = 36) -> str:
    line = safe_line(text)
    return line if len(line) <= width else line[: width - 1] + "…"


def _edit(
    db: str | None,
    reviewer: str | None,
    as_json: bool,
    make: Callable[[Session, str], Edit | None],
) -> None:
    """Run one bead edit in one transaction and report what it did."""
    from archive.beads import article_beads
    from archive.reviewer import require_reviewer

    name = require_reviewer(reviewer)
    with opened(db) as archive:
        with archive.session() as session, session.begin():
            edit = make(session, name)
            entry = None
            if edit is not None:
                from archive.history import EditEntry

                entry = EditEntry.of(edit)
        beads: list[dict[str, Any]] = []
        if entry is not None and entry.article_id is not None:
            with archive.session() as session:
                beads = [
                    a.to_json()
                    for a in article_beads(session, article_id=entry.article_id)
                    if a.id == entry.target_id
                ]
    if as_json:
        emit_json(
            {"edit": entry.to_json() if entry else None, "alignment": beads[0] if beads else None}
        )
        return
    if entry is None:
        echo("nothing to change")
        return
    summary = f"{entry.action}: edit {entry.id} by {safe_line(entry.reviewer)}"
    if beads:
        summary += (
            f"; alignment {beads[0]['id']} has {beads[0]['total']} beads, "
            f"{beads[0]['confirmed']} confirmed"
        )
    echo(summary)


@beads_app.command("confirm")
def confirm_command(
    bead: BeadArgument,
    through: Annotated[
        bool, typer.Option("--through", help="Confirm every bead up to this one too.")
    ] = False,
    reviewer: ReviewerOption = None,
    db: DbOption = None,
    as_json: JsonOption = False,
) -> None:
    """Mark a bead confirmed by you (re-aligning keeps it as it is).

    Example: archive beads confirm 345 --through --reviewer 'Daw Khin'
    """
    from archive.beads import confirm_bead, confirm_beads_through

    call = confirm_beads_through if through else confirm_bead
    _edit(db, reviewer, as_json, lambda s, name: call(s, link_id=bead, reviewer=name))


@beads_app.command("unconfirm")
def unconfirm_command(
    bead: BeadArgument,
    reviewer: ReviewerOption = None,
    db: DbOption = None,
    as_json: JsonOption = False,
) -> None:
    """Take the confirmed mark off a bead.

    Example: archive beads unconfirm 345
    """
    from archive.beads import unconfirm_bead

    _edit(db, reviewer, as_json, lambda s, name: unconfirm_bead(s, link_id=bead, reviewer=name))


@beads_app.command("merge")
def merge_command(
    bead: BeadArgument,
    previous: Annotated[
        bool, typer.Option("--previous", help="Merge with the bead before (default: after).")
    ] = False,
    reviewer: ReviewerOption = None,
    db: DbOption = None,
    as_json: JsonOption = False,
) -> None:
    """Merge a bead with the next one (or the previous one).

    Example: archive beads merge 345 --previous
    """
    from archive.beads import merge_next, merge_previous

    call = merge_previous if previous else merge_next
    _edit(db, reviewer, as_json, lambda s, name: call(s, link_id=bead, reviewer=name))


@beads_app.command("split")
def split_command(
    bead: BeadArgument,
    src_at: Annotated[
        int | None,
        typer.Option("--src-at", help="Source sentence the second bead starts at (0-based)."),
    ] = None,
    tgt_at: Annotated[
        int | None,
        typer.Option("--tgt-at", help="Target sentence the second bead starts at (0-based)."),
    ] = None,
    reviewer: ReviewerOption = None,
    db: DbOption = None,
    as_json: JsonOption = False,
) -> None:
    """Split a bead in two: by default after its first sentence on each side.

    Example: archive beads split 345 --src-at 7 --tgt-at 5
    """
    from archive.beads import split_bead

    _edit(
        db,
        reviewer,
        as_json,
        lambda s, name: split_bead(s, link_id=bead, reviewer=name, src_at=src_at, tgt_at=tgt_at),
    )


@beads_app.command("move")
def move_command(
    bead: BeadArgument,
    side: SideOption = "tgt",
    down: Annotated[
        bool,
        typer.Option(
            "--down/--up",
            help="--up: the bead's first sentence joins the bead before (default); "
            "--down: its last sentence joins the bead after.",
        ),
    ] = False,
    reviewer: ReviewerOption = None,
    db: DbOption = None,
    as_json: JsonOption = False,
) -> None:
    """Move a bead's first sentence up into the previous bead, or its last one down.

    Example: archive beads move 345 --side tgt --up
    """
    from archive.beads import move_bead_down, move_bead_up

    which = _side(side)
    call = move_bead_down if down else move_bead_up
    _edit(db, reviewer, as_json, lambda s, name: call(s, link_id=bead, side=which, reviewer=name))


@beads_app.command("unmatch")
def unmatch_command(
    bead: BeadArgument,
    side: SideOption = "tgt",
    at: Annotated[
        int | None,
        typer.Option("--at", help="The sentence (0-based; default: the bead's first on SIDE)."),
    ] = None,
    reviewer: ReviewerOption = None,
    db: DbOption = None,
    as_json: JsonOption = False,
) -> None:
    """Mark a sentence as answering nothing: it becomes a 1-0 or 0-1 bead of its own.

    Example: archive beads unmatch 345 --side src
    """
    from archive.beads import unmatch_sentence

    which = _side(side)
    _edit(
        db,
        reviewer,
        as_json,
        lambda s, name: unmatch_sentence(s, link_id=bead, side=which, reviewer=name, at=at),
    )


@beads_app.command("realign")
def realign_command(
    article_id: Annotated[int, typer.Argument(help="The article.")],
    pair: Annotated[
        str | None,
        typer.Option("--pair", help="Only the alignment of these versions: SRC_ID:TGT_ID."),
    ] = None,
    reviewer: ReviewerOption = None,
    db: DbOption = None,
    as_json: JsonOption = False,
) -> None:
    """Align again around the confirmed beads: they stay as they are, the gaps are re-aligned.

    One edit per alignment changed (undo takes it back).

    Example: archive beads realign 12 --pair 31:32
    """
    from archive.beads import article_beads, realign_around_confirmed
    from archive.history import EditEntry
    from archive.reviewer import require_reviewer

    name = require_reviewer(reviewer)
    wanted = _pair(pair)
    edits: list[dict[str, Any]] = []
    with opened(db) as archive, archive.session() as session, session.begin():
        for alignment in article_beads(session, article_id=article_id, pair=wanted):
            edit = realign_around_confirmed(session, alignment_id=alignment.id, reviewer=name)
            if edit is not None:
                edits.append(EditEntry.of(edit).to_json())
    if as_json:
        emit_json({"article_id": article_id, "edits": edits})
    else:
        echo(f"{len(edits)} alignment(s) changed; confirmed beads kept as they were")


@beads_app.command("undo")
def undo_command(
    edit_id: Annotated[int, typer.Argument(help="The bead edit (see archive history).")],
    reviewer: ReviewerOption = None,
    db: DbOption = None,
    as_json: JsonOption = False,
) -> None:
    """Undo a bead edit (later edits of the same alignment first).

    Example: archive beads undo 17
    """
    from archive.beads import undo_bead_edit

    _edit(db, reviewer, as_json, lambda s, name: undo_bead_edit(s, edit_id=edit_id, reviewer=name))


@beads_app.command("redo")
def redo_command(
    edit_id: Annotated[int, typer.Argument(help="The undone bead edit.")],
    reviewer: ReviewerOption = None,
    db: DbOption = None,
    as_json: JsonOption = False,
) -> None:
    """Make an undone bead edit again (recorded as a new edit).

    Example: archive beads redo 17
    """
    from archive.beads import redo_bead_edit

    _edit(db, reviewer, as_json, lambda s, name: redo_bead_edit(s, edit_id=edit_id, reviewer=name))
