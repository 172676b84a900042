"""Tests for parsing saved-text news pages."""

from __future__ import annotations

import datetime
import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from archive.ingest.textpage import ParsedPage, parse_text_page

SEED = Path(__file__).parents[3] / "corpus" / "pages" / "rfa-myanmar-defectors-2021.txt"
TITLE = "Hundreds of Myanmar Junta Security Personnel Defect Over Past Two Weeks"
CREDIT = (
    "Reported by RFA’s Myanmar Service. Translated by Khin Maung Nyane. "
    "Written in English by Eugene Whong."
)
BODY = "First paragraph of the story.\n\n“A quote,” a source said.\n\nThe last paragraph."
PAGE = (
    "Friday, April 19, 2024\n"
    f"HomeAsia{TITLE}\n\n"
    f"{TITLE}\n\n"
    f"{BODY}\n\n"
    f"\u00a0{CREDIT}\n\n"
    "Source link\n\n"
    "- Advertisment -----"
)


def assert_body_is_a_slice(text: str, page: ParsedPage) -> None:
    """The body is exactly the text between its offsets."""
    assert text[page.body_start : page.body_end] == page.body


def test_seed_page() -> None:
    text = SEED.read_text(encoding="utf-8")
    page = parse_text_page(text)
    assert TITLE == page.title
    # The clock above the breadcrumb is when the page was saved, not when it was published.
    assert (None, datetime.date(2024, 4, 19)) == (page.date, page.captured)
    assert page.body.startswith("Around 450 soldiers and police in Myanmar have broken")
    assert page.body.endswith(
        "there will be no dignity or financial gains for them,” said the Myingyan resident."
    )
    assert text.index("Around 450 soldiers") == page.body_start
    assert_body_is_a_slice(text, page)
    assert CREDIT == page.credit_line
    assert page.credits is not None
    assert [
        ("reporter", "RFA Myanmar Service", "service"),
        ("translator", "Khin Maung Nyane", "person"),
        ("writer", "Eugene Whong", "person"),
    ] == [(e.role, e.name, e.kind) for e in page.credits.entries]
    assert "rfa-myanmar" == page.credits.service_key
    assert (
        "Friday, April 19, 2024",
        f"HomeAsia{TITLE}",
        "Source link",
        "- Advertisment -",
    ) == page.dropped
    assert () == page.source_urls


def test_synthetic_page() -> None:
    page = parse_text_page(PAGE)
    assert (TITLE, None, datetime.date(2024, 4, 19), BODY, CREDIT) == (
        page.title,
        page.date,
        page.captured,
        page.body,
        page.credit_line,
    )
    assert_body_is_a_slice(PAGE, page)
    assert (
        "Friday, April 19, 2024",
        f"HomeAsia{TITLE}",
        "Source link",
        "- Advertisment -----",
    ) == page.dropped


def test_byte_order_mark_and_cr_line_ends() -> None:
    text = "\ufeff" + PAGE.replace("\n", "\r")
    page = parse_text_page(text)
    assert (TITLE, datetime.date(2024, 4, 19), BODY.replace("\n", "\r")) == (
        page.title,
        page.captured,
        page.body,
    )


def test_crlf_line_ends_keep_the_body_exact() -> None:
    text = PAGE.replace("\n", "\r\n")
    page = parse_text_page(text)
    assert (TITLE, BODY.replace("\n", "\r\n"), CREDIT) == (page.title, page.body, page.credit_line)
    assert_body_is_a_slice(text, page)


def test_title_only_from_breadcrumb_when_it_does_not_repeat() -> None:
    text = f"HomeAsiaNews{TITLE}\n\n{BODY}\n"
    page = parse_text_page(text)
    assert (TITLE, BODY) == (page.title, page.body)


def test_breadcrumb_with_separators() -> None:
    text = f"Home › Asia › {TITLE}\n{TITLE}\n{BODY}"
    page = parse_text_page(text)
    assert (TITLE, BODY, (f"Home › Asia › {TITLE}",)) == (page.title, page.body, page.dropped)


def test_page_without_credit_line_date_or_breadcrumb() -> None:
    text = f"{TITLE}\n\n{BODY}\n"
    page = parse_text_page(text)
    assert (TITLE, None, BODY, None, None, ()) == (
        page.title,
        page.date,
        page.body,
        page.credit_line,
        page.credits,
        page.dropped,
    )


