"""Credits written inside a story paragraph, which stays in the story.

"VOA's NAME has this report", "narrated by NAME", agency datelines ("BANGKOK (Reuters) -"),
Korean wire datelines and sign-offs, Chinese wire leads and radio sign-offs, bracketed
credits opening or closing a paragraph. Lines that are credits as a whole are read by
:mod:`archive.ingest.bylines`.
"""

from __future__ import annotations

import re

from archive.ingest.addresses import EMAIL_ADDRESS
from archive.ingest.bylines import (
    FURNITURE_WORDS,
    SENTENCE_ENDS,
    dedupe_credits,
    find_organisation,
    fold_text,
    organisation_entry,
    read_after_label,
    read_credit_line,
    read_labelled,
    read_names,
    read_sentence_form,
    read_slashed,
    read_source_line,
    words_recur,
)
from archive.ingest.credits import CreditEntry, Role
from archive.ingest.dates import date_line

__all__ = ["credits_in_prose"]

_NAME_WORDS = r"[^\W\d_][\w'’.-]*(?:\s+[^\W\d_][\w'’.-]*){0,4}?"
_REPORT_VERB = re.compile(
    r"\s+(?:has|have|had|filed|brings\s+us|sent)\s+(?:this|the\s+following|that|his|her|their)\s+"
    r"(?:report|story)\b"
)
_POSSESSIVE = re.compile(r"^(?P<org>.+?)['’]s$")


def _reporters_before(text: str, end: int) -> tuple[str, str | None]:
    """The capitalised names just before ``end`` ("VOA's Narin Sun| has this report"), and
    the outlet whose they are ("VOA"), read backwards to the sentence's edge."""
    words = text[:end].split()
    taken: list[str] = []
    while words:
        word = words.pop()
        if word[-1] in '.,;:!?"“”)' and taken:
            break
        if possessive := _POSSESSIVE.match(word):
            return " ".join(reversed(taken)), possessive["org"]
        if not (word[0].isupper() or word in ("and", "&")):
            break
        taken.append(word)
    return " ".join(reversed(taken)), None


