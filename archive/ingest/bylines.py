"""Bylines and credit lines in every common form, outlet and script, read line by line.

:mod:`archive.ingest.credits` reads the credit *sentence* ("Reported by … Translated by …").
This module decides which *lines* of a page are credits and reads the other forms:

- labelled lines: ``By NAME and NAME``, ``记者 NAME``, ``〔編譯NAME/綜合報導〕``, ``NAME 기자``,
  ``Phóng viên: NAME``, ``ដោយ NAME``, ``ໂດຍ NAME``, ``Muxbirimiz NAME`` …;
- end lines: ``NAME contributed to this report``, ``(Reporting by …; Editing by …)``, an
  agency line (``— AFP``, ``Source: Xinhua``), ``Copyright © RFA. Used with permission``;
- lines that are credits by their place: a name alone under the headline (above the date
  line or a place line), or alone as the story's last line;
- credits inside the first or last paragraph, which stay in the story: ``VOA's NAME has
  this report``, ``BANGKOK (Reuters) -``, ``〔記者NAME／台北報導〕``, ``（编译/NAME）``.

Structural rules (position, length, label words, the shape of a name) decide; lists hold
only label words and the registry's outlet names. Precision comes first: a line is a credit
only if every part of it reads as one.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from archive.identity.names import clean_person_name
from archive.identity.services import ServiceInfo, resolve_service, service_key_for
from archive.ingest.addresses import EMAIL_ADDRESS
from archive.ingest.credits import CreditEntry, Role, looks_like_credit_line, parse_credit_line
from archive.ingest.dash_credits import BylineReaders
from archive.ingest.dash_credits import read_dash_parts as _read_dash_parts
from archive.ingest.dates import date_line, parse_date_text
from archive.ingest.lineweight import line_weight
from archive.ingest.not_persons import names_no_person
from archive.ingest.signed_credits import read_signed
from archive.ingest.textcache import text_cache

__all__ = [
    "FURNITURE_WORDS",
    "LABEL_PATTERNS",
    "MAX_SOURCE_CHARS",
    "SENTENCE_ENDS",
    "CreditLines",
    "bare_name",
    "dedupe_credits",
    "find_byline",
    "find_credit_lines",
    "find_inline_bylines",
    "find_organisation",
    "fold_text",
    "heads_a_post",
    "is_credit_line",
    "is_latin",
    "is_plausible_name",
    "names_opinion_section",
    "opinion_role",
    "organisation_entry",
    "read_after_label",
    "read_credit_line",
    "read_labelled",
    "read_names",
    "read_outlet_date",
    "read_sentence_form",
    "read_slashed",
    "read_source_line",
    "second_by_name",
    "states_role",
    "story_source",
    "words_recur",
]


@dataclass(frozen=True, slots=True)
class CreditLines:
    """Lines of a page found to be credits.

    Attributes:
        indices: Offsets (into the sequence searched) of the lines that leave the story:
            the credit lines and the date or place lines that belong to a byline.
        credit_indices: Those of ``indices`` that hold credits.
        entries: The credits read from them, in page order.
    """

    indices: tuple[int, ...]
    credit_indices: tuple[int, ...]
    entries: tuple[CreditEntry, ...]


# --- names ------------------------------------------------------------------------------

_MAX_LINE_CHARS = 160
_MAX_NAME_CHARS = 40
_MAX_NAME_WORDS = 5
# Characters a name may hold besides letters and marks: spaces, dots of initials,
# apostrophes, hyphens, the middle dot of transliterated names, the Tibetan tsheg, ZWNJ/ZWJ.
_NAME_EXTRA = frozenset(" .'’ʼ-·་\u200c\u200d")
_NAME_PARTICLES = frozenset(
    {"de", "da", "di", "del", "van", "von", "der", "den", "du", "dos", "la", "le", "bin",
     "binti", "ibn", "al", "el", "y", "ter", "ten", "zu", "văn", "thị"}
)  # fmt: skip
_TITLES = re.compile(
    r"^(?:(?:mr|mrs|ms|dr|prof|sir|dame|rev|lok|lok\s+srey|ông|bà|anh|chị)\.?\s+"
    r"|លោកស្រី\s*|លោក\s*|ທ່ານ\s*|ທ້າວ\s*|ນາງ\s*)",
    re.IGNORECASE,
)
_EMAIL = re.compile(rf"\s*[(<\[]?{EMAIL_ADDRESS}[)>\]]?")
_PARENTHESES = re.compile(r"\s*[(\[][^()\[\]]*[)\]]\s*$")
# A Latin outlet tag glued to a name in another script: "ទេព សុរ៉ាវីRFA".
_GLUED_TAG = re.compile(r"(?<=[^\x00-\x7f\s])(?P<tag>[A-Z][A-Za-z]{1,12})$")
_SLASH_TAG = re.compile(r"\s*/\s*(?P<tag>[^/]+)$")
# A case change inside a Latin word, where a saved page ran the byline into the outlet
# under it ("Jack KimReuters", "NAMEAssociated Press"): the outlet may start there.
_CASE_CHANGE = re.compile(r"(?<=[a-z])(?=[A-Z])")
# A writer's title under the byline, run on the same way ("John RoeSenior Writer", "NAMEWorld
# editor"): up to four words ending in a newsroom role.
_GLUED_TITLE_ENDS = frozenset(
    {"writer", "reporter", "correspondent", "editor", "columnist", "contributor"}
)
_MAX_TITLE_WORDS = 4
# One word ending in capitals after a small letter ("CamboJA", "VietnamNET"): a brand.
_BRAND_TAG = re.compile(r"[A-Z][a-z]+[A-Z]{2,}")
_STAFF = re.compile(
    r"^(?:(?P<org>.+?)\s+)?(?:staff(?:\s+(?:reporters?|writers?|correspondents?))?"
    r"|(?:our\s+)?correspondents?|reporters|agencies|news\s+desk|newsroom)$",
    re.IGNORECASE,
)
# Words of photo credits and social sites: "AP Photo", "(Photo: Facebook)", "File photo",
# "Getty Images" are captions' furniture, never a person.
_NOT_NAME_WORDS = frozenset(
    {"photo", "photos", "file", "image", "images", "picture", "video", "screenshot", "handout",
     "courtesy", "supplied", "stringer", "getty", "facebook", "twitter", "youtube", "instagram",
     "telegram", "weibo", "wechat", "tiktok", "line", "x", "social", "media", "internet",
     "ئۈچۈن", "üchün", "үчүн",  # Uyghur "for": "(prepared) for OUTLET" is no name
     # Burmese section names (domestic, international, politics, economy, health, sports,
     # articles, news, entertainment) standing alone at a page's end
     "ပြည်တွင်း", "နိုင်ငံတကာ", "နိုင်ငံရေး", "စီးပွားရေး", "ကျန်းမာရေး", "အားကစား", "ဆောင်းပါး",
     "သတင်း", "ဖျော်ဖြေရေး"}
)  # fmt: skip
_HAN = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
_HANGUL = re.compile(r"[\uac00-\ud7a3]")
# Scripts written without spaces between words (Burmese, Khmer, Lao, Thai); a name's word
# there is short ("ခင်မောင်စိုး", "ສຳນານ"), a phrase runs on ("ຖະແຫຼງຂ່າວກ່ຽວກັບການເລືອກຕັ້ງ…").
_UNSPACED = re.compile(r"[\u1000-\u109f\u1780-\u17ff\u0e00-\u0eff]")
_MAX_UNSPACED_WORD = 24
_HANGUL_ENDINGS = frozenset("을를은는가의에한된던고서와과도만로며면다요")
# Words that stand before 기자 (reporter) but name no one: "our", "this paper's", "local",
# "photo", "video", "foreign", "the reporters of North and South Korea …".
_HANGUL_NOT_NAMES = frozenset(
    {"우리", "본사", "본지", "현지", "담당", "사진", "영상", "취재", "외신", "전문", "방송",
     "남측", "북측", "남한", "북한", "한국", "미국", "일본", "중국", "해외", "여성", "남성"}
)  # fmt: skip


# Compatibility forms worth folding before reading: Arabic presentation forms (Uyghur pages
# saved from old sites), full-width and vertical punctuation. Other text is kept as written
# (NFKC would change Lao and Tibetan vowel signs).
_FOLD_RANGES = ((0xFB50, 0xFDFF), (0xFE30, 0xFE4F), (0xFE70, 0xFEFF), (0xFF00, 0xFFEF))


def fold_text(text: str) -> str:
    """``text`` with compatibility forms (see :data:`_FOLD_RANGES`) replaced by plain ones."""
    if not text or max(text) < "\ufb50":
        return text  # nothing to fold (the common case, read at C speed)
    return "".join(
        unicodedata.normalize("NFKC", ch)
        if any(low <= ord(ch) <= high for low, high in _FOLD_RANGES)
        else ch
        for ch in text
    )


def is_latin(text: str) -> bool:
    """Whether the letters of a text are Latin (names in Latin script have case)."""
    letters = [ch for ch in text if ch.isalpha()]
    return bool(letters) and all(unicodedata.name(ch, "").startswith("LATIN") for ch in letters)


def _plausible_name(name: str, *, strict_case: bool) -> bool:
    """Whether a cleaned text has the shape of a person's name in any script.

    ``strict_case``: in Latin script every word must be capitalised (or a particle), as
    names in running English are; labelled lines in other languages may be lower case
    ("Muxbirimiz qutlan", "责任编辑：alonliu").
    """
    if not name or len(name) > _MAX_NAME_CHARS or not name[0].isalpha():
        return False
    if any(word.casefold().strip(".") in _NOT_NAME_WORDS for word in name.split()):
        return False
    if not all(ch in _NAME_EXTRA or unicodedata.category(ch)[0] in "LM" for ch in name):
        return False
    words = name.split()
    if len(words) > _MAX_NAME_WORDS or any(not word.strip("-.'’ʼ·") for word in words):
        return False  # "NAME - TITLE": a dash between words joins a name to something else
    if is_latin(name):
        # "From Tribune News Services": words of outlets and page furniture, never a name's
        # (short words are left out: "An", "To" are names' words too).
        if any(len(w) > 3 and w.casefold().strip(".") in FURNITURE_WORDS for w in words):
            return False
        if strict_case:
            # a particle opens a name only capitalised ("Van Phuc", "Le Minh"; not "van der")
            return all(w[0].isupper() or w.casefold() in _NAME_PARTICLES for w in words) and (
                words[0][0].isupper()
            )
        return True
    if _HAN.search(name):
        # a verb closing a label's clause ("报道", "攝") is not part of a name
        return all(1 < len(w) <= 4 and w[-1] not in _HAN_REPORT_VERBS for w in words)
    if _UNSPACED.search(name) and any(len(w) > _MAX_UNSPACED_WORD for w in words):
        return False  # Lao, Khmer, Burmese: a long run without a space is a phrase
    if _HANGUL.search(name):
        # Korean names are two to four syllables; a word ending in a particle or a verb
        # ending ("사건을", "취재한") is running text.
        return all(
            1 < len(w) <= 4 and w[-1] not in _HANGUL_ENDINGS and w not in _HANGUL_NOT_NAMES
            for w in words
        )
    return True


def is_plausible_name(name: str) -> bool:
    """Whether a cleaned name has a person's name's shape in its script, capitalised in
    Latin script (the test the rule readers put a name "By" gives to)."""
    return _plausible_name(name, strict_case=True)


def _clean(text: str) -> str:
    """A name as written, without the email, title or parenthesised place around it."""
    text = _EMAIL.sub("", text)
    text = _PARENTHESES.sub("", text)
    text = clean_person_name(text).strip(" \t:：-–—|/")
    text = _TITLES.sub("", text)
    return clean_person_name(text.rstrip("།༎ ་"))


def find_organisation(text: str) -> ServiceInfo | None:
    """The registry entry a text names, if it names a known service, agency or outlet."""
    text = text.strip(" \t.,;:()[]-–—/|")
    return resolve_service(text) if text else None


def organisation_entry(role: Role, info: ServiceInfo, raw: str) -> CreditEntry:
    return CreditEntry(role, info.name, "service", info.key, raw)


def _outlet_then_place(text: str) -> ServiceInfo | None:
    """The outlet a text names before its place: "VOA Khmer Phnom Penh", "RFA Bangkok"."""
    words = text.split()
    for cut in range(len(words) - 1, 0, -1):
        place = " ".join(words[cut:])
        if len(words) - cut <= 3 and _plausible_name(place, strict_case=True):
            info = find_organisation(" ".join(words[:cut]))
            if info is not None:
                return info
    return None


def read_names(text: str, role: Role, raw: str, *, strict_case: bool) -> list[CreditEntry] | None:
    """Read a list of names ("A and B", "A, B", "张三 李四"); None if any part is not one.

    An item may carry an outlet ("NAME/BenarNews", "NAMERFA", "NAME for RFA") that becomes a
    credit of its own; a service or outlet may stand for a person ("By RFA Khmer");
    "staff" lines ("By Staff reporters", "BenarNews staff") credit the outlet, if named.
    """
    entries: list[CreditEntry] = []
    parts = [p for p in re.split(r"\s*(?:,|，|、|;|&|\band\b|\bvà\b|និង|ແລະ|및|།)\s*", text) if p]
    if not parts:
        return None
    for part in parts:
        part = part.strip()
        if not part:
            continue
        tags: list[str] = []
        if (slash := _SLASH_TAG.search(part)) and find_organisation(slash["tag"]) is not None:
            tags.append(slash["tag"])
            part = part[: slash.start()]
        elif slash and find_organisation(head := part[: slash.start()]) is not None:
            tags.append(head)  # "Khmer Times/NAME": the outlet first
            part = slash["tag"]
        for prep in (" for ", " of ", " with "):
            head, found, tail = part.partition(prep)
            if found and find_organisation(tail) is not None:
                tags.append(tail)
                part = head
        if (glued := _GLUED_TAG.search(part)) and find_organisation(glued["tag"]) is not None:
            tags.append(glued["tag"])
            part = part[: glued.start()]
        elif (cut := _glued_outlet(part)) is not None:
            tags.append(part[cut:])
            part = part[:cut]
        elif (cut := _glued_title(part)) is not None:
            part = part[:cut]  # "NAMESenior Writer": the title under the name, run on
        org = find_organisation(part) or _outlet_then_place(part)
        if org is not None:
            entries.append(organisation_entry(role, org, raw))
            continue
        if entries and _BRAND_TAG.fullmatch(part):
            continue  # "NAME, CamboJA": an outlet's brand after the name, no second person
        if staff := _STAFF.match(part.strip()):
            owner = find_organisation(staff["org"] or "")
            if owner is not None:
                entries.append(organisation_entry(role, owner, raw))
            continue  # "By Gateway reporters": the outlet's staff, no one by name
        name = _clean(part)
        split = name.split() if _HAN.search(name) or _HANGUL.search(name) else [name]
        for one in split:
            if not _plausible_name(one, strict_case=strict_case):
                return None
            service = find_organisation(tags[0]) if tags else None
            entries.append(CreditEntry(role, one, "person", service.key if service else None, raw))
        for tag in tags:
            info = find_organisation(tag)
            if info is not None and info.is_organization:
                entries.append(organisation_entry("source", info, raw))
    return entries


def _glued_outlet(part: str) -> int | None:
    """Where a known outlet glued to a Latin name begins ("Jack KimReuters" → 8), else None.

    The outlet starts at a small letter's capital inside a word and runs to the end; the
    name before it keeps two letters of its last word at least ("McDonald" stays whole:
    "Donald" names no outlet)."""
    if not is_latin(part):
        return None
    for change in _CASE_CHANGE.finditer(part):
        cut = change.start()
        head = part[:cut].split()
        if head and len(head[-1]) >= 2 and find_organisation(part[cut:]) is not None:
            return cut
    return None


def _glued_title(part: str) -> int | None:
    """Where a writer's title glued to a Latin name begins ("John RoeSenior Writer" → 8):
    up to four words from a small letter's capital on, the last a newsroom role, after a
    name of two words at least."""
    if not is_latin(part):
        return None
    for change in _CASE_CHANGE.finditer(part):
        cut = change.start()
        head = part[:cut].split()
        tail = part[cut:].casefold().split()
        if (
            len(head) >= 2  # a name's words ("BenarNews staff" is an outlet's)
            and len(head[-1]) >= 2
            and 0 < len(tail) <= _MAX_TITLE_WORDS
            and tail[-1] in _GLUED_TITLE_ENDS
        ):
            return cut
    return None


# --- labelled lines ---------------------------------------------------------------------

# Labels written before the name: (label, role, needs a separator after it). A separator
# is required where the label is also an everyday word that could open a sentence.
_BEFORE_LABELS: tuple[tuple[str, Role, bool], ...] = (
    ("本报记者", "reporter", False), ("本報記者", "reporter", False),
    ("特约记者", "reporter", False), ("特約記者", "reporter", False),
    ("实习记者", "reporter", False), ("實習記者", "reporter", False),
    ("通讯员", "reporter", False), ("通訊員", "reporter", False),
    ("记者", "reporter", False), ("記者", "reporter", False),
    ("编译", "translator", False), ("編譯", "translator", False),
    ("翻译", "translator", False), ("翻譯", "translator", False),
    ("译者", "translator", False), ("譯者", "translator", False),
    ("责任编辑", "editor", False), ("責任編輯", "editor", False),
    ("责编", "editor", False), ("責編", "editor", False),
    ("编辑", "editor", False), ("編輯", "editor", False),
    ("作者", "writer", False), ("撰文", "writer", False), ("撰稿", "writer", False),
    ("文", "writer", True), ("摄影", "photographer", False), ("攝影", "photographer", False),
    ("来源", "source", True), ("來源", "source", True), ("稿源", "source", True),
    ("기자", "reporter", True), ("특파원", "reporter", True), ("편집", "editor", True),
    ("글", "writer", True), ("사진", "photographer", True),
    ("취재", "reporter", True), ("작성자", "writer", True),
    ("phóng viên", "reporter", True), ("pv", "reporter", True),
    ("biên tập viên", "editor", True), ("biên tập", "editor", True),
    ("người dịch", "translator", True), ("dịch giả", "translator", True),
    ("biên dịch", "translator", True), ("chuyển ngữ", "translator", True),
    ("lược dịch", "translator", True),
    ("dịch", "translator", True), ("tác giả", "writer", True), ("ảnh", "photographer", True),
    ("theo", "source", True), ("nguồn", "source", True),
    ("bài và ảnh", "writer", True), ("bài viết", "writer", True), ("bài", "writer", True),
    ("thực hiện", "reporter", True),
    ("អ្នកយកព័ត៌មាន", "reporter", True), ("ដោយ", "reporter", True),
    ("ប្រែសម្រួលដោយ", "translator", True), ("រៀបរៀងដោយ", "writer", True),
    ("អត្ថបទដោយ", "writer", True), ("អត្ថបទ", "writer", True),
    ("ນັກຂ່າວ", "reporter", True), ("ໂດຍ", "reporter", True),
    ("ລາຍງານໂດຍ", "reporter", True), ("ຂຽນໂດຍ", "writer", True), ("ແປໂດຍ", "translator", True),
    ("ئوبزورچىمىز", "writer", True), ("obzorchimiz", "writer", True),
    ("обзорчимиз", "writer", True),
    ("သတင်းထောက်", "reporter", True), ("ဘာသာပြန်", "translator", True),
    ("ရေးသားသူ", "writer", True), ("ဆောင်းပါးရှင်", "writer", True),
    ("རྩོམ་སྒྲིག་པ", "editor", True), ("རྩོམ་པ་པོ", "writer", True),
    ("སྒྱུར་མཁན", "translator", True), ("ཡིག་སྒྱུར", "translator", True),
    ("སྙན་སྒྲོན་པ", "reporter", True),
    ("记者署名", "reporter", True), ("記者署名", "reporter", True),
    ("媒体来源", "source", True), ("媒體來源", "source", True),
    ("文章来源", "source", True), ("文章來源", "source", True),
    ("영상취재", "photographer", True), ("영상편집", "editor", True),
    # "volunteer reporter": the whole phrase is the label, never part of the name
    ("ئىختىيارىي مۇخبىرىمىز", "reporter", True), ("ixtiyariy muxbirimiz", "reporter", True),
    ("ихтиярий мухбиримиз", "reporter", True),
    ("مۇخبىرىمىز", "reporter", True), ("مۇخبىر", "reporter", True),
    ("muxbirimiz", "reporter", True), ("muxbir", "reporter", True),
    ("мухбиримиз", "reporter", True), ("мухбир", "reporter", True),
    ("reporter", "reporter", True), ("reporting", "reporter", True),
    ("correspondent", "reporter", True), ("writer", "writer", True), ("author", "writer", True),
    ("editor", "editor", True), ("editing", "editor", True),
    ("translator", "translator", True), ("translation", "translator", True),
    ("narrator", "narrator", True), ("photos?", "photographer", True),
    ("source", "source", True), ("sources", "source", True),
)  # fmt: skip
# Labels written after the name (Korean): "홍길동 기자", "홍길동 특파원".
_AFTER_LABELS: tuple[tuple[str, Role], ...] = (
    ("기자", "reporter"), ("특파원", "reporter"), ("편집", "editor"),
)  # fmt: skip
_OPEN = "([{〔【「<"
_CLOSE = ")]}〕】」>"
_PUNCT_SEPARATOR = r"\s*[:=|/·•\-–—།៖]+\s*"
# Labels that are English words: they need punctuation after them ("Source: …").
_ENGLISH_LABELS = frozenset(
    {"reporter", "reporting", "correspondent", "writer", "author", "editor", "editing",
     "translator", "translation", "narrator", "photos?", "source", "sources",
     "bài và ảnh", "bài viết", "bài", "thực hiện",  # Vietnamese: also open sentences
     "អត្ថបទ"}  # Khmer "text": "អត្ថបទ៖ NAME", but also "អត្ថបទ នេះ" (this article)
)  # fmt: skip


def _label_pattern(label: str, needs_separator: bool) -> re.Pattern[str]:
    """How one label stands before a name.

    English labels need punctuation after them ("Source: …", not "Sources said"); other
    labels that are everyday words need at least a space; Chinese labels may be glued to
    the name ("記者張三").
    """
    if label in _ENGLISH_LABELS:
        tail = _PUNCT_SEPARATOR
    elif needs_separator:
        tail = rf"(?:{_PUNCT_SEPARATOR}|\s+)"
    else:
        tail = rf"(?:{_PUNCT_SEPARATOR}|\s*)"
    return re.compile(rf"(?:{label}){tail}", re.IGNORECASE)


LABEL_PATTERNS: tuple[tuple[re.Pattern[str], Role], ...] = tuple(
    (_label_pattern(label, sep), role)
    for label, role, sep in sorted(_BEFORE_LABELS, key=lambda item: -len(item[0]))
)


# Labels under which a Latin-script name may be lower case: Uyghur in Latin script writes
# names so ("Muxbirimiz qutlan"), Chinese pages give editors' user ids ("责任编辑：alonliu").
# Under every other label a lower-case word is running text ("Dịch bệnh lây lan").
_LOWER_CASE_NAME_LABELS = re.compile(
    r"^(?:muxbir|ixtiyariy|мухбир|ихтиярий|editor\b|[\u3400-\u9fff])", re.IGNORECASE
)


# Any label at all, to find where one may stand before trying each (most lines have none).
_ANY_LABEL = re.compile("|".join(f"(?:{p.pattern})" for p, _ in LABEL_PATTERNS), re.IGNORECASE)


def _labels_in(text: str) -> list[tuple[int, int, Role]]:
    """(start, end, role) of every label standing at a word boundary in ``text``.

    Empty unless a label opens the text (the only lines :func:`read_labelled` reads).
    """
    if _ANY_LABEL.match(text) is None:
        return []
    found: list[tuple[int, int, Role]] = []
    position = 0
    while position < len(text):
        boundary = position == 0 or not (text[position - 1].isalnum() or text[position - 1] == "_")
        if (
            boundary
            and (not found or position >= found[-1][1])
            and _ANY_LABEL.match(text, position)
        ):
            for pattern, role in LABEL_PATTERNS:
                match = pattern.match(text, position)
                if match is not None and match.end() < len(text):
                    found.append((position, match.end(), role))
                    position = match.end()
                    break
            else:
                position += 1
            continue
        position += 1
    return found


_AFTER_LABEL = re.compile(
    rf"^(?P<names>.+?)\s*(?P<label>{'|'.join(label for label, _ in _AFTER_LABELS)})"
    rf"(?:\s*[=:]|\s*[(<]?{EMAIL_ADDRESS}[)>]?|\s*(?:[-–—>]|입니다\.?)?\s*$)"
)  # "NAME 기자 -" closing a dated byline, "NAME 기자>" heading a broadcast's report,
# "NAME 기자입니다." (this is reporter NAME) signing one off
# "By NAME", "Story by NAME", "Story written by: NAME", "BY NAME | DATE"
BY_LABEL = re.compile(r"^(?:[•·*]\s*)?(?:(?:story|words|text|article|report|interview)\s+)?"
                      r"(?:written\s+)?by(?::\s*|\s+)(?P<rest>.+)$", re.IGNORECASE)  # fmt: skip
# "NAME | DATE", "NAME, Phnom Penh | 12 May 2024": a name, a bar, then something with digits.
_NAME_BAR_DATE = re.compile(r"^(?P<name>[^|·•\d]+?)\s*[|·•]\s*(?P<rest>[^|·•]*\d[^|·•]*)$")
# "(NAME/NAME, Phnom Penh)": names joined by slashes, a place, in brackets.
_SLASHED = re.compile(
    r"^[(\[](?P<names>[^()\[\]/,]+(?:/[^()\[\]/,]+)+)(?:,\s*(?P<place>[^()\[\]]+))?[)\]]$"
)
# Chinese "place + report/wire" tails inside a bracket byline: "台北報導", "综合报道", "北京电".
_REPORT_TAIL = re.compile(r"(?:報導|报道|報道|電|电|讯|訊|外電|外电)$")


def _strip_brackets(text: str) -> str:
    """The text inside a pair of brackets enclosing the whole line, else the text."""
    text = text.strip()
    if len(text) > 2 and text[0] in _OPEN and text[-1] in _CLOSE:
        return text[1:-1].strip()
    return text


# "記者NAME攝" (photographed by reporter NAME): the verb closes the name.
_HAN_PHOTOGRAPHED = re.compile(r"(?<=[\u3400-\u9fff])[攝摄拍]$")


def read_labelled(text: str, raw: str) -> list[CreditEntry] | None:
    """A line made only of labels and the names they introduce, else None."""
    inner = _strip_brackets(text)
    labels = _labels_in(inner)
    if not labels or labels[0][0] != 0:
        return read_after_label(inner, raw)
    if inner == text.strip() and any(
        end < len(inner) and inner[end - 1].isalpha() for _start, end, _role in labels
    ):
        return None  # a label glued to the name ("記者張三") only counts inside brackets
    entries: list[CreditEntry] = []
    for number, (label_start, label_end, role) in enumerate(labels):
        end = labels[number + 1][0] if number + 1 < len(labels) else len(inner)
        body = _HAN_PHOTOGRAPHED.sub("", inner[label_end:end])  # "(記者NAME攝)": a photo's
        lower_case_names = _LOWER_CASE_NAME_LABELS.match(inner[label_start:label_end]) is not None
        # "編譯周虹汶/綜合報導", "記者張三/台北報導": drop the place-and-wire part.
        segments = [s for s in re.split(r"\s*/\s*", body) if s.strip()]
        segments = [s for s in segments if not _REPORT_TAIL.search(s.strip())] or segments[:1]
        # "NAME/opinion article": after the first slash a place, a section or an outlet.
        segments = segments[:1]
        found: list[CreditEntry] = []
        for segment in segments:
            if role == "source":
                # "Theo" is also "according to": under it only a known outlet is a source.
                # An outlet the registry does not know needs the label's colon ("Nguồn: X",
                # not "Nguồn tin cho biết", sources said).
                label_text = inner[label_start:label_end]
                known_only = label_text.casefold().startswith("theo") or not re.search(
                    r"[:：|｜]", label_text
                )
                entry = _source_entry(segment, raw, known_only=known_only)
                if entry is None:
                    return None
                found.append(entry)
                continue
            names = read_names(segment, role, raw, strict_case=not lower_case_names)
            if names is None:
                return None
            found.extend(names)
        if not found:
            return None
        entries.extend(found)
    return entries


# What ends the outlet named after a source label: its date ("來源: 紐約時報 於 2025-05-09"),
# a bar, or a sentence ("… - 新聞取自各大新聞媒體").
_SOURCE_TAIL = re.compile(r"\s*(?:[|｜]|\s[-–—]\s|(?:\s(?:於|于|on|at))?\s*\d).*$")
_MAX_OUTLET_CHARS = 30


def _source_entry(text: str, raw: str, *, known_only: bool = False) -> CreditEntry | None:
    """The outlet a source label names ("来源：新华社", "來源: 某某網"): a registry entry, or an
    outlet the registry does not know, taken as written when it is short and has the shape
    of a name (no sentence punctuation, no address)."""
    text = _SOURCE_TAIL.sub("", text).strip(" \t:：-–—/")
    info = find_organisation(text)
    if info is not None:
        return organisation_entry("source", info, raw)
    if (
        known_only
        or not text
        or len(text) > _MAX_OUTLET_CHARS
        or not text[0].isalpha()
        or any(ch in ".,;:!?。，；：！？/@" for ch in text)
        or len(text.split()) > _MAX_NAME_WORDS
        # in Latin script an outlet's name is capitalised ("Khmer Post", not "the ministry")
        or (is_latin(text) and not all(w[0].isupper() or w.isdigit() for w in text.split()))
    ):
        return None
    try:
        key = service_key_for(text)
    except ValueError:
        return None
    return CreditEntry("source", text, "service", key, raw)


def read_after_label(text: str, raw: str) -> list[CreditEntry] | None:
    """Korean bylines: "홍길동 기자", "홍길동 특파원 hong@example.com", "홍길동·김철수 기자"."""
    match = _AFTER_LABEL.match(text)
    if match is None:
        return None
    role: Role = dict(_AFTER_LABELS)[match["label"]]
    names = read_names(match["names"].replace("·", ","), role, raw, strict_case=False)
    return names or None


_NAME_EMAIL = re.compile(
    r"^(?:[^=\s\d]{1,12}=)?(?P<name>[^@\d|=]{2,40}?)\s*(?:기자|특파원|reporter)?\s*"
    rf"[(<\[]?{EMAIL_ADDRESS}[)>\]]?$",  # "PLACE=NAME 특파원 e-mail": a dateline
    re.IGNORECASE,
)


def _read_name_email(text: str, raw: str) -> list[CreditEntry] | None:
    """A reporter's name with an e-mail address: "김찬년 mbc@example.com"."""
    match = _NAME_EMAIL.match(text)
    if match is None:
        return None
    found = read_names(match["name"], "reporter", raw, strict_case=True)
    return found if found and all(e.kind == "person" for e in found) else None


