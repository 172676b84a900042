"""One article: its provenance, and two of its versions read side by side, bead by bead."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any, ClassVar

from rich.text import Text
from textual import events, on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import Screen
from textual.widgets import Footer, Header, Static
from textual.worker import get_current_worker

from archive.alignments import AlignmentView, spans
from archive.alignments import edits as beads
from archive.db import Archive
from archive.display import readable_line
from archive.errors import ArchiveError, ArticleNotFound, ReviewerUnknown
from archive.mt.target import translation_target
from archive.provenance import get_article
from archive.reader import (
    align_versions,
    compare_view,
    default_pair,
    reader_alignment,
)
from archive.reviewer import config_file, reviewer_name
from tui.screens.article_edits import ProvenanceEditing
from tui.screens.version_pair import VersionPairScreen
from tui.text import safe, safe_line
from tui.widgets.bead_row import BeadRow
from tui.widgets.compare_panel import ComparePanel
from tui.widgets.history_panel import HistoryPanel
from tui.widgets.provenance_panel import ProvenancePanel

if TYPE_CHECKING:
    from sqlmodel import Session

    from archive.models import Edit

Loaded = tuple[dict[str, Any], tuple[int, int] | None, AlignmentView | None]
#: A bead edit as the reader makes it: ``(session, link id, reviewer) -> edit record``.
BeadEdit = Callable[["Session", int, str], "Edit | None"]

#: Terminal width from which the provenance sidebar (38 cells) is shown by default: below it,
#: the reader's two columns would be under ~30 cells each.
SIDEBAR_FROM = 110


def column_label(version: dict[str, Any] | Any) -> Text:
    """A reader column heading: kind · language · script (Zawgyi flagged), literal."""
    get = version.get if isinstance(version, dict) else lambda k: getattr(version, k, None)
    label = Text()
    label.append(str(get("kind")).capitalize(), style="bold")
    label.append_text(safe_line(f" · {get('language')}"))
    if get("script"):
        label.append_text(safe_line(f" · {get('script')}"))
    if get("encoding") == "zawgyi":
        label.append(" · Zawgyi, shown as Unicode", style="bold yellow")
    label.append(f"  #{get('id')}", style="dim")
    return label


def bead_containing(view: AlignmentView, version_id: int, seq: int) -> int:
    """The index of the bead holding segment ``seq`` of ``version_id`` (0 if none does)."""
    on_left = view.src.id == version_id
    for index, bead in enumerate(view.beads):
        side = bead.src if on_left else bead.tgt
        if any(s.seq == seq for s in side):
            return index
    return 0


class ArticleScreen(ProvenanceEditing, Screen[None]):
    """Provenance on the left; the side-by-side reader on the right."""

    AUTO_FOCUS = "#reader"

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("c", "toggle_confirmed", "Confirm"),
        Binding("C", "confirm_through", "Confirm to here"),
        Binding("m", "merge_next", "Merge↓"),
        Binding("M", "merge_previous", "Merge↑"),
        Binding("s", "split", "Split"),
        Binding("left_square_bracket", "move_up('tgt')", "R first↑"),
        Binding("right_square_bracket", "move_down('tgt')", "R last↓"),
        Binding("left_curly_bracket", "move_up('src')", "L first↑"),
        Binding("right_curly_bracket", "move_down('src')", "L last↓"),
        Binding("x", "unmatch('tgt')", "Unmatch right"),
        Binding("X", "unmatch('src')", "Unmatch left"),
        Binding("u", "undo", "Undo"),
        Binding("r", "redo", "Redo"),
        Binding("n", "next_unconfirmed", "Unconfirmed"),
        Binding("o", "next_odd", "Not 1-1"),
        Binding("l", "next_low", "Low score"),
        Binding("a", "align", "Align"),
        Binding("t", "translate", "Translate"),
        Binding("v", "choose_versions", "Versions"),
        Binding("p", "toggle_provenance", "Provenance"),
        Binding("w", "toggle_changes", "What changed"),
        *ProvenanceEditing.EDIT_BINDINGS,  # e: correct provenance, H: history (article_edits)
    ]

    def __init__(
        self, archive: Archive, article_id: int, *, focus: tuple[int, int] | None = None
    ) -> None:
        """``focus``: ``(version_id, segment_seq)`` to open at (a search hit)."""
        super().__init__()
        self.archive = archive
        self.article_id = article_id
        self.focus_target = focus
        self.article: dict[str, Any] | None = None
        self.pair: tuple[int, int] | None = None
        self.view: AlignmentView | None = None
        self._sidebar_chosen: bool | None = None  # set once the reader presses p
        # Bead edits of this visit, for undo and redo (edit record ids, newest last).
        self.undo_stack: list[int] = []
        self.redo_stack: list[int] = []

    def compose(self) -> ComposeResult:
        """Sidebar with provenance; reader pane with the summary, a note and the reader."""
        yield Header()
        with Horizontal(id="article-body"):
            with VerticalScroll(id="sidebar"):
                yield Static(id="article-heading")
                yield ProvenancePanel(id="provenance")
                yield HistoryPanel(id="history")
            with Vertical(id="reader-pane"):
                yield ComparePanel(id="changes")
                yield Static(id="reader-note")
                yield Static(id="bead-status")
                yield BeadRow(id="reader")
                with VerticalScroll(id="single"):
                    yield Static(id="single-text")
        yield Footer(compact=True)  # many keys: every one of them in view where it fits

    def on_mount(self) -> None:
        """Load the article off the UI thread."""
        for selector in (
            "#reader",
            "#single",
            "#changes",
            "#reader-note",
            "#bead-status",
            "#history",
        ):
            self.query_one(selector).display = False
        self._fit_sidebar(self.app.size.width)
        self.query_one("#reader-pane").loading = True
        self._load(None)

    # ------------------------------------------------------------------ loading

    @property
    def reader(self) -> BeadRow:
        """The side-by-side reader."""
        return self.query_one(BeadRow)

    def _busy(self, busy: bool) -> None:
        if self.is_attached:
            self.query_one("#reader-pane").loading = busy

    def _fail(self, message: str) -> None:
        self._busy(False)
        self.notify(message, severity="warning", markup=False)

    @work(thread=True, exclusive=True, group="article")
    def _load(self, pair: tuple[int, int] | None, cursor: int | None = None) -> None:
        """Read the article and a pair of its versions (in a worker thread)."""
        self._read(pair, cursor)

    def _read(self, pair: tuple[int, int] | None, cursor: int | None) -> None:
        """Read the article, choose a pair if none given, read its alignment and report.

        Runs in a worker thread; hands the result to `_show` on the UI thread.
        """
        focus = self.focus_target
        try:
            with self.archive.session() as session:
                article = get_article(session=session, article_id=self.article_id).to_json()
                if pair is None:
                    pair = default_pair(article["versions"], including=focus[0] if focus else None)
                view = (
                    reader_alignment(
                        session=session, src_version_id=pair[0], tgt_version_id=pair[1]
                    )
                    if pair
                    else None
                )
        except ArticleNotFound as exc:
            self.app.call_from_thread(self._not_found, str(exc))
            return
        except ArchiveError as exc:
            self.app.call_from_thread(self._fail, str(exc))
            return
        if view is not None and cursor is None and focus is not None:
            cursor = bead_containing(view, *focus)
        if not get_current_worker().is_cancelled:
            self.app.call_from_thread(self._show, (article, pair, view), cursor)

    def _not_found(self, message: str) -> None:
        self._busy(False)
        note = self.query_one("#reader-note", Static)
        note.update(safe(message + "\n\nPress escape to go back."))
        note.display = True

    def _show(self, loaded: Loaded, cursor: int | None) -> None:
        if not self.is_attached:
            return
        article, pair, view = loaded
        self.article, self.pair, self.view = article, pair, view
        self._busy(False)
        self.sub_title = readable_line(f"#{article['id']} {article['title']}")
        heading = Text()
        heading.append_text(safe(article["title"], style="bold"))
        heading.append(f"\n#{article['id']} · {article.get('date') or 'undated'}", style="dim")
        self.query_one("#article-heading", Static).update(heading)
        sides = {pair[0]: "L", pair[1]: "R"} if pair else {}
        self.query_one(ProvenancePanel).show(article, sides)
        versions = article["versions"]
        reader, single = self.reader, self.query_one("#single")
        note = self.query_one("#reader-note", Static)
        changes = self.query_one(ComparePanel)
        status = self.query_one("#bead-status", Static)
        reader.display = single.display = note.display = changes.display = False
        status.display = False
        if not versions:
            note.update(Text("This article has no text versions.", style="italic"))
            note.display = True
        elif pair is None:
            version = versions[0]
            message = Text("Only one version: ", style="bold")
            message.append_text(column_label(version))
            message.append(
                ".\nThere is nothing to read side by side. Import another version of this "
                "story, or press t to make a machine translation (if a package is installed).",
                style="italic",
            )
            note.update(message)
            note.display = True
            self.query_one("#single-text", Static).update(safe(version.get("text") or ""))
            single.display = True
        elif view is None:
            by_id = {int(v["id"]): v for v in versions}
            message = Text("Not aligned yet — press a to align\n\n", style="bold")
            message.append_text(column_label(by_id[pair[0]]))
            message.append("  ↔  ")
            message.append_text(column_label(by_id[pair[1]]))
            message.append("\n\nPress v to choose two other versions.", style="dim")
            note.update(message)
            note.display = True
        else:
            changes.computing()
            changes.display = True
            # After the first paint: the report derives every sentence, which takes a while.
            self.call_after_refresh(self._compare, view)
            reader.display = True
            if not view.beads:
                note.update(Text("The alignment has no beads (no sentences?).", style="italic"))
                note.display = True
            reader.show(
                view.beads,
                column_label(view.src),
                column_label(view.tgt),
                cursor=cursor if cursor is not None else 0,
            )
            status.display = True
            self._show_status()
            reader.focus()

    @on(BeadRow.CursorMoved)
    def _show_status(self) -> None:
        """ "N of M confirmed", and what the bead under the cursor is."""
        if self.view is None or not self.is_attached:
            return
        confirmed, total = spans.confirmed_count(self.view.beads)
        line = Text()
        line.append(f"{confirmed} of {total} confirmed", style="bold")
        bead = self.reader.current
        if bead is not None:
            line.append(f"  ·  bead {self.reader.cursor + 1} of {total}  ·  {bead.kind}")
            line.append(f"  ·  score {bead.score:.2f}")
            line.append("  ·  confirmed" if bead.checked else "", style="green")
        self.query_one("#bead-status", Static).update(line)

    @work(thread=True, exclusive=True, group="compare")
    def _compare(self, view: AlignmentView) -> None:
        """The "what changed" report, after the reader is on screen (it derives every text)."""
        try:
            report = compare_view(view)
        except ArchiveError as exc:
            self.app.call_from_thread(self._fail, str(exc).splitlines()[0])
            return
        if not get_current_worker().is_cancelled:
            self.app.call_from_thread(self._compared, view, report)

    def _compared(self, view: AlignmentView, report: dict[str, Any]) -> None:
        if self.is_attached and view is self.view:
            self.query_one(ComparePanel).show_report(report, view)

    # ------------------------------------------------------------------ editing beads

    def _reviewer(self, retry: Callable[[], None]) -> str | None:
        """Who is editing: the app's reviewer, else the configured one; else ask (the app asks
        once and saves the name) and ``retry`` once it is known."""
        name = getattr(self.app, "reviewer", None)
        if isinstance(name, str) and name:
            return name
        try:
            name = reviewer_name()
        except ArchiveError as exc:
            self._fail(str(exc))
            return None
        if name is not None:
            return name
        ensure = getattr(self.app, "ensure_reviewer", None)
        if callable(ensure):
            ensure(lambda _name: retry())
        else:
            self._fail(str(ReviewerUnknown(config_file())))
        return None

    def _edit_bead(self, edit: BeadEdit, *, cursor_shift: int = 0) -> None:
        """Make ``edit`` on the bead under the cursor, if there is one and a reviewer."""
        bead = self._current_bead()
        if bead is None:
            return
        who = self._reviewer(lambda: self._edit_bead(edit, cursor_shift=cursor_shift))
        if who is None:
            return
        self._busy(True)
        link_id = bead.link_id
        self._store(
            lambda session: edit(session, link_id, who),
            max(self.reader.cursor + cursor_shift, 0),
        )

    @work(thread=True, exclusive=True, group="article")
    def _store(self, change: Callable[[Session], Edit | None], cursor: int) -> None:
        """Store one bead edit (one transaction), remember it for undo, and read back."""
        pair = self.pair
        if pair is None:
            return
        try:
            with self.archive.session() as session, session.begin():
                edit = change(session)
                edit_id = edit.id if edit is not None else None
        except ArchiveError as exc:
            self.app.call_from_thread(self._fail, str(exc).splitlines()[0])
            return
        if edit_id is not None:
            self.undo_stack.append(edit_id)
            self.redo_stack.clear()
        self._read(pair, cursor)

    def _current_bead(self) -> Any:
        if self.view is None or not self.reader.display or self.reader.current is None:
            self.notify("No aligned bead here.", severity="warning")
            return None
        return self.reader.current

    def action_toggle_confirmed(self) -> None:
        """Confirm the bead under the cursor (or take the mark off)."""
        bead = self._current_bead()
        if bead is None:
            return
        call = beads.unconfirm_bead if bead.checked else beads.confirm_bead
        self._edit_bead(lambda session, link, who: call(session, link_id=link, reviewer=who))

    def action_confirm_through(self) -> None:
        """Confirm every bead from the top down to the cursor."""
        self._edit_bead(
            lambda session, link, who: beads.confirm_beads_through(
                session, link_id=link, reviewer=who
            )
        )

    def action_merge_next(self) -> None:
        """Merge the bead under the cursor with the next one."""
        self._edit_bead(
            lambda session, link, who: beads.merge_next(session, link_id=link, reviewer=who)
        )

    def action_merge_previous(self) -> None:
        """Merge the bead under the cursor with the previous one."""
        self._edit_bead(
            lambda session, link, who: beads.merge_previous(session, link_id=link, reviewer=who),
            cursor_shift=-1,
        )

    def action_split(self) -> None:
        """Split the bead under the cursor after its first sentence on each side."""
        self._edit_bead(
            lambda session, link, who: beads.split_bead(session, link_id=link, reviewer=who)
        )

    def action_move_up(self, side: spans.Side) -> None:
        """Move the bead's first sentence of one side up into the bead before it."""
        self._edit_bead(
            lambda session, link, who: beads.move_bead_up(
                session, link_id=link, side=side, reviewer=who
            ),
            cursor_shift=-1,
        )

    def action_move_down(self, side: spans.Side) -> None:
        """Move the bead's last sentence of one side down into the bead after it."""
        self._edit_bead(
            lambda session, link, who: beads.move_bead_down(
                session, link_id=link, side=side, reviewer=who
            )
        )

    def action_unmatch(self, side: spans.Side) -> None:
        """Make the bead's first sentence of one side a bead of its own (1-0 or 0-1)."""
        self._edit_bead(
            lambda session, link, who: beads.unmatch_sentence(
                session, link_id=link, side=side, reviewer=who
            )
        )

    def action_undo(self) -> None:
        """Undo the last bead edit made here."""
        if not self.undo_stack:
            self.notify("Nothing to undo.", severity="warning")
            return
        who = self._reviewer(self.action_undo)
        if who is not None:
            self._busy(True)
            self._history_step(self.undo_stack, self.redo_stack, who, undo=True)

    def action_redo(self) -> None:
        """Make the last undone bead edit again."""
        if not self.redo_stack:
            self.notify("Nothing to redo.", severity="warning")
            return
        who = self._reviewer(self.action_redo)
        if who is not None:
            self._busy(True)
            self._history_step(self.redo_stack, self.undo_stack, who, undo=False)

    @work(thread=True, exclusive=True, group="article")
    def _history_step(self, take: list[int], give: list[int], who: str, *, undo: bool) -> None:
        """Undo (or redo) the newest edit of ``take`` and hand it to ``give``."""
        pair, cursor = self.pair, self.reader.cursor
        if pair is None or not take:
            return
        edit_id = take.pop()
        try:
            with self.archive.session() as session, session.begin():
                if undo:
                    beads.undo_bead_edit(session, edit_id=edit_id, reviewer=who)
                    handed = edit_id
                else:
                    made = beads.redo_bead_edit(session, edit_id=edit_id, reviewer=who)
                    assert made.id is not None
                    handed = made.id
        except ArchiveError as exc:
            take.append(edit_id)
            self.app.call_from_thread(self._fail, str(exc).splitlines()[0])
            return
        give.append(handed)
        self._read(pair, cursor)

    def _jump(self, find: Callable[[Any, int], int | None], none_left: str) -> None:
        if self.view is None or not self.reader.display:
            self.notify("No aligned bead here.", severity="warning")
            return
        found = find(self.view.beads, self.reader.cursor)
        if found is None:
            self.notify(none_left)
        else:
            self.reader.cursor = found

    def action_next_unconfirmed(self) -> None:
        """Jump to the next bead nobody confirmed."""
        self._jump(spans.next_unconfirmed, "Every bead is confirmed.")

    def action_next_odd(self) -> None:
        """Jump to the next bead that is not 1-1."""
        self._jump(spans.next_non_one_to_one, "Every bead is 1-1.")

    def action_next_low(self) -> None:
        """Jump to the next unconfirmed bead with a low score."""
        self._jump(spans.next_low_score, "No unconfirmed bead has a low score.")

    def action_align(self) -> None:
        """Align the pair again around the confirmed beads (or for the first time)."""
        pair, view = self.pair, self.view
        if pair is None:
            self.notify("Only one version: nothing to align.", severity="warning")
            return
        if view is None:
            self._busy(True)
            self._store(lambda session: _first_alignment(session, pair), self.reader.cursor)
            return
        who = self._reviewer(self.action_align)
        if who is None:
            return
        self._busy(True)
        alignment_id = view.alignment_id
        self._store(
            lambda session: beads.realign_around_confirmed(
                session, alignment_id=alignment_id, reviewer=who
            ),
            self.reader.cursor,
        )

    # ------------------------------------------------------------------ translation

    def action_translate(self) -> None:
        """Machine-translate the left version into the right one's language (else English)."""
        if self.article is None:
            return
        chosen = translation_target(self.article["versions"], self.pair)
        if chosen is None:
            return
        source, target = chosen
        self._busy(True)
        self._translate(int(source["id"]), str(source["language"]), str(target))

    @work(thread=True, exclusive=True, group="article")
    def _translate(self, source_id: int, source_lang: str, target: str) -> None:
        """Translate with an installed package, then read the source and its translation."""
        missing = f"no translation package installed for {source_lang} -> {target}"
        try:
            from archive.mt import translate_article, translator_for
        except ImportError:
            self.app.call_from_thread(self._fail, missing)
            return
        try:
            if translator_for(source_lang, target) is None:
                self.app.call_from_thread(self._fail, missing)
                return
            result = translate_article(
                self.archive, self.article_id, target, from_version_id=source_id
            )
        except ArchiveError as exc:
            self.app.call_from_thread(self._fail, str(exc).splitlines()[0])
            return
        self.app.call_from_thread(
            self.notify,
            f"Machine translation #{result.version_id} ({result.sentences} sentences)",
            markup=False,
        )
        self._read((source_id, result.version_id), 0)

    # ------------------------------------------------------------------ choosing versions

    def action_choose_versions(self) -> None:
        """Choose the two versions to read."""
        if self.article is None or len(self.article["versions"]) < 2:
            self.notify("This article has fewer than two versions.", severity="warning")
            return

        def chosen(pair: tuple[int, int] | None) -> None:
            if pair is not None and pair != self.pair:
                self._busy(True)
                self._load(pair, 0)

        self.app.push_screen(VersionPairScreen(self.article["versions"], self.pair), chosen)

    @on(ProvenancePanel.VersionChosen)
    def _version_chosen(self, event: ProvenancePanel.VersionChosen) -> None:
        if self.pair is None or event.version_id in self.pair:
            return
        self._busy(True)
        self._load((self.pair[0], event.version_id), 0)

    def on_resize(self, event: events.Resize) -> None:
        """Keep the default layout readable as the terminal changes size."""
        self._fit_sidebar(event.size.width)

    def _fit_sidebar(self, width: int) -> None:
        """The sidebar by default only where the reader keeps room for two readable columns:
        on an 80-column terminal the reader takes the whole width (p shows the sidebar)."""
        if self._sidebar_chosen is None:
            self.query_one("#sidebar").display = width >= SIDEBAR_FROM

    def action_toggle_provenance(self) -> None:
        """Show or hide the provenance sidebar (the reader takes the width)."""
        sidebar = self.query_one("#sidebar")
        sidebar.display = not sidebar.display
        self._sidebar_chosen = bool(sidebar.display)

    def action_toggle_changes(self) -> None:
        """Open or close the "what changed" panel."""
        panel = self.query_one(ComparePanel)
        panel.collapsed = not panel.collapsed


def _first_alignment(session: Session, pair: tuple[int, int]) -> None:
    """Align a pair for the first time (not a person's edit: nothing to record)."""
    align_versions(session=session, src_version_id=pair[0], tgt_version_id=pair[1])
