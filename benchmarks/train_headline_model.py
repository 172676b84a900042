"""Train the page reader's headline model (archive/ingest/headline_model.py) on the gold.

    python benchmarks/train_headline_model.py [--out FILE] [--cv] [--shared] [--l2 C]
                                              [--no-write]

Every page of the repo's gold sets (benchmarks/data/real-pages, real-pages-fresh, -fresh2
… -fresh10; not -html, whose title import takes from the markup) is read as import
reads it, up to the rules' header (``textpage._line_roles``): the rules' headline and the
story's start.
Each headline candidate (``headline_model.headline_candidates``: the lines above the lead
and the rule's pick) is labelled from gold: positive when the title the page reader would
make of it (``clean_title``, ``completed_title``) equals gold's ``title`` or one of its
``title_alt`` (whitespace and NFC folded, as real_pages.py scores). A page whose rules read
the headline from a breadcrumb is left to them. The features are
``headline_model.headline_features``; the fit is ``benchmarks/logistic_fit.fit_logistic``.
The weights go to archive/ingest/data/headline_model.json, trained on all the repo's sets,
so they can be rebuilt from the repo alone.

``--cv`` prints leave-one-set-out figures: for each set, a model trained on the others
decides that set's headlines over a grid of thresholds; the thresholds shipped are the
ones that, on every left-out set, get no fewer titles right and invent no more than the
rules alone, with the most titles right over all sets. The keeper (whether the chosen
line is a headline at all) is then fitted on the chooser's held-out probabilities and its
cut chosen the same way (no left-out set loses a right title; the fewest invented).
``--shared`` also tests on
../shared/data/real-pages (never trained on). Deterministic: sorted inputs, no random
draws. Prints figures; asserts nothing.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from itertools import product
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from archive.ingest import textpage  # noqa: E402
from archive.ingest.headline_model import (  # noqa: E402
    NEVER,
    HeadlineModel,
    decide,
    find_lead,
    headline_features,
    headline_page,
    is_candidate,
    keep_features,
    line_furniture,
    unless_never,
)
from archive.ingest.headlines import clean_title, completed_title, is_label  # noqa: E402
from archive.ingest.logistic import Logistic  # noqa: E402
from archive.ingest.pagelines import Line, page_lines  # noqa: E402
from benchmarks.gold_pages import TRAINING_SETS, gold_pages, read_page_text  # noqa: E402
from benchmarks.logistic_fit import fit_logistic  # noqa: E402

MODEL_PATH = REPO / "archive" / "ingest" / "data" / "headline_model.json"
# html is left out: import takes an HTML page's title from its markup, not from these lines.
SETS = {name: sets for name, sets in TRAINING_SETS.items() if name != "html"}
DEFAULT_L2 = 1.0
# The cuts --cv chose (no left-out set worse than the rules after the keeper, the most
# titles right less twice the invented).
DEFAULT_CUTS = {
    "threshold": 0.5,
    "margin": 0.2,
    "floor": 0.0,
    "adopt": 0.9,
    "odds": 1.0,
    "least": 0.3,
}
THRESHOLDS = (0.5, 0.6, 0.7, 0.8, 0.9)
MARGINS = (0.0, 0.2, 0.4, 0.6)
FLOORS = (0.0, 0.05)
ODDS = (NEVER, 1.0, 2.0, 3.0, 4.0)  # NEVER: the odds rule off
LEASTS = (0.1, 0.2, 0.3)
ADOPTS = (0.5, 0.7, 0.9, 1.01)  # 1.01: a page the rules found no headline on gets none
KEEPER_L2 = 1.0
KEEPS = (0.0, 0.1, 0.2, 0.25, 0.3, 0.35, 0.4, 0.45, 0.5)
DEFAULT_KEEP = 0.0  # the keep cut --cv chose (with the cuts above, together)
JOINT_SHORTLIST = 12  # chooser cuts weighed together with the keeper
INVENTED_COST = 2  # a title invented weighs as two missed: precision first


def norm_title(text: str | None) -> str | None:
    """real_pages.py's folding of a title."""
    if text is None:
        return None
    return re.sub(r"\s+", " ", unicodedata.normalize("NFC", text)).strip()


