"""The learned line model: its features, its shipped weights, its trainer, its use on a page."""

from __future__ import annotations

import json
from dataclasses import replace
from importlib import resources
from unittest import mock

import pytest

from archive.ingest import linemodel
from archive.ingest.linemodel import (
    LineModel,
    furniture_probability,
    line_features,
    load_line_model,
    page_context,
    story_furniture,
)
from archive.ingest.pagelines import Line, page_lines
from archive.ingest.textpage import parse_text_page
from benchmarks.train_line_model import Page, evaluate, fit

PARAGRAPH = (
    "Hundreds of farmers marched to the provincial hall on Monday to demand the return of "
    "land they say was taken for a sugar plantation without payment."
)
SECOND = (
    "Officials at the hall said they would send the complaint to the ministry, and asked "
    "the farmers to go home while it is studied."
)


def features_of(text: str, line: str, *, title: str | None = None) -> dict[str, float]:
    """The features of the first line equal to ``line`` on a page whose story is all of it."""
    lines = list(page_lines(text))
    story = list(range(len(lines)))
    index = next(i for i, found in enumerate(lines) if found.text == line)
    return line_features(lines, index, page_context(lines, story, title=title))


def test_a_paragraph_reads_as_prose_and_a_caption_as_a_caption() -> None:
    caption = "Farmers outside the provincial hall (Photo: Sok Chea/Mekong Wire)"
    page = f"{PARAGRAPH}\n{caption}\n{SECOND}\n"

    paragraph, shown = features_of(page, PARAGRAPH), features_of(page, caption)

    shape = ("is_prose", "sentence_end", "caption")
    assert (1.0, 1.0, 0.0) == tuple(paragraph[name] for name in shape)
    assert (0.0, 0.0, 1.0) == tuple(shown[name] for name in shape)
    # a caption stands between two paragraphs; the paragraph has only one neighbour
    assert (1.0, 1.0) == (shown["prev_prose"], shown["next_prose"])
    assert shown["log_weight"] < paragraph["log_weight"]


def test_a_teaser_list_after_the_story_is_a_run_after_the_last_paragraph() -> None:
    teasers = [
        "Dam builders face new questions over fish stocks",
        "Court delays ruling in land case for the third time",
        "Villagers say roads to the border are closed again",
    ]
    page = "\n".join([PARAGRAPH, SECOND, *teasers]) + "\n"

    last_teaser = features_of(page, teasers[-1])
    second = features_of(page, SECOND)

    assert 1.0 == last_teaser["after_last_paragraph"]
    assert 0.0 == second["after_last_paragraph"]
    assert last_teaser["log_run"] > 0.0 == second["log_run"]
    assert 1.0 == last_teaser["looks_like_title"]
    assert 1.0 == last_teaser["is_last"]
    assert last_teaser["capitalised_words"] < 1.0  # sentence case: only the first word


def test_a_line_in_another_script_is_marked_by_its_share_of_the_page_script() -> None:
    khmer = "កសិករ​រាប់រយ​នាក់​បាន​ដើរ​ក្បួន​ទៅ​សាលាខេត្ត​កាលពី​ថ្ងៃច័ន្ទ ដើម្បី​ទាមទារ​ដី​របស់​ពួកគេ​វិញ។"
    site = "Mekong Wire Khmer"
    page = f"{khmer}\n{site}\n{khmer[:-1]}។\n"

    assert features_of(page, site)["other_script"] == pytest.approx(1.0)
    assert features_of(page, khmer)["other_script"] == pytest.approx(0.0)


@pytest.mark.parametrize(
    ("line", "feature"),
    [
        ("https://example.org/news/2021/05/farmers", "url"),
        ("Follow @mekongwire for updates", "handle"),
        ("a199893fd32356b51aff8da15bdb0504", "hash_id"),
        ("• Court delays ruling in land case", "opens_bullet"),
        ("Updated 14:35", "clock"),
        ("Farmers march on the hall, police say...", "ellipsis_end"),
    ],
)
def test_shapes_of_chrome_are_marked_and_a_paragraph_has_none(line: str, feature: str) -> None:
    page = f"{PARAGRAPH}\n{line}\n{SECOND}\n"

    assert 1.0 == features_of(page, line)[feature]
    assert 0.0 == features_of(page, PARAGRAPH)[feature]


