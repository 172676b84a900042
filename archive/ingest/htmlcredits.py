"""Credits a saved HTML page states in its markup: byline elements, meta tags, JSON-LD.

The story text's credits are read by :mod:`archive.ingest.bylines`; this module reads what
the markup adds around the story.
"""

from __future__ import annotations

import re

from archive.ingest.bylines import _BY, dedupe_credits, fold_text, read_credit_line
from archive.ingest.credits import CreditEntry

__all__ = ["html_credits"]

_CREDIT_ATTRIBUTE = re.compile(r"byline|author|editor|reporter|writer|credit|contributor|liabil",
                               re.IGNORECASE)  # fmt: skip
_META_AUTHOR = frozenset({"author", "byl", "byline", "dc.creator", "sailthru.author"})
_MAX_ELEMENT_CHARS = 80


def html_credits(html: str) -> tuple[CreditEntry, ...]:
    """Credits a saved HTML page states in its markup rather than in the story text.

    Reads the page's byline elements (class, id or itemprop naming a byline, author or
    editor, with short text: "By JEFFREY GETTLEMAN", "责任编辑：崔宁宁", "[责任编辑：alonliu]"),
    short paragraphs that are labelled credit lines ("作者︱春春"), and the ``author``/``byl``
    meta tags when they hold a full name. Every text must read as a credit line.
    """
    import lxml.html  # heavy; only HTML imports need it

    try:
        root = lxml.html.document_fromstring(html)
    except (ValueError, lxml.etree.ParserError):
        return ()
    entries: list[CreditEntry] = []
    by_line: str | None = None
    for element in root.iter():
        if not isinstance(element.tag, str) or element.tag in ("script", "style", "head"):
            continue
        if element.tag == "meta":
            name = (element.get("name") or element.get("property") or "").casefold()
            content = " ".join((element.get("content") or "").split())
            if name in _META_AUTHOR and content:
                line = content if content[:3].casefold() == "by " else f"By {content}"
                found = [e for e in read_credit_line(line) if len(e.name.split()) >= 2]
                entries.extend(found)
            continue
        attributes = " ".join(element.get(a) or "" for a in ("class", "id", "itemprop", "rel"))
        text = " ".join(element.text_content().split())
        if not text or len(text) > _MAX_ELEMENT_CHARS:
            continue
        if _CREDIT_ATTRIBUTE.search(attributes) or (
            element.tag in ("p", "strong", "b", "span", "div") and len(element) <= 2
        ):
            found_here = read_credit_line(text)
            is_by = _BY.match(fold_text(text)) is not None
            if found_here and is_by and not _CREDIT_ATTRIBUTE.search(attributes):
                continue  # outside a byline element only labelled lines count
            if found_here and is_by:
                # The story's byline is the first; later ones head related stories or comments.
                if by_line is not None and text != by_line and not by_line.endswith(text):
                    continue
                by_line = text
            entries.extend(found_here)
    return tuple(dedupe_credits(entries))
