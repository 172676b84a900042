"""Round 4 of page dates: label classes, sign-offs, yearless datelines, crawler records and
stamps, each with the shapes it must not take for a story's date."""

from __future__ import annotations

import datetime

import pytest

from archive.ingest.dates import (
    DateCandidate,
    DateLine,
    choose_dates,
    closing_date,
    crawler_date,
    date_line,
    dateline_day,
    is_stamp_line,
    signoff_date,
)

D = datetime.date


# --- published beats updated ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("line", "language"),
    [
        ("Updated: March 5, 2021 10:20 GMT", "en"),
        ("Last modified 5 March 2021", "en"),
        ("最後更新時間:2021/03/05 07:06", "zh-Hant"),
        ("最后更新：2021-03-05", "zh-Hans"),
        ("수정 2021.03.05 10:20", "ko"),
        ("Cập nhật: 05/03/2021", "vi"),
        ("ធ្វើបច្ចុប្បន្នភាព ២០២១-០៣-០៥", "km"),
    ],
)
def test_an_update_label_marks_the_date_line_updated(line: str, language: str) -> None:
    assert DateLine(D(2021, 3, 5), clock=False, updated=True) == date_line(line, language=language)


@pytest.mark.parametrize(
    ("line", "language"),
    [
        ("發佈時間:2021/03/05 12:04", "zh-Hant"),
        ("Published : Mar 5, 2021 - 15:02       Updated : Mar 6, 2021 - 18:03", "en"),
        ("2021.03.05 10:20 | 수정 2021.03.06", "ko"),
        ("Friday, March 5, 2021", "en"),
    ],
)
def test_a_published_or_unlabelled_date_line_is_not_updated(line: str, language: str) -> None:
    assert DateLine(D(2021, 3, 5), clock=False) == date_line(line, language=language)


def test_the_published_date_beats_the_updated_one_in_the_same_place() -> None:
    candidates = [
        DateCandidate(D(2016, 5, 16), "above_lead", updated=True),
        DateCandidate(D(2004, 4, 4), "under_headline"),
    ]

    assert (D(2004, 4, 4), None) == choose_dates(candidates)


def test_an_updated_date_still_dates_a_page_that_shows_no_other() -> None:
    candidates = [DateCandidate(D(2014, 7, 14), "under_headline", updated=True)]

    assert (D(2014, 7, 14), None) == choose_dates(candidates)


def test_under_the_headline_the_date_nearest_the_lead_beats_a_reposter_stamp() -> None:
    candidates = [
        DateCandidate(D(2011, 3, 23), "under_headline"),  # "Posted: 23 Mar 2011 05:23 PM"
        DateCandidate(D(2011, 3, 24), "under_headline"),
        DateCandidate(D(2011, 3, 24), "above_lead"),
    ]

    assert (D(2011, 3, 24), None) == choose_dates(candidates)


def test_a_year_set_apart_from_month_and_day_before_a_time() -> None:
    assert D(2024, 9, 21) == date_line("2024 09/21 20:49:32", language="zh-Hans").date  # type: ignore[union-attr]
    # without the time it is no date: "in 2024 9/11 …" says something else
    assert date_line("2024 9/11", language="en") is None


# --- a yearless wire dateline ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("lead", "expected"),
    [
        ("SEOUL, South Korea, Jan. 3 (UPI) -- North Korea reopened the line.", (1, 3)),
        ("PHNOM PENH, Sept. 3 (Xinhua) -- Cambodia alerted the public.", (9, 3)),
        ("KUALA LUMPUR, Nov 19 (Bernama) -- The agency said.", (11, 19)),
        ("  中新网1月11日电 国台办发言人表示。", (1, 11)),
        ("新華社貴陽2月12日電 記者報導。", (2, 12)),
    ],
)
def test_a_wire_dateline_without_its_year_gives_month_and_day(
    lead: str, expected: tuple[int, int]
) -> None:
    assert expected == dateline_day(lead, language="en")


@pytest.mark.parametrize(
    "lead",
    [
        "The ministry said on Jan. 3 (Monday) - nothing more.",  # a sentence, no agency dateline
        "BANGKOK, May 3, 2021 (Reuters) - A full date is dateline_date's.",
        "新华社北京2018年4月19日电 记者报道。",  # the year is there
        "Villagers said the troops came in March.",
    ],
)
def test_other_openings_give_no_yearless_dateline(lead: str) -> None:
    assert dateline_day(lead, language="en") is None


def test_a_stamp_weeks_off_the_yearless_dateline_is_not_the_story_date() -> None:
    stamp = [DateCandidate(D(2023, 1, 31), "under_headline")]

    assert (None, None) == choose_dates(stamp, story_day=(1, 11))


def test_a_date_days_off_the_dateline_is_kept_across_time_zones_and_reposts() -> None:
    candidates = [DateCandidate(D(2012, 5, 25), "byline")]  # "YANGON, May 23 (Reuters)"
    repost = [DateCandidate(D(2015, 5, 27), "above_headline")]  # a blog's, six days on

    assert (D(2012, 5, 25), None) == choose_dates(candidates, story_day=(5, 23))
    assert (D(2015, 5, 27), None) == choose_dates(repost, story_day=(5, 21))
    assert (D(2020, 1, 1), None) == choose_dates(
        [DateCandidate(D(2020, 1, 1), "byline")], story_day=(12, 31)
    )


