"""A Korean newsroom's byline and sign-off, in the shapes Korean papers and wires set them.

A wire's dateline with its reporter ("(서울=연합뉴스) NAME 기자 ="), a bracketed byline
("[OUTLET NAME 기자]", "[NAME 기자(ADDRESS)]"), an outlet and its reporter before a bar
("OUTLET NAME 기자 |"); a reporter's title (기자, 특파원 and the titles ending in them) is
always there. ``gluedlines`` splits these off a lead they are glued to; ``korean_byline``
reads the reporters of a line that is one of them.
"""

from __future__ import annotations

import re

from archive.ingest.credit_words import HANGUL_SURNAMES
from archive.ingest.credits import CreditEntry

__all__ = ["KO_EMAIL", "KO_NAMES", "KO_TITLE", "korean_byline", "korean_head", "names_ok"]

# A Korean reporter: one to three names, a desk or rank glued to or before the title
# ("외교·통일 선임기자", "통일북한전문기자"), an address in brackets or after it.
_END = r"(?=\s|기자|특파원)"  # a name ends at a space or its title
KO_NAMES = rf"(?P<names>(?P<name>[가-힣]{{2,4}}){_END}(?:\s+[가-힣]{{2,4}}{_END}){{0,2}})"
KO_TITLE = r"(?:[가-힣·]{0,12}\s+)?[가-힣·]{0,10}(?:기자|특파원)(?![가-힣])"
KO_EMAIL = r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+"
KO_REPORTER = rf"{KO_NAMES}\s*{KO_TITLE}(?:\s*[(\[]?{KO_EMAIL}[)\]]?)?"
KO_HEADS = tuple(
    re.compile(rf"^{shape}")
    for shape in (
        rf"[(\[【]\s*[^()\[\]【】=]{{1,20}}=[^()\[\]【】=]{{1,20}}[)\]】]\s*{KO_REPORTER}(?:\s*=|\s*$)",
        rf"[\[【]\s*(?:[^\s()\[\]【】]{{1,15}}\s+)?{KO_REPORTER}\s*[\]】]",
        rf"(?P<outlet>[^\s()\[\]【】|]{{2,15}})\s+{KO_REPORTER}(?:\s*[|｜=]|\s*$)",
    )
)

_NAME = re.compile(r"[가-힣]{2,4}")
_OUTLET_NAME = re.compile(r"[가-힣]{2,3}")


def korean_head(text: str) -> re.Match[str] | None:
    """The Korean byline opening ``text`` whose names pass ``names_ok``."""
    for shape in KO_HEADS:
        found = shape.match(text)
        if found is not None:
            return found if names_ok(found) else None
    return None


def names_ok(found: re.Match[str]) -> bool:
    """Whether a byline's names are each a name's shape opening with a common surname, and
    the outlet before them (if any) no name itself ("NAME 선임기자" is a name and a rank,
    not an outlet and a name; a Korean name is two or three syllables)."""
    outlet = found.groupdict().get("outlet")
    return all(
        _NAME.fullmatch(name) and name[0] in HANGUL_SURNAMES for name in found["names"].split()
    ) and not (
        outlet is not None and _OUTLET_NAME.fullmatch(outlet) and outlet[0] in HANGUL_SURNAMES
    )


def korean_byline(line: str) -> list[CreditEntry]:
    """The reporters of a line that is a Korean byline and nothing else.

    >>> [e.name for e in korean_byline("(서울=연합뉴스) 김민수 이지은 기자 =")]
    ['김민수', '이지은']
    """
    text = line.strip()
    found = korean_head(text)
    if found is None or text[found.end() :].strip():
        return []
    return [CreditEntry("reporter", name, "person", None, text) for name in found["names"].split()]
