"""The learned headline chooser: its features, its shipped weights, its use on a page."""

from __future__ import annotations

import json
from dataclasses import replace
from importlib import resources

import pytest

from archive.ingest.headline_model import (
    HeadlineModel,
    choose_headline,
    decide,
    find_lead,
    headline_features,
    headline_page,
    keep_features,
    line_furniture,
    load_headline_model,
    never_headline,
    symbol_ratio,
    unless_never,
)
from archive.ingest.logistic import Logistic
from archive.ingest.pagelines import Line, page_lines
from archive.ingest.textpage import parse_text_page
from tests.unit.ingest.pages import FARM_HEADLINE, FARM_LEAD, FARM_SECOND

HEADLINE, LEAD, SECOND = FARM_HEADLINE, FARM_LEAD, FARM_SECOND
SKIP_LINK = "Skip to main content"


def features_of(text: str, line: str, *, rule: int | None = None) -> dict[str, float]:
    """The features of the first line equal to ``line``, the lead found from the top."""
    lines = list(page_lines(text))
    lead = find_lead(lines, 0)
    assert lead is not None
    index = next(i for i, found in enumerate(lines) if found.text == line)
    return headline_features(lines, index, headline_page(lines, lead, rule))


def test_a_headline_right_over_the_lead_reads_unlike_a_skip_link_at_the_top() -> None:
    page = f"{SKIP_LINK}\n{HEADLINE}\n{LEAD}\n{SECOND}\n"

    headline, skip = features_of(page, HEADLINE), features_of(page, SKIP_LINK)

    assert (1.0, 0.0) == (headline["next_is_lead"], skip["next_is_lead"])
    assert (0.0, 1.0) == (headline["page_top"], skip["page_top"])
    assert headline["log_to_lead"] < skip["log_to_lead"]
    assert headline["log_weight"] > skip["log_weight"]
    assert 1.0 == headline["heaviest_title"] and 0.0 == skip["heaviest_title"]


def test_endings_and_letters_are_read_from_the_line() -> None:
    label = "Estimated read time:"
    shouted = "LATEST NEWS"
    page = f"{label}\n{shouted}\nLook: 3 of 12 rooms?\n{LEAD}\n{SECOND}\n"

    colon, capitals, question = (
        features_of(page, label),
        features_of(page, shouted),
        features_of(page, "Look: 3 of 12 rooms?"),
    )

    assert (1.0, 0.0) == (colon["colon_end"], colon["question_end"])
    assert (1.0, 1.0) == (question["question_end"], float(question["digit_ratio"] > 0))
    assert capitals["capital_ratio"] == 1.0 and colon["capital_ratio"] < 0.5
    assert 1.0 == capitals["is_shouted_label"]


def test_a_line_in_another_script_has_a_small_share_of_the_pages_main_script() -> None:
    site = "Mekong Wire English Edition"
    khmer_lead = (
        "កសិករ​រាប់រយ​នាក់​បាន​ដើរ​ក្បួន​ទៅ​សាលា​ខេត្ត​កាលពី​ថ្ងៃ​ច័ន្ទ​ដើម្បី​ទាមទារ​ដី​ដែល​គេ​យក​ទៅ​ធ្វើ​ចម្ការ​អំពៅ​ដោយ​គ្មាន​សំណង​។"
    )
    khmer_headline = "កសិករ​ដើរ​ក្បួន​ទៅ​សាលា​ខេត្ត"
    page = f"{site}\n{khmer_headline}\n{khmer_lead}\n{khmer_lead}\n"

    assert features_of(page, site)["main_script"] == 0.0
    assert features_of(page, khmer_headline)["main_script"] == 1.0


def test_a_headline_the_page_shows_again_below_the_lead_is_echoed() -> None:
    teaser = "Court delays ruling in land case"
    page = f"{teaser}\n{HEADLINE}\n{LEAD}\n{SECOND}\nShare: {HEADLINE}\n{HEADLINE}\n"

    shown, once = features_of(page, HEADLINE), features_of(page, teaser)

    assert (1.0, 1.0) == (shown["in_story"], shown["repeated"])
    assert (0.0, 0.0) == (once["in_story"], once["repeated"])


def test_a_breadcrumb_glued_to_the_headline_holds_it_and_the_headline_is_held() -> None:
    glued = f"Home News {HEADLINE}"
    page = f"{glued}\n{HEADLINE}\n{LEAD}\n{SECOND}\n"

    crumb, headline = features_of(page, glued), features_of(page, HEADLINE)

    assert (1.0, 0.0) == (crumb["holds_other"], crumb["held_in_other"])
    assert (0.0, 1.0) == (headline["holds_other"], headline["held_in_other"])


