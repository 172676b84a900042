"""The real-pages gold the learned page readers train on: which sets, in what order, and
each page's text as import reads it. Shared by ``train_line_model.py`` and
``train_headline_model.py`` so both models see the same pages the same way.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

from benchmarks.real_pages import (
    FRESH2_SET,
    FRESH3_SET,
    FRESH4_SET,
    FRESH5_SET,
    FRESH6_SET,
    FRESH7_SET,
    FRESH8_SET,
    FRESH9_SET,
    FRESH10_SET,
    FRESH_SET,
    HTML_SET,
    REPO_SET,
    SHARED_SET,
    load_gold,
)

__all__ = ["TRAINING_SETS", "gold_pages", "read_page_text"]

# The repo's development sets, by name: (pages folder, gold file or folder of gold*.jsonl).
# ../shared is a test set only.
TRAINING_SETS: dict[str, tuple[Path, Path]] = {
    "repo": (REPO_SET / "pages", REPO_SET / "gold.jsonl"),
    "fresh": (FRESH_SET / "pages", FRESH_SET),
    "fresh2": (FRESH2_SET / "pages", FRESH2_SET),
    "fresh3": (FRESH3_SET / "pages", FRESH3_SET),
    "fresh4": (FRESH4_SET / "pages", FRESH4_SET),
    "fresh5": (FRESH5_SET / "pages", FRESH5_SET),
    "fresh6": (FRESH6_SET / "pages", FRESH6_SET),
    "fresh7": (FRESH7_SET / "pages", FRESH7_SET),
    "fresh8": (FRESH8_SET / "pages", FRESH8_SET),
    "fresh9": (FRESH9_SET / "pages", FRESH9_SET),
    "fresh10": (FRESH10_SET / "pages", FRESH10_SET),
    "html": (HTML_SET / "pages", HTML_SET),
}


def gold_pages(
    names: Sequence[str], *, shared: bool = False
) -> Iterator[tuple[str, Path, dict[str, Any]]]:
    """(set name, pages folder, gold entry) for every gold page of the named sets, in a
    fixed order (sets as named, pages by file name), then the shared set's when asked and
    present."""
    sets = {name: TRAINING_SETS[name] for name in names}
    if shared and (SHARED_SET / "gold.jsonl").is_file():
        sets["shared"] = (SHARED_SET / "pages", SHARED_SET / "gold.jsonl")
    for set_name, (folder, gold_path) in sets.items():
        for gold in sorted(load_gold(gold_path, folder), key=lambda g: str(g["file"])):
            yield set_name, folder, gold


def read_gold_pages(
    names: Sequence[str], *, shared: bool = False
) -> Iterator[tuple[str, dict[str, Any], str, str | None]]:
    """(set name, gold entry, text, language) for every gold page of the named sets the
    page reader reads (``gold_pages``' order; an HTML page with no story is left out)."""
    for set_name, folder, gold in gold_pages(names, shared=shared):
        read = read_page_text(folder / gold["file"])
        if read is not None:
            yield set_name, gold, *read


def read_page_text(path: Path) -> tuple[str, str | None] | None:
    """The text the page reader parses (an HTML page's extracted story), and the language
    import detects on it; None for an HTML page with no story."""
    from archive.analysis import detect_language
    from archive.ingest.decode import decode_bytes
    from archive.ingest.htmlpage import extract_html_story

    text = decode_bytes(path.read_bytes(), source=str(path)).text
    if path.suffix.lower() in (".html", ".htm"):
        story = extract_html_story(text)
        if story is None:
            return None
        text = story.text
    language, _confidence = detect_language(text[:4000])
    return text, language
