"""The archive's people, found by any spelling of their name, in any script.

A person whose aliases include a spelling in another script (``ခင်မောင်ညွန့်`` beside
``Khin Maung Nyane``) can be recognised in an original and in its English story alike: the
two articles then share that person, which is strong evidence they tell one story.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from sqlmodel import Session, select

from archive.models import Person, PersonAlias

__all__ = ["PeopleFinder"]

#: Spellings shorter than this (characters) match too much by chance.
_MIN_SPELLING = 4


def _is_latin(text: str) -> bool:
    return all(c.isascii() or not c.isalpha() or "LATIN" in _name(c) for c in text)


def _name(c: str) -> str:
    import unicodedata

    return unicodedata.name(c, "")


class PeopleFinder:
    """Finds people in texts by their spellings; only people known in two scripts count
    (a Latin name alone is already compared as a name by `archive.linking.features`)."""

    def __init__(self, spellings: Iterable[tuple[int, str]]) -> None:
        by_person: dict[int, set[str]] = {}
        for person_id, spelling in spellings:
            s = spelling.strip()
            if len(s) >= _MIN_SPELLING:
                by_person.setdefault(person_id, set()).add(s)
        self._patterns: list[tuple[int, re.Pattern[str]]] = []
        for person_id, found in sorted(by_person.items()):
            latin = {s for s in found if _is_latin(s)}
            if not latin or len(latin) == len(found):
                continue  # known in one script only
            # Latin spellings as whole words; others anywhere (scripts without spaces).
            bounded = "|".join(re.escape(s) for s in sorted(latin, key=len, reverse=True))
            free = "|".join(re.escape(s) for s in sorted(found - latin, key=len, reverse=True))
            pattern = re.compile(rf"(?<!\w)(?:{bounded})(?!\w)|{free}", re.IGNORECASE)
            self._patterns.append((person_id, pattern))

    @classmethod
    def from_session(cls, session: Session) -> PeopleFinder:
        """Every person of the archive with their name and aliases."""
        rows: list[tuple[int, str]] = [
            (p.id, p.name) for p in session.exec(select(Person)).all() if p.id is not None
        ]
        rows.extend((a.person_id, a.alias) for a in session.exec(select(PersonAlias)).all())
        return cls(rows)

    def __len__(self) -> int:
        return len(self._patterns)

    def find(self, text: str) -> frozenset[int]:
        """Ids of the people named in ``text``."""
        return frozenset(pid for pid, pattern in self._patterns if pattern.search(text))