def test_a_line_shown_twice_and_a_copy_of_the_headline_are_marked() -> None:
    title = "Farmers march on provincial hall over lost land"
    page = f"{title}\n{PARAGRAPH}\nSubscribe for daily news\n{SECOND}\nSubscribe for daily news\n"

    copy = features_of(page, title, title=title)
    twice = features_of(page, "Subscribe for daily news", title=title)
    paragraph = features_of(page, PARAGRAPH, title=title)

    assert copy["title_copy"] == pytest.approx(1.0)
    assert paragraph["title_copy"] < 0.5
    assert (1.0, 0.0) == (twice["repeated"], paragraph["repeated"])


def test_the_shipped_weights_name_the_features_line_features_gives() -> None:
    data = resources.files("archive.ingest").joinpath("data", "line_model.json").read_text("utf-8")
    shipped = json.loads(data)
    lines = list(page_lines(f"{PARAGRAPH}\n{SECOND}\n"))
    names = list(line_features(lines, 0, page_context(lines, [0, 1], title=None)))

    assert names == shipped["features"]
    assert tuple(names) == load_line_model().names


def test_a_model_with_missing_weights_is_refused_with_a_one_line_error() -> None:
    with pytest.raises(ValueError, match="line model: features, means, scales and weights"):
        LineModel.from_json(
            {
                "features": ["a", "b"],
                "means": [0.0],
                "scales": [1.0, 1.0],
                "weights": [1.0, 1.0],
                "bias": 0.0,
                "threshold": 0.5,
                "edge_threshold": 0.5,
                "tail_threshold": 0.5,
            }
        )


def _synthetic_page(number: int) -> Page:
    """A page of two paragraphs with a teaser between them: the teaser is labelled
    furniture, the paragraphs story."""
    teaser = f"Read our report number {number} on the dam"
    text = f"{PARAGRAPH}\n{teaser}\n{SECOND}\n"
    lines = list(page_lines(text))
    story = [0, 1, 2]
    context = page_context(lines, story, title=None)
    gold = {"story_first": PARAGRAPH[:40], "story_last": SECOND[-40:], "junk_lines": [teaser]}
    page = Page("synthetic", f"page-{number}.txt", gold, lines, story, None)
    page.labels = {0: 0, 1: 1, 2: 0}
    page.features = {i: line_features(lines, i, context) for i in story}
    return page


def test_the_trainer_learns_to_separate_a_labelled_set() -> None:
    pages = [_synthetic_page(number) for number in range(12)]
    lines = pages[0].lines
    names = list(line_features(lines, 0, page_context(lines, [0, 1, 2], title=None)))

    model = fit(pages, names, l2=0.1, threshold=0.5, edge_threshold=0.5)
    probabilities = [
        model.probability(line_features(lines, i, page_context(lines, [0, 1, 2], title=None)))
        for i in range(3)
    ]

    assert probabilities[1] > 0.9
    assert max(probabilities[0], probabilities[2]) < 0.1
    figures = evaluate(pages, model)
    assert (12, 0, 0) == (figures.tp, figures.fp, figures.fn)
    assert (0, 0, 0) == (figures.chrome_pages, figures.lead_lost, figures.end_lost)
    assert (12, 0) == (evaluate(pages, None).chrome_pages, evaluate(pages, None).tp)


def _with_weight_on(feature: str, names: tuple[str, ...]) -> LineModel:
    """A model that calls a line furniture exactly when ``feature`` is 1.0."""
    return LineModel(
        names=names,
        means=tuple(0.0 for _ in names),
        scales=tuple(1.0 for _ in names),
        weights=tuple(20.0 if name == feature else 0.0 for name in names),
        bias=-10.0,
        threshold=0.5,
        edge_threshold=0.5,
        tail_threshold=0.5,
    )


