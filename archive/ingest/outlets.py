"""The agency or outlet a page names by the structures news pages share in every language.

A source label and the outlet after it ("来源:新华社 责任编辑:…", "Source: Xinhua Updated:
…", "ཡོང་ཁུངས། : OUTLET", "مەنبە: OUTLET"), a wire dateline opening the lead ("新华社北京1月2日电",
"OUTLET་འི་འཕྲིན།", "VIENTIANE (OUTLET/ANN):", "SEOUL, OUTLET --"), the outlet in brackets with
its reporter ("(自由亞洲電台記者NAME採訪報導)") and a sign-off closing the story ("… — OUTLET",
"… (OUTLET)"). Every outlet must be one the service registry knows: these readers give
organisation credits (role ``source``), never a person.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

from archive.identity.services import ServiceInfo, resolve_service
from archive.ingest.credits import CreditEntry
from archive.ingest.furniture import PHOTO_CAPTION

__all__ = ["leading_outlet", "outlets_named"]

_MAX_OUTLET_WORDS = 6
_MAX_OUTLET_CHARS = 24

# Labels saying "source" (of the story) in our languages; a separator follows.
_SOURCE_LABEL = re.compile(
    r"(?:^|(?<=[\s|｜【\[(（]))"
    r"(?:information\s+source|sources?|nguồn(?:\s+tin)?|(?:新聞|新闻|文章|消息)?(?:来源|來源)|稿源|出处|出處|출처|ប្រភព"
    r"|ແຫຼ່ງຂ່າວ|ແຫຼ່ງທີ່ມາ|ཡོང་ཁུངས|مەنبە|منبە|menbe|мәнбә|мənbə)"
    r"\s*[།]?\s*[:：]\s*(?P<rest>\S.*)",
    re.IGNORECASE,
)
# A Chinese wire dateline: "新华社北京1月2日电", "人民网北京5月14日电", "中国侨网1月25日电".
_HAN_WIRE = re.compile(
    r"^\s*(?P<head>[\u3400-\u9fff]{2,12}?)\s*\d{1,2}\s*月\s*\d{1,2}\s*日\s*[电電]"
)
# The outlet and its reporter in brackets: "(自由亞洲電台記者NAME採訪報導)", "（中央社記者NAME）".
_HAN_BRACKET_REPORTER = re.compile(r"[(（](?P<head>[\u3400-\u9fffA-Za-z]{2,12}?)(?:记者|記者)")
# A Tibetan dispatch: "OUTLET + genitive + འཕྲིན།" ("the news of OUTLET") opening the lead.
_TIBETAN_DISPATCH = re.compile(r"^\s*(?P<head>[\u0f00-\u0fff]{4,60}?)(?:འི|ཡི|གི|ཀྱི|གྱི)་འཕྲིན[།༎]")
# "VIENTIANE (Laotian Times):", "LUANG NAMTHA, Laos (Vientiane Times/ANN) –", "Yangon (AsiaNews) –"
_BRACKET_DATELINE = re.compile(
    r"^[^()\n]{2,60}?\((?P<head>[^()\d]{2,40}?)(?:/[A-Z]{2,6})?\)\s*(?:[-–—]{1,2}|:)"
)
# "SEOUL, UPI --", "HONG KONG, Jul 30, 2020, RTHK." : a capitalised place, the outlet, a dash.
_COMMA_DATELINE = re.compile(
    r"^[A-Z][A-Z .'-]{1,30},\s*(?:[A-Z][a-z]{2,8}\.?\s+\d{1,2},\s*(?:\d{4},\s*)?)?"
    r"(?P<head>[A-Z][\w&.' -]{1,30}?)\s*(?:[-–—]{1,2}|\.)\s"
)
# "… next year. — Bernama", "… the refugees. — Anadolu Agency", "… on Sunday. -Bernama".
_DASH_SIGN_OFF = re.compile(r"[.!?。”\"’)]\s*[-–—―]{1,2}\s*(?P<head>[^-–—―.!?。]{2,40}?)\s*$")
# "… said on Sunday. (Reuters)": the outlet alone in brackets after the last sentence (a bare
# name there closes a photo's caption as often: "… on Thursday. Yonhap").
_BRACKET_SIGN_OFF = re.compile(r"[.!?。”\"’]\s*[(（](?P<head>[^()（）]{2,30})[)）]\s*$")


def _prefixes(text: str) -> Iterator[str]:
    """The text's leading word runs, longest first, then (for text written without spaces)
    the first word's leading characters, longest first."""
    words = text.split()[:_MAX_OUTLET_WORDS]
    for count in range(len(words), 0, -1):
        yield " ".join(words[:count])
    if words:
        first = words[0][:_MAX_OUTLET_CHARS]
        for end in range(len(first) - 1, 1, -1):
            yield first[:end]


