"""Shapes of lines that stand where a headline stands but are not one.

Unseen pages put their own furniture above the lead: a row of menu items ("A · B · C",
"정치.사회.북한.국제", "트위터 페이스북 카카오톡"), a numbered skip link ("1. Skip to content"),
a contact line with a phone number, a photo's caption closing with its credit, another
story's teaser cut with "…", a dateline on a line of its own ("PLACE, MONTH DAY", "Our
correspondent, from PLACE"). These read a line's *shape* alone (or its words against the
story's), the same in every language, for the headline model's features
(``headline_model.headline_features``); the model weighs them, none decides alone.
"""

from __future__ import annotations

import re

from archive.analysis.zawgyi import has_myanmar, zawgyi_probability, zawgyi_to_unicode
from archive.ingest.credit_words import is_generic_credit, label_role
from archive.ingest.dates import parse_date_text, to_ascii_digits
from archive.ingest.furniture import PHOTO_CAPTION, PHOTO_WORDS
from archive.ingest.lineweight import line_weight
from archive.ingest.pagelines import is_name_shaped

__all__ = [
    "bar_ended",
    "caption_shaped",
    "correspondent_line",
    "counter_label",
    "digit_run",
    "glued_icon_names",
    "is_ad_label",
    "is_numbered",
    "is_skip_link",
    "khmer_calendar_date",
    "long_menu_row",
    "menu_items",
    "paragraph_shaped",
    "truncated_stem",
    "uniform_tokens",
    "word_overlap",
    "yearless_dateline",
]

# Separators between a menu's items: a middle dot, a bar, a slash, brackets, a bullet, a
# full stop or comma glued between words, or a run of spaces.
_ITEM_SEPARATOR = re.compile(r"\s*[·•|｜/【】\[\]»›]\s*|(?<=[^\W\d])[.,、](?=[^\W\d])|\s{2,}")
_MAX_ITEM_WEIGHT = 24  # a menu item: a word or two, a short phrase


def menu_items(text: str) -> int:
    """How many short items a line splits into at menu separators ("A · B · C" is 3), or 0
    when any item is longer than a menu's (a headline with one "/" or "|" in it)."""
    items = [item for item in _ITEM_SEPARATOR.split(text) if item.strip()]
    if len(items) < 2 or any(line_weight(item) > _MAX_ITEM_WEIGHT for item in items):
        return 0
    return len(items)


# Tibetan closes each item of a row with its own mark, the shad ("།"), then a space:
# "མདུན་ངོས། མགོ་ཁྲིད། གསར་འགྱུར། …" (front page, lead, news, …).
_SHAD_BREAK = re.compile(r"(?<=[།༎])\s+")
_MAX_SHAD_ITEM_WEIGHT = 12  # a word or two: "མདུན་ངོས།" (front page); a title's clauses run longer
_MIN_LONG_MENU_ITEMS = 5


def _shad_items(text: str) -> int:
    """How many short items a Tibetan line splits into after its shads, or 0 when any item
    is longer than a menu's (a sentence's clauses)."""
    items = [item for item in _SHAD_BREAK.split(text) if item.strip()]
    if len(items) < 2 or any(line_weight(item) > _MAX_SHAD_ITEM_WEIGHT for item in items):
        return 0
    return len(items)


def long_menu_row(text: str) -> bool:
    """Whether a line is a menu of five short items or more ("Home · News · Politics ·
    World · Sport", a Tibetan site's "མདུན་ངོས། མགོ་ཁྲིད། གསར་འགྱུར། …"): never a headline
    (a headline listing short items lists three or four at most)."""
    return max(menu_items(text), _shad_items(text)) >= _MIN_LONG_MENU_ITEMS


_MIN_TOKENS, _MAX_TOKENS = 3, 8
_MAX_TOKEN_WEIGHT = 12


def uniform_tokens(text: str) -> float:
    """How alike in length a line's space-separated tokens are (shortest over longest), for
    a line of three to eight short tokens (a row of link labels: "Twitter Facebook Kakao");
    0 for any other line."""
    weights = [line_weight(token) for token in text.split()]
    if not _MIN_TOKENS <= len(weights) <= _MAX_TOKENS or max(weights) > _MAX_TOKEN_WEIGHT:
        return 0.0
    return min(weights) / max(1, max(weights))


