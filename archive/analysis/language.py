"""Language identification: the script decides first, then letters, then langdetect.

- A script only one archived language writes decides it: Khmer → ``km``, Lao → ``lo``,
  Tibetan → ``bo``, Hangul → ``ko``, kana → ``ja``, Thai → ``th`` (and a few more).
- Myanmar script: Burmese ``my`` unless Shan (``shn``), Mon (``mnw``) or Sgaw Karen (``ksw``)
  letters show; Zawgyi-encoded text is Burmese.
- Arabic script: Uyghur ``ug`` by its own letters (ې ۆ ۇ ۈ ۋ ە), Sorani ``ckb`` and Pashto
  ``ps`` by theirs, otherwise langdetect among ``ar fa ur``.
- Han: ``zh-Hant`` or ``zh-Hans`` by the share of characters only one system uses; written
  Cantonese ``yue`` only where the text is overwhelmingly colloquial: its function
  characters (嘅 唔 咗 佢 哋 冇 喺 …) outside quotations at 3% of the Han text at least (a
  Cantonese text writes 嘅 about as often as Mandarin writes 的: NTREX's Cantonese documents
  run 5–20%), against Mandarin ones (的 們 這 沒 說 …). Hong Kong's written-Chinese press
  quotes its speakers in Cantonese and slips a colloquial word or two into a column; that is
  ``zh-Hant``, as every gold set records it.
- Latin: Vietnamese ``vi`` by its letters (ơ ư ă đ and the stacked tone marks); Uyghur in
  its Latin alphabet (ULY: x, q, gh, é, ö, ü and none of Turkish ı ş ğ) ``ug``; otherwise
  langdetect among the Latin-script languages it knows; likewise Cyrillic (where Uyghur
  Cyrillic, with җ ә һ ң ө ү and none of Kazakh і ұ, is ``ug``), Devanagari.

langdetect's profiles are loaded on first use only (about 0.2 s) and it runs with a fixed
seed, so results are deterministic. Confidence shrinks with the amount of evidence: short
and mixed text is reported as not reliable rather than guessed with confidence.
"""

from __future__ import annotations

import logging
import re
import threading
from collections import Counter
from dataclasses import dataclass
from typing import TYPE_CHECKING

from archive.analysis.scripts import char_script, dominant_script, han_variant_share, script_counts

if TYPE_CHECKING:
    from langdetect.detector_factory import DetectorFactory

__all__ = [
    "LanguageGuess",
    "article_language",
    "detect_language",
    "guess_language",
    "is_language_code",
    "language_for_script",
]

logger = logging.getLogger(__name__)

#: Scripts that only one language of interest is written in.
_SCRIPT_LANGUAGE = {
    "Khmr": "km",
    "Laoo": "lo",
    "Tibt": "bo",
    "Hang": "ko",
    "Jpan": "ja",
    "Thai": "th",
    "Grek": "el",
    "Hebr": "he",
    "Armn": "hy",
    "Geor": "ka",
    "Sinh": "si",
    "Gujr": "gu",
    "Guru": "pa",
    "Taml": "ta",
    "Telu": "te",
    "Knda": "kn",
    "Mlym": "ml",
    "Orya": "or",
    "Beng": "bn",
    "Thaa": "dv",
}

#: langdetect languages to choose among, per script.
_LANGDETECT_CHOICES = {
    "Latn": [
        *["af", "ca", "cs", "cy", "da", "de", "en", "es", "et", "fi", "fr", "hr", "hu", "id"],
        *["it", "lt", "lv", "nl", "no", "pl", "pt", "ro", "sk", "sl", "so", "sq", "sv", "sw"],
        *["tl", "tr", "vi"],
    ],
    "Cyrl": ["ru", "uk", "bg", "mk"],
    "Arab": ["ar", "fa", "ur"],
    "Deva": ["hi", "mr", "ne"],
}

# Letters that identify a language inside a shared script.
_UYGHUR = frozenset("ېۆۇۈۋە")
_SORANI = frozenset("ێڵڕ")
_PASHTO = frozenset("ټډړښږګڼځڅ")
_VIETNAMESE = frozenset(
    "ăâđơưĂÂĐƠƯ"
    + "".join(chr(c) for c in range(0x1EA0, 0x1EFA) if c not in (0x1EB8, 0x1EB9, 0x1ECC, 0x1ECD))
)
_SHAN = frozenset(chr(c) for c in [*range(0x1075, 0x108E), *range(0x109A, 0x109E)])
_MON = frozenset("ၚၛၜၝၞၟၠဳဴဵဨ")
_KAREN = frozenset(chr(c) for c in range(0x1061, 0x1065))

