"""Generate a large, realistic JSONL collection from NTREX-128 for scale and fault tests.

    python benchmarks/generate_archive.py N --out DIR [--seed S] [--per-file K] [--start I]

Writes ``DIR/articles-SEED-0000000.jsonl`` … (``--per-file`` records each, default 1,000) holding N
articles, each with two versions: an original in one of the nine RFA services' languages
(Burmese in Zawgyi as NTREX ships it, Khmer, Lao, Tibetan, Uyghur, Korean, Vietnamese,
Mandarin in simplified or traditional characters, Cantonese) and the published English
version ``derived_from`` it. Every record has an RFA-style credit line drawn from a pool of
names, an article-level editor credit now and then, a unique URL and a date spread over
twenty years (2005-2024).

Records are built from runs of consecutive NTREX sentences (line-aligned across languages,
so the two versions really are translations of each other) grouped into paragraphs.

The output is deterministic for a given ``--seed`` and streamed: memory stays constant
whatever N. ``--start I`` numbers the articles from I, so ``--start 0 N=100`` and
``--start 50 N=100`` overlap in exactly 50 articles (same bytes), which the concurrency
tests use. Prints one summary line on stderr; asserts nothing.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import sys
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

# ../shared when it is beside the checkout, else the repository's own byte copy (tests/data).
_SHARED_NTREX = Path(__file__).resolve().parents[2] / "shared" / "data" / "ntrex128"
_REPO_NTREX = Path(__file__).resolve().parents[1] / "tests" / "data" / "ntrex128"
NTREX = _SHARED_NTREX if _SHARED_NTREX.exists() else _REPO_NTREX

#: RFA's nine language services: (service word, NTREX file code, language code, separator).
SERVICES: tuple[tuple[str, str, str, str], ...] = (
    ("Myanmar", "mya", "my", " "),
    ("Khmer", "khm", "km", " "),
    ("Lao", "lao", "lo", " "),
    ("Tibetan", "bod", "bo", " "),
    ("Uyghur", "uig", "ug", " "),
    ("Korean", "kor", "ko", " "),
    ("Vietnamese", "vie", "vi", " "),
    ("Mandarin", "zho-CN", "zh-Hans", ""),
    ("Cantonese", "yue", "yue", ""),
)
#: Mandarin stories are sometimes in traditional characters.
MANDARIN_TRADITIONAL = ("zho-TW", "zh-Hant")

REPORTERS = (
    "Khin Khin Ei",
    "Kyaw Lwin Oo",
    "Zarni Htun",
    "Samean Yun",
    "Sok Ry Sum",
    "Nareth Muong",
    "Ounkeo Souksavanh",
    "Sidney Khotpanya",
    "Lobsang Choephel",
    "Tenzin Dickyi",
    "Shohret Hoshur",
    "Gulchehra Hoja",
    "Jeong Yon Park",
    "Kim Ji-eun",
    "Yang Sung-won",
    "Anna Vu",
    "Gia Minh",
    "Qiao Long",
    "Xin Lin",
    "Wen Yuqing",
    "Lau Siu-fung",
    "Wong Siu-san",
    "Jieun Kim",
    "Hyemin Son",
    "Soe Thu Aung",
)
TRANSLATORS = (
    "Khin Maung Nyane",
    "Ye Kaung Myint Maung",
    "Nareth Muong",
    "Sok Ry Sum",
    "Sidney Khotpanya",
    "Tenzin Dickyi",
    "Dorjee Damdul",
    "Mamatjan Juma",
    "Alim Seytoff",
    "Leejin J. Chung",
    "Claire S. Lee",
    "Huy Le",
    "Luisetta Mudie",
    "Ma'ruf O'Brien-Khan",
)
WRITERS = (
    "Eugene Whong",
    "Joshua Lipes",
    "Roseanne Gerin",
    "Richard Finney",
    "Paul Eckert",
    "Malcolm Foster",
    "Mat Pennington",
    "Jim Snyder",
    "Andrew J. Wilks",
    "Alex Willemyns",
)
EDITORS = ("Malcolm Foster", "Paul Eckert", "Mike Firn", "Taejun Kang", "Elaine Chan")

FIRST_DAY = dt.date(2005, 1, 1)
DAYS = (dt.date(2024, 12, 31) - FIRST_DAY).days + 1


@dataclass(frozen=True, slots=True)
class Corpus:
    """NTREX-128 loaded once: the English lines, each language's lines, and document spans."""

    english: tuple[str, ...]
    lines: dict[str, tuple[str, ...]]
    documents: tuple[tuple[int, int], ...]  # [start, end) line ranges of each document


def load_corpus(ntrex: Path) -> Corpus:
    """Read the English source, the ten references and the document boundaries."""

    def read(name: str) -> tuple[str, ...]:
        return tuple((ntrex / name).read_text(encoding="utf-8").rstrip("\n").split("\n"))

    english = read("src.eng.txt")
    codes = {code for _, code, _, _ in SERVICES} | {MANDARIN_TRADITIONAL[0]}
    lines = {code: read(f"ref.{code}.txt") for code in sorted(codes)}
    ids = (ntrex / "DOCUMENT_IDS.tsv").read_text(encoding="utf-8").rstrip("\n").split("\n")
    spans: list[tuple[int, int]] = []
    start = 0
    for i in range(1, len(ids) + 1):
        if i == len(ids) or ids[i] != ids[start]:
            spans.append((start, i))
            start = i
    for code, ref in lines.items():
        if len(ref) != len(english):
            raise SystemExit(f"ref.{code}.txt has {len(ref)} lines, src.eng.txt {len(english)}")
    return Corpus(english=english, lines=lines, documents=tuple(spans))


