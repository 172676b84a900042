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

from archive.analysis.zawgyi import has_myanmar, zawgyi_to_unicode
from archive.identity.services import ServiceInfo
from archive.identity.services import resolve_service as _resolve
from archive.ingest.credits import CreditEntry
from archive.ingest.furniture import PHOTO_CAPTION

__all__ = ["leading_outlet", "outlet_of_address", "outlets_named"]

_MAX_OUTLET_WORDS = 6
_MAX_OUTLET_CHARS = 24

# Labels saying "source" (of the story) in our languages; a separator follows.
# A source label opening its line may set the outlet off by a space alone ("Nguồn Znews:
# URL", "Credit to OUTLET"): the registry must know the words after it.
_LINE_SOURCE_LABEL = re.compile(
    r"^\s*[(（\[]?(?:information\s+source|sources?|nguồn(?:\s+tin)?|credit\s+to|(?:新聞|新闻|文章|消息)?"
    r"(?:来源|來源)|출처|ប្រភព|ແຫຼ່ງຂ່າວ|ཡོང་ཁུངས།?|مەنبە)\s+(?P<rest>\S.*)",
    re.IGNORECASE,
)
_SOURCE_LABEL = re.compile(
    r"(?:^|(?<=[\s|｜【\[(（]))"
    r"(?:information\s+source|sources?|nguồn(?:\s+tin)?|(?:新聞|新闻|文章|消息)?(?:来源|來源)|稿源|出处|出處|출처|ប្រភព"
    r"|ແຫຼ່ງຂ່າວ|ແຫຼ່ງທີ່ມາ|ཡོང་ཁུངས|مەنبە|منبە|menbe|мәнбә|мənbə)"
    r"(?:\s*[།]?\s*[:：]|།(?=\s))\s*(?P<rest>\S.*)",
    re.IGNORECASE,
)
# A Chinese wire dateline: "新华社北京1月2日电", "人民网北京5月14日电", "中国侨网1月25日电".
_HAN_WIRE = re.compile(
    r"^\s*(?P<head>[\u3400-\u9fff]{2,12}?)\s*\d{1,2}\s*月\s*\d{1,2}\s*日\s*[电電]"
)
# The outlet and its reporter in brackets: "(自由亞洲電台記者NAME採訪報導)", "（中央社記者NAME）".
# "According to" may open the bracket: "(据中广新闻记者NAME汉城报导)".
_HAN_BRACKET_REPORTER = re.compile(
    r"[(（](?:据|據)?(?P<head>[\u3400-\u9fffA-Za-z]{2,12}?)(?:记者|記者)"
)
# The outlet opening a bracket that closes on its report, whoever made it: "(自由亚洲电台
# “心灵之旅”访谈节目主持人NAME采访报道DATE)".
_HAN_BRACKET_REPORT = re.compile(
    r"^\s*[(（](?P<head>[^()（）]{2,60}?)(?:采访报道|採訪報導|报道|報導|报导|報道)[^()（）]{0,20}[)）]"
)
# A paper's own dispatch in brackets opening the lead: "【明報專訊】", "【OUTLET讯】", "[OUTLET訊]",
# "【OUTLET消息】" ("news of"); the outlet may carry its time: "【OUTLET北京時間2021年10月25日訊】".
_HAN_DISPATCH = re.compile(
    r"^\s*[【\[〔](?P<head>[^【】\[\]〔〕]{2,30}?)(?:專訊|专讯|快訊|快讯|訊|讯|消息)[】\]〕]"
)
# The outlet alone in the lead's opening bracket: "【圆明网】…" (the registry must know all of it;
# a column's or a section's name stands there as often).
_HAN_BRACKETED_NAME = re.compile(r"^\s*【(?P<head>[^【】]{2,12})】")
# A wire dateline after a stamp glued to the lead ("… 18:23 +0800中新网连城6月2日电"): the
# dateline stands within the line's first characters, right after a digit, a space or a mark.
_HAN_WIRE_GLUED = re.compile(
    r"(?:^|(?<=[\s\d+\]】)）|｜]))(?P<head>[\u3400-\u9fff]{2,12}?)\s*\d{1,2}\s*月\s*\d{1,2}\s*日\s*[电電]"
)
_GLUED_REACH = 48
# A Tibetan dispatch: "OUTLET + genitive + འཕྲིན།" ("the news of OUTLET") opening the lead.
_TIBETAN_DISPATCH = re.compile(r"^\s*(?P<head>[\u0f00-\u0fff]{4,60}?)(?:འི|ཡི|གི|ཀྱི|གྱི)་འཕྲིན[།༎]")
# "VIENTIANE (Laotian Times):", "LUANG NAMTHA, Laos (Vientiane Times/ANN) –", "Yangon (AsiaNews) –"
# The place may be left out: "(VOVWORLD) - …", "(Xinhua) -- …".
_BRACKET_DATELINE = re.compile(
    r"^(?:[^()\n]{2,60}?)?\s*\((?P<head>[^()\d]{2,40}?)(?:/[A-Z]{2,6})?\)\s*(?:[-–—]{1,2}|:)"
)
# "Tokyo (AFP) Tokyo could …": the dash lost when the page was saved; a place of up to three
# capitalised words before the agency.
_BARE_BRACKET_DATELINE = re.compile(
    r"^\s*[A-Z][\w.'-]*(?:\s+[A-Z][\w.'-]*){0,2}(?:,\s*[A-Z][\w.'-]*(?:\s+[A-Z][\w.'-]*){0,2})?"
    r"\s*\((?P<head>[^()\d]{2,40}?)\)\s+(?=[A-Z\"“])"
)
# A credit line closing on its outlet in brackets: "သတင်းထောက် ။ ။ NAME (OUTLET)", "NAME (Xinhua)".
_BRACKETED_OUTLET_END = re.compile(r"[(（](?P<head>[^()（）]{2,40})[)）]\s*$")
_MAX_CREDIT_LINE = 100
# "VOV.VN - …", "GĐXH - …": the outlet's mark and a dash opening the lead (Vietnamese papers'
# convention, the Latin-script sibling of "(Dân trí) -"); the registry must know the whole mark.
_OUTLET_DASH = re.compile(
    r"^\s*(?P<head>[^\W\d_][\w.&]{1,15}(?:\s[\w.&]{1,15}){0,2}?)\s+[-–—]\s+(?=\w)"
)
# A site's name as its mark: "VOV.VN", "VTV.vn" name the outlet without the domain's suffix.
_SITE_SUFFIX = re.compile(r"\.(?:vn|com|net|org|cn|kh|la)$", re.IGNORECASE)
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