_NUMBERED = re.compile(r"^\s*\d{1,2}\s*[.)、]\s*\S")


def is_numbered(text: str) -> bool:
    """Whether a line starts as a numbered list's item ("1. Skip to content")."""
    return _NUMBERED.match(text) is not None


_DIGITS = re.compile(r"\d+")


def digit_run(text: str) -> int:
    """The longest run of digits in a line, spaces and dashes inside it ignored (a phone
    number: "071 614 0005" is 10)."""
    runs = _DIGITS.findall(re.sub(r"(?<=\d)[\s\-.]+(?=\d)", "", text))
    return max((len(run) for run in runs), default=0)


# A photo's credit closing a caption: "… Photo: NAME", "사진=NAME", "(NAME | OUTLET)",
# "… — OUTLET pic".
_CREDIT_TAIL = re.compile(
    rf"""(?:(?:{PHOTO_WORDS})\s*[:：=/]\s*[^:：=/]{{2,40}}
      | [(（][^()（）|｜]{{2,40}}[|｜][^()（）|｜]{{2,40}}[)）]
      | \s[-–—]\s*[^\W\d_][^.!?。]{{0,30}}?\s(?:{PHOTO_WORDS})s?\.?
    )\s*$""",
    re.IGNORECASE | re.VERBOSE,
)
# A caption's sentence closed by its photographer's bare name: "… for questioning. NAME".
_NAMED_TAIL = re.compile(r"[.!?]\s+(?P<name>[^.!?]{3,40})$")
# A caption's sentence closed by its source in a word: "… on Tuesday. / Supplied",
# "… in Yangon. (Reuters)"; a caption opened by its mark: "▲ …", "△ …".
_SOURCE_TAIL = re.compile(
    r"[.!?。]\s*(?:/\s*[A-Z][A-Za-z]{1,15}|[(（]\s*[A-Z][A-Za-z]{1,15}\s*[)）])\s*$"
)
_CAPTION_MARK = re.compile(r"^\s*[▲△▶]\s*\S")
_MIN_NAMED_CAPTION_WEIGHT = 40  # a sentence before the name: a caption, not "Dr. NAME"


def caption_shaped(text: str) -> bool:
    """Whether a line reads as a photo's caption: closing with its photo's credit ("…
    Photo: NAME", "(NAME | OUTLET)", "(사진=…)", "(AP Photo/NAME)", "… — OUTLET pic"), a
    sentence closed by its source in a word ("… / Supplied", "… (Reuters)") or by a bare
    name (the photographer's: "… for questioning. NAME"), or opened by a caption's mark
    ("▲ …")."""
    if any(
        pattern.search(text) is not None
        for pattern in (PHOTO_CAPTION, _CREDIT_TAIL, _SOURCE_TAIL, _CAPTION_MARK)
    ):
        return True
    named = _NAMED_TAIL.search(text)
    return (
        named is not None
        and line_weight(text[: named.start()]) >= _MIN_NAMED_CAPTION_WEIGHT
        and is_name_shaped(named["name"])
    )


_ELLIPSIS = re.compile(r"\s*(?:\.{2,}|…+)\s*$")
_MIN_STEM_WEIGHT = 12


def truncated_stem(text: str) -> str | None:
    """A line cut with an ellipsis ("A long sentence that goes…"): the text before it; None
    for a line that does not end so or is too short to be a cut sentence."""
    cut = _ELLIPSIS.search(text)
    if cut is None:
        return None
    stem = text[: cut.start()].rstrip()
    return stem if line_weight(stem) >= _MIN_STEM_WEIGHT else None


_WORD = re.compile(r"\w+")
_LETTER_RUN = re.compile(r"[^\W\d_]+")
_DIGIT_RUN = re.compile(r"\d+")
# Scripts written without spaces between words: Thai and Lao, Tibetan, Burmese, Khmer, kana
# and the CJK ideographs.
_UNSPACED_SCRIPT = re.compile(
    r"[\u0e00-\u0eff\u0f00-\u0fff\u1000-\u109f\u1780-\u17ff\u3040-\u30ff\u3400-\u9fff\uf900-\ufaff]"
)
_MIN_UNSPACED_LETTERS = 6


