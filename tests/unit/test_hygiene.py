"""The core library loads no UI library, and nothing heavy at import time."""

from __future__ import annotations

import json
import pkgutil
import subprocess
import sys

import archive

UI = ("textual", "rich", "typer", "click", "tui")
HEAVY = ("langdetect", "argostranslate", "ctranslate2", "torch", "stanza", "trafilatura")


def _modules_after(code: str) -> set[str]:
    out = subprocess.run(
        [sys.executable, "-c", code + "\nimport sys, json; print(json.dumps(sorted(sys.modules)))"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    return set(json.loads(out.splitlines()[-1]))


def _library_modules() -> list[str]:
    names = []
    for info in pkgutil.walk_packages(archive.__path__, "archive."):
        if info.name.startswith(("archive.cli", "archive.migrations")):
            continue
        names.append(info.name)
    return names


def test_archive_modules_load_no_ui_library() -> None:
    code = "\n".join(f"import {name}" for name in _library_modules())
    loaded = _modules_after(code)
    assert [] == sorted(m for m in loaded if m.split(".")[0] in UI)


def test_importing_the_cli_loads_nothing_heavy() -> None:
    loaded = _modules_after("import archive.cli")
    assert [] == sorted(m for m in loaded if m.split(".")[0] in HEAVY)
