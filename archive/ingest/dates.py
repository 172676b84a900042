"""Dates on news pages: the forms every outlet and language we serve writes them in.

:func:`parse_date_text` reads one date from a short piece of text ("Friday, April 19, 2024",
"2021.07.07", "2018年5月17日", "ngày 19 tháng 4 năm 2018", "RFA | ២៨ សីហា ២០១៤",
"Updated at 09:30 a.m. EST on 2014-07-14", "입력 2018-04-19", "日期：2018-08-13"). Our own rules
come first, for the numeric forms whose order a library would have to guess, for the native
Burmese, Khmer, Tibetan and Uyghur forms dateparser cannot read, and for Buddhist Era years;
dateparser (CLDR month and weekday names, offline) reads the rest.

:func:`date_line` says whether a whole line is a date line (a date with at most a label,
a weekday, a time and a source name beside it), which is what a page's header or byline
shows; a date inside a sentence is never taken for the page's date. A month-name date is
found anywhere in a line of any script ("ចេញផ្សាយ ថ្ងៃទី 22 May, 2015 ម៉ោង 11:00") and read
by dateparser; a line opening with a label ("Posted on", "文章來源:", "입력") is a metadata
line whose date field ends at the next field break; a Zawgyi Burmese line is read as Unicode.
:func:`dateline_date` reads the dateline opening a lead, :func:`title_date` the date a
digest's headline carries ("Tin Tổng Hợp – 9/1/22").
"""

from __future__ import annotations

import datetime
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, replace
from functools import cache
from typing import Any, Literal

from archive.ingest.textcache import text_cache

__all__ = [
    "DATE_LABEL",
    "TIME_OF_DAY",
    "UPDATE_LABEL",
    "DateCandidate",
    "DateLine",
    "DatePlace",
    "choose_date_candidate",
    "choose_dates",
    "closing_date",
    "crawler_date",
    "date_line",
    "dateline_date",
    "dateline_day",
    "event_opening",
    "is_stamp_line",
    "parse_date_text",
    "signoff_date",
    "title_date",
    "to_ascii_digits",
]

# Years a news page can carry; Buddhist Era years (Thai, Lao, Khmer pages) lie 543 above.
_FIRST_YEAR, _LAST_YEAR = 1900, 2100
_BUDDHIST_ERA = 543
_MONTHS = 12
# Taiwan counts years from the Republic's founding: Minguo year 1 is 1912.
_MINGUO_ERA = 1911
# A date line is short: the date, a label, a weekday, a time, a source name.
_MAX_DATE_LINE_CHARS = 90
_MAX_DAY = 31
_MAX_RESIDUE_CHARS = 24


def to_ascii_digits(text: str) -> str:
    """Every decimal digit (Burmese ၁, Khmer ១, Lao ໑, Tibetan ༡, Arabic-Indic ١ …) as ASCII."""
    if text.isascii():
        return text
    return "".join(
        str(unicodedata.decimal(ch)) if not ch.isascii() and ch.isdecimal() else ch for ch in text
    )


def _year(value: int) -> int | None:
    """A four-digit (or two-digit) year as a Gregorian year, or None if no news page has it."""
    if value < 100:
        value += 2000 if value < 70 else 1900
    if _FIRST_YEAR + _BUDDHIST_ERA <= value <= _LAST_YEAR + _BUDDHIST_ERA:
        value -= _BUDDHIST_ERA
    return value if _FIRST_YEAR <= value <= _LAST_YEAR else None


def _make(year: int, month: int, day: int) -> datetime.date | None:
    gregorian = _year(year)
    if gregorian is None:
        return None
    try:
        return datetime.date(gregorian, month, day)
    except ValueError:
        return None


# Month names dateparser lacks (Burmese and Khmer as written in dates; Tibetan ordinal months).
_NATIVE_MONTHS = {
    # Burmese (the English months as Burmese writes them)
    "ဇန်နဝါရီ": 1, "ဖေဖော်ဝါရီ": 2, "မတ်": 3, "ဧပြီ": 4, "မေ": 5, "ဇွန်": 6,
    "ဇူလိုင်": 7, "ဩဂုတ်": 8, "သြဂုတ်": 8, "စက်တင်ဘာ": 9,
    "အောက်တိုဘာ": 10, "နိုဝင်ဘာ": 11, "ဒီဇင်ဘာ": 12,
    # Khmer
    "មករា": 1, "កុម្ភៈ": 2, "មីនា": 3, "មេសា": 4, "ឧសភា": 5, "មិថុនា": 6,
    "កក្កដា": 7, "សីហា": 8, "កញ្ញា": 9, "តុលា": 10, "វិច្ឆិកា": 11, "ធ្នូ": 12,
    # Lao
    "ມັງກອນ": 1, "ກຸມພາ": 2, "ມີນາ": 3, "ເມສາ": 4, "ພຶດສະພາ": 5, "ມິຖຸນາ": 6,
    "ກໍລະກົດ": 7, "ສິງຫາ": 8, "ກັນຍາ": 9, "ຕຸລາ": 10, "ພະຈິກ": 11, "ທັນວາ": 12,
    # Lao, abbreviated as Lao sites date their posts ("ພ.ຈ. 26, 2020")
    "ມ.ກ.": 1, "ກ.ພ.": 2, "ມ.ນ.": 3, "ມ.ສ.": 4, "ພ.ພ.": 5, "ມິ.ຖ.": 6,
    "ກ.ລ.": 7, "ສ.ຫ.": 8, "ກ.ຍ.": 9, "ຕ.ລ.": 10, "ພ.ຈ.": 11, "ທ.ວ.": 12,
}  # fmt: skip
_MONTH_WORD = "|".join(sorted(map(re.escape, _NATIVE_MONTHS), key=len, reverse=True))

