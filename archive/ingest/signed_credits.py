"""A name then the verb that signs a story, read before any other reading of the line.

Uyghur "NAME تەييارلىدى" (NAME prepared it; Latin "teyyarlidi", Cyrillic "тәйярлиди") and
Burmese "NAME မှ ရေးသား(သည်)" (written by NAME), the name maybe after a date and "တွင်"
(at): "DATE TIME တွင် NAME NAME မှ ရေးသား" (the name printed twice is one name). A reader
that does not know the verb takes it for a name ("မှ ရေးသား"), so :func:`read_signed` runs
first.
"""

from __future__ import annotations

import re

from archive.ingest.credits import CreditEntry

__all__ = ["read_signed"]

_MAX_SIGNED_CHARS = 100
_UYGHUR_PREPARED = re.compile(
    r"^(?P<name>[^\W\d_][^\s\d،,.:()]*(?:\s+[^\W\d_][^\s\d،,.:()]*){0,2})\s+"
    r"(?:تەييارلىدى|teyyarlidi|тәйярлиди)\.?$",
    re.IGNORECASE,
)
# Uyghur words that stand before the verb and name no one: "for", "our reporter", "our
# commentator" (the labelled form is read by the credit-line reader).
_UYGHUR_NOT_NAMES = frozenset(
    {"ئۈچۈن", "üchün", "үчүн", "مۇخبىرىمىز", "muxbirimiz", "мухбиримиз", "ئوبزورچىمىز",
     "obzorchimiz", "обзорчимиз"}
)  # fmt: skip
_BURMESE_WRITTEN = re.compile(r"^(?P<head>.*?)\s*မှ\s*ရေးသား(?:သည်)?[။.]?$")
_BURMESE_WORD = re.compile(r"^[\u1000-\u109f]{2,24}$")


def read_signed(text: str, raw: str) -> list[CreditEntry] | None:
    """The reporter a signed line names, else None (a credit-line reader's signature).

    >>> [(e.role, e.name) for e in read_signed("Abdusalam Nuri teyyarlidi", "") or []]
    [('reporter', 'Abdusalam Nuri')]
    """
    if len(text) > _MAX_SIGNED_CHARS:
        return None
    if (uyghur := _UYGHUR_PREPARED.match(text)) is not None:
        words = uyghur["name"].split()
        if any(w.casefold() in _UYGHUR_NOT_NAMES for w in words):
            return None
        return [CreditEntry("reporter", uyghur["name"], "person", None, raw)]
    if (burmese := _BURMESE_WRITTEN.match(text)) is not None:
        words = burmese["head"].split()
        # The words after the last date word or "တွင်" (at): "DATE TIME တွင် NAME".
        start = max(
            (i + 1 for i, w in enumerate(words) if w.endswith("တွင်") or any(c.isdigit() for c in w)),
            default=0,
        )
        name = list(dict.fromkeys(words[start:]))  # a name printed twice is one name
        if 1 <= len(name) <= 2 and all(_BURMESE_WORD.match(w) for w in name):
            return [CreditEntry("reporter", " ".join(name), "person", None, raw)]
    return None
