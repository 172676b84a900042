"""Write docs/cli.md from the commands' own --help texts (``python scripts/cli_reference.py``).

tests/unit/test_docs.py checks that docs/cli.md is what this script writes, so the reference
never drifts from the code.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import typer.main

from archive.cli import app

HEADER = """# `archive` command reference

Generated from the commands' `--help` by `python scripts/cli_reference.py`; do not edit by hand.
Every command takes `--db PATH_OR_URL` (default: `$ARCHIVE_DB`, else `archive.db` in the user
data directory) where it reads an archive, and `--json` where a script may read the result.
Errors are one line on stderr; exit status 1 when something failed, 2 for bad usage.
"""


def render() -> str:
    root = typer.main.get_command(app)
    parts = [HEADER]

    def walk(cmd: Any, path: list[str]) -> None:
        ctx = cmd.context_class(cmd, info_name=" ".join(["archive", *path]), terminal_width=100)
        if hasattr(cmd, "list_commands"):  # a group (typer vendors its own click)
            for name in cmd.list_commands(ctx):
                sub = cmd.get_command(ctx, name)
                if sub is not None:
                    walk(sub, [*path, name])
            return
        parts.append(f"\n## `archive {' '.join(path)}`\n\n```text\n{cmd.get_help(ctx)}\n```\n")

    walk(root, [])
    return "".join(parts)


def main() -> None:
    out = Path(sys.argv[1] if len(sys.argv) > 1 else "docs/cli.md")
    out.write_text(render(), encoding="utf-8")
    print(f"wrote {out}")


if __name__ == "__main__":
    main()
