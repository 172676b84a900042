"""Saved HTML pages: the story as the page shows it, the lead kept, the title cleaned."""

from __future__ import annotations

import pytest

from archive.ingest.htmlmeta import parse_html
from archive.ingest.htmlpage import (
    _blocks,
    _flowed,
    _story_from_blocks,
    _without_link_paragraphs,
    clean_title,
    extract_html_story,
)
from archive.ingest.readers import record_from_html

P1 = "The committee met on Tuesday to discuss the new rules for the harbour and its fleet."
P2 = "Fishermen said the rules would cut their catch by half during the coming season."
P3 = "Officials promised to publish a revised draft of the rules before the end of May."


def html_page(body: str, title: str = "Harbour rules - Example News") -> str:
    return (
        f"<html><head><title>{title}</title>"
        '<meta property="og:site_name" content="Example News"></head><body>'
        '<nav><a href="/">Home</a> <a href="/asia">Asia</a></nav>'
        f"{body}<footer>Copyright Example News</footer></body></html>"
    )


def test_a_paragraph_the_page_repeats_is_kept_as_often_as_shown() -> None:
    body = f"<article><h1>Harbour rules</h1><p>{P1}</p>" + f"<p>{P2}</p>" * 4 + f"<p>{P3}</p>"
    story = extract_html_story(html_page(body + "</article>"))
    assert story is not None
    assert [P1, P2, P2, P2, P2, P3] == [
        line for line in story.text.splitlines() if line != "Harbour rules"
    ]


def test_a_page_of_one_paragraph_repeated_keeps_every_copy() -> None:
    story = extract_html_story(html_page(f"<article>{f'<p>{P1}</p>' * 2000}</article>"))
    assert story is not None
    assert 2000 == story.text.count(P1)


def test_the_lead_before_the_kept_paragraphs_in_their_container_is_put_back() -> None:
    lead = "A storm destroyed forty fishing boats in the harbour overnight, officials said today."
    body = (
        f'<article><div class="story"><p class="teaser">{lead}</p>'
        f"<p>{P1}</p><p>{P2}</p><p>{P3}</p></div></article>"
    )
    import trafilatura

    alone = trafilatura.bare_extraction(html_page(body), favor_precision=True)
    assert lead not in alone.text  # what this guards against: trafilatura drops the lead
    story = extract_html_story(html_page(body))
    assert story is not None
    assert story.text.splitlines()[0] == lead
    assert [lead, P1, P2, P3] == story.text.splitlines()[-4:]


@pytest.mark.parametrize(
    ("title", "site", "expected"),
    [
        ("Harbour rules - Example News", "Example News", "Harbour rules"),
        ("海外留学生看两会：出国前后关注点大不同_教育频道_中国青年网", None,
         "海外留学生看两会：出国前后关注点大不同"),
        ("Junta Defections Drop Two Years After Myanmar Coup | VOA", None,
         "Junta Defections Drop Two Years After Myanmar Coup"),
        ("Myanmar junta - what next?", None, "Myanmar junta - what next?"),
        ("Ex-leader freed", None, "Ex-leader freed"),
    ],
)  # fmt: skip
def test_page_titles_lose_site_and_section_names(
    title: str, site: str | None, expected: str
) -> None:
    assert expected == clean_title(title, site)


def test_an_html_record_has_the_clean_title_and_the_whole_story() -> None:
    body = f"<article><h1>Harbour rules</h1><p>{P1}</p><p>{P2}</p><p>{P3}</p></article>"
    record = record_from_html(html_page(body), source="page.html", encoding="utf-8")
    assert ("Harbour rules", False) == (record.title, record.title_derived)
    text = record.versions[0].text
    assert all(paragraph in text for paragraph in (P1, P2, P3))


def test_the_heading_that_agrees_with_the_title_is_the_headline() -> None:
    body = f"<article><h1>Harbour rules, in full</h1><p>{P1}</p><p>{P2}</p><p>{P3}</p></article>"
    record = record_from_html(
        html_page(body, title="Harbour rules, in full -- Harbour -- Example News"),
        source="page.html",
        encoding="utf-8",
    )
    assert "Harbour rules, in full" == record.title


def test_the_declared_publication_day_beats_a_date_in_the_text() -> None:
    head = '<meta property="article:published_time" content="2020-05-14T17:55:00+00:00">'
    body = (
        f"<article><h1>Harbour rules</h1><p>April 15, 2019</p><p>{P1}</p><p>{P2}</p>"
        f"<p>{P3}</p></article>"
    )
    html = html_page(body).replace("<head>", f"<head>{head}")
    record = record_from_html(html, source="page.html", encoding="utf-8")
    assert "2020-05-14" == str(record.date)


def test_a_copyright_year_is_no_date() -> None:
    body = f"<article><h1>Harbour rules</h1><p>{P1}</p><p>{P2}</p><p>{P3}</p></article>"
    html = html_page(body).replace("Copyright Example News", "&copy; 2013 Example News")
    record = record_from_html(html, source="page.html", encoding="utf-8")
    assert record.date is None