_D, _M, _Y = r"(?P<d>\d{1,2})", r"(?P<m>\d{1,2})", r"(?P<y>\d{4})"
# Numeric and East Asian forms, read by our rules (digits already ASCII).
_RULES: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (name, re.compile(pattern, re.VERBOSE))
    for name, pattern in (
        # 2018年5月17日, 2018년 4월 19일, 2018 年 5 月 17 日
        ("ymd", rf"(?<!\d){_Y}\s*[年년]\s*{_M}\s*[月월]\s*{_D}\s*[日일]?"),
        # Taiwan's Minguo years: 中華民國91年3月19日 (1911 + 91 = 2002)
        ("roc", rf"(?:中華民國|中华民国|民國|民国)\s*(?P<y>\d{{1,3}})\s*年\s*{_M}\s*月\s*{_D}"),
        # ... and without the era's name, as Taiwan's papers and agencies date since 2011:
        # 114年3月28日 (a three-digit year is no Gregorian year a news page gives)
        ("roc", rf"(?<![\d.])(?P<y>1[0-4]\d)\s*年\s*{_M}\s*月\s*{_D}\s*日"),
        # North Korea's Juche years give the Gregorian year in brackets: 주체107(2018)년 7월 9일
        ("ymd", rf"(?:주체|主体|主體)\s*\d{{1,3}}\s*[(（]\s*{_Y}\s*[)）]\s*[年년]\s*{_M}\s*[月월]"
                rf"\s*{_D}\s*[日일]?"),
        # Uyghur: 2019-يىلى 7-ئاينىڭ 22-كۈنى
        ("ymd", rf"(?<!\d){_Y}\s*-?\s*يىلى\s*{_M}\s*-?\s*ئاي\w*\s*{_D}(?!\d)"),
        # Tibetan: སྤྱི་ལོ་2016 ཟླ་6 ཚེས་13 (year, month, day with their words)
        ("ymd", rf"(?<!\d){_Y}[\s\u0f0b]*(?:ལོའི[\s\u0f0b]*)?ཟླ[\s\u0f0b]*(?:བ[\s\u0f0b]*)?{_M}"
                rf"[\s\u0f0b]*(?:པའི[\s\u0f0b]*)?ཚེས[\s\u0f0b]*(?:པ[\s\u0f0b]*)?{_D}(?!\d)"),
        # Vietnamese: ngày 19 tháng 4 năm 2018
        ("dmy", rf"(?i:ngày)\s*{_D}\s*(?i:tháng)\s*{_M}\s*(?:,\s*)?(?i:năm)\s*{_Y}"),
        # Burmese: 2021 ခုနှစ် ဇူလိုင်လ 7 ရက်
        ("y_month_d", rf"(?<!\d){_Y}\s*(?:ခုနှစ်)?\s*[,၊]?\s*(?P<mw>{_MONTH_WORD})\s*လ?\s*"
                      rf"(?:\s*၊\s*)?{_D}\s*(?:ရက်)?(?!\d)"),
        # Khmer/Lao/Burmese: ថ្ងៃទី 19 ខែមេសា ឆ្នាំ 2018, 28 សីហា 2014, ဇူလိုင် 7၊ 2021
        ("d_month_y", rf"(?<!\d){_D}\s*(?:ខែ)?\s*(?P<mw>{_MONTH_WORD})\s*[,၊]?\s*"
                      rf"(?:ឆ្នាំ|ປີ)?\s*{_Y}(?!\d)"),
        ("month_d_y", rf"(?P<mw>{_MONTH_WORD})\s*လ?\s*{_D}\s*(?:ရက်)?\s*[,၊-]\s*{_Y}(?!\d)"),
        # 2021-07-07, 2021.07.07, 2021/7/7 (a time may be glued on after)
        ("ymd", rf"(?<!\d){_Y}\s*[-./]\s*{_M}\s*[-./]\s*{_D}(?!\d)"),
        # 2024 09/21 20:49:32: the year set apart from month/day, a time after them
        ("ymd", rf"(?<![\d/.-]){_Y}\s+{_M}/{_D}(?=\s+\d{{1,2}}:\d{{2}})"),
        # 19/04/2018, 19.04.2018, 4/19/2018: the order comes from the values or the language
        # (not the end of a range: "04-20/02/2022")
        ("numeric_dmy", r"(?<![\d.])(?<!\d[-–])(?P<a>\d{1,2})\s*(?P<sep>[-./])\s*"
                        r"(?P<b>\d{1,2})\s*[-./]\s*(?P<y>\d{4})(?!\d)"),
        # 18-04-19 (the YY-MM-DD of Korean and Chinese pages)
        ("yymmdd", r"(?<![\d.:])(?P<y>\d{2})-(?P<m>\d{2})-(?P<d>\d{2})(?![\d:-])"),
    )
)  # fmt: skip

# The clock of a US-formatted stamp after its date: " 11:29:00 AM".
_US_CLOCK = re.compile(r"\s+\d{1,2}:\d{2}:\d{2}\s*[AaPp]\.?[Mm]\b")
# Languages whose pages write a numeric date month first (4/19/2018).
_MONTH_FIRST_LANGUAGES = frozenset({"en"})

# Words that say a date line is the page's clock, not the story's date.
_TODAY = re.compile(
    r"(?i:\btoday\b|\bcurrent\s+(?:date|time)\b|hôm\s+nay|b[uü]g[uü]n|бүгүн)"
    r"|今天|今日|오늘|ថ្ងៃនេះ|ມື້ນີ້|ယနေ့|بۈگۈن|དེ་རིང"
    # "as of": a ranking's or ticker's clock ("2022.08.01 00:00 기준")
    r"|기준|截至|截止"
)
# A time of day, with its zone: "10:58 CH", "09:30 a.m. EST", "00:12 GMT+10", "23:31".
_TIME = re.compile(
    r"""(?ix) (?<!\d) \d{1,2} [:：h] \d{2} (?: [:：]\d{2} )? (?: \.\d+ )?
        \s* (?: [ap]\.?\s?m\.? | sa | ch | 오전 | 오후 | 上午 | 下午 )?
        \s* (?: (?:gmt|utc) \s* [+-]? \s* \d{0,2}(?::?\d{2})? | [a-z]{2,4}t\b | [a-z]{3}\b )?
    """
)
TIME_OF_DAY = _TIME


def _from_rule(kind: str, match: re.Match[str], language: str | None) -> datetime.date | None:
    groups = match.groupdict()
    if kind in ("y_month_d", "d_month_y", "month_d_y"):
        month = _NATIVE_MONTHS[groups["mw"]]
        return _make(int(groups["y"]), month, int(groups["d"]))
    if kind == "numeric_dmy":
        a, b = int(groups["a"]), int(groups["b"])
        # 06.04.2020 is day first everywhere: no one writes a dotted date month first.
        month_first = groups["sep"] != "." and (
            (language or "").split("-")[0] in _MONTH_FIRST_LANGUAGES
            # "11/12/2013 11:29:00 AM": a 12-hour clock with seconds after it is the US
            # stamp (Blogger's and en-US software's default) in a page of any language
            or (groups["sep"] == "/" and _US_CLOCK.match(match.string, match.end()) is not None)
        )
        if a > 12 or (b <= 12 and not month_first):
            return _make(int(groups["y"]), b, a)
        return _make(int(groups["y"]), a, b)
    if kind == "roc":
        return _make(int(groups["y"]) + _MINGUO_ERA, int(groups["m"]), int(groups["d"]))
    if kind == "yymmdd":
        return _make(int(groups["y"]), int(groups["m"]), int(groups["d"]))
    return _make(int(groups["y"]), int(groups["m"]), int(groups["d"]))


@dataclass(frozen=True, slots=True)
class _Found:
    date: datetime.date
    start: int
    end: int


def _find_by_rules(text: str, language: str | None) -> _Found | None:
    """The first date our rules read in ``text`` (ASCII digits), with where it stands."""
    best: _Found | None = None
    for kind, pattern in _RULES:
        for match in pattern.finditer(text):
            date = _from_rule(kind, match, language)
            if date is not None and (best is None or match.start() < best.start):
                best = _Found(date, match.start(), match.end())
                break
    return best


_YEARISH = re.compile(r"(?<!\d)(?:1[89]\d\d|20\d\d|2[45]\d\d)(?!\d)")
_DATEPARSER_SETTINGS: dict[str, Any] = {
    "REQUIRE_PARTS": ["day", "month", "year"],
    "STRICT_PARSING": True,
    "PREFER_DATES_FROM": "past",
    "RETURN_AS_TIMEZONE_AWARE": False,
}


@cache
def _dateparser() -> Any:
    import dateparser

    return dateparser


@text_cache  # a page's readers try the same texts again and again; dateparser is dear
def _by_dateparser(text: str, language: str | None) -> datetime.date | None:
    """A date written with month or weekday names, read by dateparser (CLDR data, offline)."""
    if not _YEARISH.search(text) or not any(ch.isalpha() for ch in text):
        return None
    languages = None
    base = (language or "").split("-")[0]
    if base and base not in ("und", "ug", "my", "bo", "yue"):
        languages = [base, "en"] if base != "en" else ["en"]
    value = None
    for hint in (languages, None) if languages is not None else (None,):
        try:
            value = _dateparser().parse(text, languages=hint, settings=_DATEPARSER_SETTINGS)
        except (ValueError, OverflowError, TypeError, LookupError):
            value = None  # a language dateparser lacks ("no"): try without the hint
        if value is not None:
            break
    if value is None:
        return None
    return _make(value.year, value.month, value.day)


