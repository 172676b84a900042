"""Records per second and peak memory of ``archive import`` on a generated WARC.

    python benchmarks/warc_import.py [--sizes-mb 1024] [--page-every-kb 1024] [--jobs N]
                                     [--no-analyze] [--work DIR] [--keep]

For each size, a ``.warc.gz`` of about that many megabytes is written with warcio (gzip per
record, as crawlers write them) holding what a news crawl holds: for every ``--page-every-kb``
of data, one article page (our outlets' layout, its own headline, date, story and credit
line) and the rest images, scripts and stylesheets of random bytes (so they do not compress
away), plus a section front and a revisit of the page now and then. The file is then imported
by ``archive import --json`` in a fresh archive in a subprocess.

Reported per size: the file's size, records read, article pages imported, wall time,
records/s, MB/s, and the peak RSS of the largest process (the importer or a worker), from
``getrusage(RUSAGE_CHILDREN)`` of a wrapper process, so memory flat across sizes shows the
import streams.

Prints figures; asserts nothing.
"""

from __future__ import annotations

import argparse
import io
import json
import os
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent

WORDS = str.split(
    "soldiers police villagers government ministry officials residents protest election "
    "border refugees council court journalists reporters province township district army "
    "defected announced reported said told confirmed denied arrested released burned fled "
    "week Sunday Monday Tuesday houses families children farmers workers prices rice"
)
CREDITS = (
    "Reported by RFA's Myanmar Service. Translated by Khin Maung Nyane. "
    "Written in English by Eugene Whong.",
    "Reported by RFA's Khmer Service. Translated by Samean Yun. "
    "Written in English by Joshua Lipes.",
    "Reported by RFA's Lao Service. Written in English by Eugene Whong.",
)


def _sentence(rng: random.Random) -> str:
    words = rng.choices(WORDS, k=rng.randint(12, 28))
    return " ".join(words).capitalize() + f", {rng.randint(2, 900)} people told RFA."


def article_page(n: int, rng: random.Random) -> bytes:
    """An article page in our outlets' layout: chrome, headline, date, story, credit line."""
    title = " ".join(rng.choices(WORDS, k=7)).title() + f" ({n})"
    date = f"2021-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
    story = "\n".join(f"<p>{_sentence(rng)}</p>" for _ in range(rng.randint(6, 14)))
    chrome = "\n".join(f'<li><a href="/news/{w}/">{w.title()}</a></li>' for w in WORDS[:30])
    html = f"""<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
<title>{title} — Radio Free Asia</title><meta property="og:type" content="article">
<meta property="article:published_time" content="{date}T08:00:00Z">
<style>{"body{margin:0}" * 200}</style><script>{"var x=1;" * 400}</script></head>
<body><header><nav><ul>{chrome}</ul></nav></header><main><article><h1>{title}</h1>
<time datetime="{date}">{date}</time>{story}<p>{rng.choice(CREDITS)}</p></article></main>
<footer><a href="/about/">About</a> © Radio Free Asia</footer></body></html>"""
    return html.encode("utf-8")


def write_warc(path: Path, size_mb: int, page_every_kb: int, seed: int = 7) -> int:
    """Write a WARC of about ``size_mb`` MB; returns how many article pages it holds."""
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    rng = random.Random(seed)
    target = size_mb * 1024 * 1024
    pages = 0
    with path.open("wb") as handle:
        writer = WARCWriter(handle, gzip=True)
        info = {"software": "benchmark-crawler/1.0", "format": "WARC File Format 1.1"}
        writer.write_record(writer.create_warcinfo_record(path.name, info))

        def response(uri: str, body: bytes, content_type: str) -> str:
            http = StatusAndHeaders("200 OK", [("Content-Type", content_type)], "HTTP/1.1")
            record = writer.create_warc_record(
                uri, "response", payload=io.BytesIO(body), http_headers=http
            )
            writer.write_record(record)
            return str(record.rec_headers.get_header("WARC-Payload-Digest"))

        while handle.tell() < target:
            url = f"https://www.rfa.org/english/news/story-{pages}.html"
            digest = response(url, article_page(pages, rng), "text/html; charset=utf-8")
            pages += 1
            if pages % 10 == 0:
                revisit = writer.create_revisit_record(
                    url, digest=digest, refers_to_uri=url, refers_to_date="2021-01-01T00:00:00Z"
                )
                writer.write_record(revisit)
                links = "".join(f'<a href="/s{i}.html">Story {i}</a> ' for i in range(200))
                response(f"https://www.rfa.org/english/news/p{pages}/", links.encode(), "text/html")
            budget = page_every_kb * 1024
            while budget > 0:
                kind = rng.random()
                size = rng.randint(5_000, 250_000)
                if kind < 0.6:
                    name, mime = f"img{rng.getrandbits(40)}.jpg", "image/jpeg"
                elif kind < 0.8:
                    name, mime = f"app{rng.getrandbits(40)}.js", "application/javascript"
                else:
                    name, mime = f"site{rng.getrandbits(40)}.css", "text/css"
                response(f"https://www.rfa.org/static/{name}", os.urandom(size), mime)
                budget -= size
    return pages


