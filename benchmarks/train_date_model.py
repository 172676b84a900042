"""Train the page reader's date acceptor (archive/ingest/dateaccept.py) on the gold.

    python benchmarks/train_date_model.py [--out FILE] [--cv] [--shared] [--l2 C] [--cut P]
                                          [--show]

Every page of the repo's gold sets (benchmarks/gold_pages.py's TRAINING_SETS) is parsed as
import parses it (``textpage.parse_text_page``, an HTML page's extracted story) with an
acceptor that takes every date and records the chosen date's features
(``dateaccept.date_features``). A page where the readers chose a date is one row, labelled
1 when that date is gold's ``date`` or one of its ``date_alt``, 0 when gold shows none or
another date. The fit is ``benchmarks/logistic_fit.fit_logistic``. No weights ship yet (the
leave-one-set-out check below found no cut that removes an invented date without losing
right ones); ``--out FILE`` writes them for a trial (``parse_text_page(date_model=…)``).

Figures are dates right (of pages that show one) and invented (given on pages that show
none), as real_pages.py counts them; an HTML page's date is the markup's declared one when
it has one, else the text's, else htmldate's (as import does).

``--cv`` prints leave-one-set-out figures: for each set, an acceptor trained on the others
decides that set's dates over a grid of cuts; the cut chosen is the one where no left-out
set loses more than one right date against the rules alone, with the fewest invented over
all sets (then the most right). ``--shared`` also tests on ../shared/data/real-pages (never
trained on). Deterministic: sorted inputs, no random draws. Prints figures; asserts nothing.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from archive.ingest.dateaccept import DATE_FEATURES, DateModel  # noqa: E402
from archive.ingest.logistic import Logistic  # noqa: E402
from benchmarks.gold_pages import TRAINING_SETS, gold_pages  # noqa: E402
from benchmarks.logistic_fit import fit_logistic  # noqa: E402

SETS = list(TRAINING_SETS)
DEFAULT_L2 = 1.0
DEFAULT_CUT = 0.0  # the cut --cv chose
CUTS = (0.0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9)
MAX_RIGHT_LOST = 1  # per left-out set


class _Recorder(DateModel):
    """An acceptor that takes every date and keeps the features it was shown."""

    def __init__(self) -> None:
        super().__init__(Logistic((), (), (), (), 0.0), 0.0)
        object.__setattr__(self, "_rows", [])

    def accepts(self, features: Mapping[str, float]) -> bool:
        self._rows.append(dict(features))  # type: ignore[attr-defined]
        return True

    def last(self) -> dict[str, float] | None:
        rows: list[dict[str, float]] = self._rows  # type: ignore[attr-defined]
        return rows[-1] if rows else None


@dataclass
class Page:
    """One gold page: the date the readers chose (None: none) and its features."""

    set_name: str
    file: str
    gold: str | None
    gold_alt: tuple[str, ...]
    chosen: str | None
    features: dict[str, float] | None
    markup: str | None = None  # an HTML page's declared date
    htmldate: str | None = None  # htmldate's reading of an HTML page
    label: int = field(init=False)

    def __post_init__(self) -> None:
        self.label = int(self.chosen is not None and self.right(self.chosen))

    def right(self, got: str | None) -> bool:
        return got is not None and (got == self.gold or got in self.gold_alt)

    def final(self, accepted: bool) -> str | None:
        """The date import stores: an HTML page's markup first, then the text's (when
        accepted), then htmldate's."""
        text = self.chosen if accepted else None
        if self.markup:
            return self.markup
        return text or self.htmldate


def _iso(value: str | None) -> str | None:
    if not value:
        return None
    from archive.errors import RecordError
    from archive.ingest.records import parse_date

    try:
        parsed = parse_date(value)
    except RecordError:
        return None
    return parsed.isoformat()


def read_page(set_name: str, folder: Path, gold: dict[str, Any]) -> Page | None:
    from archive.analysis import detect_language
    from archive.ingest.decode import decode_bytes
    from archive.ingest.htmlpage import extract_html_story
    from archive.ingest.textpage import parse_text_page

    path = folder / str(gold["file"])
    text = decode_bytes(path.read_bytes(), source=str(path)).text
    markup = htmldate = None
    if path.suffix.lower() in (".html", ".htm"):
        story = extract_html_story(text)
        if story is None:
            return None
        text, markup, htmldate = story.text, _iso(story.published), _iso(story.date)
    language, _confidence = detect_language(text[:4000])
    recorder = _Recorder()
    parsed = parse_text_page(text, language=language, date_model=recorder)
    return Page(
        set_name,
        str(gold["file"]),
        gold.get("date"),
        tuple(gold.get("date_alt") or ()),
        parsed.date.isoformat() if parsed.date else None,
        recorder.last() if parsed.date else None,
        markup,
        htmldate,
    )


def load_pages(names: Sequence[str], *, shared: bool = False) -> list[Page]:
    return [
        page
        for set_name, folder, gold in gold_pages(names, shared=shared)
        if (page := read_page(set_name, folder, gold)) is not None
    ]