def parse_date_text(text: str, *, language: str | None = None) -> datetime.date | None:
    """The date written in a short text (a date line, a label and its date), or None.

    Args:
        text: the text; native digits are read as digits.
        language: the page's language (ISO 639-1), which decides the order of an ambiguous
            numeric date (month first in English, day first elsewhere) and helps dateparser.
    """
    ascii_text = to_ascii_digits(text)
    found = _find_by_rules(ascii_text, language)
    if found is not None:
        return found.date
    return _by_dateparser(_TIME.sub(" ", ascii_text), language)


# A date written with a month name between its numbers, in a line of any language:
# "22 May, 2015", "16 Dec - 2022", "February 13, 2023", "Jan. 03, 2018". Only the shape is
# matched here; dateparser says whether the word is a month (in the page's language or English).
_MONTH_NAME_DATE = re.compile(
    r"""(?<![^\W\d_]) (?<![\d.])
        (?: (?P<d1>\d{1,2})(?:st|nd|rd|th)?[.-]?\s*(?P<m1>[^\W\d_]{3,12})\.?
            \s*[,\-–/]?\s*(?P<y1>\d{4})
          | (?P<m2>[^\W\d_]{3,12})\.?\s*(?P<d2>\d{1,2})(?:st|nd|rd|th)?
            \s*[,\-–/]?\s*(?P<y2>\d{4})
          # Uyghur, year first: 2019-yili 22-iyul, 2019-йили 22-июл, 2019-يىلى 22-ئىيۇل
          | (?P<y3>\d{4})\s*-?\s*(?:yili|yil|йили|йил|يىلى)\s*,?\s*(?P<d3>\d{1,2})\s*-?\s*
            (?P<m3>[^\W\d_]{3,12}) )
        (?!\d)""",
    re.VERBOSE,
)


# Uyghur month names in Latin (ULY) and Cyrillic script, which CLDR (and so dateparser) lacks;
# it has the Arabic-script ones.
_UYGHUR_MONTHS = {
    name.casefold(): number
    for number, names in enumerate(
        (
            ("yanwar", "январ"), ("féwral", "fewral", "феврал"), ("mart", "март"),
            ("aprél", "aprel", "апрел"), ("may", "май"), ("iyun", "июн"), ("iyul", "июл"),
            ("awghust", "awgust", "август"), ("séntebir", "sentebir", "сентәбир", "сентябир"),
            ("öktebir", "oktebir", "өктәбир", "октябир"), ("noyabir", "ноябир"),
            ("dékabir", "dekabir", "декабир"),
        ),
        start=1,
    )
    for name in names
}  # fmt: skip


def _find_by_month_name(text: str, language: str | None) -> _Found | None:
    """The first date with a month name (as dateparser reads it) in ``text`` (ASCII digits)."""
    for match in _MONTH_NAME_DATE.finditer(text):
        day, month, year = (
            match["d1"] or match["d2"] or match["d3"],
            match["m1"] or match["m2"] or match["m3"],
            match["y1"] or match["y2"] or match["y3"],
        )
        number = _UYGHUR_MONTHS.get(month.casefold())
        if number is not None:
            date = _make(int(year), number, int(day))
        else:
            date = _by_dateparser(f"{day} {month} {year}", language)
        if date is not None:
            return _Found(date, match.start(), match.end())
    return None


# A dateline opening a story's first paragraph: "PHNOM PENH, Sept. 22, 2021 —", "(2021-09-22)".
# Only the date's shape is matched here (a month word in any language, a day and a year, or
# Y-M-D); parse_date_text reads it, so the month names are the ones every date line uses.
_DATELINE = re.compile(
    r"""^ (?: [^\W\d_][^\W\d_ .’'-]*(?:[ .’'-]+[^\W\d_]+){0,4} \s*[,(]\s* | \(\s* )?
        (?P<date>
          (?: [^\W\d_]{3,12}\.?,?\s+ )?                                  # optional weekday
          (?: [^\W\d_]{3,12}\.?\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4}
            | \d{1,2}(?:st|nd|rd|th)?\s+[^\W\d_]{3,12}\.?,?\s+\d{4}
            | \d{4}[-./]\d{1,2}[-./]\d{1,2} )
        ) (?!\d)""",
    re.VERBOSE,
)
# What may stand before a dateline's date (a place and a comma or bracket, or a bracket) and
# what closes it ("ភ្នំពេញ (២៩ កញ្ញា ២០១៧) ៖", "(២២ ឧសភា ២០១៥) …", "Vientiane, 14 March 2019 -").
_DATELINE_PLACE = re.compile(
    r"\s*(?:\(\s*|[^\W\d_][^\s,(（၊—–]*(?:\s+[^\s,(（၊—–]+){0,3}\s*[,(（၊—–-]\s*)?"
)
_DATELINE_CLOSE = re.compile(r"\s*(?:[)）]|[-–—:：៖,။])")
# The Chinese agency dateline: "【大纪元2018年04月19日讯】", "新华社北京2018年4月19日电（记者…）".
_NEWS_AGENCY_OPENING = re.compile(r"\s*[【\[]?[^\W\d_]{0,10}")
_NEWS_AGENCY_CLOSE = re.compile(r"\s*[讯訊电電]")
# A writer's name (two or three words) glued to a timestamp opening a post:
# "王明 WANG MING2025-03-17 09:12:31text".
_STAMP_OWNER = re.compile(r"\s*[^\W\d_][^\d.,;:!?。，：]{0,30}")
_MAX_STAMP_OWNER_WORDS = 3
# A reporter and source named after a dateline's date: "ဒီဇင်ဘာ ၁၀-၂၀၂၀ NAME(VOM) …".
_DATELINE_BYLINE = re.compile(r"\s+[^\s()（）]{1,30}\s*[(（][^()（）\s]{1,12}[)）]")
# An outlet in brackets after a place's dateline: "မန္တလေး - ၂၀၂၁ ဇွန် ၄ (NAME) …".
_DATELINE_OUTLET = re.compile(r"\s*[(（][^()（）\s]{1,20}[)）]")


# A sentence opens with the day something happened, a preposition before its date: "On 5
# August 2020 at 13:00, a storm …", "ໃນວັນທີ 05 ສິງຫາ 2020 …" (Lao ໃນ "on, in" glued to
# ວັນທີ "date"), "នៅថ្ងៃទី ៥ …", "កាលពីថ្ងៃទី …" (Khmer "on/last … day"), "Vào ngày 5/8 …",
# "เมื่อวันที่ …". The date is the event's, not the story's dateline or stamp. The
# prepositions are a closed class per language, like month names; a bare day word ("ថ្ងៃទី",
# "ວັນທີ", "Ngày") is a label as often as a sentence's opening, so it is not one, nor are
# "By" (a byline: "By NAME 16 January 2019"), "In" (a blog's meta line: "In Uncategorized on
# DATE") and "Since" (a list's head).
_EVENT_PREPOSITION = re.compile(
    r"""^\s*(?:
        (?i:on|during|between|until|before|after)\s+
      | (?i:vào|trong|từ|hôm|đến)\s+(?i:ngày\s*)?
      | (?:ໃນລະຫວ່າງ|ນັບແຕ່|ແຕ່|ເມື່ອ|ໃນ)\s*(?:ວັນທີ\s*|ວັນ\s*)?
      | (?:កាលពី|តាំងពី|ចាប់ពី|នៅ|នា)\s*(?:ថ្ងៃទី\s*|ថ្ងៃ\s*)?
      | (?:ตั้งแต่|เมื่อ|ใน)\s*(?:วันที่\s*)?
    )""",
    re.VERBOSE,
)
# How far into the words after the preposition the date may open ("On the morning of 3 …").
_EVENT_DATE_REACH = 20
# "this" after a Khmer or Lao date: the day of the report itself ("ថ្ងៃទី២១ … ២០២១នេះ").
_THIS_DAY = re.compile(r"\s*(?:នេះ|ນີ້)")


