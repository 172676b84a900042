"""How ``data/lao_sentence_model.tsv`` was made: train the Lao space classifier on NTREX-128.

    python -m archive.analysis.lao_train /work/shared/data/ntrex128

Training data: Lao documents 0–59 of NTREX-128 (``ref.lao.txt``), rebuilt as running text
(:mod:`archive.analysis.ntrex`) with the sentence-final ``. ! ?`` of every line removed, so
that the model learns from words, as in Lao written without punctuation. Every space is an
example; it is positive where two NTREX sentences meet. Documents 60–122 are never seen here:
``benchmarks/segment_eval.py`` reports on them. The model is a logistic regression (AdaGrad,
L2) over sparse features (:func:`archive.analysis.lao.lao_features`); features seen fewer
than twice are dropped; the decision threshold is the one with the best F1 over a two-fold
split of the training documents. Pure Python, deterministic, a few seconds.
"""

from __future__ import annotations

import logging
import math
import re
import sys
from collections import Counter
from pathlib import Path

from archive.analysis.lao import MODEL_FILE, LaoModel, space_examples
from archive.analysis.ntrex import NtrexDocument, read_documents

__all__ = ["TRAIN_DOCUMENTS", "examples", "main", "strip_final_punctuation", "train"]

logger = logging.getLogger(__name__)

#: NTREX documents the model is trained on; the rest are held out.
TRAIN_DOCUMENTS = range(60)

_FINAL = re.compile(r"[.!?…]+(?=[\"'”’»)\]]*$)")

Example = tuple[list[str], int]


def strip_final_punctuation(document: NtrexDocument) -> NtrexDocument:
    """The document with each sentence's final ``. ! ? …`` removed (closing quotes kept)."""
    paragraphs = tuple(
        tuple(_FINAL.sub("", line) for line in lines) for lines in document.paragraphs
    )
    return NtrexDocument(document.doc_id, document.index, paragraphs)


def examples(documents: list[NtrexDocument]) -> list[Example]:
    """``(features, label)`` for every space of the documents' unpunctuated text."""
    rows: list[Example] = []
    for document in documents:
        text, gold = strip_final_punctuation(document).text(" ")
        ends = set(gold)
        start = 0
        for block in text.split("\n\n"):
            end = start + len(block)
            for offset, features in space_examples(text, start, end):
                rows.append((features, int(offset in ends)))
            start = end + 2
    return rows


def train(rows: list[Example], *, epochs: int = 15, l2: float = 1e-4) -> dict[str, float]:
    """Logistic-regression weights fitted to ``rows`` (deterministic order, AdaGrad)."""
    seen = Counter(f for features, _ in rows for f in features)
    weights: dict[str, float] = {}
    squares: dict[str, float] = {}
    rate = 0.5
    for _ in range(epochs):
        for features, label in rows:
            kept = [f for f in features if seen[f] >= 2]
            score = sum(weights.get(f, 0.0) for f in kept)
            p = 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, score))))
            gradient = p - label
            for f in kept:
                w = weights.get(f, 0.0)
                g = gradient + l2 * w
                squares[f] = squares.get(f, 0.0) + g * g
                weights[f] = w - rate * g / math.sqrt(squares[f] + 1e-8)
    return {f: w for f, w in weights.items() if abs(w) >= 1e-3}


def _best_threshold(model: LaoModel, rows: list[Example]) -> tuple[float, float]:
    scored = [(model.probability(features), label) for features, label in rows]
    best = (0.5, -1.0)
    for step in range(10, 91, 2):
        threshold = step / 100
        tp = sum(1 for p, y in scored if p >= threshold and y)
        fp = sum(1 for p, y in scored if p >= threshold and not y)
        fn = sum(1 for p, y in scored if p < threshold and y)
        f1 = 2 * tp / (2 * tp + fp + fn) if tp else 0.0
        if f1 > best[1]:
            best = (threshold, f1)
    return best


def main(argv: list[str] | None = None) -> int:
    """Train on NTREX documents 0–59 and write the model next to this module."""
    args = sys.argv[1:] if argv is None else argv
    root = Path(args[0] if args else "/work/shared/data/ntrex128")
    documents = [d for d in read_documents(root, "ref.lao") if d.index in TRAIN_DOCUMENTS]
    half = len(documents) // 2
    folds = (documents[:half], documents[half:])
    thresholds = []
    for k in (0, 1):
        model = LaoModel(train(examples(folds[k])), 0.5)
        threshold, f1 = _best_threshold(model, examples(folds[1 - k]))
        logger.info("fold %d: threshold %.2f, F1 %.3f", k, threshold, f1)
        thresholds.append(threshold)
    rows = examples(documents)
    model = LaoModel(train(rows), sum(thresholds) / len(thresholds))
    header = (
        f"Lao sentence-boundary model: {len(model.weights)} weights, {len(rows)} training spaces.\n"
        "Made by `python -m archive.analysis.lao_train NTREX_DIR` from NTREX-128 ref.lao.txt\n"
        "documents 0-59 with final punctuation removed (CC BY-SA 4.0, Microsoft); documents\n"
        "60-122 are held out for benchmarks/segment_eval.py. Feature<TAB>weight; logistic."
    )
    out = Path(__file__).with_name("data") / MODEL_FILE
    out.parent.mkdir(exist_ok=True)
    out.write_text(model.to_tsv(header), encoding="utf-8")
    logger.info("wrote %s (threshold %.2f)", out, model.threshold)
    return 0


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    raise SystemExit(main())
