"""Saved HTML pages: the story as the page shows it, the lead kept, the title cleaned."""

from __future__ import annotations

import pytest

from archive.ingest.htmlpage import clean_title, extract_html_story
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