def event_opening(paragraph: str, *, language: str | None = None) -> bool:
    """Whether a paragraph opens with a preposition and the date of what it tells ("On 5
    August 2020 at 13:00, a storm …", "ໃນວັນທີ 05 ສິງຫາ 2020 …"): a sentence, whose date is
    the event's, not a dateline's or a stamp's."""
    opening = _EVENT_PREPOSITION.match(paragraph)
    if opening is None:
        return False
    rest = to_ascii_digits(paragraph[opening.end() :])[:_MAX_DATE_LINE_CHARS]
    found = _find_by_rules(rest, language) or _find_by_month_name(rest, language)
    if found is None or found.start > _EVENT_DATE_REACH:
        return False
    # "… ឆ្នាំ២០២១នេះ", "… 2023 ນີ້" ("this DATE"): the report's own day, the day it ran
    return not _THIS_DAY.match(rest[found.end :])


def dateline_date(paragraph: str, *, language: str | None = None) -> datetime.date | None:
    """The date of a dateline opening a story paragraph ("BANGKOK, May 3, 2021 —"), or None.

    Also a bracketed date in any script ("ភ្នំពេញ (២៩ កញ្ញា ២០១៧) ៖ …") and a timestamp after
    a writer's name ("NAME 2025-03-17 09:12:31 …"); a date inside a sentence is not one.
    """
    text = to_ascii_digits(paragraph)
    match = _DATELINE.match(text)
    if match is not None:
        date = parse_date_text(match["date"], language=language)
        if date is not None:
            return date
    head = text[:_MAX_DATE_LINE_CHARS]
    found = _find_by_rules(head, language) or _find_by_month_name(head, language)
    if found is None:
        return _glued_stamp(paragraph, language)
    before, after = head[: found.start], head[found.end :]
    if _DATELINE_PLACE.fullmatch(before) and (
        _DATELINE_CLOSE.match(after) or (before.strip() and _DATELINE_OUTLET.match(after))
    ):
        return found.date
    if _NEWS_AGENCY_OPENING.fullmatch(before) and _NEWS_AGENCY_CLOSE.match(after):
        return found.date
    if not before.strip() and _DATELINE_BYLINE.match(after):
        return found.date
    if (
        _STAMP_OWNER.fullmatch(before)
        and 2 <= len(before.split()) <= _MAX_STAMP_OWNER_WORDS
        and not _DATE_LABEL.search(before)  # "Police on 2018-08-13 23:31 …" is a sentence
        and _TIME.match(after.lstrip())
    ):
        return found.date
    return _glued_stamp(paragraph, language)


# A post's stamp the saved text glued to its lead: the date with its weekday or time, then
# the story ("2017-6月-02 周五 18:23 +0800中新网…", "ཕྱི་ལོ་ ༢༠༢༡ ཟླ་ ༣ ཚེས་ ༡༢ གཟའ་པ་སངས།༄༅། །…").
# Tibetan's head mark (༄༅, yig mgo) opens a text: the stamp ends before it.
_HEAD_MARK = re.compile(r"(?=༄)")
_MAX_STAMP_WORDS = 8
_MIN_GLUED_TEXT = 20


def _glued_stamp(paragraph: str, language: str | None) -> datetime.date | None:
    """The date of a stamp (a full date and its weekday or time) opening a paragraph whose
    text runs on after it, or None; a sentence opening with a date ("2021年3月10日，…",
    "March 3, 2021 was …") is none: the stamp is a date line, and more than its date."""
    words = _HEAD_MARK.sub(" ", paragraph, count=1).split()
    for end in range(min(len(words) - 1, _MAX_STAMP_WORDS), 1, -1):
        if len(" ".join(words[end:])) < _MIN_GLUED_TEXT:
            continue
        line = date_line(" ".join(words[:end]), language=language)
        if line is None or line.clock:
            continue
        # the date itself is a shorter run of the stamp's words: a weekday or time follows it
        if any(
            (shorter := date_line(" ".join(words[:k]), language=language)) is not None
            and shorter.date == line.date
            and _weekday_or_time(" ".join(words[k:end]), language)
            for k in range(1, end)
        ):
            return line.date
        return None
    return None


# Tibetan names each weekday for its planet: "གཟའ་ཉི་མ" (Sunday) … "གཟའ་སྤེན་པ" (Saturday),
# "རེས་གཟའ་…" in full; dateparser's data has no Tibetan weekdays.
_TIBETAN_WEEKDAY = re.compile(r"གཟའ་")


def _weekday_or_time(text: str, language: str | None) -> bool:
    """Whether the words after a stamp's date are its time or its weekday (dateparser's
    weekday names in the page's language), not a word of a sentence ("… on", "… မှာ")."""
    if _TIME.search(text) or _TIBETAN_WEEKDAY.search(text):
        return True
    base = (language or "").split("-")[0]
    hint = [base] if base and base not in ("und", "ug", "my", "bo", "yue") else None
    try:
        return _dateparser().parse(text.split()[0], languages=hint) is not None
    except (ValueError, OverflowError, TypeError, LookupError):
        return False


# A wire dateline without its year: "SEOUL, Jan. 3 (UPI) —", "PHNOM PENH, Sept. 3 (Xinhua) --"
# (a place in capitals or words, the month and day, the agency in brackets, a dash), and the
# Chinese agency's "中新网1月11日电", "新华社北京1月11日电" (an outlet and place, month, day, 电).
_YEARLESS_WIRE = re.compile(
    r"""^\s* [^\W\d_][^\s,]*(?:\s+[^\W\d_][^\s,]*){0,3} \s*,
        (?: \s* [^\W\d_][^\s,]*(?:\s+[^\W\d_][^\s,]*){0,2} \s*, )?
        \s* (?P<m>[^\W\d_]{3,9})\.? \s+ (?P<d>\d{1,2}) \s* \([^()]{2,30}\) \s* [-–—]""",
    re.VERBOSE,
)
_YEARLESS_AGENCY = re.compile(
    r"^\s*[【\[（(]?\s*[^\W\d_]{0,14}?\s*(?P<m>\d{1,2})\s*月\s*(?P<d>\d{1,2})\s*日\s*[电電讯訊]"
)


def dateline_day(paragraph: str, *, language: str | None = None) -> tuple[int, int] | None:
    """The (month, day) of a wire dateline without a year opening a story paragraph, or None.

    "SEOUL, Jan. 3 (UPI) — …" gives (1, 3), "中新网1月11日电 …" gives (1, 11); a page's date
    days away from it is an aggregator's or spam site's stamp, not the story's.
    """
    text = to_ascii_digits(paragraph[:_MAX_DATE_LINE_CHARS])
    match = _YEARLESS_AGENCY.match(text)
    if match is not None:
        month, day = int(match["m"]), int(match["d"])
    else:
        match = _YEARLESS_WIRE.match(text)
        if match is None:
            return None
        # any leap year lets dateparser read the month word ("Sept.", "tháng") and 29 Feb
        read = _by_dateparser(f"{match['d']} {match['m']} 2000", language)
        if read is None:
            return None
        month, day = read.month, read.day
    if not (1 <= month <= _MONTHS and 1 <= day <= _MAX_DAY):
        return None
    return month, day