def resolve_service(text: str) -> ServiceInfo | None:
    """The registry's entry for an outlet's name, its Burmese also read as Zawgyi (a page in
    the old font names "ဆင္ဟြာ" what the registry spells "ဆင်ဟွာ"): lookup only, the page's
    text is kept as it stands."""
    found = _resolve(text)
    if found is None and has_myanmar(text):
        converted = zawgyi_to_unicode(text)
        if converted != text:
            found = _resolve(converted)
    return found


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


# An address: its host's registrable name is the outlet's ("https://tuoitrenews.vn/…" →
# "tuoitrenews", "www.rfa.org/…" → "rfa"); a country code's second level ("com.vn",
# "co.kr") is part of the suffix.
_ADDRESS = re.compile(
    r"^(?:https?://)?(?:www\d?\.)?(?P<host>[a-z0-9-]+(?:\.[a-z0-9-]+)+)(?:[/:?#]|$)", re.I
)
_ADDRESS_PATH = re.compile(r"^/(?P<part>[a-z]{3,12})(?:[/?#]|$)", re.I)
_SECOND_LEVEL = frozenset({"com", "co", "org", "net", "gov", "edu", "ac", "or", "go", "info"})


def outlet_of_address(address: str) -> ServiceInfo | None:
    """The outlet an address's host names, if the registry knows it."""
    match = _ADDRESS.match(address.strip())
    if match is None:
        return None
    labels = match["host"].lower().split(".")
    if len(labels) >= 3 and len(labels[-1]) == 2 and labels[-2] in _SECOND_LEVEL:
        labels = labels[:-1]
    name = labels[-2]
    if len(name) < 2:
        return None
    # "www.rfa.org/uyghur/…": the path's first part may name the outlet's language service
    path = _ADDRESS_PATH.match(address.strip()[match.end() - 1 :])
    if path is not None and (service := _resolve(f"{name} {path['part']}")) is not None:
        return service
    return _resolve(name)


