"""Person names from credit lines: cleaning for display and a conservative key for merging.

:func:`clean_person_name` tidies a name as written (keeping its diacritics, hyphens and
apostrophes); :func:`person_key` reduces it to a key under which spelling noise — case,
spacing, curly vs straight apostrophes, Latin diacritics, dots after initials — merges,
while anything that could tell two people apart (word order, letters, non-Latin marks)
is kept.
"""

from __future__ import annotations

import re
import unicodedata

__all__ = ["clean_person_name", "person_key"]

# Invisible characters that sneak into names copied from web pages.
_INVISIBLE = dict.fromkeys(map(ord, "\u200b\u00ad\ufeff\u2060"), None)
_WHITESPACE = re.compile(r"\s+")
# Punctuation that may trail a name in running text ("by Eugene Whong." / "Whong,").
_TRAILING = '.,;:!?·…)]}"“”'
_LEADING = '.,;:!?·…([{"“”'
_APOSTROPHES = re.compile(r"[’‘ʼ`´′']")
# A final dot that belongs to the name: an initial ("Joshua L.") or a suffix ("Jr.").
_NAME_FINAL_DOT = re.compile(r"(?:^|[\s.])(?:[A-Za-zÀ-ÖØ-öø-ɏ]|Jr|Sr|St)\.$")
# Latin letters that carry a "diacritic" Unicode does not decompose.
_LATIN_FOLDS = str.maketrans(
    {"đ": "d", "Đ": "D", "ł": "l", "Ł": "L", "ø": "o", "Ø": "O", "ħ": "h", "ı": "i"}
)


def clean_person_name(name: str) -> str:
    """Tidy a person's name as written.

    Trims, collapses runs of whitespace (including no-break spaces) to one space, removes
    invisible characters and strips punctuation that trails (or leads) the name in running
    text. Keeps diacritics, hyphens, apostrophes, inner dots ("Claire S. Lee") and the dot
    of a final initial or suffix ("Joshua L.", "John Smith Jr."), since that dot is part of
    how the name is written wherever it stands in a sentence.

    Returns:
        The cleaned name in NFC; ``""`` if nothing name-like is left.
    """
    text = unicodedata.normalize("NFC", name).translate(_INVISIBLE)
    text = _WHITESPACE.sub(" ", text).strip()
    text = text.lstrip(_LEADING + " ")
    while text and text[-1] in _TRAILING:
        if text.endswith(".") and not text.endswith("..") and _NAME_FINAL_DOT.search(text):
            break
        text = text[:-1].rstrip()
    return text


def _fold_latin_marks(text: str) -> str:
    """Drop combining marks that sit on Latin letters; keep every other script's marks.

    Burmese, Khmer, Tibetan … vowel signs are combining marks too, but they spell the
    name: removing them would merge different people. Marks with no letter under them
    (after a space or punctuation) are debris and go too.
    """
    # Fold after decomposing: "Ǿ" is "Ø" and an acute only once decomposed.
    decomposed = unicodedata.normalize("NFD", text).translate(_LATIN_FOLDS)
    kept: list[str] = []
    drop_marks = True
    for ch in decomposed:
        if unicodedata.category(ch)[0] == "M":
            if drop_marks:
                continue
        else:
            drop_marks = not ch.isalnum() or unicodedata.name(ch, "").startswith("LATIN")
        kept.append(ch)
    return unicodedata.normalize("NFC", "".join(kept))


def _key_char(ch: str) -> str:
    """A character as it stands in a key: letters, digits and marks stay, the rest is a space."""
    return ch if unicodedata.category(ch)[0] in "LNM" else " "


def person_key(name: str) -> str:
    """A normalised key under which the same person written slightly differently merges.

    Merges: case, whitespace, curly vs straight apostrophes (apostrophes are dropped),
    diacritics on Latin letters ("Nguyễn" = "Nguyen", "Đức" = "Duc"), dots after initials
    ("Claire S. Lee" = "Claire S Lee", "J.R. Smith" = "J. R. Smith"), hyphen vs space
    between syllables ("Jong-un" = "Jong Un") and any other punctuation. Never merges
    different letters, different word order, or names in other scripts that differ in any
    mark.

    Returns:
        Space-separated lower-case tokens; ``""`` for a name with no letters or digits.
    """
    text = unicodedata.normalize("NFKC", name).translate(_INVISIBLE)
    text = _fold_latin_marks(text).casefold()
    text = _APOSTROPHES.sub("", text)
    return " ".join("".join(map(_key_char, text)).split())
