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

from archive.align.tokens import canonical_language, english_words, source_units

__all__ = ["Lexicon", "load_seed_lexicon", "model1_counts"]

_SMOOTHING = 2.0
_TOP_K = 8
_MIN_ASSOC = 0.04
_NULL = "\0"
FloatArray = NDArray[np.float64]


def model1_counts(
    pairs: Sequence[tuple[Sequence[str], Sequence[str]]],
    *,
    iterations: int = 5,
    prior: Mapping[str, Mapping[str, float]] | None = None,
) -> dict[tuple[str, str], float]:
    """Expected counts of (unit, word) links under IBM Model 1, averaged over both directions.

    Args:
        pairs: (source units, target words) per sentence pair.
        iterations: EM iterations per direction.
        prior: counts to start from (an existing lexicon), else a uniform start.

    Returns:
        ``{(unit, word): expected count}`` over the pairs given (NULL links left out).
    """
    units: dict[str, int] = {_NULL: 0}
    words: dict[str, int] = {_NULL: 0}
    enc = [
        (
            [units.setdefault(u, len(units)) for u in us],
            [words.setdefault(w, len(words)) for w in ws],
        )
        for us, ws in pairs
        if us and ws
    ]
    if not enc:
        return {}
    n_words = len(words)
    totals: dict[tuple[int, int], float] = {}
    for forward in (True, False):
        grp_parts, key_parts = [], []
        group = 0
        for us, ws in enc:
            given, emitted = (us, ws) if forward else (ws, us)
            given_arr = np.asarray([0, *given], dtype=np.int64)
            for e in emitted:
                grp_parts.append(np.full(len(given_arr), group, dtype=np.int64))
                key_parts.append(given_arr * n_words + e if forward else e * n_words + given_arr)
                group += 1
        grp = np.concatenate(grp_parts)
        keys, pid = np.unique(np.concatenate(key_parts), return_inverse=True)
        cond = (keys // n_words) if forward else (keys % n_words)  # the conditioning side
        t: FloatArray
        t = np.ones(len(keys))
        if prior:
            inv_u = {i: u for u, i in units.items()}
            inv_w = {i: w for w, i in words.items()}
            for k, key in enumerate(keys.tolist()):
                u, w = inv_u[key // n_words], inv_w[key % n_words]
                t[k] += prior.get(u, {}).get(w, 0.0)
        counts = np.zeros(len(keys))
        for _ in range(max(1, iterations)):
            val = t[pid]
            denom = np.bincount(grp, weights=val, minlength=group)
            post = val / denom[grp]
            counts = np.bincount(pid, weights=post, minlength=len(keys)).astype(np.float64)
            norm = np.bincount(cond, weights=counts)
            t = np.asarray(counts / norm[cond], dtype=np.float64)
        for key, c in zip(keys.tolist(), counts.tolist(), strict=True):
            u_id, w_id = divmod(key, n_words)
            if u_id and w_id:
                totals[(u_id, w_id)] = totals.get((u_id, w_id), 0.0) + c / 2
    inv_units = list(units)
    inv_words = list(words)
    return {(inv_units[u], inv_words[w]): c for (u, w), c in totals.items()}


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
    ) -> None:
        self.src_lang = canonical_language(src_lang)
        self.tgt_lang = canonical_language(tgt_lang)
        self.counts: dict[str, dict[str, float]] = {u: dict(ws) for u, ws in (counts or {}).items()}
        self._cache: dict[str, list[tuple[str, float]]] | None = None
        self._features: dict[str, list[tuple[str, float]]] | None = None
        self._word_totals: dict[str, float] | None = None

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
        self.add_counts(model1_counts(tokenised, iterations=iterations, prior=self.counts or None))

    def add_counts(self, counts: Mapping[tuple[str, str], float]) -> None:
        """Add ``{(unit, word): count}`` to this lexicon."""
        for (u, w), c in counts.items():
            row = self.counts.setdefault(u, {})
            row[w] = row.get(w, 0.0) + c
        self._cache = None
        self._features = None
        self._word_totals = None

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
        return Lexicon(self.src_lang, self.tgt_lang, out)

    # -- lookup -----------------------------------------------------------------------------

    def translations(self, unit: str) -> list[tuple[str, float]]:
        """The words most associated with ``unit``, strongest first, as (word, weight in (0, 1])."""
        if self._cache is None:
            self._cache = {}
        hit = self._cache.get(unit)
        if hit is not None:
            return hit
        row = self.counts.get(unit)
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
            totals: dict[str, float] = {}
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