def test_the_shipped_weights_name_the_features_headline_features_gives() -> None:
    data = resources.files("archive.ingest").joinpath("data", "headline_model.json")
    shipped = json.loads(data.read_text("utf-8"))
    page = f"{SKIP_LINK}\n{HEADLINE}\n{LEAD}\n{SECOND}\n"

    names = list(features_of(page, HEADLINE))

    assert names == shipped["features"]
    assert tuple(names) == load_headline_model().names


def test_a_headline_under_a_skip_link_and_over_a_dated_lead_is_the_title() -> None:
    page = f"{SKIP_LINK}\n{HEADLINE}\n12 March 2019\n{LEAD}\n{SECOND}\n"

    parsed = parse_text_page(page, language="en")

    assert HEADLINE == parsed.title
    assert parsed.body.startswith(LEAD)
    assert SKIP_LINK in parsed.dropped


def test_a_page_of_paragraphs_only_gets_no_title() -> None:
    parsed = parse_text_page(f"{LEAD}\n{SECOND}\n", language="en")

    assert parsed.title is None  # the archive derives a marked title from the lead
    assert parsed.body.startswith(LEAD)


def _with_weight_on(feature: str, names: tuple[str, ...]) -> HeadlineModel:
    """A model that takes a line for the headline exactly when ``feature`` is high."""
    return HeadlineModel(
        names=names,
        means=tuple(0.0 for _ in names),
        scales=tuple(1.0 for _ in names),
        weights=tuple(20.0 if name == feature else 0.0 for name in names),
        bias=-10.0,
        threshold=0.5,
        margin=0.0,
        floor=0.1,
        adopt=0.5,
    )


def test_the_lead_is_never_taken_whatever_the_model_says() -> None:
    # a model that wants the heaviest, most prose-like line: the lead is the heaviest
    text = f"{SKIP_LINK}\nA short line\n{LEAD}\n{SECOND}\n"
    lines = list(page_lines(text))
    heavy = _with_weight_on("is_prose", load_headline_model().names)

    chosen = choose_headline(lines, None, 0, model=heavy)
    parsed = parse_text_page(text, language="en", headline_model=heavy)

    assert chosen is None or chosen < 2
    assert parsed.body.startswith(LEAD)


def test_a_likelier_line_replaces_the_rules_pick_only_by_the_margin() -> None:
    probabilities = {0: 0.05, 1: 0.8, 2: 0.7}
    cuts = {"threshold": 0.6, "floor": 0.1, "adopt": 0.9}

    assert 1 == decide(probabilities, 2, margin=0.05, **cuts)
    assert 2 == decide(probabilities, 2, margin=0.2, **cuts)
    # nothing reaches the floor: no headline; the rules found none and nothing is sure
    assert decide({0: 0.05, 1: 0.02}, 1, margin=0.0, **cuts) is None
    assert decide(probabilities, None, margin=0.0, **cuts) is None


def _keeper(weights: dict[str, float], bias: float) -> Logistic:
    """A keeper over :func:`keep_features`'s names with the given raw weights."""
    names = tuple(keep_features(*_keep_args(), furniture=0.5))
    return Logistic(
        names=names,
        means=tuple(0.0 for _ in names),
        scales=tuple(1.0 for _ in names),
        weights=tuple(weights.get(name, 0.0) for name in names),
        bias=bias,
    )


def _keep_args() -> tuple[list[Line], int, int | None, dict[int, float]]:
    lines = list(page_lines(f"{SKIP_LINK}\n{HEADLINE}\n{LEAD}\n{SECOND}\n"))
    return lines, 1, 1, {0: 0.1, 1: 0.9}


def test_the_keeper_reads_how_sure_and_how_clearly_ahead_the_pick_is() -> None:
    lines, chosen, rule, probabilities = _keep_args()

    sure = keep_features(lines, chosen, rule, probabilities, furniture=0.2)
    doubtful = keep_features(lines, 0, rule, {0: 0.3, 1: 0.25}, furniture=0.9)

    assert sure["chosen_logit"] > 0 > doubtful["chosen_logit"]
    assert sure["margin"] == 0.9 - 0.1 and round(doubtful["margin"], 6) == 0.05
    assert (1.0, 0.0) == (sure["is_rule"], doubtful["is_rule"])
    assert (0.2, 0.9) == (sure["furniture"], doubtful["furniture"])