#: English function words other Latin-script languages do not write ("in", "is", "was",
#: "an", "to", "of", "at" are left out: Dutch, German, Danish or Polish have them too).
_ENGLISH = frozenset(
    [
        *["the", "and", "that", "with", "for", "from", "this", "which", "said", "were"],
        *["would", "have", "has", "had", "they", "their", "his", "she", "he", "it", "are"],
        *["by", "not", "but", "who", "been", "its", "these", "there", "what", "when"],
    ]
)
_WORD = re.compile(r"[^\W\d_]+")

#: Characters of written Cantonese that Mandarin does not use.
_CANTONESE = frozenset("嘅唔咗佢哋冇喺嚟啲嘢噉嗰啱揾搵乜咩㗎喎嘞冚攞嘥諗瞓攰嚿")
#: Cantonese words whose characters also occur in Mandarin (係 is 關係's 係): half weight.
_CANTONESE_WEAK = frozenset("係咁睇畀俾")
#: Mandarin function characters that written Cantonese replaces.
_MANDARIN = frozenset("的們们這这沒没說说嗎吗麼么他她")

# Evidence (weighted letters) needed for full confidence.
_FULL_EVIDENCE_SCRIPT = 10.0
_FULL_EVIDENCE_HAN = 24.0
_FULL_EVIDENCE_LANGDETECT = 60.0
_LANGDETECT_SAMPLE = 1200  # characters handed to langdetect; more changes nothing but time
_LANGDETECT_ITERATIONS = 1000

#: At or above this confidence (and with enough of one script) a guess is reliable.
RELIABLE_CONFIDENCE = 0.75


@dataclass(frozen=True, slots=True)
class LanguageGuess:
    """What :func:`guess_language` found: language, script, confidence and reliability."""

    language: str | None
    script: str | None
    confidence: float
    reliable: bool


_factory_lock = threading.Lock()
_factory: DetectorFactory | None = None


def _langdetect_factory() -> DetectorFactory:
    """langdetect's profiles, loaded once on first use (not at import)."""
    global _factory
    with _factory_lock:
        if _factory is None:
            from langdetect.detector_factory import PROFILES_DIRECTORY, DetectorFactory

            factory = DetectorFactory()
            factory.load_profile(PROFILES_DIRECTORY)
            factory.seed = 0  # deterministic sampling
            _factory = factory
            logger.debug("loaded %d langdetect profiles", len(factory.get_lang_list()))
    return _factory


def load_langdetect_profiles() -> None:
    """Load langdetect's profiles now (benchmarks time this apart from detection)."""
    _langdetect_factory()


def _langdetect(text: str, choices: list[str], script: str) -> tuple[str | None, float]:
    """langdetect's best language among ``choices`` for the ``script`` letters of ``text``."""
    from langdetect.lang_detect_exception import LangDetectException

    sample = "".join(
        c if c.isspace() or char_script(c) in (script, "Zinh") else " "
        for c in text[:_LANGDETECT_SAMPLE]
    )
    detector = _langdetect_factory().create()
    detector.set_prior_map(dict.fromkeys(choices, 1.0))
    # Short or ambiguous text otherwise runs 7 trials of up to 10,000 steps each.
    detector.ITERATION_LIMIT = _LANGDETECT_ITERATIONS
    detector.append(sample)
    try:
        probabilities = detector.get_probabilities()
    except LangDetectException:
        return None, 0.0
    if not probabilities:
        return None, 0.0
    best = probabilities[0]
    return str(best.lang), float(best.prob)


def _share(chars: Counter[str], letters: frozenset[str]) -> int:
    return sum(n for c, n in chars.items() if c in letters)


def _myanmar_language(text: str, chars: Counter[str], zawgyi: bool | None) -> tuple[str, float]:
    """Burmese, Shan, Mon or Karen for Myanmar-script text (``zawgyi`` if already known)."""
    from archive.analysis.zawgyi import ZAWGYI_ABOVE, zawgyi_probability

    if zawgyi is None:
        zawgyi = zawgyi_probability(text) > ZAWGYI_ABOVE
    if zawgyi:
        return "my", 1.0  # Zawgyi is a Burmese font encoding; its code points mean other things
    total = sum(n for c, n in chars.items() if "\u1000" <= c <= "\u109f") or 1
    scores = {
        "shn": _share(chars, _SHAN),
        "mnw": _share(chars, _MON),
        "ksw": _share(chars, _KAREN),
    }
    language, count = max(scores.items(), key=lambda item: item[1])
    if count >= 1 and count / total >= 0.01:
        return language, min(1.0, 0.5 + count / total * 10)
    return "my", 1.0


