"""A page of many short lines reads like a short page of the same shape: the per-line
readings kept per page (caches, sorted weights) change how fast a page is read, never what
is read of it."""

from __future__ import annotations

from archive.ingest.textpage import ParsedPage, parse_text_page
from tests.unit.ingest.pages import HEADLINE, LEAD, SECOND, THIRD

_PLACES = ("river", "valley", "harbour", "border", "market", "bridge", "school", "clinic")
_EVENTS = ("reopens", "floods", "closes", "expands", "waits", "recovers", "votes", "grows")


def _links(count: int) -> list[str]:
    """Short related-story lines, each different ("Harbour town floods again 12")."""
    return [
        f"{_PLACES[i % 8].capitalize()} town {_EVENTS[(i // 8) % 8]} again {i}"
        for i in range(count)
    ]


def _page(links: int, *, menu: int = 0) -> str:
    lines = [
        *(f"Section {i}" for i in range(menu)),
        HEADLINE,
        "By Dara Keo",
        LEAD,
        SECOND,
        THIRD,
        "Related stories",
        *_links(links),
    ]
    return "\n".join(lines) + "\n"


def _reading(page: ParsedPage) -> tuple[object, ...]:
    return (page.title, page.date, page.body, page.credit_line, page.credits)


def test_a_long_list_of_links_under_the_story_reads_like_a_short_one() -> None:
    short = parse_text_page(_page(6))
    long = parse_text_page(_page(1000))

    assert _reading(long) == _reading(short)
    assert short.title == HEADLINE
    assert LEAD in short.body and THIRD in short.body
    assert not any(link in long.body for link in _links(1000))
    assert set(_links(1000)) <= set(long.dropped)


def test_a_long_menu_over_the_headline_reads_like_a_short_one() -> None:
    short = parse_text_page(_page(6, menu=4))
    long = parse_text_page(_page(6, menu=1000))

    assert _reading(long) == _reading(short)
    assert {f"Section {i}" for i in range(1000)} <= set(long.dropped)


def test_many_paragraphs_are_all_kept_in_order() -> None:
    # numbered below 100, so that no paragraph holds a year (dates are read line by line)
    paragraphs = [f"{SECOND[:-1]}, report {i // 50} part {i % 50} said." for i in range(2000)]
    page = parse_text_page("\n".join([HEADLINE, LEAD, *paragraphs, THIRD]) + "\n")

    assert page.title == HEADLINE
    assert page.body.splitlines() == [LEAD, *paragraphs, THIRD]