def test_a_line_of_marks_has_a_large_share_of_symbols() -> None:
    watermark = "L3 e- U# a. G' n( q% Forum"

    assert symbol_ratio(watermark) > 0.2
    assert symbol_ratio(HEADLINE) == 0.0
    assert symbol_ratio("") == 0.0


def test_the_line_model_reads_a_menu_line_as_likelier_furniture_than_the_headline() -> None:
    page = f"Home | News | Sport | Contact | Login\n{HEADLINE}\n{LEAD}\n{SECOND}\n"
    lines = list(page_lines(page))

    furniture = line_furniture(lines, [0, 1])

    assert set(furniture) == {0, 1}
    assert all(0.0 <= value <= 1.0 for value in furniture.values())
    assert furniture[0] > furniture[1]


def _doubting(bias: float) -> HeadlineModel:
    """The shipped chooser with a keeper that keeps a pick exactly when ``bias`` > 0."""
    shipped = load_headline_model()
    return replace(shipped, keeper=_keeper({}, bias), keep=0.5)


def test_a_pick_the_keeper_doubts_leaves_the_page_without_a_headline() -> None:
    page = f"{SKIP_LINK}\n{HEADLINE}\n12 March 2019\n{LEAD}\n{SECOND}\n"

    kept = parse_text_page(page, language="en", headline_model=_doubting(5.0))
    doubted = parse_text_page(page, language="en", headline_model=_doubting(-5.0))

    assert HEADLINE == kept.title
    assert doubted.title is None  # import derives a marked title from the lead
    assert doubted.body.startswith(LEAD)  # the lead is never taken
    assert HEADLINE in doubted.dropped  # the doubted line is moved, not deleted


def test_the_keeper_weighs_the_choosers_confidence_against_its_cut() -> None:
    lines = list(page_lines(f"{SKIP_LINK}\n{HEADLINE}\n{LEAD}\n{SECOND}\n"))
    sure_only = replace(load_headline_model(), keeper=_keeper({"chosen_logit": 1.0}, 0.0), keep=0.5)
    # the keeper keeps a pick whose probability is over a half (logit > 0) and drops the rest
    chooser = _with_weight_on("next_is_lead", load_headline_model().names)
    confident = replace(chooser, keeper=sure_only.keeper, keep=0.5)
    unsure = replace(confident, weights=tuple(0.0 for _ in chooser.names), bias=-3.0, adopt=0.0)

    assert 1 == choose_headline(lines, 1, 0, model=confident)
    assert choose_headline(lines, 1, 0, model=unsure) is None


def test_the_shipped_keeper_names_the_features_keep_features_gives() -> None:
    data = resources.files("archive.ingest").joinpath("data", "headline_model.json")
    shipped = json.loads(data.read_text("utf-8"))

    names = list(keep_features(*_keep_args(), furniture=0.5))

    assert names == shipped["keeper"]["features"]
    keeper = load_headline_model().keeper
    assert keeper is not None and tuple(names) == keeper.names


def test_a_model_round_trips_through_json_with_and_without_a_keeper() -> None:
    shipped = load_headline_model()
    bare = replace(shipped, keeper=None, keep=0.0)

    assert HeadlineModel.from_json(shipped.to_json()) == shipped
    assert HeadlineModel.from_json(bare.to_json()) == bare
    assert "keeper" not in bare.to_json()


def test_a_malformed_keeper_is_named_in_the_error() -> None:
    data = load_headline_model().to_json()

    with pytest.raises(ValueError, match="headline keeper"):
        HeadlineModel.from_json({**data, "keeper": {"features": ["a"], "keep": 0.1}})
    with pytest.raises(ValueError, match="keeper"):
        HeadlineModel.from_json({**data, "keeper": [1, 2]})


def test_a_menu_row_a_numbered_link_and_a_caption_read_by_their_shapes() -> None:
    menu = "Home · Politics · Economy · 【Classic view】"
    numbered = "1. Skip to content"
    caption = "Farmers rest on the road to the hall. Photo: Jane Roe"
    page = f"{menu}\n{numbered}\n{HEADLINE}\n{caption}\n{LEAD}\n{SECOND}\n"

    row, link, shot, headline = (
        features_of(page, line) for line in (menu, numbered, caption, HEADLINE)
    )

    assert (1.0, 0.0) == (row["menu_row"], headline["menu_row"])
    assert (1.0, 0.0) == (link["numbered"], headline["numbered"])
    assert (1.0, 0.0) == (shot["caption_shaped"], headline["caption_shaped"])