def _without_trailing_date(text: str) -> str:
    """ "SAW YAN NAING Monday, April 25, 2011" → "SAW YAN NAING" (the byline's date dropped)."""
    # "Jane Doe - May 5, 2020": a separator says where the date begins.
    separator = re.search(r"\s[-–—|•]\s", text)
    if separator and date_line(text[separator.end() :]) is not None:
        return text[: separator.start()].rstrip(" ,|-–—")
    words = text.split()
    for cut in range(1, len(words)):
        if date_line(" ".join(words[cut:])) is not None:
            return " ".join(words[:cut]).rstrip(" ,|-–—")
    return text


def _read_date_names(text: str, raw: str) -> list[CreditEntry] | None:
    """A date line then the reporters: "Wednesday, 24 March 2010 15:03 NAME and NAME"."""
    words = text.split()
    if not words or not any(ch.isdecimal() for ch in words[0] + words[-1] + text[:12]):
        return None
    for cut in range(len(words) - 1, 0, -1):
        if date_line(" ".join(words[:cut]).rstrip(",;|")) is not None:
            rest = " ".join(words[cut:])
            if (
                (labelled := read_labelled(rest, raw))
                or (labelled := _read_tibetan_translated(rest, raw))
                or (labelled := _read_name_outlet(rest, raw))
            ):  # "2015-03-31 NAME བསྒྱུར།", "DATE 来源：OUTLET", "DATE NAME, From OUTLET"
                return labelled
            found = read_names(rest, "reporter", raw, strict_case=True)
            people = [e for e in found or [] if e.kind == "person"]
            # "DATE, OUTLET/NAME": the outlet a person writes for may stand with the name.
            if people and all(
                len(e.name.split()) >= 2
                and not all(len(w) <= 3 and w.isupper() for w in e.name.split())  # "AM PDT"
                # "2 April 2008 News Digest": a date then a title, not a byline
                and not any(w.casefold().strip(".") in FURNITURE_WORDS for w in e.name.split())
                for e in people
            ):
                return found
    return None


