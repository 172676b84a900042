"""The query language: parsing into the AST, routing terms, and SQL that never holds user text."""

from __future__ import annotations

import pytest

from archive.errors import SearchSyntaxError
from archive.search import search_sql
from archive.search.plan import quote_fts, route_term
from archive.search.query import Clause, CreditFilter, Filters, Query, Term, parse_query
from archive.search.text import bigram_document, bigram_query


def test_words_phrases_or_exclusion_and_prefix() -> None:
    assert Query(
        clauses=(
            Clause((Term("defect"),)),
            Clause((Term("junta soldiers", phrase=True),)),
            Clause((Term("police"), Term("army"))),
            Clause((Term("rumour"),), excluded=True),
            Clause((Term("elect", prefix=True),)),
        )
    ) == parse_query('defect "junta soldiers" police OR army -rumour elect*')


def test_provenance_filters() -> None:
    parsed = parse_query('defect translator:"Khin Maung Nyane" year:2021 lang:en kind:published')
    assert (
        Filters(
            languages=("en",),
            kinds=("published",),
            credits=(CreditFilter(role="translator", name="Khin Maung Nyane"),),
            years=((2021, 2021),),
        )
        == parsed.filters
    )
    assert (Clause((Term("defect"),)),) == parsed.clauses


def test_person_and_role_bind_to_one_credit() -> None:
    filters = parse_query(
        'x person:"Eugene Whong" role:writer service:"RFA Burmese" year:2019..2021'
    ).filters
    assert (CreditFilter(role="writer", name="Eugene Whong"),) == filters.credits
    assert ("RFA Burmese",) == filters.services
    assert ((2019, 2021),) == filters.years


def test_unclosed_quote_runs_to_the_end() -> None:
    assert (Clause((Term("junta soldiers", phrase=True),)),) == parse_query(
        '"junta soldiers'
    ).clauses


def test_a_colon_word_that_is_no_filter_is_a_word() -> None:
    assert (Clause((Term("COVID:19"),)),) == parse_query("COVID:19").clauses


HOSTILE_ERRORS = [
    "",
    "   ",
    "OR",
    "OR defect",
    "defect OR",
    "-",
    "*",
    "**",
    "-defect",
    "NOT",
    "defect\x00",
    "x" * 5000,
    "year:abc",
    "year:2021..2019",
    "kind:poem x",
    "role:boss x",
    "lang: x",
    "!!! ???",
    "(((",
]


@pytest.mark.parametrize("query", HOSTILE_ERRORS)
def test_hostile_queries_raise_one_line_syntax_errors(query: str) -> None:
    with pytest.raises(SearchSyntaxError) as caught:
        search_sql(query=query)
    assert "\n" not in str(caught.value)
    assert caught.value.detail


SAFE = [
    "NEAR(a b)",
    "a AND b",
    "x'; DROP TABLE article; --",
    '"; DELETE FROM version; "',
    "col:value",
    "text:foo",
    "^start",
    "a + b",
    "{text}: x",
    "a -- b",
]


@pytest.mark.parametrize("query", SAFE)
def test_user_text_never_reaches_the_sql(query: str) -> None:
    sql, params = search_sql(query=query)
    assert "DROP" not in sql and "DELETE" not in sql and "NEAR" not in sql
    for value in params.values():
        if isinstance(value, str) and value.startswith("("):
            # every FTS5 term is a quoted string
            assert value.count('"') % 2 == 0


def test_quote_fts_doubles_quotes() -> None:
    assert '"say ""hi"""' == quote_fts('say "hi"')


def test_routing_by_script_and_length() -> None:
    assert "words" == route_term(Term("soldiers")).index  # type: ignore[union-attr]
    assert "trigram" == route_term(Term("စစ်သား")).index  # type: ignore[union-attr]
    assert "bigram" == route_term(Term("议员")).index  # type: ignore[union-attr]
    assert "bigram" == route_term(Term("상원", prefix=True)).index  # type: ignore[union-attr]
    assert "scan" == route_term(Term("议员"), short_terms="scan").index  # type: ignore[union-attr]
    assert route_term(Term("!!!")) is None


def test_zawgyi_and_full_width_terms_are_derived() -> None:
    leaf = route_term(Term("ＡＢＣ"))
    assert leaf is not None and "ABC" == leaf.text


def test_bigram_document_and_query_agree() -> None:
    assert "004e2d0056fd 0056fd004eba 004eba" == bigram_document("中国人 and more")
    assert '"004e2d0056fd"' == bigram_query("中国")
    assert '"004e2d"*' == bigram_query("中")


def test_bigram_document_of_several_runs_and_lone_characters() -> None:
    # Each run: its pairs, then its last character; a one-character run is just itself.
    assert "004e2d0056fd 0056fd 00ac00 020000" == bigram_document("中国 a 가 b 𠀀")
    assert "" == bigram_document("no spaceless text")


def test_raw_mode_passes_fts_syntax() -> None:
    sql, params = search_sql(query="soldier* NEAR(junta defect)", raw=True)
    assert "soldier* NEAR(junta defect)" in params.values()
    assert "search_words MATCH" in sql


def test_limit_and_offset_are_checked() -> None:
    with pytest.raises(ValueError):
        search_sql(query="x", limit=0)
    with pytest.raises(ValueError):
        search_sql(query="x", offset=-1)