def test_the_dateline_orders_day_and_month_of_an_ambiguous_date() -> None:
    candidates = [DateCandidate(D(2021, 9, 2), "byline")]  # "09-02-2021" read month first

    assert (D(2021, 2, 9), None) == choose_dates(candidates, story_day=(2, 9))


# --- the crawler's record, a sign-off, a stamp ----------------------------------------------


def test_the_crawler_record_before_the_first_line_is_read_whatever_follows() -> None:
    assert D(2021, 2, 6) == crawler_date(" date 2021-02-06 Directory of sitesLoginContact")
    assert crawler_date(" date 2017-10 A programme of the month") is None  # a month alone
    assert crawler_date("The date 2021-02-06 was set") is None


@pytest.mark.parametrize(
    ("paragraph", "language", "expected"),
    [
        (
            "លោកទាំងពីរបានថ្លែងថា តុលាការមិនអាចផ្តល់យុត្តិធម៌។ (សុខ សុភា, Hello VOA, វ៉ាស៊ីនតោន, ៣១ ធ្នូ ២០១៥)",
            "km",
            D(2015, 12, 31),
        ),
        (
            "The two lawmakers said they would sue. (Jane Doe, VOA News, Washington, "
            "March 5, 2021)",
            "en",
            D(2021, 3, 5),
        ),
        ("记者到场采访。（记者 张三，北京，2018年8月13日）", "zh-Hans", D(2018, 8, 13)),
    ],
)
def test_a_bracketed_signoff_closing_a_paragraph_dates_it(
    paragraph: str, language: str, expected: D
) -> None:
    assert expected == signoff_date(paragraph, language=language)


@pytest.mark.parametrize(
    "paragraph",
    [
        "He was jailed under a decree (the law of May 3, 2020).",  # an aside in a sentence
        "The decree (No. 12, dated 5 March 2021) took effect.",  # not at the end
        "The court met again (July 12, 2012)",  # a date alone in brackets
        "The rally (Jane Doe, Washington, March 5, 2021) drew crowds and police.",
        "Police arrived (Jane Doe, March 5, 2021, Washington)",  # the date does not close it
    ],
)
def test_other_brackets_are_no_signoff(paragraph: str) -> None:
    assert signoff_date(paragraph, language="en") is None


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Publish : 2021-02-07 15:02:00", True),
        ("Posted on 5 May 2021", True),
        ("2020-06-19 4면", True),
        ("2021-05-05 A4", True),
        ("2018/12/31 13:24 송고", True),  # the label after its date
        ("2018/12/31 13:24 서울", False),
        ("2024-04-19", False),  # bare: a footer's clock as often as a story's date
        ("09/09/1943: Quân Đồng minh đổ bộ tại Ý", False),  # a dated item of a list
        ("Wednesday, 4 November 2015", False),
    ],
)
def test_a_stamp_is_labelled_or_a_print_page(line: str, expected: bool) -> None:
    assert expected == is_stamp_line(line, language="vi" if "Quân" in line else "ko")


# --- a byline's date, either side of the names ------------------------------------------------


@pytest.mark.parametrize(
    "line",
    [
        "Posted by Jane Doe on March 5, 2021",
        "Written by Jane Doe on 5 March 2021",
        "March 5, 2021 by Jane Doe",
        "5 March 2021 | Jane Doe",
        "Jane Doe · 5 March 2021 · 3 min read",
        "By Jane Doe and John Roe / Reuters / March 5, 2021",
    ],
)
def test_a_date_beside_a_byline_on_either_side_is_read(line: str) -> None:
    assert D(2021, 3, 5) == closing_date(line, language="en")


@pytest.mark.parametrize(
    "line",
    [
        "Police said on March 5, 2021",
        "On March 5, 2021 the army moved in",
        "Jane Doe March 5, 2021 John Roe",  # the date between two runs of names
        "Posted by admin on March 5, 2021",  # a login name, lowercase like a sentence's word
    ],
)
def test_a_date_in_a_sentence_or_between_names_is_no_byline_date(line: str) -> None:
    assert closing_date(line, language="en") is None


# --- publication labels of every language open a metadata line ---------------------------------


@pytest.mark.parametrize(
    ("line", "language"),
    [
        ("ເຜີຍແຜ່ ວັນທີ 5 ມີນາ 2021 ເວລາ 10:20 ໂດຍ ກອງບັນນາທິການ", "lo"),
        ("يوللانغان ۋاقتى 2021-03-05 مۇخبىرىمىز", "ug"),
        ("Yollanghan waqti 2021-03-05 Muxbirimiz", "ug"),
        ("Йолланған вақти 2021-03-05 Мухбиримиз", "ug"),
        ("ထုတ်ဝေသည့်ရက် ၂၀၂၁ ခုနှစ် မတ်လ ၅ ရက် သတင်းထောက် ကိုကို", "my"),
        ("Dated 5 March 2021", "en"),
    ],
)
def test_a_publication_label_opens_a_date_line_with_its_source_beside(
    line: str, language: str
) -> None:
    assert DateLine(D(2021, 3, 5), clock=False) == date_line(line, language=language)


def test_a_sentence_opening_with_a_label_word_is_no_date_line() -> None:
    assert (
        date_line("Dated March 5, 2021, the letter said the army would leave", language="en")
        is None
    )