# "NAME བསྒྱུར།" (NAME translated), read only after a date: alone, the verb ends sentences.
_TIBETAN_TRANSLATED = re.compile(r"^(?P<name>[\u0f00-\u0fff]{2,40}?)་?བསྒྱུར[།༎]?$")


def _read_tibetan_translated(text: str, raw: str) -> list[CreditEntry] | None:
    match = _TIBETAN_TRANSLATED.match(text)
    if match is None:
        return None
    return read_names(match["name"], "translator", raw, strict_case=False)


def read_outlet_date(text: str, raw: str) -> list[CreditEntry] | None:
    """An outlet with the story's date on one line: "RFA, 23/05/2022", "28 November 2014 VOA",
    "Bernama on 5th April 2020", "May 21, 2015 The Diplomat" (the outlet is the source)."""
    if len(text) > MAX_SOURCE_CHARS or not any(ch.isdecimal() for ch in text):
        return None
    words = text.split()
    for cut in range(1, len(words)):
        head, tail = " ".join(words[:cut]), " ".join(words[cut:])
        for outlet, date in ((head, tail), (tail, head)):
            date = re.sub(r"^(?:on|dated)\s+", "", date.strip(" ,|-–—"), flags=re.IGNORECASE)
            info = find_organisation(outlet)
            if info is not None and date_line(date) is not None:
                return [organisation_entry("source", info, raw)]
    return None