def test_guards_keep_the_lead_and_finished_paragraphs_whatever_the_model_says() -> None:
    text = f"{PARAGRAPH}\n{SECOND}\n{PARAGRAPH[:-1]} again.\n"
    lines = list(page_lines(text))
    everything = _with_weight_on("is_prose", load_line_model().names)

    # the lead, the paragraph in the middle and the last one all stay: finished paragraphs
    # move only past the paragraph threshold (on a bilingual page the last may be the only
    # one in the page's language), the lead never
    assert [] == story_furniture(lines, [0, 1, 2], title=None, model=everything)
    with mock.patch.object(linemodel, "PARAGRAPH_THRESHOLD", 0.95):
        assert [1, 2] == story_furniture(lines, [0, 1, 2], title=None, model=everything)
    cut = list(page_lines(f"{PARAGRAPH}\n{SECOND}\nRead more on the ministry's site\n{SECOND}\n"))
    any_line = _with_weight_on("log_weight", load_line_model().names)
    with mock.patch.object(linemodel, "PARAGRAPH_THRESHOLD", 1.01):
        assert [2] == story_furniture(cut, [0, 1, 2, 3], title=None, model=any_line)


def test_lines_above_the_lead_stay_when_they_may_be_the_headline_or_the_dateline() -> None:
    text = f"Farmers march on the hall\n12 March 2019 News Digest\n{PARAGRAPH}\n{SECOND}\n"
    lines = list(page_lines(text))
    above_lead = _with_weight_on("before_lead", load_line_model().names)
    headline = "Farmers march on provincial hall"

    # no headline found: the story's first line is where the derived title comes from
    assert [] == story_furniture(lines, [0, 1, 2, 3], title=None, model=above_lead)
    # a headline found: lines above the lead go, unless a date opens the story (its dateline)
    assert [0, 1] == story_furniture(lines, [0, 1, 2, 3], title=headline, model=above_lead)
    assert [] == story_furniture(lines, [1, 2, 3], title=headline, model=above_lead)


def test_a_hard_wrapped_story_is_left_to_the_rules() -> None:
    wrapped = [
        "Hundreds of farmers marched to the provincial hall on Monday to demand",
        "the return of land they say was taken for a sugar plantation without",
        "payment. Officials at the hall said they would send the complaint to",
        "the ministry, and asked the farmers to go home while it is studied by",
        "the provincial land office and the ministry's inspectors. The farmers",
        "said they would come back next week if no answer came from the hall.",
    ]
    lines = [Line(0, 0, text) for text in wrapped]
    everything = _with_weight_on("log_weight", load_line_model().names)

    assert [] == story_furniture(lines, list(range(len(lines))), title=None, model=everything)


PAGE = """\
Farmers march on provincial hall over lost land

Farmers rest outside the provincial hall in Kampong Speu

{paragraph}

Farmers rest outside the provincial hall in Kampong Speu

{second}

Land disputes in the province

The provincial governor was not available for comment on Tuesday, his office said.

Dam builders face new questions over fish stocks in the Mekong
Court delays ruling in land case for the third time this year
mekongwire.org/subscribe
More at mekongwire.org.
"""


def test_a_page_loses_its_caption_and_link_line_and_keeps_every_paragraph() -> None:
    page = parse_text_page(PAGE.format(paragraph=PARAGRAPH, second=SECOND))

    for story in (PARAGRAPH, SECOND, "Land disputes in the province", "The provincial governor"):
        assert story in page.body
    # the photo's caption above the lead and the subscription link leave; the caption's
    # copy alone between two paragraphs reads like a subheading (which is story far more
    # often) and the seven-set model keeps it
    assert not page.body.startswith("Farmers rest outside")
    assert page.body.startswith(PARAGRAPH)
    assert "mekongwire.org/subscribe" not in page.body
    for chrome in ("Farmers rest outside", "mekongwire.org/subscribe"):
        assert any(line.startswith(chrome) for line in page.dropped)


def test_a_tail_the_model_mostly_reads_as_furniture_leaves_whole() -> None:
    teasers = [
        "Dam builders face new questions over fish stocks",
        "Court delays ruling in land case for the third time",
        "Villagers say roads to the border are closed again.",
    ]
    lines = list(page_lines("\n".join([PARAGRAPH, SECOND, *teasers]) + "\n"))
    tail_only = _with_weight_on("after_last_paragraph", load_line_model().names)
    strict = replace(tail_only, threshold=1.01, edge_threshold=1.01)

    assert [2, 3, 4] == story_furniture(lines, [0, 1, 2, 3, 4], title=None, model=strict)
    never = replace(strict, tail_threshold=1.01)
    assert [] == story_furniture(lines, [0, 1, 2, 3, 4], title=None, model=never)


LIST_HEAD = "Most read"
LIST = [
    "Dam builders face new questions over fish stocks",
    "Court delays ruling in land case for the third time",
    "Villagers say roads to the border are closed again",
]


