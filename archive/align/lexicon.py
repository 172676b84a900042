"""Word/unit translation associations, learned from aligned sentences (IBM Model 1 counts).

A `Lexicon` holds expected co-occurrence counts between source units (see
`archive.align.tokens.source_units`) and English word stems. Counts add up, so a lexicon can be
learned from confident beads as an archive grows and persisted with `to_json`; the association
of a unit with a word is ``c(u, w) / sqrt((c(u) + a) * (c(w) + a))``. A seed lexicon per language
pair, learned from a training split of NTREX-128, ships in ``archive/align/data/``.
"""

from __future__ import annotations

import gzip
import math
from collections.abc import Iterable, Mapping, Sequence
from importlib import resources

import numpy as np
from numpy.typing import NDArray

from archive.align.dictionary import dictionary_for
from archive.align.tokens import canonical_language, english_words, source_units

__all__ = ["Lexicon", "PriorIndex", "load_seed_lexicon", "model1_counts"]

_SMOOTHING = 2.0
_TOP_K = 8
_MIN_ASSOC = 0.04
#: What one dictionary entry listing a word counts for, beside learned counts (measured with
#: ``benchmarks/align_eval.py``: 1.0 on the dev split; 0.5 and 2.0 within 0.005 of it).
DICTIONARY_COUNT = 1.0
_NULL = "\0"
FloatArray = NDArray[np.float64]
IntArray = NDArray[np.int64]
_ZERO = np.zeros(1, dtype=np.int64)


class PriorIndex:
    """A lexicon's counts as sorted integer keys, for looking up many (unit, word) at once.

    Built once per lexicon (see `Lexicon.prior_index`); `model1_counts` starts from it.
    """

    __slots__ = ("keys", "units", "values", "words")

    def __init__(self, counts: Mapping[str, Mapping[str, float]]) -> None:
        self.units: dict[str, int] = {}
        self.words: dict[str, int] = {}
        keys: list[int] = []
        values: list[float] = []
        for u, ws in counts.items():
            uid = self.units.setdefault(u, len(self.units))
            for w, c in ws.items():
                keys.append(uid << 32 | self.words.setdefault(w, len(self.words)))
                values.append(c)
        order = np.argsort(np.asarray(keys, dtype=np.int64), kind="stable")
        self.keys = np.asarray(keys, dtype=np.int64)[order]
        self.values = np.asarray(values, dtype=np.float64)[order]

    def lookup(self, units: Sequence[str], words: Sequence[str]) -> tuple[IntArray, IntArray]:
        """The index's ids of these units and words (-1 where unknown)."""
        u = np.fromiter((self.units.get(x, -1) for x in units), dtype=np.int64, count=len(units))
        w = np.fromiter((self.words.get(x, -1) for x in words), dtype=np.int64, count=len(words))
        return u, w

    def counts_of(self, unit_ids: IntArray, word_ids: IntArray) -> FloatArray:
        """The count of each (unit id, word id) pair (0 where the index has none)."""
        out = np.zeros(len(unit_ids))
        if not len(self.keys):
            return out
        known = (unit_ids >= 0) & (word_ids >= 0)
        keys = unit_ids[known] << 32 | word_ids[known]
        pos = np.minimum(np.searchsorted(self.keys, keys), len(self.keys) - 1)
        found = self.keys[pos] == keys
        out[np.flatnonzero(known)[found]] = self.values[pos[found]]
        return out


