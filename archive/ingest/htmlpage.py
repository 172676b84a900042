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

import copy
import re
from collections import Counter
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
# A lead box sits right before the body's container, at most this many levels up.
_MAX_LEAD_DEPTH = 2
# A <div> is a paragraph of its own when it holds no block (nor a line break) inside.
_LEAF_DIV_EXCLUDES = (
    _BLOCK_TAGS | _SKIPPED_TAGS | {"div", "br", "table", "ul", "ol", "section", "article"}
)
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
    #: lines taken out of the story by their markup (a paragraph that is one link).
    furniture: tuple[str, ...] = ()


def _norm(text: str) -> str:
    return " ".join(text.split())


@dataclass(frozen=True, slots=True)
class _Block:
    text: str
    parent: Any
    element: Any


def _blocks(root: Any | None) -> list[_Block]:
    """The page's innermost block elements (paragraphs, headings, items) in page order."""
    if root is None:
        return []
    blocks: list[_Block] = []
    for element in root.iter():
        tag = element.tag if isinstance(element.tag, str) else ""
        if tag not in _BLOCK_TAGS and tag != "div":
            continue
        if any(isinstance(a.tag, str) and a.tag in _SKIPPED_TAGS for a in element.iterancestors()):
            continue
        inner = _BLOCK_TAGS if tag != "div" else _LEAF_DIV_EXCLUDES
        if any(
            isinstance(child.tag, str) and child.tag in inner
            for child in element.iter()
            if child is not element
        ):
            continue
        text = _norm(element.text_content())
        if text:
            blocks.append(_Block(text, element.getparent(), element))
    return blocks


def _leads_into(block: _Block, anchor: _Block) -> bool:
    """Whether a block opens the story kept from ``anchor`` on: it sits in the same
    container, or right before the container that holds it (a lead box over the body)."""
    if block.parent is anchor.parent:
        return True
    following = block.element.getnext()
    ancestor = anchor.element
    for _ in range(_MAX_LEAD_DEPTH):
        ancestor = ancestor.getparent()
        if ancestor is None:
            return False
        if following is ancestor:
            return True
    return False


def _story_from_blocks(extracted: str, blocks: list[_Block]) -> str | None:
    """The story read from the page's blocks, or None where they do not carry it."""
    wanted = {_norm(line) for line in extracted.splitlines() if line.strip()}
    if not wanted or not blocks:
        return None
    matched = [block.text in wanted for block in blocks]
    found = {block.text for block, hit in zip(blocks, matched, strict=True) if hit}
    if len(found) < _MIN_MATCHED_SHARE * len(wanted):
        return None
    # A paragraph shown again outside the story's container (a summary over the article
    # that repeats its lead) is read once, in the story; repeats inside it all stay.
    parents = Counter(id(block.parent) for block, hit in zip(blocks, matched, strict=True) if hit)
    home = parents.most_common(1)[0][0]
    inside = {
        block.text
        for block, hit in zip(blocks, matched, strict=True)
        if hit and id(block.parent) == home
    }
    matched = [
        hit and (id(block.parent) == home or block.text not in inside)
        for block, hit in zip(blocks, matched, strict=True)
    ]
    first = matched.index(True)
    last = len(matched) - 1 - matched[::-1].index(True)
    story = [blocks[i].text for i in range(first, last + 1) if matched[i]]
    # The lead: paragraphs just before the first kept one, in the same container or in a
    # box right before the body's container.
    lead: list[str] = []
    index = first - 1
    anchor = blocks[first]
    while index >= 0 and len(lead) < _MAX_LEAD_BLOCKS:
        block = blocks[index]
        if not _leads_into(block, anchor) or line_weight(block.text) < _MIN_LEAD_WEIGHT:
            break
        lead.insert(0, block.text)
        anchor = block
        index -= 1
    # Lines trafilatura kept that no block holds (text straight in a <div>, lines split by
    # <br>) stay too, where trafilatura had them: before the next line a block holds.
    lines = [line for line in (_norm(raw) for raw in extracted.splitlines()) if line]
    placed = list(story)
    opening: list[str] = []
    for index, line in enumerate(lines):
        if line in found:
            continue
        following = next((later for later in lines[index + 1 :] if later in found), None)
        if following is None:
            placed.append(line)
        elif following == story[0]:
            opening.append(line)
        else:
            placed.insert(placed.index(following), line)
    return "\n".join([*opening, *lead, *placed])