# Uyghur sign-offs: "(ئالمۇتادىن) (ئىختىيارىي) مۇخبىرىمىز NAME تەييارلىدى" — our (volunteer)
# reporter / commentator NAME prepared (this), in Arabic, Latin and Cyrillic script.
_UYGHUR_PREPARED = re.compile(
    r"^(?:\S+(?:دىن|din|дин)\s+)?(?:ئىختىيارىي|ixtiyariy|ихтиярий)?\s*"
    r"(?P<label>مۇخبىرىمىز|ئوبزورچىمىز|muxbirimiz|obzorchimiz|мухбиримиз|обзорчимиз)\s+"
    r"(?P<name>\S+(?:\s+\S+)?)\s+(?:تەييارلىدى|teyyarlidi|тәйярлиди)\.?$",
    re.IGNORECASE,
)


def _read_uyghur_prepared(text: str, raw: str) -> list[CreditEntry] | None:
    match = _UYGHUR_PREPARED.match(text)
    if match is None:
        return None
    role: Role = "reporter" if match["label"].casefold().startswith(("م", "m", "м")) else "writer"
    return read_names(match["name"], role, raw, strict_case=False)


def _read_by(text: str, raw: str) -> list[CreditEntry] | None:
    """ "By NAME", "By NAME and NAME", "By RFA Khmer", "By Staff reporters", "By NAME | DATE"."""
    match = BY_LABEL.match(text)
    if match is None:
        return None
    rest = _without_trailing_date(match["rest"].split("|")[0].strip())
    # "By NAME, Associated Press Writer , Fri Apr 29, 5:06 PM ET": from the first comma part
    # with a digit on it is a date or a time (a name has no digits).
    parts = [part.strip() for part in rest.split(",")]
    digits = [i for i, part in enumerate(parts) if re.search(r"\d", part)]
    if digits and digits[0] >= 1:
        rest = ", ".join(parts[: digits[0]])
    # Without "and", one comma after the name introduces a place or a job title ("By A,
    # Staff Writer"); a longer list of names is names ("By A, B, C" on Xinhua pages).
    parts = rest.split(",")
    closing = find_organisation(parts[-1]) if len(parts) > 2 else None
    if closing is not None:  # "By A, B and C, Bloomberg": the outlet closes the list
        rest = ",".join(parts[:-1])
    elif len(parts) == 2 and find_organisation(parts[1]) is not None:
        rest = f"{parts[0]}/{parts[1].strip()}"  # "By NAME, VOA Khmer": the outlet they write for
    elif not re.search(r"\band\b|&", rest) and len(parts) == 2:
        rest = parts[0]
    rest = re.sub(r"\s+(?:in|from)\s+[A-Z][^,]*$", "", rest)  # "By X in Phnom Penh"
    words = rest.split()
    for cut in range(1, len(words)):  # "By JANE DOE Associated Press": the outlet after the name
        if "/" not in rest and find_organisation(" ".join(words[cut:])) is not None:
            rest = f"{' '.join(words[:cut])}/{' '.join(words[cut:])}"
            break
    entries = read_names(rest, "writer", raw, strict_case=True)
    if entries is None:
        return None
    if closing is not None:
        entries = [*entries, organisation_entry("source", closing, raw)]
    # An outlet or service that wrote the story reported it.
    return _wire_reporters(entries) or ([] if _STAFF.match(rest.strip()) else None)


# "By A, B" with one comma and no "and": the part after the comma is read as a place or a
# title ("By NAME, Phnom Penh", "By NAME, Staff Writer"); on Xinhua's pages it is the second
# reporter ("By NAME, NAME").
_BY_TWO_PARTS = re.compile(r"^by\s+(?P<first>[^,]+),\s*(?P<second>[^,]+)$", re.IGNORECASE)
_TITLE_WORDS = frozenset(
    {"senior", "chief", "special", "associate", "contributing", "freelance", "staff", "deputy",
     "political", "foreign", "bureau"}
) | _GLUED_TITLE_ENDS  # fmt: skip