def _source_label(line: str) -> CreditEntry | None:
    match = _SOURCE_LABEL.search(line) or _LINE_SOURCE_LABEL.match(line)
    if match is None:
        return None
    rest = match["rest"].strip()
    if _ADDRESS.match(rest) and "." in rest.split()[0]:
        info = outlet_of_address(rest.split()[0])
        return _entry(info, line[match.start() :]) if info is not None else None
    if (found := leading_outlet(match["rest"])) is None:
        return None
    info, named = found
    # the outlet's words as the line spaces them (the prefix joined them by one space)
    spaced = re.compile(r"\s+".join(map(re.escape, named.split())))
    named_at = spaced.search(line, match.start("rest"))
    return _entry(info, line[match.start() : named_at.end() if named_at else len(line)])


def _opening(line: str) -> CreditEntry | None:
    """An outlet's dateline or bracketed reporter opening a lead paragraph."""
    for pattern in (
        _HAN_WIRE,
        _TIBETAN_DISPATCH,
        _HAN_DISPATCH,
        _HAN_BRACKET_REPORT,
    ):
        if (match := pattern.match(line)) and (found := leading_outlet(match["head"])):
            return _entry(found[0], match.group())
    if (match := _HAN_BRACKETED_NAME.match(line)) and (info := _whole_outlet(match["head"])):
        return _entry(info, match.group())
    if (match := _OUTLET_DASH.match(line)) and (
        info := _whole_outlet(_SITE_SUFFIX.sub("", match["head"]))
    ):
        return _entry(info, match.group())
    glued = _HAN_WIRE_GLUED.search(line[:_GLUED_REACH])
    if glued and (found := leading_outlet(glued["head"])):
        return _entry(found[0], glued.group())
    if (bracket := _HAN_BRACKET_REPORTER.search(line[:40])) and (
        found := leading_outlet(bracket["head"])
    ):
        return _entry(found[0], bracket.group())
    for pattern in (_BRACKET_DATELINE, _COMMA_DATELINE, _BARE_BRACKET_DATELINE):
        if (match := pattern.match(line)) and (info := _whole_outlet(match["head"])):
            return _entry(info, match.group())
    return None


# A copyright line: the mark or word, the years, then the outlet ("© 2021 Khmer Times. All
# rights reserved", "Copyright (c) 2019 RFA", "<저작권자(c) 연합뉴스, 무단 전재-재배포 금지>",
# "版權所有 © 明報"); or the outlet, then its reserved rights ("OUTLET 版權所有").
_COPYRIGHT = re.compile(
    r"(?:copyright|[©ⓒⒸ]|\(c\)|版權所有|版权所有|저작권자|bản\s+quyền(?:\s+thuộc\s+về)?"
    r"|រក្សាសិទ្ធិ(?:គ្រប់យ៉ាង)?(?:ដោយ)?|ສະຫງວນລິຂະສິດ(?:ໂດຍ)?|မူပိုင်ခွင့်)"
    r"(?P<rest>.*)",
    re.IGNORECASE,
)
_COPYRIGHT_FILLER = re.compile(
    r"^(?:\s|[-–—:：,.©ⓒⒸ]|\(c\)|copyright|\d{4}(?:\s*[-–—]\s*\d{4})?|by|thuộc\s+về|ដោយ|ໂດຍ)+",
    re.IGNORECASE,
)
_RESERVED = re.compile(
    r"(?P<head>\S.{1,40}?)\s*(?:版權所有|版权所有|all\s+rights\s+reserved)", re.I
)
_MAX_COPYRIGHT_LINE = 160
_COPYRIGHT_OPENING = re.compile(
    r"^\W{0,3}(?:copyright|[©ⓒⒸ]|\(c\)|저작권자|版權所有|版权所有)", re.I
)
_FOOTER_REACH = 12


def _copyright(line: str) -> CreditEntry | None:
    """The outlet a copyright line names, if the registry knows it."""
    if len(line) > _MAX_COPYRIGHT_LINE:
        return None
    if (match := _COPYRIGHT.search(line)) is not None:
        rest = _COPYRIGHT_FILLER.sub("", match["rest"])
        if rest and (found := leading_outlet(rest)):
            return _entry(found[0], line)
    if (reserved := _RESERVED.search(line)) is not None:
        head = _COPYRIGHT_FILLER.sub("", _COPYRIGHT.sub("", reserved["head"]))
        if head and (info := _whole_outlet(head)):
            return _entry(info, line)
    return None


