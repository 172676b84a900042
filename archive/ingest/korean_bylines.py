"""A Korean newsroom's byline and sign-off, in the shapes Korean papers and wires set them.

A wire's dateline with its reporter ("(서울=연합뉴스) NAME 기자 ="), a bracketed byline
("[OUTLET NAME 기자]", "[NAME 기자(ADDRESS)]"), an outlet and its reporter before a bar
("OUTLET NAME 기자 |"); a reporter's title (기자, 특파원 and the titles ending in them) is
always there. ``gluedlines`` splits these off a lead they are glued to; ``korean_byline``
reads the reporters of a line that is one of them.

A Korean article's byline row: the reporter and title beside the article's time stamps,
the way Korean news sites (and the portals reposting them) set the head of an article:
"NAME 기자 입력 DATE 수정 DATE", "NAME 군사전문기자 외 3명 입력 DATE업데이트 DATE",
"송고시간DATE NAME 기자", "NAME 기자 DATE TIME", and the portal's "NAME기자 구독" (its
button to follow the reporter). ``korean_row`` finds one inside a line (a saved copy glues
the row between the headline and the lead); ``gluedlines`` splits it out.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from archive.ingest.addresses import EMAIL_ADDRESS
from archive.ingest.credit_words import HANGUL_SURNAMES
from archive.ingest.credits import CreditEntry

__all__ = [
    "KO_EMAIL",
    "KO_NAMES",
    "KO_POSTED_STAMP",
    "KO_STAMP",
    "KO_STAMP_DATE",
    "KO_TITLE",
    "KO_UPDATED_STAMP",
    "is_korean_row",
    "korean_byline",
    "korean_head",
    "korean_row",
    "korean_row_credits",
    "names_ok",
    "stamped_reporter",
]

# A Korean reporter: one to three names, a desk or rank glued to or before the title
# ("외교·통일 선임기자", "통일북한전문기자"), an address in brackets or after it.
_END = r"(?=\s|기자|특파원)"  # a name ends at a space or its title
KO_NAMES = rf"(?P<names>(?P<name>[가-힣]{{2,4}}){_END}(?:\s+[가-힣]{{2,4}}{_END}){{0,2}})"
KO_TITLE = r"(?:[가-힣·]{0,12}\s+)?[가-힣·]{0,10}(?:기자|특파원)(?![가-힣])"
KO_EMAIL = EMAIL_ADDRESS  # the credit lines' e-mail address (addresses)
KO_REPORTER = rf"{KO_NAMES}\s*{KO_TITLE}(?:\s*[(\[]?{KO_EMAIL}[)\]]?)?"
# A reporter and the title or rank after the name ("NAME 기자", "NAME 특파원", "NAME 논설위원",
# "NAME 정치부장"): a wire's byline may list several, each with its own.
_RANK = (
    r"(?:[가-힣·]{0,10}(?:기자|특파원)|논설위원|편집위원|통신원|[가-힣]{0,6}(?:부장|차장|국장|팀장))"
    r"(?![가-힣])"
)
_UNIT = rf"[가-힣]{{2,4}}(?:\s+[가-힣]{{2,4}}){{0,2}}\s*{_RANK}"
_UNIT_NAMES = re.compile(rf"(?P<names>[가-힣]{{2,4}}(?:\s+[가-힣]{{2,4}}){{0,2}}?)\s*{_RANK}")
KO_HEADS = tuple(
    re.compile(rf"^{shape}")
    for shape in (
        rf"[(\[【]\s*[^()\[\]【】=]{{1,20}}=[^()\[\]【】=]{{1,20}}[)\]】]\s*{KO_REPORTER}(?:\s*=|\s*$)",
        rf"[\[【]\s*(?:[^\s()\[\]【】]{{1,15}}\s+)?{KO_REPORTER}\s*[\]】]",
        rf"(?P<outlet>[^\s()\[\]【】|]{{2,15}})\s+{KO_REPORTER}(?:\s*[|｜=]|\s*$)",
        # a wire's reporters each with a title or a rank, closed by "=" ("(PLACE=OUTLET) NAME
        # 특파원 NAME 기자 =", "[서울=뉴스핌] NAME 정치부장 =", "[OUTLET] NAME 기자=")
        rf"(?:[(\[【][^()\[\]【】]{{1,30}}[)\]】]\s*)?(?P<reporters>{_UNIT}(?:\s*[,·]?\s*{_UNIT}){{0,3}})\s*=",
        # a place and its reporter in brackets: "[PLACE = NAME 기자]"
        rf"[(\[【][^()\[\]【】=]{{1,30}}=\s*(?P<reporters>{_UNIT})\s*[)\]】]",
    )
)

# A Korean paper's or wire's time stamp, the one spelling the byline rows and the glued lines
# share: a label, when the story was posted (입력 "posted", 기사입력, 송고시간 "sent", 등록일)
# or updated (수정, 최종수정, 업데이트) or approved (승인), and a numeric date
# ("2023-05-19 03:00", "2021. 03. 20. 07:00", "2020년 5월 27일", "2023.05.19(금) 오후 3:10").
_POSTED = r"입력|송고시간|송고|등록"
_UPDATED = r"수정|최종\s*수정|업데이트"
KO_STAMP_DATE = (
    r"\d{4}\s*[-./년]\s*\d{1,2}\s*[-./월]\s*\d{1,2}(?!\d)(?:\s*(?:일|\.))?"
    r"(?:\s*[(（][월화수목금토일][)）])?"
    r"(?:\s*(?:오전|오후)?\s*\d{1,2}:\d{2}(?::\d{2})?)?"
)


def _stamp(labels: str) -> str:
    return rf"(?:기사\s*)?(?:{labels})(?:일|시간)?\s*[:：]?\s*{KO_STAMP_DATE}"


KO_STAMP = _stamp(rf"{_POSTED}|{_UPDATED}|승인")  # any time stamp
KO_POSTED_STAMP = _stamp(_POSTED)
KO_UPDATED_STAMP = _stamp(_UPDATED)
# The byline row: a time stamp before or after the reporter, or a bare date after; a row's
# other reporters ("외 3명"), the reporter's address.
_ROW_DATE = KO_STAMP_DATE
_ROW_STAMP = KO_STAMP
# the names of a row: a further name opens with a common surname and is no desk ("정치부")
_DESK_END = r"(?<![부팀국과실단])"
_ROW_NAMES = (
    rf"(?P<names>(?<![가-힣])[가-힣]{{2,4}}{_END}"
    rf"(?:\s+[{''.join(sorted(HANGUL_SURNAMES))}][가-힣]{{1,3}}{_DESK_END}{_END}){{0,2}})"
)
_ROW = re.compile(
    rf"(?P<before>{_ROW_STAMP}\s*)?{_ROW_NAMES}\s*{KO_TITLE}(?:\s*외\s*\d{{1,2}}\s*명)?"
    rf"(?:\s*[(\[]?{KO_EMAIL}[)\]]?)?"
    rf"(?P<after>(?:\s*(?:{_ROW_STAMP}|{_ROW_DATE}))+|\s*구독(?:\s*구독중)?)?"
)

# A portal's repost: the outlet, a bar, the reporter's bare name and the time stamp
# ("연합뉴스ㅣNAME 입력 2021. 11. 06. 16:22").
_PORTAL_ROW = re.compile(
    rf"(?P<outlet>[^\s|ㅣ｜]{{2,15}})\s*[|ㅣ｜]\s*(?P<names>(?P<name>[가-힣]{{2,4}}))\s+{_ROW_STAMP}"
)
_NAME = re.compile(r"[가-힣]{2,4}")
_OUTLET_NAME = re.compile(r"[가-힣]{2,3}")


def korean_head(text: str) -> re.Match[str] | None:
    """The Korean byline opening ``text`` whose names pass ``names_ok``."""
    for shape in KO_HEADS:
        found = shape.match(text)
        if found is not None and names_ok(found):
            return found
    return None


def head_names(found: re.Match[str]) -> list[str]:
    """The reporters' names of a byline match: its ``names`` group, or each name of its
    ``reporters`` (a list of reporters each with a title or a rank)."""
    if found.groupdict().get("names") is not None:
        return found["names"].split()
    return [
        name for unit in _UNIT_NAMES.finditer(found["reporters"]) for name in unit["names"].split()
    ]


def names_ok(found: re.Match[str]) -> bool:
    """Whether a byline's names are each a name's shape opening with a common surname, and
    the outlet before them (if any) no name itself ("NAME 선임기자" is a name and a rank,
    not an outlet and a name; a Korean name is two or three syllables)."""
    outlet = found.groupdict().get("outlet")
    names = head_names(found)
    return (
        bool(names)
        and all(_NAME.fullmatch(name) and name[0] in HANGUL_SURNAMES for name in names)
        and not (
            outlet is not None and _OUTLET_NAME.fullmatch(outlet) and outlet[0] in HANGUL_SURNAMES
        )
    )


def korean_byline(line: str) -> list[CreditEntry]:
    """The reporters of a line that is a Korean byline and nothing else.

    >>> [e.name for e in korean_byline("(서울=연합뉴스) 김민수 이지은 기자 =")]
    ['김민수', '이지은']
    """
    text = line.strip()
    found = korean_head(text)
    if found is None or text[found.end() :].strip():
        return korean_row_credits(text) if is_korean_row(text) else []
    return [CreditEntry("reporter", name, "person", None, text) for name in head_names(found)]


def korean_row(text: str) -> re.Match[str] | None:
    """The first Korean byline row in ``text`` (a reporter beside a time stamp, a date or
    the portal's follow button; a portal's "OUTLETㅣNAME 입력 DATE") whose names pass
    ``names_ok``."""
    rows = [found for found in _overlapping(_ROW, text) if found["before"] or found["after"]]
    portal = [found for found in _PORTAL_ROW.finditer(text) if found["outlet"] != found["name"]]
    for found in sorted([*rows, *portal], key=lambda found: found.start()):
        if names_ok(found) if found.re is _ROW else _name_ok(found["name"]):
            return found
    return None


def _overlapping(pattern: re.Pattern[str], text: str) -> list[re.Match[str]]:
    """Every match of ``pattern`` in ``text``, each tried from every word's start (a word
    before a name, "운영 NAME 기자", must not hide the name's own match)."""
    found = []
    at = 0
    while (match := pattern.search(text, at)) is not None:
        found.append(match)
        at = match.start() + 1
    return found


