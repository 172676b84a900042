"""Train the page reader's line model (archive/ingest/linemodel.py) on the real-pages gold.

    python benchmarks/train_line_model.py [--out FILE] [--cv] [--threshold P] [--l2 C]
                                          [--edge-threshold P] [--tail-threshold P]
                                          [--block-threshold P] [--shared] [--cache FILE]

Every page of the repo's twelve gold sets (benchmarks/gold_pages.py TRAINING_SETS: real-pages,
real-pages-fresh, -fresh2 … -fresh10 and real-pages-html: an HTML page's story
reaches the same reader) is read as import reads it, up to the story the rules make; each
line of that story is labelled from gold: inside gold's story_first..story_last it is story
unless it is one of junk_lines, holds a junk_substring or credit_mark, or is the
byline_line; outside the span it is furniture (unless it is the title or a credit line:
those are left out). The features are linemodel.line_features; the model an
L2-regularised logistic regression fitted by Newton's method in numpy (no learning library
is installed, and the fit is twenty lines). The weights go to
archive/ingest/data/line_model.json, trained on the twelve repo sets only, so they can be
rebuilt from the repo alone.

``--cv`` prints leave-one-set-out figures: trained on eleven repo sets, scored on the twelfth
(and on ../shared/data/real-pages when present): for a grid of line, edge, tail and block
thresholds, pages with chrome kept, lead lost, end lost, credit and title kept, and story
lines moved, rules alone and with the model; it names the thresholds that lose no extra
lead or end on any left-out set and clear the most pages. ``--without a,b`` leaves
features out of the fit (to measure each; writes nothing). Deterministic: sorted inputs,
no random draws.
Prints figures; asserts nothing.
"""

from __future__ import annotations

import argparse
import json
import pickle
import re
import sys
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from itertools import product
from pathlib import Path
from typing import Any
from unittest import mock

REPO = Path(__file__).resolve().parent.parent
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from archive.ingest import textpage  # noqa: E402
from archive.ingest.bylines import is_credit_line  # noqa: E402
from archive.ingest.linemodel import (  # noqa: E402
    LineModel,
    PageContext,
    decide_furniture,
    line_features,
    movable_lines,
    page_context,
    story_furniture,
)
from archive.ingest.pagelines import Line, page_lines  # noqa: E402
from benchmarks.gold_pages import TRAINING_SETS, gold_pages, read_page_text  # noqa: E402
from benchmarks.logistic_fit import fit_logistic  # noqa: E402

MODEL_PATH = REPO / "archive" / "ingest" / "data" / "line_model.json"
# every development set (benchmarks/gold_pages.py); ../shared only with --shared
SETS = TRAINING_SETS
DEFAULT_L2 = 1.0
# chosen by --cv (see docs/line-model.md): no extra lead or end lost on any left-out set
DEFAULT_THRESHOLD = 0.97
DEFAULT_EDGE_THRESHOLD = 0.95
DEFAULT_TAIL_THRESHOLD = 0.8
DEFAULT_BLOCK_THRESHOLD = 1.01
THRESHOLDS = (0.9, 0.95, 0.97, 0.99, 1.01)  # 1.01: no single line moves
EDGE_THRESHOLDS = (0.85, 0.9, 0.95, 0.98, 0.99, 1.01)  # 1.01: no edge line moves
TAIL_THRESHOLDS = (0.5, 0.8, 1.01)  # 1.01: no tail leaves whole
BLOCK_THRESHOLDS = (0.7, 0.75, 0.8, 0.85, 0.9, 1.01)  # 1.01: no block leaves whole


def _flat(text: str) -> str:
    return re.sub(r"\s+", " ", unicodedata.normalize("NFC", text)).strip()


@dataclass
class Page:
    """One gold page as the rules leave it: its lines, the rules' story, the labels."""

    set_name: str
    file: str
    gold: dict[str, Any]
    lines: list[Line]
    story: list[int]
    title: str | None
    text: str = ""
    labels: dict[int, int] = field(default_factory=dict)  # 1 furniture, 0 story
    features: dict[int, dict[str, float]] = field(default_factory=dict)
    context: PageContext | None = None
    movable: list[int] = field(default_factory=list)


def _rules_story(text: str, language: str | None) -> tuple[list[Line], list[int], str | None]:
    """The page's lines, the story lines the rules keep, and the title: the line model's
    call in textpage is recorded (and moves nothing)."""
    seen: list[tuple[list[Line], list[int], str | None]] = []

    def record(
        lines: Sequence[Line], story: Sequence[int], *, title: str | None, model: object = None
    ) -> list[int]:
        seen.append((list(lines), list(story), title))
        return []

    with mock.patch.object(textpage, "story_furniture", record):
        page = textpage.parse_text_page(text, language=language)
    if seen:
        return seen[0]
    return list(page_lines(text)), [], page.title


