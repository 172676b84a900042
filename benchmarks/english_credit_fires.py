"""Where round 10's English credit shapes fire over the development pages, right and wrong.

Every gold page of the development sets is parsed as import parses it, with each shape's
reader watched: a name split from the outlet or title glued after it (``glued``), a byline
run on into a wire's dateline (``wire_dateline``), a name, a bar, a place and a date
(``place_date``), a photo credit over a closing byline (``photo_over_byline``), a "name"
opening with an article (``article``); round 11's: a name cut where it ran on into the next
field (``runon``: a dateline's place, a brand, an outlet, a second printing), a "name" with a
photo desk's or a site's word (``photo_site``), a byline printed twice glued to the lead
(``doubled``) and a credit read off a picture's credit line (``photo_line``). Each firing's
name is compared with the page's gold
(``right``: a gold credit's name; ``neutral``: a ``credits_other`` name or no name to
compare; ``wrong``: a name gold does not credit — for the article rule, which drops a name,
a name gold does credit) and printed with its page.

    python benchmarks/english_credit_fires.py [--sets fresh9 fresh10]
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from archive.ingest import (
    bylines,
    credit_candidates,
    credit_model,
    gluedlines,
    lead_credits,
    not_persons,
    textpage,
)
from benchmarks.gold_pages import TRAINING_SETS, read_gold_pages
from benchmarks.real_pages import norm_name

Fired = list[tuple[str, str]]  # (shape, the name or line it gave)


def _watch(module: Any, name: str, shape: str, fired: Fired, show: Callable[..., str]) -> None:
    reader = getattr(module, name)

    def watched(*args: Any) -> Any:
        found = reader(*args)
        if found:
            fired.append((shape, show(args, found)))
        return found

    setattr(module, name, watched)


def verdict(name: str, gold: dict[str, Any]) -> str:
    names = {norm_name(c["name"]) for c in gold.get("credits") or []}
    other = {norm_name(c["name"]) for c in gold.get("credits_other") or []}
    if not name:
        return "neutral"
    if norm_name(name) in names:
        return "right"
    return "neutral" if norm_name(name) in other else "wrong"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sets", nargs="*", default=list(TRAINING_SETS))
    args = parser.parse_args(argv)
    fired: Fired = []
    _watch(bylines, "_glued_outlet", "glued", fired, lambda a, cut: a[0][:cut].strip())
    _watch(bylines, "_glued_title", "glued", fired, lambda a, cut: a[0][:cut].strip())
    _watch(lead_credits, "_by_wire_dateline", "wire_dateline", fired, lambda a, f: f[0].name)
    _watch(bylines, "_place_then_date", "place_date", fired, lambda a, f: a[0])
    _watch(textpage, "second_by_name", "second_by", fired, lambda a, f: f[0].name)
    _watch(bylines, "_photo_over_byline", "photo_over_byline", fired, lambda a, f: a[0])
    _watch(not_persons, "_opens_with_article", "article", fired, lambda a, f: a[0])
    _watch(not_persons, "names_photo_or_site", "photo_site", fired, lambda a, f: a[0])
    _watch(gluedlines, "doubled_byline", "doubled", fired, lambda a, f: f.group())
    # the acceptor asks it of every person credit's line: a firing is a credit dropped
    _watch(credit_model, "is_photo_credit", "photo_line", fired, lambda a, f: a[0])
    cut = getattr(credit_candidates, "cut_run_on")  # noqa: B009 (not in its __all__)

    def watched_cut(name: str) -> str:
        found = str(cut(name))
        if found != name:
            fired.append(("runon", f"{found}\t{name}"))
        return found

    setattr(credit_candidates, "cut_run_on", watched_cut)  # noqa: B010
    counts: Counter[tuple[str, str]] = Counter()
    for set_name, gold, text, language in read_gold_pages(args.sets):
        fired.clear()
        textpage.parse_text_page(text, language=language)
        for shape, name in dict.fromkeys(fired):
            # a name the article rule drops is wrong when gold credits it, else neutral
            named = name if shape in ("glued", "wire_dateline", "second_by", "article") else ""
            if shape in ("runon", "photo_site"):
                named = name.split("\t")[0]
            seen = verdict(named, gold)
            if shape in ("article", "photo_site"):
                seen = "wrong" if seen == "right" else "neutral"
            if shape == "runon" and seen != "right":
                # wrong only when the name before the cut was gold's; else neither is
                whole = verdict(name.split("\t")[1], gold)
                seen = "wrong" if whole == "right" else "neutral"
            counts[shape, seen] += 1
            print(f"{seen:7} {shape:17} {set_name}/{gold['file']} {name!r}")
    shapes = (
        "glued",
        "wire_dateline",
        "second_by",
        "place_date",
        "photo_over_byline",
        "article",
        "runon",
        "photo_site",
        "doubled",
        "photo_line",
    )
    for shape in shapes:
        row = "  ".join(f"{v} {counts[shape, v]}" for v in ("right", "neutral", "wrong"))
        print(f"{shape:17} {row}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
