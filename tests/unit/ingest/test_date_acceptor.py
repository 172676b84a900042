"""Dates on pages that show no publication date: a site clock set with a weather widget, a
list's dated items under the story, a photo caption's date; a published label's field in a
header's metadata line; and the learned acceptor that decides whether the chosen date is the
story's at all. Pages written for the tests in the shapes real pages take (never copies)."""

from __future__ import annotations

import datetime

import pytest

from archive.ingest.dateaccept import (
    DATE_FEATURES,
    DateModel,
    date_features,
)
from archive.ingest.datefields import labelled_field_dates
from archive.ingest.dates import DateCandidate
from archive.ingest.logistic import Logistic
from archive.ingest.pagelines import page_lines
from archive.ingest.textpage import parse_text_page
from tests.unit.ingest.pages import HEADLINE, LEAD, SECOND, THIRD, page

D = datetime.date
CLOCK = "Wednesday, January 14, 2026"


def _dates(text: str, language: str = "en") -> tuple[D | None, D | None]:
    parsed = parse_text_page(text, language=language)
    return parsed.date, parsed.captured


# --- a site clock beside a weather read-out ----------------------------------------------------


def test_a_clock_with_a_weather_read_out_over_an_undated_story_gives_no_date() -> None:
    text = page("• English", CLOCK, "No Result", "30 °c", "Yangon", HEADLINE, LEAD, SECOND, THIRD)

    assert (None, D(2026, 1, 14)) == _dates(text)


def test_the_same_clock_over_a_dated_story_leaves_the_story_its_date() -> None:
    text = page(
        "• English",
        CLOCK,
        "No Result",
        "66.5 F",
        "San Jose",
        HEADLINE,
        "July 29, 2025",
        LEAD,
        SECOND,
        THIRD,
    )

    assert (D(2025, 7, 29), D(2026, 1, 14)) == _dates(text)


def test_a_post_date_over_the_headline_with_no_weather_near_stays_the_story_date() -> None:
    text = page("Monday, May 30, 2016", "The Example Magazine", HEADLINE, LEAD, SECOND, THIRD)

    assert (D(2016, 5, 30), None) == _dates(text)


def test_a_temperature_in_the_story_far_under_the_post_date_leaves_it_the_story_date() -> None:
    text = page(
        "Monday, May 30, 2016",
        HEADLINE,
        LEAD,
        SECOND,
        THIRD,
        "Temperatures fell overnight in the hills, the weather service said in its report.",
        "Forecasters expect the rain to ease by the end of the week in most provinces.",
        "30 °C",
    )

    assert D(2016, 5, 30) == _dates(text)[0]


# --- a list's dated items and a caption's date --------------------------------------------------


def test_a_related_list_of_dated_items_under_the_story_dates_no_story() -> None:
    items = [f"2025-09-{day:02d},{11900 + day}|" for day in range(18, 12, -1)]
    text = page(HEADLINE, LEAD, SECOND, THIRD, *items)

    assert (None, None) == _dates(text)


def test_a_single_stamp_under_the_story_still_dates_it() -> None:
    text = page(HEADLINE, LEAD, SECOND, THIRD, "Publish : 2021-02-07 15:02")

    assert D(2021, 2, 7) == _dates(text)[0]


def test_a_photo_caption_shown_twice_dates_no_story() -> None:
    caption = "Opposition leader Sam Example, Sept. 10, 2012 file photo."
    text = page("News / Asia", HEADLINE, caption, caption, LEAD, SECOND, THIRD)

    assert (None, None) == _dates(text)


# --- a published label's field in a header metadata line ----------------------------------------

ZH_HEADLINE = "南方多地遭受洪涝灾害 防汛应急响应提升"
ZH_LEAD = "连日来，受持续强降雨天气影响，南方多地遭受洪涝灾害侵袭，当地已组织群众转移。"
ZH_SECOND = "水文部门继续发布洪水预警，提醒沿河居民注意安全，做好防范准备。"


def test_a_published_labels_field_among_others_under_the_headline_dates_the_story() -> None:
    meta = "新闻来源: 示例日报/示例网 于2020-07-13 9:54:15  提示:新闻观点不代表本网立场"
    text = page(f"{ZH_HEADLINE}？", meta, ZH_LEAD, ZH_SECOND)

    assert D(2020, 7, 13) == _dates(text, "zh")[0]


def test_the_field_reader_reads_between_the_headline_and_the_lead_only() -> None:
    meta = "ཡོང་ཁུངས། : དཔེ་མཚོན།   རྩོམ་པ་པོ། : མིང་།   སྤེལ་དུས། : 2023-01-11"
    lines = list(page_lines(page("HEADLINE", meta, "Lead line.", "More text.")))

    assert [c.date for c in labelled_field_dates(lines, title=0, lead=2, language="bo")] == [
        D(2023, 1, 11)
    ]
    assert labelled_field_dates(lines, title=1, lead=2, language="bo") == []  # over the headline
    assert labelled_field_dates(lines, title=None, lead=1, language="bo") == []  # under the lead


