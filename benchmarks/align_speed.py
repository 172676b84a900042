"""Speed and peak memory of aligning a long pair (default: 2,000 × ~2,000 segments).

    python benchmarks/align_speed.py [--lang ko] [--size 2000]

The pair is built from NTREX-128 (all documents, one after another, repeated as needed) and
perturbed like ``benchmarks/align_eval.py`` (merges, drops, additions), so anchors and the DP
see realistic text. Prints seconds and the peak memory Python allocated (tracemalloc).
"""

from __future__ import annotations

import argparse
import random
import sys
import time
import tracemalloc
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from align_eval import Tally, perturb

from archive.align import Aligner
from archive.align.train import load_ntrex


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--ntrex", type=Path, default=Path("/work/shared/data/ntrex128"))
    parser.add_argument("--lang", default="ko")
    parser.add_argument("--size", type=int, default=2000, help="source segments")
    args = parser.parse_args(argv)
    data = load_ntrex(args.ntrex)
    src_lines = data.texts[args.lang]
    eng = data.english
    reps = -(-args.size * 4 // 3 // len(src_lines)) + 1
    pair = perturb((src_lines * reps), (eng * reps), args.lang, random.Random(5), eng)
    gold = []
    for bead in pair.gold:  # keep the beads up to the size asked for
        if bead[0] and bead[0][-1] >= args.size:
            break
        gold.append(bead)
    n_src = max(k for b in gold for k in b[0]) + 1
    n_tgt = max(k for b in gold for k in b[1]) + 1
    src, tgt = pair.src[:n_src], pair.tgt[:n_tgt]
    aligner = Aligner()
    aligner.seed_lexicon(args.lang)  # load outside the timing, as a running archive would
    tracemalloc.start()
    t0, c0 = time.perf_counter(), time.process_time()
    result = aligner.align(src, tgt, src_lang=args.lang, tgt_lang="en")
    seconds, cpu = time.perf_counter() - t0, time.process_time() - c0
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    tally = Tally()
    tally.add(gold, [(b.src, b.tgt) for b in result.beads])
    print(
        f"{args.lang}-en {len(src)} x {len(tgt)} segments: {seconds:.2f} s wall "
        f"({cpu:.2f} s CPU, all threads), "
        f"peak traced memory {peak / 2**20:.1f} MiB, strict F1 {tally.strict:.3f}, "
        f"1-0/0-1 F1 {tally.skips:.3f}"
    )


if __name__ == "__main__":
    main()
