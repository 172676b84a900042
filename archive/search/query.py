"""The one filter and query language of ``archive search``, the library filter and ``list``.

Grammar (``OR`` binds tighter than the implicit AND, as in FTS5)::

    query   := item (SPACE item)*
    item    := filter | "-" atom | "NOT" atom | atom ("OR" atom)*
    atom    := '"' phrase '"' | word ["*"]
    filter  := key ":" (word | '"' phrase '"')
    key     := lang | language | kind | service | person | role | year | since | until
             | reporter | translator | writer | editor | contributor | photographer
             | narrator | source

``translator:NAME`` means a credit with role translator held by NAME; ``person:NAME role:R``
likewise ties the name and the role to one credit. ``year:YYYY`` or ``year:YYYY..YYYY``;
``since:``/``until:`` take ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD`` (as ``archive list``'s
options do, `read_date`). An unclosed quote runs to the end of the query.

Two readings of the same text: `parse_query` is strict (search: anything that cannot be
understood raises `SearchSyntaxError`), `read_filters` is lenient (the library filter, read
as it is typed: a key with no value yet is skipped, a value not understood is left out and
reported, and everything that is not a filter is kept as the words typed).
"""

from __future__ import annotations

import calendar
import datetime as dt
from dataclasses import dataclass, field

from archive.errors import SearchSyntaxError
from archive.models import Role, VersionKind

__all__ = [
    "MAX_CLAUSES",
    "MAX_QUERY_LENGTH",
    "Clause",
    "CreditFilter",
    "FilterText",
    "Filters",
    "Query",
    "Term",
    "parse_query",
    "read_date",
    "read_filters",
    "read_role",
]

MAX_QUERY_LENGTH = 1000
MAX_CLAUSES = 32
ROLES = tuple(r.value for r in Role)
KINDS = tuple(k.value for k in VersionKind)
FILTER_KEYS = frozenset(
    {"lang", "language", "kind", "service", "person", "role", "year", "since", "until", *ROLES}
)


@dataclass(frozen=True, slots=True)
class Term:
    """A word or a quoted phrase, as typed (the compiler derives and quotes it)."""

    text: str
    phrase: bool = False
    prefix: bool = False


@dataclass(frozen=True, slots=True)
class Clause:
    """Terms joined by OR; an excluded clause (``-term``) holds one term."""

    terms: tuple[Term, ...]
    excluded: bool = False


@dataclass(frozen=True, slots=True)
class CreditFilter:
    """A credit the article must hold: a role, a name (person or service), or both."""

    role: str | None = None
    name: str | None = None
    #: The people ``name`` finds, when the caller looked them up (`archive.provenance`'s
    #: name-part matching); None: the back-end matches ``name`` by person key and alias.
    person_ids: tuple[int, ...] | None = None


@dataclass(frozen=True, slots=True)
class Filters:
    """Provenance filters, all combined with AND."""

    languages: tuple[str, ...] = ()
    kinds: tuple[str, ...] = ()
    services: tuple[str, ...] = ()
    credits: tuple[CreditFilter, ...] = ()
    years: tuple[tuple[int, int], ...] = ()
    #: Articles dated on or after ``since`` and on or before ``until``.
    since: dt.date | None = None
    until: dt.date | None = None


@dataclass(frozen=True, slots=True)
class Query:
    """A parsed query: text clauses (AND) and provenance filters."""

    clauses: tuple[Clause, ...]
    filters: Filters = field(default_factory=Filters)


@dataclass(frozen=True, slots=True)
class _Token:
    kind: str  # word | phrase | filter | minus | or | not
    text: str = ""
    key: str = ""
    prefix: bool = False


@dataclass(frozen=True, slots=True)
class FilterText:
    """A filter text read leniently (`read_filters`): the filters understood, the words that
    are not filters (as typed; phrases without their quotes), and what was not understood."""

    filters: Filters
    words: tuple[str, ...]
    problems: tuple[str, ...]


def check_query_text(query: str) -> None:
    """Reject what no query may hold: NUL characters, and more than `MAX_QUERY_LENGTH`."""
    if "\x00" in query:
        raise SearchSyntaxError(query.replace("\x00", "\\0"), "the query holds a NUL character")
    if len(query) > MAX_QUERY_LENGTH:
        raise SearchSyntaxError(
            query,
            f"the query is too long ({len(query):,} characters; at most {MAX_QUERY_LENGTH:,})",
        )