# A paragraph that is one link and no more is a link to another story ("Read more: …").
_MIN_LINK_PARAGRAPH_WEIGHT = 15


_LINK_LABEL_END = tuple(":：»›>|-–—")
_MAX_LINK_LABEL_WEIGHT = 25


def _one_link(text: str, link: str) -> bool:
    """Whether a paragraph is one link, or a short label and one link ("Read more: …")."""
    if not link or not text.endswith(link):
        return False
    label = text[: -len(link)].strip()
    return not label or (
        label.endswith(_LINK_LABEL_END) and line_weight(label) <= _MAX_LINK_LABEL_WEIGHT
    )


def _without_link_paragraphs(story: str, blocks: list[_Block]) -> tuple[str, tuple[str, ...]]:
    """The story without its paragraphs that are each one link (related stories set in the
    body), and those paragraphs. The story's first line always stays (the lead is never
    lost)."""
    linked = {
        block.text
        for block in blocks
        if line_weight(block.text) >= _MIN_LINK_PARAGRAPH_WEIGHT
        and any(_one_link(block.text, _norm(a.text_content())) for a in block.element.iter("a"))
    }
    lines = story.splitlines()
    kept = [line for index, line in enumerate(lines) if index == 0 or line not in linked]
    moved = tuple(line for index, line in enumerate(lines) if index > 0 and line in linked)
    return "\n".join(kept), moved


def extract_html_story(html: str, *, root: Any | None = None) -> HtmlStory | None:
    """The story of a saved HTML page, or None if trafilatura finds no article in it.

    ``root``: the page already parsed (`parse_html`), so that it is parsed once; it is read,
    never changed."""
    import trafilatura

    if root is None:
        root = parse_html(html)
    flowed = _flowed(html, root)
    document = trafilatura.bare_extraction(
        flowed,
        with_metadata=True,
        include_comments=False,
        favor_precision=True,
        date_extraction_params=_DATE_PARAMS,
    )
    text = (getattr(document, "text", None) or "") if document is not None else ""
    if not text.strip():
        document = trafilatura.bare_extraction(
            flowed,
            with_metadata=True,
            include_comments=False,
            favor_recall=True,
            date_extraction_params=_DATE_PARAMS,
        )
        text = (getattr(document, "text", None) or "") if document is not None else ""
    if document is None or not text.strip():
        return None
    blocks = _blocks(root)
    story, moved = _without_link_paragraphs(_story_from_blocks(text, blocks) or text, blocks)
    sitename = getattr(document, "sitename", None)
    title = getattr(document, "title", None)
    headline = markup_headline(root) if root is not None else None
    return HtmlStory(
        text=story,
        furniture=moved,
        title=headline or (clean_title(title, sitename) if title else None),
        date=getattr(document, "date", None) or _searched_date(html),
        published=published_date(root) if root is not None else None,
        url=getattr(document, "url", None),
        sitename=sitename,
    )


_PREFORMATTED = frozenset({"pre", "textarea", "script", "style"})
_SOURCE_BREAK = re.compile(r"[ \t\r\f\v]*\n\s*")


def _flowed(html: str, parsed: Any | None = None) -> str:
    """The page with the line breaks of its source text turned into spaces, as a browser
    shows it (a hard-wrapped paragraph is one paragraph; only <br> and blocks break lines).

    trafilatura keeps a text node's source line breaks, which splits a sentence into lines
    the text-page reader then weighs one by one. <pre> and the like keep theirs.
    ``parsed``: the page's tree, if parsed already (a copy of it is changed, not it).
    """
    import lxml.html

    root = parse_html(html) if parsed is None else copy.deepcopy(parsed)
    if root is None:
        return html
    # every element inside a <pre> (or the like), the <pre> itself included: found once
    preformatted = {inner for outer in root.iter(*_PREFORMATTED) for inner in outer.iter()}
    for element in root.iter():
        if not isinstance(element.tag, str):
            continue
        if element.text and "\n" in element.text and element not in preformatted:
            element.text = _SOURCE_BREAK.sub(" ", element.text)
        parent = element.getparent()
        if element.tail and "\n" in element.tail and parent not in preformatted:
            element.tail = _SOURCE_BREAK.sub(" ", element.tail)
    return str(lxml.html.tostring(root, encoding="unicode", doctype="<!DOCTYPE html>"))


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