def final_title(lines: list[Line], index: int | None, language: str | None) -> str | None:
    """The title the page reader makes of the headline line ``index`` (as parse_text_page
    does: cleaned, completed, a section label dropped)."""
    if index is None:
        return None
    title, _crawled = clean_title(lines[index].text, language)
    if whole := completed_title(lines, index, title):
        title = whole
    if is_label(title) and len(title.split()) <= textpage._MAX_LABEL_WORDS:
        return None
    return title


@dataclass
class Page:
    """One gold page as the rules' header leaves it, with its candidates' features."""

    set_name: str
    file: str
    gold: dict[str, Any]
    language: str | None
    lines: list[Line]
    rule: int | None
    crumb_title: str | None
    lead: int | None
    features: dict[int, dict[str, float]] = field(default_factory=dict)
    labels: dict[int, int] = field(default_factory=dict)
    titles: dict[int, str | None] = field(default_factory=dict)
    furniture: dict[int, float] = field(default_factory=dict)


def _gold_titles(gold: dict[str, Any]) -> set[str]:
    titles = [gold.get("title"), *(gold.get("title_alt") or [])]
    return {t for t in (norm_title(title) for title in titles if title) if t}


def read_page(set_name: str, folder: Path, gold: dict[str, Any]) -> Page | None:
    read = read_page_text(folder / str(gold["file"]))
    if read is None:
        return None
    text, language = read
    lines = list(page_lines(text))
    roles = textpage._line_roles(lines, language)
    page = Page(
        set_name,
        str(gold["file"]),
        gold,
        language,
        lines,
        roles.title,
        roles.crumb_title,
        find_lead(lines, roles.story_first),
    )
    if page.lead is None or page.crumb_title is not None:
        return page  # left to the rules (see choose_headline)
    context = headline_page(lines, page.lead, page.rule)
    wanted = _gold_titles(gold)
    page.furniture = line_furniture(lines, context.candidates)
    for index in context.candidates:
        page.features[index] = headline_features(lines, index, context)
        page.titles[index] = title = final_title(lines, index, language)
        page.labels[index] = int(norm_title(title) in wanted)
    return page


def load_pages(names: Sequence[str], *, shared: bool = False) -> list[Page]:
    """Every gold page of the named sets (and the shared set), read and labelled."""
    return [
        page
        for set_name, folder, gold in gold_pages(names, shared=shared)
        if (page := read_page(set_name, folder, gold)) is not None
    ]


def feature_names(pages: Sequence[Page]) -> list[str]:
    for page in pages:
        for features in page.features.values():
            return list(features)
    raise ValueError("no page with a headline candidate to read feature names from")


def fit(pages: Sequence[Page], names: list[str], *, l2: float) -> HeadlineModel:
    """An L2-regularised logistic regression on the labelled candidates."""
    rows = [
        (page.features[index], page.labels[index])
        for page in pages
        for index in sorted(page.labels)
    ]
    columns = fit_logistic([row for row, _ in rows], [label for _, label in rows], names, l2=l2)
    return HeadlineModel(
        columns.names,
        columns.means,
        columns.scales,
        columns.weights,
        columns.bias,
        threshold=1.01,
        margin=0.0,
        floor=0.0,
        adopt=1.01,
    )


@dataclass
class Figures:
    """Titles right (of pages that show one) and invented (on pages that show none)."""

    right: int = 0
    shown: int = 0
    invented: int = 0
    changed: int = 0

    def line(self) -> str:
        return (
            f"titles right {self.right}/{self.shown}, invented {self.invented},"
            f" pages changed {self.changed}"
        )


def _rule_title(page: Page) -> str | None:
    if page.rule is None:
        return page.crumb_title and clean_title(page.crumb_title, page.language)[0]
    return final_title(page.lines, page.rule, page.language)