def second_by_name(line: str, story: Sequence[str]) -> tuple[CreditEntry, ...]:
    """The second person of a "By A, B" byline, when B has a person's name's shape (two or
    three capitalised words, no title's, outlet's or furniture word) and no word of it
    recurs in ``story`` (a place does: "By NAME, Phnom Penh" over "PHNOM PENH, …"), else ().

    >>> [e.name for e in second_by_name("By Lan Vo, Mara Velden", ["Rain fell all week."])]
    ['Mara Velden']
    """
    match = _BY_TWO_PARTS.match(line.strip())
    if match is None or re.search(r"\band\b|&|\d|[|/]", line):
        return ()
    second = match["second"].strip()
    words = second.split()
    if (
        not 2 <= len(words) <= 3
        or find_organisation(second) is not None
        or _outlet_then_place(second) is not None
        or _STAFF.match(second)
        or any(w.casefold().strip(".") in _TITLE_WORDS | FURNITURE_WORDS for w in words)
        or names_no_person(second)
    ):
        return ()
    entries = read_names(second, "writer", line, strict_case=True)
    if not entries or len(entries) != 1 or entries[0].kind != "person":
        return ()
    return () if words_recur(entries, story) else tuple(entries)


def _wire_reporters(entries: list[CreditEntry]) -> list[CreditEntry]:
    """A byline's people as reporters when it names the outlet or agency they report for
    ("By NAME, VOA Khmer", "NAME and Reuters | DATE"): a news report's byline; an outlet
    itself reported the story."""
    wire = any((e.kind == "service" or e.service_key) and e.role != "photographer" for e in entries)
    return [
        CreditEntry("reporter", e.name, e.kind, e.service_key, e.raw)
        if e.role == "writer" and (wire or e.kind == "service")
        else e
        for e in entries
    ]


_MAX_PLACE_WORDS = 3


def _dated(text: str) -> bool:
    """Whether a text is a date, or a place then a date."""
    return parse_date_text(text) is not None or _place_then_date(text)


def _place_then_date(text: str) -> bool:
    """Whether a text is a place then a date ("Washington, D.C. 18 November 2010": up to
    three capitalised words before it, no digit among them)."""
    words = text.split()
    return any(
        all(w[0].isupper() for w in words[:cut] if w[0].isalpha())
        and not any(ch.isdigit() for w in words[:cut] for ch in w)
        and parse_date_text(" ".join(words[cut:])) is not None
        for cut in range(1, min(_MAX_PLACE_WORDS, len(words) - 1) + 1)
    )


def _read_name_bar_date(text: str, raw: str) -> list[CreditEntry] | None:
    """ "NAME | DATE" (a byline with its date)."""
    match = _NAME_BAR_DATE.match(text)
    if match is None or not _dated(match["rest"].split("/")[0]):
        return None  # "기행 | 2월의 …": a section label before a headline, not a byline
    found = read_names(match["name"].split(",")[0], "writer", raw, strict_case=True) or None
    # "Xinhua | Updated: 2021-12-05": an agency with the date is the story's source.
    return (
        _wire_reporters(
            [
                CreditEntry("source", e.name, e.kind, e.service_key, raw)
                if e.kind == "service"
                else e
                for e in found or []
            ]
        )
        or None
    )


# "NAME, OUTLET", "NAME and NAME, OUTLET", "NAME, reporter OUTLET", "NAME, OUTLET, 23/01/2021".
_NAME_OUTLET = re.compile(
    r"^(?P<names>[^,\d|]{3,80}?),\s*(?P<outlet>[^,\d|]{2,40}?)"
    r"(?:\s*[,|]\s*(?P<date>[^,|]*\d[^,|]*))?$"
)
# "A, B and C, Bloomberg": a list of names, the outlet after the last comma.
_NAMES_OUTLET = re.compile(
    r"^(?P<names>[^\d|,]{3,40}(?:,[^\d|,]{3,40})+?)\s*,\s*(?P<outlet>[^,\d|]{2,40}?)$"
)
_NAME_AND_OUTLET = re.compile(
    r"^(?P<names>[^,\d|&]{3,40}?)\s+(?:&|and)\s+(?P<outlet>[^,\d|&]{2,40})$"
)


def _outlet_role(text: str) -> tuple[Role, str] | None:
    """ "RFA" → reporter for RFA; "phóng viên RFA" → the role word's role; else None."""
    words = text.split()
    for cut in range(len(words)):
        label, outlet = " ".join(words[:cut]), " ".join(words[cut:])
        if find_organisation(outlet) is None:
            continue
        label = re.sub(r"\s*(?:của\s+)?đài$", "", label, flags=re.IGNORECASE)  # "… đài RFA"
        # "NAME, for The Guardian", "NAME, From The Phnom Penh Post" (a repost's): the outlet
        label = re.sub(r"^(?:from|for|via)$", "", label, flags=re.IGNORECASE)
        if not label:
            return "reporter", outlet
        roles = [r for pattern, r in LABEL_PATTERNS if pattern.fullmatch(label + " ")]
        return (roles[0], outlet) if roles else None
    return None


def _read_name_outlet(text: str, raw: str) -> list[CreditEntry] | None:
    """A byline naming people and the outlet they report for: "NAME, The Phnom Penh Post",
    "NAME and NAME, OUTLET", "NAME, phóng viên RFA", "NAME, VOA, 23/01/2021", "NAME & AFP"."""
    match = _NAME_OUTLET.match(text) or _NAME_AND_OUTLET.match(text) or _NAMES_OUTLET.match(text)
    if match is None:
        return None
    date = match.groupdict().get("date")
    if date and parse_date_text(date) is None:
        return None
    found_role = _outlet_role(match["outlet"])
    if found_role is None:
        return None
    role, outlet = found_role
    names = match["names"]
    found = read_names(names if "," in names else f"{names}/{outlet}", role, raw, strict_case=False)
    people = [e.name for e in found or [] if e.kind == "person"]
    if not found or not people:
        return None
    for name in people:  # a Latin name here has two capitalised words or more ("Police" not)
        if is_latin(name) and (
            len(name.split()) < 2 or not (_plausible_name(name, strict_case=True) or name.isupper())
        ):
            return None
    if not any(e.kind == "service" for e in found):
        info = find_organisation(outlet)
        if info is not None:
            found.append(organisation_entry("source", info, raw))
    return found


def read_slashed(text: str, raw: str) -> list[CreditEntry] | None:
    """ "(NAME/NAME, Phnom Penh)": reporters named in brackets."""
    match = _SLASHED.match(text)
    if match is None:
        return None
    entries: list[CreditEntry] = []
    for part in match["names"].split("/"):
        found = read_names(part, "reporter", raw, strict_case=True)
        if not found or any(e.kind != "person" for e in found):
            return None  # "[NAME/BenarNews]" closing a caption is a photo credit
        entries.extend(found)
    return entries


# --- end lines --------------------------------------------------------------------------

_CONTRIBUTED = re.compile(
    r"""^(?P<names>.+?)\s+(?:also\s+)?contributed
        (?:\s+(?:reporting|(?:additional\s+)?reporting|to\s+(?:this|the)\s+(?:report|story|article)
              (?:\s+from\s+[^.]+)?))?\s*\.?$""",
    re.IGNORECASE | re.VERBOSE,
)
_PERMISSION = re.compile(
    r"""^(?:copyright\s*)?(?:©|\(c\))?\s*(?:copyright\s*)?(?:\d{4}(?:\s*[-–]\s*\d{4})?,?\s*)?
        (?P<holder>[^.,]+?)[.,]?\s*(?:all\s+rights\s+reserved\.?\s*)?
        (?:used|reprinted|republished|reproduced)\s+with\s+(?:the\s+)?permission
        (?:\s+of\s+(?P<of>[^.,]+))?.*$""",
    re.IGNORECASE | re.VERBOSE,
)
_SOURCE_LINE = re.compile(
    r"""^[-–—(\[\s]*(?:(?:source|sources|with|via|from|theo|nguồn|来源|來源)\s*[:：]?\s*)?
        (?P<orgs>[^()\[\]]+?)[)\]\s.]*$""",
    re.IGNORECASE | re.VERBOSE,
)
MAX_SOURCE_CHARS = 80


def _read_permission(text: str, raw: str) -> list[CreditEntry] | None:
    """ "Copyright © 1998-2024, RFA. Used with permission." → RFA credited as the source."""
    match = _PERMISSION.match(text)
    if match is None:
        return None
    info = find_organisation(match["of"] or "") or find_organisation(match["holder"])
    return [organisation_entry("source", info, raw)] if info is not None else None


def read_source_line(text: str, raw: str) -> list[CreditEntry] | None:
    """An agency line on its own: "— AFP", "(Xinhua)", "Source: Reuters", "AP/Reuters"."""
    if len(text) > MAX_SOURCE_CHARS:
        return None
    head, bar, tail = text.partition("|")
    if bar and any(ch.isdigit() for ch in tail):
        text = head  # "Source: Xinhua| Published: 2022-06-16"
    match = _SOURCE_LINE.match(text)
    if match is None:
        return None
    entries: list[CreditEntry] = []
    for part in re.split(r"\s*(?:/|,|\band\b|&|;)\s*", match["orgs"]):
        if not part.strip():
            continue
        info = find_organisation(part) or _outlet_then_place(part)  # "VOA Khmer Phnom Penh"
        if info is None:
            return None
        entries.append(organisation_entry("source", info, raw))
    return entries or None