def leading_outlet(text: str) -> tuple[ServiceInfo, str] | None:
    """The agency or outlet the text opens with, if the registry knows it: the longest
    leading run of words (or, unspaced, of characters) that names one, and that run."""
    for prefix in _prefixes(text.strip(" \t.,;:|｜/()（）[]【】")):
        info = resolve_service(prefix.strip(" \t.,;:|｜/()（）[]【】-–—"))
        if info is not None:
            return info, prefix
    return None


def _whole_outlet(text: str) -> ServiceInfo | None:
    """The outlet the whole text names (after a dash, in brackets), if the registry knows it."""
    text = text.strip(" \t.,;:|｜/()（）[]【】-–—")
    return resolve_service(text) if text else None


def _entry(info: ServiceInfo, raw: str) -> CreditEntry:
    return CreditEntry("source", info.name, "service", info.key, raw.strip())


def _source_label(line: str) -> CreditEntry | None:
    match = _SOURCE_LABEL.search(line)
    if match is None:
        return None
    if (found := leading_outlet(match["rest"])) is None:
        return None
    info, named = found
    return _entry(info, line[match.start() : line.index(named, match.start("rest")) + len(named)])


def _opening(line: str) -> CreditEntry | None:
    """An outlet's dateline or bracketed reporter opening a lead paragraph."""
    for pattern in (_HAN_WIRE, _TIBETAN_DISPATCH):
        if (match := pattern.match(line)) and (found := leading_outlet(match["head"])):
            return _entry(found[0], match.group())
    if (bracket := _HAN_BRACKET_REPORTER.search(line[:40])) and (
        found := leading_outlet(bracket["head"])
    ):
        return _entry(found[0], bracket.group())
    for pattern in (_BRACKET_DATELINE, _COMMA_DATELINE):
        if (match := pattern.match(line)) and (info := _whole_outlet(match["head"])):
            return _entry(info, match.group())
    return None


def _sign_off(line: str) -> CreditEntry | None:
    """An outlet signing off the story's last paragraph: "… — Bernama", "… (Reuters)"."""
    for pattern in (_DASH_SIGN_OFF, _BRACKET_SIGN_OFF):
        if (match := pattern.search(line)) and (info := _whole_outlet(match["head"])):
            return _entry(info, match.group().lstrip('.!?。”"’) '))
    return None


# The parts of a byline-shaped line: "NAME | OUTLET", "By NAME - NAME - OUTLET -",
# "NAME/OUTLET", "NAME, OUTLET", "DATE | OUTLET | By NAME".
_SLOT_PARTS = re.compile(r"\s*[|｜/／]\s*|\s+[-–—]+(?:\s+|$)|,\s+")
_MAX_SLOT_LINE = 100
_BY = re.compile(r"^by\s+", re.IGNORECASE)


def _slot_outlet(line: str) -> CreditEntry | None:
    """An outlet standing as one part of a short byline-shaped line under the headline."""
    if len(line) > _MAX_SLOT_LINE or not _SLOT_PARTS.search(line.strip()):
        return None
    if PHOTO_CAPTION.search(line) or line.lstrip().startswith(("/", "／")):
        return None  # "(攝影/REUTERS/NAME)", "/연합뉴스": a photo's agency, not the story's
    for part in _SLOT_PARTS.split(line.strip()):
        if (info := _whole_outlet(_BY.sub("", part))) is not None:
            return _entry(info, line)
    return None


def outlets_named(texts: Sequence[str], *, top: int, first: int, last: int) -> list[CreditEntry]:
    """The outlets a page names by structure, as ``source`` organisation credits.

    Args:
        texts: The page's lines.
        top: The headline's line (or the story's first when it has none): a source label
            may stand just above it or in the lines under it.
        first: The story's first line; the short lines from the headline down to it are
            read for a byline naming the outlet ("NAME | OUTLET"), its first three
            paragraphs for a wire dateline.
        last: The story's last line; its last three paragraphs are read for a sign-off, and
            the lines just under it for a source label.
    """
    found: list[CreditEntry] = []
    for index in range(max(0, top - 2), min(len(texts), last + 6)):
        if (entry := _source_label(texts[index])) is not None:
            found.append(entry)
    for index in range(max(0, top), min(len(texts), first + 2)):
        if (entry := _slot_outlet(texts[index])) is not None:
            found.append(entry)
    paragraphs = [i for i in range(first, last + 1) if len(texts[i].strip()) >= 20]
    for index in paragraphs[:3]:
        if (entry := _opening(texts[index])) is not None:
            found.append(entry)
    for index in paragraphs[-3:]:
        if (entry := _sign_off(texts[index])) is not None:
            found.append(entry)
    unique: dict[str | None, CreditEntry] = {}
    for entry in found:
        unique.setdefault(entry.service_key, entry)
    return list(unique.values())