def test_a_headlines_words_recur_in_the_lead_and_a_mottos_do_not() -> None:
    motto = "Your trusted voice since 1990"
    page = f"{motto}\n{HEADLINE}\n{LEAD}\n{SECOND}\n"

    slogan, headline = features_of(page, motto), features_of(page, HEADLINE)

    assert headline["lead_overlap"] > 0.5 > slogan["lead_overlap"]


def test_a_teaser_cut_short_of_a_line_the_page_shows_whole_is_a_cut_of_it() -> None:
    whole = "Farmers march on provincial hall over lost land and unpaid debts to the mill"
    cut = "Farmers march on provincial hall over lost land…"
    page = f"{cut}\n{whole}\n{LEAD}\n{SECOND}\n"

    assert 1.0 == features_of(page, cut)["cut_of_other"]
    assert 0.0 == features_of(page, whole)["cut_of_other"]


DECK = (
    "A pinned note from the editors about the newsroom's award, which the site shows above "
    "every story it carries this year."
)


def test_a_headline_under_a_pinned_paragraph_is_a_candidate_under_the_lead() -> None:
    page = f"{DECK}\n{HEADLINE}\nMonday, 18 October 2010\n{LEAD}\n{SECOND}\n"
    lines = list(page_lines(page))
    lead = find_lead(lines, 0)

    context = headline_page(lines, 0 if lead is None else lead, None)
    features = headline_features(lines, 1, context)

    assert 0 == lead and 1 in context.candidates
    assert features["lead_overlap"] > 0.5  # its own lead is the paragraph under it
    assert 1.0 == features["next_is_date"]
    assert 0 not in context.candidates  # the first paragraph itself never is one


def test_no_line_under_the_lead_is_a_candidate_when_the_story_goes_on_under_it() -> None:
    page = f"{LEAD}\n{SECOND}\nRelated: Farmers return home\n{SECOND}\n"
    lines = list(page_lines(page))

    assert () == headline_page(lines, 0, None).candidates


def test_a_pick_far_less_likely_than_a_line_the_model_half_believes_is_replaced() -> None:
    cuts = {"threshold": 0.8, "margin": 0.4, "floor": 0.0, "adopt": 0.9}
    probabilities = {0: 0.01, 1: 0.35}

    assert 0 == decide(probabilities, 0, **cuts)  # the odds rule off by default
    assert 1 == decide(probabilities, 0, odds=2.0, least=0.3, **cuts)
    assert 0 == decide(probabilities, 0, odds=2.0, least=0.4, **cuts)
    assert 0 == decide({0: 0.2, 1: 0.35}, 0, odds=2.0, least=0.3, **cuts)  # not far enough


def test_a_caption_shown_over_the_lead_and_again_under_it_is_no_candidate_under_it() -> None:
    caption = "Farmers rest outside the provincial hall"
    page = f"{HEADLINE}\n{caption}\n{LEAD}\n{caption}\n{SECOND}\n"
    lines = list(page_lines(page))

    assert (0, 1) == headline_page(lines, 2, 0).candidates


@pytest.mark.parametrize(
    "dateline", ["Moulmein, Nov. 15", "Our correspondent, Moulmein", "မော်လမြိုင်၊ နိုဝင်ဘာ ၁၅"]
)
def test_a_page_showing_a_dateline_over_its_lead_gets_no_title_from_it(dateline: str) -> None:
    page = f"{dateline}\n{LEAD}\n{SECOND}\n"

    parsed = parse_text_page(page, language="en")

    assert parsed.title is None  # import derives a marked title from the lead
    assert parsed.body.startswith(LEAD)  # the lead is never taken


def test_a_line_is_dropped_only_when_it_is_never_a_headline() -> None:
    lines = list(page_lines(f"Vientiane, 14 March\n{HEADLINE}\n{LEAD}\n"))

    assert unless_never(lines, 0) is None
    assert 1 == unless_never(lines, 1)
    assert unless_never(lines, None) is None


def test_a_dateline_and_a_caption_are_never_headlines_and_a_headline_is() -> None:
    assert never_headline("PHNOM PENH, Sept. 3")
    assert never_headline("Farmers march to the hall on Monday. (AP Photo/Jane Roe)")
    assert never_headline("Vào nội dung chính")
    assert not never_headline(HEADLINE)


