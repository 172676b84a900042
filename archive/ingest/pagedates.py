"""Where a page's dates stand: the candidates for the story's date, and the page's clock.

:mod:`archive.ingest.dates` reads a date line; this module says where on the page it stands
relative to the headline, the lead and the story's end, which is what decides whose date it
is (:func:`archive.ingest.dates.choose_dates` weighs the places):

- the header: a date line over the site's navigation is its clock ("Friday, 13 December
  2019", the site's name, "Home > News > …"), the others stand above or under the headline;
- over the lead: the date line nearest above the story's first paragraph, and a byline
  closing with its date;
- the story itself: a dateline opening the lead ("BANGKOK, May 3, 2021 —"), a bracketed
  sign-off closing it ("(NAME, Hello VOA, Washington, 31 December 2015)"), and a yearless
  wire dateline ("Jan. 3 (UPI) —") a stamp days away from cannot be the story's;
- the story's end: a stamp right under it ("Publish : 2021-02-07"), before any list;
- a post's header: a date line, a headline, the post's text (a blog's post date wherever the
  header parsing put the headline); the same date format heading a headline further down
  is the next post's.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Iterable, Sequence
from typing import Any

from archive.ingest.addresses import holds_web_address
from archive.ingest.dates import (
    DateCandidate,
    DatePlace,
    closing_date,
    crawler_date,
    dateline_date,
    dateline_day,
    event_opening,
    is_stamp_line,
    parse_date_text,
    signoff_date,
    to_ascii_digits,
)
from archive.ingest.furniture import (
    BREADCRUMB,
    is_byline,
    is_furniture,
    is_navigation,
    is_site_name,
    is_top_navigation,
)
from archive.ingest.headlines import looks_like_title
from archive.ingest.lineweight import line_weight
from archive.ingest.pagelines import MAX_HEADLINE_WEIGHT, Line, is_prose, lead_position

__all__ = [
    "closing_credit_date",
    "crawler_record",
    "date_after_story",
    "dates_above_lead",
    "header_dates",
    "heads_next_post",
    "is_list_item",
    "post_header_date",
    "story_dates",
]

# A clock stands a line or two over the site's navigation (its name may come between).
_CLOCK_NAV_REACH = 2
# What may stand between a clock and the navigation: a site's name, a login link.
_MAX_BETWEEN_WEIGHT = 48
# A navigation line opening with the site's home link, in the languages we serve:
# "Home Blog Page 11", "Trang chủ Tin tức", "首页 > 新闻", "홈 뉴스", a menu's item "• Home".
_HOME_LINK = re.compile(
    r"^(?:[•·*]\s*)?(?:Home|HOME|Trang\s+chủ|TRANG\s+CHỦ|首页|首頁|主页|主頁|홈|ទំព័រដើម|ໜ້າຫຼັກ"
    r"|ပင်မစာမျက်နှာ|باش\s+بەت)(?:$|\s+\S)"
)
# A transcript's speaker label ("NAME 앵커>", "기자>"): it ends in a bracket like a section
# link ("News >"), but glued to its word, and is one part, not a run of links.
_SPEAKER_LABEL = re.compile(r"^[^|/›»>]{0,29}[^\s|/›»>]>$")


def _is_site_header(text: str) -> bool:
    """A breadcrumb or navigation run (the site's header, above any story date), not a
    speaker's label."""
    return is_top_navigation(text) and _SPEAKER_LABEL.match(text.strip()) is None


def _is_clock_navigation(text: str) -> bool:
    return not holds_web_address(text) and (
        is_top_navigation(text) or _HOME_LINK.match(text) is not None
    )


# A weather widget's read-out, set beside the site's clock: "30 °c", "66.5 F", "-3℃".
_TEMPERATURE = re.compile(r"^\s*[-+−]?\d{1,3}(?:[.,]\d)?\s*(?:°\s*[CcFf]?|℃|℉|[CF])\s*$")
_WEATHER_REACH = 5  # the widget's place name and a menu line may stand between


def _beside_weather(lines: list[Line], index: int) -> bool:
    """Whether a date line stands a few lines from a temperature read-out: the site's
    header widget (clock, weather, place), never a story's date."""
    reach = range(max(0, index - _WEATHER_REACH), min(len(lines), index + _WEATHER_REACH + 1))
    return any(_TEMPERATURE.match(lines[i].text) for i in reach)


def header_dates(
    lines: list[Line],
    dates: dict[int, Any],
    *,
    first: int,
    title: int | None,
    crumb: int | None,
    furniture: set[int],
) -> tuple[list[DateCandidate], set[int]]:
    """The header's date lines, and which of them are the site's clock.

    A date line over the site's navigation (a breadcrumb, a menu run, a home link), with at
    most its name or other short lines between, is when the page was saved; the others
    stand above or under the headline.

    Args:
        lines: the page's lines; ``dates`` the date lines among them (by index).
        first: the story's first line; ``title`` the headline's, ``crumb`` the breadcrumb's.
        furniture: the lines taken for furniture.

    Returns:
        The candidates, and the indices of the clock lines.
    """
    found_dates: list[DateCandidate] = []
    clocks: set[int] = set()
    for index in sorted(dates):
        if index >= first and index not in furniture:
            break
        found = dates[index]
        above_crumb = crumb is not None and index < crumb
        reach = {
            *range(index + 1, first if title is None else title),
            *range(index + 1, index + 1 + _CLOCK_NAV_REACH),
        }
        above_nav = any(
            i < len(lines)
            and i not in dates
            and _is_clock_navigation(lines[i].text)
            and all(line_weight(lines[j].text) <= _MAX_BETWEEN_WEIGHT for j in range(index + 1, i))
            for i in reach
        )
        if (
            found.clock
            or (above_crumb and index == 0)
            or above_nav
            or _beside_weather(lines, index)
        ):
            found_dates.append(DateCandidate(found.date, "clock", line=index))
            clocks.add(index)
        elif index < first + 1:
            above = title is None or index < title
            place: DatePlace = "above_headline" if above else "under_headline"
            found_dates.append(DateCandidate(found.date, place, found.updated, index))
    return found_dates, clocks


_MAX_LINES_ABOVE_LEAD = 6


def dates_above_lead(
    lines: list[Line],
    dates: dict[int, Any],
    furniture: set[int],
    title: int | None,
    language: str | None,
) -> list[DateCandidate]:
    """The date line nearest above the story's lead, and dates closing bylines there.

    The lead is the first paragraph under the headline that another paragraph follows; the
    lines over it up to the headline (or a paragraph) are its byline, date and captions,
    whatever the header parsing made of them.
    """
    start = 0 if title is None else title + 1
    body = [i for i in range(start, len(lines)) if i not in furniture and i not in dates]
    position = lead_position(lines, body, under_subheading=False)
    if position is None:
        return []
    lead = body[position]
    found: list[DateCandidate] = []
    nearest = False
    for index in range(lead - 1, max(start, lead - _MAX_LINES_ABOVE_LEAD) - 1, -1):
        text = lines[index].text
        line = dates.get(index)
        if line is not None:
            # a wrapped sentence's last piece ("04-20/02/2022.") is no date line
            if not line.clock and not nearest and not text.endswith((".", "。")):
                found.append(DateCandidate(line.date, "above_lead", line.updated, index))
                nearest = True
        elif is_prose(text) and index not in furniture:
            break  # a paragraph over the header
        elif _is_attribution(lines, index):
            continue  # "— NAME, Place, DATE" under an epigraph: when it was said
        elif not BREADCRUMB.match(text) and (
            closing := closing_date(text, language=language)
        ):  # "By NAME / Reuters / March 5, 2021", however its fields are set apart
            found.append(DateCandidate(closing, "byline", line=index))
        elif _is_site_header(text):
            break  # the site's header itself
    return found


_ATTRIBUTION_DASH = ("—", "―", "–", "-")
_QUOTE_MARKS = "\"“”„«»「『‘’'"


def _is_attribution(lines: list[Line], index: int) -> bool:
    """Whether a line is a quotation's attribution: it opens with a dash, under a line
    quoted whole (an epigraph, "“We lied.” / — NAME, Place, April 15, 2019"); its date is
    when the words were said, not the story's."""
    if index == 0 or not lines[index].text.lstrip().startswith(_ATTRIBUTION_DASH):
        return False
    quoted = lines[index - 1].text.strip()
    return len(quoted) > 1 and quoted[0] in _QUOTE_MARKS and quoted[-1] in _QUOTE_MARKS


# The lead is among the story's first lines (a deck or a caption may stand over it).
_LEAD_REACH = 4


def story_dates(
    lines: list[Line], story: list[int], language: str | None
) -> tuple[list[DateCandidate], tuple[int, int] | None]:
    """The dates the story itself gives, and the month and day of a yearless dateline.

    A dateline opening the story, a bracketed sign-off closing its lead or its last
    paragraph, the crawler's record before the page's first line; a wire dateline without
    its year ("SEOUL, Jan. 3 (UPI) —") gives only the story's month and day.
    """
    found: list[DateCandidate] = []
    story_day: tuple[int, int] | None = None
    lead = next((i for i in story[:_LEAD_REACH] if is_prose(lines[i].text)), None)
    # The dateline opens the story's first line, or its lead under a headline or a site
    # name the story kept ("2020-08-18 -- More than 80 families …").
    heads = dict.fromkeys(story[:1] + ([lead] if lead is not None else []))
    openings = ((i, _opening_dateline(lines[i].text, language)) for i in heads)
    opening_line, opening = next(((i, d) for i, d in openings if d is not None), (None, None))
    if opening is not None:
        found.append(DateCandidate(opening, "dateline", line=opening_line))
    elif lead is not None:
        story_day = dateline_day(lines[lead].text, language=language)
    for index in dict.fromkeys(story[:1] + story[-1:]):
        if (signed := signoff_date(lines[index].text, language=language)) is not None:
            found.append(DateCandidate(signed, "signoff", line=index))
            break
    for index in reversed(story[-_STAMP_REACH:]):
        if (stamped := editor_stamp_date(lines[index].text)) is not None:
            found.append(DateCandidate(stamped, "signoff", line=index))
            break
    return found, story_day


_MIN_NAME_LETTERS = 2


def closing_credit_date(
    lines: Sequence[Line], rows: Iterable[int], language: str | None
) -> list[DateCandidate]:
    """The date of the credit line closing the story, when that line is a source and its day:
    a repost ends with the wire it came from and the day it ran ("Agence France Presse -
    August 9, 2012", "Reuters, 3 May 2015"). Only the credit block's own lines (those the
    credit readers took off the story's end) are read, by ``closing_date`` (a byline's or
    source's words beside the date, no sentence)."""
    for index in sorted(rows):
        text = lines[index].text
        if _names_something(text) and (closing := closing_date(text, language=language)):
            if _closes_the_page(lines, index, language):
                return [DateCandidate(closing, "signoff", line=index)]
            return []
    return []


def _closes_the_page(lines: Sequence[Line], index: int, language: str | None) -> bool:
    """Whether nothing under a line is story or dated: a related list's dated items
    ("相关新闻 发布时间:2019-06-28 …") and the next post's head ("2018-08-17 NAME -" over a
    headline and text) are no closing line, nor the last of items that each end with their
    dated line ("2018-08-20 NAME -" over the first item's, the same shape over the second's)."""
    shape = _shape(lines[index].text)
    return not any(
        is_prose(line.text) or parse_date_text(line.text, language=language) is not None
        for line in lines[index + 1 :]
    ) and not any(_shape(line.text) == shape for line in lines[:index])


def _names_something(text: str) -> bool:
    """Whether a line has a word of letters beside its numbers (a source's name, a label): an
    issue's number and its day ("202405호 (2024.04.17)") or a list's row ("2025-09-18,11970|")
    name no source."""
    words = (word for word in text.split() if not any(ch.isdecimal() for ch in word))
    return any(sum(ch.isalpha() for ch in word) >= _MIN_NAME_LETTERS for word in words)


# A wire's stamp closing the story: the editor in brackets, then the day in the Republic of
# China calendar as yyyMMdd ("(編輯:NAME)1120903": ROC year 112 is 2023, year + 1911), the
# Central News Agency's form, carried by the pages that repost its stories.
_ROC_EDITOR_STAMP = re.compile(
    r"[(（](?:責任編輯|责任编辑|編輯|编辑)\s*[:：/／]\s*[^()（）]{1,20}[)）]\s*"
    r"(?P<year>1\d\d)(?P<month>[01]\d)(?P<day>[0-3]\d)\s*$"
)
_ROC_EPOCH = 1911
_STAMP_REACH = 5  # the story's last lines (a stamp may sit over a few lines of furniture)


def editor_stamp_date(text: str) -> datetime.date | None:
    """The date of an editor's stamp closing a story ("(編輯:NAME)1120903"), or None."""
    match = _ROC_EDITOR_STAMP.search(text)
    if match is None:
        return None
    try:
        return datetime.date(
            int(match["year"]) + _ROC_EPOCH, int(match["month"]), int(match["day"])
        )
    except ValueError:
        return None


# A headline in quotes glued before its lead's dateline ("“HEADLINE” CITY - DATE (OUTLET) …").
_QUOTED_HEAD = re.compile(r"^[\"“«「『]([^\"“”«»「」『』]{5,200})[\"”»」』]\s+")


def _opening_dateline(text: str, language: str | None) -> datetime.date | None:
    """The dateline opening the story's first line, or opening it after a quoted headline
    glued to it (a page saved as one run of text)."""
    if event_opening(text, language=language):
        return None  # "On 5 August 2020, a storm …": the event's day, not the story's
    if (opening := dateline_date(text, language=language)) is not None:
        return opening
    head = _QUOTED_HEAD.match(text)
    return dateline_date(text[head.end() :], language=language) if head else None


def crawler_record(lines: list[Line]) -> datetime.date | None:
    """The publication date a crawler recorded before the page's first line, if any."""
    return crawler_date(lines[0].text) if lines else None


_MAX_LINES_AFTER_STORY = 3
_MAX_LINES_BEFORE_LAST_STAMP = 1


def date_after_story(
    lines: list[Line], dates: dict[int, Any], last: int, language: str | None
) -> list[DateCandidate]:
    """A stamp right under the story's end ("Publish : 2021-02-07 15:02", "2020-06-19 4면"),
    before anything else follows it (another headline, a sidebar's dated list); one other
    line may stand between when the stamp closes the page (a wire story's tip line, then
    its copyright line and filing date)."""
    between = 0
    for index in range(last + 1, min(last + 1 + _MAX_LINES_AFTER_STORY, len(lines))):
        found = dates.get(index)
        if found is not None:
            if found.clock or not is_stamp_line(lines[index].text, language=language):
                return []
            if between and index != len(lines) - 1:
                return []
            if is_list_item(lines, index, dates):
                return []  # the first of a list's dated items ("DATE,NUMBER|" lines)
            return [DateCandidate(found.date, "after_story", found.updated, index)]
        if not is_furniture(lines[index].text):
            between += 1
            if between > _MAX_LINES_BEFORE_LAST_STAMP:
                return []
    return []


# A post's text starts within a few lines of its headline (a deck, a byline between).
_POST_REACH = 4
_PARAGRAPH_WEIGHT = 100  # a line this long (CJK counted wide) is a paragraph
_MAX_POST_HEADER_LINE = 30


def _is_post_headline(text: str) -> bool:
    return (
        line_weight(text) <= MAX_HEADLINE_WEIGHT
        and looks_like_title(text)
        and not is_prose(text)
        and not is_byline(text)
        and not is_site_name(text)
        and not is_navigation(text)
    )


def _heads_a_post(lines: list[Line], index: int, dates: dict[int, Any], reach: int) -> bool:
    """Whether a date line heads a post: a headline-shaped line right under it, and a
    paragraph under that within ``reach`` lines (a deck and a byline may come between)."""
    if index + 1 >= len(lines) or index + 1 in dates:
        return False
    return _is_post_headline(lines[index + 1].text) and any(
        i not in dates
        and (is_prose(lines[i].text) or line_weight(lines[i].text) > _PARAGRAPH_WEIGHT)
        for i in range(index + 2, min(index + 2 + reach, len(lines)))
    )


_SHAPE_LETTERS = re.compile(r"[^\W\d_]+")


def _shape(text: str) -> str:
    """A date line's format: its runs of letters, digits and marks ("a 00 a 0000")."""
    return re.sub(r"\d", "0", _SHAPE_LETTERS.sub("a", to_ascii_digits(text)))


def is_list_item(lines: list[Line], index: int, dates: dict[int, Any]) -> bool:
    """Whether a date line is a list's item: the next line is a date line of the same
    format ("2025-09-18,11970|" over "2025-09-17,11962|"), neither labelled an update (a
    published line over its update is a pair, not a list)."""
    following = dates.get(index + 1)
    return (
        following is not None
        and not following.updated
        and not dates[index].updated
        and _shape(lines[index + 1].text) == _shape(lines[index].text)
    )


def heads_next_post(
    lines: list[Line], index: int, dates: dict[int, Any], *, story_first: int
) -> bool:
    """Whether a date line under the lead heads the page's next post, not this story.

    It does when the post's own date line over its headline is written in the same format
    ("dimanche 27 décembre 2015" there, "jeudi 26 novembre 2015" here) and a headline and
    text follow it; a list whose items end with their dates has no such line over the first.
    """
    heading = {
        _shape(lines[i].text) for i, found in dates.items() if i < story_first and not found.clock
    }
    return _shape(lines[index].text) in heading and _heads_a_post(lines, index, dates, reach=1)


def post_header_date(
    lines: list[Line], dates: dict[int, Any], clocks: set[int]
) -> list[DateCandidate]:
    """The date heading the page's first post: a date line, a headline right under it and
    the post's text a few lines on (a blog's post date under its motto and notes, wherever
    the header parsing put the headline). The weakest place: only a page with no other."""
    for index in sorted(dates):
        if index > _MAX_POST_HEADER_LINE:
            break
        found = dates[index]
        if index in clocks or found.clock:
            continue
        if _heads_a_post(lines, index, dates, reach=_POST_REACH):
            return [DateCandidate(found.date, "post_header", found.updated, index)]
    return []