def _units(text: str) -> set[str]:
    """A text's comparable units: its words, and in a script written without spaces (or a
    word of six letters or more, not ASCII) its letter pairs, its numbers apart
    ("7月迄今農損已逾38億": "月迄", "迄今", …, "7", "38")."""
    units: set[str] = set()
    for word in _WORD.findall(text.casefold()):
        runs = _LETTER_RUN.findall(word)
        if word.isascii() or (
            sum(map(len, runs)) < _MIN_UNSPACED_LETTERS and not _UNSPACED_SCRIPT.search(word)
        ):
            units.add(word)
            continue
        for run in runs:
            pairs = [run[i : i + 2] for i in range(len(run) - 1)]
            units.update(pairs or [run])
        units.update(_DIGIT_RUN.findall(word))
    return units


def word_overlap(text: str, story: str) -> float:
    """The share of a line's words (letter pairs in an unspaced script) found in ``story``:
    a headline's words recur in its lead; a menu's, a site's motto's do not."""
    units = _units(text)
    if not units:
        return 0.0
    return len(units & _units(story)) / len(units)


# A dateline on a line of its own: a place and a day of a month, no year ("PLACE, MONTH
# DAY", "MONTH DAY, PLACE", "PLACE 1月11日"). The month names are the date readers'
# (``dates.parse_date_text``: every script's, Zawgyi read as Unicode), tried with a year.
_DATELINE_FIELDS = re.compile(r"[\s,，、.。၊။/|｜()（）:：\-–—]+")
_DIGITS_OR_NOT = re.compile(r"\d+|\D+")
_MAX_DATELINE_FIELDS = 5
_MAX_DATELINE_WEIGHT = 48
_ANY_YEAR = re.compile(r"(?<!\d)\d{4}(?!\d)")
_EAST_ASIAN_DAY = re.compile(r"(?<!\d)\d{1,2}\s*[月월]\s*\d{1,2}\s*[日일]")
_TIBETAN_DAY = re.compile(r"ཟླ[\s\u0f0b]*(?:བ[\s\u0f0b]*)?\d{1,2}[\s\u0f0b]*(?:པའི[\s\u0f0b]*)?ཚེས")
_MAX_DAY = 31
# A clock beside the day ("Mon Oct 1, 12:23 AM ET"): a stamp's time and zone, no field of a
# place or a headline.
_CLOCK = re.compile(
    r"(?<![\d:])\d{1,2}:\d{2}(?::\d{2})?(?:\s*[AaPp]\.?\s?[Mm]\.?)?(?:\s+[A-Z]{2,4}\b)?(?![\d:])"
)
_ZAWGYI_LINE = 0.5  # a short line's Zawgyi probability above which it is read as Unicode


def _as_unicode(text: str) -> str:
    if has_myanmar(text) and zawgyi_probability(text) >= _ZAWGYI_LINE:
        return zawgyi_to_unicode(text)
    return text


def _is_month_day(word: str, day: str) -> bool:
    """Whether ``word`` beside the number ``day`` reads as a month (with a year added)."""
    return (
        parse_date_text(f"{word} {day}, 2000") is not None
        or parse_date_text(f"{day} {word} 2000") is not None
    )


def yearless_dateline(text: str) -> bool:
    """Whether a short line is a dateline without a year: a day of a month and a place at
    most ("PLACE, MONTH DAY", "MONTH DAY ၊ PLACE", "PLACE 11月15日"), or a stamp with its
    clock ("Mon Oct 1, 12:23 AM ET"): what a page shows over its story where it shows no
    headline."""
    if line_weight(text) > _MAX_DATELINE_WEIGHT:
        return False
    digits = to_ascii_digits(_as_unicode(text))
    if _ANY_YEAR.search(digits):
        return False  # a full date: the date features read it
    if _EAST_ASIAN_DAY.search(digits) or _TIBETAN_DAY.search(digits):
        return True
    digits = _CLOCK.sub(" ", digits)
    fields = [
        part.strip()
        for field in _DATELINE_FIELDS.split(digits)
        for part in _DIGITS_OR_NOT.findall(field)
        if part.strip()
    ]
    if len(fields) > _MAX_DATELINE_FIELDS:
        return False
    for index, field in enumerate(fields):
        if not (field.isdecimal() and 1 <= int(field) <= _MAX_DAY):
            continue
        neighbours = (fields[j] for j in (index - 1, index + 1) if 0 <= j < len(fields))
        if any(not word.isdigit() and _is_month_day(word, field) for word in neighbours):
            return True
    return False