#: Runs the import as its own child and reports the peak RSS of its process tree's largest
#: process (so each run is measured alone, not against an earlier run's peak).
_MEASURE = (
    "import resource, subprocess, sys\n"
    "code = subprocess.run(sys.argv[1:]).returncode\n"
    "sys.stderr.write(f'\\npeak-kb {resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss}\\n')\n"
    "sys.exit(code)\n"
)


def run(
    path: Path, db: Path, jobs: int | None, analyze: bool
) -> tuple[float, int, dict[str, object]]:
    """Import ``path``: wall seconds, peak RSS (KB) and the ``--json`` summary."""
    args = [sys.executable, "-m", "archive.cli", "import", str(path), "--db", str(db), "--json"]
    if not analyze:
        args.append("--no-analyze")
    if jobs is not None:
        args += ["--jobs", str(jobs)]
    start = time.perf_counter()
    result = subprocess.run(
        [sys.executable, "-c", _MEASURE, *args], capture_output=True, text=True, cwd=REPO
    )
    wall = time.perf_counter() - start
    if result.returncode not in (0, 1):
        raise SystemExit(f"import failed ({result.returncode}): {result.stderr[-2000:]}")
    peak = int(result.stderr.rsplit("peak-kb ", 1)[1].split()[0])
    return wall, peak, json.loads(result.stdout)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes-mb", default="1024", help="comma-separated WARC sizes in MB")
    parser.add_argument("--page-every-kb", type=int, default=1024, help="one article page per")
    parser.add_argument("--jobs", type=int, default=None, help="import workers (default: its own)")
    parser.add_argument("--no-analyze", action="store_true", help="import with --no-analyze")
    parser.add_argument("--work", type=Path, default=None, help="where to write (default: tmp)")
    parser.add_argument("--keep", action="store_true", help="keep the WARCs and archives")
    options = parser.parse_args()
    work = options.work or Path(tempfile.mkdtemp(prefix="warc-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    print(
        f"{'size':>9} {'records':>8} {'pages':>6} {'wall s':>7} {'rec/s':>7} "
        f"{'MB/s':>6} {'peak RSS':>9}"
    )
    for size_mb in (int(s) for s in options.sizes_mb.split(",")):
        warc = work / f"bench-{size_mb}mb.warc.gz"
        if not warc.exists():
            write_warc(warc, size_mb, options.page_every_kb)
        db = work / f"bench-{size_mb}mb.db"
        db.unlink(missing_ok=True)
        wall, peak, data = run(warc, db, options.jobs, not options.no_analyze)
        stats = data.get("warc", {})
        assert isinstance(stats, dict)
        read = int(stats.get("read", 0))
        mb = warc.stat().st_size / 1024 / 1024
        print(
            f"{mb:>7.0f}MB {read:>8} {int(stats.get('imported', 0)):>6} {wall:>7.1f} "
            f"{read / wall:>7.0f} {mb / wall:>6.1f} {peak / 1024:>7.0f}MB"
        )
        if not options.keep:
            warc.unlink()
            db.unlink(missing_ok=True)


if __name__ == "__main__":
    main()
