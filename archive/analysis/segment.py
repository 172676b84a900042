"""Paragraphs and sentences: character offsets into a text, by rules written per script.

Invariants (tested with hypothesis): paragraphs and sentences are ``(start, end)`` offsets
into the text given, end exclusive; they never begin or end with whitespace
(``str.isspace``); they are in order and never overlap; every sentence lies inside its
paragraph; together the sentences of a paragraph cover every non-whitespace character of it.

ICU's sentence break iterator is not used: it splits after ``Maj.``, ``Sept.`` and ``U.S.``
even with the ``ss=standard`` suppressions, does not split Khmer at ``។``, knows no Tibetan
shad grammar and nothing of Lao. The rules here are, per terminator:

- ``။`` (Burmese; ``၊`` is a comma), ``។ ៕`` (Khmer, not inside ``។ល។`` "etc."), ``؟ ۔``,
  ``。！？`` and danda: always a boundary, closing quotes and brackets kept in the sentence;
- ``།`` (Tibetan shad) also closes clauses: a boundary unless the syllable before it is a
  clause-linking particle (:data:`TIBETAN_CONNECTORS`); ``༎`` and a doubled shad always;
  a final verb ending in ``ག`` followed by a space (where the shad is left out) is one too;
- ``. ! ?``: a boundary when followed by white space and not by a lower-case word, and for
  ``.`` not after an abbreviation, an initial or a dotted initialism (unless the next word
  is a typical sentence opener such as "The"), nor inside a number;
- Lao written without punctuation: spaces are scored by :mod:`archive.analysis.lao`.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable, Iterator

__all__ = [
    "TIBETAN_CONNECTORS",
    "split_paragraphs",
    "split_sentences",
]

Span = tuple[int, int]

# --- characters -------------------------------------------------------------------------

_ALWAYS = "။។៕؟۔।॥。！？｡܀።፧༎"  # end a sentence wherever they stand
_LATIN_STYLE = ".!?‼⁇⁈⁉．…"  # need a space after them and context checks
_SHAD = "།"
_TIBETAN_ALWAYS = "༎༏༐༑"
_TERMINATORS = _ALWAYS + _LATIN_STYLE + _SHAD + _TIBETAN_ALWAYS
_CLOSERS = "\"'”’»›」』）)]}】〕〉》〗〙〛"
_OPENERS = "\"'“‘«‹「『（([{【〔〈《〖〘〚"
_ZERO_WIDTH = "\u200b\u200c\u200d\u2060\ufeff"

_CANDIDATE = re.compile(f"[{re.escape(_TERMINATORS)}]+|၊၊|(?<=[\u0f40-\u0fbc]ག)[ \u00a0](?=\\S)")

_LINE_BREAK = re.compile(r"\r\n|[\n\r\x0b\x0c\x1c-\x1e\x85\u2028\u2029]")

# --- word lists ---------------------------------------------------------------------------


def _wordset(words: str) -> frozenset[str]:
    return frozenset(words.split())


#: Abbreviations that are never the end of a sentence (titles, "No. 5", "St. Louis", …).
_NEVER_FINAL = _wordset(
    """Mr Mrs Ms Mx Dr Prof Gen Lt Col Maj Capt Cpt Cmdr Cdr Sgt Cpl Pvt Adm Gov Sen Rep
    Rev Hon Pres Supt Insp Det Brig Messrs Mme Mlle Fr St Mt Ft No Nos Nr Art Vol Fig Figs Ch
    Sec Para pp p vs cf e.g i.e approx est dept Dept Univ Ave Blvd Rd Sq Ste Ph.D PhD Lic
    TP Tp TS PGS GS ThS Th.S BS KS"""
)
#: Abbreviations that end a sentence only before a sentence opener ("... Inc. The ...").
_SOMETIMES_FINAL = _wordset("Inc Ltd Co Corp Jr Sr Bros LLC plc Plc PLC Esq etc al Ltd Pty")
_MONTHS = _wordset("Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec")
_TIMES = frozenset({"a.m", "p.m", "A.M", "P.M"})
_WEEKDAYS_MONTHS = _wordset(
    """Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April
    May June July August September October November December"""
)
#: Words that usually begin a sentence: after an ambiguous "U.S." or "Inc." they mean the
#: full stop also ended the sentence.
_OPENER_WORDS = _wordset(
    """The A An He She It They We I You But And Or So Yet This That These Those There Here
    His Her Its Their Our My Your In On At As If When While After Before Since Although
    Though However Meanwhile Also Still Then Now Some Many Most All Both Each Every No One
    Two Three What Why How Who Where Which Mr Mrs Ms Dr According Last Next Earlier Later"""
)

#: Tibetan syllables that link clauses: a shad after them does not end the sentence.
TIBETAN_CONNECTORS = _wordset(
    """དང ཅིང ཞིང ཤིང སྟེ ཏེ དེ ནས ན ལ ར རུ སུ ཏུ དུ ཀྱང ཡང འང ནི མོད ཅེས ཞེས གི ཀྱི གྱི
    འི ཡི གིས ཀྱིས གྱིས ཡིས ལས བར པར སྐབས རྗེས དུས ཕྱིར ཚེ ཙམ ཆེད སླད རྒྱུར ཕྱིན ཟད
    མཐར ཐོག འོག"""
)
#: Tibetan final verbs ending in ག, after which the shad is written as a plain space.
_TIBETAN_FINAL_G = _wordset("འདུག བཅུག ཆོག བཞག ཤོག ཅིག ཤིག ལོག ཕོག ཐུག")

_TSHEG = "་༌"

#: Words that continue a sentence after a quotation closed by a full stop:
#: Burmese ဟု "that" (Zawgyi and Unicode spellings of လို့), Korean 라고/고 (a lone word),
#: Japanese と, Tibetan ཞེས/ཅེས.
_QUOTATIVES = (
    "ဟု",
    "ဟူ",
    "လို့",
    "လို႔",
    "လုိ႔",
    "ဆို",
    "라고",
    "이라고",
    "하고",
    "하며",
    "라며",
    "と",
    "って",
    "ཞེས",
    "ཅེས",
    "ཤེས་",
)


# --- paragraphs ---------------------------------------------------------------------------


def _trim(text: str, start: int, end: int) -> Span | None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return (start, end) if start < end else None


def split_paragraphs(text: str) -> list[Span]:
    """Paragraph spans of ``text``: blocks separated by blank lines.

    When no blank line stands between two non-blank lines, each non-blank line is a
    paragraph (a file of one paragraph per line). Spans are trimmed of white space.
    """
    lines: list[Span] = []
    pos = 0
    for match in _LINE_BREAK.finditer(text):
        lines.append((pos, match.start()))
        pos = match.end()
    lines.append((pos, len(text)))
    blank = [not text[a:b].strip() for a, b in lines]
    content = [i for i, is_blank in enumerate(blank) if not is_blank]
    if not content:
        return []
    has_blank_separator = any(blank[content[0] : content[-1] + 1])
    spans: list[Span] = []
    if not has_blank_separator:
        for i in content:
            span = _trim(text, *lines[i])
            if span:
                spans.append(span)
        return spans
    block_start: int | None = None
    block_end = 0
    for (a, b), is_blank in zip(lines, blank, strict=True):
        if is_blank:
            if block_start is not None:
                span = _trim(text, block_start, block_end)
                if span:
                    spans.append(span)
                block_start = None
            continue
        if block_start is None:
            block_start = a
        block_end = b
    if block_start is not None:
        span = _trim(text, block_start, block_end)
        if span:
            spans.append(span)
    return spans


# --- sentences ----------------------------------------------------------------------------


def _is_cjk(char: str) -> bool:
    """Han or kana: scripts written without spaces (Korean has spaces, so not Hangul)."""
    code = ord(char)
    return (
        0x3040 <= code <= 0x30FF  # kana
        or 0x3400 <= code <= 0x9FFF  # Han
        or 0xF900 <= code <= 0xFAFF
        or 0x20000 <= code <= 0x3FFFF
    )


def _token_before(text: str, start: int, pos: int) -> str:
    """The word just before ``pos`` (back to white space or an opening bracket/quote).

    A Latin word written against another script ("…སྐབས་St.") is taken alone.
    """
    i = pos
    while i > start and not text[i - 1].isspace() and text[i - 1] not in _OPENERS:
        i -= 1
    token = text[i:pos]
    if token and token[-1].isascii():
        j = len(token)
        while j > 0 and (token[j - 1].isascii() or (token[j - 1].isalpha() and token[j - 1] < "ɏ")):
            j -= 1
        token = token[j:]
    return token


def _word_after(text: str, pos: int, end: int) -> str:
    """The word starting at ``pos`` with any opening quotes/brackets skipped."""
    while pos < end and text[pos] in _OPENERS:
        pos += 1
    i = pos
    while i < end and (text[i].isalnum() or text[i] in "'’-"):
        i += 1
    return text[pos:i]


def _is_initialism(token: str) -> bool:
    """``A``, ``U.S``, ``D.C``, ``ສ.ປ.ປ``: single letters (or pairs) joined by full stops;
    in a script written without spaces the word before is glued to the first letter
    (Khmer ``មន្រ្តីគ.ជ.ប``: "official" then the initials of the election committee)."""
    parts = token.split(".")
    if len(parts) == 1:
        return len(token) == 1 and token.isalpha() and not token.islower()
    if all(0 < len(p) <= 2 and p.isalpha() for p in parts):
        return True
    glued, *letters = parts
    return (
        len(letters) >= 2
        and not glued.isascii()
        and glued[-1:].isalpha()
        and all(0 < len(p) <= 2 and p.isalpha() for p in letters)
    )


def _full_stop_ends(text: str, start: int, a: int, nxt: int, end: int) -> bool:
    """Whether the single ``.`` at ``a`` (next non-space at ``nxt``) ends a sentence."""
    token = _token_before(text, start, a).lstrip("".join(_OPENERS))
    word = _word_after(text, nxt, end)
    if token in _NEVER_FINAL or token.rstrip(".") in _NEVER_FINAL:
        return False
    if token in _MONTHS:
        return bool(word) and not word[0].isdigit() and word in _OPENER_WORDS
    if token in _TIMES:
        return bool(word) and word[0].isupper() and word not in _WEEKDAYS_MONTHS
    if token in _SOMETIMES_FINAL or _is_initialism(token):
        return word in _OPENER_WORDS
    return True


def _tibetan_syllable_before(text: str, start: int, pos: int) -> str:
    i = pos
    while i > start and (text[i - 1] in _TSHEG or text[i - 1] == " "):
        i -= 1
    j = i
    while j > start and not (text[j - 1] in _TSHEG or text[j - 1].isspace() or text[j - 1] in "།༎"):
        j -= 1
    return text[j:i]


def _shad_ends(text: str, start: int, a: int, b: int, end: int) -> bool:
    """Whether the shad run ``text[a:b]`` ends a sentence (see module docstring)."""
    if b - a > 1 or any(c in _TIBETAN_ALWAYS for c in text[a:b]):
        return True
    nxt = b
    while nxt < end and text[nxt] == " ":
        nxt += 1
    if nxt < end and text[nxt] == _SHAD:  # "། །" closes a section
        return True
    syllable = _tibetan_syllable_before(text, start, a)
    return syllable not in TIBETAN_CONNECTORS


class _QuoteCounts:
    """How often a quotation mark occurs in ``text[a:b]``, in time logarithmic in the span.

    A sentence that never ends (thousands of ``a. b. c.``) would make counting from its
    start at every terminator quadratic; each mark's offsets in the paragraph are found
    once, on first use, and counted by bisection.
    """

    def __init__(self, text: str, start: int, end: int) -> None:
        self._text, self._start, self._end = text, start, end
        self._offsets: dict[str, list[int]] = {}

    def count(self, mark: str, a: int, b: int) -> int:
        offsets = self._offsets.get(mark)
        if offsets is None:
            offsets = self._offsets[mark] = []
            at = self._text.find(mark, self._start, self._end)
            while at >= 0:
                offsets.append(at)
                at = self._text.find(mark, at + 1, self._end)
        return bisect_left(offsets, b) - bisect_left(offsets, a)


_OPENER_OF = {"”": "“", "»": "«", "’": "‘", "」": "「", "』": "『"}


def _quote_open(quotes: _QuoteCounts, start: int, pos: int, closer: str) -> bool:
    """Whether a quotation opened in ``text[start:pos]`` is still waiting for ``closer``."""
    if closer == '"':
        return quotes.count('"', start, pos) % 2 == 1
    opener = _OPENER_OF.get(closer)
    return opener is not None and quotes.count(opener, start, pos) > quotes.count(
        closer, start, pos
    )


def _absorb(text: str, pos: int, end: int, sentence_start: int, quotes: _QuoteCounts) -> int:
    """Move ``pos`` past closing quotes, brackets, more terminators and zero-width marks."""
    while True:
        while pos < end:
            char = text[pos]
            if char == '"' and not _straight_quote_closes(text, sentence_start, pos, end, quotes):
                break
            if char in _CLOSERS or char in _ZERO_WIDTH or char in _TERMINATORS:
                pos += 1
            else:
                break
        # A closing quote written after a space ("។ ”") still closes this sentence.
        nxt = pos
        while nxt < end and text[nxt] in " \u00a0":
            nxt += 1
        if nxt < end and nxt > pos and _quote_open(quotes, sentence_start, pos, text[nxt]):
            after = nxt + 1
            if after >= end or text[after].isspace() or text[after] in _TERMINATORS:
                pos = after
                continue
        return pos


def _straight_quote_closes(
    text: str, sentence_start: int, pos: int, end: int, quotes: _QuoteCounts
) -> bool:
    """Whether the ``"`` at ``pos``, right after a terminator, closes a quotation.

    It does when a quotation is open in the sentence, or when white space follows it;
    ``。"我们`` opens the next sentence's quotation.
    """
    after = pos + 1
    if after >= end or text[after].isspace() or text[after] in _CLOSERS:
        return True
    return quotes.count('"', sentence_start, pos) % 2 == 1


def _next_nonspace(text: str, pos: int, end: int) -> int:
    while pos < end and text[pos].isspace():
        pos += 1
    return pos


def _first_letter(text: str, pos: int, end: int) -> str:
    while pos < end and (text[pos] in _OPENERS or text[pos] in _ZERO_WIDTH):
        pos += 1
    return text[pos] if pos < end else ""


def _quotative_follows(text: str, pos: int, end: int) -> bool:
    return text.startswith(_QUOTATIVES, pos) or (
        text.startswith("고", pos) and (pos + 1 >= end or text[pos + 1].isspace())
    )


def _boundaries(text: str, start: int, end: int) -> Iterator[int]:
    """End offsets of sentences inside the paragraph ``text[start:end]`` (punctuation rules)."""
    sentence_start = start
    pos = start
    quotes = _QuoteCounts(text, start, end)
    while True:
        match = _CANDIDATE.search(text, pos, end)
        if match is None:
            return
        a, b = match.span()
        pos = b
        run = match.group()
        if run in (" ", "\u00a0"):  # a verb in ག ends a sentence: its shad is left out
            if _tibetan_syllable_before(text, start, a) in _TIBETAN_FINAL_G:
                nxt = _next_nonspace(text, b, end)
                if not text.startswith(_QUOTATIVES, nxt):
                    yield a
                    sentence_start = nxt
            continue
        stop = _absorb(text, b, end, sentence_start, quotes)
        nxt = _next_nonspace(text, stop, end)
        if nxt >= end:
            return
        spaced = nxt > stop
        first = _first_letter(text, nxt, end)
        quoted = stop > b and any(c in _CLOSERS for c in text[b:stop])
        ends: bool
        if quoted and _quotative_follows(text, nxt, end):
            ends = False  # "…။” ဟု သူက ပြောသည်။", "…다.”라고 말했다."
        elif run == "၊၊":  # two little sections typed for ။
            ends = True
        elif any(c in _ALWAYS for c in run) or any(c in _TIBETAN_ALWAYS for c in run):
            ends = not (run == "។" and text.startswith("ល។", b))
            if ends and b >= 3 and text[b - 3 : b] == "។ល។":
                ends = False
            if ends and first.islower() and spaced and not any(c in "។။" for c in run):
                ends = False  # "？" she asked — Latin-style use in mixed text
        elif _SHAD in run:
            ends = _shad_ends(text, start, a, b, end) and not text.startswith(_QUOTATIVES, nxt)
        else:
            ends = _latin_style_ends(text, start, a, b, stop, nxt, end, run, spaced, first)
        if ends:
            yield stop
            sentence_start = nxt
            pos = nxt


def _latin_style_ends(
    text: str,
    start: int,
    a: int,
    b: int,
    stop: int,
    nxt: int,
    end: int,
    run: str,
    spaced: bool,
    first: str,
) -> bool:
    """Decide a run of ``. ! ? …`` (``text[a:b]``, closers up to ``stop``, next text at ``nxt``)."""
    if not spaced:
        # "3.5", "U.S.", "example.com" go on; Chinese written with ASCII "?" does not.
        return a > start and _is_cjk(text[a - 1]) and _is_cjk(text[nxt])
    if first.islower():
        return False
    if run in (".", "．"):
        return _full_stop_ends(text, start, a, nxt, end)
    if "…" in run or ".." in run:
        return first.isupper() or (first.isalpha() and not first.islower() and _is_cjk(first))
    return True


def split_sentences(
    text: str,
    start: int,
    end: int,
    *,
    extra_boundaries: Callable[[str, int, int], list[int]] | None = None,
) -> list[Span]:
    """Sentence spans inside ``text[start:end]`` (a paragraph), trimmed of white space.

    ``extra_boundaries`` may add boundary offsets found another way (the Lao model).
    """
    cuts = list(_boundaries(text, start, end))
    if extra_boundaries is not None:
        cuts = sorted(set(cuts).union(extra_boundaries(text, start, end)))
    spans: list[Span] = []
    previous = start
    for cut in [*cuts, end]:
        if cut <= previous:
            continue
        span = _trim(text, previous, cut)
        if span:
            spans.append(span)
        previous = cut
    return spans