def test_a_run_of_short_lines_between_paragraphs_is_one_block_under_its_head() -> None:
    text = "\n".join([PARAGRAPH, LIST_HEAD, *LIST, SECOND]) + "\n"
    lines = list(page_lines(text))
    context = page_context(lines, list(range(len(lines))), title=None)

    # each paragraph is a block of its own; the head and its list are one block
    assert ((0, 0), (1, 4), (1, 4), (1, 4), (1, 4), (5, 5)) == context.blocks
    head = features_of(text, LIST_HEAD)
    item = features_of(text, LIST[1])
    paragraph = features_of(text, PARAGRAPH)
    assert (1.0, 1.0) == (head["is_block_head"], head["in_headed_block"])
    assert (0.0, 1.0) == (item["is_block_head"], item["in_headed_block"])
    assert (1.0, 1.0) == (item["block_between_paragraphs"], head["block_between_paragraphs"])
    assert item["block_title_share"] >= 0.75 > paragraph["block_title_share"]
    assert item["block_log_size"] > 0.0 == paragraph["block_log_size"]
    assert 0.0 == paragraph["in_headed_block"] == paragraph["block_between_paragraphs"]


def test_a_subheading_alone_between_paragraphs_heads_no_block() -> None:
    subheading = "Land disputes in the province"
    text = f"{PARAGRAPH}\n{subheading}\n{SECOND}\n"

    shown = features_of(text, subheading)

    assert (0.0, 0.0) == (shown["is_block_head"], shown["in_headed_block"])
    assert shown["block_log_size"] > 0.0


def test_a_credit_shaped_line_is_marked_at_the_story_edge_and_not_inside_it() -> None:
    byline = "Sok Chea and Dara Heng, Mekong Wire"
    middle = [f"{PARAGRAPH[:-1]} on day {day}." for day in range(8)]
    text = "\n".join([PARAGRAPH, byline, *middle, "The Land Office Reply", *middle]) + "\n"

    at_edge = features_of(text, byline)
    inside = features_of(text, "The Land Office Reply")
    sentence_case = features_of(
        f"{PARAGRAPH}\nLand disputes in the province\n{SECOND}\n", "Land disputes in the province"
    )

    assert (1.0, 1.0) == (at_edge["credit_shaped"], at_edge["credit_edge"])
    assert (1.0, 0.0) == (inside["credit_shaped"], inside["credit_edge"])
    assert 0.0 == sentence_case["credit_shaped"]


def test_a_block_the_model_mostly_reads_as_furniture_leaves_whole_and_no_paragraph_with_it() -> (
    None
):
    text = "\n".join([PARAGRAPH, LIST_HEAD, *LIST, SECOND, PARAGRAPH]) + "\n"
    lines = list(page_lines(text))
    story = list(range(len(lines)))
    headed = _with_weight_on("in_headed_block", load_line_model().names)
    blocks_only = replace(
        headed, threshold=1.01, edge_threshold=1.01, tail_threshold=1.01, block_threshold=0.5
    )

    assert [1, 2, 3, 4] == story_furniture(lines, story, title=None, model=blocks_only)
    assert [] == story_furniture(
        lines, story, title=None, model=replace(blocks_only, block_threshold=1.01)
    )
    # a lone short line is no block: it needs the line threshold
    lone = list(page_lines(f"{PARAGRAPH}\n{LIST[0]}\n{SECOND}\n"))
    short = replace(
        _with_weight_on("block_log_size", headed.names),
        threshold=1.01,
        edge_threshold=1.01,
        tail_threshold=1.01,
        block_threshold=0.5,
    )
    assert [] == story_furniture(lone, [0, 1, 2], title=None, model=short)


def test_a_block_with_a_guarded_line_stays_whole() -> None:
    # above the lead on a page whose headline was not found nothing moves, so the block of
    # short lines over the lead stays even when the model reads it all as furniture
    text = "\n".join([*LIST, PARAGRAPH, SECOND]) + "\n"
    lines = list(page_lines(text))
    every_short = replace(
        _with_weight_on("block_log_size", load_line_model().names),
        threshold=1.01,
        edge_threshold=1.01,
        tail_threshold=1.01,
        block_threshold=0.5,
    )

    assert [] == story_furniture(lines, [0, 1, 2, 3, 4], title=None, model=every_short)
    assert [0, 1, 2] == story_furniture(
        lines, [0, 1, 2, 3, 4], title="Farmers march on provincial hall", model=every_short
    )


