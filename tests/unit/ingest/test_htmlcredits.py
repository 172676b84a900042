"""Credits read from a saved HTML page's markup: byline elements, meta tags, JSON-LD.

The pages here are written for these tests in the shapes real pages use; the names are
invented.
"""

from __future__ import annotations

from archive.ingest.htmlcredits import html_credits


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
