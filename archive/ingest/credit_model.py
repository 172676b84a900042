"""The learned credit acceptor: which proposed person credits a page really gives.

Every candidate (``credit_candidates.CreditCandidate``: the rule readers' credits and the
loose readers') is scored by a logistic over structural features of its name and where it
was read (``credit_features``); a person credit below the threshold is dropped. Whatever the
model says, a generic credit ("our reporter", 时间) is never a person, and titles (Dr.,
បណ្ឌិត) are taken off names. Services and outlets pass untouched. The weights ship as
``archive/ingest/data/credit_model.json``, trained by ``benchmarks/train_credit_model.py``
on the repo's gold pages; docs/credits.md ("The acceptor") has the figures.
"""

from __future__ import annotations

import functools
import json
import math
import re
import threading
import unicodedata
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, replace
from importlib import resources

import icu

from archive.ingest.bylines import find_organisation, opinion_role, states_role
from archive.ingest.credit_candidates import (
    EMAIL,
    CreditCandidate,
    clean_candidate_name,
    loose_candidates,
)
from archive.ingest.credit_words import (
    HAN_SURNAMES,
    HANGUL_SURNAMES,
    has_meta_word,
    has_outlet_word,
    is_generic_credit,
    label_role,
)
from archive.ingest.credits import CreditEntry
from archive.ingest.dates import date_line
from archive.ingest.logistic import Logistic, logistic_columns
from archive.ingest.not_persons import is_photo_credit, names_no_person

__all__ = [
    "READERS",
    "CreditModel",
    "CreditPage",
    "accept_credits",
    "credit_candidates",
    "credit_features",
    "load_credit_model",
    "page_loose_candidates",
    "rule_candidates",
]

# The readers a candidate may come from, rule readers first (textpage._find_credits names
# them), then credit_candidates' loose readers.
READERS = (
    "top",
    "slot",
    "bottom",
    "inline",
    "prose",
    "lead_head",
    "source",
    "footer",
    "loose_label",
    "loose_after",
    "loose_alone",
    "loose_segment",
    "loose_bracket",
)
_ROLES = ("reporter", "writer", "translator", "editor", "photographer", "narrator", "contributor")
_MODEL_FILE = "credit_model.json"
_WORD = re.compile(r"\w{2,}")


@dataclass
class CreditPage:
    """The page a candidate stands on: its lines, the headline's line, the story span
    (``first``..``last``, under the byline and over the closing credits), whether it is
    an opinion page, and where the page's next post begins under the story (its headline
    and byline are that post's: the loose readers stop there)."""

    texts: Sequence[str]
    title: int | None
    first: int
    last: int
    opinion: bool = False  # an opinion page: a name without a role is its writer
    next_post: int | None = None

    @property
    def headline(self) -> str:
        return _fold(self.texts[self.title]) if self.title is not None else ""

    @functools.cached_property
    def story_lines(self) -> list[tuple[int, str]]:
        """The story's lines, folded, with their page indices."""
        rows = range(self.first, min(self.last, len(self.texts) - 1) + 1)
        return [(row, _fold(self.texts[row])) for row in rows]

    @functools.cached_property
    def story_words(self) -> Counter[str]:
        """How many story lines each word stands on."""
        return Counter(word for _row, text in self.story_lines for word in set(_WORD.findall(text)))

    def neighbours(self, row: int) -> tuple[str, str]:
        """The nearest non-blank lines over and under a line ("" at the page's edges)."""
        over = next((t for t in reversed(self.texts[:row]) if t.strip()), "")
        under = next((t for t in self.texts[row + 1 :] if t.strip()), "")
        return over, under

    def under_headline(self, row: int) -> bool:
        """Whether a line is the first non-blank line under the headline."""
        if self.title is None or row <= self.title:
            return False
        return all(not text.strip() for text in self.texts[self.title + 1 : row])

    def recurrence(self, name: str, raw: str) -> tuple[int, float]:
        """How often a (folded) name stands in the story's other lines than its own, and the
        share of its words that do."""
        own = _fold(raw)
        others = [text for _row, text in self.story_lines if text != own]
        mentions = sum(text.count(name) for text in others) if name else 0
        words = set(_WORD.findall(name))
        if not words:
            return mentions, 0.0
        own_words = set(_WORD.findall(own)) if own in (t for _r, t in self.story_lines) else set()
        found = sum(1 for word in words if self.story_words[word] - (word in own_words) > 0)
        return mentions, found / len(words)


def _fold(text: str) -> str:
    return re.sub(r"\s+", " ", unicodedata.normalize("NFKC", text)).casefold()