def _read_phrase(query: str, i: int) -> tuple[str, int]:
    """The phrase starting after the quote at ``i``, and the index after its closing quote."""
    end = query.find('"', i + 1)
    if end < 0:  # an unclosed quote runs to the end of the query
        return query[i + 1 :], len(query)
    return query[i + 1 : end], end + 1


def _lex(query: str, *, strict: bool = True) -> list[_Token]:
    """The tokens of ``query``. Lenient (``strict=False``): no operators (``-``, ``OR``,
    ``NOT``, ``AND`` and ``*`` are words as typed) and a key with no value is skipped."""
    tokens: list[_Token] = []
    i, n = 0, len(query)
    while i < n:
        char = query[i]
        if char.isspace() or (ord(char) < 0x20):
            i += 1
            continue
        if char == '"':
            text, i = _read_phrase(query, i)
            tokens.append(_Token("phrase", text))
            continue
        if (
            strict
            and char == "-"
            and i + 1 < n
            and not query[i + 1].isspace()
            and query[i + 1] != "-"
        ):
            tokens.append(_Token("minus"))
            i += 1
            continue
        start = i
        while i < n and not query[i].isspace() and query[i] != '"':
            i += 1
        word = query[start:i]
        key, colon, value = word.partition(":")
        if colon and key.lower() in FILTER_KEYS:
            if not value and i < n and query[i] == '"':
                value, i = _read_phrase(query, i)
            if not value.strip():
                if not strict:
                    continue  # mid-typing: the value is still to come
                raise SearchSyntaxError(query, f"{key}: needs a value (e.g. {key}:VALUE)")
            tokens.append(_Token("filter", value.strip(), key=key.lower()))
            continue
        if not strict:
            tokens.append(_Token("word", word))
        elif word == "OR":
            tokens.append(_Token("or"))
        elif word == "NOT":
            tokens.append(_Token("not"))
        elif word == "AND":
            continue  # AND is implicit
        elif word == "-":
            raise SearchSyntaxError(query, "'-' must be followed by a term to exclude")
        else:
            stripped = word.rstrip("*")
            if not stripped:
                raise SearchSyntaxError(query, "'*' must follow the start of a word (e.g. elect*)")
            tokens.append(_Token("word", stripped, prefix=stripped != word))
    return tokens


def read_role(value: str) -> str:
    """A role as a filter names it (any case), or ValueError."""
    if value.strip().lower() not in ROLES:
        raise ValueError(f"{value!r} is not a role (one of: {', '.join(ROLES)})")
    return value.strip().lower()


def read_date(value: str, *, end: bool) -> dt.date:
    """``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``; a year or month means its first day (its last
    with ``end``). Raises ValueError for anything else."""
    parts = value.strip().split("-")
    try:
        if len(parts) == 1:
            year = int(parts[0])
            return dt.date(year, 12, 31) if end else dt.date(year, 1, 1)
        if len(parts) == 2:
            year, month = int(parts[0]), int(parts[1])
            last = calendar.monthrange(year, month)[1]
            return dt.date(year, month, last if end else 1)
        return dt.date.fromisoformat(value.strip())
    except ValueError:
        raise ValueError(f"{value!r} is not a date (YYYY, YYYY-MM or YYYY-MM-DD)") from None


def _year_range(value: str, *, strict: bool) -> tuple[int, int]:
    """``YYYY``, ``YYYY..YYYY`` or ``YYYY-YYYY``, or ValueError saying why not. A range
    written backwards is an error when strict, else read the right way round."""
    for separator in ("..", "-"):
        if separator in value:
            first, _, last = value.partition(separator)
            break
    else:
        first = last = value
    try:
        low, high = int(first), int(last)
    except ValueError:
        raise ValueError(
            f"year:{value} is not a year: write year:2021 or year:2019..2021"
        ) from None
    if not (1 <= low <= 9999 and 1 <= high <= 9999):
        raise ValueError(f"year:{value} is not a year range")
    if low > high:
        if strict:
            raise ValueError(f"year:{value} is not a year range: the earlier year comes first")
        low, high = high, low
    return low, high


