"""A captured web page through the saved-page reader, and telling stories from listings.

A crawl holds section fronts, tag pages and listings beside the stories; they are HTML too.
What the page says of itself decides first (``og:type``, JSON-LD ``@type``); failing that, a
page whose extracted text is mostly headline links, or teasers beside headline links, is a
listing. Such pages are skipped (`NotAnArticle`), never stored as stories.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from archive.errors import ImportFailed, NotAnArticle
from archive.ingest.readers import read_page
from archive.ingest.records import ArticleRecord

INDEX_PAGE = "index page"
NO_TEXT = "no article text"
#: The reasons `read_captured_page` gives for a page that is not a story (skipped quietly).
NOT_ARTICLE = frozenset({INDEX_PAGE, NO_TEXT})


def read_captured_page(payload: bytes, uri: str) -> ArticleRecord:
    """A captured HTML page through the saved-page reader, its URL filled in from the capture.

    Raises:
        NotAnArticle: the page is a site's front page, a section or listing page (what the
            reader found of its text is mostly link text), or has no story text.
        ImportFailed: the page cannot be read.
    """
    source = uri or "<capture>"
    if _is_front_page(uri):
        raise NotAnArticle(source, INDEX_PAGE)
    try:
        record = read_page(Path(source), payload, "html")
    except ImportFailed as exc:
        if "no article text" in exc.reason or "no story text" in exc.reason:
            raise NotAnArticle(source, NO_TEXT) from exc
        raise
    if _mostly_links(payload, "\n".join(v.text for v in record.versions)):
        raise NotAnArticle(source, INDEX_PAGE)
    if uri:
        if not record.url:
            record.url = uri
        if uri not in record.urls:
            record.urls.append(uri)
    return record


def _is_front_page(uri: str) -> bool:
    """A site's (or section's) root document: ``/``, ``/index.html`` … without a query."""
    from urllib.parse import urlsplit

    parts = urlsplit(uri)
    name = parts.path.strip("/")
    return not parts.query and name in ("", "index.html", "index.htm", "index.php")


_ARTICLE_TYPES = frozenset(
    {"article", "newsarticle", "reportagenewsarticle", "analysisnewsarticle", "blogposting"}
)
_LISTING_TYPES = frozenset({"website", "collectionpage", "itemlist", "searchresultspage"})


def _mostly_links(payload: bytes, story: str) -> bool:
    """Whether the page is a section or listing page rather than a story.

    What the page says of itself decides first (``og:type``, a JSON-LD ``@type``). Failing
    that, a listing is told by what the reader took for its story: mostly headline links, or
    teasers each sitting beside a headline link (a block of one link and a line, repeated).
    """
    import lxml.html

    try:
        tree = lxml.html.fromstring(payload)
    except (ValueError, lxml.etree.ParserError):
        return False
    declared = _declared_types(tree)
    if declared & _ARTICLE_TYPES:
        return False
    if declared & _LISTING_TYPES:
        return True
    lines = [" ".join(line.split()) for line in story.splitlines()]
    lines = [line for line in lines if line]
    total = sum(len(line) for line in lines)
    if total == 0:
        return False
    anchors = {" ".join(a.text_content().split()) for a in tree.iter("a")}
    blocks: dict[str, Any] = {}
    for element in tree.iter("p", "div", "li", "span", "td"):
        text = " ".join(element.text_content().split())
        if text and text not in blocks:
            blocks[text] = element
    listed = 0.0
    for line in lines:
        block = blocks.get(line)
        if line in anchors or _beside_headline(block):
            listed += len(line)
        elif block is not None:  # a run of links read as one line
            linked = sum(len(" ".join(a.text_content().split())) for a in block.iter("a"))
            listed += min(len(line), linked)
    return listed / total > 0.5


def _beside_headline(element: Any) -> bool:
    """A teaser: an element whose parent or grandparent is a small card (little more text
    than the element and a headline) holding a headline link outside the element."""
    if element is None:
        return False
    inside = set(element.iter("a"))
    own = len(" ".join(element.text_content().split()))
    ancestor = element.getparent()
    for _ in range(2):
        if ancestor is None or ancestor.tag in ("body", "main", "article"):
            return False
        if len(" ".join(ancestor.text_content().split())) > own + 300:
            return False  # a story's body, not a card
        for link in ancestor.iter("a"):
            if link not in inside and len(link.text_content().split()) >= 4:
                return True
        ancestor = ancestor.getparent()
    return False


def _declared_types(tree: Any) -> set[str]:
    """What the page says it is: ``og:type`` and JSON-LD ``@type`` values, lower case."""
    found = {
        str(value).strip().lower() for value in tree.xpath("//meta[@property='og:type']/@content")
    }
    for script in tree.xpath("//script[@type='application/ld+json']"):
        try:
            data = json.loads(script.text_content() or "null")
        except ValueError:
            continue
        stack = [data]
        while stack:
            item = stack.pop()
            if isinstance(item, list):
                stack.extend(item)
            elif isinstance(item, dict):
                kind = item.get("@type")
                kinds = kind if isinstance(kind, list) else [kind]
                found.update(str(k).lower() for k in kinds if isinstance(k, str))
                stack.extend(v for key, v in item.items() if key == "@graph")
    return {kind.split(".")[0] for kind in found}