def _script_share(name: str, test: tuple[tuple[str, str], ...]) -> float:
    letters = [ch for ch in name if ch.isalpha()]
    if not letters:
        return 0.0
    return sum(any(low <= ch <= high for low, high in test) for ch in letters) / len(letters)


_LATIN = (("A", "Z"), ("a", "z"), ("\u00c0", "\u024f"), ("\u1e00", "\u1eff"))
_HAN = (("\u3400", "\u9fff"), ("\uf900", "\ufaff"))
_HANGUL = (("\uac00", "\ud7a3"),)
_UNSPACED = (("\u0e80", "\u0eff"), ("\u0f00", "\u0fff"), ("\u1000", "\u109f"), ("\u1780", "\u17ff"))
_ARABIC = (("\u0600", "\u06ff"), ("\ufb50", "\ufeff"))
_CYRILLIC = (("\u0400", "\u04ff"),)

_local = threading.local()


def _ends_on_boundary(raw: str, name: str) -> float:
    """1.0 when the name, found in its line, ends where ICU's word break iterator puts a
    word's end (a name run into the next word, "… ដែ", ends inside one); 1.0 when it cannot
    be told (the name is not found as written)."""
    at = raw.find(name)
    if at < 0 or any(ord(ch) > 0xFFFF for ch in raw):
        return 1.0  # ICU counts UTF-16 units: only the basic plane maps one to one
    iterator: icu.BreakIterator | None = getattr(_local, "words", None)
    if iterator is None:
        iterator = _local.words = icu.BreakIterator.createWordInstance(icu.Locale.getRoot())
    iterator.setText(raw)
    return float(iterator.isBoundary(at + len(name)))


_AROUND = " \t:：-–—/|()（）[]【】,，=·"
# The names listed before another in a label's list: "Web editor: A, B" (B's label is A's).
_LISTED = re.compile(
    r"(?:[^\W\d_][\w.'’-]*(?:\s+[^\W\d_][\w.'’-]*){0,3}\s*(?:[,，、;]|\band\b|&)\s*)+$"
)


def _label_beside(raw: str, name: str) -> float:
    """1.0 when a role label stands right before or after the name in its line
    ("记者 NAME", "NAME, biên tập viên", "تەرجىمە قىلغۇچى: NAME")."""
    at = raw.find(name)
    if at < 0:
        return 0.0
    before = raw[:at].rstrip(_AROUND)
    after = raw[at + len(name) :].lstrip(_AROUND)
    return float(bool(before and label_role(before, at="end")) or bool(after and label_role(after)))


def _label_heads_list(raw: str, name: str) -> float:
    """1.0 when a role label heads the list of names the name closes ("Web editor: A, B"
    for B): the label stands before the names listed ahead of it."""
    at = raw.find(name)
    if at <= 0:
        return 0.0
    before = raw[:at].rstrip(_AROUND)
    listed = _LISTED.search(before + ",")
    if listed is None or listed.start() == 0:
        return 0.0
    head = before[: listed.start()].rstrip(_AROUND)
    return float(bool(head) and label_role(head, at="end") is not None)


_ACRONYM = re.compile(r"[A-Z][A-Z&]{1,2}")
_PARAGRAPH_CHARS = 100  # a line this long is running text (the lead under a byline)


def _is_paragraph(text: str) -> bool:
    return len(text.strip()) >= _PARAGRAPH_CHARS


def _is_date_line(text: str) -> bool:
    return bool(text) and date_line(text) is not None


