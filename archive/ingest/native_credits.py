"""Native-language credit lines read by their structure: a role label then a list of names,
a reporter named in a wire's bracketed dateline, a reporter introduced by the anchor, and a
signature closing the story's last paragraph.

Each reader is a closed class of role labels (``credit_words.ROLE_LABELS``, every language we
serve) or a closed set of structures, times a name's shape in its script; none is one
site's wording:

- *a label list* (``label_list_credits``): a whole line, or a bracketed part of one, that is a
  role label, a separator and only names ("文字記者:A、B、C", "參與採寫:A、B", "【糾錯】 責任編輯:
  X", "(責編:A、B)", "(編輯:X)1120903", "编辑 X", "二审 X", "(རྩོམ་སྒྲིག་འགན་འཁུར་པ། NAME།)");
- *a wire's dateline* (``han_dateline_credits``): "(OUTLET記者NAME PLACE3日電)", "(OUTLET記者NAME
  採訪報導)", "OUTLET PLACE 7月2日电 (NAME)" (a known outlet);
- *an anchor's handover* (``korean_handover``): "… NAME 기자가 보도합니다." (a reporter or a
  correspondent, then a closed class of reporting verbs);
- *a signature glued to the last paragraph* (``signature_tail``): after the last sentence's
  end, a label and a name ("…៕ដោយ៖ NAME") or names alone in capitals or with initials
  ("… . L.PHI", "… . NAME NAME - NAME NAME NAME"), never a place (a Vietnamese administrative
  abbreviation, a word of the story).

``textpage._find_credits`` asks ``native_credits`` for the lines around the headline and the
story's end; the credit acceptor weighs every name as it weighs the other rule readers'.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence

from archive.ingest.bylines import find_organisation, is_plausible_name
from archive.ingest.credit_words import (
    HAN_SURNAMES,
    HANGUL_SURNAMES,
    has_meta_word,
    has_outlet_word,
    is_generic_credit,
    is_place_abbreviation,
    label_role,
)
from archive.ingest.credits import CreditEntry, Role
from archive.ingest.korean_bylines import korean_byline, korean_row_credits, stamped_reporter
from archive.ingest.native_shapes import (
    capitals_bar,
    email_credits,
    glued_hangul_name,
    han_reported,
    joined_names,
    korean_signoff,
    label_place,
    name_over_source,
)

__all__ = [
    "han_dateline_credits",
    "korean_handover",
    "label_list_credits",
    "meta_line_credits",
    "native_credits",
    "paper_dateline_credits",
    "signature_tail",
    "uyghur_listen",
    "whole_line_credits",
]

_HAN = r"\u3400-\u9fff\uf900-\ufaff"
# A Chinese name: two to four characters (a dot inside a transliterated one).
_HAN_NAME = rf"[{_HAN}][{_HAN}·・]{{1,3}}"
_HAN_NAMES = re.compile(rf"^{_HAN_NAME}(?:\s*[、，,/／\s]\s*{_HAN_NAME})*$")
# The separators between a label and its names: a colon of any script, a Tibetan shad, a
# Khmer colon, a bar or a slash; a space after a label of an unspaced script.
_LABEL_SEPARATOR = re.compile(r"^\s*(?:[:：︰﹕|︱/／།៖=]|။\s*။|။)+\s*|^\s+")
# An outlet in brackets after the names ("NAME (ဆင္ဟြာသတင္းဌာန)", "NAME (Xinhua)").
_OUTLET_AFTER = re.compile(r"\s*[(（]\s*(?P<outlet>[^()（）]{2,30})\s*[)）]\s*$")
# A page's meta line of several labelled parts ("责任编辑:NAME 来源: OUTLET 撰写时间:DATE"):
# split before each part's label.
_META_PART = re.compile(r"\s+(?=[^\s:：]{1,8}\s*[:：])")
# "and" in the scripts we serve, and the list marks.
_NAME_LIST = re.compile(
    r"\s*(?:[、,，;；/／]|\s+(?:and|&|và|និង|ແລະ|နှင့်|ႏွင့္|དང་|ۋە|we|вә|및)\s+|[和及與与])\s*"
)
_HAN_REPORTED = re.compile(rf"(?:[/／]\s*[{_HAN}]{{2,4}})?(?:綜合|综合)?(?:報導|报道|報道|電|电)$")
_BRACKETED = re.compile(r"[(（\[【〔]([^()（）\[\]【】〔〕]{2,60})[)）\]】〕]")
# A bracketed tag opening a line ("【糾錯】", "[편집]"): not part of the credit.
_LEAD_TAG = re.compile(r"^\s*[【\[〔][^】\]〕]{1,8}[】\]〕]\s*")
# What may follow a bracketed or whole-line credit: a date code ("1120903"), an end mark.
_TAIL = re.compile(r"[\s\d。.།༎]*$")
# Labels that say nothing of a role in a bracket ("(Theo VnExpress)", "(by …)"): left to the
# readers of bylines and sources.
_NO_ROLE_LABELS = frozenset({"by", "theo", "ដោយ", "ໂດຍ"})
_SKIPPED_ROLES: frozenset[Role] = frozenset({"photographer"})  # a caption's credit

_HANGUL = re.compile(r"[가-힣]")
_HANGUL_NAME = re.compile(r"^[가-힣]{2,4}$")
# Korean particles a word of a sentence ends in ("정부는", "the government"): no name's end.
_PARTICLES = frozenset("은는이가을를의에도만")
_MAX_NAMES = 8
_TAIL_LINES = 3  # the story's last lines: a closing "listen to our reporter's report"
_SOURCE_REACH = 4  # the lines under the story where a name over the source line stands
_HEAD_LINES = 10  # the story's head (lines with text): a wire's dateline, an anchor's lead
_MAX_NAME_WORDS = 4


def _fold(text: str) -> str:
    return unicodedata.normalize("NFKC", text)


def _is_han(text: str) -> bool:
    return bool(text) and all(
        "\u3400" <= ch <= "\u9fff" or "\uf900" <= ch <= "\ufaff" for ch in text
    )


def _name_ok(name: str) -> bool:
    """A person's name's shape, not a generic credit, an outlet, a meta word or a place
    abbreviation; a Korean name one word opening with a common surname."""
    if _HANGUL.search(name) and not (_HANGUL_NAME.match(name) and name[0] in HANGUL_SURNAMES):
        return False
    return (
        bool(name)
        and len(name.split()) <= _MAX_NAME_WORDS
        and is_plausible_name(name)
        and not is_generic_credit(name)
        and not has_outlet_word(name)
        and not has_meta_word(name)
        and not is_place_abbreviation(name)
        and label_role(name) is None
    )


def _split_names(text: str, *, han: bool) -> list[str] | None:
    """The names of a list ("A、B、C", "A B C" in Chinese), None when a part is no name."""
    text = text.strip(" \t.。།༎·")
    if han:
        # "記者NAME/PLACE報導": the place and "reported" after the names
        text = _HAN_REPORTED.sub("", text)
        if not _HAN_NAMES.match(text):
            return None
        names = [part for part in re.split(r"[、，,/／\s]+", text) if part]
    else:
        names = [part.strip(" .།") for part in _NAME_LIST.split(text) if part.strip(" .།")]
    if not names or len(names) > _MAX_NAMES or not all(_name_ok(name) for name in names):
        return None
    return names


def _labelled(text: str, *, bracketed: bool) -> list[tuple[Role, str]]:
    """(role, name) of a text that is a role label, a separator and only names, else []."""
    text = _fold(text).strip()
    found = label_role(text)
    if found is None:
        return []
    role, length = found
    label = text[:length].casefold()
    if role in _SKIPPED_ROLES or label in _NO_ROLE_LABELS:
        return []
    rest = text[length:]
    separator = _LABEL_SEPARATOR.match(rest)
    han_label = _is_han(label.replace(" ", ""))
    if separator is None or separator.group() == "":
        # glued to its names: a Chinese label inside brackets only ("(記者李棟)")
        if not (bracketed and han_label):
            return []
    elif not separator.group().strip() and not (han_label or bracketed):
        return []  # a spaced-script label needs a mark ("Editor: NAME", not "Editor Jane")
    names_text = rest[separator.end() if separator else 0 :]
    outlet = _OUTLET_AFTER.search(names_text)
    if outlet is not None and (
        has_outlet_word(outlet["outlet"]) or find_organisation(outlet["outlet"]) is not None
    ):
        names_text = names_text[: outlet.start()]
    names_text = _TAIL.sub("", names_text) if han_label else names_text
    names = _split_names(names_text, han=han_label)
    if names and han_label and not bracketed and not separator.group().strip():  # type: ignore[union-attr]
        # "编辑 NAME" with no mark: each a name opening with a common surname ("编辑 推荐",
        # "editor's picks", is a menu)
        names = (
            [name for name in names if name[0] in HAN_SURNAMES]
            if all(name[0] in HAN_SURNAMES for name in names)
            else None
        )
    return [(role, name) for name in names or []]


def label_list_credits(line: str) -> list[CreditEntry]:
    """The credits of a line that is a label list, or of its bracketed label lists.

    >>> [(e.role, e.name) for e in label_list_credits("參與採寫:周一、楊二")]
    [('contributor', '周一'), ('contributor', '楊二')]
    """
    raw = line.strip()
    whole = _LEAD_TAG.sub("", raw)
    pairs = _labelled(whole, bracketed=False)
    if not pairs:
        for match in _BRACKETED.finditer(raw):
            pairs += _labelled(match.group(1), bracketed=True)
    return [CreditEntry(role, name, "person", None, raw) for role, name in pairs]


def meta_line_credits(line: str) -> list[CreditEntry]:
    """The credits of a page's meta line of several labelled parts ("责任编辑:NAME 来源:
    OUTLET 撰写时间:DATE"): each part read as a label list.

    >>> [(e.role, e.name) for e in meta_line_credits("责任编辑:王一 来源: 新华社")]
    [('editor', '王一')]
    """
    raw = line.strip()
    return [CreditEntry(role, name, "person", None, raw) for role, name in _meta_pairs(raw)]


def _meta_pairs(line: str) -> list[tuple[Role, str]]:
    parts = _META_PART.split(_LEAD_TAG.sub("", line))
    if len(parts) < 2:
        return []
    return [pair for part in parts for pair in _labelled(part, bracketed=False)]


# "(中央社記者陳昱婷台北3日電)": an outlet, 記者, the names and the place run together, the day
# and 電 (wire); "(自由亞洲電台記者心語採訪報導)": the name, then "interviewed and reported".
_DATELINE = re.compile(
    rf"[(（](?P<outlet>[{_HAN}][“”\"「」『』{_HAN}]{{1,23}}?)"
    rf"(?:特约|特約|特派)?(?:记者|記者|主持人)\s*(?P<run>[{_HAN}、\s]{{2,16}}?)"
    rf"\s*(?:(?P<day>\d{{1,2}}日)(?:[专專]|综合|綜合)?[电電]|(?:采访|採訪)?(?:报道|報導|報道))"
    rf"[\d\s,.，/\-年月日]*[)）]"
)
# "中新网广州7月2日电 (NAME)": a wire's dateline, then bare names in brackets (no label).
_WIRE_BARE = re.compile(
    rf"(?<![{_HAN}])(?P<outlet>[{_HAN}]{{2,6}}?[社网網])[{_HAN}]{{0,8}}\d{{1,2}}月\d{{1,2}}日[电電]\s*"
    rf"[(（]\s*(?P<names>{_HAN_NAME}(?:[、\s]+{_HAN_NAME})*)\s*[)）]"
)


def _names_outlet(head: str) -> bool:
    """Whether a dateline's head opens with a known outlet (a programme's name may follow
    it: "自由亚洲电台“心灵之旅”访谈节目")."""
    return any(find_organisation(head[:cut]) is not None for cut in range(len(head), 1, -1))


def han_dateline_credits(line: str) -> list[CreditEntry]:
    """The reporters a Chinese wire's bracketed dateline names (a known outlet's).

    >>> [e.name for e in han_dateline_credits("(中央社記者陳小明台北3日電)颱風登陸。")]
    ['陳小明']
    """
    text = _fold(line)
    raw = line.strip()
    match = _DATELINE.search(text)
    if match is not None and _names_outlet(match["outlet"]):
        parts = [part for part in re.split(r"[、\s]+", match["run"]) if part]
        if match["day"] and parts:
            # the place is glued to the last name: a name is two or three characters
            last = parts[-1]
            parts[-1] = last[:3] if len(last) >= 5 else last[:2] if len(last) == 4 else ""
        names = [part for part in parts if 2 <= len(part) <= 4]
        if names and len(names) == len(parts) and all(_name_ok(name) for name in names):
            return [CreditEntry("reporter", name, "person", None, raw) for name in names]
    wire = _WIRE_BARE.search(text)
    if wire is not None and find_organisation(wire["outlet"]) is not None:
        names = [name for name in re.split(r"[、\s]+", wire["names"].strip()) if name]
        if all(_name_ok(name) and name[0] in HAN_SURNAMES for name in names):
            return [CreditEntry("reporter", name, "person", None, raw) for name in names]
    return []


# "本报北京6月20日讯 记者NAME、NAME报道:": a paper's dateline, then its reporters (the line
# ``gluedlines`` splits off the lead's head).
_PAPER_DATELINE = re.compile(
    rf"^[{_HAN}]{{2,12}}\d{{1,2}}月\d{{1,2}}日[电電讯訊]\s*(?:记者|記者)\s*"
    rf"(?P<names>{_HAN_NAME}(?:[、\s]+{_HAN_NAME})*?)\s*(?:报道|報導|報道)\s*[:：]?$"
)


def paper_dateline_credits(line: str) -> list[CreditEntry]:
    """The reporters of a Chinese paper's dateline line ("本报PLACE DATE电 记者NAME报道:").

    >>> [e.name for e in paper_dateline_credits("本报北京6月20日讯 记者王小明、李四报道:")]
    ['王小明', '李四']
    """
    raw = line.strip()
    match = _PAPER_DATELINE.match(_fold(raw))
    if match is None:
        return []
    names = [name for name in re.split(r"[、\s]+", match["names"]) if name]
    if not all(_name_ok(name) and name[0] in HAN_SURNAMES for name in names):
        return []
    return [CreditEntry("reporter", name, "person", None, raw) for name in names]


# "… NAME 기자가 보도합니다." / "… NAME 특파원이 전해 드립니다.": the anchor hands over to the
# reporter; the verbs are a closed class (report, tell, cover, look into, sum up, meet).
_HANDOVER = re.compile(
    r"(?:^|\s)(?P<name>[가-힣]{2,12})\s*(?:기자|특파원)(?:이|가)\s+"
    r"(?:[가-힣]+\s+){0,2}?(?:보도|전|취재|알아|정리|짚어|만나)(?:합니다|했습니다|\s?봤습니다|해\s?드립니다)[.!]?\s*$"
)


def korean_handover(line: str) -> list[CreditEntry]:
    """The reporter an anchor hands a story to, at the end of the line.

    >>> [e.name for e in korean_handover("피해 상황을 김민수 기자가 보도합니다.")]
    ['김민수']
    """
    match = _HANDOVER.search(line.strip())
    if match is None or match["name"][-1] in _PARTICLES:
        return []
    # a page may lose the space before the name ("…내부소식문성휘 기자가"): its last three
    name = glued_hangul_name(match["name"])
    if name is None or not _name_ok(name):
        return []
    return [CreditEntry("reporter", name, "person", None, line.strip())]


# Uyghur, in its three scripts: "our reporter NAME's (report) … listen" closing a story
# ("muxbirimiz NAMEning mexsus programmisidin anglang"): the label, one or two words of the
# name with the genitive glued, then the verb "listen" within the sentence.
_UYGHUR_LISTEN = re.compile(
    r"(?:\bmuxbirimiz|\bмухбиримиз|مۇخبىرىمىز)\s+(?P<name>[^\W\d_]+(?:\s+[^\W\d_]+)?)"
    r"(?:ning|ниң|нинг|نىڭ)(?!\w)[^.!?؟]{0,80}?(?:\bangla|\bаңла|ئاڭلا)",
    re.IGNORECASE,
)


def uyghur_listen(line: str) -> list[CreditEntry]:
    """The reporter an RFA Uyghur story's closing "listen to our reporter NAME's report"
    names.

    >>> [e.name for e in uyghur_listen("Tepsilatini muxbirimiz arslanning programmisidin anglang.")]
    ['arslan']
    """
    match = _UYGHUR_LISTEN.search(line)
    if match is None or is_generic_credit(match["name"]):
        return []
    return [CreditEntry("reporter", match["name"], "person", None, match.group())]


# The end of a sentence, then what signs the paragraph.
_SENTENCE_END = re.compile(r"[.!?…។៕။།”\"»)]\s*")
# A label glued after the last sentence: "…៕ដោយ៖ NAME", "… ໂດຍ: NAME".
_LABEL_TAIL = re.compile(r"[។៕]\s*(?P<credit>(?:ដោយ|អត្ថបទ|ໂດຍ|ຂຽນໂດຍ)\s*[:៖：]\s*\S[^។៕:៖]{0,40})$")
# Names alone after the last sentence: in capitals ("L.PHI", "KHÁNH HOAN") or capitalised
# words, several joined by spaced dashes.
_UPPER_WORD = r"(?:[^\W\d_]\.\s?)*[^\W\d_]{2,}"
_TAIL_NAMES = re.compile(
    r"(?<=[.!?…”\"»])\s+(?P<names>[^\W\d_][^\W\d_.'’-]*(?:[ .][^\W\d_][^\W\d_.'’-]*){0,3}"
    r"(?:\s+[-–—]\s+[^\W\d_][^\W\d_.'’-]*(?:[ .][^\W\d_][^\W\d_.'’-]*){0,3}){0,3})\s*$"
)
_MIN_STORY_CHARS = 80  # a signature closes a paragraph of a story, not a caption


def signature_tail(line: str, story: str = "") -> list[CreditEntry]:
    """The credit signing a story's last paragraph after its last sentence.

    ``story`` is the story's other text: a name it holds is a place or a subject.

    >>> rain = "Mưa lớn kéo dài suốt cả tuần qua ở nhiều tỉnh miền Trung. " * 2
    >>> [e.name for e in signature_tail(rain + "T.AN")]
    ['T.AN']
    """
    text = line.rstrip()
    if len(text) < _MIN_STORY_CHARS:
        return []
    labelled = _LABEL_TAIL.search(text)
    if labelled is not None:
        credit = labelled["credit"].strip()
        found = label_role(credit)
        if found is None:
            return []
        role, length = found
        name = credit[length:].strip(" :៖：")
        if len(name.split()) <= 2 and _name_ok(name):
            return [CreditEntry(role, name, "person", None, credit)]
        return []
    match = _TAIL_NAMES.search(text)
    if match is None:
        return []
    before = text[: match.start()]
    if before.count("“") > before.count("”"):
        return []  # inside a quotation the page cuts short ("“… Saya Per")
    told = _fold(f"{story} {before}").casefold()
    names = [part.strip() for part in re.split(r"\s+[-–—]\s+", match["names"])]
    out: list[CreditEntry] = []
    for name in names:
        spaced = name.replace(".", ". ").split()
        # a signature: in capitals with an initial or two words ("L.PHI", "KHÁNH HOAN"; not
        # an acronym, "NATO"), or several names of capitalised words joined by dashes (one
        # alone is a sentence the page cuts short: "… said. Mr Kim")
        upper = name == name.upper() and ("." in name or len(spaced) >= 2)
        if not (upper or (len(names) >= 2 and len(spaced) >= 2)):
            return []
        if sum(ch.isalpha() for ch in name) < 3 or _fold(name).casefold() in told:
            return []  # an initial; a place or a subject the story names ("Nghệ An")
        if not (_name_ok(name) and all(word[0].isupper() for word in spaced)):
            return []
        out.append(CreditEntry("reporter", name, "person", None, match["names"]))
    return out


_WIRE_HEAD = re.compile(
    rf"^(?:[{_HAN}]{{2,12}}\d{{1,2}}月\d{{1,2}}日[电電]|[{_HAN}]{{2,6}}[讯訊])\s*"
)


def whole_line_credits(line: str) -> list[CreditEntry]:
    """The credits of a line that is a credit line and nothing else: a label list, a name
    beside an e-mail address, a Korean byline, a wire's or a paper's dateline on its own."""
    whole = _LEAD_TAG.sub("", line.strip())
    pairs = _labelled(whole, bracketed=False)
    bracket = _BRACKETED.fullmatch(_WIRE_HEAD.sub("", whole))  # "新华社PLACE DATE电(记者 NAME)"
    if not pairs and bracket is not None:
        pairs = _labelled(bracket.group(1), bracketed=True)
    found = [CreditEntry(role, name, "person", None, line.strip()) for role, name in pairs]
    found = found or email_credits(line, _name_ok) or korean_byline(line)
    found = found or paper_dateline_credits(line)
    if not found and _DATELINE.fullmatch(_fold(line.strip())):
        found = han_dateline_credits(line)
    return found


def native_credits(
    texts: Sequence[str],
    *,
    top: Sequence[int],
    ends: Sequence[int],
    story: Sequence[int],
    title: int | None = None,
) -> list[tuple[str, list[CreditEntry]]]:
    """(reader, credits) of a page's lines: label lists and names beside an e-mail address
    or a Korean sign-off on the lines around the headline (``top``), the story's lines
    (``story``) and those under it (``ends``); a wire's dateline, an anchor's handover, a
    slash byline or a label with its place on the story's head; names joined by "and" or in
    capitals before a bar right under the headline (``title``); a signature on the story's
    last line and a name over the page's source line. The readers are ``slot`` over the
    story, ``prose`` in it and ``bottom`` under it."""
    out: list[tuple[str, list[CreditEntry]]] = []
    filled = [row for row in story if texts[row].strip()]
    head = set(top) | set(filled[:_HEAD_LINES])
    rows = sorted({*top, *story, *ends})
    under = _under_headline(texts, top, title)
    told = " ".join(texts[row] for row in story)

    def reader_of(row: int) -> str:
        if story and row > story[-1]:
            return "bottom"
        return "slot" if row < (story[0] if story else 0) else "prose"

    # a meta line of labelled parts credits the story once; the same shape on several
    # lines is a list of comments ("作者: NAME 时间: DATE" under each)
    metas = [row for row in rows if _meta_pairs(texts[row].strip())]
    for row in rows:
        text = texts[row]
        found = label_list_credits(text) or email_credits(text, _name_ok)
        if not found and metas == [row]:
            found = meta_line_credits(text)
        found = found or korean_signoff(text, _name_ok)
        if not found and (row in head or not out):
            # a Korean byline below the story's head, under the one read there, heads the
            # page's next post
            found = korean_byline(text)
        if not found and row in head:
            found = han_dateline_credits(text) or paper_dateline_credits(text)
            found = found or korean_handover(text) or korean_row_credits(text)
            found = found or stamped_reporter(texts, row)
            found = found or han_reported(text, _name_ok) or label_place(text, _name_ok)
        if not found and row in under:
            others = " ".join(texts[other] for other in story if other != row)
            found = joined_names(text, _name_ok, others) or capitals_bar(text, _name_ok)
        if found:
            out.append((reader_of(row), found))
    if story:
        last = story[-1]
        told = " ".join(texts[row] for row in story if row != last)
        if found := signature_tail(texts[last], told):
            out.append(("bottom", found))
        for row in story[-_TAIL_LINES:]:
            if found := uyghur_listen(texts[row]):
                out.append(("prose", found))
        # the lines under the story, the page's next post's too: an aggregator's "NAME" over
        # "Nguồn OUTLET: address" reads as a post of its own
        under_story = range(last + 1, min(len(texts), last + 1 + _SOURCE_REACH))
        for row in sorted({*filled[-_TAIL_LINES:], *ends, *under_story}):
            following = list(texts[row : row + 4])
            others = " ".join(texts[other] for other in story if other != row)
            if found := name_over_source(following, _name_ok, others):
                out.append((reader_of(row), found))
    return out


def _under_headline(texts: Sequence[str], top: Sequence[int], title: int | None) -> set[int]:
    """The headline's row and the two lines with text right under it (the first two of the
    top rows when the page shows no headline)."""
    start = title if title is not None else (top[0] if top else 0)
    rows = [row for row in top if row > start and texts[row].strip()][:2]
    return {*rows, *([title] if title is not None else [])}