def test_a_paragraph_wrapped_into_short_lines_is_no_block() -> None:
    wrapped = [
        "The farmers said they would march again",
        "on the hall next week, and again the week",
        "after, until the land office answers them.",
    ]
    text = "\n".join([PARAGRAPH, *wrapped, SECOND]) + "\n"
    lines = list(page_lines(text))
    every_short = replace(
        _with_weight_on("block_log_size", load_line_model().names),
        threshold=1.01,
        edge_threshold=1.01,
        tail_threshold=1.01,
        block_threshold=0.5,
    )

    assert [] == story_furniture(lines, [0, 1, 2, 3, 4], title="Farmers march", model=every_short)
    listed = list(page_lines("\n".join([PARAGRAPH, *LIST, SECOND]) + "\n"))
    assert [1, 2, 3] == story_furniture(
        listed, [0, 1, 2, 3, 4], title="Farmers march", model=every_short
    )


THIRD = (
    "The farmers said they would come back next week if no answer came from the ministry, "
    "and that more villages would join them."
)
HEAD = "Farmers march on provincial hall over land"


@pytest.mark.parametrize(
    ("line", "feature"),
    [
        ("Land / Farmers / Sugar / Provincial hall", "tag_list"),
        ("농민 , 토지 , 설탕 , 도청", "tag_list"),
        ("reporter.sok@mekongwire.org", "email"),
        ("Source: Court delays ruling in land case", "colon_label"),
        ("Continue reading “Court delays ruling in land case again”", "quoted_share"),
        ("Farmers outside the hall on Monday [Photo=Mekong Wire]", "bracket_credit_end"),
        ("7 k# p: d2 q& m! z% 3", "log_noise_tokens"),
        ("7 k# p: d2 q& m! z% 3", "symbol_ratio"),
    ],
)
def test_cross_language_chrome_shapes_are_marked_and_a_paragraph_has_none(
    line: str, feature: str
) -> None:
    page = f"{PARAGRAPH}\n{line}\n{SECOND}\n"

    assert features_of(page, line)[feature] > 0.0
    assert features_of(page, PARAGRAPH)[feature] == 0.0


def test_a_caption_beside_an_image_file_and_the_headline_inside_a_longer_line_are_marked() -> None:
    caption = "Farmers outside the provincial hall on Monday"
    quoted = f"“{HEAD}” - Mekong Wire"
    page = f"{PARAGRAPH}\nhttps://img.example.org/2024/hall.jpg\n{caption}\n{quoted}\n{SECOND}\n"

    shown = features_of(page, caption, title=HEAD)
    assert (1.0, 0.0) == (shown["beside_image"], shown["holds_title"])
    assert 1.0 == features_of(page, quoted, title=HEAD)["holds_title"]
    # the headline itself is no longer line holding it, and a paragraph is beside no image
    assert 0.0 == features_of(f"{HEAD}\n{PARAGRAPH}\n", HEAD, title=HEAD)["holds_title"]
    assert 0.0 == features_of(page, SECOND, title=HEAD)["beside_image"]


# a forum's watermark of ASCII noise, the reporter's address: each between two paragraphs
@pytest.mark.parametrize("chrome", ["7 k# p: d2 q& m! z% 3", "reporter.sok@mekongwire.org"])
def test_the_shipped_weights_at_threshold_0_9_move_noise_and_an_address_and_keep_paragraphs(
    chrome: str,
) -> None:
    text = f"{HEAD}\n\n{PARAGRAPH}\n\n{chrome}\n\n{SECOND}\n\n{THIRD}\n"
    # the shipped weights put the made-up watermark at 0.95, under the line threshold the
    # leave-one-set-out rule chose in round 12 (0.97): weighed here at round 11's 0.9
    model = replace(load_line_model(), threshold=0.9)

    page = parse_text_page(text, language="en", line_model=model)

    assert chrome in page.dropped
    assert chrome not in page.body
    for paragraph in (PARAGRAPH, SECOND, THIRD):
        assert paragraph in page.body