def _paragraphs(rng: random.Random, count: int) -> list[int]:
    """Split ``count`` sentences into paragraphs of 1-3 sentences; the sizes, in order."""
    sizes: list[int] = []
    left = count
    while left > 0:
        size = min(left, rng.choice((1, 2, 2, 3)))
        sizes.append(size)
        left -= size
    return sizes


def _join(lines: Sequence[str], sizes: Sequence[int], separator: str) -> str:
    out: list[str] = []
    at = 0
    for size in sizes:
        out.append(separator.join(line.strip() for line in lines[at : at + size]))
        at += size
    return "\n\n".join(out)


def _credit_line(rng: random.Random, word: str) -> str:
    reporter = rng.choice(REPORTERS)
    translator = rng.choice(TRANSLATORS)
    writer = rng.choice(WRITERS)
    service = rng.choice((f"RFA's {word} Service", f"RFA {word}", f"RFA’s {word} Service"))
    form = rng.randrange(5)
    if form == 0:
        return f"Reported by {service}. Translated by {translator}. Written in English by {writer}."
    if form == 1:
        return f"Reported by {reporter} for {service}. Written in English by {writer}."
    if form == 2:
        return f"Reported for {service} by {reporter}. Translated by {translator}."
    if form == 3:
        return f"Reported by {service}. Translated and written in English by {translator}."
    return (
        f"Reported by {reporter} for {service}. Translated by {translator}. "
        f"Written in English by {writer}. Edited by {rng.choice(EDITORS)}."
    )


def make_record(corpus: Corpus, seed: int, index: int) -> dict[str, object]:
    """Article number ``index`` of the collection for ``seed`` (independent of any other)."""
    rng = random.Random(f"{seed}:{index}")
    word, code, language, separator = rng.choice(SERVICES)
    if word == "Mandarin" and rng.random() < 0.3:
        code, language = MANDARIN_TRADITIONAL
    doc_start, doc_end = rng.choice(corpus.documents)
    length = min(doc_end - doc_start, rng.randint(6, 20))
    start = rng.randint(doc_start, doc_end - length)
    sizes = _paragraphs(rng, length)
    english_lines = corpus.english[start : start + length]
    original = _join(corpus.lines[code][start : start + length], sizes, separator)
    published = _join(english_lines, sizes, " ")
    title = english_lines[0].strip()[:120] or f"Story {index}"
    date = FIRST_DAY + dt.timedelta(days=rng.randrange(DAYS))
    slug = "-".join(title.lower().split()[:6]).strip(".,'\"") or "story"
    record: dict[str, object] = {
        "title": title,
        "date": date.isoformat(),
        "url": f"https://www.rfa.org/english/news/{word.lower()}/{slug}-{seed}-{index}.html",
        "service": f"RFA {word} Service",
        "credit_line": _credit_line(rng, word),
        "versions": [
            {"kind": "original", "language": language, "text": original},
            {
                "kind": "published",
                "language": "en",
                "title": title,
                "text": published,
                "derived_from": 0,
            },
        ],
    }
    if rng.random() < 0.2:
        record["credits"] = [{"role": "editor", "name": rng.choice(EDITORS)}]
    return record


def iter_records(corpus: Corpus, seed: int, start: int, count: int) -> Iterator[str]:
    """The JSONL lines of articles ``start`` … ``start + count - 1``, one at a time."""
    for index in range(start, start + count):
        yield json.dumps(make_record(corpus, seed, index), ensure_ascii=False)


def write_collection(
    n: int,
    out: Path,
    *,
    seed: int = 9,
    per_file: int = 1000,
    start: int = 0,
    ntrex: Path = NTREX,
) -> list[Path]:
    """Write N articles as JSONL files under ``out``; returns the files written."""
    corpus = load_corpus(ntrex)
    out.mkdir(parents=True, exist_ok=True)
    files: list[Path] = []
    written = 0
    while written < n:
        chunk = min(per_file, n - written)
        path = out / f"articles-{seed}-{start + written:07d}.jsonl"
        with path.open("w", encoding="utf-8") as handle:
            for line in iter_records(corpus, seed, start + written, chunk):
                handle.write(line)
                handle.write("\n")
        files.append(path)
        written += chunk
    return files


def main(argv: Sequence[str] | None = None) -> None:
    """Command-line entry point."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("n", type=int, help="how many articles")
    parser.add_argument("--out", type=Path, required=True, help="folder for the JSONL files")
    parser.add_argument("--seed", type=int, default=9)
    parser.add_argument("--per-file", type=int, default=1000)
    parser.add_argument("--start", type=int, default=0, help="number of the first article")
    parser.add_argument("--ntrex", type=Path, default=NTREX)
    args = parser.parse_args(argv)
    files = write_collection(
        args.n,
        args.out,
        seed=args.seed,
        per_file=args.per_file,
        start=args.start,
        ntrex=args.ntrex,
    )
    size = sum(p.stat().st_size for p in files)
    print(f"{args.n:,} articles in {len(files)} files, {size / 1e6:.1f} MB", file=sys.stderr)


if __name__ == "__main__":
    main()
