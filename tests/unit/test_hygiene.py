"""The core library loads no UI library, nothing heavy at import time, and its import
contracts (layers, no cycles) hold."""

from __future__ import annotations

import json
import os
import pkgutil
import subprocess
import sys
from pathlib import Path

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


REPO = Path(__file__).resolve().parents[2]


def _lint_imports(cwd: Path, *args: str, env: dict[str, str] | None = None) -> tuple[int, str]:
    """``lint-imports`` of this environment (offline; no cache written), exit status and output."""
    result = subprocess.run(
        [str(Path(sys.executable).with_name("lint-imports")), "--no-cache", *args],
        capture_output=True,
        text=True,
        cwd=cwd,
        env=env,
        timeout=600,
    )
    return result.returncode, result.stdout + result.stderr


def test_import_contracts_hold() -> None:
    """Layers (CLI, UI, services, kernels, storage and identity, models and errors) and no
    import cycles inside ``archive``: pyproject.toml's ``[tool.importlinter]``."""
    status, output = _lint_imports(REPO)
    assert 0 == status, output[-4000:]
    assert "0 broken" in output


def test_the_contract_checker_catches_a_cycle_and_a_layer_broken(tmp_path: Path) -> None:
    """The same kinds of contract on a package built to break them must fail."""
    package = tmp_path / "src" / "broken"
    package.mkdir(parents=True)
    (package / "__init__.py").write_text("")
    (package / "models.py").write_text("from broken import cli\n")  # storage imports the CLI
    (package / "cli.py").write_text("from broken import models\n")
    config = tmp_path / "contracts.toml"
    config.write_text(
        "[tool.importlinter]\nroot_packages = ['broken']\n\n"
        "[[tool.importlinter.contracts]]\nname = 'layers'\ntype = 'layers'\n"
        "layers = ['broken.cli', 'broken.models']\n\n"
        "[[tool.importlinter.contracts]]\nname = 'no cycles'\ntype = 'acyclic_siblings'\n"
        "ancestors = ['broken']\n"
    )
    env = {**os.environ, "PYTHONPATH": str(tmp_path / "src")}
    status, output = _lint_imports(tmp_path, "--config", str(config), env=env)
    assert 0 != status
    assert "2 broken" in output, output[-4000:]


def test_every_public_error_is_defined_in_archive_errors() -> None:
    """One error vocabulary: an exception class the library raises past its own module is an
    ArchiveError defined in archive/errors.py (private helpers like ``_Resync`` aside)."""
    import importlib
    import inspect

    from archive.errors import ArchiveError

    elsewhere = []
    for name in _library_modules():
        if name == "archive.errors":
            continue
        module = importlib.import_module(name)
        for attr, value in vars(module).items():
            if (
                inspect.isclass(value)
                and issubclass(value, BaseException)
                and value.__module__ == name
                and not attr.startswith("_")
            ):
                elsewhere.append(f"{name}.{attr}")
    assert [] == elsewhere
    assert issubclass(importlib.import_module("archive.errors").RecordError, ArchiveError)
