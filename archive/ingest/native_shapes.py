"""Native-language credit shapes of round 9, each read by its structure in every script:

- *a name beside an e-mail address* (``email_credits``): "이영종 중앙일보 정치부 기자
  yjlee@…", "워싱턴 –정아름 junga@…", "NAME (name@outlet.org)": a person's name with the
  address that reaches them is a credit whatever the outlet (the role from a label beside
  it, else reporter);
- *a Korean sign-off* (``korean_signoff``): "NAME 기자의 보도입니다", "PLACE에서 NAME 특파원의
  보도입니다", "NAME 기자입니다", an anchor calling the reporter "… NAME 기자!", and "NAME 외"
  ("NAME and others") alone on its line;
- *a Chinese slash byline* (``han_reported``): "OUTLET／NAME／PLACE即時報導",
  "記者NAME／PLACE報導" (the place and "reported" after the name, cut by the shape of a
  Chinese name, two to four characters);
- *a label, a name and a place over the lead* (``label_place``): Khmer and Lao
  "ដោយ:NAME/PLACE ៖ …", "ໂດຍ: NAME/PLACE: …";
- *two or three names joined by the language's "and"* alone right under the headline
  (``joined_names``): "NAME we NAME" (Uyghur, in its three scripts), "NAME နှင့် NAME။",
  "NAME និង NAME", "NAME ແລະ NAME", "NAME và NAME", or joined by a spaced dash;
- *a name in capitals before a bar or a slash* (``capitals_bar``): "NGUYỄN VĂN A |",
  "NAME/ OUTLET DATE" under the headline; in a script without capitals, a name before its
  outlet ("NAME | DMG");
- *a name over the page's source line* (``name_over_source``): "NAME" then "Nguồn …:",
  "Source:", "来源:" under the story.

Names are checked by ``native_credits._name_ok`` (a name's shape in its script, no outlet,
meta word, generic credit or place abbreviation); a name the story holds is a place or a
subject, not a credit.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable

from archive.ingest.addresses import EMAIL_ADDRESS, HIDDEN_EMAIL
from archive.ingest.bylines import find_organisation, is_plausible_name
from archive.ingest.credit_words import HAN_SURNAMES, HANGUL_SURNAMES, label_role
from archive.ingest.credits import CreditEntry, Role

__all__ = [
    "capitals_bar",
    "email_credits",
    "glued_hangul_name",
    "han_reported",
    "joined_names",
    "korean_signoff",
    "label_place",
    "name_over_source",
]

NameCheck = Callable[[str], bool]

_HAN = r"\u3400-\u9fff\uf900-\ufaff"
_HAN_NAME = rf"[{_HAN}][{_HAN}·・]{{1,3}}"
_PARTICLES = frozenset("은는이가을를의에도만")


def _fold(text: str) -> str:
    return unicodedata.normalize("NFKC", text)


def _letters(word: str) -> bool:
    """Whether a word is letters and their marks only (Burmese, Khmer vowels are marks)."""
    return all(unicodedata.category(ch)[0] in "LM" for ch in word)


def _hangul_name(word: str) -> bool:
    """A Korean name's shape: two to four syllables opening with a common surname, not
    ending in a particle."""
    return (
        re.fullmatch(r"[가-힣]{2,4}", word) is not None
        and word[0] in HANGUL_SURNAMES
        and not (len(word) == 4 and word[-1] in _PARTICLES)
    )


# An e-mail address, or the placeholder a page saver leaves for one ("[email protected]").
_EMAIL = re.compile(rf"{EMAIL_ADDRESS}|{HIDDEN_EMAIL}", re.IGNORECASE)
# A Korean title chain ends in one of these ("통일외교팀 기자", "선임기자", "특파원").
_KOREAN_TITLE = re.compile(r"(?:기자|특파원|PD|앵커|논설위원|위원)$")
_MAX_EMAIL_LINE = 100


def email_credits(line: str, name_ok: NameCheck) -> list[CreditEntry]:
    """The person a short line names beside an e-mail address.

    >>> from archive.ingest.native_credits import _name_ok
    >>> [e.name for e in email_credits("서울 –김민수 minsu@example.org", _name_ok)]
    ['김민수']
    """
    raw = line.strip()
    if len(raw) > _MAX_EMAIL_LINE:
        return []  # a short line only (and no search through a long one)
    match = _EMAIL.search(raw)
    if match is None or len(_EMAIL.findall(raw)) > 1:
        return []
    after = raw[match.end() :].strip(" \t)]>）】.")
    if after and after not in ("입니다", "기자"):
        return []
    before = _fold(raw[: match.start()]).strip(" \t([<（【:：,|/-–—=")
    # "PLACE – NAME": the name after the place's dash
    before = re.split(r"\s*[–—=]\s*|\s+-\s*", before)[-1].strip()
    words = before.split()
    if not words or len(words) > 6:
        return []
    if re.search(r"[가-힣]", before):
        # "NAME [OUTLET DESK …] 기자": the first name-shaped word; without a title, the word
        # right before the address ("YTN NAME")
        titled = _KOREAN_TITLE.search(words[-1]) is not None
        if titled and _hangul_name(words[0]) and name_ok(words[0]):
            return [CreditEntry("reporter", words[0], "person", None, raw)]
        last = re.sub(r"(?:기자|특파원)$", "", words[-1])
        alone = len(words) == 1
        if (
            _hangul_name(last)
            and name_ok(last)
            and (alone or (not titled and find_organisation(" ".join(words[:-1])) is not None))
        ):
            return [CreditEntry("reporter", last, "person", None, raw)]
        return []
    role: Role = "reporter"
    found = label_role(before)
    if found is not None:
        role, length = found
        before = before[length:].strip(" :：")
    name = before.strip(" ,")
    if name_ok(name) and all(w[0].isupper() for w in name.split() if w[0].isalpha()):
        return [CreditEntry(role, name, "person", None, raw)]
    return []


# "NAME 기자의 보도입니다", "PLACE에서 NAME 특파원의 보도입니다", "NAME 기자입니다",
# "NAME 기자!" (the anchor calls the reporter on a live link), "NAME 외" alone.
_SIGNOFF = re.compile(
    r"(?P<run>[가-힣]{2,12})\s*(?:기자|특파원)(?:의\s*보도입니다|입니다|[!])[.]?\s*$"
)
_OTHERS = re.compile(r"^\s*(?P<name>[가-힣]{2,4})\s*(?:기자\s*)?외\s*\.?\s*$")


def glued_hangul_name(run: str) -> str | None:
    """A Korean name at the end of a run of syllables: the run itself (two to four), or its
    last three when a page lost the space before it ("내부소식문성휘")."""
    if len(run) <= 4:
        return run if _hangul_name(run) else None
    tail = run[-3:]
    return tail if _hangul_name(tail) else None


def korean_signoff(line: str, name_ok: NameCheck) -> list[CreditEntry]:
    """The reporter a Korean line signs off or calls.

    >>> from archive.ingest.native_credits import _name_ok
    >>> [e.name for e in korean_signoff("도쿄에서 김대홍 특파원의 보도입니다.", _name_ok)]
    ['김대홍']
    """
    text = line.strip()
    others = _OTHERS.match(text)
    if others is not None:
        name: str | None = others["name"]
    else:
        match = _SIGNOFF.search(text)
        if match is None:
            return []
        start = match.start("run")
        if start and re.match(r"[가-힣]", text[start - 1]):
            return []  # the run is cut from a longer word
        name = glued_hangul_name(match["run"])
    if name is None or not name_ok(name):
        return []
    return [CreditEntry("reporter", name, "person", None, text)]


# "聯合報／ 李柏澔／台北即時報導", "記者李柏澔／台北報導", "特派記者NAME/北京報導聯合報".
_HAN_SLASH = re.compile(
    rf"^\s*(?:(?P<outlet>[{_HAN}A-Za-z]{{2,10}})\s*[/／]\s*)?"
    rf"(?P<label>(?:特派|駐地|驻地|文字)?(?:記者|记者))?\s*"
    rf"(?P<names>{_HAN_NAME}(?:[、\s]+{_HAN_NAME}){{0,3}})\s*[/／]\s*"
    rf"[{_HAN}]{{0,8}}?(?:即時|即时|綜合|综合|連線|连线|專題|专题)?(?:報導|报道|報道)"
    rf"(?P<tail>[{_HAN}]{{0,6}})\s*$"
)


def han_reported(line: str, name_ok: NameCheck) -> list[CreditEntry]:
    """The reporters of a Chinese slash byline ("OUTLET／NAME／PLACE報導").

    >>> from archive.ingest.native_credits import _name_ok
    >>> [e.name for e in han_reported("記者王小明／台北報導", _name_ok)]
    ['王小明']
    """
    match = _HAN_SLASH.match(_fold(line))
    if match is None:
        return []
    outlet, tail = match["outlet"], match["tail"]
    if outlet and find_organisation(outlet) is None and not outlet.endswith(("報", "报", "社")):
        return []
    if tail and find_organisation(tail) is None:
        return []
    names = [name for name in re.split(r"[、\s]+", match["names"]) if name]
    if not match["label"] and not all(name[0] in HAN_SURNAMES for name in names):
        return []  # no label: each a name opening with a common surname
    if not all(name_ok(name) for name in names):
        return []
    return [CreditEntry("reporter", name, "person", None, line.strip()) for name in names]


# "ដោយ:NAME/PLACE ៖ …", "ໂດຍ: NAME/PLACE: …": the label, one or two words of a name, a
# slash and the place, then the dateline's colon.
_LABEL_PLACE = re.compile(
    r"^\s*(?P<label>ដោយ|អត្ថបទ|ໂດຍ|ຂຽນໂດຍ)\s*[:៖：]\s*"
    r"(?P<name>[^\s/:៖：]{2,24}(?:\s[^\s/:៖：]{2,24})?)\s*/\s*(?P<place>[^/:៖：]{2,30}?)\s*[:៖：]"
)


def label_place(line: str, name_ok: NameCheck) -> list[CreditEntry]:
    """The reporter a Khmer or Lao dateline byline names ("ដោយ:NAME/PLACE ៖ …").

    >>> from archive.ingest.native_credits import _name_ok
    >>> [e.name for e in label_place("ដោយ:សុខា/ភ្នំពេញ ៖ នៅថ្ងៃនេះ", _name_ok)]
    ['សុខា']
    """
    match = _LABEL_PLACE.match(line)
    if match is None or not name_ok(match["name"]):
        return []
    found = label_role(match["label"])
    role: Role = found[0] if found else "reporter"
    return [CreditEntry(role, match["name"], "person", None, match.group().strip())]


# "and" between two names, in the languages we serve; a spaced dash joins names too.
_AND = re.compile(r"\s+(?:we|ۋە|вә|ве|និង|ແລະ|နှင့်|ႏွင့္|và|and|&)\s+", re.IGNORECASE)
# A spaced dash joins names in Latin script only, each in capitalised words ("Hoàng Nam -
# Thanh Huyền"); elsewhere "NAME - TITLE" is a writer over the piece's title.
_DASH = re.compile(r"\s+[-–—]\s+")
_HAN_AND = re.compile(rf"^({_HAN_NAME})[和与與]({_HAN_NAME})$")
_MAX_JOINED = 60


def joined_names(line: str, name_ok: NameCheck, story: str = "") -> list[CreditEntry]:
    """Two or three names joined by "and" alone on a line (read right under a headline).

    ``story`` is the story's text: a name it holds is a subject or a place.

    >>> from archive.ingest.native_credits import _name_ok
    >>> [e.name for e in joined_names("tursun ablet we nur ehmet", _name_ok)]
    ['tursun ablet', 'nur ehmet']
    """
    text = re.sub(r"[\s။.]+$", "", _fold(line).strip())
    if not text or len(text) > _MAX_JOINED:
        return []
    han = _HAN_AND.match(text)
    if han is not None:
        names = [han[1], han[2]]
        if not all(name[0] in HAN_SURNAMES for name in names):
            return []
    else:
        names = [part.strip() for part in _AND.split(text)]
        if len(names) == 1:
            names = [part.strip() for part in _DASH.split(text)]
            capitalised = (w[0].isupper() and ord(w[0]) < 0x250 for n in names for w in n.split())
            if len(names) > 1 and not all(capitalised):
                return []
    if not 2 <= len(names) <= 3:
        return []
    told = _fold(story).casefold()
    latin_words = [w for name in names for w in name.split() if ord(w[0]) < 0x250]
    if latin_words and not (
        all(w[0].isupper() for w in latin_words) or all(w.islower() for w in latin_words)
    ):
        return []  # names in capitals, or a page's lower-case names all through
    for name in names:
        words = name.split()
        if not 1 <= len(words) <= 3 or not all(_letters(w) for w in words):
            return []
        latin = all(ord(w[0]) < 0x250 for w in words)
        checked = name.title() if latin and name.islower() else name
        if not name_ok(checked) or (told and name.casefold() in told):
            return []
        if find_organisation(name) is not None:
            return []  # "NAME & AFP": a byline with its agency, the slot's to read
    return [CreditEntry("reporter", name, "person", None, line.strip()) for name in names]


# "NGUYỄN VĂN A |", "NAME/ OUTLET 22-9-2016": a name in capitals, a bar or a slash, then
# nothing, an outlet or a date.
_CAPITALS_BAR = re.compile(
    r"^\s*(?P<name>[^\s|/／\d]+(?:\s+[^\s|/／\d]+){0,3})\s*[|/／]\s*(?P<rest>.*)$"
)
_DATE = re.compile(r"\d{1,4}[-./]\d{1,2}[-./]\d{1,4}")


def capitals_bar(line: str, name_ok: NameCheck) -> list[CreditEntry]:
    """The person a name in capitals names before a bar or a slash.

    >>> from archive.ingest.native_credits import _name_ok
    >>> [e.name for e in capitals_bar("TRẦN VĂN BÌNH |", _name_ok)]
    ['TRẦN VĂN BÌNH']
    """
    match = _CAPITALS_BAR.match(line)
    if match is None:
        return []
    name = match["name"]
    if not all(_letters(word) for word in name.split()):
        return []
    rest = _DATE.sub("", match["rest"]).strip(" |/,-")
    outlet = bool(rest) and (find_organisation(rest) or re.fullmatch(r"[A-Z]{2,6}", rest))
    if rest and not outlet:
        return []
    if any(ord(ch) < 0x250 for ch in name if ch.isalpha()):
        if name != name.upper() or len(name.split()) < 2:
            return []  # two words in capitals at least: one is an acronym ("NATO |")
    elif not outlet or len(name.split()) > 3:
        return []  # another script's name: before its outlet ("NAME | DMG")
    if not name_ok(name):
        return []
    return [CreditEntry("reporter", name, "person", None, line.strip())]


# The labels of a page's source line ("Nguồn Znews: …", "Source:", "来源:").
_SOURCE_LINE = re.compile(
    r"^\s*(?:nguồn|source|来源|來源|出处|出處|ប្រភព|ແຫຼ່ງຂ່າວ|ທີ່ມາ|ရင်းမြစ်|출처)\b", re.IGNORECASE
)


def name_over_source(lines: list[str], name_ok: NameCheck, story: str = "") -> list[CreditEntry]:
    """The person named alone on the line over a page's source line ("NAME" / "Nguồn …").

    ``lines`` are the page's lines from the candidate on; blank lines between are skipped.

    >>> from archive.ingest.native_credits import _name_ok
    >>> [e.name for e in name_over_source(["Minh Anh", "", "Nguồn Báo X: http://x"], _name_ok)]
    ['Minh Anh']
    """
    if not lines:
        return []
    name = lines[0].strip()
    after = [text for text in lines[1:4] if text.strip()]
    if not name or not after or _SOURCE_LINE.match(_fold(after[0])) is None:
        return []
    if len(name.split()) > 4 or not is_plausible_name(name) or not name_ok(name):
        return []
    if story and _fold(name).casefold() in _fold(story).casefold():
        return []
    return [CreditEntry("reporter", name, "person", None, name)]
