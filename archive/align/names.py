"""Name skeletons: the consonant outline of a name, comparable across scripts.

``Wales``, Korean ``웨일스`` (weilseu), Chinese ``威尔士`` (wei er shi) and Uyghur ``ۋېلش`` all
reduce to ``WLS``: consonants in broad classes, vowels dropped, repeats merged, the first three
kept (so that Uyghur and Korean suffixes do not matter). ICU's transliterators serve Korean,
Chinese and Burmese; small tables here serve Khmer, Lao, Tibetan and Uyghur, which ICU 72
cannot romanise (or, for Uyghur, romanises poorly).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from functools import lru_cache
from typing import Any

from archive.align.tokens import ENGLISH_STOPWORDS, source_units

__all__ = ["name_skeletons", "skeleton"]

_LATIN_CLASSES = {
    **dict.fromkeys("bpfv", "P"),
    **dict.fromkeys("dt", "T"),
    **dict.fromkeys("gkcq", "K"),
    **dict.fromkeys("szxj", "S"),
    **dict.fromkeys("lr", "L"),
    "m": "M",
    "n": "N",
    "w": "W",
}
_DIGRAPHS = (("ph", "f"), ("th", "t"), ("kh", "k"), ("ch", "s"), ("sh", "s"), ("zh", "s"),
             ("ng", "n"), ("ck", "k"), ("gh", "g"))  # fmt: skip


def _table(spec: str) -> dict[str, str]:
    """Parse ``"letters=CLASS letters=CLASS"`` into a character → class map."""
    out = {}
    for item in spec.split():
        letters, cls = item.split("=")
        out.update(dict.fromkeys(letters, cls))
    return out


_SCRIPT_CLASSES = {
    # Khmer consonants; the subscript (coeng) forms reuse the same letters.
    "km": _table("កខគឃ=K ងញណនន=N ចឆជឈឝឞស=S ដឋឌឍតថទធ=T បផពភ=P ម=M រលឡ=L វ=W"),
    "lo": _table("ກຂຄ=K ງຍນ=N ຈສຊ=S ດຕຖທ=T ບປຜຝພຟ=P ມ=M ຣລ=L ວ=W"),
    "bo": _table("ཀཁགྐྑྒ=K ངཉནྔྙྣ=N ཅཆཇཙཚཛཞཟཤསྕྖྗྩྪྫྮྯྴྶ=S ཏཐདྟྠྡ=T པཕབྤྥྦ=P མྨ=M རལྲླ=L ཝྭ=W"),
    "ug": _table("بپف=P تد=T خغقكگ=K جچزژسش=S رل=L م=M نڭ=N ۋ=W"),
}
_ICU_TRANSLITERATORS = {
    "ko": "Hangul-Latin; Latin-ASCII",
    "zh-Hans": "Han-Latin; Latin-ASCII",
    "zh-Hant": "Han-Latin; Latin-ASCII",
    "yue": "Han-Latin; Latin-ASCII",
    "my": "Myanmar-Latin; Latin-ASCII",
}
_CAPITALISED = re.compile(r"\b[A-Z][a-zA-Z'’\-]+")


@lru_cache(maxsize=65536)
def skeleton(latin: str, *, keep: int = 3) -> str:
    """The consonant-class outline of a romanised word (``"Wales"`` → ``"WLS"``)."""
    w = unicodedata.normalize("NFKD", latin.lower())
    for digraph, single in _DIGRAPHS:
        w = w.replace(digraph, single)
    out: list[str] = []
    for c in w:
        cls = _LATIN_CLASSES.get(c)
        if cls and (not out or out[-1] != cls):
            out.append(cls)
    return "".join(out[:keep])


def _script_skeleton(word: str, table: dict[str, str], keep: int = 3) -> str:
    out: list[str] = []
    for c in word:
        cls = table.get(c)
        if cls and (not out or out[-1] != cls):
            out.append(cls)
    return "".join(out[:keep])


@lru_cache(maxsize=8)
def _transliterator(spec: str) -> Any:
    import icu

    return icu.Transliterator.createInstance(spec)


@lru_cache(maxsize=65536)
def _unit_skeleton(unit: str, lang: str) -> str:
    table = _SCRIPT_CLASSES.get(lang)
    if table is not None:
        return _script_skeleton(unit, table)
    spec = _ICU_TRANSLITERATORS.get(lang)
    if spec is None:
        return ""
    return skeleton(_transliterator(spec).transliterate(unit))


_HAN = frozenset({"zh-Hans", "zh-Hant", "yue"})
#: Characters Chinese uses to transliterate foreign names (simplified and traditional).
_TRANSLITERATION_HAN = frozenset(
    "阿埃艾安奥澳巴拜班邦贝貝比彼波伯博布查達达戴丹道德迪蒂丁杜敦多厄恩尔爾法菲费費芬弗福夫"
    "盖蓋甘戈格古哈海汉漢赫亨胡华華霍基吉加佳贾賈杰傑金卡凯凱坎康考柯科可克肯库庫拉莱萊兰蘭"
    "朗劳勞勒雷蕾里裏利莉立林琳卢盧鲁魯路伦倫罗羅洛马馬玛瑪迈邁麦麥曼梅美蒙孟米密敏明摩莫姆"
    "穆纳納娜奈南内內尼妮宁寧纽紐诺諾帕潘佩彭皮普奇齐齊乔喬丘萨薩塞赛賽桑瑟森沙莎山尚舍圣聖"
    "施史士舒斯松苏蘇索塔泰坦汤湯唐特提图圖托瓦万萬旺威韦韋维維温溫沃乌烏伍西希谢謝辛休雅亚"
    "亞扬揚耶伊因尤约約扎詹珍兹茲祖佐"
)


def _join_single_characters(words: list[str]) -> list[str]:
    """Runs of one-character words joined: the segmenter's trace of a transliterated name."""
    out: list[str] = []
    run = ""
    for w in [*words, "  "]:
        if len(w) == 1 and w in _TRANSLITERATION_HAN:
            run += w
            continue
        if len(run) > 1:
            out.append(run)
        run = ""
        out.append(w)
    return out[:-1]


def name_skeletons(text: str, lang: str | None, units: Sequence[str] | None = None) -> list[str]:
    """Skeletons of the words that could be names in ``text`` (at least two consonants).

    English: capitalised words that are not stopwords. Other scripts: every word (ICU word,
    Tibetan syllable); in Chinese, runs of single-character words count as one word (ICU
    splits unknown transliterated names into characters). Runs of adjacent units in
    Burmese, Khmer, Lao and Tibetan were tried and only added noise (NTREX dev split).
    """
    if lang is None or lang == "vi":
        return []
    if lang == "en":
        out = []
        for word in _CAPITALISED.findall(text):
            s = skeleton(word)
            if len(s) >= 2 and word.lower() not in ENGLISH_STOPWORDS:
                out.append(s)
        return out
    words = [u for u in (source_units(text, lang) if units is None else units) if u[0] != "·"]
    if lang in _HAN:
        words = _join_single_characters(words)
    out = []
    for run in words:
        s = _unit_skeleton(run, lang)
        if len(s) >= 2:
            out.append(s)
    return out