Probabilities = dict[str, dict[int, float]]


def choice(
    page: Page,
    probabilities: Probabilities,
    cuts: dict[str, float],
    keeper: Logistic | None = None,
    keep: float = 0.0,
) -> int | None:
    """The line the model takes for ``page``'s headline, as ``choose_headline`` does."""
    chosen = unless_never(page.lines, decide(probabilities[page.file], page.rule, **cuts))
    if chosen is None or keeper is None or chosen not in probabilities[page.file]:
        return chosen
    row = _keep_row(page, probabilities, chosen)
    return chosen if keeper.probability(row) >= keep else None


def _keep_row(page: Page, probabilities: Probabilities, chosen: int) -> dict[str, float]:
    return keep_features(
        page.lines,
        chosen,
        page.rule,
        probabilities[page.file],
        furniture=page.furniture[chosen],
    )


def evaluate(
    pages: Sequence[Page],
    probabilities: Probabilities | None,
    cuts: dict[str, float] | None = None,
    keeper: Logistic | None = None,
    keep: float = 0.0,
) -> Figures:
    """Titles right and invented with the model's choice (or the rules', for ``None``)."""
    figures = Figures()
    for page in pages:
        rule_title = _rule_title(page)
        got = rule_title
        if probabilities is not None and cuts is not None and page.features:
            chosen = choice(page, probabilities, cuts, keeper, keep)
            got = page.titles[chosen] if chosen is not None else None
            figures.changed += norm_title(got) != norm_title(rule_title)
        elif probabilities is not None and page.crumb_title is None:
            # no lead: choose_headline keeps the rules' pick unless it is never a headline
            got = rule_title if unless_never(page.lines, page.rule) is not None else None
            figures.changed += norm_title(got) != norm_title(rule_title)
        wanted = _gold_titles(page.gold)
        if page.gold.get("title"):
            figures.shown += 1
            figures.right += norm_title(got) in wanted
        else:
            figures.invented += got is not None
    return figures


def _probabilities(pages: Sequence[Page], model: HeadlineModel) -> Probabilities:
    """Each page's candidates' probabilities, as ``candidate_probabilities`` gives them."""
    return {
        page.file: {
            index: model.probability(page.features[index])
            for index in page.features
            if is_candidate(page.lines, index, page.rule)
        }
        for page in pages
    }


def held_out_probabilities(
    pages: Sequence[Page], names: list[str], l2: float, *, without: str | None = None
) -> Probabilities:
    """Each training page's candidates' probabilities under a chooser trained on the other
    sets (and never on ``without``): the chooser's confidence as unseen pages get it, which
    is what the keeper must learn to doubt."""
    sets = [name for name in SETS if name != without]
    probabilities: Probabilities = {}
    for test in sets:
        train = [p for p in pages if p.set_name in sets and p.set_name != test]
        tested = [p for p in pages if p.set_name == test]
        probabilities |= _probabilities(tested, fit(train, names, l2=l2))
    return probabilities


def fit_keeper(
    pages: Sequence[Page], probabilities: Probabilities, cuts: dict[str, float]
) -> Logistic | None:
    """The keeper: on each page where the chooser (``cuts``) takes a line, is that line's
    title gold's (1) or not — another line, or a page that shows none (0)."""
    rows: list[dict[str, float]] = []
    labels: list[int] = []
    for page in pages:
        if not page.features or page.file not in probabilities:
            continue
        chosen = unless_never(page.lines, decide(probabilities[page.file], page.rule, **cuts))
        if chosen is None or chosen not in probabilities[page.file]:
            continue
        if page.titles[chosen] is None:
            continue  # the reader makes no title of it (a section label)
        rows.append(_keep_row(page, probabilities, chosen))
        labels.append(int(norm_title(page.titles[chosen]) in _gold_titles(page.gold)))
    if not rows or len(set(labels)) < 2:
        return None
    return fit_logistic(rows, labels, list(rows[0]), l2=KEEPER_L2)


