"""Fuzzing the importers: whatever the bytes, an import never raises, and every failure is a
clean ``failed`` outcome with a one-line reason (never an "unexpected error", which is a bug).
"""

from __future__ import annotations

import json
import string
from collections.abc import Iterator
from itertools import count
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from archive.db import Archive, open_archive
from archive.ingest.pipeline import Importer, ImportOutcome

OUTCOMES = {"imported", "revised", "duplicate", "failed", "skipped"}
FUZZ = settings(
    max_examples=100,
    deadline=None,
    derandomize=True,  # the same examples on every run: a failure here is reproducible
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
_names = count()


@pytest.fixture(scope="module")
def fuzz_archive(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Archive, Path]]:
    """One archive and one folder for every example of the module (examples add up)."""
    folder = tmp_path_factory.mktemp("fuzz")
    archive = open_archive(folder / "archive.db")
    yield archive, folder
    archive.close()


def import_bytes(fuzz: tuple[Archive, Path], data: bytes, suffix: str) -> list[ImportOutcome]:
    """Write ``data`` to a new file and import it (analysis and alignment on)."""
    archive, folder = fuzz
    path = folder / f"f{next(_names)}{suffix}"
    path.write_bytes(data)
    outcomes = list(Importer(archive, align=True).import_file(path))
    check(outcomes)
    return outcomes


def check(outcomes: list[ImportOutcome]) -> None:
    """The contract every import keeps, whatever it was given."""
    assert outcomes, "every file gets at least one outcome"
    for outcome in outcomes:
        assert isinstance(outcome, ImportOutcome)
        assert outcome.outcome in OUTCOMES
        if outcome.outcome == "failed":
            detail = outcome.detail or ""
            assert detail.strip(), "a failure says why"
            assert "\n" not in detail and "\r" not in detail, "in one line"
            assert not detail.startswith("unexpected error"), detail
        if outcome.outcome in ("imported", "revised", "duplicate"):
            assert outcome.article_id is not None


@FUZZ
@given(data=st.binary(max_size=4000), suffix=st.sampled_from([".txt", ".html", ".jsonl"]))
@example(data=b"\xff\xfe\x00\x00" * 10, suffix=".txt")
@example(data=b"\x00" * 100, suffix=".html")
@example(data=b"\xef\xbb\xbf{}\n", suffix=".jsonl")
def test_random_bytes(fuzz_archive: tuple[Archive, Path], data: bytes, suffix: str) -> None:
    import_bytes(fuzz_archive, data, suffix)


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=40),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=10), inner),
    max_leaves=20,
)


@FUZZ
@given(values=st.lists(json_values, min_size=1, max_size=4))
def test_random_json_values(fuzz_archive: tuple[Archive, Path], values: list[Any]) -> None:
    lines = "\n".join(json.dumps(v) for v in values) + "\n"
    outcomes = import_bytes(fuzz_archive, lines.encode(), ".jsonl")
    assert len(values) == len(outcomes)


texts = st.text(
    alphabet=st.characters(blacklist_categories=("Cs",)), min_size=1, max_size=300
).filter(lambda t: t.strip())
words = st.text(alphabet=string.ascii_letters + " .,'’-&", min_size=0, max_size=40)
credit_lines = st.one_of(
    texts,
    st.builds(
        lambda role, name, service: f"{role} by {name} for {service}. Translated by {name}.",
        st.sampled_from(["Reported", "Written in English", "Edited", "Translated and written"]),
        words,
        st.sampled_from(["RFA's Lao Service", "RFA Burmese", "the Cantonese Service", "X"]),
    ),
)


@st.composite
def records(draw: st.DrawFn) -> dict[str, Any]:
    """Records that mostly fit the schema, with random text, credits and languages."""
    n = draw(st.integers(min_value=1, max_value=3))
    versions = []
    for i in range(n):
        version: dict[str, Any] = {
            "kind": draw(st.sampled_from(["original", "translation", "published", "machine"])),
            "language": draw(st.sampled_from(["en", "my", "km", "lo", "zh-Hant", "und", "xx"])),
            "text": draw(texts),
        }
        if i and draw(st.booleans()):
            version["derived_from"] = draw(st.integers(min_value=0, max_value=i - 1))
        if draw(st.booleans()):
            version["credits"] = [{"role": "translator", "name": draw(words) or "A"}]
        versions.append(version)
    record: dict[str, Any] = {"title": draw(texts), "versions": versions}
    if draw(st.booleans()):
        record["credit_line"] = draw(credit_lines)
    if draw(st.booleans()):
        record["date"] = draw(st.sampled_from(["2021-09-21", "2021-02-30", "x", "1900-01-01"]))
    if draw(st.booleans()):
        record["service"] = draw(words)
    if draw(st.booleans()):
        record["url"] = "https://example.org/" + draw(words)
    return record


@FUZZ
@given(record=records())
def test_random_records(fuzz_archive: tuple[Archive, Path], record: dict[str, Any]) -> None:
    (outcome,) = import_bytes(
        fuzz_archive, (json.dumps(record, ensure_ascii=False) + "\n").encode(), ".jsonl"
    )
    archive, _ = fuzz_archive
    if outcome.outcome == "imported":
        from archive.provenance import get_article

        with archive.session() as session:
            data = get_article(session=session, article_id=outcome.article_id or 0).to_json()
        assert len(record["versions"]) >= len(data["versions"]) >= 1


@FUZZ
@given(line=credit_lines)
def test_random_credit_lines_on_a_page(fuzz_archive: tuple[Archive, Path], line: str) -> None:
    page = f"A story title\n\nSomething happened in the town on Sunday.\n\n{line}\n"
    import_bytes(fuzz_archive, page.encode("utf-8", "surrogatepass"), ".txt")


@pytest.mark.parametrize(
    ("suffix", "make"),
    [
        (
            ".jsonl",
            lambda n: json.dumps(
                {
                    "title": "t",
                    "versions": [{"kind": "original", "language": "my", "text": "က" * n}],
                }
            ),
        ),
        (".jsonl", lambda n: '{"title": "' + "x" * n),  # a huge broken line
        (".txt", lambda n: "Title\n\n" + "word " * (n // 5)),
        (".txt", lambda n: "Title\n\nReported by " + "Eugene Whong, " * (n // 14)),
        (".html", lambda n: "<html><body><p>" + "<b>a</b>" * (n // 8) + "</p></body></html>"),
    ],
)
def test_huge_lines(fuzz_archive: tuple[Archive, Path], suffix: str, make: Any) -> None:
    import_bytes(fuzz_archive, make(1_000_000).encode(), suffix)
