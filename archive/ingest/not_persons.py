"""Words that make a Latin-script "name" no person: a newsroom's desk or an office held.

"FE Team | Published: …" credits a desk; "Provincial Judge Veng" closing a story's last
quote is a person the story speaks of. Bylines name their writers without an office (a
title of address, "Dr.", is taken off the name instead: ``credit_words.strip_titles``).
"""

from __future__ import annotations

import re
import threading

import icu

__all__ = [
    "burmese_no_name",
    "is_photo_credit",
    "khmer_no_name",
    "names_no_person",
    "names_photo_or_site",
    "tibetan_no_name",
]

# A newsroom's desk names no person ("FE Team", "Metro Desk", "Bangkok Bureau"); an office
# before a name is how a story speaks of someone it reports on ("Provincial Judge Veng",
# "Deputy Governor NAME"), never how a byline names its writer (titles of address, "Dr.",
# are taken off instead). Latin script: the native words are credit_words' closed classes.
_DESK_WORDS = frozenset({"team", "desk", "staff", "bureau", "newsroom", "editors", "reporters"})
_OFFICE_WORDS = frozenset(
    {"judge", "justice", "minister", "governor", "president", "chairman", "chairwoman", "spokesman",
     "spokeswoman", "spokesperson", "commander", "colonel", "lieutenant", "general",
     "officer", "police", "prosecutor", "senator", "mayor", "ambassador", "secretary",
     "deputy", "provincial", "commune", "district", "premier", "venerable", "lawyer"}
)  # fmt: skip


# An institution's word: no byline names a person "… Center", "… Institute", "… Ministry"
# (across every gold set's 704 credited names none holds one); a "person" holding one is an
# organisation read off a blog's sidebar or a report's author box ("Asia-Pacific Region
# Intelligence Center"). Outlet words (news, times, post …) are credit_words' own class.
_ORG_WORDS = frozenset(
    {"center", "centre", "institute", "institution", "foundation", "association",
     "committee", "ministry", "university", "office", "council", "commission", "department",
     "organization", "organisation", "federation", "society", "academy", "college",
     "school", "party", "government", "embassy", "coalition", "alliance", "corporation",
     "company", "bank", "fund", "forum", "union", "league", "parliament", "assembly",
     "administration", "authority", "intelligence", "studies"}
)  # fmt: skip