def _arabic_language(text: str, chars: Counter[str]) -> tuple[str | None, float]:
    uyghur = _share(chars, _UYGHUR)
    sorani = _share(chars, _SORANI)
    pashto = _share(chars, _PASHTO)
    total = sum(n for c, n in chars.items() if "\u0600" <= c <= "\u06ff") or 1
    if sorani >= 2 and sorani > uyghur:
        return "ckb", min(1.0, 0.5 + sorani / total * 20)
    if uyghur >= 1 and uyghur / total >= 0.02 and uyghur > pashto:
        return "ug", min(1.0, 0.6 + uyghur / total * 8)
    if pashto >= 2 and pashto / total >= 0.01:
        return "ps", min(1.0, 0.5 + pashto / total * 20)
    return _langdetect(text, _LANGDETECT_CHOICES["Arab"], "Arab")


# A quotation in the text: Hong Kong's press writes standard Chinese and quotes its speakers
# in Cantonese (「佢哋唔會…」), so what stands in quotes does not make the text Cantonese.
_QUOTED = re.compile(r"「[^「」]{0,400}」|『[^『』]{0,400}』|“[^“”]{0,400}”|﹁[^﹁﹂]{0,400}﹂")
# Written Cantonese: its own characters at this share of the Han text, at least (a page of it
# writes 嘅 唔 咗 喺 … every few words — NTREX-128's Cantonese documents 5–20% —; standard
# Chinese has a stray one in a name, a quote or a columnist's aside: 0.2–1.2% on the gold
# pages, every one of which records Hong Kong's written Chinese as zh-Hant).
_CANTONESE_RATE = 0.03


def _is_han(char: str) -> bool:
    return "\u3400" <= char <= "\u9fff" or "\U00020000" <= char <= "\U0002ffff"


def _cantonese_evidence(text: str, chars: Counter[str]) -> tuple[float, int, int]:
    """Written Cantonese's characters, Mandarin's function characters and the Han letters in
    the text outside its quotations (the whole text when it is mostly quotation)."""
    unquoted, count = text, 1
    while count:  # innermost first: a quotation may quote ("「…「敏感」傳媒…」")
        unquoted, count = _QUOTED.subn("", unquoted)
    han_all = sum(n for c, n in chars.items() if _is_han(c))
    outside = Counter(unquoted)
    han = sum(n for c, n in outside.items() if _is_han(c))
    if han < 0.3 * han_all:  # a transcript or a page of quotes: read it all
        outside, han, unquoted = chars, han_all, text
    cantonese = _share(outside, _CANTONESE) + 0.5 * _share(outside, _CANTONESE_WEAK)
    cantonese -= 0.5 * unquoted.count("關係") + 0.5 * unquoted.count("关係")
    return cantonese, _share(outside, _MANDARIN), han


def _chinese_language(text: str, chars: Counter[str], script: str) -> tuple[str, float]:
    cantonese, mandarin, han = _cantonese_evidence(text, chars)
    if (
        cantonese >= 1
        and cantonese >= _CANTONESE_RATE * han
        and (mandarin == 0 or (cantonese >= 1.5 and cantonese >= 0.1 * mandarin))
    ):
        return "yue", min(1.0, 0.5 + cantonese / (cantonese + mandarin + 1) * 0.5 + cantonese / 10)
    share, n = han_variant_share(text)
    variant_confidence = max(share, 1.0 - share) if n >= 2 else 0.5
    language = "zh-Hant" if script == "Hant" else "zh-Hans"
    if cantonese >= 1:  # a Cantonese word or two in Mandarin text: less sure
        variant_confidence *= 0.8
    return language, variant_confidence


# Uyghur Latin (ULY) writes x and q often, é ö ü, and none of the letters Turkish,
# Azerbaijani and Uzbek Latin have and it lacks.
_ULY_FREQUENT = frozenset("xqXQ")
_ULY_VOWELS = frozenset("éöüÉÖÜ")
_NOT_ULY = frozenset("ışğçəŞĞÇƏİʻʼ")
# Uyghur Cyrillic: ә ө ү җ ң һ (with ғ қ); Kazakh adds і ұ, Kyrgyz lacks ә һ җ.
_UYGHUR_CYRILLIC = frozenset("әөүҗңһғқӘӨҮҖҢҺҒҚ")
_UYGHUR_CYRILLIC_MARK = frozenset("җәһҖӘҺ")
_NOT_UYGHUR_CYRILLIC = frozenset("іұӯҳҷІҰӮҲҶ")


