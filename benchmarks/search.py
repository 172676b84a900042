"""Search latency on large archives built from NTREX-128 text: p50/p95 per script.

Builds archives of 10k and 100k articles (rows inserted directly, in batches: articles,
versions, segments and the search index, no importer), then times `archive.search.search`
in-process on queries drawn from the corpus. Also compares the bigram index with a bounded
scan for one- and two-character queries. A script, not a test:

    python benchmarks/search.py                       # 10k and 100k articles
    python benchmarks/search.py --sizes 10000 --queries 50 --keep /tmp/bench
"""

from __future__ import annotations

import argparse
import itertools
import random
import re
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from sqlalchemy import text  # noqa: E402

from archive.db import Archive, open_archive  # noqa: E402
from archive.search import search  # noqa: E402
from archive.search.sqlite import IndexRow, insert_rows  # noqa: E402
from archive.search.text import has_spaceless, spaceless_runs  # noqa: E402

NTREX = REPO.parent / "shared" / "data" / "ntrex128"
LANGUAGES = {  # NTREX file code -> BCP-47
    "mya": "my",
    "khm": "km",
    "lao": "lo",
    "bod": "bo",
    "kor": "ko",
    "zho-CN": "zh-Hans",
    "zho-TW": "zh-Hant",
    "vie": "vi",
    "uig": "ug",
    "yue": "yue",
}
SENTENCES = 3  # per version
BATCH = 2000  # articles per transaction


def load_corpus() -> dict[str, tuple[list[str], list[str]]]:
    """language -> (stored lines, derived lines)."""
    from archive.analysis import derive_text

    corpus: dict[str, tuple[list[str], list[str]]] = {}
    eng = (NTREX / "src.eng.txt").read_text(encoding="utf-8").splitlines()
    corpus["en"] = (eng, [derive_text(line) for line in eng])
    for code, language in LANGUAGES.items():
        lines = (NTREX / f"ref.{code}.txt").read_text(encoding="utf-8").splitlines()
        corpus[language] = (lines, [derive_text(line) for line in lines])
    return corpus


def build(path: Path, articles: int, corpus: dict[str, tuple[list[str], list[str]]]) -> float:
    """An archive of ``articles`` articles, each an English version and one other language."""
    started = time.perf_counter()
    archive = open_archive(path)
    languages = list(LANGUAGES.values())
    rng = random.Random(7)
    n_lines = len(corpus["en"][0])
    try:
        with archive.engine.begin() as conn:
            conn.exec_driver_sql("PRAGMA synchronous=OFF")
        next_version = 1
        for first in range(1, articles + 1, BATCH):
            ids = range(first, min(first + BATCH, articles + 1))
            article_rows, version_rows, segment_rows, index_rows = [], [], [], []
            for article_id in ids:
                start = rng.randrange(0, n_lines - SENTENCES)
                year = 2015 + article_id % 10
                article_rows.append(
                    {
                        "id": article_id,
                        "identity": f"bench:{article_id}",
                        "title": corpus["en"][0][start][:80],
                        "date": f"{year}-06-01",
                    }
                )
                other = languages[article_id % len(languages)]
                for position, (language, kind) in enumerate(
                    ((other, "original"), ("en", "translation"))
                ):
                    stored, derived = corpus[language]
                    chunk = stored[start : start + SENTENCES]
                    body = "\n\n".join(chunk)
                    version_rows.append(
                        {
                            "id": next_version,
                            "article": article_id,
                            "pos": position,
                            "kind": kind,
                            "lang": language,
                            "text": body,
                            "sha": f"{next_version:064x}",
                        }
                    )
                    offset = 0
                    for seq, line in enumerate(chunk):
                        segment_rows.append(
                            {
                                "v": next_version,
                                "seq": seq,
                                "start": offset,
                                "end": offset + len(line),
                            }
                        )
                        offset += len(line) + 2
                        d = derived[start + seq]
                        index_rows.append(
                            IndexRow(
                                article_id, next_version, seq, language, kind, has_spaceless(d), d
                            )
                        )
                    next_version += 1
            with archive.engine.begin() as conn:
                conn.execute(
                    text(
                        "INSERT INTO article (id, identity, title, date, urls, created_at) "
                        "VALUES (:id, :identity, :title, :date, '[]', '2026-01-01')"
                    ),
                    article_rows,
                )
                conn.execute(
                    text(
                        "INSERT INTO version (id, article_id, position, kind, language, text, "
                        "sha256, created_at) VALUES (:id, :article, :pos, :kind, :lang, :text, "
                        ":sha, '2026-01-01')"
                    ),
                    version_rows,
                )
                conn.execute(
                    text(
                        'INSERT INTO segment (version_id, seq, paragraph, sentence, start, "end") '
                        "VALUES (:v, :seq, :seq, 0, :start, :end)"
                    ),
                    segment_rows,
                )
                insert_rows(conn, index_rows)
        with archive.engine.begin() as conn:
            for table in ("search_words", "search_trigram", "search_bigram"):
                conn.execute(text(f"INSERT INTO {table}({table}) VALUES ('optimize')"))
    finally:
        archive.close()
    return time.perf_counter() - started


def _words(lines: list[str], rng: random.Random, n: int, minimum: int = 5) -> list[str]:
    words = [w for line in lines for w in re.findall(r"[^\W\d_]+", line) if len(w) >= minimum]
    return rng.sample(words, n)


