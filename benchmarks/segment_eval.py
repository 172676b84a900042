"""Accuracy of text analysis on NTREX-128: sentence boundaries, document language, Zawgyi.

    python benchmarks/segment_eval.py [NTREX_DIR] [MYANMAR_TOOLS_DIR]

For each of the 11 varieties, every NTREX document is rebuilt as running text (sentences
joined by a space, nothing for Chinese; each headline a paragraph of its own) and analysed.
Sentence boundaries are scored inside paragraphs only (a paragraph end is given away by the
blank line). The Lao model and the Tibetan particle lists were made looking at documents
0–59 only, so the headline figures are on documents 60–122 ("held-out"); "all" is printed
beside them. Prints figures; asserts nothing.
"""

from __future__ import annotations

import sys
from pathlib import Path

from archive.analysis import analyze_text, zawgyi_to_unicode
from archive.analysis.lao_train import TRAIN_DOCUMENTS, strip_final_punctuation
from archive.analysis.ntrex import NTREX_VARIETIES, NtrexDocument, read_documents

NTREX = Path(sys.argv[1] if len(sys.argv) > 1 else "/work/shared/data/ntrex128")
MYANMAR_TOOLS = Path(sys.argv[2] if len(sys.argv) > 2 else "/work/shared/data/myanmar-tools")

# NTREX's "Cantonese" documents that contain not one Cantonese character (嘅 唔 咗 佢 哋 …):
# they were translated into Mandarin. Found by counting those characters per document.
_CANTONESE = frozenset("嘅唔咗佢哋冇喺嚟啲嘢噉嗰啱揾搵乜咩㗎喎嘞冚攞嘥諗瞓攰")


class Counts:
    """True positives, false positives and false negatives of boundary offsets."""

    def __init__(self) -> None:
        self.tp = self.fp = self.fn = 0

    def add(self, predicted: set[int], gold: set[int]) -> None:
        self.tp += len(predicted & gold)
        self.fp += len(predicted - gold)
        self.fn += len(gold - predicted)

    def prf(self) -> tuple[float, float, float]:
        p = self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0
        r = self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        return p, r, f


def predicted_boundaries(text: str) -> set[int]:
    """Sentence ends inside paragraphs, as the gold ones (end of each sentence but the last)."""
    result = analyze_text(text)
    return {s.end for p in result.paragraphs for s in p.sentences[:-1]}


def boundary_counts(documents: list[NtrexDocument], separator: str) -> tuple[Counts, Counts]:
    held, every = Counts(), Counts()
    for document in documents:
        text, gold = document.text(separator)
        predicted = predicted_boundaries(text)
        every.add(predicted, set(gold))
        if document.index not in TRAIN_DOCUMENTS:
            held.add(predicted, set(gold))
    return held, every