def model1_counts(
    pairs: Sequence[tuple[Sequence[str], Sequence[str]]],
    *,
    iterations: int = 5,
    prior: Mapping[str, Mapping[str, float]] | PriorIndex | None = None,
    min_count: float = 0.0,
) -> dict[tuple[str, str], float]:
    """Expected counts of (unit, word) links under IBM Model 1, averaged over both directions.

    Args:
        pairs: (source units, target words) per sentence pair.
        iterations: EM iterations per direction.
        prior: counts to start from (an existing lexicon, or its `PriorIndex`), else a
            uniform start.
        min_count: leave out links whose expected count is below this.

    Returns:
        ``{(unit, word): expected count}`` over the pairs given (NULL links left out).
    """
    units: dict[str, int] = {_NULL: 0}
    words: dict[str, int] = {_NULL: 0}
    enc = [
        (
            np.fromiter((units.setdefault(u, len(units)) for u in us), np.int64, len(us)),
            np.fromiter((words.setdefault(w, len(words)) for w in ws), np.int64, len(ws)),
        )
        for us, ws in pairs
        if us and ws
    ]
    if not enc:
        return {}
    n_words = len(words)
    inv_units, inv_words = list(units), list(words)
    index = PriorIndex(prior) if prior is not None and not isinstance(prior, PriorIndex) else prior
    key_out, count_out = [], []
    for forward in (True, False):
        grp_parts, key_parts = [], []
        group = 0
        for us, ws in enc:
            given, emitted = (us, ws) if forward else (ws, us)
            given = np.concatenate((_ZERO, given))  # NULL may emit anything
            if forward:
                keys = given[None, :] * n_words + emitted[:, None]
            else:
                keys = emitted[:, None] * n_words + given[None, :]
            key_parts.append(keys.ravel())
            grp_parts.append(np.repeat(np.arange(group, group + len(emitted)), len(given)))
            group += len(emitted)
        grp = np.concatenate(grp_parts)
        keys, pid = np.unique(np.concatenate(key_parts), return_inverse=True)
        pid = pid.ravel()
        cond = (keys // n_words) if forward else (keys % n_words)  # the conditioning side
        t: FloatArray = np.ones(len(keys))
        if index is not None:
            unit_ids, word_ids = index.lookup(inv_units, inv_words)
            t += index.counts_of(unit_ids[keys // n_words], word_ids[keys % n_words])
        counts = np.zeros(len(keys))
        for _ in range(max(1, iterations)):
            val = t[pid]
            denom = np.bincount(grp, weights=val, minlength=group)
            post = val / denom[grp]
            counts = np.bincount(pid, weights=post, minlength=len(keys)).astype(np.float64)
            norm = np.bincount(cond, weights=counts)
            t = np.asarray(counts / norm[cond], dtype=np.float64)
        key_out.append(keys)
        count_out.append(counts / 2)
    keys, where = np.unique(np.concatenate(key_out), return_inverse=True)
    totals = np.bincount(where.ravel(), weights=np.concatenate(count_out))
    u_ids, w_ids = np.divmod(keys, n_words)
    keep = np.flatnonzero((u_ids > 0) & (w_ids > 0) & (totals >= min_count))
    return {
        (inv_units[u], inv_words[w]): c
        for u, w, c in zip(
            u_ids[keep].tolist(), w_ids[keep].tolist(), totals[keep].tolist(), strict=True
        )
    }


class Lexicon:
    """Association counts between units of one language and words of another (usually English).

    Example:
        >>> lex = Lexicon("ko", "en")
        >>> lex.learn([("고양이가 잔다", "The cat sleeps"), ("고양이", "cat")])
        >>> lex.translations("고양이")[0][0]
        'cat'
    """

    def __init__(
        self,
        src_lang: str | None,
        tgt_lang: str | None = "en",
        counts: Mapping[str, Mapping[str, float]] | None = None,
        *,
        dictionary: bool = True,
    ) -> None:
        self.src_lang = canonical_language(src_lang)
        self.tgt_lang = canonical_language(tgt_lang)
        self.counts: dict[str, dict[str, float]] = {u: dict(ws) for u, ws in (counts or {}).items()}
        #: Whether lookups also consult the pair's bilingual dictionary (`dictionary_for`).
        self.dictionary = dictionary
        #: Characters of ``tgt_lang`` per character of ``src_lang`` (spaces left out) over the
        #: sentence pairs the archive learned from; None until it learned any. Not part of
        #: `to_tsv`: the archive stores it beside the counts.
        self.length_ratio: float | None = None
        self._cache: dict[str, list[tuple[str, float]]] | None = None
        self._features: dict[str, list[tuple[str, float]]] | None = None
        self._word_totals: dict[str, float] | None = None
        self._index: PriorIndex | None = None

    def __len__(self) -> int:
        return sum(len(ws) for ws in self.counts.values())

    def __repr__(self) -> str:
        return f"Lexicon({self.src_lang!r}, {self.tgt_lang!r}, entries={len(self)})"

    # -- learning ---------------------------------------------------------------------------

    def units(self, text: str) -> list[str]:
        """The source-side units of ``text``."""
        return source_units(text, self.src_lang)

    def words(self, text: str) -> list[str]:
        """The target-side words of ``text``."""
        if self.tgt_lang == "en":
            return english_words(text)
        return source_units(text, self.tgt_lang)

    def learn(self, pairs: Iterable[tuple[str, str]], *, iterations: int = 5) -> None:
        """Add the expected counts of aligned (source, target) sentence pairs.

        Learn each pair once: counts accumulate, which is what lets an archive-wide lexicon
        grow from every confident bead.
        """
        tokenised = [(self.units(s), self.words(t)) for s, t in pairs]
        self.add_counts(self.expected_counts(tokenised, iterations=iterations))

    def expected_counts(
        self,
        tokenised: Sequence[tuple[Sequence[str], Sequence[str]]],
        *,
        iterations: int = 5,
        min_count: float = 0.0,
    ) -> dict[tuple[str, str], float]:
        """What `learn` would add for these (units, words) pairs, without adding it: the
        expected counts under IBM Model 1, starting from this lexicon's counts."""
        prior = self.prior_index() if self.counts else None
        return model1_counts(tokenised, iterations=iterations, prior=prior, min_count=min_count)

    def prior_index(self) -> PriorIndex:
        """This lexicon's counts as a `PriorIndex` (cached until the counts change)."""
        if self._index is None:
            self._index = PriorIndex(self.counts)
        return self._index

    def add_counts(self, counts: Mapping[tuple[str, str], float]) -> None:
        """Add ``{(unit, word): count}`` to this lexicon."""
        for (u, w), c in counts.items():
            row = self.counts.setdefault(u, {})
            row[w] = row.get(w, 0.0) + c
        self._cache = None
        self._features = None
        self._word_totals = None
        self._index = None

    def update(self, other: Lexicon) -> None:
        """Add the counts of another lexicon of the same language pair."""
        if (other.src_lang, other.tgt_lang) != (self.src_lang, self.tgt_lang):
            raise ValueError(
                f"cannot merge a {other.src_lang}-{other.tgt_lang} lexicon into "
                f"{self.src_lang}-{self.tgt_lang}"
            )
        self.add_counts({(u, w): c for u, ws in other.counts.items() for w, c in ws.items()})

    def pruned(self, *, min_count: float = 0.3, top_k: int = 12) -> Lexicon:
        """A smaller copy: per unit the ``top_k`` strongest words with at least ``min_count``."""
        out: dict[str, dict[str, float]] = {}
        for u, ws in self.counts.items():
            best = sorted(ws.items(), key=lambda kv: -kv[1])[:top_k]
            kept = {w: round(c, 2) for w, c in best if c >= min_count}
            if kept:
                out[u] = kept
        smaller = Lexicon(self.src_lang, self.tgt_lang, out, dictionary=self.dictionary)
        smaller.length_ratio = self.length_ratio
        return smaller

    # -- lookup -----------------------------------------------------------------------------

    def translations(self, unit: str) -> list[tuple[str, float]]:
        """The words most associated with ``unit``, strongest first, as (word, weight in (0, 1])."""
        if self._cache is None:
            self._cache = {}
        hit = self._cache.get(unit)
        if hit is not None:
            return hit
        row = self.counts.get(unit)
        found = dictionary_for(self.src_lang, self.tgt_lang) if self.dictionary else None
        extra = found.words(unit) if found is not None else None
        if extra:
            row = dict(row or {})
            for w in extra:
                row[w] = row.get(w, 0.0) + DICTIONARY_COUNT
        if not row:
            self._cache[unit] = []
            return []
        totals = self._totals()
        cu = sum(row.values())
        scored = [
            (w, c / math.sqrt((cu + _SMOOTHING) * (totals[w] + _SMOOTHING))) for w, c in row.items()
        ]
        scored = sorted((x for x in scored if x[1] >= _MIN_ASSOC), key=lambda kv: -kv[1])[:_TOP_K]
        self._cache[unit] = scored
        return scored

    def word_totals(self) -> dict[str, float]:
        """Total count of each target word over all units (how common the word is)."""
        return self._totals()

    def features(self, unit: str) -> list[tuple[str, float]]:
        """`translations` as ``("w:" + word, weight)`` feature keys (cached)."""
        if self._features is None:
            self._features = {}
        hit = self._features.get(unit)
        if hit is None:
            hit = self._features[unit] = [("w:" + w, a) for w, a in self.translations(unit)]
        return hit

    def _totals(self) -> dict[str, float]:
        if self._word_totals is None:
            found = dictionary_for(self.src_lang, self.tgt_lang) if self.dictionary else None
            totals: dict[str, float] = {}
            if found is not None:
                totals = {w: DICTIONARY_COUNT * c for w, c in found.word_totals.items()}
            for ws in self.counts.values():
                for w, c in ws.items():
                    totals[w] = totals.get(w, 0.0) + c
            self._word_totals = totals
        return self._word_totals

    # -- persistence ------------------------------------------------------------------------

    def to_json(self) -> dict[str, object]:
        """``{"src_lang", "tgt_lang", "counts": {unit: {word: count}}}``."""
        return {"src_lang": self.src_lang, "tgt_lang": self.tgt_lang, "counts": self.counts}

    @classmethod
    def from_json(cls, data: Mapping[str, object]) -> Lexicon:
        """The lexicon `to_json` described."""
        counts = data.get("counts", {})
        if not isinstance(counts, Mapping):
            raise ValueError("lexicon JSON: 'counts' must be an object")
        src = data.get("src_lang")
        tgt = data.get("tgt_lang", "en")
        return cls(
            src if isinstance(src, str) else None,
            tgt if isinstance(tgt, str) else None,
            {str(u): {str(w): float(c) for w, c in ws.items()} for u, ws in counts.items()},
        )

    def to_tsv(self) -> str:
        """One ``unit<TAB>word<TAB>count`` line per entry, sorted (the shipped seed format)."""
        lines = [
            f"{u}\t{w}\t{c:g}"
            for u in sorted(self.counts)
            for w, c in sorted(self.counts[u].items())
        ]
        return "\n".join(lines) + "\n"

    @classmethod
    def from_tsv(cls, text: str, src_lang: str | None, tgt_lang: str | None = "en") -> Lexicon:
        """The lexicon `to_tsv` wrote; lines starting with ``#`` are comments."""
        counts: dict[str, dict[str, float]] = {}
        for line in text.splitlines():
            if not line or line.startswith("#"):
                continue
            u, w, c = line.split("\t")
            counts.setdefault(u, {})[w] = float(c)
        return cls(src_lang, tgt_lang, counts)


def seed_file_name(src_lang: str, tgt_lang: str = "en") -> str:
    """The name of the shipped seed lexicon file for a language pair."""
    return f"lexicon.{src_lang}-{tgt_lang}.tsv.gz"


def load_seed_lexicon(src_lang: str | None, tgt_lang: str | None = "en") -> Lexicon | None:
    """The seed lexicon shipped for ``src_lang``→``tgt_lang``, or None if there is none.

    Reads the package data file on each call; callers that align often should keep the result.
    """
    src, tgt = canonical_language(src_lang), canonical_language(tgt_lang)
    if src is None or tgt is None:
        return None
    ref = resources.files("archive.align").joinpath("data", seed_file_name(src, tgt))
    if not ref.is_file():
        return None
    text = gzip.decompress(ref.read_bytes()).decode("utf-8")
    return Lexicon.from_tsv(text, src, tgt)
