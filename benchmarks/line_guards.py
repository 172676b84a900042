"""What keeps gold's chrome in the story, and the line model's leave-one-set-out figures at
the shipped thresholds, per development set group.

    python benchmarks/line_guards.py [--cache FILE] [--read fresh9,fresh10]

Reads every gold page as ``train_line_model.py`` does (``--cache`` keeps that reading in a
pickle), then prints:

- per group — the sets whose pages were read line by line (``--read``, set (a)) and the
  others (set (b)) — each gold chrome line the shipped model leaves in the story, by what
  keeps it: the lead, the line opening it, a finished paragraph (the story's last one
  apart), the page's cut-off last line, above the lead on a page with no headline, or the
  model's probability under its threshold (lines, pages);
- leave-one-set-out at the shipped thresholds: each set left out in turn, the model
  trained on the others, pages with chrome kept, lead lost, end lost and story lines moved
  on the left-out set, summed per group.

Prints figures; asserts nothing.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter, defaultdict
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from archive.ingest import linemodel  # noqa: E402
from archive.ingest.pagelines import is_prose  # noqa: E402
from benchmarks.train_line_model import (  # noqa: E402
    DEFAULT_BLOCK_THRESHOLD,
    DEFAULT_EDGE_THRESHOLD,
    DEFAULT_L2,
    DEFAULT_TAIL_THRESHOLD,
    DEFAULT_THRESHOLD,
    SETS,
    Page,
    evaluate,
    feature_names,
    fit,
    load_pages,
)


def _kept_by(page: Page, index: int, movable: set[int]) -> str:
    context = page.context
    assert context is not None and context.lead is not None
    assert context.last_paragraph is not None
    text = page.lines[index].text
    if index == context.lead:
        return "lead"
    if index == linemodel._opens_lead(page.lines, context):
        return "line opening the lead"
    if index in movable:
        return "model under its threshold"
    if index <= context.last_paragraph and is_prose(text):
        return "last paragraph" if index == context.last_paragraph else "finished paragraph"
    if index == len(page.lines) - 1:
        return "page's cut-off last line"
    if index < context.lead:
        return "above the lead, no headline"
    return "other"


def guard_counts(pages: list[Page], read: set[str]) -> None:
    model = linemodel.load_line_model()
    lines: dict[str, Counter[str]] = defaultdict(Counter)
    files: dict[str, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
    for page in pages:
        context = page.context
        if not page.story or context is None or context.lead is None:
            continue
        group = "(a)" if page.set_name in read else "(b)"
        movable = set(page.movable)
        chances = {index: model.probability(page.features[index]) for index in movable}
        moved = set(linemodel.decide_furniture(page.lines, context, chances, model))
        for index in page.story:
            if page.labels.get(index) == 1 and index not in moved:
                why = _kept_by(page, index, movable)
                lines[group][why] += 1
                files[group][why].add(page.file)
    for group in ("(a)", "(b)"):
        print(f"gold chrome kept in the story, set {group}: lines (pages)")
        for why, count in lines[group].most_common():
            print(f"  {why:32} {count:4} ({len(files[group][why])})")


def loso(pages: list[Page], read: set[str]) -> None:
    names = feature_names(pages)
    totals: dict[str, list[int]] = {"(a)": [0, 0, 0, 0], "(b)": [0, 0, 0, 0]}
    print("leave-one-set-out at the shipped thresholds: rules → model")
    for test in SETS:
        train = [page for page in pages if page.set_name != test]
        model = fit(
            train,
            names,
            l2=DEFAULT_L2,
            threshold=DEFAULT_THRESHOLD,
            edge_threshold=DEFAULT_EDGE_THRESHOLD,
            tail_threshold=DEFAULT_TAIL_THRESHOLD,
            block_threshold=DEFAULT_BLOCK_THRESHOLD,
        )
        tested = [page for page in pages if page.set_name == test]
        rules, figures = evaluate(tested, None), evaluate(tested, model)
        group = "(a)" if test in read else "(b)"
        found = (figures.chrome_pages, figures.lead_lost, figures.end_lost, figures.fp)
        totals[group] = [total + value for total, value in zip(totals[group], found, strict=True)]
        print(
            f"  {test:8} chrome kept {rules.chrome_pages} → {figures.chrome_pages},"
            f" lead lost {rules.lead_lost} → {figures.lead_lost},"
            f" end lost {rules.end_lost} → {figures.end_lost}, story lines moved {figures.fp}"
        )
    for group, (chrome, lead, end, moved) in totals.items():
        print(
            f"  set {group}: chrome kept {chrome}, lead lost {lead}, end lost {end},"
            f" story lines moved {moved}"
        )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cache", type=Path, help="keep the rules' reading here (a pickle)")
    parser.add_argument(
        "--read", default="fresh9,fresh10", help="the sets read line by line: set (a)"
    )
    args = parser.parse_args(argv)
    read = set(args.read.split(","))
    pages = load_pages(list(SETS), cache=args.cache)
    guard_counts(pages, read)
    loso(pages, read)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