def _read_contributed(text: str, raw: str) -> list[CreditEntry] | None:
    """ "NAME and NAME contributed to this report." / "BenarNews staff contributed." """
    match = _CONTRIBUTED.match(text)
    if match is None:
        # "… contributed to this report. Photo courtesy of NAME/AP.": the picture's credit
        # run on after the closing sentence is no part of it (and names no contributor).
        head, dot, tail = text.partition(". ")
        if not dot or _PICTURE_SENTENCE.match(tail) is None:
            return None
        match = _CONTRIBUTED.match(head + ".")
        if match is None:
            return None
    names, found = match["names"], []
    # "Associated Press writers A in Bangkok and B contributed": the outlet, then its people.
    if staff := _OUTLET_STAFF.match(names):
        info = find_organisation(staff["org"])
        if info is None:
            return None
        names, found = staff["names"], [organisation_entry("source", info, raw)]
    elif (owner := re.match(r"^(?P<org>[^'’]{2,30})['’]s\s+(?P<rest>.+)$", names)) and (
        info := find_organisation(owner["org"])
    ):  # "CNN's NAME and NAME contributed": the outlet's people
        names, found = owner["rest"], [organisation_entry("source", info, raw)]
    names = _PLACE_AFTER_NAME.sub("", names)
    people = read_names(names, "contributor", raw, strict_case=True)
    return (people + found if people else None) if found else (people or None)


# A picture's credit sentence: "Photo courtesy of NAME/AP.", "Photos: NAME", "Image via X".
_PICTURE_SENTENCE = re.compile(
    r"^(?:(?:top|main|file|cover)\s+)?(?:photos?|pictures?|images?|photograph)\b", re.IGNORECASE
)
_OUTLET_STAFF = re.compile(
    r"^(?P<org>.+?)\s+(?:staff\s+)?(?:writers?|reporters?|correspondents?|journalists?)\s+"
    r"(?P<names>[A-Z].*)$"
)
# "A in Bangkok, B in Hanoi and C": the places after the names.
_PLACE_AFTER_NAME = re.compile(r"\s+in\s+[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)*(?=\s*(?:,|\band\b|$))")


def _read_service_first(text: str, raw: str) -> list[CreditEntry] | None:
    """ "RFA's Lao Service. Translated by … Written in English by …": the reporter part was
    cut, the service that reported is left first."""
    head, dot, rest = text.partition(". ")
    info = find_organisation(head)
    if not dot or info is None or not looks_like_credit_line(rest):
        return None
    return [organisation_entry("reporter", info, raw), *parse_credit_line(rest).entries]


def read_sentence_form(text: str, raw: str) -> list[CreditEntry] | None:
    """The credit sentence of :mod:`archive.ingest.credits`, bare or in brackets (Reuters)."""
    for candidate in (text, _strip_brackets(text)):
        if looks_like_credit_line(candidate):
            entries = parse_credit_line(candidate).entries
            return [CreditEntry(e.role, e.name, e.kind, e.service_key, raw) for e in entries]
    return None


# "新華社記者李銀、黃全權" (Xinhua reporters …), "本报记者张三": an outlet, then a label glued
# to the names. Glued, a label is credible only after the outlet (or "our paper").
_OUTLET_REPORTERS = re.compile(
    r"^(?P<org>\S{2,12}?)\s*(?P<label>记者|記者|特约记者|特約記者|通讯员|通訊員)\s*"
    r"(?P<names>[\u3400-\u9fff]{2,4}(?:\s*[、，,]\s*[\u3400-\u9fff]{2,4})*)$"
)
# Characters of "reports", "says", "photographed": they end a label's clause, not a name.
_HAN_REPORT_VERBS = frozenset("报報称稱说說摄攝拍讯訊获獲")
_OUR_OUTLET = frozenset({"本报", "本報", "本台", "本刊", "本网", "本網"})


def _read_outlet_reporters(text: str, raw: str) -> list[CreditEntry] | None:
    match = _OUTLET_REPORTERS.match(text)
    if match is None:
        return None
    info = find_organisation(match["org"])
    if info is None and match["org"] not in _OUR_OUTLET:
        return None
    people = read_names(match["names"], "reporter", raw, strict_case=False)
    if not people or any(set(e.name) & _HAN_REPORT_VERBS for e in people):
        return None  # "新华社记者报道称" (Xinhua's reporters report that …)
    return people + ([organisation_entry("source", info, raw)] if info is not None else [])


# A byline block's item, the role then a comma: "- Author, NAME", "- ရေးသားသူ, NAME",
# "- Tác giả, NAME" (the next item, "- Role, BBC Burmese", is the person's post).
_ROLE_COMMA = re.compile(r"^[-–—•·]\s*(?P<label>[^,，]{1,24}?)\s*[,，]\s*(?P<names>[^,，]{2,60})$")


def _read_role_comma(text: str, raw: str) -> list[CreditEntry] | None:
    match = _ROLE_COMMA.match(text)
    if match is None:
        return None
    label = match["label"]
    roles = [role for pattern, role in LABEL_PATTERNS if pattern.fullmatch(label + ": ")]
    if not roles or roles[0] == "source":
        return None
    found = read_names(match["names"], roles[0], raw, strict_case=True)
    return found if found and all(e.kind == "person" for e in found) else None


def read_dash_parts(text: str, raw: str) -> list[CreditEntry] | None:
    """A byline whose parts a dash joins ("By A - B - OUTLET", "By A, B- Translated by C"),
    each part read by this module's readers (dash_credits.read_dash_parts)."""
    readers = BylineReaders(
        BY_LABEL, read_credit_line, read_names, find_organisation, organisation_entry
    )
    return _read_dash_parts(text, raw, readers)


_READERS: tuple[Callable[[str, str], list[CreditEntry] | None], ...] = (
    read_signed,  # "NAME تەييارلىدى", "NAME မှ ရေးသား": the verb is no name
    read_sentence_form,
    _read_service_first,
    read_dash_parts,  # "By A - B - OUTLET", "By A, B- Translated by C": before "By"
    _read_by,
    _read_contributed,
    _read_permission,
    read_source_line,
    _read_uyghur_prepared,  # before the labels: "مۇخبىرىمىز NAME تەييارلىدى" ends in a verb
    read_labelled,
    _read_role_comma,
    _read_outlet_reporters,
    read_slashed,
    _read_name_bar_date,
    _read_name_email,
    _read_name_outlet,
    _read_date_names,
    read_outlet_date,
)


@text_cache  # a page's readers ask it of the same lines again and again
def read_credit_line(text: str) -> tuple[CreditEntry, ...]:
    """The credits a whole line holds, if the line is a credit or byline line; else ``()``.

    A line counts only if all of it reads as credits (labels, names, outlets, a place or a
    date), so story sentences that merely mention a reporter are never taken.

    >>> [(e.role, e.name) for e in read_credit_line("By Yi Whan-woo and Kim Jae-kyoung")]
    [('writer', 'Yi Whan-woo'), ('writer', 'Kim Jae-kyoung')]
    """
    line = " ".join(text.split())
    if not line or len(line) > _MAX_LINE_CHARS * 4:
        return ()
    normal = _CRAWLER_PREFIX.sub("", fold_text(line))
    # "-- By NAME Follow @handle": the dash before a closing byline, the social handle after.
    normal = _FOLLOW_HANDLE.sub("", _DASH_BEFORE_BY.sub("", normal)) or normal
    for reader in _READERS:
        if reader is not read_sentence_form and len(normal) > _MAX_LINE_CHARS:
            continue
        entries = reader(normal, line)
        if entries is not None and (entries or reader is _read_by):
            return tuple(dedupe_credits(entries))
    return ()


@text_cache
def is_credit_line(text: str) -> bool:
    """Whether a whole line is a credit or byline line (see :func:`read_credit_line`).

    "By Staff reporters" is one though it credits no one by name.
    """
    line = fold_text(" ".join(text.split()))
    if bool(read_credit_line(text)):
        return True
    match = BY_LABEL.match(line)
    return match is not None and _STAFF.match(match["rest"].split("|")[0].strip()) is not None


# Words of page furniture and section names that a Title Case line ("Latest News", "Keep
# Reading", "Asia Pacific") shares with no person's name: a name alone never holds one.
FURNITURE_WORDS = frozenset(
    [
        "news",
        "stories",
        "story",
        "related",
        "latest",
        "more",
        "read",
        "reading",
        "keep",
        "popular",
        "share",
        "comments",
        "comment",
        "video",
        "videos",
        "photo",
        "photos",
        "home",
        "next",
        "previous",
        "post",
        "posts",
        "article",
        "articles",
        "top",
        "most",
        "continue",
        "click",
        "here",
        "subscribe",
        "follow",
        "us",
        "back",
        "print",
        "email",
        "tags",
        "topics",
        "categories",
        "link",
        "links",
        "source",
        "sources",
        "advertisement",
        "sponsored",
        "watch",
        "listen",
        "audio",
        "download",
        "contact",
        "about",
        "privacy",
        "policy",
        "terms",
        "login",
        "register",
        "search",
        "menu",
        "trending",
        "recommended",
        "also",
        "see",
        "view",
        "all",
        "leave",
        "reply",
        "update",
        "updated",
        "published",
        "copyright",
        "rights",
        "reserved",
        "page",
        "report",
        "reports",
        "world",
        "asia",
        "pacific",
        "europe",
        "americas",
        "africa",
        "middle",
        "east",
        "politics",
        "business",
        "economy",
        "opinion",
        "sport",
        "sports",
        "analysis",
        "feature",
        "features",
        "interview",
        "editorial",
        "commentary",
        "exclusive",
        "breaking",
        "live",
        "radio",
        "service",
        "services",
        "program",
        "programs",
        "podcast",
        "newsletter",
        "blog",
        "blogs",
        "gallery",
        "multimedia",
        "the",
        "of",
        "and",
        "for",
        "in",
        "on",
        "with",
        "from",
        "to",
        "by",
        "at",
        "a",
        "an",
        "is",
        "are",
        "was",
        # words of outlets' names ("The Daily Herald reports."), never a person's
        "daily",
        "times",
        "herald",
        "tribune",
        "journal",
        "press",
        "agency",
        "television",
        "tv",
        "network",
        "channel",
    ]
)


