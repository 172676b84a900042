"""Two stories collected separately in each language, from NTREX-128 (real translations).

The shark story (lines 44-57) and the supermarket story (59-75): a Burmese original on the
Burmese service's day, its English story a day later as a separate record; the English shares
the story's numbers (13, 7, 135, 48 …), which a real suggester links with certainty.
"""

from __future__ import annotations

import json
from pathlib import Path

from archive.db import Archive
from archive.ingest.pipeline import import_paths
from tests.conftest import ntrex_lines

SHARK = (43, 57)  # 0-based slice of the NTREX lines
STORES = (58, 75)


def _record(title: str, date: str, url: str, language: str, lines: list[str], name: str) -> str:
    kind = "published" if language == "en" else "original"
    return json.dumps(
        {
            "title": title,
            "date": date,
            "url": url,
            "service": "RFA Burmese",
            "credits": [{"role": "writer" if language == "en" else "reporter", "name": name}],
            "versions": [{"kind": kind, "language": language, "text": "\n\n".join(lines)}],
        },
        ensure_ascii=False,
    )


def write_sample(folder: Path) -> Path:
    """``folder/stories.jsonl``: Burmese shark, English shark, Burmese stores, English stores."""
    eng, mya = ntrex_lines("eng"), ntrex_lines("mya")
    records = []
    for (start, end), slug, day in ((SHARK, "shark", 5), (STORES, "stores", 12)):
        records.append(
            _record(
                mya[start],
                f"2019-09-{day:02d}",
                f"https://www.rfa.org/burmese/{slug}-1.html",
                "my",
                mya[start:end],
                "Zaw Moe",
            )
        )
        records.append(
            _record(
                eng[start],
                f"2019-09-{day + 1:02d}",
                f"https://www.rfa.org/english/{slug}-1.html",
                "en",
                eng[start:end],
                "Eugene Whong",
            )
        )
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "stories.jsonl"
    path.write_text("\n".join(records) + "\n", encoding="utf-8")
    return path


def write_ambiguous(folder: Path) -> Path:
    """``folder/ambiguous.jsonl``: the Burmese supermarket story and two English copies of its
    story, the same title, text and day, from addresses that match neither: no suggester can
    tell which one translates it. Plus the shark pair, which stays clear."""
    eng, mya = ntrex_lines("eng"), ntrex_lines("mya")
    start, end = STORES
    records = [
        _record(
            mya[start],
            "2019-09-12",
            "https://www.rfa.org/burmese/news/item-3001.html",
            "my",
            mya[start:end],
            "Zaw Moe",
        )
    ]
    for page in ("story-a", "story-b"):
        records.append(
            _record(
                eng[start],
                "2019-09-13",
                f"https://www.rfa.org/english/{page}.html",
                "en",
                eng[start:end],
                "Eugene Whong",
            )
        )
    start, end = SHARK
    records.append(
        _record(
            mya[start],
            "2019-09-05",
            "https://www.rfa.org/burmese/shark-1.html",
            "my",
            mya[start:end],
            "Zaw Moe",
        )
    )
    records.append(
        _record(
            eng[start],
            "2019-09-06",
            "https://www.rfa.org/english/shark-1.html",
            "en",
            eng[start:end],
            "Eugene Whong",
        )
    )
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "ambiguous.jsonl"
    path.write_text("\n".join(records) + "\n", encoding="utf-8")
    return path


def build_sample(archive: Archive, folder: Path) -> dict[str, int]:
    """Import the sample; returns ``{"my-shark": id, "en-shark": id, "my-stores", "en-stores"}``."""
    summary = import_paths(archive, [write_sample(folder)], align=True)
    ids = [o.article_id for o in summary.outcomes if o.article_id is not None]
    assert 4 == len(ids), summary.outcomes
    return dict(zip(("my-shark", "en-shark", "my-stores", "en-stores"), ids, strict=True))