_MAX_CORRESPONDENT_WORDS = 4
_MIN_CORRESPONDENT_CHARS = 5  # "by", "theo", "pv": labels too short to tell from a word


def correspondent_line(text: str) -> bool:
    """Whether a short line names no one but "our correspondent" (and a place): "Öz
    muxbirimiz Istanbuldin", "Our correspondent, PLACE", "本报记者": a dateline's byline,
    no headline. The reporter labels are the credit readers' (``credit_words``)."""
    words = text.split()
    if not 0 < len(words) <= _MAX_CORRESPONDENT_WORDS:
        return False
    for size in (2, 1):
        for start in range(len(words) - size + 1):
            phrase = " ".join(words[start : start + size]).strip(" ,.:：;")
            found = label_role(phrase)
            if (
                line_weight(phrase) >= _MIN_CORRESPONDENT_CHARS
                and is_generic_credit(phrase)
                and found is not None
                and found[0] == "reporter"
            ):
                return True
    return False


# A screen reader's skip link, in our languages: "Skip to main content", "Vào nội dung
# chính", "컨텐츠 바로가기", "跳至主要內容".
_SKIP_LINK = re.compile(
    r"""^\W*(?:skip\s+to\s+(?:the\s+)?(?:main\s+)?(?:content|navigation|menu)
      | (?:vào|bỏ\s+qua|đến)\s+(?:phần\s+)?nội\s+dung(?:\s+chính)?
      | (?:본문|컨텐츠|콘텐츠|메뉴)\s*바로\s*가기
      | 跳[到至轉转]{1,2}(?:主要|主)?[內内]容)\W*$""",
    re.IGNORECASE | re.VERBOSE,
)


def is_skip_link(text: str) -> bool:
    """Whether a line is a skip link ("Skip to main content", "컨텐츠 바로가기")."""
    return _SKIP_LINK.match(text) is not None


# A line a separator bar ends: the first item of a row the page breaks over lines
# ("NAME |", "Section |"), never a headline whole.
_BAR_END = re.compile(r"[|｜¦]\s*$")


def bar_ended(text: str) -> bool:
    """Whether a line ends with a separator bar ("NGUYỄN VĂN A |", "World |"): a row's
    item cut at its separator (a byline beside a date, a menu's item)."""
    return _BAR_END.search(text) is not None


# A control's label with its counter: "COMMENTS (7)", "RECOMMEND (533)", "Replies [12]",
# "评论（3）": a word or two, then a number in brackets and nothing after it.
_COUNTER = re.compile(
    r"^\W*(?P<label>[^\W\d_]+(?:\s+[^\W\d_]+)?)\s*[(\[（【]\s*\d+\s*[)\]）】]\W*$"
)
_MAX_COUNTER_LABEL = 14  # a control's word or two; a headline's part number follows more


def counter_label(text: str) -> bool:
    """Whether a line is a control's label with a count ("COMMENTS (7)", "Likes [12]"); not
    a headline numbered as a series' part ("暴雨中遭水围困的群众（1）")."""
    found = _COUNTER.match(text)
    return found is not None and line_weight(found["label"]) <= _MAX_COUNTER_LABEL


# An icon font's or sprite's names run together in a saved text ("ArrowArtboardCreated with
# Sketch.Title ChevronIcon FacebookIcon …"): words glued at a capital, a lower-case letter
# then a capital with no space, many times over the line.
_GLUE = re.compile(r"[^\W\d_A-Z][A-Z]")
_MIN_GLUES = 4
_GLUES_PER_WORD = 1 / 2


def glued_icon_names(text: str) -> bool:
    """Whether a line is a run of names glued at capitals ("FacebookIcon LinkedinIcon
    MailPositive …", "FoodLatest NewsMarketsShopping"): four glues or more, at least one
    for every two words. A headline glues a name or two at most ("iPhone", "McDonald")."""
    glues = len(_GLUE.findall(text))
    return glues >= _MIN_GLUES and glues >= _GLUES_PER_WORD * len(text.split())