# The site's name heading the page or the headline: a line that is the outlet's name, or a
# headline with it set off at either end ("The Epoch Times - HEADLINE", "HEADLINE | OUTLET").
_TITLE_PARTS = re.compile(r"\s+[-–—|｜]\s+|\s*[|｜]\s*")
_MAX_SITE_LINE = 160
_MAX_TITLE_PARTS = 3
_HEADER_REACH = 3


def _site_name(line: str) -> CreditEntry | None:
    """The outlet a header line or a headline names at its start or end, if the registry
    knows it."""
    line = line.strip()
    if not line or len(line) > _MAX_SITE_LINE:
        return None
    parts = [part for part in _TITLE_PARTS.split(line) if part.strip()]
    if not parts or len(parts) > _MAX_TITLE_PARTS:
        return None  # bars alone, or a menu's items
    for part in dict.fromkeys((parts[0], parts[-1])):
        if (info := _whole_outlet(part)) is not None:
            return _entry(info, line)
    return None


_MARKED_OPENING_REACH = 8
_HAN_REPORTER_AT_START = re.compile(
    r"^\s*[(（](?:据|據)?(?P<head>[\u3400-\u9fffA-Za-z]{2,12}?)(?:记者|記者)"
)


def _openings(line: str) -> list[CreditEntry]:
    """The outlets opening a lead: a paper's dispatch may head another outlet's report
    ("【大紀元7月28日訊】(自由亞洲電台記者NAME採訪報導)…": the paper reposts the radio's)."""
    found = [entry] if (entry := _opening(line)) is not None else []
    dispatch = _HAN_DISPATCH.match(line)
    if dispatch is not None and (inner := _opening(line[dispatch.end() :])) is not None:
        found.append(inner)
    return found


def _marked_opening(line: str) -> CreditEntry | None:
    """An outlet in a bracket opening the line ("(中央社記者NAME台北18日電)", "【明報專訊】")."""
    for pattern in (_HAN_REPORTER_AT_START, _HAN_DISPATCH, _HAN_BRACKET_REPORT):
        if (match := pattern.match(line)) and (found := leading_outlet(match["head"])):
            return _entry(found[0], match.group())
    return None


def _bracketed_outlet(line: str) -> CreditEntry | None:
    """The outlet closing a short credit line in brackets ("NAME (Xinhua)"), not a sentence's
    aside ("… said on Sunday (Reuters)" is a sign-off, read apart)."""
    text = line.strip()
    if len(text) > _MAX_CREDIT_LINE or PHOTO_CAPTION.search(text) or text.endswith("。"):
        return None
    match = _BRACKETED_OUTLET_END.search(text)
    if match is None or not text[: match.start()].strip():
        return None
    if re.search(r"[.!?。]\s*$", text[: match.start()]):
        return None
    info = _whole_outlet(match["head"])
    return _entry(info, text) if info is not None else None


def _sign_off(line: str) -> CreditEntry | None:
    """An outlet signing off the story's last paragraph: "… — Bernama", "… (Reuters)"."""
    for pattern in (_DASH_SIGN_OFF, _BRACKET_SIGN_OFF):
        if (match := pattern.search(line)) and (info := _whole_outlet(match["head"])):
            return _entry(info, match.group().lstrip('.!?。”"’) '))
    return None


# The parts of a byline-shaped line: "NAME | OUTLET", "By NAME - NAME - OUTLET -",
# "NAME/OUTLET", "NAME, OUTLET", "DATE | OUTLET | By NAME".
_SLOT_PARTS = re.compile(r"\s*[|｜/／]\s*|\s+[-–—]+(?:\s+|$)|[,،]\s+")
_MAX_SLOT_LINE = 100
_BY = re.compile(r"^by\s+", re.IGNORECASE)
# A Vietnamese job title before the outlet ("Mặc Lâm, biên tập viên RFA").
_VI_TITLE = re.compile(
    r"^(?:phóng\s+viên|biên\s+tập\s+viên|thông\s+tín\s+viên|cộng\s+tác\s+viên)\s+", re.I
)


