"""Saved HTML news pages → the story's paragraphs, its headline and its metadata.

trafilatura decides which parts of the page are the story; this module then reads the story
back from the page's own paragraphs, so that

- a paragraph the page repeats is kept as often as the page shows it (trafilatura folds
  repeats together), and
- opening paragraphs trafilatura leaves out (a lead set apart from the body, in the same
  container as the first paragraph it kept) are put back;

and it takes the " - Site name" or "_Section_Site" ends off the page's title.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from archive.ingest.htmlmeta import markup_headline, parse_html, published_date
from archive.ingest.lineweight import line_weight

__all__ = ["HtmlStory", "clean_title", "extract_html_story"]

_BLOCK_TAGS = frozenset(
    {"p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "blockquote", "pre", "dd", "dt"}
)
_SKIPPED_TAGS = frozenset({"script", "style", "noscript", "template", "svg", "head"})
# A lead put back must read like a paragraph, not a label.
_MIN_LEAD_WEIGHT = 40
_MAX_LEAD_BLOCKS = 3
# trafilatura's lines that must be found among the page's blocks to trust the block reading.
_MIN_MATCHED_SHARE = 0.5
# htmldate, as trafilatura calls it: the original (not the updated) date, from the markup
# and the URL only; the search of the page's free text (a site clock is free text) runs only
# where that finds nothing (`_searched_date`).
_DATE_PARAMS = {"extensive_search": False, "original_date": True}
_COPYRIGHT_YEAR = re.compile(r"(?:©|&copy;|\(c\)|copyright)\s*(?:\d{4}\s*[-–]\s*)?(\d{4})", re.I)


@dataclass(frozen=True, slots=True)
class HtmlStory:
    """What a saved HTML page holds: the story text and the page's metadata."""

    text: str
    title: str | None
    #: trafilatura's (htmldate's) reading of the page's date, a fallback.
    date: str | None
    #: the publication day the markup declares (JSON-LD, meta tags), ``YYYY-MM-DD``.
    published: str | None
    url: str | None
    sitename: str | None


def _norm(text: str) -> str:
    return " ".join(text.split())


@dataclass(frozen=True, slots=True)
class _Block:
    text: str
    parent: Any


def _blocks(root: Any | None) -> list[_Block]:
    """The page's innermost block elements (paragraphs, headings, items) in page order."""
    if root is None:
        return []
    blocks: list[_Block] = []
    for element in root.iter():
        tag = element.tag if isinstance(element.tag, str) else ""
        if tag not in _BLOCK_TAGS:
            continue
        if any(isinstance(a.tag, str) and a.tag in _SKIPPED_TAGS for a in element.iterancestors()):
            continue
        if any(
            isinstance(child.tag, str) and child.tag in _BLOCK_TAGS
            for child in element.iter()
            if child is not element
        ):
            continue
        text = _norm(element.text_content())
        if text:
            blocks.append(_Block(text, element.getparent()))
    return blocks


def _story_from_blocks(extracted: str, blocks: list[_Block]) -> str | None:
    """The story read from the page's blocks, or None where they do not carry it."""
    wanted = {_norm(line) for line in extracted.splitlines() if line.strip()}
    if not wanted or not blocks:
        return None
    matched = [block.text in wanted for block in blocks]
    found = {block.text for block, hit in zip(blocks, matched, strict=True) if hit}
    if len(found) < _MIN_MATCHED_SHARE * len(wanted):
        return None
    first = matched.index(True)
    last = len(matched) - 1 - matched[::-1].index(True)
    story = [blocks[i].text for i in range(first, last + 1) if matched[i]]
    # The lead: paragraphs just before the first kept one, in the same container.
    lead: list[str] = []
    index = first - 1
    while index >= 0 and len(lead) < _MAX_LEAD_BLOCKS:
        block = blocks[index]
        if block.parent is not blocks[first].parent or line_weight(block.text) < _MIN_LEAD_WEIGHT:
            break
        lead.insert(0, block.text)
        index -= 1
    # Lines trafilatura kept that no block holds (text straight in a <div>) stay too.
    missing = [
        line
        for line in (_norm(raw) for raw in extracted.splitlines())
        if line and line not in found
    ]
    return "\n".join([*lead, *story, *missing])


def extract_html_story(html: str) -> HtmlStory | None:
    """The story of a saved HTML page, or None if trafilatura finds no article in it."""
    import trafilatura

    document = trafilatura.bare_extraction(
        html,
        with_metadata=True,
        include_comments=False,
        favor_precision=True,
        date_extraction_params=_DATE_PARAMS,
    )
    text = (getattr(document, "text", None) or "") if document is not None else ""
    if not text.strip():
        document = trafilatura.bare_extraction(
            html,
            with_metadata=True,
            include_comments=False,
            favor_recall=True,
            date_extraction_params=_DATE_PARAMS,
        )
        text = (getattr(document, "text", None) or "") if document is not None else ""
    if document is None or not text.strip():
        return None
    root = parse_html(html)
    story = _story_from_blocks(text, _blocks(root)) or text
    sitename = getattr(document, "sitename", None)
    title = getattr(document, "title", None)
    headline = markup_headline(root) if root is not None else None
    return HtmlStory(
        text=story,
        title=headline or (clean_title(title, sitename) if title else None),
        date=getattr(document, "date", None) or _searched_date(html),
        published=published_date(root) if root is not None else None,
        url=getattr(document, "url", None),
        sitename=sitename,
    )


def _searched_date(html: str) -> str | None:
    """htmldate's date found by searching the page's text, unless it is 1 January of a
    year the page's copyright notice names (its last resort: "© 2013" read as 2013-01-01)."""
    import htmldate

    try:
        date = htmldate.find_date(html, extensive_search=True, original_date=True)
    except ValueError:
        return None
    if date is None or not date.endswith("-01-01"):
        return date
    years = {match.group(1) for match in _COPYRIGHT_YEAR.finditer(html)}
    return None if date[:4] in years else date


_TITLE_PARTS = re.compile(r"\s+[|–—-]\s+|\s*_\s*|\s+::\s+|\s+»\s+")
# A part beside the headline that is a site or section name is short.
_MAX_SITE_PART_WEIGHT = 30


def clean_title(title: str, sitename: str | None = None) -> str:
    """A page title without its site and section names ("Story - Site", "Story_Section_Site").

    The headline is the longest part; the others go only if each is short (or is the site's
    own name), so a headline with a dash in it stays whole.
    """
    parts = [part for part in _TITLE_PARTS.split(title.strip()) if part.strip()]
    if len(parts) < 2:
        return title.strip()
    site = _norm(sitename or "").casefold()
    headline = max(parts, key=line_weight)
    others = [part for part in parts if part is not headline]
    named = all(site and _norm(part).casefold() == site for part in others)
    short = all(line_weight(part) <= _MAX_SITE_PART_WEIGHT for part in others) and line_weight(
        headline
    ) >= 2 * sum(line_weight(part) for part in others)
    return headline.strip() if named or short else title.strip()