def test_the_shipped_model_moves_a_tag_list_and_an_address_under_the_story() -> None:
    tags, address = "Land / Farmers / Sugar / Provincial hall", "reporter.sok@mekongwire.org"
    text = f"{HEAD}\n\n{PARAGRAPH}\n\n{SECOND}\n\n{THIRD}\n\n{tags}\n{address}\n\nMost read"
    never = replace(
        load_line_model(),
        threshold=1.01,
        edge_threshold=1.01,
        tail_threshold=1.01,
        block_threshold=1.01,
    )

    page = parse_text_page(text, language="en")

    assert {tags, address} <= set(page.dropped)
    assert page.body.rstrip().endswith(THIRD)
    for paragraph in (PARAGRAPH, SECOND):
        assert paragraph in page.body
    # the rules alone keep both lines: the move is the model's
    kept = parse_text_page(text, language="en", line_model=never)
    assert tags in kept.body and address in kept.body


def test_a_digest_items_heading_is_marked_when_the_story_holds_other_items() -> None:
    first, second = (
        "Ferry to the island stops as the river rises",
        "Court delays ruling in land case",
    )
    digest = "\n".join([first, PARAGRAPH, SECOND, second, PARAGRAPH, THIRD]) + "\n"
    lone = "\n".join([first, PARAGRAPH, SECOND, THIRD]) + "\n"

    item = features_of(digest, first, title=HEAD)
    caption = features_of(lone, first, title=HEAD)

    assert (1.0, 1.0) == (item["section_head"], item["digest_head"])
    assert item["log_inner_heads"] > 0.0
    # the same line over the lead of a page with no sections heads one alone: no digest
    assert (1.0, 0.0, 0.0) == (
        caption["section_head"],
        caption["digest_head"],
        caption["log_inner_heads"],
    )
    # the headline's copy is no section's head, and a paragraph never is
    assert 0.0 == features_of(f"{HEAD}\n{lone}", HEAD, title=HEAD)["section_head"]
    assert 1.0 == features_of(f"{HEAD}\n{lone}", HEAD, title=None)["section_head"]
    assert 0.0 == features_of(digest, PARAGRAPH, title=HEAD)["section_head"]


LONG = (
    "The court said it would hear the last witnesses in January, and the villagers' lawyer "
    "said they would wait for the ruling before going back to the land, where the company has "
    "already planted sugar cane on most of the fields the families had farmed for thirty years."
)


def _digest(*, inner: bool) -> str:
    item = "Court delays ruling in land case again\n\n" if inner else ""
    return (
        "Mekong news digest for 7 December 2024\n\n"
        "Ferry to the island stops as the river rises\n"
        "Villagers at the pier on Monday (Photo: Mekong Wire)\n\n"
        f"{PARAGRAPH}\n\n{SECOND}\n\n{item}{THIRD}\n\n{LONG}\n"
    )


def test_the_shipped_model_keeps_a_digest_items_heading_over_the_lead() -> None:
    heading = "Ferry to the island stops as the river rises"

    page = parse_text_page(_digest(inner=True), language="en")

    assert page.body.startswith(heading)
    assert "Court delays ruling in land case again" in page.body
    for paragraph in (PARAGRAPH, SECOND, THIRD, LONG):
        assert paragraph in page.body
    # the same heading over the lead of a story with no other item reads as a teaser: the
    # model gives it more (every paragraph stays either way)
    chances = []
    for inner in (True, False):
        lines = list(page_lines(_digest(inner=inner)))
        story = [
            i for i, line in enumerate(lines) if line.text and i > 0 and "(Photo" not in line.text
        ]
        context = page_context(lines, story, title=lines[0].text)
        at = next(i for i in story if lines[i].text == heading)
        chances.append(furniture_probability(lines, at, context))
        kept = parse_text_page(_digest(inner=inner), language="en").body
        assert all(p in kept for p in (PARAGRAPH, SECOND, THIRD, LONG))
    assert chances[0] < chances[1]


def test_a_sites_notice_under_the_story_is_marked_and_shares_none_of_its_words() -> None:
    notice = "Subscribe today for unlimited access to independent journalism"
    cut = "The provincial land office said the farmers of the hall would"
    text = f"{HEAD}\n{PARAGRAPH}\n{SECOND}\n{notice}\n{cut}"

    offer = features_of(text, notice, title=HEAD)
    story_end = features_of(text, cut, title=HEAD)
    paragraph = features_of(text, SECOND, title=HEAD)

    assert (1.0, 0.0) == (offer["calls_to_act"], offer["story_overlap"])
    assert offer["tail_foreign"] == 1.0
    # the page's cut-off end goes on with the story's words
    assert story_end["story_overlap"] > 0.5 > story_end["tail_foreign"]
    assert (1.0, 1.0) == (story_end["page_last_cut"], story_end["page_last"])
    assert (0.0, 0.0) == (paragraph["page_last_cut"], paragraph["tail_foreign"])


