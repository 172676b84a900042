"""Features: each segment as a sparse bag of keys in a shared English-word space.

English word stems (a source unit contributes the words the lexicon associates with it),
numbers normalised across digit systems, months, Latin-script names, transliterated name
skeletons, and marks (quotes, parentheses). Keys are interned as integers in a `FeatureKeys`
table that one alignment run owns (`archive.align.pipeline.Aligner.align` makes one per call),
so nothing grows for the life of a process and the ids never depend on earlier runs.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

import numpy as np

from archive.align.config import ScoringConfig
from archive.align.kernels import FloatArray, IntArray
from archive.align.lexicon import Lexicon
from archive.align.names import name_skeletons
from archive.align.numbers import marks, months, numbers
from archive.align.tokens import english_words, latin_words, source_units

__all__ = [
    "FeatureKeys",
    "Features",
    "SparseFeatures",
    "segment_features",
    "segment_sparse",
]

Features = dict[str, float]

EMPTY_IDS: IntArray = np.zeros(0, dtype=np.int64)
EMPTY_WEIGHTS: FloatArray = np.zeros(0)

#: A lexicon unit's features: key ids, weights, and the unit's own id.
_Expansion = tuple[list[int], list[float], int]


class FeatureKeys:
    """Feature keys interned as integers, and each lexicon unit's expansion, for one run.

    With keys as integers a document's features are a few numpy arrays, and a unit's
    expansion is built once per run, not key by key for every sentence. Word keys (``w:``,
    ``u:``; weighted by idf) get even ids, the others odd ids. Ids mean something only in the
    table that gave them: features of one alignment share one table, and the table goes when
    the alignment is done.
    """

    __slots__ = ("_expansions", "_ids", "_keys")

    def __init__(self) -> None:
        self._ids: dict[str, int] = {}
        #: The keys by id: word keys (even ids) in the first list, the others in the second.
        self._keys: tuple[list[str], list[str]] = ([], [])
        #: Per lexicon: (its `word_totals` dict when cached, unit → expansion). The totals
        #: dict is rebuilt whenever counts are added, which invalidates the expansions.
        self._expansions: dict[Lexicon, tuple[object, dict[str, _Expansion]]] = {}

    def __len__(self) -> int:
        return len(self._ids)

    def id_of(self, key: str) -> int:
        """The interned id of ``key`` (even for word keys, odd for the others)."""
        kid = self._ids.get(key)
        if kid is None:
            other = 0 if key.startswith(("w:", "u:")) else 1
            same = self._keys[other]
            kid = self._ids[key] = 2 * len(same) + other
            same.append(key)
        return kid

    def ids_of(self, keys: Iterable[str], count: int) -> IntArray:
        """The ids of ``count`` keys, as an array."""
        ids = self._ids
        get = ids.get
        return np.fromiter(
            ((get(k) if k in ids else self.id_of(k)) for k in keys), dtype=np.int64, count=count
        )

    def key_of(self, kid: int) -> str:
        """The key interned as ``kid``."""
        return self._keys[kid & 1][kid >> 1]

    def expansions(self, lexicon: Lexicon) -> dict[str, _Expansion]:
        """The units of ``lexicon`` expanded so far (`expand`), by unit."""
        token = lexicon.word_totals()
        hit = self._expansions.get(lexicon)
        if hit is None or hit[0] is not token:
            hit = self._expansions[lexicon] = (token, {})
        return hit[1]

    def expand(self, lexicon: Lexicon, unit: str) -> _Expansion:
        """``unit``'s lexicon features: key ids, weights, and the unit's own id (kept in
        `expansions`)."""
        feats = lexicon.features(unit)  # word keys ("w:…") only: even ids
        ids, words = self._ids, self._keys[0]
        key_ids = []
        for key, _ in feats:
            kid = ids.get(key)
            if kid is None:
                kid = ids[key] = 2 * len(words)
                words.append(key)
            key_ids.append(kid)
        found = self.expansions(lexicon)[unit] = (
            key_ids,
            [w for _, w in feats],
            self.id_of("x:" + unit),
        )
        return found


@dataclass(frozen=True, slots=True)
class SparseFeatures:
    """One segment's features: interned key ids and their weights (an id may repeat).

    The first ``len(lex_units)`` entries are lexicon expansions; ``lex_units[k]`` is the
    interned id of the source unit entry ``k`` translates (what coverage counts).
    """

    ids: IntArray
    weights: FloatArray
    lex_units: IntArray = field(default_factory=lambda: EMPTY_IDS)

    def to_dict(self, keys: FeatureKeys) -> Features:
        """``{key: summed weight}``, the ids read back in ``keys`` (the table that gave them)."""
        out: Features = {}
        for kid, w in zip(self.ids.tolist(), self.weights.tolist(), strict=True):
            key = keys.key_of(kid)
            out[key] = out.get(key, 0.0) + w
        return out

    def scaled(self, factor: float) -> SparseFeatures:
        """The same features with every weight times ``factor`` (no longer lexicon entries)."""
        return SparseFeatures(self.ids, self.weights * factor)

    def __add__(self, other: SparseFeatures) -> SparseFeatures:
        """Both feature sets; only this one's lexicon entries stay marked as such."""
        return SparseFeatures(
            np.concatenate((self.ids, other.ids)),
            np.concatenate((self.weights, other.weights)),
            self.lex_units,
        )


