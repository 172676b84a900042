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
from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Any
from urllib.parse import urlsplit

from archive.ingest.byline_slot import find_top_credits
from archive.ingest.bylines import (
    find_byline,
    find_credit_lines,
    find_inline_bylines,
    names_opinion_section,
    opinion_role,
    read_credit_line,
    second_by_name,
    story_source,
)
from archive.ingest.closing_credits import find_labelled_line
from archive.ingest.credit_model import CreditPage, accept_credits
from archive.ingest.credits import CreditEntry, ParsedCredits, originating_service
from archive.ingest.dateaccept import DateModel, accepted_date
from archive.ingest.datefields import labelled_field_dates
from archive.ingest.datepairs import paired_dates
from archive.ingest.dates import (
    DateCandidate,
    choose_date_candidate,
    date_line,
    parse_date_text,
    title_date,
)
from archive.ingest.furniture import (
    BREADCRUMB,
    PHOTO_CAPTION,
    doubled_lines,
    is_byline,
    is_chrome,
    is_furniture,
    is_name_line,
    is_navigation,
    is_site_name,
    is_top_navigation,
    is_ui_notice,
)
from archive.ingest.gluedlines import is_newsroom_dateline, split_glued
from archive.ingest.headline_model import HeadlineModel, choose_headline
from archive.ingest.headline_shapes import caption_shaped, paragraph_shaped
from archive.ingest.headlines import (
    MAX_SITE_HEADING_WEIGHT,
    clean_title,
    completed_title,
    headline_above_lead,
    headlines_after_story,
    in_menu,
    is_aside,
    is_header_aside,
    is_label,
    is_shouted_label,
    looks_like_title,
    starts_wrapped_paragraph,
    title_from_breadcrumb,
    without_bullet,
)
from archive.ingest.lead_credits import lead_head_credits
from archive.ingest.linemodel import LineModel, story_furniture
from archive.ingest.lineweight import line_weight
from archive.ingest.native_credits import korean_handover, native_credits, whole_line_credits
from archive.ingest.outlets import outlets_named
from archive.ingest.pagedates import (
    closing_credit_date,
    crawler_record,
    date_after_story,
    dates_above_lead,
    header_dates,
    heads_next_post,
    is_list_item,
    post_header_date,
    story_dates,
)
from archive.ingest.pagelines import (
    SENTENCE_END,
    Line,
    is_name_shaped,
    is_prose,
    is_site_shaped,
    is_substantial,
    page_lines,
    same_text,
)
from archive.ingest.prose_credits import credits_in_prose
from archive.ingest.slotdates import (
    bracketed_date,
    byline_side_dates,
    header_lone_date,
    headline_slot_dates,
    lone_slot_date,
)

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


# A title of a word or two (or a few CJK characters) is a section's label.
_MAX_LABEL_WORDS = 2
_CLOSING_REACH = 2  # lines under the story a closing source line and its day may stand on


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
_SECTION_LINES = 4  # lines over the headline where its section is named ("Opinion", "評論")


_NATIVE_ABOVE = 3  # lines over the headline a label list may stand on
_NATIVE_BELOW = 5  # lines of the story's head (a caption, a date over the lead)
_NATIVE_AFTER = 12  # lines under the story a closing label list may stand on


def _native_zones(
    count: int,
    title: int | None,
    lead_first: int,
    first: int,
    last: int,
    span_last: int,
    next_post: tuple[int, ...],
) -> dict[str, Any]:
    """The rows ``native_credits`` reads: around the headline down to the lead's head, the
    story's end and the lines under it (not the page's next post), and the story's lines
    (a page of one paragraph: its title line); and the headline's row."""
    head = title if title is not None and title < lead_first else lead_first
    top = list(range(max(0, head - _NATIVE_ABOVE), min(count, lead_first + _NATIVE_BELOW)))
    stop = min(count, span_last + 1 + _NATIVE_AFTER, *(next_post or (count,)))
    ends = [row for row in range(last + 1, stop) if row not in top]
    if first <= last:
        story = list(range(lead_first, last + 1))
    else:
        story = [title] if title is not None else []
    return {"top": top, "ends": ends, "story": story, "title": title}


