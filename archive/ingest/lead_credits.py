"""Bylines glued to the head of the lead: the credit opens the paragraph, the story follows.

A saved page often loses the line break between the byline and the lead. The credit is then
read off the paragraph's head by its structure, the paragraph staying in the story:

- a "By" label, the names, then a dash: "By NAME – The story begins …";
- a "By" label, the names (two joined by "and", the outlet they write for after them), then a
  wire's dateline, the place in capitals: "By NAME KULAIJAYA, Feb 27 (Bernama) -- The story
  begins …", "By NAME and NAME The Associated Press PHNOM PENH, Cambodia (AP) — …";
- a name, a known outlet and a colon: "NAME, RFA: The story begins …";
- a label of an unspaced script, the name (one or two words), then the lead: "ໂດຍ: NAME ໃນ…",
  the name ending at the first word of the lead (a closed class of function words);
- a Korean dateline or address with a reporter's compound title: "[서울=OUTLET] NAME
  통일전문기자 = …", "NAME 기자, …?" (a broadcast's anchor turning to the reporter);
- a Chinese wire lead with its reporters in brackets, no label: "中新社PLACE DATE电 (NAME NAME)".
"""

from __future__ import annotations

import re
import unicodedata

from archive.ingest.bylines import (
    find_organisation,
    organisation_entry,
    read_credit_line,
    read_names,
)
from archive.ingest.credits import CreditEntry

__all__ = ["lead_head_credits"]

_MAX_BYLINE_CHARS = 60
# "By NAME – …", "By NAME -- …": the dash closes the byline (a name holds no spaced dash).
_BY_DASH = re.compile(r"^(?P<by>by\s+[^–—|]{3,60}?)\s+(?:--?|[–—])\s+(?=\S)", re.IGNORECASE)
# "By NAME PLACE, DATE (AGENCY) -- …": a wire's dateline run on after its byline, the place
# in capitals after the name's capitalised words (the case change ends the name, with or
# without a space: "By NAME Eun-jungSEOUL, …").
_BY_WIRE_DATELINE = re.compile(
    r"^(?i:by)\s+(?P<name>[A-Z][\w'’.-]*(?:\s+(?:[A-Z][\w'’.-]*?|bin|binti|bte|al|de|van|von|da|di))"
    r"{1,4}?(?:\s+(?:and|&)\s+[A-Z][\w'’.-]*(?:\s+(?:[A-Z][\w'’.-]*?|bin|binti|bte|al|de|van|von|da|di))"
    r"{1,4}?)?(?:\s+(?:The\s+)?[A-Z][\w'’.-]*){0,3}?)"
    r"(?:\s+|(?<=[a-z]))(?P<place>[A-Z][A-Z'’.-]+(?:[\s/]+[A-Z][A-Z'’.-]+){0,2})"
    r"(?:\s*,\s*[^()]{1,25}?)?\s*\((?P<agency>[^()]{2,30})\)\s*(?:--?|[–—])"
)
# "NAME, OUTLET: …": up to four capitalised words, a comma, the outlet, a colon.
_NAME_OUTLET_COLON = re.compile(
    r"^(?P<name>[^\W\d_][\w'’.-]*(?:\s+[^\W\d_][\w'’.-]*){0,3}),\s*(?P<org>[^,:]{2,30}?):\s+(?=\S)"
)
# A label of the Khmer or Lao byline, its separator optional: "ដោយ៖", "ໂດຍ:".
_UNSPACED_LABEL = re.compile(r"^(?P<label>ដោយ|ໂດຍ)\s*[:៖：]?\s*(?P<rest>\S.*)$")
# The words a lead opens with after a glued byline: prepositions, conjunctions, auxiliaries
# (Lao: in, at, that, has, and, of, from, for, say, by, when, about; Khmer: at, in, has, and,
# of, from, that, on, which).
_LEAD_WORDS = (
    "ໃນ", "ທີ່", "ໄດ້", "ແລະ", "ຂອງ", "ຈາກ", "ເພື່ອ", "ວ່າ", "ຕາມ", "ເມື່ອ", "ກ່ຽວກັບ", "ນັບແຕ່",
    "នៅ", "ក្នុង", "បាន", "និង", "របស់", "ពី", "ថា", "កាលពី", "ដែល", "សម្រាប់", "តាម",
)  # fmt: skip
_MAX_NAME_WORD = 12  # a word of a name is short; a run-on phrase of the lead is longer
_MIN_LEAD_CHARS = 40  # what follows the name is a paragraph, not a place or a date
# Korean: an optional "[PLACE=OUTLET]" dateline, the name, a title ending in 기자 (reporter)
# or 특파원 (correspondent), then "=" (the wire's lead) or "," (an anchor's question).
_KOREAN_TITLE_LEAD = re.compile(
    r"^(?:date\s+\S+\s+)?(?:[\[(][^\])=]{1,20}=[^\])]{1,20}[\])]\s*)?"
    r"(?P<name>[가-힣]{2,4})\s+(?P<title>[가-힣]{0,10}?(?:기자|특파원))\s*[=,]"
)
# Chinese wire lead without a label: "中新社瑞丽10月28日电 (NAME NAME)": the agency, a place
# and a date, "电" (wire), then only names of two to three characters in brackets.
_HAN_WIRE_NAMES = re.compile(
    r"^\s*(?P<agency>[\u3400-\u9fff]{2,6}?社)[\u3400-\u9fff]{0,8}\d{1,2}月\d{1,2}日[电電]\s*"
    r"[(（]\s*(?!记者|記者|编辑|編輯|通讯员|通訊員)(?P<names>[\u3400-\u9fff]{2,3}(?:[、\s]+[\u3400-\u9fff]{2,3})*)\s*[)）]"
)