def story_of(body: str, extracted: list[str]) -> list[str]:
    """The story read back from a page's blocks, given the lines trafilatura kept."""
    story = _story_from_blocks("\n".join(extracted), _blocks(parse_html(html_page(body))))
    assert story is not None
    return story.splitlines()


def test_a_lead_box_right_before_the_body_container_is_put_back() -> None:
    lead = "Rescuers found a fifth victim four days after the landslide buried several houses."
    body = (
        "<article><h1>Harbour rules</h1><div class='info'>Today, 17:40</div>"
        f"<div class='lead'>{lead}</div>"
        f"<div class='body'><p>{P1}</p><p>{P2}</p><p>{P3}</p></div></article>"
    )
    assert [lead, P1, P2, P3] == story_of(body, [P1, P2, P3])


def test_a_box_that_is_not_right_before_the_body_is_no_lead() -> None:
    box = "Read our full coverage of the harbour and its fleet in the special section online."
    body = (
        f"<div class='promo'>{box}</div><aside><p>Most read</p></aside>"
        f"<article><h1>Harbour rules</h1><div class='body'><p>{P1}</p><p>{P2}</p>"
        f"<p>{P3}</p></div></article>"
    )
    assert [P1, P2, P3] == story_of(body, [P1, P2, P3])


def test_a_line_no_block_holds_stays_where_trafilatura_had_it() -> None:
    loose = "Photos of the new pier show the harbour master at its opening."
    body = f"<article><span>{loose}<br></span><p>{P1}</p><p>{P2}</p><p>{P3}</p></article>"
    assert [loose, P1, P2, P3] == story_of(body, [loose, P1, P2, P3])
    assert [P1, loose, P2, P3] == story_of(body, [P1, loose, P2, P3])


def test_a_summary_repeating_the_lead_outside_the_article_is_read_once() -> None:
    body = (
        f"<div class='summary'><h2>{P1}</h2></div>"
        f"<article><h1>Harbour rules</h1><p>{P1}</p><p>{P2}</p><p>{P3}</p></article>"
    )
    assert [P1, P2, P3] == story_of(body, [P1, P2, P3])


def test_source_line_breaks_inside_text_are_spaces_but_not_in_pre() -> None:
    html = (
        "<html><body><span>Photos\n which were released,\n  show the pier.</span>"
        "<pre>Tide table\nMonday 06:10</pre></body></html>"
    )
    root = parse_html(_flowed(html))
    assert root is not None
    assert "Photos which were released, show the pier." == root.find(".//span").text
    assert "Tide table\nMonday 06:10" == root.find(".//pre").text


@pytest.mark.parametrize(
    "related",
    [
        'Read more: <a href="/x">Harbour fees double as the fleet shrinks again</a>',
        '<strong>ĐỌC THÊM: <a href="/x">Phí cảng tăng gấp đôi khi đội tàu thu hẹp</a></strong>',
    ],
)
def test_a_labelled_link_paragraph_moves_to_the_furniture(related: str) -> None:
    body = (
        f"<article><h1>Harbour rules</h1><p>{P1}</p><p>{related}</p><p>{P2}</p>"
        f"<p>{P3}</p></article>"
    )
    record = record_from_html(html_page(body), source="page.html", encoding="utf-8")
    text = record.versions[0].text
    furniture = record.versions[0].furniture or ""
    assert "Harbour fees double" not in text and "Phí cảng" not in text
    assert "Harbour fees double" in furniture or "Phí cảng" in furniture
    assert P1 in text and P3 in text


def test_a_paragraph_with_a_link_inside_its_sentence_stays() -> None:
    inline = 'Officials said <a href="/x">the new rules</a> would apply from May onwards.'
    body = f"<article><h1>Harbour rules</h1><p>{P1}</p><p>{inline}</p><p>{P2}</p></article>"
    record = record_from_html(html_page(body), source="page.html", encoding="utf-8")
    assert "Officials said the new rules would apply from May onwards." in record.versions[0].text


def test_one_link_paragraphs_are_found_with_or_without_a_short_label() -> None:
    root = parse_html(
        "<html><body><p><a href='/a'>Harbour fees double as the fleet shrinks</a></p>"
        "<p>阅读更多：<a href='/b'>港口费用翻倍，船队再次缩小</a></p>"
        "<p>A long sentence that names <a href='/c'>the harbour fees</a></p>"
        "<p>Officials who met on Tuesday said: <a href='/d'>the harbour fees</a></p></body></html>"
    )
    story = "\n".join(
        [
            "Headline",
            "Harbour fees double as the fleet shrinks",
            "A long sentence that names the harbour fees",
            "阅读更多：港口费用翻倍，船队再次缩小",
            "Officials who met on Tuesday said: the harbour fees",
        ]
    )
    kept, moved = _without_link_paragraphs(story, _blocks(root))
    assert (
        "Harbour fees double as the fleet shrinks",
        "阅读更多：港口费用翻倍，船队再次缩小",
    ) == moved
    assert [
        "Headline",
        "A long sentence that names the harbour fees",
        "Officials who met on Tuesday said: the harbour fees",
    ] == kept.splitlines()
