"""Build the shipped seed lexicons from the training split of NTREX-128.

Run from the repository root (the data is not shipped; point at a copy of NTREX-128)::

    python -m archive.align.train /work/shared/data/ntrex128 archive/align/data

Only the documents of the training split (`split_documents`) are read, so that
``benchmarks/align_eval.py`` can evaluate on the others.
"""

from __future__ import annotations

import argparse
import gzip
import logging
import random
from dataclasses import dataclass
from pathlib import Path

from archive.align.lexicon import Lexicon, seed_file_name

__all__ = ["NTREX_FILES", "Ntrex", "load_ntrex", "split_documents", "train_lexicon"]

log = logging.getLogger(__name__)

#: NTREX-128 file stem → the aligner's language code.
NTREX_FILES = {
    "mya": "my",
    "khm": "km",
    "lao": "lo",
    "bod": "bo",
    "uig": "ug",
    "kor": "ko",
    "vie": "vi",
    "zho-CN": "zh-Hans",
    "zho-TW": "zh-Hant",
    "yue": "yue",
}
SPLIT_SEED = 20240611
TEST_FRACTION = 0.25


@dataclass(frozen=True, slots=True)
class Ntrex:
    """The line-aligned NTREX-128 texts: English, other languages, and each line's document."""

    english: list[str]
    texts: dict[str, list[str]]
    documents: list[str]


def _to_unicode_burmese(lines: list[str]) -> list[str]:
    try:
        from archive.analysis import derive_text

        return [derive_text(s) for s in lines]
    except ImportError:
        import icu

        zawgyi = icu.Transliterator.createInstance("Zawgyi-my")
        return [zawgyi.transliterate(s) for s in lines]


def load_ntrex(root: Path) -> Ntrex:
    """Read ``src.eng.txt``, ``ref.*.txt`` (Zawgyi Burmese converted) and ``DOCUMENT_IDS.tsv``."""
    english = (root / "src.eng.txt").read_text(encoding="utf-8").splitlines()
    documents = (root / "DOCUMENT_IDS.tsv").read_text(encoding="utf-8").splitlines()
    texts = {}
    for stem, lang in NTREX_FILES.items():
        lines = (root / f"ref.{stem}.txt").read_text(encoding="utf-8").splitlines()
        if lang == "my":
            lines = _to_unicode_burmese(lines)
        texts[lang] = lines
    return Ntrex(english, texts, documents)


def split_documents(
    documents: list[str], *, test_fraction: float = TEST_FRACTION, seed: int = SPLIT_SEED
) -> tuple[list[str], list[str]]:
    """(training, test) document ids: a seeded shuffle of the distinct ids, order kept."""
    ids = sorted(set(documents))
    random.Random(seed).shuffle(ids)
    n_test = round(len(ids) * test_fraction)
    test = set(ids[:n_test])
    ordered = list(dict.fromkeys(documents))
    return [d for d in ordered if d not in test], [d for d in ordered if d in test]


def train_lexicon(data: Ntrex, lang: str, train_docs: set[str]) -> Lexicon:
    """A lexicon ``lang``→English learned on the lines of ``train_docs`` only."""
    lex = Lexicon(lang, "en")
    pairs = [
        (src, eng)
        for src, eng, doc in zip(data.texts[lang], data.english, data.documents, strict=True)
        if doc in train_docs
    ]
    lex.learn(pairs, iterations=6)
    return lex


def main(argv: list[str] | None = None) -> None:
    """Command-line entry: build every seed lexicon into an output folder."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("ntrex", type=Path, help="folder holding NTREX-128's src/ref files")
    parser.add_argument("out", type=Path, help="output folder (archive/align/data)")
    parser.add_argument("--min-count", type=float, default=0.3)
    parser.add_argument("--top-k", type=int, default=12)
    parser.add_argument(
        "--all-documents",
        action="store_true",
        help="train on every document (for the shipped lexicons, once the held-out evaluation "
        "in benchmarks/align_eval.py, which trains its own lexicon on the training split, is done)",
    )
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    data = load_ntrex(args.ntrex)
    train, test = split_documents(data.documents)
    if args.all_documents:
        train, test = sorted(set(data.documents)), []
    log.info("documents: %d training, %d held out", len(train), len(test))
    args.out.mkdir(parents=True, exist_ok=True)
    for lang in NTREX_FILES.values():
        lex = train_lexicon(data, lang, set(train)).pruned(
            min_count=args.min_count, top_k=args.top_k
        )
        header = (
            f"# seed lexicon {lang}-en: IBM Model 1 counts from NTREX-128 "
            f"({len(train)} of {len(train) + len(test)} documents, split seed {SPLIT_SEED}).\n"
            "# NTREX-128 (c) Microsoft, CC BY-SA 4.0; see NOTICE.md in this folder.\n"
        )
        path = args.out / seed_file_name(lang, "en")
        path.write_bytes(gzip.compress((header + lex.to_tsv()).encode("utf-8"), mtime=0))
        log.info("%s: %d entries, %d bytes", path, len(lex), path.stat().st_size)


if __name__ == "__main__":
    main()