def _name_ok(name: str) -> bool:
    return _NAME.fullmatch(name) is not None and name[0] in HANGUL_SURNAMES


def is_korean_row(text: str) -> bool:
    """Whether ``text`` is a Korean byline row and nothing else (never a headline)."""
    found = korean_row(text.strip())
    return found is not None and found.group().strip() == text.strip()


def korean_row_credits(line: str) -> list[CreditEntry]:
    """The reporters of a Korean byline row in ``line``.

    >>> [e.name for e in korean_row_credits("윤상호 군사전문기자 외 3명 입력 2023-05-19 03:00")]
    ['윤상호']
    """
    found = korean_row(line)
    if found is None:
        return []
    raw = found.group().strip()
    return [CreditEntry("reporter", name, "person", None, raw) for name in found["names"].split()]


_STAMP_LINE = re.compile(rf"^[\W_]*{_ROW_STAMP}")
_REPORTER_ALONE = re.compile(rf"^[\W_]*{_ROW_NAMES}\s*{KO_TITLE}\s*$")


def stamped_reporter(texts: Sequence[str], row: int) -> list[CreditEntry]:
    """The reporter of a byline row the layout set on lines of its own: a line that is
    "NAME 기자" and nothing else, beside the article's time stamp ("입력 DATE", "승인 DATE") on
    one of the two lines with text above or below it."""
    found = _REPORTER_ALONE.match(texts[row].strip())
    if found is None or not names_ok(found):
        return []
    above = [text for text in texts[max(0, row - 4) : row] if text.strip()][-2:]
    below = [text for text in texts[row + 1 : row + 5] if text.strip()][:2]
    if not any(_STAMP_LINE.match(text.strip()) for text in [*above, *below]):
        return []
    raw = texts[row].strip()
    return [CreditEntry("reporter", name, "person", None, raw) for name in head_names(found)]
