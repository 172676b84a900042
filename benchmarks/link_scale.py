"""Speed and memory of `suggest_links` on large archives of unlinked articles.

    python benchmarks/link_scale.py [--sizes 2500,5000,10000] [--work DIR] [--seed S]

For each size N, an archive of N unlinked articles built from NTREX-128: N/2 originals across
the archive's eight original languages and N/2 English stories (four in five of them the
rewritten counterpart of an original, the rest English stories whose original was never
collected), dates spread over one year (the English 0-3 days after), one record in ten
undated. Archives are built once per work folder (import with two jobs) and reused.

Each size is measured in a fresh process: wall and CPU time of ``suggest_links`` alone (the
archive opened and the seed lexicons read before the clock starts), the process's RSS before
and at its peak, and how many suggestions and confident links it made. Prints figures;
asserts nothing.

NTREX-128 has 1,997 sentences, so at these sizes every passage is the text of dozens of
stories (in several languages, and rewritten for several English stories): the links
made here are no measure of quality (that is ``benchmarks/link_eval.py``), only of work.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import resource
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from link_eval import LANGUAGES, paragraphs, read_lines, rewrite

YEAR = dt.date(2021, 1, 1)


def _letters(k: int) -> str:
    out = ""
    k += 1
    while k:
        k, r = divmod(k - 1, 26)
        out = chr(97 + r) + out
    return out


def build_records(n: int, seed: int, path: Path) -> None:
    """Write the JSONL records of an archive of ``n`` articles (see the module docstring)."""
    rng = random.Random(seed)
    english = read_lines("src.eng.txt")
    documents = read_lines("DOCUMENT_IDS.tsv")
    refs = {code: read_lines(f"ref.{fc}.txt") for code, fc, _, _ in LANGUAGES}
    spans: list[tuple[int, int]] = []
    start = 0
    for i in range(1, len(documents) + 1):
        if i == len(documents) or documents[i] != documents[start]:
            spans.append((start, i))
            start = i
    originals = n // 2
    paired = originals * 4 // 5
    english_only = n - originals - paired
    with path.open("w", encoding="utf-8") as out:
        for k in range(originals + english_only):
            lang, _, word, joiner = LANGUAGES[k % len(LANGUAGES)]
            a, b = rng.choice(spans)
            size = min(b - a, rng.randint(8, 20))
            a = rng.randint(a, b - size)
            day = YEAR + dt.timedelta(days=rng.randrange(365))
            later = day + dt.timedelta(days=rng.randint(0, 3))
            key = _letters(k)
            if k < originals:
                out.write(json.dumps({
                    "title": refs[lang][a].strip()[:100],
                    "date": None if rng.random() < 0.1 else day.isoformat(),
                    "url": f"https://www.rfa.org/{word.lower()}/news/{key}.html",
                    "service": f"RFA {word} Service",
                    "versions": [{"kind": "original", "language": lang,
                                  "text": paragraphs(rng, refs[lang][a : a + size], joiner)}],
                }, ensure_ascii=False) + "\n")  # fmt: skip
            if k < paired or k >= originals:
                lines = rewrite(rng, english[a : a + size], rng.choice(english))
                out.write(json.dumps({
                    "title": english[a].strip()[:100],
                    "date": None if rng.random() < 0.1 else later.isoformat(),
                    "url": f"https://www.rfa.org/english/news/{key}.html",
                    "service": "Radio Free Asia",
                    "versions": [{"kind": "published", "language": "en",
                                  "text": paragraphs(rng, lines, " ")}],
                }, ensure_ascii=False) + "\n")  # fmt: skip


def build_archive(n: int, seed: int, work: Path) -> Path:
    """The archive of size ``n`` (built and imported once per work folder)."""
    from archive.db import open_archive
    from archive.ingest.pipeline import import_paths

    db = work / f"link-scale-{n}-{seed}.db"
    if db.exists():
        return db
    records = work / f"link-scale-{n}-{seed}.jsonl"
    build_records(n, seed, records)
    partial = db.with_suffix(".partial.db")
    partial.unlink(missing_ok=True)
    archive = open_archive(str(partial))
    started = time.perf_counter()
    summary = import_paths(archive, [records], jobs=2)
    archive.close()
    seconds = time.perf_counter() - started
    done = summary.count("imported")
    print(f"  built {db.name}: {done} imported in {seconds:.0f} s", file=sys.stderr)
    partial.rename(db)
    return db


def measure(db: Path) -> dict[str, object]:
    """Run `suggest_links` once on ``db`` (in this process) and return the figures."""
    from sqlmodel import select

    from archive.db import open_archive
    from archive.linking.suggest import confident, suggest_links
    from archive.models import Article

    archive = open_archive(str(db), mode="read")
    # The shipped seed lexicons are read inside the timing: each suggest_links call owns its
    # lexicon cache (no module-level cache outlives an archive).
    with archive.session() as session:
        urls = {a.id: a.url for a in session.exec(select(Article)).all()}
        rss0 = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        cpu0 = time.process_time()
        wall0 = time.perf_counter()
        suggestions = suggest_links(session)
        wall = time.perf_counter() - wall0
        cpu = time.process_time() - cpu0
    linked = confident(suggestions)
    key = {i: (u or "").rsplit("/", 1)[-1] for i, u in urls.items()}
    english = {key[i] for i, u in urls.items() if u and "/english/" in u}
    gold = sum(1 for i, u in urls.items() if u and "/english/" not in u and key[i] in english)
    correct = sum(1 for s in linked if key[s.article_id] == key[s.candidate_id])
    return {
        "articles": len(urls),
        "wall": wall,
        "cpu": cpu,
        "rss_before": rss0,
        "rss_peak": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
        "suggestions": len(suggestions),
        "linked": len(linked),
        "correct": correct,
        "gold": gold,
    }


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="2500,5000,10000")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--work", type=Path, default=Path("/tmp/link-scale"))
    parser.add_argument("--measure", type=Path, help=argparse.SUPPRESS)  # the child process
    args = parser.parse_args(argv)
    if args.measure is not None:
        print(json.dumps(measure(args.measure)))
        return
    args.work.mkdir(parents=True, exist_ok=True)
    print(f"{'N':>7}{'wall s':>9}{'CPU s':>8}{'RSS before MB':>15}{'peak RSS MB':>13}"
          f"{'suggested':>11}{'linked':>8}")  # fmt: skip
    for n in (int(x) for x in args.sizes.split(",")):
        db = build_archive(n, args.seed, args.work)
        child = subprocess.run(
            [sys.executable, __file__, "--measure", str(db)],
            check=True,
            capture_output=True,
            text=True,
        )
        r = json.loads(child.stdout.strip().splitlines()[-1])
        print(f"{r['articles']:>7}{r['wall']:>9.1f}{r['cpu']:>8.1f}{r['rss_before']:>15.0f}"
              f"{r['rss_peak']:>13.0f}{r['suggestions']:>11}{r['linked']:>8}")  # fmt: skip
        sys.stdout.flush()


if __name__ == "__main__":
    main()