def _span_line(lines: list[Line], text: str, snippet: str, *, last: bool) -> int | None:
    """The line holding the start (or the end, with ``last``) of a gold snippet."""
    flat = _flat(snippet)
    if not flat:
        return None
    for index in reversed(range(len(lines))) if last else range(len(lines)):
        if flat in _flat(lines[index].text):
            return index
    # a snippet running over two lines: find it in the page, map its offset to a line
    words = [re.escape(word) for word in flat.split(" ")]
    found = list(re.finditer(r"\s+".join(words), unicodedata.normalize("NFC", text)))
    if not found:
        return None
    offset = found[-1].end() - 1 if last else found[0].start()
    return next((i for i, line in enumerate(lines) if line.start <= offset < line.end), None)


def _label(page: Page, text: str) -> None:
    """Gold's reading of every line of the rules' story (see the module's docstring)."""
    gold = page.gold
    first = _span_line(page.lines, text, str(gold["story_first"]), last=False)
    last = _span_line(page.lines, text, str(gold["story_last"]), last=True)
    if first is None or last is None or last < first:
        return
    junk_lines = {_flat(str(j)) for j in gold.get("junk_lines") or []}
    junk_parts = [_flat(str(j)) for j in gold.get("junk_substrings") or []]
    marks = [_flat(str(m)) for m in (gold.get("credit_mark"), gold.get("byline_line")) if m]
    titles = [_flat(str(t)) for t in [gold.get("title"), *(gold.get("title_alt") or [])] if t]
    for index in page.story:
        line = _flat(page.lines[index].text)
        if first <= index <= last:
            chrome = line in junk_lines or any(part and part in line for part in junk_parts)
            credit = any(mark and (mark in line or line == mark) for mark in marks)
            page.labels[index] = int(chrome or credit)
        elif not (
            line in titles
            or is_credit_line(page.lines[index].text)
            or any(mark and (mark in line or line == mark) for mark in marks)
        ):
            page.labels[index] = 1  # outside gold's span, neither the title nor a credit


def load_pages(
    names: Sequence[str], *, shared: bool = False, cache: Path | None = None
) -> list[Page]:
    """Every gold page of the named sets (and the shared set), read and labelled. With
    ``cache``, the rules' reading of the pages is kept there (a pickle) and read back on the
    next run: a feature change needs no new reading, a rules or gold change a new cache."""
    if cache is not None and cache.is_file():
        pages: list[Page] = pickle.loads(cache.read_bytes())
    else:
        pages = _read_pages(names, shared=shared)
        if cache is not None:
            cache.write_bytes(pickle.dumps(pages))
    for page in pages:
        page.labels = {}
        _label(page, page.text)
        if page.story:
            context = page.context = page_context(page.lines, page.story, title=page.title)
            page.features = {
                index: line_features(page.lines, index, context) for index in page.story
            }
            page.movable = movable_lines(page.lines, context)
    return pages


def _read_pages(names: Sequence[str], *, shared: bool) -> list[Page]:
    pages: list[Page] = []
    for set_name, folder, gold in gold_pages(names, shared=shared):
        read = read_page_text(folder / str(gold["file"]))
        if read is None:
            continue
        text, language = read
        lines, story, title = _rules_story(text, language)
        pages.append(Page(set_name, str(gold["file"]), gold, lines, story, title, text))
    return pages


def feature_names(pages: Sequence[Page]) -> list[str]:
    for page in pages:
        if page.story:
            context = page_context(page.lines, page.story, title=page.title)
            return list(line_features(page.lines, page.story[0], context))
    raise ValueError("no page with a story to read feature names from")


def fit(
    pages: Sequence[Page],
    names: list[str],
    *,
    l2: float,
    threshold: float,
    edge_threshold: float,
    tail_threshold: float = 1.01,
    block_threshold: float = 1.01,
) -> LineModel:
    """An L2-regularised logistic regression on the labelled lines."""
    rows = [
        (page.features[index], label)
        for page in pages
        for index, label in sorted(page.labels.items())
    ]
    columns = fit_logistic([row for row, _ in rows], [label for _, label in rows], names, l2=l2)
    return LineModel(
        names=columns.names,
        means=columns.means,
        scales=columns.scales,
        weights=columns.weights,
        bias=columns.bias,
        threshold=threshold,
        edge_threshold=edge_threshold,
        tail_threshold=tail_threshold,
        block_threshold=block_threshold,
    )


