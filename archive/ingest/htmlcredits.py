"""Credits a saved HTML page states in its markup: byline elements, meta tags, JSON-LD.

The story text's credits are read by :mod:`archive.ingest.bylines`; this module reads what
the markup adds around the story.
"""

from __future__ import annotations

import re
from typing import Any

from archive.identity.names import clean_person_name
from archive.ingest.bylines import BY_LABEL, dedupe_credits, fold_text, read_credit_line
from archive.ingest.credits import CreditEntry
from archive.ingest.htmlmeta import json_ld_objects, ld_types, meta_values, parse_html, stories

__all__ = ["html_credits", "is_organisation", "page_organisations"]

_CREDIT_ATTRIBUTE = re.compile(r"byline|author|editor|reporter|writer|credit|contributor|liabil",
                               re.IGNORECASE)  # fmt: skip
_META_AUTHOR = ("author", "article:author", "byl", "byline", "dc.creator", "sailthru.author")
_MAX_ELEMENT_CHARS = 80
# Page chrome by its class or id: a credit-like line there (a copyright notice, a tag list,
# a comment's author, a share control) is never the story's credit.
_CHROME_ATTRIBUTE = re.compile(
    r"(?<![a-z])(?:copyright|footer|tags?|keywords?|topics?|share|sharing|social|comments?"
    r"|related|breadcrumbs?|menu|nav)(?![a-z])",
    re.IGNORECASE,
)
_CHROME_TAGS = frozenset({"footer", "nav", "script", "style", "head", "noscript", "template"})
# JSON-LD types of an organisation (schema.org's Organization and its news subtypes).
_ORGANISATION_TYPES = frozenset(
    {"organization", "newsmediaorganization", "corporation", "organisation", "brand"}
)
# Words that make a name an organisation's, in the names bylines use in Latin script
# ("CNN Wire", "National Desk", "Staff Reports", "News Service").
_ORGANISATION_WORDS = frozenset(
    {
        "wire", "desk", "staff", "news", "newsroom", "agency", "agencies", "media",
        "service", "services", "bureau", "team", "editors", "editorial", "network",
        "reporters", "correspondents", "inc", "ltd", "llc",
    }
)  # fmt: skip
_ROMAN = frozenset({"III", "VII", "VIII"})
# "CNN Wire": three capitals or more (two are a person's initials: "AJ Lee").
_MIN_ACRONYM = 3
# "© 2023 Condé Nast. All rights reserved.", "Copyright (c) 2013 Cable News Network".
_COPYRIGHT_HOLDER = re.compile(
    r"(?:©|\(c\)|copyright)\s*(?:\(c\)\s*)?(?:\d{4}(?:\s*[-–]\s*\d{4})?\s*)?,?\s*"
    r"(?P<holder>[^.,|;:©\d]{2,60})",
    re.IGNORECASE,
)
_MAX_NAME_WORDS = 6


def _norm(text: str) -> str:
    return " ".join(text.split()).casefold()


def page_organisations(root: Any) -> set[str]:
    """The organisations a page names as such, lower case: JSON-LD organisations (publisher,
    an author typed Organization), the site's name, and its copyright holders."""
    names: set[str] = set()
    for item in json_ld_objects(root):
        if ld_types(item) & _ORGANISATION_TYPES and isinstance(item.get("name"), str):
            names.add(_norm(item["name"]))
    for value in meta_values(root, "og:site_name", "application-name", "copyright"):
        names.add(_norm(value))
    texts = [*meta_values(root, "copyright")]
    texts += [" ".join(t.split()) for t in root.xpath("//body//text()[contains(., '©')]")[:20]]
    for text in texts:
        for match in _COPYRIGHT_HOLDER.finditer(text):
            holder = _norm(match.group("holder")).strip(" -–")
            if holder and not holder.startswith("all rights"):
                names.add(holder)
    return {name for name in names if name}


def is_organisation(name: str, organisations: set[str]) -> bool:
    """Whether a credited name is an organisation's, not a person's: one the page names as
    an organisation (or a name such a name starts with), a name with an acronym in mixed
    case ("CNN Wire") or an organisation word ("National Desk")."""
    folded = _norm(name)
    if any(
        folded == org
        or re.search(rf"(?<!\w){re.escape(folded)}(?!\w)", org)
        or folded.startswith(f"{org} ")
        for org in organisations
    ):
        return True
    words = name.split()
    if any(word.strip(".,").casefold() in _ORGANISATION_WORDS for word in words):
        return True
    mixed = name != name.upper()
    return mixed and any(
        len(word) >= _MIN_ACRONYM and word.isalpha() and word.isupper() and word not in _ROMAN
        for word in words
    )


def _looks_like_name(name: str) -> bool:
    """A declared author's name: a few words, no digits, address or handle."""
    words = name.split()
    return (
        1 <= len(words) <= _MAX_NAME_WORDS
        and len(name) <= 60
        and not any(ch.isdigit() or ch in "@/:" for ch in name)
        and (len(words) >= 2 or not name.isascii())
        and name[0].isalpha()
        and name[0] == name[0].upper()
    )