# The crawler's record of a page's publication date, glued before its first line:
# " date 2021-02-06 Directory of sites…" (a month alone, " date 2017-10", is no date).
_CRAWLER_RECORD = re.compile(r"^\s*date\s+(?P<date>\d{4}-\d{2}-\d{2})(?![\d-])")


def crawler_date(first_line: str) -> datetime.date | None:
    """The publication date a crawler recorded before a page's first line, or None."""
    match = _CRAWLER_RECORD.match(first_line)
    return parse_date_text(match["date"]) if match is not None else None


# A sign-off closing a story's paragraph: its reporter, programme, place and date in brackets,
# "(NAME, Hello VOA, Washington, 31 December 2015)", "（记者 张三，北京，2018年8月13日）".
_SIGNOFF = re.compile(r"[(（](?P<inner>[^()（）]{4,160})[)）][\s.。។៕]*$")
_SIGNOFF_FIELDS = re.compile(r"[,，、;；/]")
_MAX_SIGNOFF_FIELDS = 5
_MAX_SIGNOFF_FIELD_WORDS = 4
_MAX_SIGNOFF_FIELD_CHARS = 30


def signoff_date(paragraph: str, *, language: str | None = None) -> datetime.date | None:
    """The date of a bracketed sign-off closing a paragraph, or None.

    The brackets hold short fields (names, an outlet or programme, a place) and end with the
    date; a bracketed aside in a sentence ("(the law of May 3, 2020)") is not one, nor a
    date alone in brackets.
    """
    match = _SIGNOFF.search(paragraph)
    if match is None:
        return None
    inner = to_ascii_digits(match["inner"])
    found = _find_by_rules(inner, language) or _find_by_month_name(inner, language)
    if found is None or _TIME.sub(" ", inner[found.end :]).strip(" ,.，"):
        return None
    fields = [field.strip() for field in _SIGNOFF_FIELDS.split(inner[: found.start])]
    fields = [field for field in fields if field]
    if not fields or len(fields) > _MAX_SIGNOFF_FIELDS or _SENTENCE_END.search(inner):
        return None
    if any(
        len(field.split()) > _MAX_SIGNOFF_FIELD_WORDS or _length(field) > _MAX_SIGNOFF_FIELD_CHARS
        for field in fields
    ):
        return None
    words = " ".join(fields).split()
    if any(  # "(the law of May 3, 2020)": a sentence's words, not names and places
        word.isascii() and word.isalpha() and word.islower() and word not in _NAME_CONNECTORS
        for word in words
    ):
        return None
    return found.date


@dataclass(frozen=True, slots=True)
class DateLine:
    """A line that is a date line: its date, whether it is the page's clock ("today"), and
    whether a label says the date is when the story was updated, not first published."""

    date: datetime.date
    clock: bool
    updated: bool = False


_LABEL_SPLIT = re.compile(r"[:：|｜]|\s[-–—]\s|\bon\b|\bat\b|\bvào\b", re.IGNORECASE)
_GLUE = re.compile(r"[\s,.;:：|｜()\[\]（）〔〕【】/\\•·@–—-]+")


_GLUED_TIME = re.compile(r"(?<!\d)(\d{4})(\d{1,2}[:：]\d{2})")
_BRACKETED = re.compile(r"\([^()]*\)|（[^（）]*）|\[[^\[\]]*\]")
_LABEL_END = re.compile(r"[:：]\s*$")
_MAX_LABELLED_RESIDUE_CHARS = 60
# An issue's number: "No. 218", "NO. 218", "Vol. 12", "Issue 7", "第341期", "제341호".
_ISSUE = re.compile(
    r"\b(?:N[Oo]|V[Oo][Ll])\.\s*\d+\b|(?i:\bissue\s+\d+\b)|第\s*\d+\s*期|제\s*\d+\s*호"
)
_MAX_LABELLED_WORDS = 3

# The words that open a metadata line with its date, in the languages we serve (a closed
# class, like month names): "Posted on", "Showing posts from", "Updated", "Dated", "입력",
# "发布时间", "ngày đăng", "文章來源", "ចេញផ្សាយ", "ເຜີຍແຜ່", "ထုတ်ဝေ", "སྤེལ་དུས", "يوللانغان",
# "Yollanghan". Not "On"/"Ngày"/"ថ្ងៃទី" alone: a sentence opens so.
_OPENING_LABEL = r"""(?<!\w)
      (?: showing \s+ posts? \s+ (?:from|for) | posts? \s+ from | archives? \s+ for
        | (?:last \s+ | first \s+)? (?:posted|published|publish|updated|update|modified|created
                                     |released|filed|written|submitted) (?:\s+ (?:on|at))?
        | source | dated? | ngày \s+ đăng | đăng \s+ ngày | cập \s+ nhật | nguồn
        | yollan\w* | йоллан\w* | يوللان\w* ) (?!\w)
    | 发布时间 | 發佈時間 | 發布時間 | 发布 | 發佈 | 發布 | 发表 | 發表 | 时间 | 時間 | 日期 | 更新
    | (?:文章)?[来來]源 | 기사입력 | 최종수정 | 입력 | 수정 | 등록 | 송고 | 출처
    | ចេញផ្សាយ | ផ្សាយ | ເຜີຍແຜ່ | ລົງວັນທີ | ထုတ်ဝေ | སྤེལ་དུས | བསྐྱར་"""
_OPENS_WITH_LABEL = re.compile(_OPENING_LABEL, re.IGNORECASE | re.VERBOSE)
# The labels that say a date is when the story was last changed, not first published (a
# closed class, in the languages we serve): "Updated", "Last modified", "最後更新時間", "수정",
# "Cập nhật", "ធ្វើបច្ចុប្បន្នភាព", "ອັບເດດ", "ပြင်ဆင်", "Yéngilandi".
_OPENS_WITH_UPDATE = re.compile(
    r"""(?: (?:last \s+)? (?:updated|update|modified|edited|revised) (?!\w)
          | cập \s+ nhật | sửa \s+ đổi | yéngilan\w* | yengilan\w* | йеңилан\w* | يېڭىلان\w*
          | (?:最[後后终終]\s*)?(?:更新|修改|修訂|修订) | 최종\s*수정 | 수정 | 업데이트 | 갱신
          | ធ្វើបច្ចុប្បន្នភាព | កែប្រែ | ອັບເດດ | ປັບປຸງ | ပြင်ဆင် | မွမ်းမံ | བསྐྱར་བཅོས )""",
    re.IGNORECASE | re.VERBOSE,
)
UPDATE_LABEL = _OPENS_WITH_UPDATE
DATE_LABEL = _OPENS_WITH_LABEL
# Every word that labels a date beside it: the opening labels, and "on", "at", "ngày", "於",
# "ថ្ងៃទី … ម៉ោង" (day … hour), "ວັນທີ", "21 minutes ago".
_DATE_LABEL = re.compile(
    _OPENING_LABEL
    + r"""
    | (?<!\w) (?: on | at | from | ngày | lúc | vào
               | \d+ \s+ (?:second|minute|min|hour|hr|day|week|month|year)s? \s+ ago
               | \d+ \s+ min(?:ute)?s? \s+ read ) (?!\w)
    | [於于] | ថ្ងៃទី | ម៉ោង | ວັນທີ | ເວລາ""",
    re.IGNORECASE | re.VERBOSE,
)
# A metadata line's date field ends at the next field break; other fields may follow it.
_FIELD_BREAK = re.compile(r"\s[-–—|•·]\s|[.。!！]\s|[|｜]")
# A sentence ends inside the text beside a date: a caption or a story line, not a date line.
_SENTENCE_END = re.compile(r"[。！？]")
_MARKS = frozenset({"Mn", "Mc", "Me"})


