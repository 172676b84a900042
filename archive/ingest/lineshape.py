"""Shapes of chrome lines that carry across languages: the line model's text features.

Each predicate reads a line's *structure* — ASCII symbol noise in a line, an e-mail address,
an image's file name, a list of short tags, a credit in brackets closing a caption, a short
label before a colon, a quoted headline filling the line — never a site's wording, so the
same test holds in every script we read.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from archive.ingest.addresses import EMAIL_ADDRESS
from archive.ingest.dates import date_line
from archive.ingest.headlines import looks_like_title
from archive.ingest.lineweight import line_weight
from archive.ingest.pagelines import CLOSERS, PROSE_END

__all__ = [
    "EMAIL_ADDRESS",
    "bracket_credit_end",
    "code_line",
    "colon_label",
    "counter_line",
    "credit_tail",
    "dated_tail",
    "has_email",
    "has_image_file",
    "noise_tokens",
    "quoted_share",
    "section_heads",
    "symbol_ratio",
    "tag_list",
]

# Symbols no sentence uses: ASCII punctuation beyond the sentence's own (.,:;!?'"()-).
_SYMBOLS = frozenset("#$%&*+<=>@\\^_`{|}~")
# A noise token: one to three printable ASCII characters mixing a symbol with a letter or
# digit ("u#", "k!", "$Q2"), or a letter and a digit glued ("c4", "O8"): a forum's watermark.
_NOISE_TOKEN = re.compile(
    r"^(?:(?=[\x21-\x7e]*[A-Za-z0-9])(?=[\x21-\x7e]*[#$%&*+<=>@\\^_`{|}~!;?\[\]/])"
    r"[\x21-\x7e]{2,3}|[A-Za-z]\d|\d[A-Za-z])$"
)
_EMAIL = re.compile(EMAIL_ADDRESS)
_IMAGE_FILE = re.compile(r"\.(?:jpe?g|png|gif|webp|svg|bmp)\b|!\[[^\]]*\]\(", re.IGNORECASE)
# A tag list: items split by commas, slashes, bars, middle dots or ideographic commas.
_TAG_SEPARATOR = re.compile(r"\s*[,，、/|｜·•;]\s*")
_MIN_TAGS = 3
_MAX_TAG_WEIGHT = 30  # one tag: a few words (CJK counted wide)
_MAX_TAG_WORDS = 4
# A credit closing a caption: a bracketed group at the line's end ("(Reuters)",
# "[사진=…]", "(供稿)"), a bar or spaces after it allowed.
_BRACKET_END = re.compile(r"[(\[（【][^()\[\]（）【】]{1,60}[)\]）】]$")
_TRAILING_BARS = " |｜\t"
_COLON = re.compile(r"[:：]")
_MAX_LABEL_WORDS = 5
_MAX_LABEL_WEIGHT = 24
_QUOTED = re.compile(r"“[^”]{4,}”|「[^」]{4,}」|«[^»]{4,}»|\"[^\"]{4,}\"|『[^』]{4,}』")


# A picture's credit closing a caption, after its text: a photo word and a short name
# ("… Photo: NAME", "… Ảnh: NAME", "…圖／NAME", "(ဓာတ်ပုံ- NAME)"), an outlet and a name split
# by a slash ("… RFA/NAME", "… NAME/OUTLET"), a source after a tilde or an at sign ("…~TikTok",
# "… @RFI"), a copyright mark. The photo words are the closed class every language's
# captions use; the name part holds no sentence end.
_PHOTO_LABEL = (
    r"photos?|images?|pictures?|pic|ảnh|anh|hình|圖|图|攝影?|摄影?|照片|사진|ဓာတ်ပုံ|ဓါတ်ပုံ"
    r"|ရုပ်ပုံ|រូបថត|រូប|ຮູບ|ພາບ|པར|سۈرەت|rasim|фото|credit|courtesy"
)
_CREDIT_TAIL = re.compile(
    rf"""(?:
        (?:^|[\s.。!?!?။។།(（\[])[(（\[]?\s*(?:{_PHOTO_LABEL})(?:\s+(?:by|of))?\s*[:：/／\-–—]\s*
            [^\s.。!?!?။។][^.。!?!?။។]{{0,50}}
      | (?<=\S)\s*~\s*[^\W\d_][\w.-]{{1,30}}
      | \s@\s*[^\W\d_][\w.-]{{1,30}}
      | ©\s*[^©]{{1,40}}
    )\s*[)）\]]?\.?\s*$""",
    re.IGNORECASE | re.VERBOSE,
)
# "… RFA/NAME", "… NAME/OUTLET": capitalised words either side of a slash (case kept).
_SLASH_CREDIT = re.compile(
    r"(?:^|[\s.。!?!?။။។།])\s*[A-Z][\w.’'-]*(?:\s+[A-Z][\w.’'-]*){0,3}\s*/\s*"
    r"[A-Z][\w.’'-]*(?:\s+[A-Z][\w.’'-]*){0,3}\s*[)）\]]?\s*$"
)
_MIN_CAPTION_TEXT = 12  # the caption's own words before its credit
# A counter: a word or two and a number in brackets ("COMMENTS (7)", "Likes [12]", "评论(3)").
_COUNTER = re.compile(
    r"^[^\W\d_][^\d()\[\]（）]{0,24}?\s*[(\[（]\s*(?!(?:1[89]|20)\d\d\b)\d[\d,.]*\s*[)\]）]$"
)
# A sentence end inside a line, before its last part (a caption's date after its text).
_INNER_END = re.compile(r"[.。!?!?။។།༎]\s+")
_MAX_DATED_TAIL = 48


def credit_tail(text: str) -> bool:
    """Whether the line ends with a picture's credit after its own text: a caption
    ("… Photo: NAME", "… KT/NAME", "…~TikTok", "… @RFI", "(Photo: iStock)")."""
    for pattern in (_CREDIT_TAIL, _SLASH_CREDIT):
        found = pattern.search(text)
        if found is not None and line_weight(text[: found.start()].strip()) >= _MIN_CAPTION_TEXT:
            return True
    return False


def counter_line(text: str) -> bool:
    """Whether the line is a word or two and a count in brackets: a page's social counter
    ("COMMENTS (7)", "RECOMMEND (533)")."""
    return _COUNTER.match(text.strip()) is not None


def dated_tail(text: str) -> bool:
    """Whether the line ends, after a sentence of its own, with a date alone: a caption's
    date ("… at the symposium. 2024.09.10"), which a story's sentence never leaves bare."""
    stripped = text.strip()
    ends = list(_INNER_END.finditer(stripped))
    if not ends:
        return False
    tail = stripped[ends[-1].end() :]
    return (
        0 < line_weight(tail) <= _MAX_DATED_TAIL
        and line_weight(stripped[: ends[-1].start()]) >= _MIN_CAPTION_TEXT
        and date_line(tail) is not None
    )


# Markup and script a copy saved as text kept: an element with its content
# ("<image>data:…</image>"), a data URI, a script's statement, a style rule. No language
# writes these; a story quoting code is no news story we serve.
_ELEMENT = re.compile(r"^<([A-Za-z][\w-]*)\b[^<>]*>.*</\1\s*>$")
_DATA_URI = re.compile(r"\bdata:[a-z]+/[\w.+-]+[;,]")
_SCRIPT = re.compile(
    r"""(?:^|[;{}(!]\s*)(?:function\s*[\w$]*\s*\([^()]*\)\s*\{ | (?:var|let|const)\s+[\w$]+\s*=)
      | \b(?:document|window)\.[\w$]+(?:\.[\w$]|\(|\s*=[^=]|\s*\|\|)
      | [\w$)\]]\.(?:push|appendChild|createElement|getElementById|getElementsByTagName
                     |addEventListener|insertBefore)\s*\(""",
    re.VERBOSE,
)
_STYLE = re.compile(r"^[\w\s#.,:>*\[\]=\"'-]+\{\s*[\w-]+\s*:\s*[^;{}]+;")


def code_line(text: str) -> bool:
    """Whether the line is markup or script, not text: an element with its content, a data
    URI, a script's statement ("(function() { var pa = document.createElement(…);"), a
    style rule ("p.caption { font-size: 12px; }")."""
    stripped = text.strip()
    return (
        _ELEMENT.match(stripped) is not None
        or _DATA_URI.search(stripped) is not None
        or _SCRIPT.search(stripped) is not None
        or _STYLE.match(stripped) is not None
    )


def symbol_ratio(text: str) -> float:
    """The share of a line's characters that are symbols no sentence uses."""
    return sum(char in _SYMBOLS for char in text) / max(1, len(text))


def noise_tokens(text: str) -> int:
    """How many of the line's tokens are short ASCII noise (a forum watermark's "u# d: c4")."""
    return sum(_NOISE_TOKEN.match(token) is not None for token in text.split())


def has_email(text: str) -> bool:
    """Whether the line holds an e-mail address."""
    return _EMAIL.search(text) is not None


def has_image_file(text: str) -> bool:
    """Whether the line names an image file or embeds an image (a caption's neighbour)."""
    return _IMAGE_FILE.search(text) is not None


def _ends_sentence(text: str) -> bool:
    return text.rstrip(CLOSERS).endswith(PROSE_END)


def tag_list(text: str) -> bool:
    """Whether the line is a list of three or more short items split by commas, slashes or
    bars, with no sentence end: a story's tags ("Army / ASEAN / Malaysia")."""
    if _ends_sentence(text):
        return False
    items = [item for item in _TAG_SEPARATOR.split(text.strip(" ,/|")) if item]
    return len(items) >= _MIN_TAGS and all(
        line_weight(item) <= _MAX_TAG_WEIGHT and len(item.split()) <= _MAX_TAG_WORDS
        for item in items
    )


def bracket_credit_end(text: str) -> bool:
    """Whether the line ends with a short bracketed group after some text: a caption's
    credit ("… [Photo=Agency]", "… (Reuters)") or a supply note."""
    stripped = text.rstrip(_TRAILING_BARS)
    found = _BRACKET_END.search(stripped)
    return found is not None and (found.start() > 0 or len(stripped) == len(found.group()))


def colon_label(text: str) -> bool:
    """Whether the line opens with a short label and a colon and makes no sentence:
    "Source: …", "No comments:", an outlet's name before a headline in a digest."""
    found = _COLON.search(text)
    if found is None or _ends_sentence(text):
        return False
    label = text[: found.start()]
    if not label.strip() or label.strip()[-1:].isdigit():
        return False  # "12:30", a clock
    return len(label.split()) <= _MAX_LABEL_WORDS and line_weight(label) <= _MAX_LABEL_WEIGHT


def quoted_share(text: str) -> float:
    """The share of the line's weight inside quotes: a line quoting another story's
    headline ("Continue reading “…”") is mostly quote."""
    quoted = sum(line_weight(found.group()) for found in _QUOTED.finditer(text))
    return min(1.0, quoted / max(1, line_weight(text)))


_MAX_HEAD_GAP = 2  # short lines (a caption, its credit) between a section's head and its text
_MIN_SECTION_PARAGRAPHS = 2


def section_heads(texts: Sequence[str], prose: Sequence[bool]) -> tuple[int, ...]:
    """The positions of a story's section heads: a heading-shaped line (a headline with no
    sentence end, or a label ending in a colon), first of its run of short lines, that
    opens a run of two or more paragraphs, at most two short lines (a caption, its credit)
    between.

    A digest's item headings and a long story's subheadings are heads, and a page that
    shows several holds several stories or sections; a caption or a teaser above a
    paragraph opens no run of paragraphs, or stands alone on its page.
    """
    heads = []
    for position, text in enumerate(texts):
        if prose[position] or (position > 0 and not prose[position - 1]):
            continue  # a paragraph, or a line under another short line (a caption, a list)
        if not (looks_like_title(text) or text.rstrip().endswith((":", "："))):
            continue
        at = position + 1
        while at < len(texts) and not prose[at] and at - position <= _MAX_HEAD_GAP:
            at += 1
        run = 0
        while at + run < len(texts) and prose[at + run]:
            run += 1
        if run >= _MIN_SECTION_PARAGRAPHS:
            heads.append(position)
    return tuple(heads)