def credit_features(candidate: CreditCandidate, page: CreditPage, on_line: int) -> dict[str, float]:
    """The structural features of one candidate (``on_line``: how many candidates its line
    gave). The same for every language: the name's shape in its script, whether it names
    an outlet, where it recurs, which reader gave it and where it stands."""
    entry = candidate.entry
    name, raw = entry.name, entry.raw
    folded = _fold(name)
    words = name.split()
    letters = sum(ch.isalpha() for ch in name)
    features: dict[str, float] = {f"reader_{reader}": 0.0 for reader in READERS}
    features[f"reader_{candidate.reader}"] = 1.0
    features["loose"] = float(candidate.reader.startswith("loose"))
    features.update({f"role_{role}": float(entry.role == role) for role in _ROLES})
    features["labelled"] = float(states_role(raw) or label_role(raw) is not None)
    features["label_beside"] = _label_beside(unicodedata.normalize("NFKC", raw), name)
    features["log_chars"] = math.log1p(len(name))
    features["words"] = float(len(words))
    features["one_word"] = float(len(words) == 1)
    features["letter_ratio"] = letters / max(1, len(name))
    latin = _script_share(name, _LATIN)
    features["latin"] = latin
    features["han"] = han = _script_share(name, _HAN)
    features["hangul"] = hangul = _script_share(name, _HANGUL)
    features["unspaced"] = _script_share(name, _UNSPACED)
    features["arabic_cyrillic"] = _script_share(name, _ARABIC) + _script_share(name, _CYRILLIC)
    features["capitalised"] = (
        sum(word[0].isupper() for word in words) / len(words) if latin > 0.5 and words else 0.0
    )
    features["all_capitals"] = float(latin > 0.5 and name.isupper())
    # one word of two or three capitals: an acronym (a party, an agency: "WTO", "UEC")
    features["acronym"] = float(_ACRONYM.fullmatch(name.strip(" .")) is not None)
    syllables = sum(1 for ch in name if not ch.isspace()) if han + hangul > 0.5 else 0
    features["cjk_syllables_2_4"] = float(2 <= syllables <= 4)
    features["cjk_syllables_long"] = float(syllables > 4)
    # a Chinese or Korean name opens with a common surname; a sentence's word does not
    features["cjk_surname"] = float(
        2 <= syllables <= 4 and name.lstrip()[:1] in (HAN_SURNAMES | HANGUL_SURNAMES)
    )
    features["outlet"] = float(find_organisation(name) is not None)
    features["outlet_word"] = float(has_outlet_word(name))
    features["in_headline"] = float(bool(folded) and folded in page.headline)
    mentions, share = page.recurrence(folded, raw)
    features["story_mentions"] = math.log1p(mentions)
    features["words_in_story"] = share
    features["name_share"] = len(name) / max(1, len(raw.strip()))
    features["raw_log_chars"] = math.log1p(len(raw.strip()))
    features["raw_digits"] = float(any(ch.isdigit() for ch in raw))
    features["raw_sentence_end"] = float(raw.rstrip().endswith((".", "。", "។", "။", "?", "!")))
    features["word_boundary"] = _ends_on_boundary(unicodedata.normalize("NFKC", raw), name)
    features["on_line"] = math.log1p(on_line)
    line = candidate.line
    count = max(1, len(page.texts))
    features["line_known"] = float(line is not None)
    features["above_story"] = float(line is not None and line < page.first)
    features["near_headline"] = float(
        line is not None and page.title is not None and abs(line - page.title) <= 3
    )
    features["on_headline"] = float(line is not None and line == page.title)
    features["below_story"] = float(line is not None and line > page.last)
    features["story_end"] = float(line is not None and page.last - 2 <= line <= page.last)
    features["relative_position"] = (line / count) if line is not None else 0.5
    # neighbours: a byline stands right under the headline, beside its date line
    features["under_headline"] = float(line is not None and page.under_headline(line))
    over, under = page.neighbours(line) if line is not None else ("", "")
    features["beside_date"] = float(_is_date_line(over) or _is_date_line(under))
    # a line of the top slot right over a paragraph of running text: over the lead
    features["over_lead"] = float(
        line is not None and line < page.first + 5 and _is_paragraph(under)
    )
    features["email"] = float(EMAIL.search(raw) is not None)
    features["label_heads_list"] = _label_heads_list(unicodedata.normalize("NFKC", raw), name)
    return features


@dataclass(frozen=True, slots=True)
class CreditModel:
    """Two logistics over :func:`credit_features`, one judging the rule readers' credits
    and one the loose readers', each with the probability a person credit needs."""

    rules: Logistic
    rules_threshold: float
    loose: Logistic
    loose_threshold: float

    @classmethod
    def from_json(cls, data: dict[str, object]) -> CreditModel:
        """A model from its JSON form; a ValueError names what is missing or malformed."""
        try:
            parts = {key: dict(data[key]) for key in ("rules", "loose")}  # type: ignore[call-overload]
            thresholds = {key: float(part["threshold"]) for key, part in parts.items()}
        except (KeyError, TypeError, ValueError) as error:
            raise ValueError(f"credit model: malformed weights ({error})") from error
        rules = logistic_columns(parts["rules"], "credit model (rules)")
        loose = logistic_columns(parts["loose"], "credit model (loose)")
        if rules.names != loose.names:
            raise ValueError("credit model: the two parts name different features")
        return cls(rules, thresholds["rules"], loose, thresholds["loose"])

    def to_json(self) -> dict[str, object]:
        return {
            "rules": {**self.rules.columns_json(), "threshold": self.rules_threshold},
            "loose": {**self.loose.columns_json(), "threshold": self.loose_threshold},
        }

    def accepts(self, candidate: CreditCandidate, row: dict[str, float]) -> bool:
        """Whether the model believes a candidate with these features."""
        if candidate.origin is None:
            return self.loose.probability(row) >= self.loose_threshold
        return self.rules.probability(row) >= self.rules_threshold


