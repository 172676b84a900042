"""Where a Latin-script name read off a byline runs on into the next field, cut back.

A saved page joins a byline's name to whatever the layout set after it, and every reader
that takes "the capitalised words after By" takes that too. Three seams show in any
outlet's copy, whatever the reader (a top byline, a slot line, a lead's head, a closing
line):

- *the wire's dateline*, its place in capitals: ``Hyonhee Shin SEOUL`` (``By NAME SEOUL
  (Reuters) –``). Only after two words in small letters: a surname in capitals after one
  given name is a name's own convention (``Sean CHANG``);
- *an outlet's brand*, a word ending in capitals after small letters: ``Lee Sang-Ki AsiaN``
  (``CamboJA``, ``AsiaN``). ``McDONOUGH`` keeps its particle: the brand has three small
  letters at least before its capitals;
- *an outlet the registry knows* after a name of two words at least: ``Jane Doe Reuters``;
- *the byline printed twice* (a theme's author box and its meta line), glued or spaced:
  ``Anne Kaderby Anne Kader``, ``Anne Kader Anne Kader``.
"""

from __future__ import annotations

import re

from archive.ingest.bylines import find_organisation

__all__ = ["cut_run_on"]

# A word in capitals: a dateline's place ("SEOUL", "KUALA", "SEOUL/WASHINGTON").
_CAPITALS = re.compile(r"[A-Z][A-Z'’-]{2,}(?:/[A-Z][A-Z'’-]+)*,?")
_NUMERAL = re.compile(r"[IVX]+,?")  # "John Smith III" keeps its numeral
# A word in small letters with a capital (a name's word): "Shin", "Sang-Ki", "McDonald".
_SMALL = re.compile(r"[A-Z][\w'’.-]*[a-z][\w'’.-]*")
# A brand: capital, three small letters at least, capitals to the word's end ("AsiaN").
_BRAND = re.compile(r"[A-Z][a-z]{3,}[A-Z]+,?")
# A name's last word glued to the "by" of its second printing ("Kaderby").
_GLUED_BY = re.compile(r"^(?P<word>\S+?)[Bb]y$")


def cut_run_on(name: str) -> str:
    """``name`` without the field a page ran it on into: a dateline's place in capitals, an
    outlet's brand or name, a second printing of the same byline (the name as it was when none).

    >>> cut_run_on("Hyonhee Shin SEOUL"), cut_run_on("Lee Sang-Ki AsiaN, Former Chairman")
    ('Hyonhee Shin', 'Lee Sang-Ki')
    >>> cut_run_on("Anne Kaderby Anne Kader"), cut_run_on("Sean CHANG")
    ('Anne Kader', 'Sean CHANG')
    >>> cut_run_on("Jane Doe Agence France Presse")
    'Jane Doe'
    """
    words = name.split()
    if len(words) < 3 or not name.isascii():
        return name
    doubled = _first_printing(words)
    if doubled is not None:
        return " ".join(doubled)
    for at in range(2, len(words)):
        if not all(_SMALL.fullmatch(w) for w in words[:at]):
            break
        if find_organisation(" ".join(words[at:])) is not None:
            return " ".join(words[:at]).rstrip(",")
        if _BRAND.fullmatch(words[at]) or (
            _CAPITALS.fullmatch(words[at]) and not _NUMERAL.fullmatch(words[at])
        ):
            return " ".join(words[:at]).rstrip(",")
    return name


def _first_printing(words: list[str]) -> list[str] | None:
    """The name's first printing when the words print it twice ("A Bby A B", "A B A B")."""
    half, odd = divmod(len(words), 2)
    if not odd and words[:half] == words[half:]:
        return words[:half]
    for at, word in enumerate(words[:-1]):
        glued = _GLUED_BY.match(word)
        if glued is None:
            continue
        first = [*words[:at], glued["word"]]
        if len(first) >= 2 and words[at + 1 : at + 1 + len(first)] == first:
            return first
    return None