# A day's name run into a name ("Saw Yan Naing Monday"): a dateline's, not a person's word.
_DAY_WORDS = frozenset(
    {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"}
)
# A photo desk's words: a picture's credit ("NAME/STF / AP", "NAME/Getty Images") names a
# photographer, never the story's reporter; and a site's own roles ("Best Blogger Tips",
# "Admin") name no person.
_PHOTO_WORDS = frozenset({"stf", "str", "getty", "photo", "photos", "images", "handout"})
_SITE_WORDS = frozenset({"blogger", "bloggers", "admin", "administrator", "webmaster"})
_NOT_PERSON_WORDS = _DESK_WORDS | _OFFICE_WORDS | _DAY_WORDS | _ORG_WORDS
# An article opens a title or an outlet's name ("By The Nation", "By The Associated Press"),
# never a person's: English names carry no article (Arabic "al-"/"el-" are particles).
_ARTICLES = frozenset({"the"})
# An acronym alone: two capitals, or three with no vowel ("Photo-CJ": a citizen journalist;
# "NLD", "TV"). A surname in capitals keeps its vowel ("KIM", "YENI").
_ACRONYM = re.compile(r"[A-Z]{2}|[B-DF-HJ-NP-TV-Z]{3}")
# A degree after a name ("NAME, Ph.D."): split off a list of names it is no second person.
_POST_NOMINALS = frozenset({"phd", "ph.d", "dphil", "md", "m.d", "m.a", "mba", "msc", "esq"})


def names_no_person(name: str) -> bool:
    """Whether a Latin-script "name" holds a desk's word, an office's, an institution's or a
    day's ("FE Team", "Provincial Judge Veng", "Region Intelligence Center", "NAME Monday"),
    a photo desk's ("NAME Stf") or a site's role
    ("Blogger Tips"): a newsroom, a person the story speaks of, a dateline, a picture's
    credit or the site, not its writer; nor is an acronym alone ("CJ", "NLD") or a degree alone
    ("Ph.D."), nor a "name" opening with an article ("The Nation": an outlet or a title),
    nor a Tibetan, Burmese or Khmer "name" no name can be (``tibetan_no_name``,
    ``burmese_no_name``, ``khmer_no_name``)."""
    bare = name.strip(" .,")
    if _ACRONYM.fullmatch(bare) or bare.casefold() in _POST_NOMINALS:
        return True
    if _opens_with_article(bare):
        return True
    return (
        tibetan_no_name(name)
        or burmese_no_name(name)
        or khmer_no_name(name)
        or names_photo_or_site(name)
        or any(
            word.casefold().strip(".,") in _NOT_PERSON_WORDS
            for word in name.split()
            if word.isascii()
        )
    )


def names_photo_or_site(name: str) -> bool:
    """Whether a Latin-script "name" holds a photo desk's word or a site's role ("Richard
    Vogel Stf", "Best Blogger Tips"): a picture's credit or the site, no reporter.

    >>> names_photo_or_site("Richard Vogel Stf"), names_photo_or_site("Richard Vogel")
    (True, False)
    """
    return any(
        word.casefold().strip(".,/") in _PHOTO_WORDS | _SITE_WORDS
        for word in name.split()
        if word.isascii()
    )


# A picture's credit line: a photo desk's abbreviation ("NAME/STF / AP", "NAME/STR"), an
# agency's picture service ("NAME/AP Photo", "AFP Photo/NAME", "NAME/Getty Images") or a
# photo word joined to a name by a slash ("Photo/NAME"). A byline is never written so.
_PHOTO_CREDIT = re.compile(
    r"\b(?:STF|STR|Stf)\b|Getty\s+Images|\b[A-Z]{2,}\s+(?:Photo|PHOTO)\b"
    r"|/\s*(?:Photo|PHOTO)s?\b|\b(?:Photo|PHOTO)s?\s*/"
)


def is_photo_credit(raw: str) -> bool:
    """Whether a credit's line is a picture's credit ("Richard Vogel Stf / AP",
    "Lee Jin-man/AP Photo"): it names a photographer, never the story's reporter.

    >>> is_photo_credit("Lee Jin-man/AP Photo"), is_photo_credit("Reporting by Jane Doe/RFA")
    (True, False)
    """
    return _PHOTO_CREDIT.search(raw) is not None


def _opens_with_article(name: str) -> bool:
    """Whether a "name" of two words or more opens with an article ("The Nation")."""
    words = name.split()
    return len(words) > 1 and words[0].casefold() in _ARTICLES


# Tibetan names are two to six syllables ("བསྟན་འཛིན", "ཨ་མའི་བུ་བསྟན་འཛིན་ཚེ་རིང"); "and"
# (དང) joins a phrase or a list, never stands in one name.
_TIBETAN_SYLLABLES = (2, 7)
_TIBETAN_AND = "དང"


def tibetan_no_name(name: str) -> bool:
    """Whether a Tibetan-script "name" is too short or too long for a name, or holds "and":
    a fragment of a cut page ("གཅ") or a phrase ("…ཚོགས་ཆུང་དང་བཅས་པ་…").

    >>> tibetan_no_name("གཅ"), tibetan_no_name("བསྟན་འཛིན།")
    (True, False)
    """
    if not any("\u0f40" <= ch <= "\u0fbc" for ch in name):
        return False
    syllables = [part for part in re.split(r"[་༌།༎\s]+", name) if part]
    low, high = _TIBETAN_SYLLABLES
    return not low <= len(syllables) <= high or _TIBETAN_AND in syllables


# A Burmese name is honorifics and name syllables; the grammar's particles never end one of
# its words: plural တွေ/များ, topic ဟာ, "also" လည်း, sentence endings သည်/တယ်/မယ်. A word in
# Latin capitals (an acronym: "PDF", "KIA") is no part of one either.
_BURMESE_PARTICLE_ENDS = ("တွေ", "များ", "ဟာ", "လည်း", "သည်", "တယ်", "မယ်")
_LATIN_ACRONYM = re.compile(r"[A-Z]{2,}")


def burmese_no_name(name: str) -> bool:
    """Whether a Myanmar-script "name" is a phrase of a sentence: a word ends with a
    grammatical particle, or an acronym in Latin capitals stands among its words.

    >>> burmese_no_name("ဒေသတွေဟာ PDF တွေလည်း လှုပ်ရှားနေ"), burmese_no_name("ကိုမင်းထက်")
    (True, False)
    """
    if not any("\u1000" <= ch <= "\u109f" for ch in name):
        return False
    words = name.split()
    return any(_LATIN_ACRONYM.fullmatch(word) for word in words) or any(
        word.endswith(_BURMESE_PARTICLE_ENDS) for word in words
    )


# A Khmer name is a family name and a given name ("ណាត សុភាព", "យ៉ង ចាន់តារា"); the grammar's
# words never stand in one: demonstratives "this"/"that" (នេះ, នោះ), the relative ដែល, the
# complementiser ថា, connectives that open a sentence ("together with this" ជាមួយគ្នា, "and
# then" ហើយ, "but" ប៉ុន្តែ, "so" ដូច្នេះ), "more" ទៀត, "of" របស់, "towards" ចំពោះ. Words as ICU's
# dictionary break iterator finds them (Khmer writes no space between words).
_KHMER_GRAMMAR_WORDS = frozenset(
    {"នេះ", "នោះ", "ដែល", "ថា", "ជាមួយគ្នា", "ហើយ", "ប៉ុន្តែ", "ដូច្នេះ", "ទៀត", "របស់", "ចំពោះ"}
)
_local = threading.local()


def khmer_no_name(name: str) -> bool:
    """Whether a Khmer-script "name" holds a word of the grammar: a phrase cut from a
    sentence ("ជាមួយគ្នានេះ រដ្ឋបាលខ", "together with this, the administr…"), no person.

    >>> khmer_no_name("ជាមួយគ្នានេះ រដ្ឋបាលខ"), khmer_no_name("ណាត សុភាព")
    (True, False)
    """
    if not any("\u1780" <= ch <= "\u17ff" for ch in name) or any(ord(ch) > 0xFFFF for ch in name):
        return False  # ICU counts UTF-16 units: only the basic plane maps one to one
    iterator: icu.BreakIterator | None = getattr(_local, "words", None)
    if iterator is None:
        iterator = _local.words = icu.BreakIterator.createWordInstance(icu.Locale("km"))
    iterator.setText(name)
    start, words = iterator.first(), []
    for end in iterator:
        words.append(name[start:end].strip())
        start = end
    return any(word in _KHMER_GRAMMAR_WORDS for word in words)