def _find_credits(
    text: str,
    lines: list[Line],
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
    span_last = last  # the story's last line before its closing credit lines leave it
    byline: tuple[int, ...] = ()
    raw: list[str] = []
    entries: list[CreditEntry] = []
    readers: list[str] = []  # which reader gave each entry (the credit acceptor's feature)

    def add(reader: str, found: Sequence[CreditEntry]) -> None:
        entries.extend(found)
        readers.extend(reader for _ in found)

    top = find_byline(texts[first : last + 1], is_furniture=is_chrome) if first <= last else None
    if top is not None:
        for offset in top.indices:
            dropped[first + offset] = texts[first + offset]
        raw += [texts[first + offset] for offset in top.credit_indices]
        byline = tuple(first + offset for offset in top.credit_indices)
        add("top", top.entries)
        if len(top.credit_indices) == 1:
            at = first + top.credit_indices[0]
            add("top", _second_by(texts, at, top.entries, first + len(top.indices), last))
        first += len(top.indices)
    lead_first = first  # the story's first line under the byline, before the slot's lines
    if top is None or all(entry.role in ("photographer", "source") for entry in top.entries):
        # No byline under the headline (a photo credit or a source line is none): search
        # the byline slot.
        slot, slot_entries = find_top_credits(texts[: last + 1], title=title, first=first)
        add("slot", slot_entries)
        for index in slot:
            add("slot", _second_by(texts, index, slot_entries, max(index + 1, first), last))
        in_story = [index for index in slot if index >= first]
        byline += tuple(in_story)
        for index in in_story:
            dropped[index] = texts[index]
        if in_story:
            raw.append(text[lines[in_story[0]].start : lines[in_story[-1]].end])
            first = in_story[-1] + 1
    bottom = find_credit_lines(texts[first : last + 1], is_furniture=is_chrome)
    next_post: tuple[int, ...] = ()
    if bottom is not None and not bottom.credit_indices:
        next_post = tuple(first + offset for offset in bottom.indices)
    if bottom is not None:
        block = [first + offset for offset in bottom.credit_indices]
        if block:
            raw.append(text[lines[block[0]].start : lines[block[-1]].end])
        add("bottom", bottom.entries)
        for offset in bottom.indices:
            if first + offset not in block:
                dropped[first + offset] = texts[first + offset]
        last = first + bottom.indices[0] - 1
    # "(Reporting by NAME; Editing by NAME)" over an aggregator's own lines: a line that
    # opens with a role phrase is a credit line wherever it stands in the story.
    closing = bottom.entries if bottom is not None else ()
    if (
        first <= last
        and not any(e.kind == "person" for e in closing)
        and (labelled := find_labelled_line(texts[first : last + 1])) is not None
    ):
        add("bottom", labelled.entries)
        for offset in labelled.indices:
            dropped[first + offset] = texts[first + offset]
        # the closing lines' own stretch, if any, stays the credit line (it is further down)
        at = len(raw) - 1 if bottom is not None and bottom.credit_indices else len(raw)
        raw.insert(at, texts[first + labelled.indices[0]])
    # "By AFP" is a byline too: the outlet reported the story.
    has_byline = any(e.kind == "person" or e.role in ("reporter", "writer") for e in entries)
    if first <= last:
        if not has_byline:  # a story has one byline: another one further down heads a post
            add("inline", find_inline_bylines(texts[first : last + 1], is_furniture=is_chrome))
        # The story's first two and last three lines: a lead's dateline or bracketed byline,
        # a closing "(编译/…)" or "VOA's … has this report" above a line or two of furniture.
        # The lead may stand under a caption or two: the first three long lines are read too
        # (a photo's caption paragraph may come first: "(평양=연합뉴스) …" over the lead).
        leads = [i for i in range(first, last + 1) if line_weight(texts[i]) >= _LEAD_WEIGHT][:3]
        # A deck between the headline and the story ("…, OUTLET Correspondent NAME reports").
        decks = range(title + 1, first) if title is not None else range(0)
        ends = sorted(
            {
                *(i for i in decks if line_weight(texts[i]) >= _LEAD_WEIGHT),
                *range(lead_first, min(lead_first + 2, last + 1)),  # a lead over a slot line
                *range(first, min(first + 2, last + 1)),
                *leads,
                *range(max(first, last - 2), last + 1),
            }
        )
        for index in ends:
            add("prose", credits_in_prose(texts[index]))
        # A byline glued to the lead's head ("By NAME – …", "ໂດຍ: NAME …"): the story's
        # first lines only (further down, a glued byline heads the next post of a digest).
        for index in sorted({lead_first, first, *leads[:1]}):
            if index <= min(last, lead_first + 2) and (glued := lead_head_credits(texts[index])):
                add("lead_head", glued)
                break
        # "Source: Xinhua" closing the story above the next post of a blog page: the line
        # leaves the story (the lines under it stay where the layout puts them).
        if (source := story_source(texts[first : last + 1])) is not None:
            add("source", source.entries)
            for offset in source.indices:
                dropped[first + offset] = texts[first + offset]
    elif lead_first <= last:
        # The slot's lines closed the story's span (a lead over "- OUTLET" / "- DATE"): the
        # lead above them is still read.
        for index in range(lead_first, last + 1):
            add("prose", credits_in_prose(texts[index]))
    elif title is not None and line_weight(texts[title]) >= _LEAD_WEIGHT:
        # A page of one paragraph (its title is made from it later): the paragraph is the
        # story, with its credits ("… 记者:NAME" closing it).
        add("prose", credits_in_prose(texts[title]))
    # The footer credits the outlet ("Source: Xinhua", "© RFA. Used with permission"); a
    # person's byline down there heads another post of the page.
    for index in range(last + 1, len(lines)):
        if index in dropped:
            add("footer", [e for e in read_credit_line(dropped[index]) if e.kind != "person"])
    # The outlet a source label, a wire dateline or a sign-off names ("来源:新华社",
    # "新华社北京1月2日电", "… — Bernama"): organisation credits only, never a person.
    top_line = title if title is not None else lead_first
    add("source", outlets_named(texts, top=top_line, first=lead_first, last=last))
    # A wire's dateline split off the lead (``gluedlines``: "(서울=연합뉴스) NAME 기자 =",
    # "(中央社記者NAME台北3日電)") names its outlet, read on the page's line as it stood.
    for index in range(min(len(lines) - 1, lead_first + 3)):
        between = text[lines[index].end : lines[index + 1].start]
        if "\n" not in between and "\r" not in between and is_newsroom_dateline(texts[index]):
            opening = f"{texts[index]} {texts[index + 1]}"
            found = [*credits_in_prose(opening), *outlets_named([opening], top=0, first=0, last=0)]
            add("source", [e for e in found if e.kind != "person"])
    # Native label lists ("文字記者:A、B", "(責編:A)"), a wire's dateline, an anchor's handover
    # and a signature closing the last paragraph, around the headline and the story's end.
    for reader, found in native_credits(
        texts, **_native_zones(len(texts), title, lead_first, first, last, span_last, next_post)
    ):
        add(reader, found)
    # An opinion page (its section named over the headline or under the story: "Opinion",
    # "評論", "Ý kiến"): the people a byline names without a role are its writers.
    anchor = title if title is not None else first
    near = [
        *range(max(0, anchor - _SECTION_LINES), max(anchor, first)),  # down to the byline
        *range(last + 1, last + 4),
    ]
    opinion = any(names_opinion_section(texts[i]) for i in near if i < len(texts))
    if opinion:
        entries = [opinion_role(e) for e in entries]
    # The learned acceptor weighs every person credit, the rules' and the loose readers'
    # (a name alone under the headline, "记者 NAME NAME"), and keeps those it believes.
    page = CreditPage(
        texts, title, lead_first, last, opinion, min(next_post) if next_post else None
    )
    entries = accept_credits(entries, readers, page)
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


def _second_by(
    texts: list[str], at: int, entries: Sequence[CreditEntry], first: int, last: int
) -> list[CreditEntry]:
    """ "By A, B" (Xinhua's two reporters): B, in A's role, when the line at ``at`` gave one
    person and B is a name the story (``first`` to ``last``) never uses (else a place)."""
    people = [e for e in entries if e.kind == "person" and e.raw == texts[at]]
    if len(people) != 1:
        return []
    second = second_by_name(texts[at], texts[first : last + 1])
    return [replace(e, role=people[0].role) for e in second]


def parse_text_page(
    text: str,
    *,
    language: str | None = None,
    line_model: LineModel | None = None,
    headline_model: HeadlineModel | None = None,
    date_model: DateModel | None = None,
) -> ParsedPage:
    """Parse a news page saved as plain text.

    Never raises: a page with no title, date or credit line gives None for those, and an
    empty or chrome-only page gives an empty body. CRLF, CR and LF line ends all work.
    Every line of the page ends up in exactly one place: the title, the story, the credit
    line, or the page furniture (``dropped``); nothing is deleted. The story keeps each of
    its lines, and the whitespace between them, exactly as on the page; furniture lines
    inside it are cut out with their own line ends.

    Args:
        language: the page's language, if known (orders ambiguous numeric dates).
        line_model: the learned line model that moves furniture out of the story (the
            shipped one by default; see ``linemodel``).
        headline_model: the learned headline chooser (the shipped one by default; see
            ``headline_model``).
        date_model: a learned date acceptor to apply after the date choice (none by
            default: none ships yet; see ``dateaccept``).

    Returns:
        The page's parts; ``body`` starts at ``body_start`` and ends at ``body_end``.
    """
    lines = split_glued(page_lines(text))
    roles = _line_roles(lines, language)
    first, last = roles.story_first, roles.story_last
    title_index = roles.title
    if roles.crumb_title is None:
        # The learned chooser weighs the lines above the lead against the rules' pick: it
        # keeps the pick, takes a clearly likelier line, or finds the page shows none.
        title_index = choose_headline(
            lines, roles.title, first, model=headline_model, line_model=line_model
        )
        if title_index is not None and title_index >= first:
            first = title_index + 1  # the lines over it, above the lead, are header
        elif (
            title_index is None
            and roles.title is not None
            and roles.title < first
            and paragraph_shaped(lines[roles.title].text)
            and not caption_shaped(lines[roles.title].text)
        ):
            first = roles.title  # the rules took the story's first paragraph for a title
    # Credits are read from under the rules' headline, or the chosen one where it is lower.
    anchor = max((i for i in (title_index, roles.title) if i is not None), default=None)
    title = lines[title_index].text if title_index is not None else roles.crumb_title
    crawled: datetime.date | None = None
    if title is not None:
        title, crawled = clean_title(title, language)
        if title_index is not None and (whole := completed_title(lines, title_index, title)):
            title = whole
        if is_label(title) and len(title.split()) <= _MAX_LABEL_WORDS:
            title = None  # a word or two is a section's label: the page shows no headline

    # Bylines: from just under the headline (a name line there may have been taken for
    # furniture), and credit lines from the story's end (bylines.py decides what is one).
    scan_first = anchor + 1 if anchor is not None and anchor < first else first
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
    if not any(is_prose(lines[index].text) for index in story):
        # A page of pictures: their captions are all the story it has.
        story = sorted({*story, *(i for i in roles.captions if i >= first)})
    if not story and not credit_rows:
        # Only a paragraph shown twice, or only captions, under the headline: the furniture
        # rules took all of it, but it is the story the page has (an import never fails).
        story = _repeated_or_captions(lines, roles.captions, after=title_index)
    alone = title_index if title_index is not None else roles.title
    if not story and alone is not None and not credit_rows:
        # A page of one paragraph: it is the story (the title is made from it later), also
        # where the rules took it for the headline and the chooser found it is none.
        story, title = [alone], None
    if title is not None and len(story) > 1:
        # The headline shown again in the story's span (a post's title repeated): furniture.
        story = [
            index for index in story if not same_text(without_bullet(lines[index].text), title)
        ]
    # A line a credit reader read whole, with nothing of the story on it (a byline, a sign-off
    # with its address, a label list): it is the credits', not the story's (kept as furniture).
    story = [index for index in story if index not in _read_credit_rows(lines, story, credits)]
    if story:
        # Furniture the rules do not name (a caption, teasers, an offer): the line model's.
        moved = set(story_furniture(lines, story, title=title, model=line_model))
        story = [index for index in story if index not in moved]
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
    for index in byline_rows:  # "By NAME | April 5, 2021", "By NAME   April 5, 2021 | 4:51 pm":
        # the date beside a byline, set off by a bar or a gap of spaces
        for part in re.split(r"[|｜•·]|\s{3,}", lines[index].text)[1:]:
            if (beside := parse_date_text(part, language=language)) is not None:
                candidates.append(DateCandidate(beside, "byline", line=index))
                break
    candidates += paired_dates(lines, first, language)
    told, story_day = story_dates(lines, story, language)
    candidates += told
    if crawled is None:  # " date 2021-02-06 Site menu…": the crawler's record, whatever follows
        crawled = crawler_record(lines)
    if crawled is not None:
        candidates.append(DateCandidate(crawled, "crawler", line=0))
    # A digest's headline may be its only date ("News Digest – 9/1/22").
    if title and (headed := title_date(title, language=language)) is not None:
        candidates.append(DateCandidate(headed, "headline", line=title_index))
    # The slot under a headline the chooser moved, and the date beside the story's byline.
    if title_index is not None and title_index != roles.title:
        candidates += headline_slot_dates(lines, title_index, language)
    candidates += byline_side_dates(lines, found.byline, language)
    candidates += bracketed_date(lines, language)
    # "Agence France Presse - August 9, 2012": the source line closing a repost, and its day
    under_story = (
        range(story[-1] + 1, min(story[-1] + 1 + _CLOSING_REACH, len(lines))) if story else []
    )
    candidates += closing_credit_date(lines, sorted({*credit_rows, *under_story}), language)
    # "来源: OUTLET 于DATE  提示: …": a published label's field in a metadata line over the lead
    lead = next((i for i in story if is_prose(lines[i].text)), None)
    candidates += labelled_field_dates(
        lines, title=title_index, lead=lead, language=language, last=story[-1] if story else None
    )
    chosen, captured = choose_date_candidate(candidates, story_day=story_day)
    lone = chosen is None
    if chosen is None:  # no date where the header rules looked: the page's one dated slot,
        # else the one date of its header (a digest's issue line), weighed like the others
        weakest = lone_slot_date(lines, language, captured=captured) or header_lone_date(
            lines, language, before=story[0] if story else len(lines), captured=captured
        )
        if weakest is not None:
            chosen, _ = choose_date_candidate(
                [DateCandidate(weakest, "post_header")], story_day=story_day
            )
    date = chosen.date if chosen is not None else None
    if date_model is not None:  # whether the chosen date is the story's at all (a measured
        # acceptor, not shipped: docs/date-acceptor.md)
        date = accepted_date(
            lines,
            chosen,
            candidates,
            model=date_model,
            lone=lone,
            title=title_index,
            story=story,
            captured=captured,
            language=language,
        )

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


# A sentence's end with more text after it: a line holding story before (or after) a credit.
_SENTENCE_INSIDE = re.compile(r"[。！？!?](?=.*\S)|[.](?=\s+\S)(?<!\b[A-Z]\.)")


def _opens_nothing(text: str) -> bool:
    """Whether a line does not end in a colon (a line that does opens the next one)."""
    return not text.rstrip().endswith((":", "："))


def _read_credit_rows(
    lines: list[Line], story: list[int], credits: ParsedCredits | None
) -> set[int]:
    """The story's lines that are a credit line and no paragraph (no sentence of some
    length): the whole raw text of a person credit the page keeps, or a line a whole-line
    reader reads (a byline, a sign-off with its address, a label list, a dateline) naming
    a person the page credits. The story's only line stays (a page is never emptied), and so
    does a line ending in a colon, which opens what follows ("Reporter NAME:" over a quote),
    unless it is a newsroom's dateline split off the lead ("本报PLACE DATE讯 记者NAME报道:")."""
    if credits is None or len(story) < 2:
        return set()
    people = [e for e in credits.entries if e.kind == "person"]
    raws = {e.raw.strip() for e in people if e.raw.strip()}
    names = {e.name.casefold() for e in people}
    return {
        index
        for index in story
        if not is_prose(lines[index].text)
        and not _SENTENCE_INSIDE.search(lines[index].text.strip())  # story before a credit
        and not korean_handover(lines[index].text)  # the anchor's words, story on some pages
        and (_opens_nothing(lines[index].text) or is_newsroom_dateline(lines[index].text))
        and (
            lines[index].text.strip() in raws
            or any(e.name.casefold() in names for e in whole_line_credits(lines[index].text))
        )
    }


def _repeated_or_captions(
    lines: list[Line], captions: frozenset[int], *, after: int | None
) -> list[int]:
    """The lines below ``after`` that the furniture rules took only for being shown twice
    (the upper copy of each) or for being captions, in page order."""
    doubled = doubled_lines(lines)
    upper = {i for i in doubled if i + 1 in doubled and lines[i + 1].text == lines[i].text}
    upper -= {i + 1 for i in upper}
    start = -1 if after is None else after
    return sorted(
        i
        for i in upper | captions
        if i > start and not is_chrome(lines[i].text) and not is_ui_notice(lines[i].text)
    )


def _compose(text: str, lines: list[Line], story: list[int]) -> tuple[str, int, int]:
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


# "NAME, reporter of OUTLET": a byline naming its role after the name, in our languages.
_ROLE_AFTER_NAME = re.compile(
    r"""^[^,，:：]{2,40}[,，]\s*(?:phóng\s+viên|ký\s+giả|biên\s+tập(?:\s+viên)?|thông\s+tín\s+viên
        |reporter|correspondent|staff\s+(?:writer|reporter)|contributor|editor|記者|记者|기자
        |특파원|編輯|编辑)\b""",
    re.IGNORECASE | re.VERBOSE,
)


def _is_credit_shaped(lines: list[Line], index: int, dates: dict[int, Any]) -> bool:
    """A top line that credits rather than headlines: "NAME, reporter of OUTLET", a bare
    name with a date line right under it (or under the outlet line below it), or that
    outlet line."""
    text = lines[index].text
    if _ROLE_AFTER_NAME.match(text):
        return True
    if is_name_shaped(text) and (
        index + 1 in dates
        or (
            index + 2 in dates
            and line_weight(lines[index + 1].text) <= MAX_SITE_HEADING_WEIGHT  # the outlet
        )
    ):
        return True
    # the outlet's line between the name and the date
    return (
        index + 1 in dates
        and index > 0
        and is_name_shaped(lines[index - 1].text)
        and not is_furniture(lines[index - 1].text)
        and not is_byline(text)
        and line_weight(text) <= MAX_SITE_HEADING_WEIGHT
    )


def _named_in_metadata(text: str, lines: list[Line], dates: dict[int, Any]) -> bool:
    """Whether a line is repeated inside a date line ("Source: SITE  Published: DATE"):
    then it is the site's name heading the page, not the headline."""
    return any(text in lines[index].text and text != lines[index].text for index in dates)


def _is_field_label(text: str) -> bool:
    """A short label awaiting its field ("SEARCH IN NEWS:", "Tags:"); over a headline's
    other half it opens the headline, so only a label over the page's chrome is furniture."""
    return text.endswith((":", "：")) and line_weight(text) <= MAX_SITE_HEADING_WEIGHT


def _is_header_line(lines: list[Line], index: int, chrome: set[int]) -> bool:
    """Whether a line is the page's chrome or navigation (false past the page's end)."""
    if index >= len(lines):
        return False
    text = lines[index].text
    return index in chrome or is_chrome(text) or is_top_navigation(text)


def _is_title_lookalike(lines: list[Line], index: int) -> bool:
    """A top line shaped like a title that is none: a shouted section label, an item of a
    menu, the first line of a hard-wrapped paragraph."""
    return (
        is_shouted_label(lines[index].text)
        or in_menu(lines, index)
        or starts_wrapped_paragraph(lines, index)
    )


_MAX_HEADER_LINES_AFTER_TITLE = 4
_MAX_SITE_LINES = 2
_LEAD_WINDOW = 4


def _line_roles(lines: list[Line], language: str | None) -> _Roles:
    """Title, story span, furniture lines, date and capture date of a page's lines."""
    furniture = {index for index, line in enumerate(lines) if is_furniture(line.text)}
    furniture |= doubled_lines(lines)
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
        if title is None and crumb is None and BREADCRUMB.match(line):
            crumb, crumb_title = line, title_from_breadcrumb(line)
        elif first in chrome or is_chrome(line):
            header.append(first)
        elif title is not None:
            break
        elif crumb is not None and crumb_title is not None:
            if not (crumb.endswith(line) or same_text(line, crumb_title)):
                break
            title = first
        elif (
            looks_like_title(line)
            and not is_aside(line)
            and not _is_title_lookalike(lines, first)
            and not is_byline(line)
            and not _is_credit_shaped(lines, first, dates)
            and not is_site_name(line)
            and not is_navigation(line)
            and not _named_in_metadata(line, lines, dates)
        ):
            title = first
        elif (
            not is_substantial(line)
            or is_header_aside(line)
            or is_shouted_label(line)
            or in_menu(lines, first)
            or (_is_field_label(line) and _is_header_line(lines, first + 1, chrome))
            or _is_credit_shaped(lines, first, dates)
            or is_site_name(line)
            or is_navigation(line)
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
            is_site_shaped(lines[title].text)
            and line_weight(line) > line_weight(lines[title].text)
            and looks_like_title(line)
            and not is_byline(line)
            and first not in chrome
            and line_weight(lead) > line_weight(line)
            and lead.rstrip("\"'”’)»]").endswith(SENTENCE_END)
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
        anchored = headline_above_lead(lines, chrome, title)
        if anchored is not None:
            start = 0 if title is None else title
            header += [index for index in range(start, anchored) if index not in header]
            title, first = anchored, anchored + 1

    # Just under the headline: furniture, a date line, a short byline, before the lead.
    for _ in range(_MAX_HEADER_LINES_AFTER_TITLE):
        if first >= len(lines) - 1:
            break
        line = lines[first].text
        if first in chrome or is_chrome(line):
            furniture.add(first)
        elif title is not None and is_name_line(line, _next_texts(lines, first, chrome)):
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
        if not heads_next_post(lines, index, dates, story_first=first) and not is_list_item(
            lines, index, dates
        ):
            lead_dates.append(DateCandidate(found.date, "lead", found.updated, index))
        byline = index - 1
        if (
            byline > first
            and byline not in furniture
            and is_name_line(lines[byline].text, _next_texts(lines, index, chrome))
        ):
            furniture.add(byline)

    # The footer: chrome from the bottom up.
    last = len(lines) - 1
    while last >= first and (last in chrome or is_chrome(lines[last].text)):
        furniture.add(last)
        last -= 1
    # A comment form ends the story: its heading and what follows it are furniture.
    form = next((i for i in range(first + 1, last + 1) if _COMMENT_FORM.match(lines[i].text)), None)
    if (
        form is not None
        and last - form < _MAX_COMMENT_FORM_LINES
        # the form's terms of use at most, never the story going on
        and sum(is_prose(lines[i].text) for i in range(form + 1, last + 1)) <= 1
    ):
        furniture |= set(range(form, last + 1))
        last = form - 1
    # Under the story's last paragraph: other headlines (related stories), with chrome.
    tail = headlines_after_story(lines, chrome, first, last)
    if tail:
        furniture |= set(range(tail, last + 1))
        last = tail - 1
        while last >= first and (last in chrome or is_chrome(lines[last].text)):
            furniture.add(last)
            last -= 1
    furniture |= set(header)

    # The header's date lines: a page clock above the site's navigation is when the page was
    # saved; dates.choose_dates weighs the others against the lead's, the byline's and the rest.
    crumb_index = _index_of(lines, crumb) if crumb is not None else None
    in_header, clocks = header_dates(
        lines, dates, first=first, title=title, crumb=crumb_index, furniture=furniture
    )
    return _Roles(
        title=title,
        crumb_title=crumb_title if title is None else None,
        story_first=first,
        story_last=last,
        furniture=frozenset(i for i in furniture if first <= i <= last or i not in {title}),
        dates=(
            *in_header,
            *dates_above_lead(lines, dates, furniture, title, language),
            *lead_dates,
            *date_after_story(lines, dates, last, language),
            *post_header_date(lines, dates, clocks),
        ),
        captions=frozenset(index for index in furniture if PHOTO_CAPTION.search(lines[index].text)),
    )


# The heading of a comment form, in our languages ("Add a comment", "Pikir qoshung").
_COMMENT_FORM = re.compile(
    r"""^(?:add\s+a\s+comment|leave\s+a\s+(?:comment|reply)|post\s+a\s+comment
      |comments?|pikir\s+qoshung|پىكىر\s+قوشۇڭ|ອອກຄວາມເຫັນ|မှတ်ချက်ပေးပို့ရန်
      |發表評論|发表评论|댓글\s*(?:쓰기|달기)?|gửi\s+ý\s+kiến|bình\s+luận|ý\s+kiến\s+của\s+bạn
      |បញ្ចេញមតិ)\W*$""",
    re.IGNORECASE | re.VERBOSE,
)
_MAX_COMMENT_FORM_LINES = 8


def _next_texts(lines: list[Line], index: int, chrome: set[int]) -> list[str]:
    """The few lines after ``index`` that are not chrome (date lines, furniture)."""
    following = (lines[i].text for i in range(index + 1, len(lines)) if i not in chrome)
    return [text for text, _ in zip(following, range(_MAX_HEADER_LINES_AFTER_TITLE), strict=False)]


def _index_of(lines: list[Line], text: str) -> int:
    return next((i for i, line in enumerate(lines) if line.text == text), len(lines))