_NARRATED = re.compile(rf"\b(?:narrated|read|voiced)\s+by\s+(?P<names>{_NAME_WORDS})(?=[.,;)]|$)")
# "BANGKOK (Reuters) -", "PHNOM PENH, Jan 2 (Xinhua) --", "SEOUL, May 3 (AP) —"
_AGENCY_DATELINE = re.compile(
    r"^(?:[^()\n]{2,60}?\((?P<agency>[^()\d]{2,30})\)\s*[-–—]"
    r"|\((?P<first>[^()\d]{2,30})\)\s+[^\W\d_][^\n]{0,60}?\s[-–—])"
)
# Korean broadcast and print credits in the story: "홍길동 기자 = …" opening the lead,
# "홍길동 기자의 보도입니다", "김철수 특파원이 단독 보도합니다", "KBS 뉴스 홍길동입니다".
_KOREAN_LEAD = re.compile(r"^(?P<name>[가-힣]{2,4})\s*(?:기자|특파원)\s*=")
_KOREAN_REPORTS = re.compile(
    r"(?<![가-힣])(?P<name>[가-힣]{2,4})\s*(?:기자|특파원)(?:의|이|가)?\s*(?:단독\s*)?"
    r"(?:보도입니다|보도합니다|취재했습니다|전합니다|입니다)"
)
# Burmese interview leads: "… RFA သတင်းထောက် NAME က မေးမြန်း…" (reporter NAME asked).
_BURMESE_REPORTER = re.compile(r"သတင်းထောက်\s+(?P<name>[\u1000-\u109f]{3,20})\s+က(?=[\s။]|$)")
# Uyghur: "(ئۆز) مۇخبىرىمىز NAME ، NAME خەۋىرى" — (our own) reporter NAME's report — in a run
# of text, in Arabic, Latin and Cyrillic script; each name one to three words.
_UYGHUR_NAME = r"[^\s،,.:]+(?:\s+[^\s،,.:]+){0,2}?"
_UYGHUR_REPORT = re.compile(
    rf"(?:مۇخبىرىمىز|muxbirimiz|мухбиримиз)\s+(?P<names>{_UYGHUR_NAME}(?:\s*[،,]\s*{_UYGHUR_NAME})*)"
    r"\s+(?:خەۋىرى|xewiri|хәвири)(?=[\s،,.:]|$)",
    re.IGNORECASE,
)
_KOREAN_SIGN_OFF = re.compile(
    r"(?P<outlet>[A-Z]{2,5}|[가-힣]{2,6})\s*뉴스\s*(?P<name>[가-힣]{2,4})입니다\.?\s*$"
)
# "(서울=연합뉴스) 홍길동 기자 =": Korean wire dateline with the reporter.
_KOREAN_DATELINE = re.compile(
    r"^[(\[](?P<place>[^=()]{1,20})=(?P<agency>[^()\]]{1,20})[)\]]\s*(?P<rest>[^=]{0,40}?)\s*=",
)
# A Korean byline in square brackets opening the lead, the outlet and an e-mail address
# optional: "[홍길동 기자(hong@example.com)] …", "[OUTLET 홍길동 기자] …".
_KOREAN_LEAD_BRACKET = re.compile(
    r"^\s*\[(?:(?P<outlet>[가-힣A-Za-z]{2,10})\s+)?(?P<names>[가-힣]{2,4}(?:\s*[·,]\s*[가-힣]{2,4})*)"
    rf"\s*(?:기자|특파원)\s*(?:[(<]?{EMAIL_ADDRESS}[)>]?)?\s*\]"
)
# Chinese agency leads and radio sign-offs: "新华社北京1月2日电（记者 张三）…",
# "以上是本台记者张三的采访报道。" (that was our reporter's report).
_HAN_NAMES = r"[\u3400-\u9fff]{2,4}(?:[、\s][\u3400-\u9fff]{2,4})*"
_HAN_WIRE_LEAD = re.compile(
    rf"^\s*(?P<agency>新华社|新華社|中新社|人民日报|人民日報)?[^()（）\s。，]{{0,16}}[电電]\s*"
    rf"[(（]\s*(?:记者|記者)\s*(?P<names>{_HAN_NAMES})\s*[)）]"
)
# "本报墨西哥城1月28日电记者张金江报道：" (our paper, PLACE DATE wire, reporter NAME reports):
# the wire lead without brackets, wherever the lead's markup residue puts it.
_HAN_WIRE_REPORTS = re.compile(
    rf"(?:本报|本報|新华社|新華社|中新社)[^()（）\s。，<>]{{0,16}}[电電]\s*(?:记者|記者)\s*"
    rf"(?P<names>{_HAN_NAMES}?)\s*(?:报道|報導|報道)"
)
# The station's or paper's own reporter named with the work ("本台新聞部記者NAME的特寫作品",
# this station's newsroom reporter NAME's feature): a desk ending in 部/组 may stand between;
# "本報記者綜合報導" (our reporters' compiled report) names no one.
_HAN_RADIO_SIGN_OFF = re.compile(
    r"(?:本台|本報|本报)(?:[\u3400-\u9fff]{1,4}?[部组組])?(?:记者|記者)\s*(?!綜合|综合)"
    r"(?P<name>[\u3400-\u9fff]{2,3}?)(?:的?(?:采访|採訪)?(?:报道|報導|报导)"
    r"|的(?:特寫|特写|專題|专题)?(?:作品|節目|节目))"
)
# Vietnamese: "NAME, phóng viên RFA …" opening the lead (the line is the lead's start).
_VI_REPORTER_LEAD = re.compile(
    r"^(?P<name>[A-ZĐÀ-Ỹ][^\W\d_]+(?:\s+[A-ZĐÀ-Ỹ][^\W\d_]+){0,3}),\s*phóng viên\s+"
    r"(?:đài\s+)?(?P<org>RFA|VOA|BBC)\b(?=\s*$|\s*[.:–—-]|\s+[A-ZĐÀ-Ỹ])"
)  # then a new sentence: "Hà Nội, phóng viên RFA ghi nhận …" is a place the reporter saw
# A dateline with the reporter and the outlet's tag opening the lead:
# "DATE NAME(VOM) PLACE၊ …" (Burmese, Khmer, Lao pages).
_DATE_NAME_TAG_LEAD = re.compile(
    r"^(?P<date>[^()]{4,30}?)\s+(?P<name>[\u1000-\u109f\u1780-\u17ff\u0e80-\u0eff]{2,24})"
    r"\s*\((?P<tag>[A-Z]{2,6})\)"
)
# A bracketed credit opening or closing a paragraph: "〔記者…／台北報導〕", "（编译/林靖东）".
_LEAD_BRACKET = re.compile(r"^\s*(?P<b>[(\[{〔【「<][^()\[\]{}〔〕【】「」<>]{2,60}[)\]}〕】」>])")
_END_BRACKET = re.compile(r"(?P<b>[(\[{〔【「<][^()\[\]{}〔〕【】「」<>]{2,60}[)\]}〕】」>])\s*$")


