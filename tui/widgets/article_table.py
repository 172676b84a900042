"""The library's table of articles, filled a page at a time as the reader scrolls."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, ClassVar

from rich.text import Text
from textual import on
from textual.binding import Binding, BindingType
from textual.message import Message
from textual.widgets import DataTable

from archive.analysis import readable_form
from archive.listing import SortKey
from tui.text import safe_line

COLUMNS: tuple[tuple[SortKey, str], ...] = (
    ("date", "Date"),
    ("title", "Title"),
    ("service", "Service"),
    ("languages", "Languages"),
    ("translators", "Translator"),
    ("writers", "Writer"),
)
FIXED_WIDTHS: dict[str, int] = {
    "date": 10,
    "service": 18,
    "languages": 12,
    "translators": 16,
    "writers": 16,
}
MIN_TITLE = 20
MARGIN = 40  # ask for the next page when the cursor or the view gets this close to the end


def compact_languages(languages: Sequence[str], shown: int = 3) -> str:
    """``en, my, km +8``: the first few languages and how many more."""
    if len(languages) <= shown + 1:
        return ", ".join(languages)
    return ", ".join(languages[:shown]) + f" +{len(languages) - shown}"


LINKABLE_MARK = "⇄ "  # before the title of an article with a link suggestion waiting


def title_cell(article: dict[str, Any], *, linkable: bool = False) -> Text:
    """The title cell; marked when a link suggestion is waiting for the article."""
    title = safe_line(readable_form(str(article.get("title") or "")))
    if linkable:
        return Text(LINKABLE_MARK, style="bold") + title
    return title


def article_cells(article: dict[str, Any], *, linkable: bool = False) -> list[Text]:
    """The cells of one article row (``list_articles`` shape), every value literal."""
    return [
        safe_line(article.get("date") or "—", style="" if article.get("date") else "dim"),
        title_cell(article, linkable=linkable),
        safe_line(article.get("service") or "—", style="" if article.get("service") else "dim"),
        safe_line(compact_languages(article.get("languages") or [])),
        safe_line(", ".join(article.get("translators") or [])),
        safe_line(", ".join(article.get("writers") or [])),
    ]


class ArticleTable(DataTable[Text]):
    """Articles, one row each, loaded lazily: the screen answers `NeedMore` with a page."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("home", "scroll_top", "First", show=False),
        Binding("end", "scroll_bottom", "Last loaded", show=False),
    ]

    class NeedMore(Message):
        """The view is near the last loaded row and the archive holds more."""

        def __init__(self, table: ArticleTable, offset: int) -> None:
            self.table = table
            self.offset = offset
            super().__init__()

        @property
        def control(self) -> ArticleTable:
            """The table asking."""
            return self.table

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id, cursor_type="row", zebra_stripes=True)
        self.articles: list[dict[str, Any]] = []
        self.total = 0
        self.waiting = False
        self.sort_key: SortKey = "date"
        self.descending = True  # newest first
        self._width = 0
        self.linkable: set[int] = set()  # articles with a link suggestion waiting

    # ------------------------------------------------------------------ columns

    def _title_width(self, width: int) -> int:
        padding = 2 * self.cell_padding * len(COLUMNS)
        return max(MIN_TITLE, width - sum(FIXED_WIDTHS.values()) - padding - 2)

    def _add_columns(self) -> None:
        for key, label in COLUMNS:
            heading = Text(label)
            if key == self.sort_key:
                heading.append(" ▼" if self.descending else " ▲", style="bold")
            width = FIXED_WIDTHS.get(key) or self._title_width(self._width)
            self.add_column(heading, key=key, width=width)

    def rebuild(self) -> None:
        """Lay the columns out again (new width or sort) keeping the rows and the cursor."""
        row = self.cursor_row
        self._width = self.scrollable_content_region.width or self.app.size.width
        self.clear(columns=True)
        self._add_columns()
        self.add_rows_for(self.articles, record=False)
        if self.row_count:
            self.move_cursor(row=min(row, self.row_count - 1), animate=False)

    def on_resize(self) -> None:
        """Give the title column the width left over."""
        width = self.scrollable_content_region.width
        if width and width != self._width:
            self.rebuild()

    # ------------------------------------------------------------------ rows

    def add_rows_for(self, articles: Sequence[dict[str, Any]], *, record: bool = True) -> None:
        """Append rows for ``articles`` (``list_articles`` shape)."""
        if record:
            self.articles.extend(articles)
        for article in articles:
            linkable = int(article["id"]) in self.linkable
            self.add_row(*article_cells(article, linkable=linkable), key=str(article["id"]))
        self.waiting = False

    def mark_linkable(self, article_ids: set[int]) -> None:
        """Mark the titles of the articles with a link suggestion waiting (and only those)."""
        changed = self.linkable ^ article_ids
        self.linkable = set(article_ids)
        for article in self.articles:
            article_id = int(article["id"])
            if article_id in changed:
                cell = title_cell(article, linkable=article_id in article_ids)
                self.update_cell(str(article_id), "title", cell)

    def reset(self, articles: Sequence[dict[str, Any]], total: int) -> None:
        """Replace every row with the first page of a new listing."""
        self.articles = []
        self.total = total
        if not self.columns:
            self._width = self.scrollable_content_region.width or self.app.size.width
            self._add_columns()
        self.clear()
        self.add_rows_for(articles)
        self.scroll_to(y=0, animate=False)
        self.call_after_refresh(self.check_more)

    @property
    def more_available(self) -> bool:
        """Whether the listing holds rows not loaded yet."""
        return len(self.articles) < self.total

    def check_more(self) -> None:
        """Ask for the next page if the cursor or the view is near the end of what is loaded."""
        if self.waiting or not self.more_available:
            return
        bottom = self.scroll_offset.y + self.scrollable_content_region.height
        if max(self.cursor_row, bottom) >= len(self.articles) - MARGIN:
            self.waiting = True
            self.post_message(self.NeedMore(self, len(self.articles)))

    def watch_scroll_y(self, old_value: float, new_value: float) -> None:
        """Scrolling near the end asks for more."""
        super().watch_scroll_y(old_value, new_value)
        self.check_more()

    @on(DataTable.RowHighlighted)
    def _moved(self, _event: DataTable.RowHighlighted) -> None:
        self.check_more()

    def article_id_at(self, row: int) -> int | None:
        """The id of the article on row ``row``."""
        return int(self.articles[row]["id"]) if 0 <= row < len(self.articles) else None