def _grid() -> list[dict[str, float]]:
    return [
        {"threshold": t, "margin": m, "floor": f, "adopt": a, "odds": o, "least": e}
        for t, m, f, a, o, e in product(THRESHOLDS, MARGINS, FLOORS, ADOPTS, ODDS, LEASTS)
        if o != NEVER or e == LEASTS[0]
    ]


def cross_validate(
    pages: list[Page], names: list[str], l2: float, *, shared: bool
) -> tuple[dict[str, float] | None, list[dict[str, float]]]:
    """Leave-one-set-out figures; the cuts that never do worse than the rules on a
    left-out set (titles right, invented), with the most titles right; and a shortlist of
    cuts that lose no left-out set a title the rules get right (the keeper may still remove
    what they invent: :func:`cross_validate_joint`)."""
    held_out = [name for name in SETS if any(p.set_name == name for p in pages)]
    grid = _grid()
    results: dict[str, list[Figures]] = {}
    rules: dict[str, Figures] = {}
    for test in held_out:
        train = [p for p in pages if p.set_name in SETS and p.set_name != test]
        model = fit(train, names, l2=l2)
        tested = [p for p in pages if p.set_name == test]
        probabilities = _probabilities(tested, model)
        rules[test] = evaluate(tested, None)
        results[test] = [evaluate(tested, probabilities, cuts) for cuts in grid]
    titles_safe = [
        position
        for position in range(len(grid))
        if all(results[s][position].right >= rules[s].right for s in held_out)
    ]
    shortlist = [
        grid[position]
        for position in sorted(
            titles_safe,
            key=lambda p: (
                -sum(results[s][p].right for s in held_out),
                sum(results[s][p].invented for s in held_out),
                -grid[p]["threshold"],
            ),
        )[:JOINT_SHORTLIST]
    ]
    safe = [
        position
        for position in range(len(grid))
        if all(
            results[s][position].right >= rules[s].right
            and results[s][position].invented <= rules[s].invented
            for s in held_out
        )
    ]
    best = max(
        safe,
        key=lambda p: (sum(results[s][p].right for s in held_out), -grid[p]["threshold"]),
        default=None,
    )
    if best is None:
        print("no cuts do as well as the rules on every left-out set")
        return None, shortlist
    print(f"== leave one set out; cuts chosen {grid[best]}")
    for test in held_out:
        print(f"  {test:<7} rules alone {rules[test].line()}")
        print(f"  {test:<7} with model  {results[test][best].line()}")
    ranked = sorted(safe, key=lambda p: -sum(results[s][p].right for s in held_out))[:8]
    print("  next safe cuts:")
    for position in ranked:
        total = sum(results[s][position].right for s in held_out)
        print(f"    {grid[position]} titles right {total}")
    if shared:
        tested = [p for p in pages if p.set_name == "shared"]
        if tested:
            model = fit([p for p in pages if p.set_name in SETS], names, l2=l2)
            probabilities = _probabilities(tested, model)
            print(f"  shared  rules alone {evaluate(tested, None).line()}")
            print(f"  shared  with model  {evaluate(tested, probabilities, grid[best]).line()}")
    return grid[best], [grid[best], *shortlist]


