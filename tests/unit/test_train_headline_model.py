"""The headline model's trainer: the keeper is labelled from gold and decides as import does."""

from __future__ import annotations

from pathlib import Path

from archive.ingest.headline_model import decide, keep_features, load_headline_model
from benchmarks import train_headline_model as trainer
from tests.unit.ingest.pages import FARM_LEAD, FARM_SECOND

LEAD, SECOND = FARM_LEAD, FARM_SECOND


def _page(tmp_path: Path, name: str, text: str, title: str | None) -> trainer.Page:
    (tmp_path / name).write_text(text, encoding="utf-8")
    gold = {"file": name, "title": title, "language": "en"}
    page = trainer.read_page("made-up", tmp_path, gold)
    assert page is not None and page.features
    return page


def test_the_keeper_learns_from_pages_with_and_without_a_headline(tmp_path: Path) -> None:
    headlines = [
        "Farmers march on provincial hall over lost land",
        "Court delays ruling in sugar plantation case",
        "Ministry to study land complaint from farmers",
    ]
    shown = [
        _page(tmp_path, f"shown-{n}.txt", f"Home | News\n{title}\n{LEAD}\n{SECOND}\n", title)
        for n, title in enumerate(headlines)
    ]
    # pages that show no headline: the line over the lead is a widget's or a site's
    none = [
        _page(tmp_path, f"none-{n}.txt", f"{line}\n{LEAD}\n{SECOND}\n", None)
        for n, line in enumerate(["A- A A+ Print Email", "Mekong Wire: news you trust"])
    ]
    pages = [*shown, *none]
    model = load_headline_model()
    probabilities = trainer._probabilities(pages, model)
    cuts = {"threshold": 0.9, "margin": 0.4, "floor": 0.0, "adopt": 0.9}

    keeper = trainer.fit_keeper(pages, probabilities, cuts)

    assert keeper is not None
    row = keep_features(pages[0].lines, 1, 1, {1: 0.9}, furniture=0.5)
    assert keeper.names == tuple(row)
    # a cut no pick reaches leaves every page without a headline; a cut of 0 keeps them all
    kept = [trainer.choice(page, probabilities, cuts, keeper, 0.0) for page in pages]
    dropped = [trainer.choice(page, probabilities, cuts, keeper, 1.01) for page in pages]
    assert dropped == [None] * len(pages)
    assert kept == [decide(probabilities[p.file], p.rule, **cuts) for p in pages]
    figures = trainer.evaluate(pages, probabilities, cuts, keeper, 1.01)
    assert (figures.right, figures.shown, figures.invented) == (0, 3, 0)


def test_no_keeper_is_fitted_when_every_pick_is_right(tmp_path: Path) -> None:
    title = "Farmers march on provincial hall over lost land"
    pages = [_page(tmp_path, "one.txt", f"Home | News\n{title}\n{LEAD}\n{SECOND}\n", title)]
    probabilities = trainer._probabilities(pages, load_headline_model())
    cuts = {"threshold": 0.9, "margin": 0.4, "floor": 0.0, "adopt": 0.9}

    assert trainer.fit_keeper(pages, probabilities, cuts) is None
