"""How fast saved pages are read (text and HTML), and a dump that proves a speed-up changed nothing.

    python benchmarks/page_parse.py [--sets DIR ...] [--repeat N] [--no-synthetic]
                                    [--limit SECONDS] [--dump OUT.json]

Every page of the repo's real-page development sets (``benchmarks/data/real-pages*/pages``
but the round's held-out set, ``real_pages.FRESH11_SET``, whose readings nobody tuning the
readers should see; and the shared set ``../shared/data/real-pages/pages`` beside the
checkout when present) is read the way
``archive import`` reads it (`read_page`: decoding, language, the text-page reader; for HTML
the story extraction, markup metadata and credits too), in this process. Printed: pages/s
(CPU time, so other load on the machine counts less), per format, and the five slowest pages
with their times. Then three made-up worst cases (never stored): a headline and lead over
3,000 short link lines, one 2 MB line, and 20,000 one-line paragraphs, each through
`parse_text_page` in a process of its own (stopped after ``--limit`` seconds).

``--dump OUT`` writes what was read of every page (title, date, credits, story text,
furniture, the text reader's own parts for text pages) as JSON: two dumps made before and
after a change must be byte-identical (``cmp`` or ``sha256sum`` them).

Prints figures; asserts nothing.
"""

from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
import json
import random
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from archive.analysis import detect_language  # noqa: E402
from archive.ingest.decode import decode_bytes  # noqa: E402
from archive.ingest.readers import file_format, read_page  # noqa: E402
from archive.ingest.textpage import parse_text_page  # noqa: E402
from benchmarks.real_pages import FRESH11_SET  # noqa: E402

_SHARED = REPO.parent / "shared" / "data" / "real-pages" / "pages"


def page_sets() -> list[Path]:
    """The folders of real pages: the repo's development sets (not the held-out one), and
    the shared set when present."""
    found = sorted(
        p / "pages"
        for p in (REPO / "benchmarks" / "data").glob("real-pages*")
        if p.resolve() != FRESH11_SET.resolve()
    )
    return [p for p in [*found, _SHARED] if p.is_dir()]


def _plain(value: Any) -> Any:
    """A reading as JSON-ready data (dataclasses as dicts, dates as ISO text)."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: _plain(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    return value


def _key(path: Path) -> str:
    """A page's name in the dump: its path in the checkout, or ``shared/…``."""
    if path.is_relative_to(REPO):
        return str(path.relative_to(REPO))
    return f"shared/{path.relative_to(_SHARED.parent.parent)}"


def read_one(path: Path) -> tuple[Any, float]:
    """What import reads of one page (the record, or the error), and the CPU seconds taken."""
    data = path.read_bytes()
    fmt = file_format(path) or "text"
    start = time.process_time()
    try:
        result: Any = _plain(read_page(path, data, fmt))
    except Exception as exc:  # a page that fails is part of the reading
        result = {"error": f"{type(exc).__name__}: {exc}"}
    seconds = time.process_time() - start
    return result, seconds


def text_reading(path: Path) -> Any:
    """The text-page reader's own parts of a text page (body offsets, dropped lines …)."""
    text = decode_bytes(path.read_bytes(), source=str(path)).text
    language, _confidence = detect_language(text[:4000])
    return _plain(parse_text_page(text, language=language))


def _words(rng: random.Random, count: int) -> str:
    vocabulary = [
        *("river", "flood", "village", "road", "council", "market", "school", "police"),
        *("court", "farmers", "water", "rain", "minister", "border", "trade", "health"),
        *("report", "week", "city", "province", "officials", "people"),
    ]
    return " ".join(rng.choice(vocabulary) for _ in range(count))