def test_page_without_title() -> None:
    page = parse_text_page(BODY)
    assert (None, BODY) == (page.title, page.body)


def test_a_page_of_one_paragraph_is_its_story() -> None:
    # A lone line is the story (its title is made from it later), never lost as a title.
    page = parse_text_page(f"  {TITLE}  \n")
    assert (None, TITLE, None) == (page.title, page.body, page.credit_line)


@pytest.mark.parametrize("text", ["", "\n\n \r\n", "- Advertisement -\nSource link"])
def test_empty_and_chrome_only_pages(text: str) -> None:
    page = parse_text_page(text)
    assert ("", None, None) == (page.body, page.title, page.credit_line)
    assert_body_is_a_slice(text, page)


def test_source_links_share_and_copyright_lines_are_dropped() -> None:
    text = (
        f"{TITLE}\nShare this article\n{BODY}\n{CREDIT} Copyright © 1998-2021, RFA.\n"
        "Source link: https://www.rfa.org/english/news/myanmar/defectors-09222021.html\n"
        "Copyright © 2024 Example Mirror. All rights reserved.\n"
        "Follow us on Facebook\n\n"
    )
    page = parse_text_page(text)
    assert BODY == page.body
    assert f"{CREDIT} Copyright © 1998-2021, RFA." == page.credit_line
    assert ("https://www.rfa.org/english/news/myanmar/defectors-09222021.html",) == page.source_urls
    assert (
        "Share this article",
        "Source link: https://www.rfa.org/english/news/myanmar/defectors-09222021.html",
        "Copyright © 2024 Example Mirror. All rights reserved.",
        "Follow us on Facebook",
    ) == page.dropped


def test_credit_line_split_over_two_lines_is_one_block() -> None:
    text = f"{TITLE}\n{BODY}\n\nReported by RFA Khmer.\nWritten in English by Joshua Lipes.\n"
    page = parse_text_page(text)
    assert BODY == page.body
    assert "Reported by RFA Khmer.\nWritten in English by Joshua Lipes." == page.credit_line
    assert page.credits is not None
    assert ["reporter", "writer"] == [e.role for e in page.credits.entries]


def test_byline_at_the_top_is_the_credit_line() -> None:
    text = f"{TITLE}\nWritten by Joshua Lipes\n{BODY}\n"
    page = parse_text_page(text)
    assert (BODY, "Written by Joshua Lipes") == (page.body, page.credit_line)


def test_story_paragraph_like_a_credit_in_the_middle_stays_in_the_body() -> None:
    body = "Reported by Joshua Lipes.\n" + "\n".join(
        f"Paragraph {i} of the story." for i in range(6)
    )
    text = f"{TITLE}\nIntro paragraph of the story.\n{body}"
    page = parse_text_page(text)
    assert (None, f"Intro paragraph of the story.\n{body}") == (page.credit_line, page.body)


@pytest.mark.parametrize(
    ("first_paragraph", "expected"),
    [
        ("PHNOM PENH, Sept. 22, 2021 — Cambodia's ruling party said …", datetime.date(2021, 9, 22)),
        ("(2021-09-22) Cambodia's ruling party said …", datetime.date(2021, 9, 22)),
        ("On Sept. 7, 2021, the NUG called on soldiers to defect.", None),
    ],
)
def test_dateline_in_the_text(first_paragraph: str, expected: datetime.date | None) -> None:
    page = parse_text_page(f"{TITLE}\n{first_paragraph}\nMore text.")
    assert expected == page.date


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("2021-09-22", datetime.date(2021, 9, 22)),
        ("2021.09.22 10:00 AM ET", datetime.date(2021, 9, 22)),
        ("22 September 2021", datetime.date(2021, 9, 22)),
        ("Wed, Sept. 22, 2021", datetime.date(2021, 9, 22)),
        ("Updated: Jan 3, 2020", datetime.date(2020, 1, 3)),
    ],
)
def test_date_line_formats(line: str, expected: datetime.date) -> None:
    page = parse_text_page(f"{line}\n{TITLE}\n{BODY}")
    assert (expected, TITLE, BODY) == (page.date, page.title, page.body)