def segment_sparse(
    text: str,
    lang: str | None,
    *,
    lexicon: Lexicon | None,
    config: ScoringConfig,
    keys: FeatureKeys,
) -> SparseFeatures:
    """`segment_features` as ids interned in ``keys`` and weights (what the aligner uses)."""
    sig = config.signals
    plain: list[str] = []
    weights: list[float] = []
    id_parts: list[IntArray] = []
    weight_parts: list[FloatArray] = []
    lex_units = EMPTY_IDS

    units: list[str] | None = None
    if lang == "en":
        words = english_words(text)
        plain.extend("w:" + w for w in words)
        weights.extend([1.0] * len(words))
    else:
        units = source_units(text, lang)
        if sig.lexicon and lexicon is not None:
            lex_ids: list[int] = []
            lex_weights: list[float] = []
            unit_ids: list[int] = []
            expanded = keys.expansions(lexicon)
            for unit in units:
                hit = expanded.get(unit)
                unit_keys, unit_weights, unit_id = hit or keys.expand(lexicon, unit)
                lex_ids += unit_keys
                lex_weights += unit_weights
                unit_ids += [unit_id] * len(unit_keys)
            id_parts.append(np.array(lex_ids, dtype=np.int64))
            weight_parts.append(np.array(lex_weights, dtype=np.float64))
            lex_units = np.array(unit_ids, dtype=np.int64)
        if sig.names:
            latin = latin_words(text)
            plain.extend("w:" + w for w in latin)
            weights.extend([config.latin_weight] * len(latin))
        if lexicon is None and sig.lexicon:
            # Same language, or no lexicon: compare the units themselves.
            plain.extend("u:" + u for u in units)
            weights.extend([1.0] * len(units))
    if sig.numbers:
        nums = numbers(text)
        plain.extend("n:" + x for x in nums)
        weights.extend([config.number_weight] * len(nums))
        found = months(text, lang)
        plain.extend(f"m:{x}" for x in found)
        weights.extend([config.month_weight] * len(found))
    if sig.names:
        skels = name_skeletons(text, lang, units)
        plain.extend("s:" + x for x in skels)
        weights.extend([config.name_weight] * len(skels))
    if sig.marks:
        found_marks = marks(text)
        plain.extend("q:" + x for x in found_marks)
        weights.extend([config.mark_weight] * len(found_marks))
    id_parts.append(keys.ids_of(plain, len(plain)))
    weight_parts.append(np.asarray(weights, dtype=np.float64))
    return SparseFeatures(np.concatenate(id_parts), np.concatenate(weight_parts), lex_units)


def segment_features(
    text: str,
    lang: str | None,
    *,
    lexicon: Lexicon | None,
    config: ScoringConfig,
) -> Features:
    """The English-space features of one segment, as ``{key: weight}``.

    English text maps to its own word stems; other languages map through ``lexicon`` (if
    any). Numbers, months, names and marks are language-neutral keys.
    """
    keys = FeatureKeys()
    return segment_sparse(text, lang, lexicon=lexicon, config=config, keys=keys).to_dict(keys)