# An advertisement's label, in our languages, perhaps after "AD": "Advertisement",
# "Sponsored", "광고", "广告", "Quảng cáo", "ផ្ទាំងផ្សព្វផ្សាយពាណិជ្ជកម្ម", "ໂຄສະນາ", "ကြော်ငြာ".
_AD_LABEL = re.compile(
    r"""^\W*(?:ads?(?![a-z])\W*)?(?:advertis\w*|sponsored(?:\s+(?:content|post|links?))?|ads?
      | 광고 | [广廣]告 | quảng\s+cáo | (?:ផ្ទាំង)?ផ្សព្វផ្សាយ(?:ពាណិជ្ជកម្ម)? | ໂຄສະນາ | ကြော်ငြာ)\W*$""",
    re.IGNORECASE | re.VERBOSE,
)


def is_ad_label(text: str) -> bool:
    """Whether a line is an advertisement's label ("Advertisement", "AD광고", "ADផ្ទាំង…")."""
    return _AD_LABEL.match(text) is not None


# A sentence's end with more text after it on the same line: the second sentence of a
# paragraph ("…领取早餐。8月16日早晨,…"). A Latin mark counts only before a space (not "1.5",
# not "Ph.D."); "U.S. bill" counts, and the weight bound below keeps such a headline out.
_SENTENCE_BREAK = re.compile(r"(?:[。！？]|[.!?](?=\s))(?=\s*[^\s.!?。！？…\"'”’)）»」』])")
_MIN_PARAGRAPH_WEIGHT = 150
_MIN_PARAGRAPH_BREAKS = 2


def paragraph_shaped(text: str) -> bool:
    """Whether a line is a paragraph: long (over 150 in Latin-letter terms) and three
    sentences or more. A page that shows no headline (a photo's page, a story saved from its
    first paragraph) has such a line where a headline would stand; no headline is one."""
    return (
        line_weight(text) > _MIN_PARAGRAPH_WEIGHT
        and len(_SENTENCE_BREAK.findall(text)) >= _MIN_PARAGRAPH_BREAKS
    )


# The Khmer calendar's date, which Cambodian pages print over a story: the weekday, the
# lunar day (waxing "កើត" or waning "រោច") and month, the animal year, the era's "ស័ក", the
# Buddhist year, then "ត្រូវនឹង" ("falls on") and the solar date: "ថ្ងៃសុក្រ ១២ រោច ខែអស្សុជ
# ឆ្នាំថោះ បញ្ចស័ក ពុទ្ធសករាជ ២៥៦៧ ត្រូវនឹងថ្ងៃទី១០ ខែវិច្ឆិកា ឆ្នាំ២០២៣".
_KHMER_NUMBER = r"[0-9\u17e0-\u17e9]{1,4}"
_KHMER_CALENDAR_DATE = re.compile(
    rf"""^\W*(?:ថ្ងៃ\s*)?(?:ច័ន្ទ|អង្គារ|ពុធ|ព្រហស្បតិ\S?|សុក្រ|សៅរ៍|អាទិត្យ)\s*
      {_KHMER_NUMBER}\s*(?:កើត|រោច)\s*ខែ\s*\S+
      (?:\s*ឆ្នាំ\s*\S+)?
      (?:\s*\S*ស័ក)?
      (?:\s*(?:ពុទ្ធសករាជ|ព\.\s*ស\.?)\s*{_KHMER_NUMBER})?
      (?:\s*ត្រូវ(?:នឹង|និង)[^។!?]{{0,48}})?
      \W*$""",
    re.VERBOSE,
)


def khmer_calendar_date(text: str) -> bool:
    """Whether a line is a date of the Khmer calendar and nothing else ("ថ្ងៃសុក្រ ១២ រោច
    ខែអស្សុជ … ត្រូវនឹងថ្ងៃទី១០ ខែវិច្ឆិកា ឆ្នាំ២០២៣"); not a sentence that opens with one."""
    return _KHMER_CALENDAR_DATE.match(text) is not None