def _length(text: str) -> int:
    """Characters as a reader counts them: vowel signs and other combining marks count none."""
    return sum(unicodedata.category(ch) not in _MARKS for ch in text)


def _spans(text: str, date: datetime.date, language: str | None) -> list[tuple[int, int]]:
    """Where our rules read ``date`` in ``text`` (a line may give its date twice, in two
    forms); another date stays in the line's residue ("23 ສິງຫາ 1945 ແລະ 23 ສິງຫາ 1975")."""
    return [
        match.span()
        for kind, pattern in _RULES
        for match in pattern.finditer(text)
        if _from_rule(kind, match, language) == date
    ]


def _other_date(text: str, date: datetime.date, language: str | None) -> bool:
    found = _find_by_rules(text, language) or _find_by_month_name(text, language)
    return found is not None and found.date != date


def _residue(text: str, spans: list[tuple[int, int]]) -> str:
    """What a date line holds beside its dates and times: labels, a weekday, a source name."""
    dated = set().union(*(range(start, end) for start, end in spans))
    text = "".join(" " if index in dated else ch for index, ch in enumerate(text))
    return _GLUE.sub(" ", _TIME.sub(" ", text)).strip()


def _opens_with_label(text: str) -> bool:
    return _OPENS_WITH_LABEL.match(text.lstrip(" |•·")) is not None


def _fits(text: str, found: _Found, language: str | None, *, strict: bool) -> bool:
    """Whether a line holds little beside its date: a date line, not a sentence or headline.

    A line that opens with a label is a metadata line: only its date's field counts, and
    label words do not. ``strict`` (a date found by its month name anywhere in the line)
    allows only labels and one more word, a source ("28 November 2014 VOA", "မဲခေါင် 16 Dec").
    """
    before = text[: found.start]
    colon_label = _LABEL_END.search(before) is not None
    word_label = _OPENS_WITH_LABEL.match(before.lstrip(" |•·")) is not None
    if colon_label or word_label:
        after_time = _TIME.match(text, found.end)
        end = after_time.end() if after_time is not None else found.end
        field_break = _FIELD_BREAK.search(text, end)
        if field_break is not None:
            text = text[: field_break.start()]
    residue = _residue(text, [*_spans(text, found.date, language), (found.start, found.end)])
    if _SENTENCE_END.search(residue):
        return False
    if not (colon_label or word_label) and _other_date(residue, found.date, language):
        return False  # "23 ສິງຫາ 1945 ແລະ 23 ສິງຫາ 1975": a history, not the page's date
    unlabelled = _GLUE.sub(" ", _DATE_LABEL.sub(" ", residue)).strip()
    if strict and not word_label:
        if _ISSUE.search(before):  # "NEWSLETTER NO. 218 (July 12, 2012)": an issue line
            return _length(residue) <= _MAX_LABELLED_RESIDUE_CHARS
        words = unlabelled.split()
        return not words or (len(words) == 1 and _is_source_word(words[0]))
    if colon_label:
        return _length(residue) <= _MAX_LABELLED_RESIDUE_CHARS
    if word_label:  # "Posted on DATE", "文章來源: 某報 於 DATE": a source at most beside it
        words = unlabelled.split()
        return len(words) <= _MAX_LABELLED_WORDS and _length(unlabelled) <= _MAX_RESIDUE_CHARS
    return _length(residue) <= _MAX_RESIDUE_CHARS


_ACRONYM = re.compile(r"[A-Z]{2,5}")


def _is_source_word(word: str) -> bool:
    """A word that can name a source beside a date: an acronym (VOA) or a word of a script
    without capitals (မဲခေါင်), not a Latin word such as a byline's surname."""
    return bool(_ACRONYM.fullmatch(word)) or not any(ch.isascii() and ch.isalpha() for ch in word)


def _as_unicode_burmese(text: str) -> str | None:
    """A Burmese line in the Zawgyi encoding as Unicode (its month names then read), or None."""
    from archive.analysis.zawgyi import has_myanmar, zawgyi_probability, zawgyi_to_unicode

    if not has_myanmar(text) or zawgyi_probability(text) < _ZAWGYI_LINE:
        return None
    return zawgyi_to_unicode(text)


# A line's Zawgyi probability above which its Unicode form is tried (short lines score lower
# than whole pages; a wrong conversion only fails to read a date).
_ZAWGYI_LINE = 0.5


@text_cache
def date_line(text: str, *, language: str | None = None) -> DateLine | None:
    """The date of a line that is only a date (with a label, weekday, time or source), or None.

    "Friday, April 19, 2024", "2021.07.07", "Updated at 09:30 a.m. EST on 2014-07-14",
    "입력 2018-04-19 10:00", "RFA | ២៨ សីហា ២០១៤", "fredag 5. mars 2021",
    "Posted on 27 April 2010. Filed under: …", "ចេញផ្សាយ ថ្ងៃទី 22 May, 2015 ម៉ោង 11:00"
    are date lines; a sentence that mentions a date is not, nor a headline with a date in it.
    """
    if (corresponding := _KHMER_CORRESPONDING.search(text)) is not None:
        text = corresponding["rest"]  # the Gregorian date the lunar date corresponds to
    if len(text) > _MAX_DATE_LINE_CHARS:
        # "Posted on 27 April 2010. Filed under: … | Tags: …": a metadata line's first field.
        field_break = _FIELD_BREAK.search(text, 0, _MAX_DATE_LINE_CHARS)
        if not _opens_with_label(text) or field_break is None:
            return None
        text = text[: field_break.start()]
    if not any(ch.isdecimal() for ch in text):
        return None
    text = _NOTICE.sub("", text)
    found = _date_line(text, language)
    if found is None and (unicode := _as_unicode_burmese(text)) is not None:
        found = _date_line(unicode, language)
    if found is None:
        found = _first_field_date(text, language)
    if found is not None and _OPENS_WITH_UPDATE.match(text.lstrip(" |•·")):
        found = DateLine(found.date, found.clock, updated=True)
    return found


# A Khmer date line gives the lunar date, then the Gregorian one it corresponds to
# ("ថ្ងៃសុក្រ ១២ រោច ខែអស្សុជ … ពុទ្ធសករាជ ២៥៦៧ ត្រូវនឹងថ្ងៃទី១០ ខែវិច្ឆិកា ឆ្នាំ២០២៣").
_KHMER_CORRESPONDING = re.compile(
    r"(?:ពុទ្ធសករាជ|ព\.ស\.|រោច|កើត)[^\n]{0,80}?ត្រូវ(?:នឹង|នង|និង)\s*(?P<rest>\S.{0,60})$"
)
# A notice in angle brackets opening a stamp ("<저작권자(c) 연합뉴스, 무단 전재-재배포 금지>
# 2018/12/31 13:24 송고"): the copyright line a wire story closes with, its filing date after.
_NOTICE = re.compile(r"^\s*(?:<[^<>]{1,60}>|〈[^〈〉]{1,60}〉)\s*(?=\S)")
_FIELD_BAR = re.compile(r"\s*[|｜]\s*")


