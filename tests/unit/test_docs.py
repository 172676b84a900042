"""Every CLI command has help text with an example, and is documented in README or docs/."""

from __future__ import annotations

from typing import Any

import typer.main

from archive.cli import app
from tests.conftest import REPO


def _commands() -> dict[str, str]:
    group = typer.main.get_command(app)
    found: dict[str, str] = {}

    def walk(cmd: Any, prefix: str) -> None:
        for name, sub in cmd.commands.items():
            full = f"{prefix} {name}".strip()
            if hasattr(sub, "list_commands"):
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


def test_cli_reference_is_generated_from_the_code() -> None:
    import importlib.util

    spec = importlib.util.spec_from_file_location(
        "cli_reference", REPO / "scripts" / "cli_reference.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    assert module.render() == (REPO / "docs" / "cli.md").read_text(encoding="utf-8")
