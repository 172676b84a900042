"""Round 9's line shapes: a caption closing with its picture's credit, a social counter, a
caption's bare date, a closing list of related stories, and the lead's own first words
above a stray blank line."""

from __future__ import annotations

import pytest

from archive.ingest.linemodel import (
    LineModel,
    line_features,
    load_line_model,
    movable_lines,
    page_context,
)
from archive.ingest.lineshape import counter_line, credit_tail, dated_tail
from archive.ingest.pagelines import page_lines
from tests.unit.ingest.test_linemodel import features_of

PARAGRAPH = (
    "Hundreds of farmers marched to the provincial hall on Monday to demand the return of "
    "land they say was taken for a sugar plantation without payment."
)
SECOND = (
    "Officials at the hall said they would send the complaint to the ministry, and asked "
    "the farmers to go home while it is studied."
)


@pytest.mark.parametrize(
    "line",
    [
        "Farmers wait outside the hall on Monday. Photo: Lan Pham",
        "Nuoc ngap sau den dau goi khien viec di lai kho khan. Anh: Lan Pham",
        "Flooded roads near the market in the capital on Tuesday. XY/Sok Dara",
        "រូបភាព ការប្រជុំ នៅទីក្រុងភ្នំពេញ កាលពីថ្ងៃច័ន្ទ។  ABC/Sok Dara",
        "A video said to show the crowd outside the provincial hall~TikTok",
        "Officials count ballots at a polling station in the capital @RFI",
        "Rice in a market stall. ( Photo: Stockpix).",
        "農民在省府前等待回應，現場氣氛平和。圖／某報系資料照片",
        "Boats moored on the river at dusk (ဓာတ်ပုံ- Min Thu)",
    ],
)
def test_a_caption_closing_with_its_pictures_credit_is_marked(line: str) -> None:
    assert credit_tail(line)


@pytest.mark.parametrize(
    "line",
    [
        PARAGRAPH,
        "She answered questions from the press and/or television crews after the hearing.",
        "The ratio was 50/50 by the end of the count",
        "Phnom Penh/Hanoi",  # a credit-shaped line with no caption before it
        "Write to the desk at news@example.org",
        "Photo: Lan Pham",  # the credit alone is another feature's line
    ],
)
def test_a_sentence_or_a_credit_alone_has_no_caption_credit(line: str) -> None:
    assert not credit_tail(line)


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("COMMENTS (7)", True),
        ("Recommend (533)", True),
        ("评论(12)", True),
        ("Reuters (2021)", False),  # a year, not a count
        ("Farmers march (again) to the hall", False),
        (PARAGRAPH, False),
    ],
)
def test_a_word_and_a_count_in_brackets_is_a_counter(line: str, expected: bool) -> None:
    assert counter_line(line) is expected


def test_a_caption_ending_with_a_bare_date_is_marked_and_a_dated_sentence_is_not() -> None:
    assert dated_tail("Delegates meet at the symposium in the capital. 2024-09-10")
    assert not dated_tail("Delegates met at the symposium in the capital on 2024-09-10.")
    assert not dated_tail("2024-09-10")


def _page(*lines: str) -> str:
    return "\n\n".join(lines) + "\n"


def test_bulleted_heads_and_their_teasers_under_the_story_are_a_closing_list() -> None:
    teaser = "A long-serving minister will step down after the vote and hand the office to"
    text = _page(
        PARAGRAPH,
        SECOND,
        "• Minister to step down after the vote",
        teaser,
        "• Floods close schools in three provinces",
        "Schools in three provinces stayed shut for a second day as rivers rose and roads",
    )
    assert features_of(text, teaser)["in_list_tail"] == 1.0
    assert features_of(text, SECOND)["in_list_tail"] == 0.0


def test_headlines_over_finished_paragraphs_are_no_closing_list() -> None:
    # a story's own subheadings, each over a finished paragraph: no list of teasers
    text = _page(PARAGRAPH, "What the farmers want", SECOND, "What comes next", PARAGRAPH + " Q")
    assert features_of(text, SECOND)["in_list_tail"] == 0.0


def test_the_leads_first_words_above_a_stray_blank_line_never_move() -> None:
    text = _page(
        "Farmers march on the hall",
        "Hundreds of",
        "farmers marched to the provincial hall on Monday to demand the return of land they "
        "say was taken for a plantation.",
        SECOND,
    )
    lines = list(page_lines(text))
    story = list(range(1, len(lines)))
    context = page_context(lines, story, title=lines[0].text)
    assert 1 not in movable_lines(lines, context)
    # a line ending its sentence above the lead is the lead's neighbour, not its start
    text = _page("Farmers march on the hall", "Click to follow.", PARAGRAPH, SECOND)
    lines = list(page_lines(text))
    context = page_context(lines, list(range(1, len(lines))), title=lines[0].text)
    assert 1 in movable_lines(lines, context)


def test_the_shipped_model_weighs_a_caption_with_a_credit_above_a_sentence() -> None:
    model: LineModel = load_line_model()
    caption = "Farmers wait outside the provincial hall in the rain on Monday. Photo: Lan Pham"
    text = _page(PARAGRAPH, caption, SECOND, PARAGRAPH.replace("Monday", "Friday"))
    lines = list(page_lines(text))
    story = list(range(len(lines)))
    context = page_context(lines, story, title="Farmers march on the hall")
    index = next(i for i, line in enumerate(lines) if line.text == caption)
    paragraph = next(i for i, line in enumerate(lines) if line.text == SECOND)
    assert model.probability(line_features(lines, index, context)) > model.probability(
        line_features(lines, paragraph, context)
    )
