"""Speed of ``analyze_text``: median time on a ~5 KB article per language.

    python benchmarks/analysis.py [NTREX_DIR]

Articles are NTREX-128 documents rebuilt as running text (see ``archive.analysis.ntrex``),
concatenated until they reach 5,000 characters. The one-time costs (langdetect profiles,
Zawgyi detector, ICU transliterator, Lao model) are paid and reported before timing.
Prints figures; asserts nothing.
"""

from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path

NTREX = Path(sys.argv[1] if len(sys.argv) > 1 else "/work/shared/data/ntrex128")
TARGET_CHARS = 5000
RUNS = 30


def article(code: str, separator: str) -> str:
    from archive.analysis.ntrex import read_documents

    parts: list[str] = []
    size = 0
    for document in read_documents(NTREX, code):
        text, _ = document.text(separator)
        parts.append(text)
        size += len(text) + 2
        if size >= TARGET_CHARS:
            break
    return "\n\n".join(parts)[:TARGET_CHARS]


def main() -> None:
    started = time.perf_counter()
    import archive.analysis as analysis

    print(f"import archive.analysis: {(time.perf_counter() - started) * 1000:.1f} ms")

    from archive.analysis.language import load_langdetect_profiles
    from archive.analysis.ntrex import NTREX_VARIETIES

    started = time.perf_counter()
    load_langdetect_profiles()
    print(f"langdetect profile load (once): {(time.perf_counter() - started) * 1000:.1f} ms")
    started = time.perf_counter()
    analysis.zawgyi_probability("မြန်မာ")
    analysis.zawgyi_to_unicode("ျမန္မာ")
    analysis.detect_script("中文")  # Han variant tables
    from archive.analysis.lao import load_model

    load_model()
    print(
        "Zawgyi detector + ICU transliterator + Han tables + Lao model (once): "
        f"{(time.perf_counter() - started) * 1000:.1f} ms"
    )
    print(f"\n{'variety':<11} {'chars':>6} {'median ms':>10} {'p90 ms':>8}  language")
    medians = []
    for code, (_, separator) in NTREX_VARIETIES.items():
        text = article(code, separator)
        analysis.analyze_text(text)  # warm caches for this script
        times = []
        for _ in range(RUNS):
            started = time.perf_counter()
            result = analysis.analyze_text(text)
            times.append((time.perf_counter() - started) * 1000)
        times.sort()
        median = statistics.median(times)
        medians.append(median)
        p90 = times[int(len(times) * 0.9) - 1]
        print(f"{code:<11} {len(text):>6} {median:>10.2f} {p90:>8.2f}  {result.language}")
    print(f"{'worst':<11} {'':>6} {max(medians):>10.2f}   (target <= 10 ms)")


if __name__ == "__main__":
    main()