@mock.patch.object(linemodel, "PARAGRAPH_THRESHOLD", 1.01)  # finished paragraphs stay
def test_the_pages_cut_off_last_line_under_the_story_is_weighed_at_the_edge_threshold() -> None:
    chrome = "Share this story with your friends"
    text = f"{PARAGRAPH}\n{SECOND}\n{chrome}"
    lines = list(page_lines(text))
    tail_only = _with_weight_on("after_last_paragraph", load_line_model().names)

    # under the last paragraph the page's last line is no paragraph cut off: the model
    # weighs it, at the edge threshold
    edge = replace(tail_only, threshold=1.01, edge_threshold=0.9, tail_threshold=1.01)
    assert [2] == story_furniture(lines, [0, 1, 2], title=None, model=edge)
    never = replace(edge, edge_threshold=1.01)
    assert [] == story_furniture(lines, [0, 1, 2], title=None, model=never)
    # a paragraph cut off at the page's end is the story's last paragraph: it stays
    cut = list(page_lines(f"{PARAGRAPH}\n{SECOND}\n{LONG[:-40]}"))
    any_line = _with_weight_on("log_weight", load_line_model().names)
    assert [] == story_furniture(cut, [0, 1, 2], title=None, model=any_line)
    # and so does a paragraph cut off in its first words, when they are the story's
    start = list(page_lines(f"{PARAGRAPH}\n{SECOND}\nThe farmers said the provincial hall"))
    assert [] == story_furniture(start, [0, 1, 2], title=None, model=edge)


def test_a_tail_over_a_cut_off_last_line_leaves_without_it() -> None:
    teasers = [
        "Dam builders face new questions over fish stocks",
        "Court delays ruling in land case for the third time",
    ]
    end = "The provincial land office said the farmers would"
    lines = list(page_lines("\n".join([PARAGRAPH, SECOND, *teasers, end])))
    story = list(range(len(lines)))
    teaser_only = _with_weight_on("after_last_paragraph", load_line_model().names)
    # the cut line scores as furniture too, but under the edge threshold: it stays, the
    # teasers above it leave as the tail
    tail = replace(teaser_only, threshold=1.01, edge_threshold=1.01, tail_threshold=0.5)

    assert [2, 3] == story_furniture(lines, story, title=None, model=tail)
    assert end in [lines[i].text for i in story if i not in {2, 3}]


def test_markup_and_script_leave_the_story_past_every_guard_but_the_lead() -> None:
    image = "<image>data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAE</image>"
    script = "(function() { var s = document.createElement('script'); s.async = true; })();"
    text = f"{PARAGRAPH}\n{image}\n{SECOND}\n{script}"
    lines = list(page_lines(text))
    never = replace(load_line_model(), threshold=1.01, edge_threshold=1.01, tail_threshold=1.01)
    # the page's cut-off last line is weighed like any line when it is code, and code
    # leaves whatever the model says; the paragraphs stay
    assert [1, 3] == story_furniture(lines, [0, 1, 2, 3], title=None, model=never)


def test_a_paragraph_under_its_reporters_sign_off_stays_whatever_the_model_says() -> None:
    signed = f"{SECOND} Jane Doe, reporter jane.doe@example.com"
    lines = list(page_lines(f"{PARAGRAPH}\n{signed}\nShare this story"))
    everything = _with_weight_on("is_prose", load_line_model().names)
    assert 1 not in story_furniture(lines, [0, 1, 2], title=None, model=everything)
    # a bracketed credit before the address is a caption's, not a sign-off
    caption = f"{SECOND} [Photo: Agency] photo@example.com"
    lines = list(page_lines(f"{PARAGRAPH}\n{caption}\n{SECOND}"))
    any_line = _with_weight_on("log_weight", load_line_model().names)
    assert 1 in story_furniture(lines, [0, 1, 2], title=None, model=any_line)
