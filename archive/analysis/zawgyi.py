"""Zawgyi, the legacy Burmese font encoding: detection (myanmartools) and conversion (ICU).

Zawgyi text reuses the Unicode Myanmar block with other meanings, so it looks like Burmese
to every tool but is not. Google's ``myanmartools`` detector (a Markov model shipped in its
wheel, offline) gives the probability that a string is Zawgyi; ICU's ``Zawgyi-my``
transliterator converts it to Unicode Burmese. Both are created on first use, one per thread
(ICU transliterators are not documented as safe to share between threads).
"""

from __future__ import annotations

import math
import re
import threading
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import icu
    from myanmartools import ZawgyiDetector

__all__ = [
    "UNICODE_BELOW",
    "ZAWGYI_ABOVE",
    "has_myanmar",
    "readable_form",
    "zawgyi_probability",
    "zawgyi_to_unicode",
]

#: A span whose probability is above this is Zawgyi.
ZAWGYI_ABOVE = 0.95
#: A span whose probability is below this is Unicode; between the two it is undecided.
UNICODE_BELOW = 0.05

_local = threading.local()
_MYANMAR = re.compile("[\u1000-\u109f\uaa60-\uaa7f]")


def _detector() -> ZawgyiDetector:
    detector: ZawgyiDetector | None = getattr(_local, "detector", None)
    if detector is None:
        from myanmartools import ZawgyiDetector

        detector = _local.detector = ZawgyiDetector()
    return detector


def _transliterator() -> icu.Transliterator:
    transliterator: icu.Transliterator | None = getattr(_local, "transliterator", None)
    if transliterator is None:
        import icu

        transliterator = _local.transliterator = icu.Transliterator.createInstance("Zawgyi-my")
    return transliterator


def has_myanmar(text: str) -> bool:
    """True if ``text`` has a character of the Myanmar blocks (U+1000–U+109F, U+AA60–U+AA7F)."""
    return _MYANMAR.search(text) is not None


def zawgyi_probability(text: str) -> float:
    """Probability (0..1) that the Myanmar characters of ``text`` are Zawgyi-encoded.

    0.0 for text with no Myanmar character. Strings of a few syllables are often valid in
    both encodings and get a middling probability.
    """
    if not has_myanmar(text):
        return 0.0
    probability = float(_detector().get_zawgyi_probability(text))
    if math.isnan(probability) or probability < 0.0:
        return 0.0
    return min(probability, 1.0)


def zawgyi_to_unicode(text: str) -> str:
    """``text`` converted from Zawgyi to Unicode Burmese with ICU's ``Zawgyi-my`` rules.

    Non-Myanmar characters pass through unchanged. The caller decides whether the text is
    Zawgyi (:func:`zawgyi_probability`); converting Unicode text damages it.
    """
    if not has_myanmar(text):
        return text
    return str(_transliterator().transliterate(text))


def readable_form(text: str) -> str:
    """``text`` as a Unicode terminal can show it: Zawgyi converted, anything else unchanged.

    For display only (titles, list cells); stored text is never altered. Only text that is
    surely Zawgyi is converted: a wrong conversion would garble Unicode.
    """
    if not has_myanmar(text) or zawgyi_probability(text) <= ZAWGYI_ABOVE:
        return text
    return zawgyi_to_unicode(text)