@pytest.mark.parametrize(
    "line", ["JANE ROE |", "REPLIES (12)", "MenuIcon SearchIcon ShareFacebook ShareTwitter"]
)
def test_a_rows_item_a_counter_and_an_icon_run_are_never_headlines(line: str) -> None:
    assert never_headline(line)


def test_a_bulleted_sidebar_and_a_notice_over_the_story_are_no_lead() -> None:
    sidebar = "• Rescuers reached the stranded villages by boat late on Sunday, officials said."
    notice = "We use cookies to improve your experience; by using this site you accept them."
    lines = list(page_lines(f"{notice}\n{sidebar}\n{sidebar}\n{HEADLINE}\n{LEAD}\n{SECOND}\n"))

    assert 4 == find_lead(lines, 0)
    assert 3 in headline_page(lines, 4, None).candidates
    # a page of bullets alone still has a lead: its first paragraph
    assert 0 == find_lead(list(page_lines(f"{sidebar}\n{sidebar}\n")), 0)


def test_a_dateline_between_headline_and_lead_leaves_the_headline() -> None:
    page = f"{SKIP_LINK}\n{HEADLINE}\nVientiane, 14 March\n{LEAD}\n{SECOND}\n"

    parsed = parse_text_page(page, language="en")

    assert HEADLINE == parsed.title


def test_a_caption_the_rules_take_gives_way_to_the_headline_the_model_believes() -> None:
    caption = "Farmers gather at the provincial hall on Monday. / Supplied"
    page = f"{HEADLINE}\n{caption}\n{LEAD}\n{SECOND}\n"
    lines = list(page_lines(page))

    model = replace(_with_weight_on("page_top", load_headline_model().names), keeper=None)

    # the caption weighs as nothing: a likely candidate replaces it ...
    assert 0 == choose_headline(lines, 1, 2, model=model)
    # ... and where none is likely enough, the page shows no headline (never the caption)
    assert choose_headline(lines, 1, 2, model=replace(model, threshold=1.01, least=1.01)) is None


@pytest.mark.parametrize(
    "line",
    [
        "Home · News · Politics · World · Sport · Culture",
        "ថ្ងៃសុក្រ ១២ រោច ខែអស្សុជ ឆ្នាំថោះ បញ្ចស័ក ពុទ្ធសករាជ ២៥៦៧ ត្រូវនឹងថ្ងៃទី១០ ខែវិច្ឆិកា ឆ្នាំ២០២៣",
        f"{LEAD} {SECOND} {LEAD}",
    ],
)
def test_a_long_menu_a_khmer_calendar_date_and_a_paragraph_are_never_headlines(line: str) -> None:
    assert never_headline(line)


def test_a_page_that_opens_with_a_paragraph_gets_no_title_from_it() -> None:
    paragraph = f"{LEAD} {SECOND} Officials said all of them were safe in the shelters."
    page = f"{paragraph}\nRescuers hand out breakfast at the shelter on Sunday.\n"

    parsed = parse_text_page(page, language="en")

    assert parsed.title is None  # import derives a marked title from the lead
    assert parsed.body.startswith(paragraph)  # the paragraph starts the story
    assert parsed.body.rstrip().endswith("at the shelter on Sunday.")


def test_a_page_of_one_paragraph_keeps_it_as_its_story() -> None:
    paragraph = f"{LEAD} {SECOND} Officials said all of them were safe in the shelters."

    parsed = parse_text_page(f"{paragraph}\n", language="en")

    assert parsed.title is None
    assert paragraph == parsed.body.strip()


def test_a_long_menu_the_rules_take_gives_way_to_the_headline_under_it() -> None:
    menu = "Home · News · Politics · World · Sport · Culture"
    parsed = parse_text_page(f"{menu}\n{HEADLINE}\n{LEAD}\n{SECOND}\n", language="en")

    assert HEADLINE == parsed.title


@pytest.mark.parametrize(
    "line",
    [
        "(서울=연합뉴스) 김민수 기자 =",
        "新华社北京1月11日电(记者 王明)",
        "(中央社記者林小明台北3日電)",
    ],
)
def test_a_newsroom_dateline_split_off_the_lead_is_never_a_headline(line: str) -> None:
    assert never_headline(line)
    assert not never_headline("서울 아파트값 3주 연속 상승")  # a headline of the same script
    assert not never_headline("新华社记者探访洪水灾区")
