"""Every CLI command has help text with an example, and is documented in README or docs/."""

from __future__ import annotations

import typer.main

from archive.cli import app
from tests.conftest import REPO


def _commands() -> dict[str, str]:
    group = typer.main.get_command(app)
    found: dict[str, str] = {}

    def walk(cmd: object, prefix: str) -> None:
        for name, sub in getattr(cmd, "commands", {}).items():
            full = f"{prefix} {name}".strip()
            if getattr(sub, "commands", None):
                walk(sub, full)
            else:
                found[full] = sub.help or ""

    walk(group, "")
    return found


def test_every_command_has_help_with_an_example() -> None:
    missing = [name for name, text in _commands().items() if "Example:" not in text]
    assert [] == missing


def test_every_command_is_documented() -> None:
    docs = (REPO / "README.md").read_text(encoding="utf-8") + "".join(
        p.read_text(encoding="utf-8") for p in (REPO / "docs").glob("*.md")
    )
    missing = [name for name in _commands() if f"archive {name}" not in docs]
    assert [] == missing
