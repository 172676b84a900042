"""Whether the date the page readers chose is the page's publication date at all.

The readers (``pagedates``, ``slotdates``, ``datepairs``; ``dates.choose_dates`` weighs
them) always give a date when the page shows one anywhere they look. On pages that show no
publication date they still find one: a site clock in the header ("Monday, December 7,
2026"), a related story's or a comment's date, a sidebar's list, a copyright year, a date
inside the story text. The acceptor is a logistic over the chosen date's structure — which
reader chose it, where its line stands against the headline and the story, what the line
holds, how it sits among the page's other dates — and the page gets no date when the
acceptor doubts it. Structural and language-independent: the word classes it reads
(date labels, weekday names, times of day) are closed classes covering all our languages.

No weights ship yet: on the development sets' leave-one-set-out check
(``benchmarks/train_date_model.py --cv``, docs/date-acceptor.md) no cut removed an invented
date on any left-out set without losing right ones — too few pages show no date. Import
applies an acceptor only when ``parse_text_page`` is given one (the trainer's recorder, a
test); the place is ready for when the gold holds enough undated pages.
"""

from __future__ import annotations

import datetime
import math
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from archive.ingest.dates import (
    DATE_LABEL,
    TIME_OF_DAY,
    DateCandidate,
    date_line,
    to_ascii_digits,
)
from archive.ingest.logistic import Logistic, logistic_columns
from archive.ingest.pagelines import Line

__all__ = [
    "DATE_FEATURES",
    "DateModel",
    "accepted_date",
    "date_features",
]

# Which reader chose the date: the place ``choose_dates`` ranked it by, in groups.
_READER_OF_PLACE: dict[str, str] = {
    "above_headline": "above",  # a date line in the header over the headline
    "under_headline": "under",  # between the headline and the lead
    "above_lead": "under",
    "paired": "under",  # "DATE Updated: DATE"
    "lead": "byline",  # a byline and date under the lead
    "byline": "byline",
    "dateline": "story",  # the lead's dateline, a bracketed sign-off
    "signoff": "story",
    "tag": "tag",  # "OUTLET[DATE]"
    "after_story": "weak",  # a stamp under the story, a post's date line, the headline's,
    "post_header": "weak",  # the crawler's record
    "headline": "weak",
    "crawler": "weak",
}
_READERS = ("above", "under", "byline", "story", "tag", "weak", "lone")

DATE_FEATURES: tuple[str, ...] = (
    *(f"reader_{reader}" for reader in _READERS),
    "line_unknown",
    "above_headline",
    "in_story",
    "below_story",
    "headline_distance",
    "story_distance",
    "line_chars",
    "date_only",
    "has_time",
    "has_weekday",
    "has_label",
    "page_dates",
    "latest",
    "earliest",
    "story_later_year",
    "story_years",
    "years_after_story",
    "year_in_story",
    "years_all_earlier",
    "above_years_after",
    "page_top",
    "repeated",
    "is_clock_date",
    "agreeing_places",
)

# Weekday names, a closed class in the languages we serve: English, Vietnamese, Chinese,
# Korean, Khmer, Lao, Burmese, Tibetan ("གཟའ་" opens each), Uyghur in three scripts.
_WEEKDAY = re.compile(
    r"""(?ix) (?<!\w) (?: (?:mon|tues?|wed(?:nes)?|thu(?:rs?)?|fri|sat(?:ur)?|sun)(?:day)?\.?
          | thứ \s+ (?:hai|ba|tư|năm|sáu|bảy|2|3|4|5|6|7) | chủ \s+ nhật
          | dü?shenbe | seyshenbe | charshenbe | peyshenbe | jüme | shenbe | yekshenbe
          | дүшәнбә | сәйшәнбә | чаршәнбә | пәйшәнбә | җүмә | шәнбә | йәкшәнбә
          | دۈشەنبە | سەيشەنبە | چارشەنبە | پەيشەنبە | جۈمە | شەنبە | يەكشەنبە ) (?!\w)
        | (?:星期|礼拜|禮拜|周|週)[一二三四五六日天]
        | [월화수목금토일]요일 | \([월화수목금토일]\)
        | ថ្ងៃ(?:ច័ន្ទ|អង្គារ|ពុធ|ព្រហស្បតិ៍|សុក្រ|សៅរ៍|អាទិត្យ)
        | ວັນ(?:ຈັນ|ອັງຄານ|ພຸດ|ພະຫັດ|ສຸກ|ເສົາ|ອາທິດ)
        | တနင်္လာ|အင်္ဂါ|ဗုဒ္ဓဟူး|ကြာသပတေး|သောကြာ|စနေ|တနင်္ဂနွေ
        | གཟའ་""",
)
_YEAR = re.compile(r"(?<!\d)(?:19[4-9]\d|20\d\d|25[3-9]\d)(?!\d)")
_BUDDHIST_ERA = 543
_MAX_DISTANCE = 60
_MAX_YEARS_AFTER = 30


def _story_years(lines: Sequence[Line], story: Sequence[int]) -> set[int]:
    """The years the story's text mentions (Buddhist Era years read as ours)."""
    years: set[int] = set()
    for index in story:
        for match in _YEAR.finditer(to_ascii_digits(lines[index].text)):
            year = int(match.group())
            years.add(year - _BUDDHIST_ERA if year > 2400 else year)
    return years


