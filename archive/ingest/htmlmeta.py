"""What a saved HTML page says of itself: meta tags, JSON-LD, its <h1> — read with bounds.

The story's own text is read elsewhere (:mod:`archive.ingest.htmlpage`); this module reads the
page's declared headline and publication date, which the markup states more reliably than
any line of text: a site clock, a related story's date or an epigraph's date never sits in
``datePublished``.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from typing import Any

from archive.ingest.lineweight import line_weight
from archive.jsonsafe import parse_json_line

__all__ = [
    "ARTICLE_TYPES",
    "json_ld_objects",
    "ld_types",
    "markup_headline",
    "meta_values",
    "parse_html",
    "published_date",
    "stories",
]

#: JSON-LD ``@type`` values of a story (the object whose headline, date and author count).
ARTICLE_TYPES = frozenset(
    {
        "article",
        "newsarticle",
        "reportagenewsarticle",
        "analysisnewsarticle",
        "opinionnewsarticle",
        "backgroundnewsarticle",
        "blogposting",
        "liveblogposting",
        "webpage",
    }
)
# Bounds on what a page may make us read: scripts, objects walked, characters per script.
_MAX_LD_SCRIPTS = 20
_MAX_LD_CHARS = 500_000
_MAX_LD_OBJECTS = 500


def parse_html(html: str) -> Any | None:
    """The page's element tree (lxml), or None where the markup cannot be parsed."""
    import lxml.html
    from lxml import etree

    try:
        return lxml.html.document_fromstring(html)
    except (etree.ParserError, ValueError):
        return None


def _norm(text: str) -> str:
    return " ".join(unicodedata.normalize("NFC", text).split())


def json_ld_objects(root: Any) -> list[dict[str, Any]]:
    """Every JSON-LD object the page holds (``@graph`` members and nested objects included),
    in page order; scripts that do not parse are skipped."""
    found: list[dict[str, Any]] = []
    scripts = root.xpath("//script[@type='application/ld+json']")[:_MAX_LD_SCRIPTS]
    for script in scripts:
        text = (script.text_content() or "").strip()
        if not text or len(text) > _MAX_LD_CHARS:
            continue
        try:
            data = parse_json_line(" ".join(text.split()))
        except ValueError:
            continue
        for item in _walk(data):
            found.append(item)
            if len(found) >= _MAX_LD_OBJECTS:
                return found
    return found


def _walk(data: object) -> Iterator[dict[str, Any]]:
    stack = [data]
    while stack:
        item = stack.pop(0)
        if isinstance(item, list):
            stack[:0] = item
        elif isinstance(item, dict):
            yield item
            stack.extend(v for v in item.values() if isinstance(v, dict | list))


def ld_types(item: dict[str, Any]) -> set[str]:
    """An object's ``@type`` values, lower case (``"NewsArticle"`` → ``{"newsarticle"}``)."""
    kind = item.get("@type")
    kinds = kind if isinstance(kind, list) else [kind]
    return {k.strip().lower() for k in kinds if isinstance(k, str)}


def meta_values(root: Any, *names: str) -> list[str]:
    """The non-empty ``content`` of the page's meta tags with one of ``names`` (matched on
    ``name``, ``property`` or ``itemprop``, case-insensitively), in page order."""
    wanted = {name.casefold() for name in names}
    values: list[str] = []
    for meta in root.iter("meta"):
        key = (meta.get("name") or meta.get("property") or meta.get("itemprop") or "").strip()
        content = _norm(meta.get("content") or "")
        if key.casefold() in wanted and content:
            values.append(content)
    return values


def stories(root: Any) -> list[dict[str, Any]]:
    """The page's JSON-LD story objects, the most specific type first (a NewsArticle before
    the WebPage that holds it)."""
    items = [item for item in json_ld_objects(root) if ld_types(item) & ARTICLE_TYPES]
    return sorted(items, key=lambda item: "webpage" in ld_types(item))


# --- the headline ---------------------------------------------------------------------------

# A declared title agrees with a heading when it is the heading, or the heading then a
# separator and a site or section name (or a photo credit in brackets).
_MIN_HEADING_SHARE = 0.4


def _agrees(heading: str, declared: str) -> bool:
    if heading == declared:
        return True
    if line_weight(heading) < _MIN_HEADING_SHARE * line_weight(declared):
        return False
    for rest in (
        declared[len(heading) :] if declared.startswith(heading) else None,
        declared[: -len(heading)][::-1] if declared.endswith(heading) else None,
    ):
        if rest is not None and not rest[0].isalnum():
            return True
    return False


def _headings(root: Any) -> Iterator[str]:
    """The texts of the page's <h1> elements; for a heading made of parts (a headline span
    and a byline span, a headline and the site's logo link), each part too."""
    for h1 in root.iter("h1"):
        whole = _norm(h1.text_content())
        if whole:
            yield whole
        for child in h1:
            if isinstance(child.tag, str):
                part = _norm(child.text_content())
                if part and part != whole:
                    yield part


def markup_headline(root: Any) -> str | None:
    """The page's headline as it shows it: the first <h1> (or part of one) that agrees with
    a title the page declares (``<title>``, ``og:title``, ``twitter:title``, JSON-LD
    ``headline``), those being the heading plus at most a site name, section or credit.

    None where no heading agrees (the caller then cleans the declared title).
    """
    declared = [_norm(t.text_content()) for t in root.iter("title")][:1]
    declared += meta_values(root, "og:title", "twitter:title", "title")
    declared += [
        _norm(item["headline"]) for item in stories(root) if isinstance(item.get("headline"), str)
    ]
    declared = [title for title in declared if title]
    if not declared:
        return None
    for heading in _headings(root):
        if any(_agrees(heading, title) for title in declared):
            return heading
    return None


# --- the date -------------------------------------------------------------------------------

_META_PUBLISHED = (
    "article:published_time",
    "og:article:published_time",
    "datepublished",
    "pubdate",
    "publishdate",
    "dc.date.issued",
    "sailthru.date",
)
_ISO_DAY = re.compile(r"^(\d{4})-?(\d{2})-?(\d{2})(?:$|[T\s])")


def _iso_day(value: str) -> str | None:
    """``YYYY-MM-DD`` of an ISO 8601 date or date-time (``20180619T055000+0900`` too)."""
    match = _ISO_DAY.match(value.strip())
    if match is None:
        return None
    year, month, day = (int(part) for part in match.groups())
    if not (1 <= month <= 12 and 1 <= day <= 31 and 1990 <= year <= 2100):
        return None
    return f"{year:04d}-{month:02d}-{day:02d}"


def published_date(root: Any) -> str | None:
    """The publication day the page declares: its JSON-LD story's ``datePublished``, else a
    ``article:published_time``-like meta tag, else an ``itemprop="datePublished"``
    element's ``datetime``/``content``. Only ISO dates count (a machine-readable value),
    never a date read from text. The calendar day as written (the page's own time zone).
    """
    for item in stories(root):
        value = item.get("datePublished")
        if isinstance(value, str) and (day := _iso_day(value)):
            return day
    for value in meta_values(root, *_META_PUBLISHED):
        if day := _iso_day(value):
            return day
    for element in root.xpath("//*[@itemprop='datePublished']")[:5]:
        value = element.get("datetime") or element.get("content") or ""
        if day := _iso_day(value):
            return day
    return None