def test_a_khmer_published_field_before_a_text_size_widget_dates_the_story() -> None:
    headline = "ប៉ូលិសបង្ក្រាបសង្វៀនល្បែងនៅខេត្តមួយ"
    lead = "ប៉ូលិសបានចុះបង្ក្រាបសង្វៀនល្បែងមួយកន្លែង នៅព្រឹកថ្ងៃអាទិត្យ ។"
    second = "មន្ត្រីបាននិយាយថា ពួកគេនឹងបន្តការស៊ើបអង្កេតបន្ថែមទៀត ។"
    meta = "ដោយ ឧទាហរណ៍ ប៉ុស្តិ៍ ចេញផ្សាយ ថ្ងៃទី 1 January, 2019 ក+ ក-"

    assert D(2019, 1, 1) == _dates(page(headline, meta, lead, second), "km")[0]


def test_an_update_labels_field_alone_is_no_published_date() -> None:
    meta = "新闻来源: 示例日报  更新 2020-07-14 09:00  提示:新闻观点不代表本网立场"
    text = page(ZH_HEADLINE, meta, ZH_LEAD, ZH_SECOND)

    assert _dates(text, "zh")[0] != D(2020, 7, 13)
    assert _dates(text, "zh")[0] in (None, D(2020, 7, 14))


def test_a_labelled_date_in_a_story_paragraph_is_not_read_as_the_field() -> None:
    prose = (
        "The report, published on 2019-03-04 by the ministry, said that the number of "
        "stranded trucks had doubled since the floods began last month."
    )
    text = page(HEADLINE, LEAD, prose, SECOND, THIRD)

    assert (None, None) == _dates(text)


# --- the acceptor -------------------------------------------------------------------------------


def test_import_without_an_acceptor_keeps_the_chosen_date() -> None:
    # none ships: a page parsed without one keeps what the readers chose
    text = page(CLOCK, HEADLINE, "July 29, 2025", LEAD, SECOND)

    assert parse_text_page(text, language="en").date == D(2025, 7, 29)


def test_features_say_which_reader_chose_the_date_and_where_its_line_stands() -> None:
    lines = list(page_lines(page(CLOCK, HEADLINE, LEAD, SECOND, THIRD)))
    chosen = DateCandidate(D(2026, 1, 14), "above_headline", line=0)

    features = date_features(
        lines, chosen, [chosen], lone=False, title=1, story=[2, 3, 4], captured=None, language="en"
    )

    assert list(features) == list(DATE_FEATURES)
    assert features["reader_above"] == 1.0
    assert features["reader_under"] == 0.0
    assert features["above_headline"] == 1.0
    assert features["in_story"] == 0.0
    assert features["has_weekday"] == 1.0
    assert features["date_only"] == 1.0
    assert features["page_top"] == 1.0


def test_features_of_a_date_inside_the_story_after_the_years_it_tells() -> None:
    story_line = "The dam, finished in 2009, burst on Sunday; it was last inspected in 2011."
    lines = list(page_lines(page(HEADLINE, LEAD, story_line, "Posted on 3 May 2024")))
    chosen = DateCandidate(D(2024, 5, 3), "after_story", line=3)

    features = date_features(
        lines, chosen, [chosen], lone=False, title=0, story=[1, 2], captured=None, language="en"
    )

    assert features["reader_weak"] == 1.0
    assert features["below_story"] == 1.0
    assert features["has_label"] == 1.0
    assert features["years_all_earlier"] == 1.0
    assert features["years_after_story"] > 0
    assert features["year_in_story"] == 0.0


def _constant_model(probability_score: float, cut: float) -> DateModel:
    size = len(DATE_FEATURES)
    acceptor = Logistic(
        DATE_FEATURES, (0.0,) * size, (1.0,) * size, (0.0,) * size, probability_score
    )
    return DateModel(acceptor, cut)


def test_an_acceptor_that_doubts_the_date_leaves_the_page_undated_and_keeps_the_clock() -> None:
    text = page("• English", CLOCK, "No Result", "30 °c", "Yangon", HEADLINE, "July 29, 2025", LEAD)
    doubting = _constant_model(-5.0, 0.5)

    parsed = parse_text_page(text, language="en", date_model=doubting)

    assert parsed.date is None
    assert parsed.captured == D(2026, 1, 14)


def test_an_acceptor_that_trusts_the_date_keeps_it() -> None:
    text = page(HEADLINE, "July 29, 2025", LEAD, SECOND)

    parsed = parse_text_page(text, language="en", date_model=_constant_model(5.0, 0.5))

    assert parsed.date == D(2025, 7, 29)


def test_malformed_weights_name_the_date_model() -> None:
    with pytest.raises(ValueError, match="date model"):
        DateModel.from_json({"features": ["a"], "means": [0.0], "scales": [1.0], "weights": []})
    columns = _constant_model(0.0, 0.5).to_json()
    del columns["cut"]
    with pytest.raises(ValueError, match="date model: malformed cut"):
        DateModel.from_json(columns)
