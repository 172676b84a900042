"""Routing a parsed query to the indexes: each term becomes an FTS5 expression for one index.

A term is first put in its derived form (``archive.analysis.derive_text``: Zawgyi to Unicode,
NFC, no zero-width characters, full-width forms folded), exactly as the indexed text was.
Then:

- a term holding spaceless-script characters (Burmese, Khmer, Lao, Thai, Tibetan, Chinese,
  Japanese, Korean) is a substring: ``trigram`` when three characters or longer, else
  ``bigram`` (or a bounded ``scan`` of the segment table, for comparison);
- any other term goes to the ``words`` (``unicode61``) index as a quoted phrase, with ``*``
  for a prefix.

Every user term is quoted (``"`` doubled inside), so nothing typed is ever FTS5 syntax.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from archive.search.query import Clause, Query, Term
from archive.search.text import bigram_query, has_spaceless, has_word_chars

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


def route_term(term: Term, *, short_terms: ShortTerms = "bigram") -> Leaf | None:
    """The leaf for ``term``, or None when it holds nothing an index can find."""
    text = derive(term.text)
    if not text:
        return None
    if has_spaceless(text):
        if len(text) >= 3:
            return Leaf("trigram", quote_fts(text), text)
        if short_terms == "scan":
            return Leaf("scan", text, text)
        expr = bigram_query(text)
        return Leaf("bigram", expr, text) if expr else None
    if not has_word_chars(text):
        return None
    return Leaf("words", quote_fts(text) + ("*" if term.prefix else ""), text, term.prefix)


def plan_query(query: Query, *, short_terms: ShortTerms = "bigram") -> list[PlannedClause]:
    """Route every clause of ``query``; terms that hold nothing searchable are dropped."""
    planned = []
    for clause in query.clauses:
        leaves = _leaves(clause, short_terms)
        if leaves:
            planned.append(PlannedClause(leaves, excluded=clause.excluded))
    return planned


def _leaves(clause: Clause, short_terms: ShortTerms) -> tuple[Leaf, ...]:
    out = []
    for term in clause.terms:
        leaf = route_term(term, short_terms=short_terms)
        if leaf is not None:
            out.append(leaf)
    return tuple(out)
