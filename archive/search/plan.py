"""Routing a parsed query to the indexes: each term becomes an FTS5 expression for one index.

A term is first put in its derived form (``archive.analysis.derive_text``: Zawgyi to Unicode,
NFC, no zero-width characters, full-width forms folded), exactly as the indexed text was.
Then:

- a term holding spaceless-script characters (Burmese, Khmer, Lao, Thai, Tibetan, Chinese,
  Japanese, Korean) is a substring: ``trigram`` when three characters or longer, else
  ``bigram`` (or a bounded ``scan`` of the segment table, for comparison);
- any other term goes to the ``words`` (``unicode61``) index as a quoted phrase, with ``*``
  for a prefix.

The indexes hold each segment's search form (`archive.search.text.search_forms`): Han folded
to Simplified, so ``總統`` finds ``总统`` (``han_variants=False`` keeps only the form typed:
the match must then also be in the segment's text as typed, `Leaf.exact`); Latin diacritics
removed, except in Vietnamese. A words term looks in the ``main`` column as typed or without
its diacritics (so ``Việt`` finds ``Việt`` in Vietnamese and ``Viet`` elsewhere, never
``viết``); ``fold_diacritics=True`` looks in the ``loose`` column too (Vietnamese without
marks), so ``viet`` finds ``việt`` and ``viết``.

Every user term is quoted (``"`` doubled inside), so nothing typed is ever FTS5 syntax.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from archive.search.query import Query, Term
from archive.search.text import (
    bigram_query,
    fold_han,
    has_han,
    has_spaceless,
    has_word_chars,
    strip_diacritics,
)

__all__ = ["Index", "Leaf", "PlannedClause", "ShortTerms", "plan_query", "quote_fts"]

Index = Literal["words", "trigram", "bigram", "scan"]
ShortTerms = Literal["bigram", "scan"]

# Which index drives a query when several could (ties go to the earlier one).
PREFERENCE: tuple[Index, ...] = ("words", "trigram", "bigram", "scan")


def quote_fts(text: str) -> str:
    """``text`` as one FTS5 string: in double quotes, inner quotes doubled (like sqlite-utils)."""
    return '"' + text.replace('"', '""') + '"'


@dataclass(frozen=True, slots=True)
class Leaf:
    """One term routed to one index: the FTS5 expression (or scanned text) and the derived text."""

    index: Index
    expr: str
    text: str
    prefix: bool = False
    #: Look in the diacritic-less ``loose`` column too (a words leaf with ``fold_diacritics``).
    loose: bool = False
    #: The term as typed, which the segment's text must hold (Chinese searched in one form).
    exact: str | None = None


@dataclass(frozen=True, slots=True)
class PlannedClause:
    """A clause whose terms are routed: leaves joined by OR, or one excluded leaf."""

    leaves: tuple[Leaf, ...]
    excluded: bool = False

    @property
    def indexes(self) -> frozenset[Index]:
        """The indexes this clause needs."""
        return frozenset(leaf.index for leaf in self.leaves)


def derive(text: str) -> str:
    """A query term in the indexed (derived) form, whitespace collapsed."""
    from archive.analysis import derive_text

    return " ".join(derive_text(text).split())


def _words_expr(text: str, *, prefix: bool, loose: bool) -> str:
    """The FTS5 expression of a words term: as typed or without diacritics, in ``main``; with
    ``loose``, without diacritics in both columns."""
    star = "*" if prefix else ""
    bare = strip_diacritics(text)
    if loose:
        return "{main loose} : " + quote_fts(bare) + star
    forms = [quote_fts(text) + star]
    if bare != text:
        forms.append(quote_fts(bare) + star)
    return "main : (" + " OR ".join(forms) + ")"


def route_term(
    term: Term,
    *,
    short_terms: ShortTerms = "bigram",
    han_variants: bool = True,
    fold_diacritics: bool = False,
) -> Leaf | None:
    """The leaf for ``term``, or None when it holds nothing an index can find."""
    text = derive(term.text)
    if not text:
        return None
    exact = None if han_variants or not has_han(text) else text
    if has_spaceless(text):
        folded = fold_han(text)
        if len(text) >= 3:
            return Leaf("trigram", quote_fts(folded), text, exact=exact)
        if short_terms == "scan":
            return Leaf("scan", folded, text, exact=exact)
        expr = bigram_query(folded)
        return Leaf("bigram", expr, text, exact=exact) if expr else None
    if not has_word_chars(text):
        return None
    expr = _words_expr(text, prefix=term.prefix, loose=fold_diacritics)
    return Leaf("words", expr, text, term.prefix, loose=fold_diacritics)


def plan_query(
    query: Query,
    *,
    short_terms: ShortTerms = "bigram",
    han_variants: bool = True,
    fold_diacritics: bool = False,
) -> list[PlannedClause]:
    """Route every clause of ``query``; terms that hold nothing searchable are dropped."""
    planned = []
    for clause in query.clauses:
        leaves = tuple(
            leaf
            for term in clause.terms
            if (
                leaf := route_term(
                    term,
                    short_terms=short_terms,
                    han_variants=han_variants,
                    fold_diacritics=fold_diacritics,
                )
            )
            is not None
        )
        if leaves:
            planned.append(PlannedClause(leaves, excluded=clause.excluded))
    return planned