# "… Katie Arnold reports." / "… NAME reports from Yangon." closing a deck or a lead (a TV
# or radio teaser).
# A role noun may head the names: "…, ITV News US Correspondent NAME reports", "… as our
# Asia correspondent NAME reports" (the title says whose the name is).
_REPORTS_END = re.compile(
    r"(?:^|[.!?]\s+|\b(?i:correspondent|editor|reporter)\s+)(?P<names>[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){1,3}"
    r"(?:\s+and\s+[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){1,3})?)\s+reports"
    r"(?:\s+from\s+[A-Z][\w'’-]*(?:[\s,]+[A-Z][\w'’-]*){0,3})?\.?$"
)
# "By NAME </p> <p>ANKARA (AA) – …": a byline glued to the lead by markup residue.
_BY_BEFORE_MARKUP = re.compile(r"^(?P<by>by\s+[^<>]{3,60}?)\s*</?(?:p|br|div|span)\b", re.I)
# The contact line closing a story (Bloomberg's and the papers that follow it): "To contact
# the reporter on this story: NAME in CITY at ADDRESS", "To contact the editor responsible for
# this story: NAME at ADDRESS" — glued to the last paragraph once the address is gone.
_CONTACT = re.compile(
    r"(?:^|[.!?”\"]\s+)To contact the (?P<role>reporters?|editors?|writers?)"
    r"(?:\s+responsible\s+for|\s+on|\s+of)?\s+this\s+(?:story|article|report)\s*:\s*"
    r"(?P<names>[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){1,4}"
    r"(?:\s*(?:,|\band\b)\s*[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){1,4})*)"
    r"(?=\s+(?:in|at)\b|\s*$|\s*[;,.])"
)
# A writer's tagline: "NAME is an Associated Press writer.", "NAME is a Reuters correspondent
# based in Bangkok." — the outlet must be one the registry knows.
_TAGLINE = re.compile(
    r"\sis\s+an?\s+(?P<org>[A-Z][\w&.'’ -]{1,40}?)\s+(?:staff\s+)?"
    r"(?:writer|reporter|correspondent|journalist)"
    r"(?:\s+(?:based\s+)?in\s+[A-Z][\w ,'’-]{1,40})?\.?$"
)
_MAX_TAGLINE_NAME_WORDS = 3
# "… Full story at The Irrawaddy." / "Read more at Reuters".
_FULL_STORY_AT = re.compile(
    r"(?:^|[.!?]\s+|\s)(?:full\s+story|read\s+(?:the\s+)?(?:full\s+story|more))\s+"
    r"(?:at|on|from)\s+(?P<org>[^.!?]{2,40}?)\.?$",
    re.IGNORECASE,
)
# Chinese labelled clauses inside a run of text: "记者:张扬、马原驰 新华社…制作", "责任编辑:周冬 ".
_HAN_LABEL_CLAUSE = re.compile(
    r"(?<![\u3400-\u9fff])(?P<label>记者|記者|责任编辑|責任編輯|编辑|編輯|编译|編譯|作者|摄影|攝影)"
    r"\s*[:：]\s*(?P<names>[\u3400-\u9fff]{2,4}(?:[、，,][\u3400-\u9fff]{2,4})*)(?=\s|$|[|｜)）】〕])"
)


