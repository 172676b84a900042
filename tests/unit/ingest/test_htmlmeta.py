"""What a saved HTML page declares of itself: its headline and its publication day.

The pages here are made up in the shapes real pages use.
"""

from __future__ import annotations

import pytest

from archive.ingest.htmlmeta import json_ld_objects, markup_headline, parse_html, published_date


def page(head: str, body: str = "") -> object:
    root = parse_html(f"<html><head>{head}</head><body>{body}</body></html>")
    assert root is not None
    return root


@pytest.mark.parametrize(
    ("head", "body", "headline"),
    [
        # the <title> is the heading and a site suffix
        ("<title>Rain closes the river road - Daily Lotus</title>",
         "<h1>Rain closes the river road</h1>", "Rain closes the river road"),
        # a suffix with no spaces around the dash, in Chinese
        ("<title>河边道路因大雨关闭-某某网</title>", "<h1>河边道路因大雨关闭</h1>",
         "河边道路因大雨关闭"),
        # a site name and section before the heading
        ("<meta property='og:title' content='Site | News of the day: Rain closes the road'>",
         "<h1>Rain closes the road</h1>", "Rain closes the road"),
        # the heading holds the headline and a byline in two parts; og:title adds a credit
        ("<meta property='og:title' content='河の道が閉鎖（写真＝共同）'>",
         "<h1><span>河の道が閉鎖</span><br><span>編集委員　山田太郎</span></h1>", "河の道が閉鎖"),
        # the site's logo heading first: it agrees with nothing long enough
        ("<title>Rain closes the river road tonight :: Lotus News</title>",
         "<h1>Lotus News</h1><h1>Rain closes the river road tonight</h1>",
         "Rain closes the river road tonight"),
        # the JSON-LD headline agrees although <title> and og:title are other headlines
        ("<title>Short SEO title | Site</title>"
         "<script type='application/ld+json'>{\"@type\": \"NewsArticle\","
         " \"headline\": \"The long headline the page shows \"}</script>",
         "<h1>The long headline the page shows</h1>", "The long headline the page shows"),
    ],
)  # fmt: skip
def test_the_heading_that_agrees_with_a_declared_title(head: str, body: str, headline: str) -> None:
    assert headline == markup_headline(page(head, body))


@pytest.mark.parametrize(
    ("head", "body"),
    [
        # a heading that is only the start of a word run of the title
        ("<title>Rain closes the river roads</title>", "<h1>Rain closes the river road</h1>"),
        # a heading much shorter than the title (a section name)
        ("<title>World news: rain closes the river road all week</title>", "<h1>World</h1>"),
        # no declared title at all
        ("", "<h1>Rain closes the river road</h1>"),
        # a heading that agrees with nothing
        ("<title>Rain closes the river road</title>", "<h1>Markets rise again</h1>"),
    ],
)
def test_no_heading_agrees(head: str, body: str) -> None:
    assert markup_headline(page(head, body)) is None


@pytest.mark.parametrize(
    ("head", "body", "day"),
    [
        ("<script type='application/ld+json'>[{\"@type\": \"Organization\", \"name\": \"X\"},"
         " {\"@type\": \"NewsArticle\", \"datePublished\": \"2023-11-07T02:00:00.000-05:00\"}]"
         "</script>", "", "2023-11-07"),
        ("<script type='application/ld+json'>{\"@graph\": [{\"@type\": \"WebPage\","
         " \"datePublished\": \"2020-01-02\"}, {\"@type\": \"Article\","
         " \"datePublished\": \"2020-01-03T10:00:00+08:00\"}]}</script>", "", "2020-01-03"),
        ("<script type='application/ld+json'>{\"@type\": \"NewsArticle\","
         " \"datePublished\": \"20180619T055000+0900\"}</script>", "", "2018-06-19"),
        ("<meta property='article:published_time' content='2013-12-30T21:42:01'>", "",
         "2013-12-30"),
        ("<meta name='publishdate' content='2023-11-17'>", "", "2023-11-17"),
        ("", "<time itemprop='datePublished' datetime='2019-08-20T09:31'>Aug 20</time>",
         "2019-08-20"),
    ],
)  # fmt: skip
def test_the_declared_publication_day(head: str, body: str, day: str) -> None:
    assert day == published_date(page(head, body))


@pytest.mark.parametrize(
    ("head", "body"),
    [
        # a site clock is text, not a declared date
        ("", "<time datetime='jueves, 09 enero 2014 10:21'>jueves, 09 enero 2014</time>"),
        # an updated time is no publication date
        ("<meta property='article:modified_time' content='2018-06-18T13:57:57Z'>", ""),
        # a date that is no calendar day
        ("<meta property='article:published_time' content='2013-13-45'>", ""),
        # a JSON-LD date of an object that is no story (an image's upload)
        ("<script type='application/ld+json'>{\"@type\": \"ImageObject\","
         " \"datePublished\": \"2011-05-05\"}</script>", ""),
    ],
)  # fmt: skip
def test_no_declared_publication_day(head: str, body: str) -> None:
    assert published_date(page(head, body)) is None


def test_json_ld_that_does_not_parse_or_nests_too_deep_is_skipped() -> None:
    deep = "[" * 200 + "]" * 200
    root = page(
        f"<script type='application/ld+json'>{{not json</script>"
        f"<script type='application/ld+json'>{deep}</script>"
        '<script type=\'application/ld+json\'>{"@type": "NewsArticle"}</script>'
    )
    assert [{"@type": "NewsArticle"}] == json_ld_objects(root)