def bare_name(text: str) -> tuple[CreditEntry, ...]:
    """A line that is only a person's name ("Ben Sokhean", "ခင်မောင်စိုး(ဝါရှင်တန်ဒီစီ)")."""
    line = fold_text(" ".join(text.split()))
    if len(line) > _MAX_NAME_CHARS + 30 or find_organisation(line) is not None:
        return ()
    if _HAN.search(line) or _HANGUL.search(line):
        return ()  # Chinese and Korean pages label their credits; a short line is a phrase
    if line[:1] in "\"'“‘«「『(“[":
        return ()  # a quoted or bracketed line is a headline or a caption
    if line.endswith(tuple("?!？！។៕။؟…:：")) or re.search(r"[^\W\d_]{4,}\.$", line):
        return ()  # a question, a sentence or a lead-in, not a name ("Vote for which party?")
    head, comma, tail = line.partition(",")
    if comma:
        # "NAME, Place" or "NAME, Outlet": the name is the head (two names take "and").
        if not tail.strip() or not all(
            w[0].isupper() or w.casefold() in _NAME_PARTICLES for w in tail.split()
        ):
            return ()
        line = head
    entries = read_names(line, "reporter", text, strict_case=True)
    if not entries or len(entries) > 2 or entries[0].kind != "person":
        return ()
    words = entries[0].name.split()
    if is_latin(entries[0].name) and (
        len(words) < 2
        or entries[0].name.isupper()
        or names_no_person(entries[0].name)  # "Provincial Judge Veng" ends a quote
        or any(w.casefold().strip(".") in FURNITURE_WORDS for w in words)
    ):
        return ()
    return tuple(entries)


_BRACKETED = re.compile(r"[(\[（【〔][^()\[\]（）【】〔〕]*[)\]）】〕]")


def words_recur(entries: Sequence[CreditEntry], lines: Sequence[str]) -> bool:
    """Whether a word of the names credited recurs as a word of ``lines`` (the story below).

    A "name" whose word the story uses is a place, an outlet or a subject ("Cambodia
    Kingdom", "Việt Nam", "Frontier Myanmar"), not the story's reporter.
    """
    words = {w for e in entries for w in _words(e.name) if len(w) >= 3}
    return any(not words.isdisjoint(_words(line)) for line in lines)


def _words(text: str) -> set[str]:
    """The whitespace-separated words of a text, case-folded, without punctuation around
    them (marks stay: \\w alone would cut Burmese or Khmer words into letters)."""
    return {
        word.strip("".join(ch for ch in word if unicodedata.category(ch)[0] in "PS"))
        for word in text.casefold().split()
    } - {""}


def _is_place_line(text: str) -> bool:
    """A short "City, Country" line under a byline."""
    parts = [p.strip() for p in text.split(",")]
    return (
        len(text) <= 50
        and is_latin(text)  # in scripts without case a place looks like any short line
        and 1 <= len(parts) <= 3
        and all(_plausible_name(clean_person_name(p), strict_case=True) for p in parts)
        and ("," in text or len(parts[0].split()) <= 2)
    )


def dedupe_credits(entries: Sequence[CreditEntry]) -> list[CreditEntry]:
    seen: set[tuple[str, str, str]] = set()
    kept: list[CreditEntry] = []
    for entry in entries:
        key = (entry.role, entry.kind, entry.name.casefold())
        if key not in seen:
            seen.add(key)
            kept.append(entry)
    return kept


# --- opinion pages ----------------------------------------------------------------------

# Section names of opinion pages in our languages: the author of such a page is its writer,
# not a reporter. Whole words (Latin, Cyrillic, Arabic script) or substrings (scripts
# without spaces between words).
_OPINION_WORDS = frozenset(
    {"opinion", "opinions", "commentary", "commentaries", "editorial", "editorials", "op-ed",
     "oped", "column", "columns", "columnist", "viewpoint", "viewpoints", "essay", "essays",
     "ý kiến", "bình luận", "quan điểm", "xã luận", "tạp ghi", "tùy bút", "góc nhìn",
     "sổ tay", "diễn đàn", "obzor", "обзор", "ئوبزور"}
)  # fmt: skip
_OPINION_MARKS = (
    "評論", "评论", "觀點", "观点", "社論", "社论", "專欄", "专栏", "論壇", "论坛", "言論", "言论",
    "時評", "时评", "投書", "投书", "自由廣場", "칼럼", "사설", "논평", "오피니언", "기고", "시론",
    "ဆောင်းပါး", "ေဆာင္းပါး", "အာဘော်", "အာေဘာ္", "သုံးသပ်ချက်", "មតិ", "ទស្សនៈ",
    "អត្ថាធិប្បាយ", "ບົດຄວາມ", "ຄຳເຫັນ", "ທັດສະນະ", "བསམ་ཚུལ", "དཔྱད་རྩོམ",
)  # fmt: skip
_MAX_SECTION_WEIGHT = 30
_SECTION_SEPARATORS = re.compile(r"\s*[|>»›/\\:•·]+\s*")


def names_opinion_section(line: str) -> bool:
    """Whether a short line (a section name, a breadcrumb, a tag under the byline) names an
    opinion section: "Opinion", "Home > Commentary", "評論", "Opinion paper", "ý kiến"."""
    if not line or line_weight(line) > _MAX_SECTION_WEIGHT:
        return False
    folded = fold_text(line).casefold()
    if any(mark in folded for mark in _OPINION_MARKS):
        return True
    for part in _SECTION_SEPARATORS.split(folded):
        words = re.findall(r"[^\W\d_][\w-]*", part)
        if any(
            " ".join(words[i : i + n]) in _OPINION_WORDS for n in (1, 2) for i in range(len(words))
        ):
            return True
    return False


# Labels that say only "by" (English, Khmer, Lao): the role they give is a default.
_BY_LABELS = re.compile(r"^(?:[•·*]\s*)?(?:by\b|ដោយ|ໂດຍ)", re.IGNORECASE)


def states_role(raw: str) -> bool:
    """Whether the credit line ``raw`` names its people's role (记者, 기자, Phóng viên,
    Reporter:, Muxbirimiz …) rather than only "by" or nothing (a name alone)."""
    folded = fold_text(" ".join(raw.split()))
    if _BY_LABELS.match(folded):
        return False
    return bool(_labels_in(folded)) or _AFTER_LABEL.search(folded) is not None


def opinion_role(entry: CreditEntry) -> CreditEntry:
    """The credit as an opinion page reads it: a person its byline names without stating a
    role ("By NAME", a name alone) wrote the piece; every other credit stands."""
    if entry.kind == "person" and entry.role == "reporter" and not states_role(entry.raw):
        return CreditEntry("writer", entry.name, entry.kind, entry.service_key, entry.raw)
    return entry


# --- where credit lines stand -----------------------------------------------------------

_MAX_DECK_LINES = 2
_MAX_DECK_CHARS = 120
_MAX_LINES_AFTER_CREDIT = 3


def find_byline(lines: Sequence[str], *, is_furniture: Callable[[str], bool]) -> CreditLines | None:
    """The byline at the top of a story, if there is one.

    ``lines`` are the stripped lines from just under the headline on. A byline is a
    labelled credit line ("By …", "记者 …", "Muxbirimiz …") on the first line, or on one of
    the next two under a short deck when a date line follows it, or a name alone on the
    first line when a date, a place line or another credit line follows it. The date and
    place lines under a byline, and the deck above it, go with it (they are not story text).

    Args:
        lines: The page's lines from under the headline, stripped, in order.
        is_furniture: Whether a line is page furniture (a date line, a share widget …).
    """
    for start in range(min(len(lines), _MAX_DECK_LINES + 1)):
        if start and len(lines[start - 1]) > _MAX_DECK_CHARS:
            break
        entries = list(read_credit_line(lines[start]))
        staff_only = not entries and is_credit_line(lines[start])
        if not entries and not staff_only:
            if start:
                continue
            name = bare_name(lines[start])
            following = lines[start + 1] if start + 1 < len(lines) else ""
            if not name or not following:
                continue
            if not (
                is_furniture(following) or _is_place_line(following) or is_credit_line(following)
            ):
                continue
            # "Frontier Myanmar" over "by AFP": a name the story's paragraphs speak of (a
            # photo credit in them, "[NAME/BenarNews]", repeats a reporter's name)
            paragraphs = [
                _BRACKETED.sub(" ", ln) for ln in lines[start + 1 :] if line_weight(ln) >= 100
            ]
            if words_recur(name, paragraphs):
                continue
            entries = list(name)
        credit = [start]
        stop = start + 1
        while stop < len(lines) and (more := read_credit_line(lines[stop])):
            entries.extend(more)
            credit.append(stop)
            stop += 1
        if start and not (stop < len(lines) and is_furniture(lines[stop])):
            continue  # under a deck, only a byline with its date line is taken as one
        while stop < len(lines) and (is_furniture(lines[stop]) or _is_place_line(lines[stop])):
            stop += 1
        if stop >= len(lines):
            return None  # nothing would be left of the story
        # "By NAME," over "VOA Khmer Phnom Penh": the outlet's reporter
        entries = _wire_reporters(entries)
        return CreditLines(tuple(range(stop)), tuple(credit), tuple(dedupe_credits(entries)))
    return None