# "… (NAME, PROGRAMME, PLACE, DATE)" signing off a story's last paragraph.
_SIGNATURE_END = re.compile(r"[(（](?P<inner>[^()（）]{4,100})[)）]\s*$")
_MAX_SIGNATURE_PART = 30


def _read_signature(inner: str, raw: str) -> list[CreditEntry] | None:
    """A reporter's signature in brackets: a name, then places or a programme, then the
    date: "(NAME, Hello VOA, Washington, 31 December 2015)"; None unless all of it reads so."""
    parts = [part.strip() for part in re.split(r"[,，،]", inner)]
    for date_parts in (1, 2):  # "May 3, 2020" holds a comma of its own
        middle = parts[1 : len(parts) - date_parts]
        if len(parts) - date_parts < 1 or date_line(", ".join(parts[-date_parts:])) is None:
            continue
        if (
            not middle
            or len(middle) > 3
            or any(
                not part or len(part) > _MAX_SIGNATURE_PART or any(ch.isdigit() for ch in part)
                for part in middle
            )
        ):
            return None
        people = read_names(parts[0], "reporter", raw, strict_case=True)
        if not people or len(people) > 2 or any(e.kind != "person" for e in people):
            return None
        orgs = [info for part in middle if (info := find_organisation(part)) is not None]
        return people + [organisation_entry("source", info, raw) for info in orgs]
    return None


def _by_outlet_lead(text: str) -> list[CreditEntry]:
    """A byline glued to the lead, ended by the outlet: "by NAME Agence France Presse SEOUL,
    South Korea (AFP) — …" (the reporter and the outlet they write for)."""
    words = text.split(maxsplit=12)
    if len(words) < 4 or words[0].casefold() != "by":
        return []
    for cut in range(2, min(len(words) - 1, 6)):
        for span in range(min(4, len(words) - cut), 0, -1):
            info = find_organisation(" ".join(words[cut : cut + span]))
            if info is None:
                continue
            raw = " ".join(words[: cut + span])
            people = read_names(" ".join(words[1:cut]), "reporter", raw, strict_case=True)
            if people and all(e.kind == "person" for e in people):
                return [*people, organisation_entry("source", info, raw)]
            return []
    return []


def _tagline(text: str) -> list[CreditEntry]:
    """ "NAME is an Associated Press writer.": the name (up to three capitalised words before
    "is"; a name printed twice, "By NAME NAME is …", is one) and the outlet as source."""
    match = _TAGLINE.search(text)
    if match is None or (info := find_organisation(match["org"])) is None:
        return []
    words = text[: match.start()].split()
    taken: list[str] = []
    while words and len(taken) < _MAX_TAGLINE_NAME_WORDS:
        word = words[-1]
        if not word[:1].isupper() or word[-1] in '.,;:!?"”)' or (taken and word == taken[0]):
            break
        taken.append(words.pop())
    before = words[-1] if words else ""
    repeated = bool(taken) and before == taken[0]  # "By NAME NAME is …": the name twice
    if before and not (repeated or before.casefold() == "by" or before in "-–—"):
        return []  # the tagline is its own paragraph ("Her father NAME is …" in a story: no)
    raw = text[match.start() - len(" ".join(taken)) - 1 :].strip()
    people = read_names(" ".join(reversed(taken)), "reporter", raw, strict_case=True) or []
    if len(people) != 1 or people[0].kind != "person" or len(people[0].name.split()) < 2:
        return []
    return [people[0], organisation_entry("source", info, raw)]


