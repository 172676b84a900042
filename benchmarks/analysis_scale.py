"""Time and peak memory of ``analyze_text`` on one huge version (1-50 MB), each in a fresh process.

    python benchmarks/analysis_scale.py [--sizes 1,5,50] [--shape paragraphs|one-paragraph|...]

The text is real sentences (the NTREX-128 sample document the aligner tests use, eleven
languages, shipped in ``tests/``) repeated to the size asked for, in one of these shapes:

- ``paragraphs``: one language per paragraph of ~10 sentences, languages taking turns
  (Burmese, Khmer, Lao, Tibetan, Uyghur, Korean, Vietnamese, Chinese, Cantonese, English);
- ``mixed``: every paragraph mixes all the languages, sentence by sentence;
- ``one-paragraph``: ``mixed`` without a single line break;
- ``no-stops``: one paragraph of Burmese words without any sentence punctuation.

Each size runs in a new interpreter, so ``ru_maxrss`` is that run's own peak (the
one-time model loads are done before the timing and are included in the peak). Linear
cost shows as a flat seconds-per-MB column.
"""

from __future__ import annotations

import argparse
import json
import resource
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from fresh import each_size  # noqa: E402  (benchmarks/ is on the path from here)

SAMPLE = ROOT / "tests" / "unit" / "align" / "data" / "ntrex_sample.json"
LANGS = ["my", "km", "lo", "bo", "ug", "ko", "vi", "zh-Hans", "yue", "en"]


def build_text(shape: str, size: int) -> str:
    """About ``size`` characters of text in the given shape."""
    sample = json.loads(SAMPLE.read_text(encoding="utf-8"))
    parts: list[str] = []
    total = 0
    k = 0
    while total < size:
        if shape == "paragraphs":
            lang = LANGS[k % len(LANGS)]
            lines = sample[lang]
            start = (k // len(LANGS)) % max(1, len(lines) - 10)
            joiner = "" if lang in ("zh-Hans", "yue") else " "
            part = joiner.join(lines[start : start + 10]) + "\n\n"
        elif shape in ("mixed", "one-paragraph"):
            row = k % len(sample["en"])
            part = " ".join(sample[lang][row] for lang in LANGS)
            part += " " if shape == "one-paragraph" else "\n\n"
        else:  # no-stops
            part = " ".join(sample["my"][k % len(sample["my"])].replace("။", "").split()) + " "
        parts.append(part)
        total += len(part)
        k += 1
    return "".join(parts)[:size]


def run_one(shape: str, megabytes: float) -> dict[str, float]:
    """Analyse one text in this process; its figures."""
    from archive.analysis import analyze_text

    analyze_text(build_text("paragraphs", 20_000))  # models loaded outside the timing
    text = build_text(shape, int(megabytes * 1_000_000))
    t0, c0 = time.perf_counter(), time.process_time()
    result = analyze_text(text)
    wall, cpu = time.perf_counter() - t0, time.process_time() - c0
    return {
        "chars": len(text),
        "wall": wall,
        "cpu": cpu,
        "maxrss_mib": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
        "paragraphs": len(result.paragraphs),
        "sentences": sum(len(p.sentences) for p in result.paragraphs),
    }


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--shape", choices=("paragraphs", "mixed", "one-paragraph", "no-stops"), default="mixed"
    )
    parser.add_argument("--sizes", default="1,5,50", help="megabytes (millions of characters)")
    parser.add_argument("--one", type=float, help=argparse.SUPPRESS)  # the child's size
    args = parser.parse_args(argv)
    if args.one is not None:
        print(json.dumps(run_one(args.shape, args.one)))
        return
    print(f"shape {args.shape}; each size in a fresh process")
    print("M chars   wall s    CPU s  s per M  peak RSS MiB  paragraphs  sentences")
    for size, r in each_size(__file__, args.sizes.split(","), ["--shape", args.shape]):
        if isinstance(r, str):
            print(f"{size}: {r}")
            continue
        mchars = r["chars"] / 1e6
        print(
            f"{mchars:7.1f} {r['wall']:8.2f} {r['cpu']:8.2f} {r['cpu'] / mchars:8.2f} "
            f"{r['maxrss_mib']:13.0f} {r['paragraphs']:11,} {r['sentences']:10,}"
        )


if __name__ == "__main__":
    main()