@functools.cache
def load_credit_model() -> CreditModel:
    """The shipped model (``archive/ingest/data/credit_model.json``), read once."""
    data = resources.files("archive.ingest").joinpath("data", _MODEL_FILE).read_text("utf-8")
    return CreditModel.from_json(json.loads(data))


def _line_of(raw: str, texts: Sequence[str], near: int) -> int | None:
    """The page line a rule reader's credit came from (its raw text), the nearest to
    ``near`` when it stands more than once."""
    rows = [row for row, text in enumerate(texts) if text and text == raw]
    if not rows:
        rows = [row for row, text in enumerate(texts) if raw and text and raw in text]
    return min(rows, key=lambda row: abs(row - near)) if rows else None


def rule_candidates(
    entries: Sequence[CreditEntry], readers: Sequence[str], page: CreditPage
) -> list[CreditCandidate]:
    """The rule readers' person credits (``entries`` read by ``readers``) as candidates,
    their names cleaned of titles; a generic credit ("our reporter", 时间) or an outlet is
    none, whatever read it as a person."""
    out: list[CreditCandidate] = []
    for origin, (entry, reader) in enumerate(zip(entries, readers, strict=True)):
        if entry.kind != "person":
            continue
        name = clean_candidate_name(entry.name) or entry.name
        if (
            (entry.role != "photographer" and is_photo_credit(entry.raw))  # a picture's
            or is_generic_credit(name)
            or has_outlet_word(name)
            or has_meta_word(name)
            or names_no_person(name)  # "FE Team", "Provincial Judge Veng"
        ):
            continue
        out.append(
            CreditCandidate(
                replace(entry, name=name),
                reader,
                _line_of(entry.raw, page.texts, page.first),
                origin,
            )
        )
    return out


def page_loose_candidates(
    entries: Sequence[CreditEntry], rules: Sequence[CreditCandidate], page: CreditPage
) -> list[CreditCandidate]:
    """The loose readers' candidates of a page whose byline the rules did not give (the
    caller asks only when no rule candidate was believed). None when the rules credit an
    outlet as the story's reporter ("By AFP"): a story has one byline. Every reading of a
    name is kept (the acceptor believes the best), but not a rule candidate's own line
    read again."""
    if any(e.kind != "person" and e.role in ("reporter", "writer") for e in entries):
        return []
    ruled = {(c.entry.name.casefold(), c.line) for c in rules}
    out: list[CreditCandidate] = []
    for candidate in loose_candidates(
        page.texts, title=page.title, first=page.first, last=page.last
    ):
        if (candidate.entry.name.casefold(), candidate.line) in ruled:
            continue
        if page.next_post is not None and (candidate.line or 0) >= page.next_post:
            continue  # the next post's byline
        if is_photo_credit(candidate.entry.raw):
            continue  # a picture's credit names no reporter
        if page.opinion:
            candidate = replace(candidate, entry=opinion_role(candidate.entry))
        out.append(candidate)
    return out


def credit_candidates(
    entries: Sequence[CreditEntry], readers: Sequence[str], page: CreditPage
) -> list[CreditCandidate]:
    """The page's person-credit candidates: the rule readers' (``rule_candidates``) and,
    on a page the rules give no candidate on, the loose readers'."""
    rules = rule_candidates(entries, readers, page)
    return rules + ([] if rules else page_loose_candidates(entries, rules, page))


def candidate_rows(
    candidates: Sequence[CreditCandidate], page: CreditPage
) -> list[dict[str, float]]:
    """Each candidate's features (the trainer reads them through this too)."""
    per_line = Counter(candidate.entry.raw for candidate in candidates)
    return [credit_features(c, page, per_line[c.entry.raw]) for c in candidates]


def accept_credits(
    entries: Sequence[CreditEntry],
    readers: Sequence[str],
    page: CreditPage,
    model: CreditModel | None = None,
) -> list[CreditEntry]:
    """The page's credits in page order: its services and outlets as read, the rule
    readers' person credits the model accepts, then — when it accepts none of those — the
    loose readers' it accepts, each name once (the shipped model by default)."""
    model = model or load_credit_model()
    rules = rule_candidates(entries, readers, page)
    kept = {
        c.origin: c.entry
        for c, row in zip(rules, candidate_rows(rules, page), strict=True)
        if model.accepts(c, row)
    }
    out = [
        kept[origin] if entry.kind == "person" else entry
        for origin, entry in enumerate(entries)
        if entry.kind != "person" or origin in kept
    ]
    if kept:
        return out
    loose = page_loose_candidates(entries, rules, page)
    names: dict[str, CreditEntry] = {}
    for candidate, row in zip(loose, candidate_rows(loose, page), strict=True):
        if model.accepts(candidate, row):
            names.setdefault(candidate.entry.name.casefold(), candidate.entry)
    return out + list(names.values())