def test_markup_and_escapes_are_kept_exactly() -> None:
    body = "He said [bold] and <b>this</b>.\n\x1b[31mred\x1b[0m text\x00 stays."
    text = f"{TITLE}\n{body}\n{CREDIT}"
    page = parse_text_page(text)
    assert (body, CREDIT) == (page.body, page.credit_line)


_CHUNKS = st.sampled_from(
    [
        "\n", "\r\n", "\r", " ", "\u00a0", TITLE, "HomeAsia", "Friday, April 19, 2024", CREDIT,
        "Source link", "- Advertisment -", "Copyright ©", "Reported by", "https://x.org/a",
        "Share", "Home", "a.", "“Quote,” he said.", "\x1b[0m", "[b]", "2021-02-30",
    ]
)  # fmt: skip


_EDGES = re.compile(r"^[\s\ufeff\u200b]+|[\s\ufeff\u200b]+$")


def assert_nothing_lost(text: str, page: ParsedPage) -> None:
    """Every line of the page is the title, in the story, in the credit line or furniture."""
    furniture = list(page.dropped)
    for line in text.replace("\r\n", "\n").replace("\r", "\n").split("\n"):
        content = _EDGES.sub("", line)
        if not content:
            continue
        if content in furniture:
            furniture.remove(content)
            continue
        # a crawler's record or a byline glued to a paragraph's head is split off (gluedlines):
        # its head is furniture, the rest stands where the page puts it
        head = next((part for part in furniture if content.startswith(part)), None)
        if head is not None and _placed(content[len(head) :].strip(), page):
            furniture.remove(head)
            continue
        assert _placed(content, page), f"line {content!r} was lost"


def _placed(content: str, page: ParsedPage) -> bool:
    return (
        content == page.title
        or content in page.body
        or (page.credit_line is not None and content in page.credit_line)
    )


@settings(deadline=None)
@given(st.lists(_CHUNKS, max_size=30).map("".join))
def test_page_like_text_never_raises_and_loses_nothing(text: str) -> None:
    page = parse_text_page(text)
    assert_nothing_lost(text, page)
    assert page.credit_line is None or page.credit_line in text
    assert page.body == page.body.strip()


@settings(deadline=None)
@given(st.text(max_size=400))
def test_arbitrary_text_never_raises_and_loses_nothing(text: str) -> None:
    page = parse_text_page(text)
    assert_nothing_lost(text, page)
    assert page.body == page.body.strip()


_LONG_LEAD = (
    "Police in the border province said on Tuesday that a migrant worker had walked into "
    "their station and asked to be arrested, after his employer refused for weeks to pay "
    "the wages he was owed for building work, leaving him without money for food or rent."
)


@pytest.mark.parametrize(
    "glued",
    [
        "https://images.example.net/img/b/AbC123xyz/s1200/photo_2023-12-05.jpg",
        "www.example-news.com/2023/12/photo.png",
    ],
)
def test_a_lead_with_an_address_glued_to_its_end_stays_the_lead(glued: str) -> None:
    second = "He told officers he had no way home and wanted to be sent back to his village."
    page = parse_text_page(f"{_LONG_LEAD}{glued}\n\n{second}")
    assert page.body.startswith(_LONG_LEAD)
    assert second in page.body
    assert not page.dropped


def test_a_short_line_with_an_address_over_the_headline_is_still_header() -> None:
    contact = "Send tips: desk@example-news.com"
    headline = "Migrant worker asks police to arrest him over unpaid wages"
    page = parse_text_page(f"{contact}\n\n{headline}\n\n{_LONG_LEAD}")
    assert page.title == headline
    assert contact in page.dropped
    assert page.body.startswith(_LONG_LEAD)


def test_a_long_bracketed_note_with_an_address_over_the_headline_is_still_header() -> None:
    note = (
        "(This article is reprinted with the permission of our partner agency, which agreed "
        "that we write the introduction and revise the headline; the original ran at "
        "https://partner.example.org/news/2020/original-story under another headline.)"
    )
    headline = "Migrant worker asks police to arrest him over unpaid wages"
    page = parse_text_page(f"{note}\n\n{headline}\n\n{_LONG_LEAD}")
    assert note in page.dropped
    assert page.body.startswith(_LONG_LEAD)