# Uyghur's frequent function words in Latin letters (ULY and the older Turkish-style
# spelling with ş ç ğ), against Turkish's own: "we"/"ve" (and), "bilen"/"ile" (with),
# "üchün"/"için" (for), "qilip"/"olarak" … Turkish writes no q, x or w at all.
_ULY_WORDS = frozenset(
    {"we", "bilen", "üchün", "üçün", "üchun", "qilip", "qildi", "qilidu", "qilghan", "qilğan",
     "bolup", "bolghan", "bolğan", "bolidu", "idi", "dep", "déyilgen", "hem", "heqqide",
     "teripidin", "qatarliq", "arqiliq", "ikenlikini", "xewer", "muxbirimiz", "uyghur",
     "uygur", "uyğur", "xitay", "ularning", "uning", "munasiwetlik", "boyiche", "boyičhe"}
)  # fmt: skip
_TURKISH_WORDS = frozenset(
    {"ve", "ile", "için", "olarak", "olan", "gibi", "daha", "değil", "kadar", "sonra",
     "göre", "tarafından", "ise", "diye", "ancak", "veya", "çünkü", "şimdi", "yani"}
)  # fmt: skip
_NOT_TURKISH = frozenset("qxwQXW")


def _is_uyghur_latin(chars: Counter[str], letters: float, text: str = "") -> bool:
    frequent = _share(chars, _ULY_FREQUENT)
    if (
        frequent >= max(3, 0.015 * letters)
        and _share(chars, _ULY_VOWELS) >= max(2, 0.005 * letters)
        and _share(chars, _NOT_ULY) <= 0.001 * letters
    ):
        return True
    # Uyghur written with Turkish letters (ş ç ğ): its function words and the q, x and w
    # Turkish never writes decide, not the letters the two spellings share.
    words = _WORD.findall(text[:_LANGDETECT_SAMPLE].lower())
    uyghur = sum(1 for w in words if w in _ULY_WORDS)
    turkish = sum(1 for w in words if w in _TURKISH_WORDS)
    english = sum(1 for w in words if w in _ENGLISH)  # an English story under a Uyghur motto
    return (
        uyghur >= 3
        and uyghur >= 0.03 * len(words)
        and uyghur > 3 * turkish
        and uyghur > english
        and _share(chars, _NOT_TURKISH) >= max(5, 0.02 * letters)
    )


def _is_uyghur_cyrillic(chars: Counter[str], letters: float) -> bool:
    return (
        _share(chars, _UYGHUR_CYRILLIC) >= max(3, 0.02 * letters)
        and _share(chars, _UYGHUR_CYRILLIC_MARK) >= 1
        and _share(chars, _NOT_UYGHUR_CYRILLIC) <= 0.001 * letters
    )


def _looks_english(text: str) -> bool:
    """At least two English function words, and one word in seven is one."""
    words = _WORD.findall(text[:_LANGDETECT_SAMPLE].lower())
    hits = sum(1 for w in words if w in _ENGLISH)
    return hits >= 2 and hits >= len(words) / 7


def language_for_script(script: str | None) -> str | None:
    """The language a script decides on its own (``Khmr`` → ``km``), else None."""
    return _SCRIPT_LANGUAGE.get(script or "")