def _declared_authors(root: Any, organisations: set[str]) -> list[CreditEntry]:
    """The authors the page's JSON-LD story names (a Person, or an untyped object with a
    name); organisations are added to ``organisations`` instead."""
    entries: list[CreditEntry] = []
    for item in stories(root):
        authors = item.get("author")
        for author in authors if isinstance(authors, list) else [authors]:
            if isinstance(author, dict):
                name = author.get("name")
                types = ld_types(author)
            else:
                name, types = author, set()
            if not isinstance(name, str) or not name.strip():
                continue
            if types & _ORGANISATION_TYPES:
                organisations.add(_norm(name))
                continue
            if types and "person" not in types:
                continue
            cleaned = clean_person_name(name)
            if cleaned and _looks_like_name(cleaned):
                entries.append(CreditEntry("writer", cleaned, "person", None, name.strip()))
    return entries


_POSSESSIVE = re.compile(r"^\S+[’']s\s+(?=\S)")


def _without_possessive(entry: CreditEntry) -> CreditEntry:
    """ "CNN’s Christine Romans" → "Christine Romans": a name never starts with a
    possessive (the outlet the person works for)."""
    if entry.kind != "person" or not _POSSESSIVE.match(entry.name):
        return entry
    name = _POSSESSIVE.sub("", entry.name)
    return CreditEntry(entry.role, name, entry.kind, entry.service_key, entry.raw)


def _tag_list(element: Any, name: str) -> bool:
    """Whether a name is made of two or more links' texts (a list of tags, not a name)."""
    links = [" ".join(a.text_content().split()) for a in element.iter("a")]
    return sum(1 for link in links if link and link in name) >= 2


def html_credits(html: str, *, root: Any | None = None) -> tuple[CreditEntry, ...]:
    """Credits a saved HTML page states in its markup rather than in the story text.

    Reads, in this order of trust: the JSON-LD story's ``author`` (Person, never an
    Organization); the ``author``-like meta tags when the JSON-LD names nobody and they hold
    a full name (not an address); the page's byline elements (class, id, itemprop or rel
    naming a byline, author or editor, with short text: "By JEFFREY GETTLEMAN",
    "责任编辑：崔宁宁", "[责任编辑：alonliu]") and short paragraphs that are labelled credit
    lines ("作者︱春春"), outside the page's chrome (footer, navigation, tags, comments,
    share controls). A name the page declares an organisation's (publisher, site name,
    copyright holder) or that reads as one ("CNN Wire", "National Desk") is no person.
    ``root``: the page already parsed (`parse_html`), read and never changed.
    """
    if root is None:
        root = parse_html(html)
    if root is None:
        return ()
    organisations = page_organisations(root)
    entries: list[CreditEntry] = _declared_authors(root, organisations)
    if not entries:
        for content in meta_values(root, *_META_AUTHOR):
            if content.startswith("http") or "@" in content:
                continue
            line = content if content[:3].casefold() == "by " else f"By {content}"
            entries.extend(e for e in read_credit_line(line) if len(e.name.split()) >= 2)
    entries.extend(_element_credits(root))
    kept = [
        _without_possessive(entry)
        for entry in entries
        if entry.kind != "person" or not is_organisation(entry.name, organisations)
    ]
    return tuple(dedupe_credits(kept))


def _element_credits(root: Any) -> list[CreditEntry]:
    entries: list[CreditEntry] = []
    by_line: str | None = None
    chrome: set[Any] = set()
    for element in root.iter():
        if not isinstance(element.tag, str):
            continue
        attributes = " ".join(element.get(a) or "" for a in ("class", "id", "itemprop", "rel"))
        parent = element.getparent()
        if (
            element.tag in _CHROME_TAGS
            or parent in chrome
            or _CHROME_ATTRIBUTE.search(" ".join(element.get(a) or "" for a in ("class", "id")))
        ):
            chrome.add(element)
            continue
        text = " ".join(element.text_content().split())
        if not text or len(text) > _MAX_ELEMENT_CHARS:
            continue
        if _CREDIT_ATTRIBUTE.search(attributes) or (
            element.tag in ("p", "strong", "b", "span", "div") and len(element) <= 2
        ):
            found_here = read_credit_line(text)
            is_by = BY_LABEL.match(fold_text(text)) is not None
            if found_here and is_by and not _CREDIT_ATTRIBUTE.search(attributes):
                continue  # outside a byline element only labelled lines count
            if found_here and is_by:
                # The story's byline is the first; later ones head related stories or comments.
                if by_line is not None and text != by_line and not by_line.endswith(text):
                    continue
                by_line = text
            entries.extend(e for e in found_here if not _tag_list(element, e.name))
    return entries
