"""Saved-text news pages → title, date, the exact story text and the credit line.

A page saved as text from a news site looks like::

    Friday, April 19, 2024                          ← capture date (chrome)
    HomeAsiaHundreds of Myanmar Junta …             ← breadcrumb glued to the title (chrome)
    Hundreds of Myanmar Junta …                     ← the title
    Around 450 soldiers …                           ← story paragraphs …
     Reported by RFA’s Myanmar Service. …           ← the credit line
    Source link                                     ← chrome
    - Advertisment -                                ← chrome

:func:`parse_text_page` peels chrome off the top and the bottom of the page, finds the
title and the credit line, and returns the story as an exact slice of the input (nothing
inside it is altered, so character offsets into it stay valid). Chrome in the middle of
the story is left alone for the same reason.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

from archive.ingest.bylines import (
    credits_in_prose,
    find_byline,
    find_credit_lines,
    find_inline_bylines,
    find_top_credits,
    is_credit_line,
    read_credit_line,
    story_source,
)
from archive.ingest.credits import CreditEntry, ParsedCredits, originating_service
from archive.ingest.dates import (
    DateCandidate,
    choose_dates,
    closing_date,
    date_line,
    dateline_date,
    parse_date_text,
    title_date,
)
from archive.ingest.lineweight import line_weight

__all__ = ["ParsedPage", "parse_text_page"]


@dataclass(frozen=True, slots=True)
class ParsedPage:
    """What a saved-text page holds.

    Attributes:
        title: The story's title, if one was found.
        date: The page's date line (or a dateline opening the story), if any.
        body: The story text exactly as on the page; ``text[body_start:body_end]``.
        body_start: Offset of the body in the page text.
        body_end: Offset just past the body.
        credit_line: The credit line as on the page (surrounding whitespace stripped).
        credits: The credit line parsed, if there is one.
        source_urls: URLs found in the page chrome ("Source link: https://…"), in order.
        dropped: The page furniture (chrome, captions, share lines …): every line that is
            not the title, the story or the credit line, stripped, in page order.
        captured: The date the page was saved (its clock above the breadcrumb), never the
            story's date.
    """

    title: str | None
    date: datetime.date | None
    body: str
    body_start: int
    body_end: int
    credit_line: str | None
    credits: ParsedCredits | None
    source_urls: tuple[str, ...]
    dropped: tuple[str, ...]
    captured: datetime.date | None = None


@dataclass(frozen=True, slots=True)
class _Line:
    """A non-blank line: its stripped text and where that text stands in the page."""

    start: int
    end: int
    text: str


# --- chrome -----------------------------------------------------------------------------

_BREADCRUMB = re.compile(r"^Home(?:$|(?=[A-Z])|\s*[›»>/|:–-])")
_BREADCRUMB_SEPARATOR = re.compile(r"\s*[›»>/|]\s*")
_GLUED_CRUMB = re.compile(r"^[A-Z][a-z]+(?=[A-Z])")
_URL = re.compile(r"https?://[^\s<>\"')\]]+")
_SOCIAL_URL = re.compile(
    r"https?://(?:[\w-]+\.)*(?:facebook\.com|fb\.com|twitter\.com|x\.com|t\.me|youtube\.com"
    r"|youtu\.be|instagram\.com|linkedin\.com|pinterest\.com|reddit\.com|whatsapp\.com"
    r"|tiktok\.com|line\.me|weibo\.com)(?:[/:?#]|$)",
    re.IGNORECASE,
)
_STORY_PATH = re.compile(r"\d|[-_]|\.(?:s?html?|php|aspx?)$", re.IGNORECASE)


def _names_a_story(url: str) -> bool:
    """Whether a URL in the furniture can be the story's own address: not a social site's
    "Follow us" link, and not a site's front or section page ("Read more at SITE"), which
    many pages of one site share (the archive knows an article by its address)."""
    if _SOCIAL_URL.match(url):
        return False
    parts = urlsplit(url)
    last = parts.path.strip("/").rpartition("/")[2]  # a story's slug or id, not a section
    return bool(_STORY_PATH.search(last) or any(c.isdigit() for c in parts.query))


_CHROME = re.compile(
    r"""^(?:
        source (?: \s+link\b.* | \s*:.* )?                        # "Source link", "Source: https://…"
      | <?https?://\S+>?                                         # a bare URL
      | [-–—_*=#|\s]* advertis\w* [-–—_*=#|\s]*                  # "- Advertisment -----"
      | (?:copyright\b|©|ⓒ|\(c\)\s*\d) .*                        # "Copyright © 1998-2021, RFA …"
      | all\s+rights\s+reserved\.?
      | [\W_]+                                                   # rules: "-----", "* * *"
    )$""",
    re.IGNORECASE | re.VERBOSE,
)
# Share/subscribe/follow widgets: short lines, and only at the top or bottom of a page.
_WIDGET = re.compile(
    r"""^(?:
        (?:share|tweet|print|e-?mail|comments?|like|menu|search|related|tags?|facebook
          |twitter|whatsapp|telegram|linkedin|reddit|pinterest|subscribe|follow|newsletter
          |sign\s+up|log\s*in|advertisement|top)\W*
      | share\s+(?:this|on|via|the\s+(?:article|story|post))\b.*
      | subscribe\s+(?:to|for|now|today|here)\b.*
      | follow\s+(?:us|rfa)\b.*
      | (?:related|more)\s+(?:stories|articles|news|posts|from)\b.*
      | tags?\s*:.*
      | read\s+(?:more|next)\b.*
      | (?:click\s+here|sign\s+up|back\s+to\s+top)\b.*
    )$""",
    re.IGNORECASE | re.VERBOSE,
)
_MAX_WIDGET_WORDS = 8
_MAX_TITLE_CHARS = 250
# Lines after the credit line that may still be page furniture rather than story.
_MAX_LINES_AFTER_CREDIT = 3


def _is_chrome(text: str) -> bool:
    """Whether a stripped line is site chrome wherever it stands at the page's edges."""
    return (
        _CHROME.match(text) is not None
        or date_line(text) is not None
        or (_WIDGET.match(text) is not None and len(text.split()) <= _MAX_WIDGET_WORDS)
    )


def _is_substantial(text: str) -> bool:
    """Whether a line is more than a stray word ("Asia", "Menu") above the title.

    Length is weighed by script: ten Chinese characters are a headline, not a stray word.
    """
    return len(text.split()) >= 2 or line_weight(text) >= 12


# Lao and Thai write no sentence punctuation: there a long line is a paragraph.
_UNPUNCTUATED = re.compile(r"[\u0e00-\u0eff]")
_MAX_UNPUNCTUATED_TITLE_CHARS = 100
# Clause and sentence marks of scripts written without spaces between words (Tibetan shad,
# Burmese section marks, Khmer khan), with more text after them.
_INNER_CLAUSE_MARK = re.compile(r"[།၊။។]\s*(?=\S)")
_MAX_CLAUSED_TITLE_CHARS = 120
_MIN_PARAGRAPH_CLAUSES = 2


def _looks_like_title(text: str) -> bool:
    """Whether a line reads like a headline rather than a story paragraph."""
    if len(text) > _MAX_TITLE_CHARS or not _is_substantial(text):
        return False
    if len(text) > _MAX_UNPUNCTUATED_TITLE_CHARS and _UNPUNCTUATED.search(text):
        return False
    if (
        len(text) > _MAX_CLAUSED_TITLE_CHARS
        and _UNSPACED.search(text)
        and len(_INNER_CLAUSE_MARK.findall(text)) >= _MIN_PARAGRAPH_CLAUSES
    ):
        return False  # a long Tibetan/Burmese/Khmer line of several clauses: a paragraph
    headline = _REPOSTER_ASIDE.sub("", text)  # "Headline [a reposter's aside?]"
    text = headline if _is_substantial(headline) else text
    ending = text.rstrip("\"'”’)»]")
    if not ending or is_credit_line(text):
        return False
    if ending[-1] in "?？؟":  # a question is a headline when short and one sentence
        return line_weight(text) <= _MAX_QUESTION_TITLE_WEIGHT and not _INNER_SENTENCE_END.search(
            text[:-1]
        )
    return ending[-1] not in ".,;:。，；：！？!?။၊។៕؟،"


_MAX_QUESTION_TITLE_WEIGHT = 120


def _title_from_breadcrumb(text: str) -> str | None:
    """The title a breadcrumb ends with: "HomeAsiaTitle…" or "Home › Asia › Title"."""
    rest = text[len("Home") :].strip()
    parts = [p for p in _BREADCRUMB_SEPARATOR.split(rest) if p.strip()]
    if len(parts) > 1 or (parts and rest[:1] in "›»>/|:–-"):
        rest = parts[-1]
    else:
        while match := _GLUED_CRUMB.match(rest):
            rest = rest[match.end() :]
    rest = rest.strip(" ›»>/|:–-")
    return rest if rest and _is_substantial(rest) else None  # "HomeAsia": a section, no title


def _same_text(a: str, b: str) -> bool:
    """Equal up to case and runs of whitespace."""
    return " ".join(a.split()).casefold() == " ".join(b.split()).casefold()


# --- lines ------------------------------------------------------------------------------

_NEWLINE = re.compile(r"\r\n|\r|\n")
# A line's content: from its first to its last character that is not a space, a byte-order
# mark or a zero-width space (saved pages often start with a BOM).
_CONTENT = re.compile(r"[^\s\ufeff\u200b](?:.*[^\s\ufeff\u200b])?", re.DOTALL)


def _lines(text: str) -> Iterator[_Line]:
    """The non-blank lines of the page with the offsets of their stripped text."""
    start = 0
    for newline in (*_NEWLINE.finditer(text), None):
        end = newline.start() if newline else len(text)
        content = _CONTENT.search(text, start, end)
        if content:
            yield _Line(content.start(), content.end(), content.group())
        if newline:
            start = newline.end()


@dataclass(frozen=True, slots=True)
class _Credits:
    """The credit lines found on a page and what they say."""

    first: int  # the story's first line, once the byline is off
    last: int  # the story's last line, once the closing credit lines are off
    credit_line: str | None
    credits: ParsedCredits | None
    byline: tuple[int, ...] = ()  # the lines of the top byline itself (not its deck or date)
    next_post: tuple[int, ...] = ()  # the head of the page's next post, cut off (furniture)


_LEAD_WEIGHT = 100  # a line this long (CJK counted wide) is a paragraph, not a caption


def _find_credits(
    text: str,
    lines: list[_Line],
    first: int,
    last: int,
    dropped: dict[int, str],
    *,
    title: int | None = None,
) -> _Credits:
    """Take the byline off the top and the credit lines off the bottom of the story.

    The lines taken go to ``dropped`` (they stay in the page, as furniture); credits in
    the story's first and last paragraphs and in the footer's source or permission lines
    are read too, though those lines stay where they are. Without a byline under the
    headline, the byline slot (the short lines around the headline, down to the lead) is
    searched for credit lines by their form and their neighbours.
    """
    texts = [line.text for line in lines]
    byline: tuple[int, ...] = ()
    raw: list[str] = []
    entries: list[CreditEntry] = []
    top = find_byline(texts[first : last + 1], is_furniture=_is_chrome) if first <= last else None
    if top is not None:
        for offset in top.indices:
            dropped[first + offset] = texts[first + offset]
        raw += [texts[first + offset] for offset in top.credit_indices]
        byline = tuple(first + offset for offset in top.credit_indices)
        entries += top.entries
        first += len(top.indices)
    if top is None or all(entry.role == "photographer" for entry in top.entries):
        # No byline under the headline (a photo credit is none): search the byline slot.
        slot, slot_entries = find_top_credits(texts[: last + 1], title=title, first=first)
        entries += slot_entries
        in_story = [index for index in slot if index >= first]
        byline += tuple(in_story)
        for index in in_story:
            dropped[index] = texts[index]
        if in_story:
            raw.append(text[lines[in_story[0]].start : lines[in_story[-1]].end])
            first = in_story[-1] + 1
    bottom = find_credit_lines(texts[first : last + 1], is_furniture=_is_chrome)
    next_post: tuple[int, ...] = ()
    if bottom is not None and not bottom.credit_indices:
        next_post = tuple(first + offset for offset in bottom.indices)
    if bottom is not None:
        block = [first + offset for offset in bottom.credit_indices]
        if block:
            raw.append(text[lines[block[0]].start : lines[block[-1]].end])
        entries += bottom.entries
        for offset in bottom.indices:
            if first + offset not in block:
                dropped[first + offset] = texts[first + offset]
        last = first + bottom.indices[0] - 1
    has_byline = any(entry.kind == "person" for entry in entries)
    if first <= last:
        if not has_byline:  # a story has one byline: another one further down heads a post
            entries += find_inline_bylines(texts[first : last + 1], is_furniture=_is_chrome)
        # The story's first two and last three lines: a lead's dateline or bracketed byline,
        # a closing "(编译/…)" or "VOA's … has this report" above a line or two of furniture.
        # The lead may stand under a caption or two: the first long line is read too.
        lead = next(
            (i for i in range(first, last + 1) if line_weight(texts[i]) >= _LEAD_WEIGHT), first
        )
        ends = sorted(
            {*range(first, min(first + 2, last + 1)), lead, *range(max(first, last - 2), last + 1)}
        )
        for index in ends:
            entries += credits_in_prose(texts[index])
        # "Source: Xinhua" closing the story above the next post of a blog page: the line
        # leaves the story (the lines under it stay where the layout puts them).
        if (source := story_source(texts[first : last + 1])) is not None:
            entries += source.entries
            for offset in source.indices:
                dropped[first + offset] = texts[first + offset]
    # The footer credits the outlet ("Source: Xinhua", "© RFA. Used with permission"); a
    # person's byline down there heads another post of the page.
    for index in range(last + 1, len(lines)):
        if index in dropped:
            entries += [e for e in read_credit_line(dropped[index]) if e.kind != "person"]
    if not entries and not raw:
        return _Credits(first, last, None, None, byline, next_post)
    seen: set[tuple[str, str, str]] = set()
    unique = []
    for entry in entries:
        # "By NAME" over "VOA's NAME has her story": one person wrote and reported it.
        role = "reporter" if entry.kind == "person" and entry.role == "writer" else entry.role
        key = (role, entry.kind, entry.name.casefold())
        if key not in seen:
            seen.add(key)
            unique.append(entry)
    # The credit line is one stretch of the page: the closing credit lines, else the byline
    # (each credit keeps the line it was read from as its raw text).
    credit_line = raw[-1] if raw else None
    # An agency or outlet credited only as a source (a footer, a dateline) is not where the
    # story was reported: it does not make the article's service.
    # A photo credit ("Photo: AFP") does not say where the story was reported either.
    service = originating_service(
        tuple(e for e in unique if e.role not in ("source", "photographer"))
    )
    parsed = ParsedCredits(tuple(unique), service, credit_line or "")
    return _Credits(first, last, credit_line, parsed, byline, next_post)


def parse_text_page(text: str, *, language: str | None = None) -> ParsedPage:
    """Parse a news page saved as plain text.

    Never raises: a page with no title, date or credit line gives None for those, and an
    empty or chrome-only page gives an empty body. CRLF, CR and LF line ends all work.
    Every line of the page ends up in exactly one place: the title, the story, the credit
    line, or the page furniture (``dropped``); nothing is deleted. The story keeps each of
    its lines, and the whitespace between them, exactly as on the page; furniture lines
    inside it are cut out with their own line ends.

    Args:
        language: the page's language, if known (orders ambiguous numeric dates).

    Returns:
        The page's parts; ``body`` starts at ``body_start`` and ends at ``body_end``.
    """
    lines = list(_lines(text))
    roles = _line_roles(lines, language)
    title_index = roles.title
    title = lines[title_index].text if title_index is not None else roles.crumb_title
    crawled: datetime.date | None = None
    if title is not None:
        title, crawled = _clean_title(title, language)

    first, last = roles.story_first, roles.story_last
    # Bylines: from just under the headline (a name line there may have been taken for
    # furniture), and credit lines from the story's end (bylines.py decides what is one).
    scan_first = title_index + 1 if title_index is not None and title_index < first else first
    outside = {
        index: lines[index].text
        for index in range(len(lines))
        if (index < scan_first or index > last) and index != title_index
    }
    found = _find_credits(text, lines, scan_first, last, outside, title=title_index)
    credit_line, credits = found.credit_line, found.credits
    # The closing credit block: the lines _find_credits took off the story but left unplaced.
    credit_rows = {i for i in range(found.last + 1, last + 1) if i not in outside}
    # A deck or lead above a byline goes with the byline in bylines.py's reading; a line the
    # page's own layout reads as story (RFA: the lead, then byline and date) stays story.
    for index in range(first, found.first):
        if index in outside and index not in roles.furniture and index not in found.byline:
            del outside[index]
    # Likewise under a credit line: what the layout reads as story (a paragraph after a
    # mid-story credit line) stays story; only furniture there leaves it.
    for index in range(found.last + 1, last + 1):
        if index in outside and index not in roles.furniture and index not in found.next_post:
            del outside[index]
    story = [
        index
        for index in range(first, last + 1)
        if index not in roles.furniture and index not in outside and index not in credit_rows
    ]
    if not any(_is_prose(lines[index].text) for index in story):
        # A page of pictures: their captions are all the story it has.
        story = sorted({*story, *(i for i in roles.captions if i >= first)})
    if not story and not credit_rows:
        # Only a paragraph shown twice, or only captions, under the headline: the furniture
        # rules took all of it, but it is the story the page has (an import never fails).
        story = _repeated_or_captions(lines, roles.captions, after=title_index)
    if not story and title_index is not None and not credit_rows:
        # A page of one paragraph: it is the story (the title is made from it later).
        story, title = [title_index], None
    if title is not None and len(story) > 1:
        # The headline shown again in the story's span (a post's title repeated): furniture.
        story = [index for index in story if not _same_text(lines[index].text, title)]
    # A headline cleaned of an aside or crawler prefix keeps its whole line in the furniture.
    whole_title = title is not None and title_index is not None and title == lines[title_index].text
    placed = set(story) | credit_rows | ({title_index} if whole_title else set())
    dropped = {index: lines[index].text for index in range(len(lines)) if index not in placed}
    byline_rows = sorted(i for i in outside if scan_first <= i <= last)

    if story:
        body, body_start, body_end = _compose(text, lines, story)
    else:
        end = lines[title_index].end if title_index is not None else 0
        body, body_start, body_end = "", end, end

    candidates = list(roles.dates)
    for index in byline_rows:  # "By NAME | April 5, 2021": the date beside a byline
        for part in re.split(r"[|｜•·]", lines[index].text)[1:]:
            if (beside := parse_date_text(part, language=language)) is not None:
                candidates.append(DateCandidate(beside, "byline"))
                break
    if story and (opening := dateline_date(lines[story[0]].text, language=language)):
        candidates.append(DateCandidate(opening, "dateline"))
    if crawled is not None:
        candidates.append(DateCandidate(crawled, "crawler"))
    # A digest's headline may be its only date ("News Digest – 9/1/22").
    if title and (headed := title_date(title, language=language)) is not None:
        candidates.append(DateCandidate(headed, "headline"))
    date, captured = choose_dates(candidates)

    urls: dict[str, None] = {}
    for line_text in dropped.values():
        for url in _URL.findall(line_text):
            url = url.rstrip(".,;:!?")
            if _names_a_story(url):
                urls.setdefault(url, None)

    return ParsedPage(
        title=title,
        date=date,
        body=body,
        body_start=body_start,
        body_end=body_end,
        credit_line=credit_line,
        credits=credits,
        source_urls=tuple(urls),
        dropped=tuple(dropped[index] for index in sorted(dropped)),
        captured=captured,
    )


def _repeated_or_captions(
    lines: list[_Line], captions: frozenset[int], *, after: int | None
) -> list[int]:
    """The lines below ``after`` that the furniture rules took only for being shown twice
    (the upper copy of each) or for being captions, in page order."""
    doubled = _doubled(lines)
    upper = {i for i in doubled if i + 1 in doubled and lines[i + 1].text == lines[i].text}
    upper -= {i + 1 for i in upper}
    start = -1 if after is None else after
    return sorted(
        i
        for i in upper | captions
        if i > start and not _is_chrome(lines[i].text) and not _is_ui_notice(lines[i].text)
    )


# "date 2020-01-17 Headline": a crawler's record of the publication date glued before the
# headline; "Headline [a reposter's comment …]": a blog's aside after it.
_CRAWLER_DATE = re.compile(r"^date\s+(?P<date>\d{4}-\d{2}-\d{2})\s+(?=\S)")
_REPOSTER_ASIDE = re.compile(r"\s+\[[^\[\]]*\]?$")


def _clean_title(title: str, language: str | None) -> tuple[str, datetime.date | None]:
    """The headline without a crawler's date before it or a reposter's aside after it, and
    the crawler's date if there was one."""
    date = None
    if crawler := _CRAWLER_DATE.match(title):
        date = parse_date_text(crawler["date"], language=language)
        title = title[crawler.end() :]
    aside = _REPOSTER_ASIDE.search(title)
    if aside and _is_substantial(title[: aside.start()]) and aside.start() > 0:
        title = title[: aside.start()].rstrip()
    return title, date


def _compose(text: str, lines: list[_Line], story: list[int]) -> tuple[str, int, int]:
    """The story lines as one text: runs of adjacent story lines are exact slices of the page,
    joined by the whitespace that stood before the first line cut out between them."""
    parts: list[str] = []
    run_start = story[0]
    for position, index in enumerate(story):
        following = story[position + 1] if position + 1 < len(story) else None
        if following == index + 1:
            continue
        parts.append(text[lines[run_start].start : lines[index].end])
        if following is not None:
            # The line break(s) before the cut line, without the cut line's indentation.
            gap = text[lines[index].end : lines[index + 1].start]
            parts.append(gap.rstrip(" \t\ufeff\u200b") or gap)
            run_start = following
    return "".join(parts), lines[story[0]].start, lines[story[-1]].end


@dataclass(frozen=True, slots=True)
class _Roles:
    """Where the parts of a page stand, by line index."""

    title: int | None
    crumb_title: str | None
    story_first: int
    story_last: int
    furniture: frozenset[int]
    dates: tuple[DateCandidate, ...]  # the date lines of the header, lead and clock
    captions: frozenset[int] = frozenset()


# --- furniture --------------------------------------------------------------------------

# Lines of a site's page template read by screen readers and tickers, in our languages.
_TEMPLATE = re.compile(
    r"""^(?:
        accessibility\s+links | skip\s+to\s+(?:main\s+)?content | breaking\s+news | latest\s+news
      | print\s+(?:story|article|this) | e-?mail\s+(?:story|article|this)
      | comment\s+on\s+this\s+story | link\s+copied(?:\s+successfully)? | keep\s+reading
      | continue\s+reading.* | full\s+story\s*:.*
      | please\s+wait | no\s+media\s+source\s+currently\s+available | embed | share\s+on\s+\w+
      | 연결\s*가능\s*링크 | 속보 | ភ្ជាប់ទៅគេហទំព័រទាក់ទង | ព័ត៌មានថ្មី | 無障礙鏈接 | 无障碍链接
      | 突發新聞 | 突发新闻 | tin\s+tức\s+khác.* | liên\s+kết\s+truy\s+cập | tin\s+nóng
      | read\s+(?:more|also|next)\b.* | leave\s+a\s+comment | give\s+your\s+comments?
      | your\s+browser\s+(?:doesn.t|does\s+not)\s+support\b.* | loading | published\s+in
      | e-?mail | share | print | a\s*[+-] | 分享到? | 收藏 | 打印 | 大字体 | 小字体 | 文字大小
      | 相关阅读 | 相關閱讀 | 延伸閱讀 | 原标题.* | 原標題.* | chia\s+sẻ | in\s+trang\s+này
      | ý\s+kiến\s+của\s+bạn | đường\s+dẫn\s+truy\s+cập | select\s+languages?
      | သုံးရလွယ်ကူစေသည့်\s*link\s*များ | နောက်ဆုံးရသတင်း
      | via\s+\S+(?:\s+\S+){0,3} | posted\s+on\b.*\bfiled\s+under\b.* | filed\s+under\s*:.*
      | follow\s+.{1,40}?\s+on\s+(?:facebook|twitter|x|telegram|youtube|instagram)\b.*
      | search\s+in\s+(?:title|content) | exact\s+matches\s+only
      | (?:generic|post\s+type)\s+selectors
      | read\s+.{0,30}\bcoverage\s+of\s+this\s+story\b.* | full\s+article\s+available\b.*
      | cỡ\s+chữ.* | .*【字号.*】.* | 字[号號體体]\s*[大中小].*
      | [您你]的位置\s*[:：].* | 當前位置.* | 当前位置.* | سىزنىڭ\s+ئورنىڭىز\s*[:：].*
      | 您的[浏瀏][览覽]器不支持.* | ཡིག་གཟུགས།.* | \(끝\) | image | photo | video
      | add\s+a\s+comment | pikir\s+qoshung | پىكىر\s+قوشۇڭ | ອອກຄວາມເຫັນ.* | မှတ်ချက်ပေးပို့ရန်
      | អ្នកមើល\s*\d[\d,.]* | ອ່ານເພີ່ມເຕີມ.* | ອ່ານເພິ່ມເຕີມ.*
      | 被?[閱阅][讀读]次[數数]\W*\d* | (?:views?|lượt\s+xem)\s*:?\s*\d[\d,.]*
      | \d[\d,.]*\s+(?:views|lượt\s+xem)
    )\W*$""",
    re.IGNORECASE | re.VERBOSE,
)
# An image's file name, alone or opening its caption ("vietnam-bloggers-305.jpg Police …").
_IMAGE_FILE = re.compile(
    r"^\S+\.(?:(?:jpe?g|png|gif|webp|svg|bmp|tiff?)\b|mp3|mp4|m4a|wav|ogg)", re.IGNORECASE
)
# A caption's photo credit closing the line: "… 3/12/2015. AFP", "(AP Photo/NAME)",
# "iStockphoto/Thinkstock", "(攝影/REUTERS/NAME/達志影像)", "Credit: Depositphotos"; and an
# AP caption's "FILE - " opening. Agency credits of a photo, never the story's reporters.
_CAPTION_CREDIT = re.compile(
    r"""(?:^|[\s(/.。,，])
        (?:AP\s+Photo|REUTERS|AFP(?:\s+photo)?|EPA(?:-EFE)?|Getty\s+Images|Thinkstock
          |iStockphoto|Depositphotos|達志影像|Shutterstock)
        (?:\s*/\s*[^/()（）\n.]{2,40})*\s*[)）]?\s*$
      | ^(?:FILE\s*[-–—]\s|credit\s*:\s*\S)""",
    re.VERBOSE,
)
# A caption closing with its photo's credit: "(Photo: NAME / OUTLET)", "(資料照)",
# "(攝影/NAME)", "/ Photo: NAME/RFA", "PHOTO SUPPLIED", "© 网页截图", "NAME/RFA", ". (RFA)".
_PHOTO_WORDS = (
    r"photo|image|picture|pic|file|courtesy|資料照|资料照|攝|摄|圖片|图片|照片|截圖|截图"
    r"|사진|ảnh|hình|ဓာတ်ပုံ|ဓာတ္ပုံ|រូបថត|ຮູບ| པར་|سۈرەت|rasim|фото"
)
_PHOTO_CAPTION = re.compile(
    rf"""(?:
        [(（\[【]\s*(?:[^()（）\[\]【】]{{0,40}}?)(?:{_PHOTO_WORDS})[^()（）\[\]【】]{{0,60}}[)）\]】]
      | [/|｜]\s*(?:photo|image)\s*:.{{2,60}}
      | \bphoto\s+supplied\.?
      | ©\s*[^\s©]{{1,12}}
      | (?<=\S)/\s*[A-Z][A-Za-z]{{1,7}}\s*[)）]?
      | [.。!?!?။។]\s*[(（]\s*[A-Z]{{2,6}}\s*[)）]
    )\s*$""",
    re.IGNORECASE | re.VERBOSE,
)
_MAX_CAPTION_WEIGHT = 400
# A site's notices and controls, in our languages: a player or browser that cannot show
# the page, "best viewed in …", "back to top", share prompts (WeChat's "tap the top right"),
# a loader, cookie and privacy notices, a page or language picker, a feed reader's channel
# lines, a PHP warning. Closed classes of interface text, never a story sentence.
_UI_NOTICE = re.compile(
    r"""
        (?:your|this)\s+(?:device|browser)\s+(?:does\s+not|doesn.t|cannot|can.t)\s+(?:support|play)
      | (?:máy|trình\s+duyệt)\s+(?:của\s+bạn\s+)?không\s+hỗ\s+trợ
      | [您你]的[浏瀏][览覽]器不支[持援] | 브라우저(?:가|는|에서)?.{0,20}지원(?:하지|되지)\s*않
      | best\s+viewed\s+(?:in|with|using) | 最佳[浏瀏][览覽]效果 | 建[議议]使用.{0,40}[浏瀏][览覽]器
      | 請至.{0,20}官網下載 | 请至.{0,20}官网下载 | (?:upgrade|update)\s+your\s+browser
      | (?:enable|turn\s+on)\s+javascript | javascript\s+(?:is\s+)?(?:disabled|required)
      | ^(?:back\s+to\s+top|return\s+to\s+top|lên\s+đầu\s+trang|về\s+đầu\s+trang|맨\s*위로
          |回到(?:網頁|网页|頁面|页面)?(?:上方|頂端|顶端|頂部|顶部)|返回(?:頂部|顶部|頂端|顶端|首頁|首页))\W*$
      | ^(?:return|back|go)\s+to\s+
          (?:[*\[“"«].{1,60}|(?:the\s+)?(?:top|home(?:\s*page)?|index|main\s+page))\W*$
      | 点击右上角 | 點擊右上角 | 分享到朋友圈 | ^朋友圈$ | 使用[浏瀏][览覽]器分享
      | 微信扫一扫 | 微信掃一掃
      | 扫描二维码 | 掃描二維碼 | ^(?:loader|loading)(?:\s+image)?\W*$
      | \bcookies?\b.{0,80}\b(?:policy|consent|settings|accept|use) | we\s+use\s+cookies
      | privacy\s+(?:policy|notice) | ကွတ်ကီး | ကိုယ်ရေးအချက်အလက်လုံခြုံမှု | 隐私政策 | 隱私權政策
      | 개인정보\s*처리방침 | chính\s+sách\s+(?:bảo\s+mật|quyền\s+riêng\s+tư)
      | ^(?:select|choose)\s+(?:a\s+)?(?:page|language)\W*$ | ^seite\s+auswählen$
      | ^sprache\s+(?:auswählen|wählen)$ | ^chọn\s+(?:trang|ngôn\s+ngữ)\W*$
      | ^channel\s*:\s*\S | ^quantcast$ | ^viewing\s+all\s+\d+\s+articles$
      | ^browse\s+latest\s+view\s+live$ | ^latest\s+highlights?$ | ^(?:top|trending)\s+stories$
      | ^most\s+(?:read|popular|viewed)$
      | ^(?:warning|notice|deprecated|fatal\s+error|parse\s+error)\s*:.*\bon\s+line\s+\d+
      | ^logo\s+of\s+\S
    """,
    re.IGNORECASE | re.VERBOSE,
)
# Icon names of a sprite run together ("arrow-downarrow-leftchevron-up…"): one long word.
_SPRITE = re.compile(r"[A-Za-z0-9@-]{60,}")
# A page clock of names alone: "Sat, Apr", "Monday", "Tue 20 Apr".
_CLOCK_NAMES = re.compile(
    r"""^(?:(?:mon|tue|wed|thu|fri|sat|sun)(?:day|s|nes|rs|ur|urday|sday|nesday|rsday)?\.?
        |(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)\w{0,6}\.?|\d{1,4})
        (?:[\s,/-]+(?:(?:mon|tue|wed|thu|fri|sat|sun)\w{0,6}\.?
        |(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)\w{0,6}\.?|\d{1,4})){0,3}$""",
    re.IGNORECASE | re.VERBOSE,
)
_MAX_NOTICE_WEIGHT = 250  # a notice is short: a line longer is a page on one line
# A control's label alone on its line, perhaps after a bullet ("• Print", "- 기사 전체 보기"):
# share, print, comment, subscribe and read-on controls, rating widgets, "you may also like"
# and "most read" boxes, in our languages.
_CONTROL = re.compile(
    r"""^[•·*>»\-–—\s]*(?:
        share(?:\s+(?:this|story|article|post))? | print | comment | email | direct\s+link
      | show\s+all\s+news | update\s+hourly | notification\s+icon | img | message
      | user\s+rating\s*:.* | poorbest | (?:\S+\s+)?logo\s+sidebar
      | (?:\d+\s+)?comments?\s*: | \S+(?:\s+\S+)?\s+said\.{3}
      | you\s+(?:may|might)\s+also\s+like | recommended(?:\s+for\s+you)?
      | 소셜\s*공유 | 기사\s*전체\s*보기 | 공유하기 | 인쇄 | 댓글
      | 請繼續往下閱讀.* | 请继续往下阅读.* | 讀者迴響 | 读者回响 | 你可能會喜歡 | 你可能会喜欢
      | 人氣點閱榜 | 人气点阅榜 | 網友回應 | 网友回应 | 其他人都在看
      | 連結 | 链接 | 留言 | 訂閱 | 订阅
      | chia\s+sẻ(?:\s+bài\s+viết)? | bản\s+in | bình\s+luận | đọc\s+thêm
      | ចែករំលែក | ແບ່ງປັນ | မျှဝေရန် | ཁྱབ་སྤེལ།
    )\W*$""",
    re.IGNORECASE | re.VERBOSE,
)
# A photo's credit alone on its line under the caption: "RFA/Yang Chandara",
# "Jo Lee/BenarNews", "រូប៖ ហ្វេសប៊ុក CCHR".
_PHOTO_CREDIT_LINE = re.compile(
    r"^(?:[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3}\s*/\s*[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3}"
    r"|(?:រូប|ຮູບ)\s*[៖:]\s*\S.{0,60})$"
)


def _is_ui_notice(text: str) -> bool:
    """A site's interface text (notices, controls, a sprite's icon names, a clock of names)."""
    if line_weight(text) > _MAX_NOTICE_WEIGHT:
        return False
    if _UI_NOTICE.search(text) or (_SPRITE.search(text) and "://" not in text):
        return True
    return _CLOCK_NAMES.match(text) is not None and any(ch.isalpha() for ch in text)


# Markup left in a saved text ("</p> <p>") and file slugs ("Uyghur-awazi-gezit-01").
_MARKUP = re.compile(r"^(?:\s*</?[a-zA-Z][^<>]*>\s*)+$")
_SLUG = re.compile(r"^[A-Za-z][A-Za-z0-9]*(?:[-_][A-Za-z0-9]+){2,}$")
# A photo credit line: "Photo: RFA", "(Photo courtesy of …)", "Courtesy of baomoi.com".
_PHOTO_CREDIT = re.compile(
    r"""^[(\[]?\s*(?:photo|image|file\s+photo|picture|courtesy|ảnh|圖|图|사진|ဓာတ်ပုံ|រូបថត|ຮູບ)
        (?:\s+(?:courtesy|credit)(?:\s+of)?|\s+by|\s*[:：]|\s+of\b|\s*/)""",
    re.IGNORECASE | re.VERBOSE,
)
# A media player's read-out: "0:00 / 0:00", "0:00 0:04:17 0:00"; text-size toggles "XS" "SM".
_PLAYER = re.compile(r"^(?:\d{1,2}:\d{2}(?::\d{2})?[\s/]*)+$")
_SIZE_TOGGLE = re.compile(r"^(?:[A-Z]{1,3}\s*){1,5}$")
# Zawgyi/Unicode font toggles and markers: "(Zawgyi)⤵⤵⤵", "Unicode | Zawgyi".
_FONT_TOGGLE = re.compile(r"^\W*(?:zawgyi|unicode)\W*(?:(?:zawgyi|unicode)\W*)?$", re.IGNORECASE)
_SENTENCE_END = tuple(".!?。！？։။។៕།༎؟۔\"'”’»)）")
_MAX_FURNITURE_WORDS = 12


def _is_furniture(text: str) -> bool:
    """Whether a stripped line is page furniture wherever it stands (never a story sentence).

    Structural forms first: file names, player read-outs, toggles, photo credits, template
    lines; a line that ends a sentence is never furniture by these rules.
    """
    if _IMAGE_FILE.match(text) or _PLAYER.match(text) or _FONT_TOGGLE.match(text):
        return True
    if _is_ui_notice(text) or _CONTROL.match(text) or _PHOTO_CREDIT_LINE.match(text):
        return True
    if _MARKUP.match(text) or _SLUG.match(text) or _CAPTION_CREDIT.search(text):
        return True
    if _PHOTO_CAPTION.search(text) and line_weight(text) <= _MAX_CAPTION_WEIGHT:
        return True
    if _TEMPLATE.match(text) and len(text.split()) <= _MAX_FURNITURE_WORDS:
        return True
    if _SIZE_TOGGLE.match(text) and len(text) <= 3:
        return True
    return _PHOTO_CREDIT.match(text) is not None and len(text.split()) <= _MAX_FURNITURE_WORDS


def _doubled(lines: list[_Line]) -> set[int]:
    """Lines shown exactly twice in a row (an image's alt text and its caption)."""
    doubled: set[int] = set()
    for index in range(1, len(lines)):
        same = lines[index].text == lines[index - 1].text
        before = index >= 2 and lines[index - 2].text == lines[index].text
        after = index + 1 < len(lines) and lines[index + 1].text == lines[index].text
        if same and not before and not after:
            doubled |= {index - 1, index}
    return doubled


def _is_byline(text: str) -> bool:
    """A short "By NAME" line (the credit parser reads it; it is never the headline)."""
    return _BYLINE.match(text) is not None and len(text.split()) <= _MAX_FURNITURE_WORDS


_BYLINE = re.compile(r"^(?:by|от|por|par|von|bởi)\s+\S", re.IGNORECASE)


_MAX_NAME_WORDS = 5


def _is_name_line(text: str, following: list[str]) -> bool:
    """A short line of a name or two under a headline, with a paragraph a few lines on."""
    return (
        line_weight(text) <= _MAX_BYLINE_CHARS
        and len(text.split()) <= _MAX_NAME_WORDS
        and not any(ch.isdecimal() for ch in text)
        and not text.rstrip(")）").endswith(_SENTENCE_END)
        and not text.startswith(("(", "[", "“", '"', "«", "「"))
        and not is_credit_line(text)
        and any(line_weight(line) > 2 * line_weight(text) for line in following)
    )


_NAV_SEPARATOR = re.compile(r"\s+[|/›»]\s+|\s*[|>›»]\s*|\s*/\s*(?=\S)")
_MAX_NAV_PART_WEIGHT = 24
# Tag and archive pages of blogs: "Posts Tagged ‘X’", "Entries in Asia (22)", "Archive for …".
_LISTING = re.compile(
    r"^(?:posts?\s+tagged|entries\s+(?:in|tagged)|archives?\s+for|category\s*:|tag\s*:)",
    re.IGNORECASE,
)


def _is_navigation(text: str) -> bool:
    """A breadcrumb, section path or language switcher ("Asia / Cambodia", "簡體 | 繁體",
    "News | Page 7 | Site", "Section |"), or a blog's tag-page heading: never a headline."""
    if _LISTING.match(text):
        return True
    if text.rstrip().endswith(("|", "/", ">", "›", "»")):
        return True
    parts = [part for part in _NAV_SEPARATOR.split(text) if part.strip()]
    return len(parts) >= 2 and all(line_weight(part) <= _MAX_NAV_PART_WEIGHT for part in parts)


def _is_site_name(text: str) -> bool:
    """Whether a short line only names an outlet or service ("Radio Free Asia", "RFA")."""
    from archive.identity.services import SERVICES, resolve_service

    if len(text) > 60 or text.endswith("."):
        return False
    key = " ".join(text.split()).casefold()
    organisations = {s.organization.casefold() for s in SERVICES}
    return key in organisations or resolve_service(text) is not None


# "NAME, reporter of OUTLET": a byline naming its role after the name, in our languages.
_ROLE_AFTER_NAME = re.compile(
    r"""^[^,，:：]{2,40}[,，]\s*(?:phóng\s+viên|ký\s+giả|biên\s+tập(?:\s+viên)?|thông\s+tín\s+viên
        |reporter|correspondent|staff\s+(?:writer|reporter)|contributor|editor|記者|记者|기자
        |특파원|編輯|编辑)\b""",
    re.IGNORECASE | re.VERBOSE,
)


def _is_credit_shaped(lines: list[_Line], index: int, dates: dict[int, Any]) -> bool:
    """A top line that credits rather than headlines: "NAME, reporter of OUTLET", a bare
    name with a date line right under it (or under the outlet line below it), or that
    outlet line."""
    text = lines[index].text
    if _ROLE_AFTER_NAME.match(text):
        return True
    if _is_name_shaped(text) and (
        index + 1 in dates
        or (
            index + 2 in dates
            and line_weight(lines[index + 1].text) <= _MAX_SITE_HEADING_WEIGHT  # the outlet
        )
    ):
        return True
    # the outlet's line between the name and the date
    return (
        index + 1 in dates
        and index > 0
        and _is_name_shaped(lines[index - 1].text)
        and not _is_furniture(lines[index - 1].text)
        and not _is_byline(text)
        and line_weight(text) <= _MAX_SITE_HEADING_WEIGHT
    )


def _named_in_metadata(text: str, lines: list[_Line], dates: dict[int, Any]) -> bool:
    """Whether a line is repeated inside a date line ("Source: SITE  Published: DATE"):
    then it is the site's name heading the page, not the headline."""
    return any(text in lines[index].text and text != lines[index].text for index in dates)


# --- the page's parts -------------------------------------------------------------------

_MAX_HEADER_LINES_AFTER_TITLE = 4
_MAX_SITE_LINES = 2
_MAX_SITE_NAME_WORDS = 5
# Scripts written without spaces between words, where a short line is often a headline.
_UNSPACED = re.compile(r"[\u0e00-\u0eff\u0f00-\u0fff\u1000-\u109f\u1780-\u17ff]")


def _is_site_shaped(text: str) -> bool:
    """Short enough to be a site, blog or section name (a few words, not an unspaced script)."""
    return len(text.split()) <= _MAX_SITE_NAME_WORDS and not _UNSPACED.search(text)


_LEAD_WINDOW = 4
_MAX_BYLINE_CHARS = 48


def _line_roles(lines: list[_Line], language: str | None) -> _Roles:
    """Title, story span, furniture lines, date and capture date of a page's lines."""
    furniture = {index for index, line in enumerate(lines) if _is_furniture(line.text)}
    furniture |= _doubled(lines)
    dates = {
        index: found
        for index, line in enumerate(lines)
        if (found := date_line(line.text, language=language)) is not None
    }
    chrome = furniture | set(dates)
    title: int | None = None
    crumb: str | None = None
    crumb_title: str | None = None
    header: list[int] = []

    # The header: chrome, the breadcrumb, the title.
    first = 0
    while first < len(lines):
        line = lines[first].text
        if title is None and crumb is None and _BREADCRUMB.match(line):
            crumb, crumb_title = line, _title_from_breadcrumb(line)
        elif first in chrome or _is_chrome(line):
            header.append(first)
        elif title is not None:
            break
        elif crumb is not None and crumb_title is not None:
            if not (crumb.endswith(line) or _same_text(line, crumb_title)):
                break
            title = first
        elif (
            _looks_like_title(line)
            and not _is_byline(line)
            and not _is_credit_shaped(lines, first, dates)
            and not _is_site_name(line)
            and not _is_navigation(line)
            and not _named_in_metadata(line, lines, dates)
        ):
            title = first
        elif (
            not _is_substantial(line)
            or _is_credit_shaped(lines, first, dates)
            or _is_site_name(line)
            or _is_navigation(line)
            or _named_in_metadata(line, lines, dates)
        ):
            header.append(first)
        else:
            break
        first += 1
    # A site, blog or tag-page name above the headline ("News Our Way", "Posts Tagged ‘X’",
    # "Entries in Asia (22)"): a short first title-shaped line, then (after chrome) a longer
    # title-shaped line with the lead under it. The longer one is the headline.
    for _ in range(_MAX_SITE_LINES):
        if title is None or crumb is not None or first + 1 >= len(lines):
            break
        line, lead = lines[first].text, lines[first + 1].text
        if not (
            _is_site_shaped(lines[title].text)
            and line_weight(line) > line_weight(lines[title].text)
            and _looks_like_title(line)
            and not _is_byline(line)
            and first not in chrome
            and line_weight(lead) > line_weight(line)
            and lead.rstrip("\"'”’)»]").endswith(_SENTENCE_END)
        ):
            break
        header.append(title)
        title = first
        first += 1
    if title is not None and crumb_title is not None and title != first - 1:
        crumb_title = None
    # The headline is the title-shaped line just above the story's lead: lines above it
    # (a blog's header, a notice, a list of other headlines, a section name) are furniture.
    if crumb is None:
        anchored = _headline_above_lead(lines, chrome, title)
        if anchored is not None:
            start = 0 if title is None else title
            header += [index for index in range(start, anchored) if index not in header]
            title, first = anchored, anchored + 1

    # Just under the headline: furniture, a date line, a short byline, before the lead.
    for _ in range(_MAX_HEADER_LINES_AFTER_TITLE):
        if first >= len(lines) - 1:
            break
        line = lines[first].text
        if first in chrome or _is_chrome(line):
            furniture.add(first)
        elif title is not None and _is_name_line(line, _next_texts(lines, first, chrome)):
            # A name under the headline (a byline without "By"): not story text.
            furniture.add(first)
        else:
            break
        first += 1

    # A byline and date set under the lead (RFA's layout): the date is the story's.
    lead_dates: list[DateCandidate] = []
    for index in range(first, min(first + _LEAD_WINDOW, len(lines) - 1)):
        found = dates.get(index)
        if found is None or found.clock:
            continue
        furniture.add(index)
        lead_dates.append(DateCandidate(found.date, "lead"))
        byline = index - 1
        if (
            byline > first
            and byline not in furniture
            and _is_name_line(lines[byline].text, _next_texts(lines, index, chrome))
        ):
            furniture.add(byline)

    # The footer: chrome from the bottom up.
    last = len(lines) - 1
    while last >= first and (last in chrome or _is_chrome(lines[last].text)):
        furniture.add(last)
        last -= 1
    # A comment form ends the story: its heading and what follows it are furniture.
    form = next((i for i in range(first + 1, last + 1) if _COMMENT_FORM.match(lines[i].text)), None)
    if (
        form is not None
        and last - form < _MAX_COMMENT_FORM_LINES
        # the form's terms of use at most, never the story going on
        and sum(_is_prose(lines[i].text) for i in range(form + 1, last + 1)) <= 1
    ):
        furniture |= set(range(form, last + 1))
        last = form - 1
    # Under the story's last paragraph: other headlines (related stories), with chrome.
    tail = _headlines_after_story(lines, chrome, first, last)
    if tail:
        furniture |= set(range(tail, last + 1))
        last = tail - 1
        while last >= first and (last in chrome or _is_chrome(lines[last].text)):
            furniture.add(last)
            last -= 1
    furniture |= set(header)

    # The header's date lines: a page clock above a breadcrumb is when the page was saved;
    # dates.choose_dates weighs the others against the lead's, the byline's and the rest.
    header_dates: list[DateCandidate] = []
    for index in sorted(dates):
        if index >= first and index not in furniture:
            break
        found = dates[index]
        above_crumb = crumb is not None and index < _index_of(lines, crumb)
        # a site clock over the page's navigation ("HOME 24/04/2024 13:18", then "News >")
        above_nav = any(
            _is_top_navigation(lines[i].text)
            for i in (*range(index + 1, first if title is None else title), index + 1)
            if i < len(lines)
        )
        if found.clock or (above_crumb and index == 0) or above_nav:
            header_dates.append(DateCandidate(found.date, "clock"))
        elif index < first + 1:
            above = title is None or index < title
            header_dates.append(
                DateCandidate(found.date, "above_headline" if above else "under_headline")
            )
    return _Roles(
        title=title,
        crumb_title=crumb_title if title is None else None,
        story_first=first,
        story_last=last,
        furniture=frozenset(i for i in furniture if first <= i <= last or i not in {title}),
        dates=(
            *header_dates,
            *_dates_above_lead(lines, dates, furniture, title, language),
            *lead_dates,
        ),
        captions=frozenset(
            index for index in furniture if _PHOTO_CAPTION.search(lines[index].text)
        ),
    )


# --- the story's date over its lead -----------------------------------------------------

_MAX_LINES_ABOVE_LEAD = 6


def _dates_above_lead(
    lines: list[_Line],
    dates: dict[int, Any],
    furniture: set[int],
    title: int | None,
    language: str | None,
) -> list[DateCandidate]:
    """The date line nearest above the story's lead, and dates closing bylines there.

    The lead is the first paragraph under the headline that another paragraph follows; the
    lines over it up to the headline (or a paragraph) are its byline, date and captions,
    whatever the header parsing made of them.
    """
    start = 0 if title is None else title + 1
    body = [i for i in range(start, len(lines)) if i not in furniture and i not in dates]
    lead_position = _lead_position(lines, body, under_subheading=False)
    if lead_position is None:
        return []
    lead = body[lead_position]
    found: list[DateCandidate] = []
    nearest = False
    for index in range(lead - 1, max(start, lead - _MAX_LINES_ABOVE_LEAD) - 1, -1):
        text = lines[index].text
        line = dates.get(index)
        if line is not None:
            # a wrapped sentence's last piece ("04-20/02/2022.") is no date line
            if not line.clock and not nearest and not text.endswith((".", "。")):
                found.append(DateCandidate(line.date, "above_lead"))
                nearest = True
        elif (_is_prose(text) and index not in furniture) or _is_top_navigation(text):
            break  # a paragraph over the header, or the site's header itself
        elif (closing := closing_date(text, language=language)) is not None:
            found.append(DateCandidate(closing, "byline"))
    return found


def _lead_position(lines: list[_Line], content: list[int], *, under_subheading: bool) -> int | None:
    """Where the story's lead stands in ``content`` (line indices, in order): the first
    paragraph followed by another paragraph or by nothing; with ``under_subheading``, also
    one followed by a subheading right under it and the story going on right under that."""
    for position, index in enumerate(content):
        if not _is_prose(lines[index].text):
            continue
        following = content[position + 1] if position + 1 < len(content) else None
        if following is None or _is_prose(lines[following].text):
            return position
        after = content[position + 2] if position + 2 < len(content) else None
        if (
            under_subheading
            and following == index + 1
            and after == following + 1
            and _is_prose(lines[after].text)
        ):
            return position
    return None


def _is_top_navigation(text: str) -> bool:
    """A breadcrumb or navigation line: the site's header, above any story date."""
    return _BREADCRUMB.match(text) is not None or _is_navigation(text)


# --- the headline above the lead ---------------------------------------------------------

# Sentence punctuation that ends a paragraph. The Tibetan shad is left out: it closes
# headlines as often as sentences.
_PROSE_END = tuple(".!?。！？։။။។៕༎؟۔")
_CLOSERS = "\"'”’»)）」』]】"
_MIN_PROSE_WEIGHT = 60
# A line this long is running text whatever its ending (a paragraph cut off mid-sentence).
_MAX_HEADLINE_WEIGHT = 180
# A caption names where people stand in the picture: "(left)", "(2nd R)", "(C)".
_CAPTION_POSITION = re.compile(
    r"\((?:\d(?:st|nd|rd|th)\s+)?(?:left|right|cent(?:er|re)|front|back|top|bottom|[LRC])\)",
    re.IGNORECASE,
)


def _is_prose(text: str) -> bool:
    """Whether a line reads as a story paragraph: a sentence of some length, or long."""
    weight = line_weight(text)
    if weight > _MAX_HEADLINE_WEIGHT:
        return True
    return weight >= _MIN_PROSE_WEIGHT and text.rstrip(_CLOSERS).endswith(_PROSE_END)


# A sentence ending inside a line, with more text after it: two sentences, not a headline.
_INNER_SENTENCE_END = re.compile(r"[。။។៕]\s*\S|\.\s+[A-Z]")


def _is_headline_shaped(text: str) -> bool:
    """A headline's shape: title-like, one sentence at most, not a byline, site name or
    navigation run."""
    return (
        line_weight(text) <= _MAX_HEADLINE_WEIGHT
        and _INNER_SENTENCE_END.search(text.rstrip(_CLOSERS + "）】")) is None
        and _looks_like_title(text)
        and not _is_byline(text)
        and not _is_site_name(text)
        and not _is_navigation(text)
    )


def _is_passed_over(text: str) -> bool:
    """A line that sits between a headline and its lead without being either: a byline,
    a credit, a stray word, a site name, navigation, a caption."""
    return (
        _is_chrome(text)
        or _is_byline(text)
        or not _is_substantial(text)
        or _is_site_name(text)
        or _is_navigation(text)
        or _CAPTION_POSITION.search(text) is not None
        or is_credit_line(text)
    )


def _headline_above_lead(lines: list[_Line], chrome: set[int], title: int | None) -> int | None:
    """The headline found from the story's lead upward, where it is below ``title``.

    The lead is the first paragraph followed by another paragraph (dates, bylines,
    captions and furniture between them passed over). The headline is the nearest
    headline-shaped line above it, in the run of non-paragraph lines over the lead; a
    short name-like line there (a byline without "By") is passed over for one above it.
    It replaces ``title`` only when it is below it, no paragraph stands between the two,
    and ``title`` is a short site or section name or weighs less than it (a shorter
    line under a long headline is its deck). Where the header gave no title, only a
    headline shown twice is taken.
    """
    # A headline shown twice (a post's title over its own heading) is furniture by the
    # doubled-line rule; its upper copy may still be the headline.
    doubled = _doubled(lines)
    shown_twice = {i for i in doubled if i + 1 in doubled and i - 1 not in doubled}
    content = [
        index
        for index in range(title or 0, len(lines))
        if (index not in chrome or index in shown_twice) and not _is_passed_over(lines[index].text)
    ]
    lead_position = _lead_position(lines, content, under_subheading=True)
    if lead_position is None:
        return None
    candidates: list[int] = []
    for index in reversed(content[:lead_position]):
        text = lines[index].text
        if _is_prose(text):
            break  # a paragraph over the header (a blog's notice or promotion)
        if _is_headline_shaped(text) and not _LIST_ITEM.match(text) and not _has_date(text):
            candidates.append(index)
    if title is None:
        return next((index for index in candidates if index in shown_twice), None)
    candidates = [index for index in candidates if index > title]
    # A standfirst set under the byline: the headline is the candidate over the byline.
    if len(candidates) > 1 and any(
        _is_byline(lines[i].text) or is_credit_line(lines[i].text)
        for i in range(candidates[1] + 1, candidates[0])
    ):
        candidates = candidates[1:]
    named = [index for index in candidates if not _is_name_shaped(lines[index].text)]
    twice = [index for index in candidates if index in shown_twice]
    chosen = (twice or named or candidates)[0] if candidates else None
    if chosen is None:
        return None
    # A paragraph under the first headline is its lead, never furniture, unless a date line
    # stands between it and the headline below (a blog's notice over a post's header).
    for index in (i for i in content if title < i < chosen and _is_prose(lines[i].text)):
        if not any(_has_date(lines[i].text) for i in range(index + 1, chosen)):
            return None
    old, new = lines[title].text, lines[chosen].text
    if not _looks_like_title(old):
        return chosen
    if line_weight(new) <= line_weight(old):
        return None
    if chosen == title + 1:  # right under it: a headline's deck, unless it is a label
        return chosen if _is_label(old) or chosen in shown_twice else None
    # A heavier headline between the two: the page's own headline over a digest's items
    # (unless the page lists the chosen one among other headlines above it).
    between = [i for i in candidates if title < i < chosen]
    listed = any(_same_text(lines[i].text, new) for i in range(title + 1, chosen))
    if not listed and any(line_weight(lines[i].text) > line_weight(new) for i in between):
        return None
    return chosen if _is_label(old) or _is_site_heading(old) or _has_date(old) else None


_MAX_LABEL_WEIGHT = 16
_MAX_SITE_HEADING_WEIGHT = 24


def _is_label(text: str) -> bool:
    """A section label: a word or two ("Opinion", "Tin trong nước"), four CJK characters."""
    return line_weight(text) <= _MAX_LABEL_WEIGHT


def _is_site_heading(text: str) -> bool:
    """Short enough to be a site or blog's name rather than a headline, and not a
    "Subject: point" headline."""
    return (
        _is_site_shaped(text)
        and line_weight(text) <= _MAX_SITE_HEADING_WEIGHT
        and not re.search(r"[:：]", text)
    )


_MIN_TAIL_HEADLINES = 3
# The heading of a comment form, in our languages ("Add a comment", "Pikir qoshung").
_COMMENT_FORM = re.compile(
    r"""^(?:add\s+a\s+comment|leave\s+a\s+(?:comment|reply)|post\s+a\s+comment
      |comments?|pikir\s+qoshung|پىكىر\s+قوشۇڭ|ອອກຄວາມເຫັນ|မှတ်ချက်ပေးပို့ရန်
      |發表評論|发表评论|댓글\s*(?:쓰기|달기)?|gửi\s+ý\s+kiến|bình\s+luận|ý\s+kiến\s+của\s+bạn
      |បញ្ចេញមតិ)\W*$""",
    re.IGNORECASE | re.VERBOSE,
)
_MAX_COMMENT_FORM_LINES = 8


def _headlines_after_story(lines: list[_Line], chrome: set[int], first: int, last: int) -> int:
    """Where a run of headlines (related stories) under the story's last paragraph starts,
    or 0 if the story does not end that way.

    The run is headline-shaped lines and chrome up to ``last``; above it stands a finished
    paragraph (a sentence end) or a credit line. A byline or name line stops the run (it
    may close the story), and so does a line that continues the paragraph above it.
    """
    index = last
    headlines = 0
    marked = False
    if not 0 <= first < last < len(lines):
        return 0
    while index > first:
        text = lines[index].text
        if index in chrome or _is_chrome(text):
            # "Read more", "via SITE" over the headlines (not a caption or a date)
            marked = marked or (headlines > 0 and _TEMPLATE.match(text) is not None)
            index -= 1
            continue
        teaser = text.endswith(("...", "…")) and line_weight(text) <= _MAX_HEADLINE_WEIGHT
        if is_credit_line(text) or _is_name_shaped(text):
            break
        if not (_is_headline_shaped(text) or (teaser and marked)):
            break
        if text[:1].islower():
            return 0  # a paragraph's continuation on a wrapped line
        headlines += 1
        index -= 1
    above = lines[index].text
    finished = _is_prose(above) and above.rstrip(_CLOSERS).endswith(_PROSE_END)
    credit = is_credit_line(above) and not _is_prose(above)
    if headlines == 0 or index <= first or not (finished or credit):
        return 0
    # A page cut off mid-paragraph ends in a short line too: a run at the page's very end
    # needs chrome over or under it, or several headlines, to be a list.
    if last == len(lines) - 1 and headlines < _MIN_TAIL_HEADLINES and not marked:
        return 0
    return index + 1


# A numbered item of a digest ("1. Headline", "2) Headline"), not the page's headline.
_LIST_ITEM = re.compile(r"^\d{1,2}[.)]\s")


def _has_date(text: str) -> bool:
    """Whether a line holds a full date ("VOA News 20 September 2017"): a byline or
    a dated label, not a headline."""
    return any(ch.isdecimal() for ch in text) and parse_date_text(text) is not None


_NAME_SHAPE = re.compile(r"^[A-Z][\w'’.-]+(?:\s+[A-Z][\w'’.-]+){1,2}$")


def _is_name_shaped(text: str) -> bool:
    """Two or three capitalised Latin words: a reporter's name under a headline."""
    return _NAME_SHAPE.match(text) is not None and not any(ch.isdecimal() for ch in text)


def _next_texts(lines: list[_Line], index: int, chrome: set[int]) -> list[str]:
    """The few lines after ``index`` that are not chrome (date lines, furniture)."""
    following = (lines[i].text for i in range(index + 1, len(lines)) if i not in chrome)
    return [text for text, _ in zip(following, range(_MAX_HEADER_LINES_AFTER_TITLE), strict=False)]


def _index_of(lines: list[_Line], text: str) -> int:
    return next((i for i, line in enumerate(lines) if line.text == text), len(lines))