def cross_validate_joint(
    pages: list[Page], names: list[str], l2: float, shortlist: Sequence[dict[str, float]]
) -> tuple[dict[str, float], float] | None:
    """Leave-one-set-out figures of the chooser and keeper together, for each of the
    ``shortlist``'s cuts and each keep cut (:data:`KEEPS`): for each left-out set a chooser
    and a keeper trained on the other sets (the keeper on their held-out probabilities).
    The pair shipped is the one under which no left-out set gets fewer titles right or more
    invented than the rules alone, with the most titles right less twice the titles
    invented (:data:`INVENTED_COST`: precision first); None when no pair is."""
    held_out = [name for name in SETS if any(p.set_name == name for p in pages)]
    tested = {s: [p for p in pages if p.set_name == s] for s in held_out}
    rules = {s: evaluate(tested[s], None) for s in held_out}
    probabilities: dict[str, Probabilities] = {}
    keeper_inputs: dict[str, Probabilities] = {}
    for test in held_out:
        train = [p for p in pages if p.set_name in SETS and p.set_name != test]
        probabilities[test] = _probabilities(tested[test], fit(train, names, l2=l2))
        keeper_inputs[test] = held_out_probabilities(pages, names, l2, without=test)
    rows: list[tuple[dict[str, float], float, dict[str, Figures]]] = []
    for cuts in shortlist:
        keepers = {
            test: fit_keeper(
                [p for p in pages if p.set_name in SETS and p.set_name != test],
                keeper_inputs[test],
                cuts,
            )
            for test in held_out
        }
        for keep in KEEPS:
            figures = {
                s: evaluate(tested[s], probabilities[s], cuts, keepers[s], keep) for s in held_out
            }
            rows.append((cuts, keep, figures))
    safe = [
        row
        for row in rows
        if all(
            row[2][s].right >= rules[s].right and row[2][s].invented <= rules[s].invented
            for s in held_out
        )
    ]

    def score(row: tuple[dict[str, float], float, dict[str, Figures]]) -> tuple[float, ...]:
        right = sum(f.right for f in row[2].values())
        invented = sum(f.invented for f in row[2].values())
        return (right - INVENTED_COST * invented, right, -row[0]["threshold"], -row[1])

    def figures_line(figures: dict[str, Figures]) -> str:
        return "  ".join(f"{s} {figures[s].right}+{figures[s].invented}" for s in held_out)

    print("== chooser + keeper, leave one set out; the best pairs (right - 2 x invented)")
    print(f"  rules alone {figures_line(rules)}")
    for cuts, keep, figures in sorted(rows, key=score, reverse=True)[:5]:
        print(f"  {cuts} keep {keep}\n      {figures_line(figures)}")
    if not safe:
        print("  no pair does as well as the rules on every left-out set")
        return None
    cuts, keep, figures = max(safe, key=score)
    print(f"  chosen: cuts {cuts}, keep {keep}\n      {figures_line(figures)}")
    return cuts, keep