def main() -> None:
    print("Sentence boundaries inside paragraphs (NTREX-128; held-out = documents 60-122)")
    header = (
        f"{'variety':<11} {'P':>6} {'R':>6} {'F1':>6}   {'F1 all':>6}"
        f"  {'lang held':>10} {'lang all':>9}"
    )
    print(header)
    print("-" * len(header))
    f1s: list[float] = []
    language_rows: list[tuple[str, int, int, int, int, list[str]]] = []
    yue_mandarin: list[int] = []
    for code, (language, separator) in NTREX_VARIETIES.items():
        documents = read_documents(NTREX, code)
        held, every = boundary_counts(documents, separator)
        p, r, f = held.prf()
        f1s.append(f)
        ok_held = ok_all = n_held = 0
        wrong: list[str] = []
        for document in documents:
            text, _ = document.text(separator)
            found = analyze_text(text).language
            ok_all += found == language
            if document.index not in TRAIN_DOCUMENTS:
                n_held += 1
                ok_held += found == language
            if found != language:
                wrong.append(f"{document.index}:{found}")
            if code == "ref.yue" and not any(c in _CANTONESE for c in text):
                yue_mandarin.append(document.index)
        language_rows.append((code, ok_held, n_held, ok_all, len(documents), wrong))
        print(
            f"{code:<11} {p:6.3f} {r:6.3f} {f:6.3f}   {every.prf()[2]:6.3f}"
            f"  {ok_held:>4}/{n_held:<5} {ok_all:>4}/{len(documents)}"
        )
    print(f"{'mean F1':<11} {'':>13} {sum(f1s) / len(f1s):6.3f}   worst {min(f1s):.3f}")
    total_held = sum(r[1] for r in language_rows)
    n_held = sum(r[2] for r in language_rows)
    total_all = sum(r[3] for r in language_rows)
    n_all = sum(r[4] for r in language_rows)
    print(
        f"\nDocument language: held-out {total_held}/{n_held} = {total_held / n_held:.2%}; "
        f"all {total_all}/{n_all} = {total_all / n_all:.2%}"
    )
    for code, *_, wrong in language_rows:
        if wrong:
            print(f"  {code} wrong: {' '.join(wrong)}")
    mandarin = set(yue_mandarin)
    yue_wrong = {
        int(w.split(":")[0])
        for code, *_, wrong in language_rows
        if code == "ref.yue"
        for w in wrong
    }
    print(
        f"  NTREX yue documents with no Cantonese character at all (Mandarin translations): "
        f"{sorted(mandarin)}; all wrong yue answers among them: {yue_wrong <= mandarin}"
    )
    print(
        f"  all documents, not counting those {len(mandarin)}: "
        f"{total_all}/{n_all - len(mandarin)} = {total_all / (n_all - len(mandarin)):.2%}"
    )

    lao_unpunctuated()
    zawgyi_accuracy()


def lao_unpunctuated() -> None:
    """Lao with every sentence-final . ! ? removed: the space model alone decides."""
    documents = [strip_final_punctuation(d) for d in read_documents(NTREX, "ref.lao")]
    held, every = boundary_counts(documents, " ")
    p, r, f = held.prf()
    print(
        f"\nLao without final punctuation (space model): held-out P {p:.3f} R {r:.3f} "
        f"F1 {f:.3f}; all F1 {every.prf()[2]:.3f}"
    )


def zawgyi_accuracy() -> None:
    """Encoding of whole documents and of single lines, Zawgyi and Unicode."""
    print("\nZawgyi vs Unicode (encoding of the analysed text)")
    cases: list[tuple[str, str, str]] = []  # (set, text, expected)
    for document in read_documents(NTREX, "ref.mya"):
        text, _ = document.text(" ")
        if any("\u1000" <= c <= "\u109f" for c in text):
            cases.append(("NTREX documents, Zawgyi", text, "zawgyi"))
            cases.append(("NTREX documents, converted", zawgyi_to_unicode(text), "unicode"))
    pairs = [
        ("mmgov_zawgyi_src.txt", "zawgyi"),
        ("mmgov_unicode_out.txt", "unicode"),
        ("udhr_mya_zawgyi_out.txt", "zawgyi"),
        ("udhr_mya_unicode_src.txt", "unicode"),
    ]
    for name, expected in pairs:
        lines = (MYANMAR_TOOLS / name).read_text(encoding="utf-8").splitlines()
        for line in lines:
            burmese = sum(1 for c in line if "\u1000" <= c <= "\u109f")
            if burmese >= 10:
                cases.append((f"myanmar-tools lines (>=10 chars), {expected}", line, expected))
        cases.append((f"myanmar-tools files, {expected}", "\n".join(lines), expected))
    groups: dict[str, list[bool]] = {}
    for group, text, expected in cases:
        groups.setdefault(group, []).append(analyze_text(text).encoding == expected)
    for group, results in groups.items():
        print(
            f"  {group:<44} {sum(results):>4}/{len(results):<4} {sum(results) / len(results):.2%}"
        )
    total = [ok for results in groups.values() for ok in results]
    print(f"  {'total':<44} {sum(total):>4}/{len(total):<4} {sum(total) / len(total):.2%}")
    print("  (nothing here was tuned: thresholds are myanmartools' probabilities at 0.05/0.95)")


if __name__ == "__main__":
    main()
