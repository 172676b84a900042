"""Where the native credit readers fire over the development pages, right and wrong.

Every gold page of the development sets is parsed as import parses it; each credit a reader
of ``archive/ingest/native_credits.py`` gives is compared with the page's gold: ``right``
(a gold credit, its role or a ``role_alt``), ``role`` (a gold name, another role),
``neutral`` (a ``credits_other`` name) or ``wrong``. Prints every firing that is not right
(all with ``--verbose``) and the counts per reader.

    python benchmarks/native_credit_fires.py [--verbose] [--sets fresh6 fresh5]
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from archive.ingest import native_credits as native
from archive.ingest import textpage
from archive.ingest.credits import CreditEntry
from benchmarks.gold_pages import TRAINING_SETS, read_gold_pages
from benchmarks.real_pages import norm_name

READERS = (
    "label_list_credits",
    "meta_line_credits",
    "han_dateline_credits",
    "korean_handover",
    "signature_tail",
    "uyghur_listen",
    "email_credits",
    "korean_signoff",
    "han_reported",
    "label_place",
    "joined_names",
    "capitals_bar",
    "name_over_source",
)


def _spy(name: str, fired: list[tuple[str, CreditEntry]]) -> Callable[..., list[CreditEntry]]:
    reader = getattr(native, name)

    def spied(*args: Any, **kwargs: Any) -> list[CreditEntry]:
        found: list[CreditEntry] = reader(*args, **kwargs)
        fired.extend((name, entry) for entry in found)
        return found

    return spied


def verdict(entry: CreditEntry, gold: dict[str, Any]) -> str:
    """How a credit compares with its page's gold."""
    roles: dict[str, set[str]] = {}
    for credit in gold.get("credits") or []:
        roles.setdefault(norm_name(credit["name"]), set()).update(
            [credit["role"], *credit.get("role_alt", [])]
        )
    other = {norm_name(credit["name"]) for credit in gold.get("credits_other") or []}
    name = norm_name(entry.name)
    if name in roles:
        return "right" if entry.role in roles[name] else "role"
    return "neutral" if name in other else "wrong"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sets", nargs="*", default=list(TRAINING_SETS))
    parser.add_argument("--verbose", action="store_true", help="print the right ones too")
    args = parser.parse_args(argv)
    fired: list[tuple[str, CreditEntry]] = []
    for name in READERS:
        setattr(native, name, _spy(name, fired))
    counts: Counter[tuple[str, str]] = Counter()
    for set_name, gold, text, language in read_gold_pages(args.sets):
        fired.clear()
        textpage.parse_text_page(text, language=language)
        for reader, entry in fired:
            seen = verdict(entry, gold)
            counts[reader, seen] += 1
            if seen != "right" or args.verbose:
                print(
                    f"{seen:7} {reader:20} {set_name}/{gold['file']} "
                    f"{entry.role} {entry.name!r} ({entry.raw[:50]!r})"
                )
    for reader in READERS:
        row = {seen: counts[reader, seen] for seen in ("right", "role", "neutral", "wrong")}
        print(f"{reader:20} " + "  ".join(f"{key} {value}" for key, value in row.items()))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