def _first_field_date(text: str, language: str | None) -> DateLine | None:
    """The date of a metadata line whose first field is a date line and whose other fields
    are short names ("2026-yili 18-fewral | JP asiya bolumi": the date, then the desk), or
    None; a field with a sentence or a date of its own makes it no date line."""
    head, *fields = _FIELD_BAR.split(text.strip())
    if not fields or not any(ch.isdecimal() for ch in head):
        return None
    found = _date_line(head, language)
    if found is None or any(
        _length(field) > _MAX_RESIDUE_CHARS
        or _SENTENCE_END.search(field)
        or _other_date(to_ascii_digits(field), found.date, language)
        for field in fields
    ):
        return None
    return found


_MAX_LABEL_PREFIX_CHARS = 40


def _is_label_prefix(text: str) -> bool:
    """Whether the text before a date is labels and names ("Posted:", "Bernama on", "Posted
    by NAME on"), not the start of a sentence ("The ministry announced on"): short, no
    lowercase English word but "by" and "and"."""
    words = _GLUE.sub(" ", _DATE_LABEL.sub(" ", text)).split()
    return len(" ".join(words)) <= _MAX_LABEL_PREFIX_CHARS and not any(
        word.isascii() and word.isalpha() and word.islower() and word not in ("by", "and")
        for word in words
    )


def _date_line(text: str, language: str | None) -> DateLine | None:
    ascii_text = _GLUED_TIME.sub(r"\1 \2", to_ascii_digits(text))
    clock = _TODAY.search(ascii_text) is not None
    if clock:
        ascii_text = re.sub(r"(?i)\bis\b", " ", _TODAY.sub(" ", ascii_text))
    found = _find_by_rules(ascii_text, language)
    if found is not None:
        return (
            DateLine(found.date, clock)
            if _fits(ascii_text, found, language, strict=False)
            else None
        )
    stripped = _BRACKETED.sub(" ", _TIME.sub(" ", ascii_text))
    date = _by_dateparser(stripped, language)
    if date is None:
        # "Posted: Friday, April 19, 2024", "日期：…": try what follows the last label.
        parts = _LABEL_SPLIT.split(stripped)
        if len(parts) > 1:
            date = _by_dateparser(parts[-1], language)
            if date is not None and not _is_label_prefix(" ".join(parts[:-1])):
                return None
    if date is not None:
        return DateLine(date, clock)
    # A month-name date among labels or beside a source name, in a line of any language.
    found = _find_by_month_name(ascii_text, language)
    if found is not None and _fits(ascii_text, found, language, strict=True):
        return DateLine(found.date, clock)
    return None


def is_stamp_line(text: str, *, language: str | None = None) -> bool:
    """Whether a date line is a story's stamp: a labelled date ("Publish : 2021-02-07 15:02",
    "Posted on 5 May 2021") or a print edition's date and page ("2020-06-19 4면", "2021-05-05
    A4"), not a bare date (a footer's clock) or a dated item of a list ("09/09/1943: Allies
    land in Italy")."""
    text = _NOTICE.sub("", text)
    if _opens_with_label(text):
        return True
    ascii_text = _GLUED_TIME.sub(r"\1 \2", to_ascii_digits(text))
    found = _find_by_rules(ascii_text, language) or _find_by_month_name(ascii_text, language)
    if found is None:
        return False
    if _LABEL_END.search(ascii_text[: found.start]):
        return True
    words = _residue(ascii_text, [(found.start, found.end)]).split()
    if (
        words
        and not _residue(ascii_text[: found.start], [])
        and all(_OPENS_WITH_LABEL.fullmatch(word) for word in words)
    ):
        return True  # "2018/12/31 13:24 송고": the label after its date
    return len(words) == 1 and any(ch.isdecimal() for ch in words[0])


# A date set off in a headline: by a dash, colon, bar or brackets ("Tin Tổng Hợp – 9/1/22",
# "Week 549 – 2008-03-02: …", "… – Monday, 26.4.2010"), or opening it ("2 April 2008 News
# Digest"). A two-digit year is read here, where the headline's field holds nothing else.
_TITLE_FIELDS = re.compile(r"\s[-–—|]\s|[:：|｜]|[()（）\[\]【】]")
_SHORT_NUMERIC = re.compile(
    r"(?<![\d./-])(?P<a>\d{1,2})(?P<sep>[/.])(?P<b>\d{1,2})(?P=sep)(?P<y>\d{2})(?![\d./-])"
)


def _short_numeric(text: str, language: str | None) -> _Found | None:
    match = _SHORT_NUMERIC.search(text)
    if match is None:
        return None
    date = _from_rule("numeric_dmy", match, language)
    return _Found(date, match.start(), match.end()) if date is not None else None


def title_date(title: str, *, language: str | None = None) -> datetime.date | None:
    """The date a headline carries as a field of its own or at its start, or None.

    A digest's or bulletin's headline often is its date ("News Digest – 9/1/22"); a date
    inside the headline's words ("Protests since March 3, 2021 …") is not taken.
    """
    text = to_ascii_digits(title).strip()
    fields = [field.strip() for field in _TITLE_FIELDS.split(text) if field.strip()]
    for field in fields if len(fields) > 1 else ():
        found = (
            _find_by_rules(field, language)
            or _find_by_month_name(field, language)
            or _short_numeric(field, language)
        )
        if found is not None and len(_residue(field, [(found.start, found.end)]).split()) <= 1:
            return found.date
    found = _find_by_rules(text, language) or _find_by_month_name(text, language)
    return found.date if found is not None and found.start == 0 else None


# Where a date stands on a page, relative to its headline, byline, lead and story end.
DatePlace = Literal[
    "under_headline",  # a date line between the headline and the lead
    "above_lead",  # the date line nearest above the lead, under the headline
    "above_headline",  # a date line in the header above the headline
    "lead",  # a date set under the lead with its byline (RFA's layout)
    "byline",  # beside a byline: "By NAME | April 5, 2021"
    "tag",  # the page's one date set in square brackets: "OUTLET[Thursday, July 31, 2008]"
    "paired",  # before its update, wherever the header put it: "DATE Updated: DATE"
    "dateline",  # opening the lead: "BANGKOK, May 3, 2021 —"
    "signoff",  # a bracketed sign-off closing the story: "(NAME, Outlet, Washington, 31 Dec 2015)"
    "crawler",  # a crawler's record glued before the headline: "date 2020-01-17 …"
    "headline",  # the headline's own field: "News Digest – 9/1/22"
    "after_story",  # a date line under the story's end: "Publish : DATE", "DATE 4면"
    "post_header",  # over the page's first headline and text, wherever the header ended
    "clock",  # a site clock or "today is" line: when the page was saved
]
# The places a publication date is taken from, strongest first; a place not listed (the
# clock) never gives one.
_PUBLISHED_RANK: dict[str, int] = {
    # a stamp set apart in brackets, once on the page: no list, clock or caption writes it so
    "tag": -1,
    "under_headline": 0,
    "above_lead": 0,
    "lead": 1,
    "byline": 2,
    "paired": 2,
    "dateline": 3,
    "signoff": 3,
    # a forum badge, a blog's day heading, a site clock without a "today" word
    "above_headline": 4,
    "crawler": 5,
    "headline": 6,
    "after_story": 7,
    "post_header": 8,
}


@dataclass(frozen=True, slots=True)
class DateCandidate:
    """A date a page shows, where it stands on the page, and whether its label says it is
    when the story was updated ("Last updated: …") rather than published."""

    date: datetime.date
    place: DatePlace
    updated: bool = False
    line: int | None = None  # the page line it stands on, where the reader knows it


