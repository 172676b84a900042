"""Does alignment improve as the archive grows? The archive-wide learned lexicon, end to end.

    python benchmarks/align_learning.py [--ntrex /work/shared/data/ntrex128] [--langs ko,my]
                                        [--start-fraction 0.25] [--work DIR]

The shipped seed lexicons were learned from every NTREX-128 document, so they cannot be used
to measure learning on held-out text. Instead, a fresh archive is given a starting lexicon per
language learned from a seeded part (``--start-fraction``) of the training documents, stored
as the archive's own learned lexicon. The rest of the training documents are then imported
with the default ``archive import`` (a subprocess: analysis, alignment and learning as a user
gets them), as two-version articles (the original in each language and the English
``derived_from`` it), perturbed like ``align_eval.py`` so the alignments are realistic.

Then the held-out test documents (the 31 ``align_eval.py`` uses, perturbed the same way, seed
1) are aligned with the starting lexicon and with the archive's lexicon after the import, and
both are scored: strict F1 and 1-0/0-1 F1. Prints a table; asserts nothing.
"""

from __future__ import annotations

import argparse
import json
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from align_eval import Tally, build_pairs, perturb

from archive.align import Aligner, Lexicon
from archive.align.train import NTREX_FILES, load_ntrex, split_documents, train_lexicon


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--ntrex", type=Path, default=Path("/work/shared/data/ntrex128"))
    parser.add_argument("--langs", default=",".join(NTREX_FILES.values()))
    parser.add_argument("--start-fraction", type=float, default=0.25)
    parser.add_argument("--work", type=Path, default=None)
    args = parser.parse_args(argv)
    langs = args.langs.split(",")
    work = args.work or Path(tempfile.mkdtemp(prefix="align-learning-"))
    work.mkdir(parents=True, exist_ok=True)
    db = work / "learning.db"
    db.unlink(missing_ok=True)

    data = load_ntrex(args.ntrex)
    train, test = split_documents(data.documents)
    start_docs, stream_docs = split_documents(train, test_fraction=1 - args.start_fraction, seed=11)
    starting = {lang: train_lexicon(data, lang, set(start_docs)).pruned() for lang in langs}

    from sqlmodel import select

    from archive.alignments.lexicons import with_length_ratio
    from archive.db import open_archive
    from archive.models import LearnedLexicon

    archive = open_archive(str(db))
    with archive.session() as session, session.begin():
        for lang, lexicon in starting.items():
            session.add(LearnedLexicon(src_lang=lang, tgt_lang="en", counts=lexicon.to_tsv()))
    archive.close()

    by_doc: dict[str, list[int]] = {}
    for k, d in enumerate(data.documents):
        by_doc.setdefault(d, []).append(k)
    records = work / "stream.jsonl"
    with records.open("w", encoding="utf-8") as out:
        for lang in langs:
            for d in stream_docs:
                idx = by_doc[d]
                rng = random.Random(f"stream:{lang}:{d}")
                foreign = [data.english[k] for k, dd in enumerate(data.documents) if dd != d]
                pair = perturb(
                    [data.texts[lang][k] for k in idx],
                    [data.english[k] for k in idx],
                    lang,
                    rng,
                    foreign,
                )
                record = {
                    "title": f"NTREX {d} ({lang})",
                    "url": f"https://example.org/ntrex/{d}/{lang}",
                    "versions": [
                        {"kind": "original", "language": lang, "text": "\n\n".join(pair.src)},
                        {
                            "kind": "published",
                            "language": "en",
                            "text": "\n\n".join(pair.tgt),
                            "derived_from": 0,
                        },
                    ],
                }
                out.write(json.dumps(record, ensure_ascii=False) + "\n")
    t0 = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-m", "archive.cli", "import", str(records), "--db", str(db)],
        capture_output=True,
        text=True,
        check=False,
    )
    seconds = time.perf_counter() - t0
    print(f"start: {len(start_docs)} training documents; stream: {len(stream_docs)} documents")
    print(f"archive import of the stream ({seconds:.1f} s): {done.stdout.strip()}")
    if done.returncode != 0:
        print(done.stderr.strip())

    archive = open_archive(str(db))
    learned: dict[str, tuple[Lexicon, Lexicon, int]] = {}  # without and with the ratio
    with archive.session() as session:
        for stored in session.exec(select(LearnedLexicon)).all():
            counts = Lexicon.from_tsv(stored.counts, stored.src_lang, stored.tgt_lang)
            both = with_length_ratio(
                Lexicon.from_tsv(stored.counts, stored.src_lang, stored.tgt_lang), stored
            )
            learned[stored.src_lang] = (counts, both, stored.beads_learned)
    archive.close()

    aligner = Aligner(use_seed_lexicon=False)
    print("strict F1 / 1-0,0-1 F1 with the starting lexicon, with the learned one, and with the")
    print("learned one and the learned length ratio (en chars per source char)")
    print(f"{'lang':8} {'beads':>6} {'ratio':>6} {'before':>13} {'learned':>13} {'+ ratio':>13}")
    means = [0.0] * 6
    for lang in langs:
        pairs = build_pairs(data, lang, test, 1)
        row: list[float] = []
        for lexicon in (starting[lang], learned[lang][0], learned[lang][1]):
            tally = Tally()
            for pair in pairs:
                result = aligner.align(
                    pair.src, pair.tgt, src_lang=lang, tgt_lang="en", lexicon=lexicon
                )
                tally.add(pair.gold, [(b.src, b.tgt) for b in result.beads])
            row.extend([tally.strict, tally.skips])
        means = [a + b / len(langs) for a, b in zip(means, row, strict=True)]
        ratio = learned[lang][1].length_ratio
        cells = " ".join(f"{row[k]:.3f} / {row[k + 1]:.3f}" for k in (0, 2, 4))
        print(f"{lang:8} {learned[lang][2]:6d} {ratio or 0:6.2f} {cells}")
    cells = " ".join(f"{means[k]:.3f} / {means[k + 1]:.3f}" for k in (0, 2, 4))
    print(f"{'mean':8} {'':6} {'':6} {cells}")


if __name__ == "__main__":
    main()