@dataclass
class Figures:
    """Line and page figures of a model (or of the rules alone) on some pages."""

    tp: int = 0
    fp: int = 0
    fn: int = 0
    chrome_pages: int = 0
    lead_lost: int = 0
    end_lost: int = 0
    credit_kept: int = 0
    title_kept: int = 0
    pages: int = 0

    def line(self) -> str:
        precision = self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0
        recall = self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0
        return (
            f"furniture lines P {precision:.3f} R {recall:.3f} (tp {self.tp}, fp {self.fp},"
            f" fn {self.fn}); pages {self.pages}: chrome kept {self.chrome_pages},"
            f" lead lost {self.lead_lost}, end lost {self.end_lost},"
            f" credit kept {self.credit_kept}, title repeated {self.title_kept}"
        )


def probabilities_of(pages: Sequence[Page], model: LineModel) -> list[dict[int, float]]:
    """Per page, the model's probability for each line no guard keeps."""
    return [
        {index: model.probability(page.features[index]) for index in page.movable} for page in pages
    ]


def evaluate(
    pages: Sequence[Page],
    model: LineModel | None,
    probabilities: Sequence[dict[int, float]] | None = None,
) -> Figures:
    """How the story reads with the model's moves (or without, for ``None``), scored as
    real_pages.py scores a stored story; ``probabilities`` (from :func:`probabilities_of`)
    spares scoring the lines again for each set of thresholds."""
    figures = Figures()
    for number, page in enumerate(pages):
        if model is None:
            moved: set[int] = set()
        elif page.context is None:
            moved = set(story_furniture(page.lines, page.story, title=page.title, model=model))
        else:
            chances = (
                probabilities[number]
                if probabilities is not None
                else probabilities_of([page], model)[0]
            )
            moved = set(decide_furniture(page.lines, page.context, chances, model))
        for index, label in page.labels.items():
            figures.tp += label == 1 and index in moved
            figures.fp += label == 0 and index in moved
            figures.fn += label == 1 and index not in moved
        kept = [page.lines[i].text for i in page.story if i not in moved]
        flat = _flat(" ".join(kept))
        rows = {_flat(text) for text in kept}
        gold = page.gold
        figures.pages += 1
        junk = [j for j in gold.get("junk_lines") or [] if _flat(str(j)) in rows]
        junk += [j for j in gold.get("junk_substrings") or [] if _flat(str(j)) in flat]
        figures.chrome_pages += bool(junk)
        figures.lead_lost += _flat(str(gold["story_first"])) not in flat
        figures.end_lost += _flat(str(gold["story_last"])) not in flat
        mark, byline = gold.get("credit_mark"), gold.get("byline_line")
        figures.credit_kept += bool(
            (mark and _flat(str(mark)) in flat) or (byline and _flat(str(byline)) in rows)
        )
        figures.title_kept += bool(gold.get("title") and _flat(str(gold["title"])) in rows)
    return figures


Thresholds = tuple[float, float, float, float]  # line, edge, tail, block