def _date_lines(lines: Sequence[Line], language: str | None) -> dict[int, datetime.date]:
    """The page's date lines (clocks left out), by index (``date_line`` is cached: the
    header rules read every line already)."""
    found: dict[int, datetime.date] = {}
    for index, line in enumerate(lines):
        dated = date_line(line.text, language=language)
        if dated is not None and not dated.clock:
            found[index] = dated.date
    return found


def _distance(line: int | None, anchor: int | None) -> float:
    if line is None or anchor is None:
        return 0.0
    return math.log1p(min(abs(line - anchor), _MAX_DISTANCE))


def date_features(
    lines: Sequence[Line],
    chosen: DateCandidate,
    candidates: Sequence[DateCandidate],
    *,
    lone: bool,
    title: int | None,
    story: Sequence[int],
    captured: datetime.date | None,
    language: str | None,
) -> dict[str, float]:
    """The acceptor's features of the chosen date (``DATE_FEATURES``, all numbers).

    Args:
        lines: the page's lines.
        chosen: the candidate ``choose_date_candidate`` took (its date the one given).
        candidates: all the page's date candidates.
        lone: the date came from the weakest reading (the page's one dated slot or header
            date, when no place gave one).
        title: the headline's line, if any; ``story`` the story's lines, in order.
        captured: the page's clock date, if it shows one.
        language: the page's language (orders numeric dates).
    """
    date = chosen.date
    dated = _date_lines(lines, language)
    line = chosen.line
    if line is None:  # a reader that gives no line: the first date line with this date
        line = next((index for index, day in dated.items() if day == date), None)
    text = lines[line].text if line is not None and line < len(lines) else ""
    reader = "lone" if lone else _READER_OF_PLACE.get(chosen.place, "weak")
    days = {*dated.values(), *(c.date for c in candidates if c.place != "clock")}
    first = story[0] if story else None
    last = story[-1] if story else None
    years = _story_years(lines, story)
    top = next((index for index, row in enumerate(lines) if row.text.strip()), None)
    features = {f"reader_{name}": float(name == reader) for name in _READERS}
    features.update(
        line_unknown=float(line is None),
        above_headline=float(line is not None and title is not None and line < title),
        in_story=float(line is not None and last is not None and (first or 0) <= line <= last),
        below_story=float(line is not None and last is not None and line > last),
        headline_distance=_distance(line, title),
        story_distance=_distance(line, first),
        line_chars=math.log1p(len(text)),
        date_only=float(bool(text) and date_line(text, language=language) is not None),
        has_time=float(TIME_OF_DAY.search(to_ascii_digits(text)) is not None),
        has_weekday=float(_WEEKDAY.search(text) is not None),
        has_label=float(DATE_LABEL.search(text) is not None),
        page_dates=math.log1p(len(days)),
        latest=float(len(days) > 1 and date >= max(days)),
        earliest=float(len(days) > 1 and date <= min(days)),
        story_later_year=float(any(year > date.year for year in years)),
        story_years=float(bool(years)),
        years_after_story=math.log1p(
            min(max(date.year - max(years), 0), _MAX_YEARS_AFTER) if years else 0
        ),
        year_in_story=float(date.year in years),
        years_all_earlier=float(bool(years) and max(years) < date.year),
        above_years_after=float(reader == "above")
        * math.log1p(min(max(date.year - max(years), 0), _MAX_YEARS_AFTER) if years else 0),
        page_top=float(line is not None and line == top),
        repeated=float(sum(day == date for day in dated.values()) > 1),
        is_clock_date=float(captured is not None and captured == date),
        agreeing_places=float(len({c.place for c in (chosen, *candidates) if c.date == date}) - 1),
    )
    return features


@dataclass(frozen=True, slots=True)
class DateModel:
    """The acceptor and its cut: a chosen date is kept when the acceptor's probability
    reaches ``cut``."""

    acceptor: Logistic
    cut: float

    def accepts(self, features: Mapping[str, float]) -> bool:
        """Whether the chosen date with these features is the page's publication date."""
        return self.acceptor.probability(features) >= self.cut

    def to_json(self) -> dict[str, object]:
        return {**self.acceptor.columns_json(), "cut": self.cut}

    @classmethod
    def from_json(cls, data: Mapping[str, object]) -> DateModel:
        """The model from its JSON form; a ValueError says what is malformed."""
        acceptor = logistic_columns(data, "date model")
        try:
            cut = float(data["cut"])  # type: ignore[arg-type]
        except (KeyError, TypeError, ValueError) as error:
            raise ValueError(f"date model: malformed cut ({error})") from error
        return cls(acceptor, cut)


def accepted_date(
    lines: Sequence[Line],
    chosen: DateCandidate | None,
    candidates: Sequence[DateCandidate],
    *,
    model: DateModel,
    lone: bool = False,
    title: int | None,
    story: Sequence[int],
    captured: datetime.date | None,
    language: str | None,
) -> datetime.date | None:
    """The chosen date when the acceptor takes it for the page's publication date, else
    None (see :func:`date_features` for the arguments)."""
    if chosen is None:
        return None
    features = date_features(
        lines,
        chosen,
        candidates,
        lone=lone,
        title=title,
        story=story,
        captured=captured,
        language=language,
    )
    return chosen.date if model.accepts(features) else None