def synthetic_pages() -> dict[str, str]:
    """Made-up worst cases: many short link lines, one huge line, many paragraphs."""
    rng = random.Random(15)
    head = [
        "Floods cut the river road to three villages",
        "",
        "Heavy rain closed the river road on Monday, officials said, and three villages "
        "were cut off from the market town for the second time this year.",
        "",
    ]
    links = [f"{_words(rng, rng.randint(2, 6)).capitalize()}" for _ in range(3000)]
    paragraphs = [f"{_words(rng, rng.randint(20, 45)).capitalize()}." for _ in range(20_000)]
    line = _words(rng, 10)
    huge = (line + " ") * (2_000_000 // (len(line) + 1))
    return {
        "3,000 short link lines": "\n".join([*head, *links]) + "\n",
        "one 2 MB line": huge.rstrip() + "\n",
        "20,000 paragraph lines": "\n".join([*head, *paragraphs]) + "\n",
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sets", type=Path, nargs="*", help="folders of pages (default: all)")
    parser.add_argument("--repeat", type=int, default=1, help="read every page N times")
    parser.add_argument("--no-synthetic", action="store_true", help="skip the made-up pages")
    parser.add_argument("--dump", type=Path, help="write every page's reading here (JSON)")
    parser.add_argument("--limit", type=int, default=300, help="seconds per made-up page")
    parser.add_argument("--case", help=argparse.SUPPRESS)  # one made-up page, in a subprocess
    args = parser.parse_args()
    if args.case:
        print(time_case(args.case))
        return

    sets = args.sets or page_sets()
    pages = [p for folder in sets for p in sorted(folder.iterdir()) if file_format(p)]
    # Warm up: the language detector and the line model load on first use.
    read_one(pages[0])

    times: dict[Path, float] = {}
    readings: dict[str, Any] = {}
    for _ in range(max(1, args.repeat)):
        for path in pages:
            result, seconds = read_one(path)
            times[path] = min(seconds, times.get(path, seconds))
            readings[_key(path)] = {"record": result}
    print(f"sets: {', '.join(str(s) for s in sets)}")
    for fmt in ("text", "html"):
        chosen = [p for p in pages if file_format(p) == fmt]
        total = sum(times[p] for p in chosen)
        if chosen:
            print(
                f"{fmt:>5}: {len(chosen)} pages in {total:.2f} s CPU "
                f"= {len(chosen) / total:.1f} pages/s"
            )
    total = sum(times.values())
    print(f"  all: {len(pages)} pages in {total:.2f} s CPU = {len(pages) / total:.1f} pages/s")
    print("slowest pages:")
    for path in sorted(times, key=times.__getitem__, reverse=True)[:5]:
        size = path.stat().st_size
        print(f"  {times[path]:7.3f} s  {size:>9,} bytes  {_key(path)}")

    if args.dump:
        for path in pages:
            if file_format(path) == "text":
                readings[_key(path)]["text_page"] = text_reading(path)
        args.dump.write_text(
            json.dumps(readings, ensure_ascii=False, sort_keys=True, indent=1) + "\n",
            encoding="utf-8",
        )
        print(f"dump: {args.dump} ({len(readings)} pages)")

    if not args.no_synthetic:
        print(
            f"made-up worst cases (parse_text_page; each in its own process, {args.limit} s max):"
        )
        for name, text in synthetic_pages().items():
            lines = text.count("\n")
            try:
                done = subprocess.run(
                    [sys.executable, __file__, "--case", name],
                    capture_output=True,
                    text=True,
                    timeout=args.limit,
                    check=True,
                )
                took = f"{float(done.stdout):7.3f} s"
            except subprocess.TimeoutExpired:
                took = f"> {args.limit} s"
            print(f"  {took:>9}  {len(text):>9,} chars {lines:>6,} lines  {name}")


def time_case(name: str) -> float:
    """CPU seconds `parse_text_page` takes on one made-up page (the model loaded first)."""
    text = synthetic_pages()[name]
    parse_text_page("A headline\n\nA lead that is a sentence of the story, and long enough.\n")
    start = time.process_time()
    parse_text_page(text, language="en")
    return time.process_time() - start


if __name__ == "__main__":
    main()