_DASH_BEFORE_BY = re.compile(r"^[-–—]{1,2}\s*(?=by\s)", re.IGNORECASE)
_FOLLOW_HANDLE = re.compile(
    r"(?<=\S)\s+(?:follow(?:\s+(?:him|her|me|us))?(?:\s+on\s+\w+)?:?\s+)?@\w{2,30}$", re.I
)
# A crawler's record of the month glued before the page: "date 2018-03 …".
_CRAWLER_PREFIX = re.compile(r"^date\s+\d{4}-\d{2}(?:-\d{2})?\s+(?=\S)")


_MAX_HEADLINE_CHARS = 120
SENTENCE_ENDS = tuple(".!?。！？။។៕།؟\"'”’»")


def heads_a_post(line: str) -> bool:
    """Whether a line above a byline reads as a headline or caption (short, no sentence end)."""
    return len(line) <= _MAX_HEADLINE_CHARS and not line.rstrip(" )）").endswith(SENTENCE_ENDS)


# A photo's credit ("Flickr Photo by: NAME", "Photo: NAME") over a byline closes a story's
# captions, no next post's headline.
_PHOTO_CREDIT = re.compile(r"\bphoto(?:s|graph)?\s*(?:by\b\s*:?|:)", re.IGNORECASE)


def _photo_over_byline(line: str) -> bool:
    """Whether a line over a closing byline is a photo's credit ("Flickr Photo by: NAME")."""
    return _PHOTO_CREDIT.search(line) is not None


# A line opening with a role label ("Editor: …", "责任编辑：…", "ដោយ …").
_LABEL_START = _ANY_LABEL


def _is_top_byline(line: str) -> bool:
    """Whether a credit line has the form of a byline heading a story ("By NAME", a name)."""
    folded = fold_text(" ".join(line.split()))
    return (
        BY_LABEL.match(folded) is not None
        or bool(bare_name(line))
        or bool(_read_date_names(folded, line))  # "Wednesday, 25 August 2010 15:03 NAME"
    )


def _is_dated_byline(line: str) -> bool:
    """A byline carrying its own date: "By NAME Monday, April 25, 2011", "DATE TIME NAME"."""
    folded = fold_text(" ".join(line.split()))
    if (by := BY_LABEL.match(folded)) is not None:
        rest = by["rest"].strip()
        return _without_trailing_date(rest) != rest
    return bool(_read_date_names(folded, line))


def find_inline_bylines(
    lines: Sequence[str], *, is_furniture: Callable[[str], bool]
) -> tuple[CreditEntry, ...]:
    """Credits of labelled byline lines standing inside the story with a date line under
    them (a byline below a long deck or in a reposted page); the lines stay where they are.

    In the second half of the text, a byline under a short line that ends no sentence (a
    headline, a caption) heads the next post of a blog or digest page: it is not read.
    """
    entries: list[CreditEntry] = []
    half, above = sum(map(len, lines)) / 2, 0
    for index, line in enumerate(lines[:-1]):
        above += len(line)
        if index and above > half and heads_a_post(lines[index - 1]):
            continue
        if (is_furniture(lines[index + 1]) or _is_dated_byline(line)) and not (
            looks_like_credit_line(line)
        ):
            entries.extend(read_credit_line(line))
    return tuple(entries)


def _cut_from_a_word(line: str, above: Sequence[str]) -> bool:
    """Whether ``line`` is the beginning of a longer word found in the lines ``above``.

    A page cut off mid-word leaves a fragment ("စစ်ကောင်စီတ" of "စစ်ကောင်စီတပ်") that
    reads like a name alone on the last line; a reporter's name is not part of a word.
    """
    fragment = " ".join(line.split())
    if not fragment:
        return False
    for text in above:
        start = text.find(fragment)
        while start != -1:
            end = start + len(fragment)
            if end < len(text) and unicodedata.category(text[end])[0] in "LM":
                return True
            start = text.find(fragment, start + 1)
    return False


def _is_link_words(line: str) -> bool:
    """A line made only of furniture words: a link ("Keep reading", "More…", "Read more")."""
    words = re.findall(r"[^\W\d_]+", line.casefold())
    return bool(words) and len(words) <= 3 and all(w in FURNITURE_WORDS for w in words)


def _is_link_line(line: str) -> bool:
    """A short line of a link or a section name: a few words, one of them a furniture word
    ("Opinion paper", ">> Show all news", "More…"), ending no sentence."""
    words = re.findall(r"[^\W\d_]+", line.casefold())
    return (
        0 < len(words) <= 4
        and len(line) <= 40
        and (line.rstrip().endswith(("…", "...")) or not line.rstrip().endswith(SENTENCE_ENDS))
        and any(w in FURNITURE_WORDS for w in words)
    )


def find_credit_lines(
    lines: Sequence[str], *, is_furniture: Callable[[str], bool]
) -> CreditLines | None:
    """The credit lines closing a story, if there are any.

    The credit line is normally the last story paragraph, with at most a few furniture
    lines after it; consecutive credit lines form one block. A person's name alone on the
    last line counts as a credit line. A block is never the whole story.

    Args:
        lines: The story's lines, stripped, in order (furniture at the very end removed).
        is_furniture: Whether a line is page furniture.
    """
    cache: dict[int, tuple[CreditEntry, ...]] = {}

    def reading(index: int) -> tuple[CreditEntry, ...]:
        if index not in cache:
            cache[index] = read_credit_line(lines[index])
        return cache[index]

    for offset in range(len(lines) - 1, -1, -1):
        if len(lines) - 1 - offset > _MAX_LINES_AFTER_CREDIT:
            break
        entries = reading(offset)
        # A name alone closes the story on its last line, or above links ("Opinion paper",
        # ">> Show all news").
        after = lines[offset + 1 :]
        bare = not entries and all(is_furniture(line) or _is_link_line(line) for line in after)
        if bare:
            entries = bare_name(lines[offset])
            if entries and offset and bare_name(lines[offset - 1]):
                entries = ()  # a list of names is not a credit line
            if entries and _cut_from_a_word(lines[offset], lines[:offset]):
                entries = ()  # a truncated last line: the start of a word the story uses
        if not entries:
            continue
        top = offset
        while top > 0 and reading(top - 1):
            top -= 1
        if top == 0:
            return None
        # Only the credit sentence ("Reported by …") may have a few story-like lines after
        # it (related links, a share line); any other credit line closes the story.
        sentence = any(looks_like_credit_line(line) for line in lines[top : offset + 1])
        # After any other credit line only furniture, or a list of links (short lines that
        # end no sentence: "Other story (By NAME)"), may follow.
        labelled = any(_LABEL_START.match(fold_text(line)) for line in lines[top : offset + 1])
        if not sentence and not all(
            is_furniture(line)
            or (labelled and heads_a_post(line) and len(line) <= 80)
            or (bare and _is_link_line(line))
            for line in lines[offset + 1 :]
        ):
            continue
        if (
            top == offset
            and top >= 2
            and _is_top_byline(lines[top])
            and heads_a_post(lines[top - 1])
            and not is_furniture(lines[top - 1])  # "Keep reading" / NAME: the story's writer
            and not _is_link_words(lines[top - 1])  # "More…" / NAME likewise
            and not _photo_over_byline(lines[top - 1])  # a photo's credit / the writer's
        ):
            # A headline then a byline (its date is footer chrome): the next post of a blog
            # or digest page begins, cut off; none of it is this story's, nor its credit.
            return CreditLines(tuple(range(top - 1, len(lines))), (), ())
        found: list[CreditEntry] = []
        for index in range(top, offset + 1):
            found.extend(reading(index) or entries)
        return CreditLines(
            tuple(range(top, len(lines))),
            tuple(range(top, offset + 1)),
            tuple(dedupe_credits(found)),
        )
    return None


# A line that names the story's source by a label: "Source: Xinhua", "来源：新华社", "Menbe: …".
_SOURCE_LABEL = re.compile(
    r"^[(\[]?(?:source|sources|nguồn|来源|來源|稿源|出处|出處|출처|منبە|menbe|мәнбә)\s*[:：]", re.I
)


# A line that names the story's editor by a label: "Editor: NAME", "责任编辑：NAME".
_EDITOR_LABEL = re.compile(
    r"^[(\[]?(?:editors?|责任编辑|責任編輯|编辑|編輯|biên tập(?: viên)?)\s*[:：]", re.I
)


def story_source(lines: Sequence[str]) -> CreditLines | None:
    """The first labelled source line in the story ("Source: Xinhua") and the outlet it
    names, and the first labelled editor line ("Editor: NAME"), wherever they stand: on a
    blog or wire page they close the first post, above the next."""
    found_lines: list[int] = []
    entries: list[CreditEntry] = []
    for label, role in ((_SOURCE_LABEL, "source"), (_EDITOR_LABEL, "editor")):
        for index, line in enumerate(lines):
            if label.match(fold_text(line)) is None:
                continue
            found = read_credit_line(line)
            if found and all(
                entry.role == role
                # a user id ("Editor: ying") or a name, not a clause ("Editor: the desk said")
                and (len(entry.name.split()) == 1 or _plausible_name(entry.name, strict_case=True))
                for entry in found
            ):
                found_lines.append(index)
                entries.extend(found)
                break
    if not found_lines:
        return None
    indices = tuple(sorted(found_lines))
    return CreditLines(indices, indices, tuple(dedupe_credits(entries)))