def _filters(query: str, items: list[_Token], *, strict: bool) -> tuple[Filters, list[str]]:
    """The filters of ``items``, and (lenient) what was not understood; strict, the first
    value not understood raises `SearchSyntaxError`."""
    languages: list[str] = []
    kinds: list[str] = []
    services: list[str] = []
    years: list[tuple[int, int]] = []
    names: list[str] = []
    roles: list[str] = []
    credits: list[CreditFilter] = []
    dates: dict[str, dt.date] = {}
    problems: list[str] = []
    for token in items:
        key, value = token.key, token.text
        try:
            if key in ("lang", "language"):
                languages.append(value)
            elif key == "kind":
                if value.lower() not in KINDS:
                    raise ValueError(f"kind:{value} is not one of {', '.join(KINDS)}")
                kinds.append(value.lower())
            elif key == "service":
                services.append(value)
            elif key == "year":
                years.append(_year_range(value, strict=strict))
            elif key in ("since", "until"):
                try:
                    day = read_date(value, end=key == "until")
                except ValueError:
                    raise ValueError(
                        f"{key}:{value} is not a date: write {key}:2021-04-19 (or 2021-04, 2021)"
                    ) from None
                earlier = dates.get(key)
                if earlier is None or (day > earlier if key == "since" else day < earlier):
                    dates[key] = day
            elif key == "person":
                names.append(value)
            elif key == "role":
                if value.lower() not in ROLES:
                    raise ValueError(f"role:{value} is not a role: one of {', '.join(ROLES)}")
                roles.append(value.lower())
            else:  # translator:NAME and the other roles
                credits.append(CreditFilter(role=key, name=value))
        except ValueError as exc:
            if strict:
                raise SearchSyntaxError(query, str(exc)) from None
            problems.append(str(exc))
    for name in names:
        credits.extend(CreditFilter(role=r, name=name) for r in roles or [None])  # type: ignore[list-item]
    if not names:
        credits.extend(CreditFilter(role=r) for r in roles)
    filters = Filters(
        languages=tuple(languages),
        kinds=tuple(kinds),
        services=tuple(services),
        credits=tuple(credits),
        years=tuple(years),
        since=dates.get("since"),
        until=dates.get("until"),
    )
    return filters, problems


def read_filters(text: str) -> FilterText:
    """``text`` read leniently, as the library filter reads what is being typed; never raises.

    The filters are those of `parse_query`; a key with no value yet is skipped, a value not
    understood is left out and its problem reported (``year:20x is not a year: write
    year:2021 or year:2019..2021``); every other word is kept as typed.
    """
    tokens = _lex(text, strict=False)
    filters, problems = _filters(text, [t for t in tokens if t.kind == "filter"], strict=False)
    words = tuple(t.text for t in tokens if t.kind != "filter" and t.text)
    return FilterText(filters, words, tuple(problems))


def parse_query(query: str) -> Query:
    """Parse a query typed by a person into a `Query`.

    Raises:
        SearchSyntaxError: the query cannot be understood (the detail says why).
    """
    check_query_text(query)
    tokens = _lex(query)
    clauses: list[Clause] = []
    filter_tokens: list[_Token] = []
    i = 0

    def atom(at: int, after: str) -> Term:
        if at >= len(tokens) or tokens[at].kind not in ("word", "phrase"):
            raise SearchSyntaxError(query, f"{after} must be followed by a term")
        token = tokens[at]
        return Term(token.text, phrase=token.kind == "phrase", prefix=token.prefix)

    while i < len(tokens):
        token = tokens[i]
        if token.kind == "filter":
            filter_tokens.append(token)
            i += 1
        elif token.kind in ("minus", "not"):
            label = "'-'" if token.kind == "minus" else "NOT"
            clauses.append(Clause((atom(i + 1, label),), excluded=True))
            i += 2
            if i < len(tokens) and tokens[i].kind == "or":
                raise SearchSyntaxError(query, "an excluded term cannot be joined with OR")
        elif token.kind == "or":
            raise SearchSyntaxError(query, "OR needs a term on each side")
        else:
            terms = [atom(i, "")]
            i += 1
            while i < len(tokens) and tokens[i].kind == "or":
                terms.append(atom(i + 1, "OR"))
                i += 2
            clauses.append(Clause(tuple(terms)))
    if len(clauses) > MAX_CLAUSES:
        raise SearchSyntaxError(query, f"too many terms ({len(clauses)}; at most {MAX_CLAUSES})")
    filters, _ = _filters(query, filter_tokens, strict=True)
    return Query(clauses=tuple(clauses), filters=filters)