def _pairs(lines: list[str], rng: random.Random, n: int) -> list[str]:
    pairs = []
    for line in lines:
        words = re.findall(r"[^\W\d_]{4,}", line)
        pairs.extend(f"{a} {b}" for a, b in itertools.pairwise(words))
    return rng.sample(pairs, n)


def _substrings(lines: list[str], rng: random.Random, n: int, length: int) -> list[str]:
    runs = [r for line in lines for r in spaceless_runs(line) if len(r) >= length]
    out = []
    for _ in range(n):
        run = rng.choice(runs)
        i = rng.randrange(0, len(run) - length + 1)
        out.append(run[i : i + length])
    return out


def _korean_prefixes(lines: list[str], rng: random.Random, n: int) -> list[str]:
    words = [w for line in lines for w in re.findall(r"[\uac00-\ud7a3]{3,}", line)]
    return [w[:2] for w in rng.sample(words, n)]


def query_sets(corpus: dict[str, tuple[list[str], list[str]]], n: int) -> dict[str, list[str]]:
    """Queries per script, drawn from the text (so most of them match)."""
    rng = random.Random(11)
    d = {lang: derived for lang, (_, derived) in corpus.items()}
    return {
        "Latin word": _words(d["en"], rng, n),
        "Latin 2 words": _pairs(d["en"], rng, n),
        "Latin prefix*": [w[:4] + "*" for w in _words(d["en"], rng, n, 6)],
        "Latin + filters": [f"{w} year:2019 kind:translation" for w in _words(d["en"], rng, n)],
        "Vietnamese": _words(d["vi"], rng, n, 3),
        "Uyghur (Arabic)": _words(d["ug"], rng, n, 4),
        "Burmese 4 chars": _substrings(d["my"], rng, n, 4),
        "Khmer 4 chars": _substrings(d["km"], rng, n, 4),
        "Lao 4 chars": _substrings(d["lo"], rng, n, 4),
        "Tibetan 4 chars": _substrings(d["bo"], rng, n, 4),
        "Chinese 2 chars": _substrings(d["zh-Hans"], rng, n, 2),
        "Chinese 1 char": _substrings(d["zh-Hant"], rng, n, 1),
        "Chinese 4 chars": _substrings(d["zh-Hans"], rng, n, 4),
        "Korean prefix (2 syl.)": _korean_prefixes(d["ko"], rng, n),
        "Cantonese 2 chars": _substrings(d["yue"], rng, n, 2),
    }


def timed(archive: Archive, queries: list[str], **kwargs: object) -> tuple[float, float, float]:
    """(p50 ms, p95 ms, mean hits) of ``search`` over ``queries`` (limit 20)."""
    times, hits = [], []
    with archive.session() as session:
        search(session=session, query=queries[0], limit=20, **kwargs)  # type: ignore[arg-type]
        for query in queries:
            began = time.perf_counter()
            found = search(session=session, query=query, limit=20, **kwargs)  # type: ignore[arg-type]
            times.append((time.perf_counter() - began) * 1000)
            hits.append(len(found))
    times.sort()
    p95 = times[min(len(times) - 1, round(0.95 * (len(times) - 1)))]
    return statistics.median(times), p95, statistics.mean(hits)


def report(path: Path, sets: dict[str, list[str]], out: Callable[[str], None]) -> None:
    archive = open_archive(path)
    try:
        with archive.engine.connect() as conn:
            segments = conn.execute(text("SELECT count(*) FROM search_segment")).scalar_one()
        size = path.stat().st_size / 1e6
        out(f"  {segments:,} indexed segments, file {size:,.0f} MB")
        out(f"  {'queries':<24}{'p50 ms':>9}{'p95 ms':>9}{'hits':>7}")
        for name, queries in sets.items():
            p50, p95, mean = timed(archive, queries)
            out(f"  {name:<24}{p50:>9.1f}{p95:>9.1f}{mean:>7.1f}")
        out("  short terms by bounded scan instead of the bigram index:")
        for name in ("Chinese 2 chars", "Chinese 1 char", "Korean prefix (2 syl.)"):
            p50, p95, mean = timed(archive, sets[name], short_terms="scan")
            out(f"  {name + ' (scan)':<24}{p50:>9.1f}{p95:>9.1f}{mean:>7.1f}")
    finally:
        archive.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="10000,100000", help="article counts (comma-separated)")
    parser.add_argument("--queries", type=int, default=40, help="queries per script")
    parser.add_argument("--keep", type=Path, default=None, help="keep the archives in this folder")
    args = parser.parse_args()
    folder = args.keep or Path(tempfile.mkdtemp(prefix="search-bench-"))
    folder.mkdir(parents=True, exist_ok=True)
    corpus = load_corpus()
    sets = query_sets(corpus, args.queries)
    for size in (int(s) for s in args.sizes.split(",")):
        path = folder / f"bench-{size}.db"
        if not path.exists():
            seconds = build(path, size, corpus)
            print(f"{size:,} articles: built in {seconds:.0f} s ({path})", flush=True)
        else:
            print(f"{size:,} articles: {path} (kept)", flush=True)
        report(path, sets, lambda line: print(line, flush=True))


if __name__ == "__main__":
    main()