def cross_validate_keeper(
    pages: list[Page], names: list[str], l2: float, cuts: dict[str, float], *, shared: bool
) -> float:
    """Leave-one-set-out figures of the keeper over the cuts in :data:`KEEPS`: for each
    left-out set, a chooser and a keeper trained on the other sets (the keeper on their
    held-out probabilities). The cut shipped is the one under which no left-out set gets
    fewer titles right than the chooser alone and the fewest titles are invented (the
    lowest such cut)."""
    held_out = [name for name in SETS if any(p.set_name == name for p in pages)]
    results: dict[str, list[Figures]] = {}
    for test in held_out:
        train = [p for p in pages if p.set_name in SETS and p.set_name != test]
        tested = [p for p in pages if p.set_name == test]
        probabilities = _probabilities(tested, fit(train, names, l2=l2))
        keeper = fit_keeper(train, held_out_probabilities(pages, names, l2, without=test), cuts)
        results[test] = [evaluate(tested, probabilities, cuts, keeper, keep) for keep in KEEPS]
    safe = [
        position
        for position in range(len(KEEPS))
        if all(results[s][position].right >= results[s][0].right for s in held_out)
    ]
    best = min(safe, key=lambda p: (sum(results[s][p].invented for s in held_out), KEEPS[p]))
    print(f"== keeper, leave one set out (chooser cuts {cuts}); keep cut chosen {KEEPS[best]}")
    for position, keep in enumerate(KEEPS):
        row = "  ".join(
            f"{s} {results[s][position].right}/{results[s][position].shown}"
            f" +{results[s][position].invented}"
            for s in held_out
        )
        print(f"  keep {keep:<4} {row}")
    if shared:
        tested = [p for p in pages if p.set_name == "shared"]
        if tested:
            train = [p for p in pages if p.set_name in SETS]
            probabilities = _probabilities(tested, fit(train, names, l2=l2))
            keeper = fit_keeper(train, held_out_probabilities(pages, names, l2), cuts)
            figures = evaluate(tested, probabilities, cuts, keeper, KEEPS[best])
            print(f"  shared  with keeper {figures.line()}")
    return KEEPS[best]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--out", type=Path, default=MODEL_PATH, help="where to write the weights")
    parser.add_argument("--cv", action="store_true", help="print leave-one-set-out figures")
    parser.add_argument("--shared", action="store_true", help="also test on the shared set")
    parser.add_argument("--l2", type=float, default=DEFAULT_L2)
    parser.add_argument("--threshold", type=float, default=DEFAULT_CUTS["threshold"])
    parser.add_argument("--margin", type=float, default=DEFAULT_CUTS["margin"])
    parser.add_argument("--floor", type=float, default=DEFAULT_CUTS["floor"])
    parser.add_argument("--adopt", type=float, default=DEFAULT_CUTS["adopt"])
    parser.add_argument("--odds", type=float, default=DEFAULT_CUTS["odds"])
    parser.add_argument("--least", type=float, default=DEFAULT_CUTS["least"])
    parser.add_argument("--keep", type=float, default=DEFAULT_KEEP)
    parser.add_argument("--no-keeper", action="store_true", help="ship no keeper")
    parser.add_argument("--no-write", action="store_true", help="do not write the weights")
    parser.add_argument("--show", action="store_true", help="list the pages the model changes")
    args = parser.parse_args(argv)
    pages = load_pages(list(SETS), shared=args.shared)
    candidates = sum(len(p.labels) for p in pages)
    positives = sum(sum(p.labels.values()) for p in pages)
    reachable = sum(1 for p in pages if any(p.labels.values()))
    print(
        f"{len(pages)} pages, {candidates} candidates ({positives} headlines);"
        f" gold's headline among the candidates on {reachable} pages"
    )
    names = feature_names(pages)
    cuts = {
        "threshold": args.threshold,
        "margin": args.margin,
        "floor": args.floor,
        "adopt": args.adopt,
        "odds": args.odds,
        "least": args.least,
    }
    keep = args.keep
    if args.cv:
        safe_cuts, shortlist = cross_validate(pages, names, args.l2, shared=args.shared)
        cuts = safe_cuts or cuts
        if not args.no_keeper:
            keep = cross_validate_keeper(pages, names, args.l2, cuts, shared=args.shared)
            if joint := cross_validate_joint(pages, names, args.l2, shortlist):
                cuts, keep = joint
    train = [p for p in pages if p.set_name in SETS]
    keeper = None
    if not args.no_keeper:
        keeper = fit_keeper(train, held_out_probabilities(pages, names, args.l2), cuts)
    model = replace(fit(train, names, l2=args.l2), **cuts, keeper=keeper, keep=keep)
    print(f"== shipped model (trained on {'+'.join(SETS)}), cuts {cuts}, keep {keep} (in-sample)")
    for name in (*SETS, "shared"):
        tested = [p for p in pages if p.set_name == name]
        if tested:
            probabilities = _probabilities(tested, model)
            print(f"  {name:<7} rules alone {evaluate(tested, None).line()}")
            figures = evaluate(tested, probabilities, cuts, keeper, keep)
            print(f"  {name:<7} with model  {figures.line()}")
            if args.show:
                for page in tested:
                    if not page.features:
                        continue
                    chosen = choice(page, probabilities, cuts, keeper, keep)
                    got = page.titles[chosen] if chosen is not None else None
                    if norm_title(got) != norm_title(_rule_title(page)):
                        print(
                            f"    {page.file}: {_rule_title(page)!r} -> {got!r}"
                            f" (gold {page.gold.get('title')!r})"
                        )
    if not args.no_write:
        args.out.parent.mkdir(parents=True, exist_ok=True)
        args.out.write_text(json.dumps(model.to_json(), indent=1) + "\n", encoding="utf-8")
        print(f"wrote {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
