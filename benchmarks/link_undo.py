"""Time to confirm and to undo a link, and that undo gives both articles back byte for byte.

    python benchmarks/link_undo.py [--docs 40] [--lang mya] [--db /tmp/links.db]

Builds an archive from NTREX-128 documents (tests/data/ntrex128): per document an original
article (the language given) and its English story as a separate record a day later, both
imported and aligned. Then confirms every pair (manual link), undoes every link, and prints
the median and worst time per confirm and per undo, and how many articles' ``show --json``
came back identical.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from archive.db import open_archive
from archive.ingest.pipeline import import_paths
from archive.linking.links import confirm_link, undo_link
from archive.provenance import get_article

NTREX = Path(__file__).resolve().parents[1] / "tests" / "data" / "ntrex128"
CODES = {"mya": "my", "khm": "km", "lao": "lo", "bod": "bo", "uig": "ug", "kor": "ko"}
CODES |= {"vie": "vi", "yue": "yue", "zho-CN": "zh-Hans", "zho-TW": "zh-Hant"}


def _documents(lang: str, count: int) -> list[tuple[list[str], list[str]]]:
    ids = (NTREX / "DOCUMENT_IDS.tsv").read_text(encoding="utf-8").split("\n")
    eng = (NTREX / "src.eng.txt").read_text(encoding="utf-8").split("\n")
    other = (NTREX / f"ref.{lang}.txt").read_text(encoding="utf-8").split("\n")
    docs: dict[str, list[int]] = {}
    for n, doc in enumerate(ids[: len(eng)]):
        if doc.strip():
            docs.setdefault(doc, []).append(n)
    out = []
    for lines in list(docs.values())[:count]:
        out.append(([other[i] for i in lines], [eng[i] for i in lines]))
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=40)
    parser.add_argument("--lang", default="mya")
    parser.add_argument("--db", type=Path)
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="link-bench-"))
    db = args.db or folder / "links.db"
    records = []
    for n, (original, english) in enumerate(_documents(args.lang, args.docs)):
        day = 1 + n % 27
        for lines, language, kind, d in (
            (original, CODES[args.lang], "original", day),
            (english, "en", "published", day + 1),
        ):
            records.append(
                json.dumps(
                    {
                        "title": lines[0],
                        "date": f"2019-09-{d:02d}",
                        "url": f"https://example.org/{language}/{n}.html",
                        "service": "RFA Burmese",
                        "versions": [
                            {"kind": kind, "language": language, "text": "\n\n".join(lines)}
                        ],
                    },
                    ensure_ascii=False,
                )
            )
    source = folder / "pairs.jsonl"
    source.write_text("\n".join(records) + "\n", encoding="utf-8")
    archive = open_archive(db)
    started = time.perf_counter()
    summary = import_paths(archive, [source], align=True)
    print(f"imported {len(summary.outcomes)} articles in {time.perf_counter() - started:.1f} s")
    ids = [o.article_id for o in summary.outcomes if o.article_id is not None]
    pairs = list(zip(ids[0::2], ids[1::2], strict=True))

    def shown(article_id: int) -> str:
        with archive.session() as session:
            return json.dumps(get_article(session=session, article_id=article_id))

    before = {i: shown(i) for i in ids}
    confirm_times, undo_times, links = [], [], []
    for original, english in pairs:
        started = time.perf_counter()
        with archive.session() as session, session.begin():
            links.append(confirm_link(session, original, english, by="benchmark").id)
        confirm_times.append(time.perf_counter() - started)
    for link_id in links:
        assert link_id is not None
        started = time.perf_counter()
        with archive.session() as session, session.begin():
            undo_link(session, link_id)
        undo_times.append(time.perf_counter() - started)
    same = sum(1 for i in ids if shown(i) == before[i])

    def ms(values: list[float]) -> str:
        return (
            f"median {statistics.median(values) * 1000:.0f} ms, worst {max(values) * 1000:.0f} ms"
        )

    print(
        f"{len(pairs)} pairs ({args.lang}-en): confirm {ms(confirm_times)} (includes aligning "
        f"the new pair); undo {ms(undo_times)}"
    )
    print(f"show --json identical after undo: {same}/{len(ids)} articles")
    archive.close()


if __name__ == "__main__":
    main()