def fit(pages: Sequence[Page], *, l2: float) -> Logistic:
    rows = [p for p in pages if p.features is not None]
    return fit_logistic(
        [p.features for p in rows if p.features is not None],
        [p.label for p in rows],
        DATE_FEATURES,
        l2=l2,
    )


@dataclass
class Figures:
    """Dates right (of pages that show one), invented (pages that show none), wrong."""

    right: int = 0
    shown: int = 0
    invented: int = 0
    wrong: int = 0

    def line(self) -> str:
        return f"right {self.right}/{self.shown}, invented {self.invented}, wrong {self.wrong}"


def evaluate(
    pages: Sequence[Page], probabilities: Mapping[int, float] | None, cut: float
) -> Figures:
    """The figures when each page's chosen date is kept at ``probabilities[i] >= cut``
    (every one kept when ``probabilities`` is None: the rules alone)."""
    figures = Figures()
    for index, page in enumerate(pages):
        accepted = probabilities is None or probabilities.get(index, 1.0) >= cut
        got = page.final(accepted)
        if page.gold is not None:
            figures.shown += 1
            if page.right(got):
                figures.right += 1
            elif got is not None:
                figures.wrong += 1
        elif got is not None:
            figures.invented += 1
    return figures


def _probabilities(pages: Sequence[Page], model: Logistic) -> dict[int, float]:
    return {
        index: model.probability(page.features)
        for index, page in enumerate(pages)
        if page.features is not None
    }


def cross_validate(pages: Sequence[Page], l2: float, *, shared: bool) -> float:
    """Leave-one-set-out figures over the cut grid; the cut chosen (see the module doc)."""
    held: dict[str, tuple[list[Page], dict[int, float]]] = {}
    for name in SETS:
        tested = [p for p in pages if p.set_name == name]
        model = fit([p for p in pages if p.set_name in SETS and p.set_name != name], l2=l2)
        held[name] = (tested, _probabilities(tested, model))
    print("== leave-one-set-out (each set decided by an acceptor trained on the others)")
    best: tuple[int, int, float] | None = None
    for cut in CUTS:
        ok = True
        right = invented = 0
        cells = []
        for name in SETS:
            tested, probabilities = held[name]
            alone = evaluate(tested, None, cut)
            figures = evaluate(tested, probabilities, cut)
            ok &= alone.right - figures.right <= MAX_RIGHT_LOST
            right += figures.right
            invented += figures.invented
            cells.append(f"{name} {figures.right}/{figures.shown} +{figures.invented}")
        print(
            f"  cut {cut:<4} {'ok ' if ok else 'NO '} right {right} invented {invented}: "
            + ", ".join(cells)
        )
        if ok and (best is None or (invented, -right) < (best[0], best[1])):
            best = (invented, -right, cut)
    print(
        "  rules alone: "
        + ", ".join(
            f"{name} {(f := evaluate(held[name][0], None, 0.0)).right}/{f.shown} +{f.invented}"
            for name in SETS
        )
    )
    cut = best[2] if best is not None else DEFAULT_CUT
    print(f"  chosen cut {cut}")
    return cut


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--out", type=Path, help="write the weights here (none ship yet)")
    parser.add_argument("--cv", action="store_true", help="print leave-one-set-out figures")
    parser.add_argument("--shared", action="store_true", help="also test on the shared set")
    parser.add_argument("--l2", type=float, default=DEFAULT_L2)
    parser.add_argument("--cut", type=float, default=DEFAULT_CUT)
    parser.add_argument("--show", action="store_true", help="list the pages the model changes")
    args = parser.parse_args(argv)
    pages = load_pages(SETS, shared=args.shared)
    rows = [p for p in pages if p.features is not None]
    print(f"{len(pages)} pages; a date chosen on {len(rows)} ({sum(p.label for p in rows)} right)")
    cut = cross_validate(pages, args.l2, shared=args.shared) if args.cv else args.cut
    acceptor = fit([p for p in pages if p.set_name in SETS], l2=args.l2)
    model = DateModel(acceptor, cut)
    print(f"== shipped model (trained on {'+'.join(SETS)}), cut {cut} (in-sample)")
    for name in (*SETS, "shared"):
        tested = [p for p in pages if p.set_name == name]
        if not tested:
            continue
        probabilities = _probabilities(tested, acceptor)
        print(f"  {name:<7} rules alone    {evaluate(tested, None, cut).line()}")
        print(f"  {name:<7} with acceptor  {evaluate(tested, probabilities, cut).line()}")
        if args.show:
            for index, page in enumerate(tested):
                if index in probabilities and probabilities[index] < cut:
                    print(
                        f"    {page.file}: drops {page.chosen} (p {probabilities[index]:.2f},"
                        f" gold {page.gold})"
                    )
    if args.out is not None:
        args.out.parent.mkdir(parents=True, exist_ok=True)
        args.out.write_text(json.dumps(model.to_json(), indent=1) + "\n", encoding="utf-8")
        print(f"wrote {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