def _slot_outlet(line: str) -> CreditEntry | None:
    """An outlet standing as one part of a short byline-shaped line under the headline."""
    if len(line) > _MAX_SLOT_LINE or not _SLOT_PARTS.search(line.strip()):
        return None
    if PHOTO_CAPTION.search(line) or line.lstrip().startswith(("/", "／")):
        return None  # "(攝影/REUTERS/NAME)", "/연합뉴스": a photo's agency, not the story's
    for part in _SLOT_PARTS.split(line.strip()):
        part = _VI_TITLE.sub("", _BY.sub("", part))
        if (info := _whole_outlet(part)) is not None:
            return _entry(info, line)
    return None


# A republisher's notice naming where the story first ran, opening its line: "Originally
# posted by the Voice of America.", "This article was originally published by OUTLET",
# "Republished with permission from OUTLET", "First published on OUTLET".
_REPOST_NOTICE = re.compile(
    r"^\s*[(\[*_]*(?:(?:this|the)\s+(?:article|story|report|post|piece|content)\s+"
    r"(?:(?:was|is|has\s+been)\s+)?)?"
    r"(?:(?:originally|first)\s+(?:posted|published|appeared|aired|broadcast|ran)"
    r"|(?:re-?published|reprinted|reposted)(?:\s+with\s+(?:kind\s+)?permission)?)"
    r"\s+(?:by|on|in|at|from|via)\s+(?P<rest>\S.*)",
    re.IGNORECASE,
)
_MAX_NOTICE_LINE = 300


def _repost_notice(line: str) -> CreditEntry | None:
    """The outlet a republisher's notice names as the story's first publisher."""
    if len(line) > _MAX_NOTICE_LINE or (match := _REPOST_NOTICE.match(line)) is None:
        return None
    rest = match["rest"].strip()
    if _ADDRESS.match(rest) and "." in rest.split()[0]:
        info = outlet_of_address(rest.split()[0])
        return _entry(info, match.group()) if info is not None else None
    found = leading_outlet(rest)
    return _entry(found[0], match.group()) if found is not None else None


# A Korean broadcast report's close: the station (its news) and the reporter ("MBC뉴스
# 김민찬입니다.", "KBS 뉴스 NAME입니다", "YTN NAME입니다"), the page may cut it short ("…
# 김민찬입니"); the station must be one the registry knows.
_KO_BROADCAST_CLOSE = re.compile(
    r"(?:^|(?<=[\s.\]”\"]))(?P<head>[A-Za-z0-9가-힣]{2,10}?)(?:\s*뉴스)?\s+[가-힣]{2,4}\s*"
    r"(?:입니다|입니|였습니다)"
)


def _broadcast_close(line: str) -> CreditEntry | None:
    """The station a Korean broadcast report closes on."""
    if (match := _KO_BROADCAST_CLOSE.search(line)) is None:
        return None
    info = _whole_outlet(match["head"] + " 뉴스") or _whole_outlet(match["head"])
    return _entry(info, match.group()) if info is not None else None


# A line that is the outlet's name alone, closing the story ("Xinhua", "PRI’s The World").
_MAX_CLOSING_NAME = 40
_CLOSING_REACH = 5


_SENTENCE_CLOSE = re.compile(r"[.!?。”\"’)]\s*$")
_PARAGRAPH_CHARS = 100


def _closes_story(texts: Sequence[str], index: int) -> bool:
    """Whether a line stands where a story's closing credit stands: after a sentence's end
    or a byline ("By NAME"), with no paragraph under it (a name between a caption and the
    next paragraph credits the photo)."""
    above = [t.strip() for t in texts[max(0, index - 3) : index] if t.strip()]
    below = [t.strip() for t in texts[index + 1 : index + 4] if t.strip()][:2]
    if not above or not (_SENTENCE_CLOSE.search(above[-1]) or _BY.match(above[-1])):
        return False
    return all(len(t) < _PARAGRAPH_CHARS for t in below)


def _closing_name(line: str) -> CreditEntry | None:
    text = line.strip(" \t\u00a0-–—")
    if not text or len(text) > _MAX_CLOSING_NAME:
        return None
    info = _whole_outlet(text)
    return _entry(info, line.strip()) if info is not None else None