def cross_validate(pages: list[Page], names: list[str], l2: float) -> Thresholds | None:
    """Leave-one-set-out figures over the repo's sets (and the shared set, tested on each
    model); returns the thresholds that lose no extra lead or end on any left-out set and
    clear the most pages of chrome (None when no thresholds of the grid are that safe)."""
    held_out = list(SETS)
    grid = list(product(THRESHOLDS, EDGE_THRESHOLDS, TAIL_THRESHOLDS, BLOCK_THRESHOLDS))
    results: dict[Thresholds, dict[str, tuple[Figures, Figures]]] = {combo: {} for combo in grid}
    for test in held_out:
        train = [p for p in pages if p.set_name in held_out and p.set_name != test]
        model = fit(train, names, l2=l2, threshold=1.0, edge_threshold=1.0, tail_threshold=1.0)
        for name in (test, "shared"):
            tested = [p for p in pages if p.set_name == name]
            if not tested:
                continue
            key = name if name == test else f"shared/{test}"
            rules = evaluate(tested, None)
            chances = probabilities_of(tested, model)
            for combo in grid:
                line, edge, tail, block = combo
                chosen = replace(
                    model,
                    threshold=line,
                    edge_threshold=edge,
                    tail_threshold=tail,
                    block_threshold=block,
                )
                results[combo][key] = (rules, evaluate(tested, chosen, chances))

    def extra_lost(combo: Thresholds) -> int:
        return sum(
            max(0, with_model.lead_lost - rules.lead_lost)
            + max(0, with_model.end_lost - rules.end_lost)
            for key, (rules, with_model) in results[combo].items()
            if not key.startswith("shared/")
        )

    def cleared(combo: Thresholds) -> tuple[int, int]:
        sets = [v for k, v in results[combo].items() if not k.startswith("shared/")]
        gained = sum(rules.chrome_pages - model.chrome_pages for rules, model in sets)
        return gained, -sum(model.fp for _, model in sets)

    ranked = sorted(grid, key=lambda combo: (-extra_lost(combo), *cleared(combo)), reverse=True)
    for combo in ranked[:5]:
        print(
            f"  line {combo[0]} edge {combo[1]} tail {combo[2]} block {combo[3]}:"
            f" extra lead/end lost {extra_lost(combo)}, pages cleared {cleared(combo)[0]},"
            f" lines moved wrongly {-cleared(combo)[1]}"
        )
    shipped = (
        DEFAULT_THRESHOLD,
        DEFAULT_EDGE_THRESHOLD,
        DEFAULT_TAIL_THRESHOLD,
        DEFAULT_BLOCK_THRESHOLD,
    )
    if shipped in results:
        print(
            f"  shipped defaults {shipped}: extra lead/end lost {extra_lost(shipped)},"
            f" pages cleared {cleared(shipped)[0]}, lines moved wrongly {-cleared(shipped)[1]}"
        )
    best = ranked[0]
    if extra_lost(best):
        print("== no thresholds of the grid lose no lead or end on every left-out set")
    print(
        f"== leave-one-set-out, thresholds line {best[0]} edge {best[1]} tail {best[2]}"
        f" block {best[3]} (rules alone -> with the model)"
    )
    for key, (rules, with_model) in results[best].items():
        print(
            f"  {key:<14} chrome kept {rules.chrome_pages:>3} -> {with_model.chrome_pages:<3}"
            f" lead lost {rules.lead_lost} -> {with_model.lead_lost}"
            f"  end lost {rules.end_lost} -> {with_model.end_lost}"
            f"  credit kept {rules.credit_kept} -> {with_model.credit_kept}"
            f"  title repeated {rules.title_kept} -> {with_model.title_kept}"
            f"  moved {with_model.tp + with_model.fp} (story lines {with_model.fp})"
            f"  of {with_model.pages} pages"
        )
    return None if extra_lost(best) else best


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--out", type=Path, default=MODEL_PATH, help="where to write the weights")
    parser.add_argument("--cv", action="store_true", help="print leave-one-set-out figures")
    parser.add_argument("--shared", action="store_true", help="also test on the shared set")
    parser.add_argument("--threshold", type=float, default=DEFAULT_THRESHOLD)
    parser.add_argument("--edge-threshold", type=float, default=DEFAULT_EDGE_THRESHOLD)
    parser.add_argument("--tail-threshold", type=float, default=DEFAULT_TAIL_THRESHOLD)
    parser.add_argument("--block-threshold", type=float, default=DEFAULT_BLOCK_THRESHOLD)
    parser.add_argument("--l2", type=float, default=DEFAULT_L2)
    parser.add_argument(
        "--cache", type=Path, help="keep the rules' reading of the pages here (a pickle)"
    )
    parser.add_argument("--no-write", action="store_true", help="do not write the weights")
    parser.add_argument(
        "--without",
        default="",
        help="comma-separated features to leave out (to measure what each adds; never write)",
    )
    args = parser.parse_args(argv)
    pages = load_pages(list(SETS), shared=args.shared or args.cv, cache=args.cache)
    labelled = sum(len(p.labels) for p in pages)
    furniture = sum(sum(p.labels.values()) for p in pages)
    unlabelled = sum(1 for p in pages if p.story and not p.labels)
    print(
        f"{len(pages)} pages, {labelled} labelled story lines ({furniture} furniture);"
        f" {unlabelled} pages with no line labelled (gold's span not found,"
        " or a one-line story opening with its credit)"
    )
    names = feature_names(pages)
    left_out = {name for name in args.without.split(",") if name}
    if unknown := left_out - set(names):
        parser.error(f"--without: no feature named {', '.join(sorted(unknown))}")
    names = [name for name in names if name not in left_out]
    if left_out:
        args.no_write = True  # shipped weights name every feature line_features gives
    if args.cv:
        cross_validate(pages, names, args.l2)
    repo_pages = [p for p in pages if p.set_name in SETS]
    model = fit(
        repo_pages,
        names,
        l2=args.l2,
        threshold=args.threshold,
        edge_threshold=args.edge_threshold,
        tail_threshold=args.tail_threshold,
        block_threshold=args.block_threshold,
    )
    print(
        f"== shipped model (trained on {'+'.join(SETS)}), threshold {args.threshold},"
        f" edge {args.edge_threshold}, tail {args.tail_threshold}, block {args.block_threshold}"
    )
    for name in (*SETS, "shared"):
        tested = [p for p in pages if p.set_name == name]
        if tested:
            print(f"  {name:<7} rules alone {evaluate(tested, None).line()}")
            print(f"  {name:<7} with model  {evaluate(tested, model).line()}")
    if not args.no_write:
        args.out.parent.mkdir(parents=True, exist_ok=True)
        args.out.write_text(json.dumps(model.to_json(), indent=1) + "\n", encoding="utf-8")
        print(f"wrote {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
