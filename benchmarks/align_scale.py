"""Time and peak memory of aligning 1k-20k sentence pairs, each size in a fresh process.

    python benchmarks/align_scale.py [--kind tiny|ntrex] [--sizes 1000,2000,5000,10000,20000]

``tiny`` (the default, needs nothing but this repository) is the worst case for anchors:
thousands of one- or two-word sentences ("Yes." / "네.") drawn from a handful of pairs, with
a few dropped or added, so no pair stands out and nothing cuts the problem. ``ntrex`` is
real text: NTREX-128 Korean-English, repeated and perturbed as in
``benchmarks/align_speed.py`` (read from ``../shared``; the script says so and stops when it
is not there). Each size runs in a new interpreter, so ``ru_maxrss`` (peak resident memory,
everything included) is that size's own. Also printed: the DP cells the aligner filled, per
source sentence (flat when the cost is linear).
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from fresh import each_size  # noqa: E402  (benchmarks/ is on the path from here)

NTREX = ROOT.parent / "shared" / "data" / "ntrex128"

#: Short Korean-English pairs: every sentence looks like many others.
TINY_PAIRS = [
    ("네.", "Yes."),
    ("아니요.", "No."),
    ("감사합니다.", "Thank you."),
    ("좋아요.", "Good."),
    ("물론이죠.", "Of course."),
    ("정말요?", "Really?"),
    ("안녕하세요.", "Hello."),
    ("잠깐만요.", "Wait."),
]


def tiny_pair(size: int, seed: int = 7) -> tuple[list[str], list[str]]:
    """``size`` short Korean sentences and their English, 2% dropped and 2% added."""
    rng = random.Random(seed)
    src: list[str] = []
    tgt: list[str] = []
    for _ in range(size):
        ko, en = rng.choice(TINY_PAIRS)
        src.append(ko)
        roll = rng.random()
        if roll < 0.02:
            continue  # dropped from the English
        tgt.append(en)
        if roll > 0.98:
            tgt.append(rng.choice(TINY_PAIRS)[1])  # added in the English
    return src, tgt


def ntrex_pair(size: int) -> tuple[list[str], list[str]]:
    """``size`` Korean NTREX-128 sentences (repeated) and their perturbed English."""
    from align_eval import perturb

    from archive.align.train import load_ntrex

    data = load_ntrex(NTREX)
    lines, eng = data.texts["ko"], data.english
    reps = -(-size * 4 // 3 // len(lines)) + 1
    pair = perturb(lines * reps, eng * reps, "ko", random.Random(5), eng)
    gold = []
    for bead in pair.gold:  # the beads up to the size asked for
        if bead[0] and bead[0][-1] >= size:
            break
        gold.append(bead)
    n_src = max(k for b in gold for k in b[0]) + 1
    n_tgt = max(k for b in gold for k in b[1]) + 1
    return list(pair.src[:n_src]), list(pair.tgt[:n_tgt])


def run_one(kind: str, size: int) -> dict[str, float]:
    """Align one input in this process; its figures."""
    from archive.align import Aligner

    src, tgt = tiny_pair(size) if kind == "tiny" else ntrex_pair(size)
    aligner = Aligner()
    aligner.seed_lexicon("ko")  # loaded outside the timing, as in a running archive
    t0, c0 = time.perf_counter(), time.process_time()
    result = aligner.align(src, tgt, src_lang="ko", tgt_lang="en")
    wall, cpu = time.perf_counter() - t0, time.process_time() - c0
    covered = sorted(k for b in result.beads for k in b.src)
    assert covered == list(range(len(src))), "beads must cover the source exactly once"
    return {
        "src": len(src),
        "tgt": len(tgt),
        "wall": wall,
        "cpu": cpu,
        "maxrss_mib": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
        "cells": getattr(result, "dp_cells", 0),  # 0 before the counter existed
    }


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--kind", choices=("tiny", "ntrex"), default="tiny")
    parser.add_argument("--sizes", default="1000,2000,5000,10000,20000")
    parser.add_argument("--one", type=int, help=argparse.SUPPRESS)  # the child's size
    args = parser.parse_args(argv)
    if args.one is not None:
        print(json.dumps(run_one(args.kind, args.one)))
        return
    if args.kind == "ntrex" and not NTREX.is_dir():
        sys.exit(f"{NTREX} is not there: the ntrex kind needs ../shared (try --kind tiny)")
    print(f"kind {args.kind}; each size in a fresh process")
    print("src x tgt        wall s   CPU s   peak RSS MiB   DP cells   cells/sentence")
    for size, r in each_size(__file__, args.sizes.split(","), ["--kind", args.kind]):
        if isinstance(r, str):
            print(f"{size}: {r}")
            continue
        shape = f"{r['src']:,} x {r['tgt']:,}"
        print(
            f"{shape:<16} {r['wall']:7.2f} {r['cpu']:7.2f} {r['maxrss_mib']:14.0f} "
            f"{r['cells']:10,} {r['cells'] / r['src']:15.0f}"
        )


if __name__ == "__main__":
    main()