def credits_in_prose(paragraph: str) -> tuple[CreditEntry, ...]:
    """Credits written into a story paragraph (its first or last); the text stays in the story.

    Reads "VOA's NAME has this report … narrated by NAME", an agency dateline
    ("BANGKOK (Reuters) -"), a Korean wire dateline ("(서울=연합뉴스) 홍길동 기자 ="), and a
    bracketed credit that opens or closes the paragraph ("〔記者…／台北報導〕", "（编译/…）").
    """
    text = fold_text(paragraph)
    entries: list[CreditEntry] = []
    if by := _BY_BEFORE_MARKUP.match(text):
        entries.extend(read_credit_line(by["by"]))
    else:
        entries.extend(_by_outlet_lead(text))
    for verb in _REPORT_VERB.finditer(text):
        names, owner = _reporters_before(text, verb.start())
        if owner is None and re.search(r"\b(?:his|her|their)\s", verb.group()):
            continue  # "She has her story to tell": only "OUTLET's NAME has her story" reads
        org = find_organisation(owner or "")
        raw = text[max(0, verb.start() - len(names) - len(owner or "") - 3) : verb.end()]
        found = read_names(names, "reporter", raw, strict_case=True) if names else None
        if found:
            entries.extend(
                CreditEntry(e.role, e.name, e.kind, org.key if org else e.service_key, e.raw)
                for e in found
            )
            if org is not None:
                entries.append(organisation_entry("source", org, raw))
    for match in _NARRATED.finditer(text):
        entries.extend(
            read_names(match["names"], "narrator", match.group(), strict_case=True) or []
        )
    if dateline := _AGENCY_DATELINE.match(text):
        info = find_organisation(dateline["agency"] or dateline["first"])
        if info is not None and info.is_organization:
            entries.append(organisation_entry("source", info, dateline.group()))
    if wire := _KOREAN_DATELINE.match(text):
        info = find_organisation(wire["agency"])
        if info is not None:
            entries.append(organisation_entry("source", info, wire.group()))
        if wire["rest"]:
            entries.extend(read_after_label(wire["rest"], wire.group()) or [])
    for korean in (_KOREAN_LEAD.match(text), *_KOREAN_REPORTS.finditer(text)):
        if korean is not None:
            entries.append(CreditEntry("reporter", korean["name"], "person", None, korean.group()))
    for uyghur in _UYGHUR_REPORT.finditer(text):
        names_u = uyghur["names"].replace("،", ",")
        entries.extend(read_names(names_u, "reporter", uyghur.group(), strict_case=False) or [])
    for burmese in _BURMESE_REPORTER.finditer(text):
        name = burmese["name"]
        if not name.startswith(("တစ်", "များ")):  # "a reporter", "reporters"
            entries.append(CreditEntry("reporter", name, "person", None, burmese.group()))
    if sign_off := _KOREAN_SIGN_OFF.search(text):
        entries.append(CreditEntry("reporter", sign_off["name"], "person", None, sign_off.group()))
        if (info := find_organisation(sign_off["outlet"])) is not None:  # "KBS 뉴스 NAME입니다"
            entries.append(organisation_entry("source", info, sign_off.group()))
    for contact in _CONTACT.finditer(text):
        role: Role = "editor" if contact["role"].startswith("editor") else "reporter"
        raw_c = contact.group().lstrip('.!?”" ')
        found_c = read_names(contact["names"], role, raw_c, strict_case=True)
        entries.extend(e for e in found_c or [] if e.kind == "person")
    if reports := _REPORTS_END.search(text):
        raw = reports.group().lstrip(".!? ")
        names_r = reports["names"]
        owner_r = re.match(r"^(?P<org>\S+)['’]s\s+(?P<rest>.+)$", names_r)
        if owner_r is not None:  # "VOA's NAME reports.": the outlet is not in the name;
            # "Smith's Jane reports": an owner we do not know is no byline.
            names_r = owner_r["rest"] if find_organisation(owner_r["org"]) is not None else ""
        found_r = read_names(names_r, "reporter", raw, strict_case=True) if names_r else None
        found_r = found_r or []
        # "The Daily Herald reports.": an outlet reports, not a person.
        if all(
            e.kind == "person"
            and not any(w.casefold().strip(".") in FURNITURE_WORDS for w in e.name.split())
            for e in found_r
        ):
            entries.extend(found_r)
    entries.extend(_tagline(text))
    if full := _FULL_STORY_AT.search(text):
        info = find_organisation(full["org"])
        if info is not None:
            entries.append(organisation_entry("source", info, full.group().strip()))
    for clause in _HAN_LABEL_CLAUSE.finditer(text):
        entries.extend(read_labelled(clause.group(), clause.group()) or [])
    if (
        (tagged := _DATE_NAME_TAG_LEAD.match(text))
        and date_line(tagged["date"]) is not None
        and tagged["name"] not in text[tagged.end() :]  # a place recurs in the story
        and find_organisation(tagged["tag"]) is None  # "DATE PLACE(AFP)": an agency's dateline
    ):
        found_t = read_names(tagged["name"], "reporter", tagged.group(), strict_case=True) or []
        entries.extend(e for e in found_t if e.kind == "person")
    if wire_han := _HAN_WIRE_LEAD.match(text) or _HAN_WIRE_REPORTS.search(text):
        for name in re.split(r"[、\s]+", wire_han["names"].strip()):
            entries.append(CreditEntry("reporter", name, "person", None, wire_han.group().strip()))
    for sign_off_han in _HAN_RADIO_SIGN_OFF.finditer(text):
        entries.append(
            CreditEntry("reporter", sign_off_han["name"], "person", None, sign_off_han.group())
        )
    if vi_lead := _VI_REPORTER_LEAD.match(text):
        found_vi = read_names(vi_lead["name"], "reporter", vi_lead.group(), strict_case=True) or []
        entries.extend(e for e in found_vi if e.kind == "person")
    if korean_bracket := _KOREAN_LEAD_BRACKET.match(text):
        outlet = korean_bracket["outlet"]
        info = find_organisation(outlet) if outlet else None
        if outlet is None or info is not None:  # "[서울 홍길동 기자]"? a word we cannot place
            raw = korean_bracket.group().strip()
            for name in re.split(r"\s*[·,]\s*", korean_bracket["names"]):
                entries.append(CreditEntry("reporter", name, "person", None, raw))
            if info is not None:
                entries.append(organisation_entry("source", info, raw))
    for pattern in (_LEAD_BRACKET, _END_BRACKET):
        if pattern is _LEAD_BRACKET and korean_bracket is not None:
            continue  # read above; "[OUTLET NAME 기자]" would make the outlet a person
        if bracket := pattern.search(text):
            before = text[: bracket.start()].rstrip()
            if pattern is _END_BRACKET and before and not before.endswith(SENTENCE_ENDS):
                continue  # "Headline (ដោយ NAME)": a related link's byline, not this story's
            found_b = (
                read_labelled(bracket["b"], bracket["b"])
                or read_slashed(bracket["b"], bracket["b"])
                or read_sentence_form(bracket["b"], bracket["b"])  # "(Editing by NAME)"
                or (read_source_line(bracket["b"], bracket["b"]) if pattern is _LEAD_BRACKET
                    else None)  # "[BenarNews] Six people were killed …"
            )  # fmt: skip
            # "(Photo: NAME)" closes a caption: the photographer is furniture's credit.
            entries.extend(e for e in found_b or [] if e.role != "photographer")
    if (signature := _SIGNATURE_END.search(text)) and text[: signature.start()].rstrip().endswith(
        SENTENCE_ENDS
    ):
        found_s = _read_signature(signature["inner"], signature.group().strip()) or []
        # "(Phnom Penh, Cambodia, DATE)": a "name" the story speaks of is a place
        if not words_recur(found_s, [text[: signature.start()]]):
            entries.extend(found_s)
    return tuple(dedupe_credits(entries))