def lead_head_credits(text: str) -> tuple[CreditEntry, ...]:
    """The credits a byline glued to the head of a paragraph states, else ().

    >>> [(e.role, e.name) for e in lead_head_credits("By Jane Doe – Rain fell all week.")]
    [('writer', 'Jane Doe')]
    """
    for reader in (
        _by_wire_dateline,
        _by_dash,
        _name_outlet_colon,
        _unspaced_label,
        _korean_title,
        _han_wire,
    ):
        found = reader(text)
        if found:
            return tuple(found)
    return ()


def _by_wire_dateline(text: str) -> list[CreditEntry]:
    """ "By NAME KULAIJAYA, Feb 27 (Bernama) -- …": the name's words are capitalised, not in
    capitals (the dateline's place is), and the agency is a known one: its reporter."""
    match = _BY_WIRE_DATELINE.match(text)
    if match is None or find_organisation(match["agency"]) is None:
        return []
    if any(len(word.strip(".")) > 2 and word.isupper() for word in match["name"].split()):
        return []  # "By JANE DOE SEOUL": no case change marks where the name ends
    raw = match.group().rstrip(" -–—")
    words = match["name"].split()
    # "by NAME Agence France Presse SEOUL, …": the outlet the name writes for closes it
    cut = next((at for at in range(1, len(words)) if find_organisation(" ".join(words[at:]))), None)
    name = " ".join(words[:cut])
    people = read_names(name, "reporter", raw, strict_case=True) or []
    return [e for e in people if e.kind == "person"]


def _by_dash(text: str) -> list[CreditEntry]:
    match = _BY_DASH.match(text)
    if match is None:
        return []
    return [e for e in read_credit_line(match["by"]) if e.kind == "person"]


def _name_outlet_colon(text: str) -> list[CreditEntry]:
    match = _NAME_OUTLET_COLON.match(text)
    if match is None or (info := find_organisation(match["org"])) is None:
        return []
    raw = match.group().rstrip(": ")
    people = read_names(match["name"], "reporter", raw, strict_case=True) or []
    if len(people) != 1 or people[0].kind != "person" or len(people[0].name.split()) < 2:
        return []
    return [people[0], organisation_entry("source", info, raw)]


def _unspaced_label(text: str) -> list[CreditEntry]:
    match = _UNSPACED_LABEL.match(text)
    if match is None:
        return []
    words = match["rest"].split()
    name: list[str] = []
    for word in words[:3]:
        if (
            word.startswith(_LEAD_WORDS)
            or len(word) > _MAX_NAME_WORD
            or not all(_is_letter(ch) for ch in word)
        ):
            break
        name.append(word)
    rest = " ".join(words[len(name) :])
    if not name or len(name) > 2 or len(rest) < _MIN_LEAD_CHARS:
        return []
    raw = f"{match['label']} {' '.join(name)}"
    return [e for e in read_names(" ".join(name), "reporter", raw, strict_case=True) or []
            if e.kind == "person"]  # fmt: skip


def _korean_title(text: str) -> list[CreditEntry]:
    match = _KOREAN_TITLE_LEAD.match(text)
    if match is None:
        return []
    return [CreditEntry("reporter", match["name"], "person", None, match.group().rstrip("=, "))]


def _han_wire(text: str) -> list[CreditEntry]:
    match = _HAN_WIRE_NAMES.match(text)
    if match is None or find_organisation(match["agency"]) is None:
        return []
    raw = match.group().strip()
    info = find_organisation(match["agency"])
    people = [
        CreditEntry("reporter", name, "person", None, raw)
        for name in re.split(r"[、\s]+", match["names"].strip())
    ]
    return [*people, *([organisation_entry("source", info, raw)] if info else [])]


def _is_letter(ch: str) -> bool:
    """A letter or a combining sign (the vowel signs of Lao and Khmer are marks)."""
    return unicodedata.category(ch)[0] in "LM"
