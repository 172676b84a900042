"""The README's tour is real output: run its commands on the corpus, compare what they print.

The tour is the first ```text block after "## A short tour": ``$ archive …`` lines are commands
(a trailing ``# comment`` is dropped; ``| head -N`` keeps the first N lines), the lines under
each, up to the next command, are its stdout (blank lines between commands are not output).
"""

from __future__ import annotations

import os
import re
import shlex
import subprocess
import sys
from pathlib import Path

from tests.conftest import REPO

_HEAD = re.compile(r"\|\s*head\s+-(?:n\s*)?(\d+)\s*$")


def tour_steps(readme: str) -> list[tuple[str, list[str]]]:
    """``(command line, expected stdout lines)`` of the README's tour."""
    section = readme[readme.index("## A short tour") :]
    block = section[section.index("```text\n") + len("```text\n") :]
    block = block[: block.index("```")]
    steps: list[tuple[str, list[str]]] = []
    for line in block.splitlines():
        if line.startswith("$ "):
            steps.append((line[2:], []))
        elif steps:
            steps[-1][1].append(line)
    out = []
    for command, lines in steps:
        while lines and not lines[-1].strip():
            lines.pop()
        out.append((command, lines))
    return out


def run_step(command: str, db: Path) -> list[str]:
    # drop a trailing comment (shlex knows quotes: a # inside them stays)
    words = shlex.split(command, comments=True)
    head = None
    if "|" in words:
        cut = words.index("|")
        match = _HEAD.search(" ".join(words[cut:]))
        assert match, f"only `| head -N` is supported in the tour: {command}"
        head = int(match.group(1))
        words = words[:cut]
    assert "archive" == words[0], command
    result = subprocess.run(
        [sys.executable, "-m", "archive.cli", *words[1:]],
        capture_output=True,
        text=True,
        cwd=REPO,
        env={**os.environ, "ARCHIVE_DB": str(db)},
        timeout=600,
    )
    assert 0 == result.returncode, (command, result.stderr)
    lines = result.stdout.splitlines()
    return lines[:head] if head is not None else lines


def test_tour_steps_are_read() -> None:
    steps = tour_steps((REPO / "README.md").read_text(encoding="utf-8"))
    assert "import corpus/" == steps[0][0].split("#")[0].strip().removeprefix("archive ")
    assert all(expected for _, expected in steps)


def test_readme_tour_prints_what_the_readme_shows(tmp_path: Path) -> None:
    db = tmp_path / "tour.db"
    for command, expected in tour_steps((REPO / "README.md").read_text(encoding="utf-8")):
        assert expected == run_step(command, db), command