# A Chinese photo's or video's credit naming the outlet that made it ("新华社记者 NAME 摄",
# "新華社發(NAME 攝)", "新华社音视频部制作"): on a page that names no other outlet, the
# outlet whose pictures or report the page carries.
_HAN_MADE_BY = re.compile(
    r"(?:^|(?<=[\s。)）(（]))(?P<head>[\u3400-\u9fff]{2,8}?)(?:"
    r"(?:记者|記者)\s*[\u3400-\u9fff]{2,4}(?:\s*[、,，\s]\s*[\u3400-\u9fff]{2,4})*\s*(?:摄|攝)"
    r"|(?:发|發)\s*[(（][^()（）]{2,16}(?:摄|攝)[)）]"
    r")"
)
# "新华社音视频部制作": the outlet, its department, "made (it)", alone on its line; or the
# agency's "distributed" under a photo ("新華社發").
_HAN_PRODUCED = re.compile(
    r"^\s*[(（]?(?P<head>[\u3400-\u9fff]{2,16}?)(?:制作|製作|出品|发|發)[)）]?\s*$"
)


def _made_by(line: str) -> CreditEntry | None:
    if (produced := _HAN_PRODUCED.match(line)) and (found := leading_outlet(produced["head"])):
        return _entry(found[0], produced.group())
    for match in _HAN_MADE_BY.finditer(line):
        if (found := leading_outlet(match["head"])) is not None:
            return _entry(found[0], match.group())
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
    closing = range(max(0, last), min(len(texts), last + 4))
    for index in [*range(max(0, top), min(len(texts), first + 2)), *closing]:
        if (entry := _bracketed_outlet(texts[index])) is not None:
            found.append(entry)
    for index in range(max(0, top - _HEADER_REACH), min(len(texts), top + 1)):
        if (entry := _site_name(texts[index])) is not None:
            found.append(entry)
    paragraphs = [i for i in range(first, last + 1) if len(texts[i].strip()) >= 20]
    for index in paragraphs[:3]:
        found.extend(_openings(texts[index]))
    # The lead may stand under a few lines of chrome the story kept (a cookie notice, an app's
    # banner): an outlet's bracketed reporter or dispatch opening a line further down.
    for index in dict.fromkeys([top, *paragraphs[3:_MARKED_OPENING_REACH]]):
        if not 0 <= index < len(texts):
            continue
        if (entry := _marked_opening(texts[index])) is not None:
            found.append(entry)
    for index in paragraphs[-3:]:
        if (entry := _sign_off(texts[index])) is not None:
            found.append(entry)
    # The story's closing lines and the few under them (the story's span may hold the
    # page's footer, or lose its last paragraph to it): a broadcast's close, the outlet's
    # name alone on a line.
    closing = range(max(first, last - _CLOSING_REACH), min(len(texts), last + 4))
    for index in closing:
        if _closes_story(texts, index) and (entry := _closing_name(texts[index])) is not None:
            found.append(entry)
    # A broadcast's close stands at its report's end, which the span may run past (a
    # station's tip-off notice under it): any line from the story's first down.
    for text in texts[max(0, first) : last + 4]:
        if (entry := _broadcast_close(text)) is not None:
            found.append(entry)
            break
    for text in texts:
        if (entry := _repost_notice(text)) is not None:
            found.append(entry)
    # The page's copyright line, in the footer under the story.
    # (The story's span may run to the page's end: its last lines are read too, where a
    # copyright line must open with its mark: "… in Myanmar. © AFP" closes a photo's caption.)
    footer = range(max(first, last - _CLOSING_REACH), min(len(texts), last + 1 + _FOOTER_REACH))
    for index in footer:
        if index <= last and _COPYRIGHT_OPENING.match(texts[index]) is None:
            continue
        if (entry := _copyright(texts[index])) is not None:
            found.append(entry)
            break
    if not found:
        for text in texts[: last + 1 + _FOOTER_REACH]:
            if (entry := _made_by(text)) is not None:
                found.append(entry)
                break
    unique: dict[str | None, CreditEntry] = {}
    for entry in found:
        unique.setdefault(entry.service_key, entry)
    return list(unique.values())