# A wire story's yearless dateline ("Jan. 3 (UPI) —", "1月11日电") and the page's date may
# differ by a time zone and a blog's week of reposting; weeks apart, the date is not the
# story's (a spam site's or aggregator's stamp).
_DATELINE_SLACK_DAYS = 7


def _days_apart(date: datetime.date, month_day: tuple[int, int]) -> int:
    """Days between a date and a month and day in the nearest year to it."""
    month, day = month_day
    apart = []
    for year in (date.year - 1, date.year, date.year + 1):
        try:
            apart.append(abs((datetime.date(year, month, day) - date).days))
        except ValueError:  # 29 February of a common year
            continue
    return min(apart, default=0)


def _swapped(date: datetime.date) -> datetime.date | None:
    """The date with day and month swapped (read the other way round), if that is a date."""
    if date.day > _MONTHS or date.day == date.month:
        return None
    return date.replace(month=date.day, day=date.month)


def _agreeing(candidate: DateCandidate, story_day: tuple[int, int]) -> DateCandidate | None:
    """The candidate if it agrees with the dateline's day (read day and month the other way
    round if that agrees instead), or None."""
    if _days_apart(candidate.date, story_day) <= _DATELINE_SLACK_DAYS:
        return candidate
    swapped = _swapped(candidate.date)
    if swapped is not None and _days_apart(swapped, story_day) <= _DATELINE_SLACK_DAYS:
        return replace(candidate, date=swapped)
    return None


def _strength(candidate: DateCandidate) -> tuple[int, bool, bool]:
    """How strongly a candidate dates the story, strongest least: its place; then a
    published date before an updated one; then, under the headline, the line nearest the
    lead (the story's own date under a reposter's "Posted:" line)."""
    return (
        _PUBLISHED_RANK[candidate.place],
        candidate.updated,
        candidate.place != "above_lead",
    )


# No story was published on the web before it had news sites: an older date on a page is an
# event's (a history post's headline), never when the page's story was published.
_FIRST_WEB_YEAR = 1994
# The places whose agreement outweighs a single stronger place: the story's own neighbourhood
# (the header around the headline, the byline, the lead's dateline and sign-off).
_AGREEING_PLACES = frozenset(
    {
        "under_headline",
        "above_lead",
        "lead",
        "byline",
        "tag",
        "dateline",
        "signoff",
        "above_headline",
    }
)


def _repeated(
    chosen: DateCandidate,
    candidates: list[DateCandidate],
    story_day: tuple[int, int] | None,
) -> DateCandidate | None:
    """Another date two places of the story's neighbourhood agree on, where the chosen date
    stands in one place only (the header's date and the byline's against a date line under
    the lead that heads the next post), or None."""
    near = [
        c
        for c in candidates
        if c.place in _AGREEING_PLACES
        and (story_day is None or _agreeing(c, story_day) is not None)
    ]
    if sum(c.date == chosen.date for c in near) > 1:
        return None
    places: dict[datetime.date, set[str]] = {}
    for candidate in near:
        places.setdefault(candidate.date, set()).add(candidate.place)
    agreed = [date for date, where in places.items() if date != chosen.date and len(where) > 1]
    if len(agreed) != 1:
        return None
    return next((c for c in near if c.date == agreed[0] and not c.updated), None)


def choose_dates(
    candidates: Iterable[DateCandidate],
    *,
    story_day: tuple[int, int] | None = None,
) -> tuple[datetime.date | None, datetime.date | None]:
    """The page's publication date and capture date among its dates, in page order.

    The story's own date (under the headline, in the byline, the lead's dateline) beats a
    date above the headline; the headline's or a crawler's date and a date after the story
    count only when nothing better stands; in one place, a published date beats an updated
    one. A clock is the capture date, never the story's.

    Args:
        candidates: the page's dates, in page order.
        story_day: the (month, day) of the story's yearless dateline, if it has one; a
            date days away from it is not the story's.

    Returns:
        ``(published, captured)``; either is None when the page shows none.
    """
    chosen, captured = choose_date_candidate(candidates, story_day=story_day)
    return (chosen.date if chosen is not None else None), captured


def choose_date_candidate(
    candidates: Iterable[DateCandidate],
    *,
    story_day: tuple[int, int] | None = None,
) -> tuple[DateCandidate | None, datetime.date | None]:
    """:func:`choose_dates`, giving the chosen candidate (its place and line; its date
    the publication date) instead of the date alone."""
    published: DateCandidate | None = None
    captured: datetime.date | None = None
    candidates = list(candidates)
    for candidate in candidates:
        if candidate.place == "clock":
            captured = captured or candidate.date
            continue
        if candidate.date.year < _FIRST_WEB_YEAR:
            continue  # "10/09/1940: Britain answers the Blitz": the event's date, not the post's
        if story_day is not None:
            agreeing = _agreeing(candidate, story_day)
            if agreeing is None:
                continue
            candidate = agreeing
        if published is None or _strength(candidate) < _strength(published):
            published = candidate
    if published is None:
        return None, captured
    published = _repeated(published, candidates, story_day) or published
    # 09-02-2021 read month first, where the page dates the story 2021-02-09 elsewhere
    # (a crawler's record, a dateline): the page's own evidence orders day and month.
    swapped = _swapped(published.date) if story_day is None else None  # a dateline ordered it
    if swapped is not None and any(c.date == swapped and c.place != "clock" for c in candidates):
        published = replace(published, date=swapped)
    return published, captured


# What a byline or source line may hold before its closing date: names, "By", "and", "&",
# an outlet ("Radio Free Asia, 29 May 2015", "By NAME & NAME 15 March 2019",
# "By: NAME and NAME | 15 October 2020"); a sentence has lowercase words beside these.
_NAME_CONNECTORS = frozenset({"and", "by", "of", "the", "staff", "de", "van", "von", "bin"})
_MAX_BYLINE_WORDS = 8
_MAX_BYLINE_LINE_CHARS = 90


def _byline_words(text: str) -> list[str]:
    """The words of a byline's side of its date, without date labels ("Posted", "on")."""
    return _GLUE.sub(" ", _DATE_LABEL.sub(" ", text)).split()


def closing_date(text: str, *, language: str | None = None) -> datetime.date | None:
    """The date closing (or opening) a short byline or source line, or None.

    "By NAME 15 March 2019", "Posted by NAME on 15 March 2019", "15 March 2019 | NAME",
    "March 15, 2019 by NAME": a time may follow the date; on its other side stand a few
    words of names, an outlet, "By"/"and" and date labels, no sentence ("Police said on
    15 March 2019" is not one, nor a date between two such runs).
    """
    if len(text) > _MAX_BYLINE_LINE_CHARS or not any(ch.isdecimal() for ch in text):
        return None
    ascii_text = to_ascii_digits(text).rstrip()
    found = _find_by_rules(ascii_text, language) or _find_by_month_name(ascii_text, language)
    if found is None or _SENTENCE_END.search(ascii_text):
        return None
    before = _byline_words(ascii_text[: found.start])
    after = _byline_words(_TIME.sub(" ", ascii_text[found.end :]))
    if before and after and date_line(ascii_text[: found.end], language=language) is not None:
        before = []  # "Thursday, 10 September 2009 15:01 NAME": the weekday is the date's
    if before and after:
        return None
    words = before or after
    if not words or len(words) > _MAX_BYLINE_WORDS:
        return None
    if any(
        word.isascii() and word.isalpha() and word.islower() and word not in _NAME_CONNECTORS
        for word in words
    ):
        return None
    return found.date
