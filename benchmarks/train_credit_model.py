"""Train the page reader's credit acceptor (archive/ingest/credit_model.py) on the gold.

    python benchmarks/train_credit_model.py [--out FILE] [--cv] [--shared] [--l2 C]
                                            [--no-write] [--show]

Every page of the repo's gold sets (benchmarks/gold_pages.TRAINING_SETS: repo, fresh,
fresh2 … fresh10, html) is read as import reads it (``parse_text_page``); where the
page reader hands its credits to the acceptor, the candidates (``credit_candidates``: the
rule readers' person credits and the loose readers') and their features are recorded and
the rules' credits are passed on unchanged. Each candidate is labelled from gold: positive
when its (role, name) is a gold credit (``role_alt`` counts; names folded as real_pages.py
folds them), left out when the name is in ``credits_other`` (neither rewarded nor
penalised), negative otherwise. Pages whose credits gold does not score are left out. The
fit is ``benchmarks/logistic_fit.fit_logistic``; the weights go to
archive/ingest/data/credit_model.json, trained on all the repo's sets.

``--cv`` prints leave-one-set-out figures: for each set, a model trained on the others
judges that set's candidates; person credits P/R for the rules alone and with the
acceptor over a grid of thresholds. The threshold shipped is the one under which every
left-out set keeps precision >= 0.95 (else the highest worst-set precision), then the most
credits right. ``--shared`` also tests on ../shared (never trained on). Deterministic:
sorted inputs, no random draws. Prints figures; asserts nothing.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from unittest import mock

REPO = Path(__file__).resolve().parent.parent
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from archive.ingest import textpage  # noqa: E402
from archive.ingest.credit_model import (  # noqa: E402
    CreditModel,
    CreditPage,
    candidate_rows,
    page_loose_candidates,
    rule_candidates,
)
from archive.ingest.credits import CreditEntry  # noqa: E402
from archive.ingest.logistic import Logistic  # noqa: E402
from benchmarks.gold_pages import TRAINING_SETS, gold_pages, read_page_text  # noqa: E402
from benchmarks.logistic_fit import fit_logistic  # noqa: E402
from benchmarks.real_pages import norm_name  # noqa: E402

MODEL_PATH = REPO / "archive" / "ingest" / "data" / "credit_model.json"
DEFAULT_L2 = 0.1  # the rules part's (of 0.1, 1, 10: its LOSO cuts met precision on most sets)
# the loose part's (its right names are few: a stronger prior, of 0.1, 1, 10, kept precision)
DEFAULT_LOOSE_L2 = 1.0
RULES_CUTS = (0.05, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9)
LOOSE_CUTS = (0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1.01)  # 1.01: no loose candidate taken
DEFAULT_CUTS = (0.2, 0.9)  # the cuts --cv chooses on the development sets (shipped)
Cuts = tuple[float, float]
MIN_PRECISION = 0.95


@dataclass
class Page:
    """One gold page's credit candidates: features, gold labels, the rules' credits."""

    set_name: str
    file: str
    gold: list[tuple[str, str, tuple[str, ...]]]
    other: set[str]
    rules: list[tuple[str, str]] = field(default_factory=list)
    candidates: list[tuple[str, str]] = field(default_factory=list)  # (role, folded name)
    rows: list[dict[str, float]] = field(default_factory=list)
    labels: list[int | None] = field(default_factory=list)
    loose: list[bool] = field(default_factory=list)  # read by a loose reader
    # no rule candidate on the page: the loose readers' names are its only candidates (the
    # loose part trains on these pages' alone — on a page with a byline, a name in the slots
    # is mostly another post's)
    open: bool = True


def _same_role(role: str, gold_role: str, alt: tuple[str, ...]) -> bool:
    # textpage's dedupe reads a person's "writer" and "reporter" as one byline
    return role == gold_role or role in alt


def read_page(set_name: str, folder: Path, gold: dict[str, Any]) -> Page | None:
    if not gold.get("credits_scored", True):
        return None
    read = read_page_text(folder / str(gold["file"]))
    if read is None:
        return None
    text, language = read
    page = Page(
        set_name,
        str(gold["file"]),
        [(c["role"], norm_name(c["name"]), tuple(c.get("role_alt", []))) for c in gold["credits"]],
        {norm_name(c["name"]) for c in gold.get("credits_other", [])},
    )

    def record(
        entries: Sequence[CreditEntry],
        readers: Sequence[str],
        credit_page: CreditPage,
        model: CreditModel | None = None,
    ) -> list[CreditEntry]:
        rules = rule_candidates(entries, readers, credit_page)
        # every page's loose candidates: they count only where no rule candidate is believed
        loose = page_loose_candidates(entries, rules, credit_page)
        page.open = not rules
        page.rules += [(e.role, norm_name(e.name)) for e in entries if e.kind == "person"]
        page.rows += candidate_rows(rules, credit_page) + candidate_rows(loose, credit_page)
        for candidate in [*rules, *loose]:
            role, name = candidate.entry.role, norm_name(candidate.entry.name)
            page.candidates.append((role, name))
            page.loose.append(candidate.origin is None)
            if any(name == g and _same_role(role, r, alt) for r, g, alt in page.gold):
                page.labels.append(1)
            elif name in page.other:
                page.labels.append(None)
            else:
                page.labels.append(0)
        return list(entries)

    with mock.patch.object(textpage, "accept_credits", record):
        textpage.parse_text_page(text, language=language)
    return page


def load_pages(names: Sequence[str], *, shared: bool = False) -> list[Page]:
    return [
        page
        for set_name, folder, gold in gold_pages(names, shared=shared)
        if (page := read_page(set_name, folder, gold)) is not None
    ]


@dataclass
class Score:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    def add(self, got: Iterable[tuple[str, str]], page: Page) -> None:
        got = list(dict.fromkeys((_fold_role(r), n) for r, n in got))
        used: set[int] = set()
        for role, name, alt in page.gold:
            for i, (got_role, got_name) in enumerate(got):
                if i not in used and got_name == name and _same_role(got_role, role, alt):
                    used.add(i)
                    self.tp += 1
                    break
            else:
                self.fn += 1
        self.fp += sum(1 for i, (_, n) in enumerate(got) if i not in used and n not in page.other)

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    def line(self) -> str:
        return (
            f"P {self.precision:.3f} R {self.recall:.3f} (tp {self.tp} fp {self.fp} fn {self.fn})"
        )


def _fold_role(role: str) -> str:
    return role


def feature_names(pages: Sequence[Page]) -> list[str]:
    for page in pages:
        for row in page.rows:
            return list(row)
    raise ValueError("no page with a credit candidate to read feature names from")


def _fit_part(
    pages: Sequence[Page], names: list[str], *, loose: bool | None, l2: float
) -> Logistic:
    """A logistic on the rule readers' candidates, the loose readers' or (None) all."""
    rows = [
        (row, label)
        for page in pages
        for row, label, is_loose in zip(page.rows, page.labels, page.loose, strict=True)
        if label is not None and loose in (None, is_loose) and (page.open or not is_loose)
    ]
    return fit_logistic([r for r, _ in rows], [label for _, label in rows], names, l2=l2)


def fit(pages: Sequence[Page], names: list[str], *, l2: Cuts, thresholds: Cuts) -> CreditModel:
    """The two parts: one on the rule readers' candidates, one on the loose readers' (on
    the pages the rules gave no candidate on), each with its L2 and its threshold."""
    rules = _fit_part(pages, names, loose=False, l2=l2[0])
    loose = _fit_part(pages, names, loose=True, l2=l2[1])
    return CreditModel(rules, thresholds[0], loose, thresholds[1])


def score_rules(pages: Sequence[Page]) -> Score:
    score = Score()
    for page in pages:
        score.add(page.rules, page)
    return score


def accepted(page: Page, model: CreditModel, cuts: Cuts) -> list[tuple[str, str]]:
    """What ``accept_credits`` keeps of a page's candidates: the rule candidates the model
    believes, else the loose ones it believes, each name once."""
    judged = [
        (candidate, loose)
        for candidate, row, loose in zip(page.candidates, page.rows, page.loose, strict=True)
        if (model.loose if loose else model.rules).probability(row) >= cuts[loose]
    ]
    rules = [candidate for candidate, loose in judged if not loose]
    if rules:
        return rules
    names: dict[str, tuple[str, str]] = {}
    for candidate, _loose in judged:
        names.setdefault(candidate[1], candidate)
    return list(names.values())


def score_model(pages: Sequence[Page], model: CreditModel, cuts: Cuts) -> Score:
    score = Score()
    for page in pages:
        score.add(accepted(page, model, cuts), page)
    return score


def cross_validate(pages: Sequence[Page], names: list[str], *, l2: Cuts, show: bool) -> Cuts:
    sets = list(dict.fromkeys(page.set_name for page in pages))
    grid = [(rules, loose) for rules in RULES_CUTS for loose in LOOSE_CUTS]
    table: dict[str, dict[Cuts, Score]] = {}
    for left_out in sets:
        train = [p for p in pages if p.set_name not in (left_out, "shared")]
        test = [p for p in pages if p.set_name == left_out]
        model = fit(train, names, l2=l2, thresholds=(0.5, 0.5))
        table[left_out] = {cuts: score_model(test, model, cuts) for cuts in grid}
        print(f"{left_out:8} rules alone            {score_rules(test).line()}")
        if show:
            for page in test:
                for cand, row, label, loose in zip(
                    page.candidates, page.rows, page.labels, page.loose, strict=True
                ):
                    p = (model.loose if loose else model.rules).probability(row)
                    if label is not None and (label == 1 or p >= 0.2):
                        print(f"   {page.file[:50]}: {cand} loose {loose} label {label} p {p:.2f}")
    dev = [name for name in sets if name != "shared"]

    def key(cuts: Cuts) -> tuple[int, int, int]:
        scores = [table[name][cuts] for name in dev]
        meeting = sum(score.precision >= MIN_PRECISION for score in scores)
        return meeting, sum(score.tp for score in scores), -sum(score.fp for score in scores)

    chosen = max(grid, key=key)
    for cuts in sorted(grid, key=key, reverse=True)[:12]:
        per_set = " ".join(
            f"{name} {table[name][cuts].precision:.2f}/{table[name][cuts].recall:.2f}"
            for name in dev
        )
        print(f"  cuts {cuts}: {key(cuts)}  {per_set}")
    for left_out in sets:
        print(f"{left_out:8} acceptor {chosen}  {table[left_out][chosen].line()}")
    print(f"chosen cuts (rules, loose) {chosen}")
    return chosen


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=MODEL_PATH)
    parser.add_argument("--cv", action="store_true", help="print leave-one-set-out figures")
    parser.add_argument("--shared", action="store_true", help="also test on ../shared")
    parser.add_argument("--l2", type=float, default=DEFAULT_L2, help="the rules part's L2")
    parser.add_argument("--loose-l2", type=float, default=DEFAULT_LOOSE_L2)
    parser.add_argument("--no-write", action="store_true")
    parser.add_argument("--show", action="store_true", help="list the candidates judged wrong")
    args = parser.parse_args(argv)
    pages = load_pages(list(TRAINING_SETS), shared=args.shared)
    names = feature_names(pages)
    labelled = [label for page in pages for label in page.labels if label is not None]
    print(f"{len(pages)} pages, {len(labelled)} candidates, {sum(labelled)} right")
    cuts: Cuts = DEFAULT_CUTS
    l2 = (args.l2, args.loose_l2)
    if args.cv:
        cuts = cross_validate(pages, names, l2=l2, show=args.show)
    model = fit([p for p in pages if p.set_name != "shared"], names, l2=l2, thresholds=cuts)
    if not args.no_write:
        args.out.write_text(json.dumps(model.to_json(), indent=1, ensure_ascii=False) + "\n")
        print(f"wrote {args.out} (cuts {cuts})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
