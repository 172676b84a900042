"""Credits read from a saved HTML page's markup: byline elements, meta tags, JSON-LD.

The pages here are written for these tests in the shapes real pages use; the names are
invented.
"""

from __future__ import annotations

import pytest

from archive.ingest.htmlcredits import html_credits, is_organisation


def test_html_byline_elements_and_meta_author() -> None:
    html = """<html><head><meta name="author" content="Lina Park">
    <meta name="author" content="Username"></head><body>
    <p class="byline">By <a href="/people/lina">LINA PARK</a></p>
    <nav><a>编辑推荐</a></nav>
    <article><p>Story text that is long enough to be the story of this page.</p>
    <p><strong>作者︱周小雨</strong></p>
    <div id="editor_baidu">责任编辑：黄雅婷</div></article></body></html>"""
    assert [
        ("writer", "Lina Park", "person"),
        ("writer", "周小雨", "person"),
        ("editor", "黄雅婷", "person"),
    ] == [(e.role, e.name, e.kind) for e in html_credits(html)]


def test_html_takes_the_story_byline_not_those_of_related_stories() -> None:
    html = """<html><body><article>
    <p class="byline">By Dara Keo</p><p>The story, long enough to be a story here.</p>
    </article><aside><ul>
    <li><span class="byline">By Other Writer</span> Another story</li>
    </ul></aside></body></html>"""
    assert [("writer", "Dara Keo")] == [(e.role, e.name) for e in html_credits(html)]


def names(html: str) -> list[tuple[str, str]]:
    return [(e.role, e.name) for e in html_credits(html)]


def ld(data: str) -> str:
    return f"<script type='application/ld+json'>{data}</script>"


def test_json_ld_person_authors_are_writers_and_win_over_a_meta_author() -> None:
    html = (
        "<html><head><meta name='author' content='Lotus Publishing Group'>"
        + ld(
            '{"@type": "NewsArticle", "author": [{"@type": "Person", "name": "Mara Velden"},'
            ' {"name": "Sok \\"Dara\\" Chan"}], "publisher": {"@type": "Organization",'
            ' "name": "Lotus Daily"}}'
        )
        + "</head><body><p>Story.</p></body></html>"
    )
    assert [("writer", "Mara Velden"), ("writer", 'Sok "Dara" Chan')] == names(html)


def test_a_json_ld_organisation_author_is_no_person_and_names_an_organisation() -> None:
    html = (
        "<html><head>"
        + ld('{"@type": "NewsArticle", "author": {"@type": "Organization", "name": "Lotus Wire"}}')
        + '</head><body><div class="byline">By Lotus Wire</div><p>Story.</p></body></html>'
    )
    assert [] == names(html)


@pytest.mark.parametrize(
    "meta",
    [
        "Harbour Media Holdings",  # an organisation word
        "ABC Wire",  # an acronym in a mixed-case name
        "Velden Nast",  # the page's copyright holder
        "https://www.facebook.com/lotusdaily",  # an address
    ],
)
def test_a_meta_author_that_is_no_person_is_not_credited(meta: str) -> None:
    html = (
        f"<html><head><meta name='author' content='{meta}'>"
        "<meta name='copyright' content='Copyright (c) 2023 Velden Nast. All rights reserved.'>"
        "</head><body><p>Story.</p></body></html>"
    )
    assert [] == names(html)


def test_a_meta_author_that_is_a_full_name_is_credited() -> None:
    html = (
        "<html><head><meta property='article:author' content='Mara Velden'></head>"
        "<body><p>Story.</p><footer>© 2023 Lotus Daily. All rights reserved.</footer></body></html>"
    )
    assert [("writer", "Mara Velden")] == names(html)


def test_credit_like_lines_in_page_chrome_are_not_credits() -> None:
    html = """<html><body><article><p>Story text, long enough to be the story here.</p>
    <div class="post-tags">作者：<a href="/tag/1">中国</a></div>
    <ul class="comment-list"><li><span class="comment_author">By Kim Lee</span></li></ul>
    </article><footer><p>By Sara Holm</p></footer></body></html>"""
    assert [] == names(html)


def test_a_name_made_of_several_links_is_a_tag_list() -> None:
    html = """<html><body><article><p>Story text, long enough to be the story here.</p>
    <div class="byline">By <a href="/t/harbour">Harbour</a> <a href="/t/rules">Rules</a></div>
    </article></body></html>"""
    assert [] == names(html)


def test_a_contributor_named_with_the_outlet_possessive_is_the_person() -> None:
    html = """<html><body><article><p>Story text, long enough to be the story here.</p>
    <p>ABC’s Mara Velden and Sok Chan contributed to this report.</p>
    </article></body></html>"""
    assert [("contributor", "Mara Velden"), ("contributor", "Sok Chan")] == names(html)


@pytest.mark.parametrize(
    ("name", "organisation"),
    [
        ("CNN Wire", True),
        ("National Desk", True),
        ("Lotus Daily", True),  # the page names it
        ("Lotus Daily Staff", True),
        ("AJ Lee", False),  # initials, not an acronym
        ("Louis Daily", False),
        ("Henry Walsh III", False),
        ("JEFFREY GETTLEMAN", False),  # a byline in capitals
    ],
)
def test_organisation_names(name: str, organisation: bool) -> None:
    assert organisation == is_organisation(name, {"lotus daily"})
