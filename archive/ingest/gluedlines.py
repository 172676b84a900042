"""Lines a saved copy glued together, split back at their seam: text is never deleted.

A page saved as text often loses the break between two parts of its layout, and the part
that is not story then rides on the lead (or the headline) into the story. The seams any
site's copy shows are split here, each part keeping its exact offsets in the page:

- a crawler's record of the publication date before the page's first line when a paragraph
  follows it (" date 2024-01-01 The story begins …"): the record becomes a line of its own
  (read by ``pagedates.crawler_record`` as before), the paragraph the page's first line;
- a byline glued to the head of the lead, its label and a name closed by a separator before
  the paragraph goes on: "ដោយ:NAME/PLACE ៖ The story …", "ໂດຍ: NAME: …", "By NAME – …".
  The byline becomes its own line (the credit readers read it as a byline; it leaves the
  story), the paragraph stays whole after it; so does a byline printed twice and glued to
  the lead with no separator ("by NAMEby NAMEThe story …": the second printing ends it);
- a Korean newsroom's byline glued to the lead's head, the way Korean papers and wires set
  it: "(서울=연합뉴스) NAME 기자 = …", "[PLACE=OUTLET] NAME 기자 = …", "[OUTLET NAME 기자] …",
  "OUTLET NAME 기자 | …"; and its sign-off glued to the last paragraph's end, after the
  last sentence: "… 밝혔다. NAME 기자 ADDRESS". A reporter's title (기자, 특파원 and the
  titles ending in them) is always there, so a wire's bare dateline ("(평양=뉴스1) = …")
  stays with its lead.
- a Korean article's byline row glued between the headline and the lead (``korean_bylines.
  korean_row``): "TITLE NAME 기자 입력 DATE 수정 DATE LEAD…", "TITLE 송고시간DATE NAME 기자
  LEAD…", "NAME기자 구독 구독중 …". The row becomes its own line (the credit readers read it,
  it leaves the story), what stood before and after it lines of their own; likewise a wire's
  dateline with its reporters glued after the headline ("TITLE(PLACE=OUTLET) NAME 기자 = …").
- a Korean publication stamp glued to the lead ("… 기자 입력 2023-05-19 03:00업데이트
  2023-05-19 11:42 LEAD"): the stamp (with the update stamp glued after it) becomes a line
  of its own between the header and the lead, read by the date readers as a date line. Only
  the page's first stamp (a later one is a related post's), and only before a paragraph; a
  stamp inside a byline row stays with the row and its reporter.
- a script glued to a paragraph's end ("… 謝意! (function() { var pa = …"): a site's
  advertising or counter code a copy kept as text, opening after the sentence's end and
  running to the line's end (``lineshape.code_line``). It becomes a line of its own, which
  the line model moves out of the story.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from archive.ingest.korean_bylines import (
    KO_EMAIL,
    KO_NAMES,
    KO_POSTED_STAMP,
    KO_TITLE,
    KO_UPDATED_STAMP,
    korean_head,
    korean_row,
    names_ok,
)
from archive.ingest.lineshape import code_line
from archive.ingest.lineweight import line_weight
from archive.ingest.pagelines import CLOSERS, PROSE_END, Line, is_prose

__all__ = ["is_newsroom_dateline", "split_glued"]

# " date 2021-02-06 …": a crawler's record before the first line (``dates.crawler_date``).
_CRAWLER = re.compile(r"^date\s+\d{4}-\d{2}-\d{2}(?![\d-])\s+(?=\S)")
# A byline label, a name of at most 40 characters with no sentence end, a separator (the
# Khmer "៖", a colon, a spaced dash), then the paragraph: "ដោយ:NAME/PLACE ៖ …", "By NAME – …".
_GLUED_BYLINE = re.compile(
    r"""^(?:
        (?:ដោយ|ໂດຍ)\s*[:៖：]?\s*[^\s:៖：–—.!?។៕][^:៖：–—.!?។៕\n]{0,40}?
      | [Bb]y\s+[A-Z][\w.'’-]*(?:\s+(?:and\s+)?[A-Z][\w.'’-]*){0,4}
    )\s*(?:[៖:：]|\s[–—-]{1,2})\s+(?=\S)""",
    re.VERBOSE,
)
# A byline printed twice (a theme's author box and its meta line) and glued to the lead with
# no separator: "by NAMEby NAMEAround 5:30 am …" (the second printing ends the name).
_DOUBLED_BYLINE = re.compile(
    r"^[Bb]y\s+(?P<name>[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3}?)\s*[Bb]y\s+(?P=name)(?=\S)"
)
_MIN_REST = 60  # what follows a glued byline is a paragraph, not a place or a date
# Where a script opens after a sentence's end: a function, a declaration, a call on the
# page's document or window, a script element.
_SCRIPT_OPEN = re.compile(
    rf"(?<=[{re.escape(''.join(PROSE_END) + CLOSERS)}])\s*"
    r"(?=[(!]function\s*\(|(?:var|let|const)\s+[\w$]+\s*=|(?:document|window)\.|<script\b|\(\w+\s*=\s*window\.)"
)

# A Chinese wire's or paper's dateline naming its reporter, glued to the lead's head:
# "新华社北京1月11日电(记者 NAME) …", "(中央社記者NAME台北3日電) …", "〔記者NAME／台北報導〕 …",
# "本报讯(记者 NAME NAME) …", "(据OUTLET记者NAME PLACE报导) …".
_HAN = r"\u3400-\u9fff\uf900-\ufaff"
_HAN_HEAD = re.compile(
    rf"^(?:[{_HAN}]{{2,12}}\d{{1,2}}月\d{{1,2}}日[电電]\s*|[{_HAN}]{{2,6}}[讯訊]\s*)?"
    rf"[(（〔【]\s*(?:据|據)?[^()（）〔〕【】。，,]{{0,12}}(?:记者|記者)"
    rf"[^()（）〔〕【】。，,]{{1,24}}[)）〕】]\s*(?=\S)"
    # "本报北京6月20日讯 记者NAME报道:": a paper's dateline, its reporters, a colon
    rf"|^[{_HAN}]{{2,12}}\d{{1,2}}月\d{{1,2}}日[电電讯訊]\s*(?:记者|記者)\s*"
    rf"[{_HAN}、\s]{{2,20}}?(?:报道|報導|報道)\s*[:：]\s*(?=\S)"
)
# A wire's dateline opening ("(서울=연합뉴스)", "[파주=뉴시스]") inside a line.
_WIRE_OPEN = re.compile(r"[(\[【][^()\[\]【】=]{1,20}=[^()\[\]【】=]{1,20}[)\]】]")
# The sign-off after the last sentence's end ("다." closes a Korean sentence).
_KO_TAIL = re.compile(
    rf"(?<=[.!?。”\"’'])\s+(?P<signoff>{KO_NAMES}\s*{KO_TITLE}(?:\s+{KO_EMAIL})?)\s*$"
)


# A Korean paper's or wire's publication stamp, and the update stamp glued after it, inside a
# line the saved copy joined ("… 기자 입력 2023-05-19 03:00업데이트 2023-05-19 11:42 LEAD").
_KO_STAMP = re.compile(rf"{KO_POSTED_STAMP}(?:\s*[|｜]?\s*{KO_UPDATED_STAMP})?")


def is_newsroom_dateline(text: str) -> bool:
    """Whether a line opens with a Korean or Chinese newsroom's dateline naming its reporter
    (the shapes ``split_glued`` splits off a lead)."""
    return korean_head(text) is not None or _HAN_HEAD.match(text + " x") is not None


def split_glued(lines: Iterable[Line]) -> list[Line]:
    """The page's lines with a crawler's record and a byline glued to a paragraph's head
    split off as lines of their own (offsets exact; nothing dropped)."""
    lines = list(lines)
    # The page's publication stamp is its first; a later one is a related post's.
    stamped = next((at for at, line in enumerate(lines) if _KO_STAMP.search(line.text)), None)
    return [
        part
        for at, line in enumerate(lines)
        for part in _split(line, first=at == 0, stamp=at == stamped)
    ]


def _split(line: Line, *, first: bool, stamp: bool = False) -> Iterator[Line]:
    text = line.text
    record = _CRAWLER.match(text) if first else None
    if record is not None and is_prose(text[record.end() :]):
        # glued to the lead (a record over a headline or a menu is the title reader's)
        yield _part(line, 0, len(record.group().rstrip()))
        line = _part(line, record.end(), len(text))
        text = line.text
    glued = _KO_STAMP.search(text) if stamp else None
    if glued is not None and _in_row(glued, text):
        glued = None  # the byline row holding the stamp is split below, its reporter with it
    if glued is not None and line_weight(text[glued.end() :]) >= _MIN_REST:
        # the stamp glued to the lead (and the header over it): a line of its own between them
        if glued.start() > 0:
            yield from _split(_part(line, 0, glued.start()), first=first)
        yield _part(line, glued.start(), glued.end())
        yield from _split(_part(line, glued.end(), len(text)), first=False)
        return
    script = _glued_script(text)
    if script is not None:
        yield from _split(_part(line, 0, script), first=first)
        yield _part(line, script, len(text))
        return
    found = (
        _GLUED_BYLINE.match(text)
        or doubled_byline(text)
        or korean_head(text)
        or _HAN_HEAD.match(text)
    )
    rest = text[found.end() :] if found is not None else ""
    if found is not None and line_weight(rest) >= _MIN_REST:
        yield _part(line, 0, len(found.group().rstrip()))
        line = _part(line, found.end(), len(text))
        text = line.text
    elif (wire := _wire_within(text)) is not None:
        yield from _split(_part(line, 0, wire[0]), first=False)
        yield _part(line, wire[0], wire[1])
        line = _part(line, wire[1], len(text))
        text = line.text
    row = korean_row(text)
    if row is not None and row.group().strip() != text:
        if text[: row.start()].strip():
            yield _part(line, 0, row.start())
        yield _part(line, row.start(), row.end())
        line = _part(line, row.end(), len(text))
        text = line.text
        if not text:
            return
    signoff = _korean(_KO_TAIL.search(text))
    if signoff is not None and line_weight(text[: signoff.start()]) >= _MIN_REST:
        yield _part(line, 0, signoff.start())
        yield _part(line, signoff.start("signoff"), len(text))
        return
    yield line


def doubled_byline(text: str) -> re.Match[str] | None:
    """A byline printed twice and glued to the lead ("by NAMEby NAMEThe story …"): its match,
    the two printings, if the line opens with one."""
    return _DOUBLED_BYLINE.match(text)


def _wire_within(text: str) -> tuple[int, int] | None:
    """Where a Korean wire's dateline with its reporters ("(PLACE=OUTLET) NAME 기자 =") opens
    and closes inside a line, after the headline it is glued to (no paragraph: one there is
    the page's previous post), when a paragraph follows."""
    for opening in _WIRE_OPEN.finditer(text, 1):
        if is_prose(text[: opening.start()].rstrip()):
            return None
        found = korean_head(text[opening.start() :])
        if found is not None and line_weight(text[opening.start() + found.end() :]) >= _MIN_REST:
            return opening.start(), opening.start() + len(found.group().rstrip())
    return None


def _in_row(stamp: re.Match[str], text: str) -> bool:
    """Whether a publication stamp is part of a Korean byline row ("NAME 기자 입력 DATE")."""
    row = korean_row(text)
    return row is not None and row.start() <= stamp.start() < row.end()


def _korean(found: re.Match[str] | None) -> re.Match[str] | None:
    """A Korean sign-off's match when its names pass ``korean_bylines.names_ok``."""
    return found if found is not None and names_ok(found) else None


def _glued_script(text: str) -> int | None:
    """Where a script glued to the end of a paragraph opens (the rest of the line is code),
    if one is."""
    for found in _SCRIPT_OPEN.finditer(text):
        if found.start() > 0 and is_prose(text[: found.start()]) and code_line(text[found.end() :]):
            return found.end()
    return None


def _part(line: Line, start: int, end: int) -> Line:
    """The part of ``line`` between two offsets of its text, stripped, offsets in the page."""
    piece = line.text[start:end]
    lead = len(piece) - len(piece.lstrip())
    piece = piece.strip()
    return Line(line.start + start + lead, line.start + start + lead + len(piece), piece)