def guess_language(
    text: str, counts: dict[str, float] | None = None, *, zawgyi: bool | None = None
) -> LanguageGuess:
    """Language, script, confidence and reliability of ``text`` (see the module docstring).

    ``counts`` may pass :func:`~archive.analysis.scripts.script_counts` of ``text`` and
    ``zawgyi`` whether its Burmese is Zawgyi, when the caller knows them already.
    """
    if counts is None:
        counts = script_counts(text)
    script, share = dominant_script(counts, text)
    if script is None:
        return LanguageGuess(None, None, 0.0, False)
    total = sum(counts.values())
    evidence = share * total
    needed = _FULL_EVIDENCE_SCRIPT
    language = language_for_script(script)
    language_confidence = 1.0
    chars: Counter[str] | None = None
    if language is None:
        chars = Counter(text)
        if script == "Mymr":
            language, language_confidence = _myanmar_language(text, chars, zawgyi)
        elif script == "Arab":
            language, language_confidence = _arabic_language(text, chars)
            needed = _FULL_EVIDENCE_LANGDETECT if language in ("ar", "fa", "ur") else needed
        elif script in ("Hans", "Hant"):
            language, language_confidence = _chinese_language(text, chars, script)
            needed = _FULL_EVIDENCE_HAN
        elif script == "Latn" and _share(chars, _VIETNAMESE) >= max(2, 0.03 * counts["Latn"]):
            language, language_confidence = "vi", 1.0
            needed = 2 * _FULL_EVIDENCE_SCRIPT
        elif script == "Cyrl" and _is_uyghur_cyrillic(chars, counts["Cyrl"]):
            language, language_confidence = "ug", 0.9
            needed = 2 * _FULL_EVIDENCE_SCRIPT
        elif script == "Latn" and _looks_english(text):
            language, language_confidence = "en", 0.95
            needed = _FULL_EVIDENCE_LANGDETECT / 2
        elif script == "Latn" and _is_uyghur_latin(chars, counts["Latn"], text):
            language, language_confidence = "ug", 0.9
            needed = 2 * _FULL_EVIDENCE_SCRIPT
        elif script in _LANGDETECT_CHOICES:
            language, language_confidence = _langdetect(text, _LANGDETECT_CHOICES[script], script)
            needed = _FULL_EVIDENCE_LANGDETECT
    if language is None:
        return LanguageGuess(None, script, 0.0, False)
    # Names and acronyms in another script are normal: a 70 % majority counts as whole.
    confidence = min(1.0, share / 0.7) * language_confidence * min(1.0, evidence / needed)
    confidence = round(confidence, 4)
    reliable = confidence >= RELIABLE_CONFIDENCE and share >= 0.6
    return LanguageGuess(language, script, confidence, reliable)


# A story whose main script holds less than this share of its letters is mixed, and a title
# in another script than the main one decides when its script holds this share at least.
_MIXED_STORY = 0.8
_TITLE_SCRIPT_SHARE = 0.2


def article_language(
    story: str,
    title: str | None = None,
    counts: dict[str, float] | None = None,
    *,
    zawgyi: bool | None = None,
) -> LanguageGuess:
    """The language of an article: its story text's, the title breaking a mixed story's tie.

    A short story in Tibetan, Chinese, Korean … under an English player caption or a
    subscription blurb the reader kept has more Latin letters than its own; when the story's
    main script holds less than 80% of its letters, the title is reliably in a script other
    than Latin and that script holds a fifth of the story's letters at least, the story's
    letters in that script are its language. An English title never turns a story: English
    pages quote and caption in other scripts, not the reverse. ``counts`` and ``zawgyi`` as
    for :func:`guess_language`.

    >>> story = "བོད་ཀྱི་སྐད་ཡིག་རེད། The Tibetan service said it will go on."
    >>> article_language(story, "བོད་ཀྱི་སྐད་ཡིག").language
    'bo'
    """
    if counts is None:
        counts = script_counts(story)
    guess = guess_language(story, counts, zawgyi=zawgyi)
    total = sum(counts.values())
    if not title or not total or max(counts.values()) >= _MIXED_STORY * total:
        return guess
    heading = guess_language(title)
    if not heading.reliable or heading.script in (None, "Latn", guess.script):
        return guess
    family = "Hani" if heading.script in ("Hans", "Hant") else heading.script
    if counts.get(family, 0.0) < _TITLE_SCRIPT_SHARE * total:
        return guess
    own = "".join(c if not c.isalpha() or char_script(c) == family else " " for c in story)
    found = guess_language(own, zawgyi=zawgyi)
    return found if found.language is not None else guess


def detect_language(text: str) -> tuple[str | None, float]:
    """The language of ``text`` and a confidence in 0..1 (``(None, 0.0)`` with no letters).

    >>> detect_language("ព្រឹកនេះ")[0]
    'km'
    """
    guess = guess_language(text)
    return guess.language, guess.confidence


def is_language_code(code: str) -> bool:
    """Whether ``code`` is a BCP-47 tag whose language ICU knows (``en``, ``zh-Hant``, ``yue``).

    ``xx``, ``english`` or an empty string are not: a typo must not pass as a language.

    >>> is_language_code("zh-Hant"), is_language_code("yue"), is_language_code("xx")
    (True, True, False)
    """
    import icu

    language = icu.Locale.forLanguageTag(code.strip()).getLanguage()
    return bool(language) and language in _iso_languages()


_ISO_LANGUAGES: frozenset[str] | None = None


def _iso_languages() -> frozenset[str]:
    global _ISO_LANGUAGES
    if _ISO_LANGUAGES is None:
        import icu

        _ISO_LANGUAGES = frozenset(icu.Locale.getISOLanguages())
    return _ISO_LANGUAGES
