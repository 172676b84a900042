"""The install: the core dependencies cover every import, and the tests stand on their own.

A fresh machine installs from the committed lock (``uv.lock``, see scripts/setup.sh). The
first test builds a virtual environment holding the core dependencies alone (from uv's cache,
offline: setup.sh filled it) and imports every module of ``archive`` and ``tui`` there; a
module that imports a package only an extra (or nothing) declares fails it by name.
"""

from __future__ import annotations

import json
import os
import pkgutil
import re
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

import archive
import tui
from benchmarks.real_pages import SHARED_SET
from tests.conftest import REPO

UV = REPO / ".venv" / ".setup-tools" / "bin" / "uv"

IMPORT_EACH = """
import importlib, json, sys
failures = {}
for name in sys.argv[1:]:
    try:
        importlib.import_module(name)
    except Exception as exc:
        failures[name] = f"{type(exc).__name__}: {exc}"
print(json.dumps(failures))
"""


def _uv() -> str:
    found = str(UV) if UV.exists() else shutil.which("uv")
    if found is None:
        pytest.skip("uv not found (scripts/setup.sh installs it): core-install check SKIPPED")
    return found


def every_module() -> list[str]:
    """Every module of the two packages, found from the source tree (nothing imported)."""
    names = []
    for package in (archive, tui):
        prefix = package.__name__ + "."
        for info in pkgutil.walk_packages(package.__path__, prefix, onerror=lambda _: None):
            if not info.name.startswith(
                ("archive.migrations.versions", "archive.migrations.env")
            ) and not (
                info.name.endswith(".__main__")  # runs the command line when imported
            ):
                names.append(info.name)
    return sorted(names)


@pytest.fixture(scope="module")
def core_python(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """A Python whose environment holds only the core dependencies, exactly as locked."""
    uv = _uv()
    root = tmp_path_factory.mktemp("core-env")
    env = {**os.environ, "UV_PYTHON_DOWNLOADS": "never", "UV_NO_PROGRESS": "1"}
    exported = subprocess.run(
        [uv, "export", "--frozen", "--no-hashes", "--no-emit-project", "--no-header"],
        cwd=REPO,
        capture_output=True,
        text=True,
        env=env,
        check=True,
    ).stdout
    requirements = root / "core.txt"
    requirements.write_text(exported, encoding="utf-8")
    venv = root / "venv"
    # The lock's own wheels, by the addresses it records: `uv sync` reads them from the cache
    # `scripts/setup.sh` filled (`uv pip install -r` would need the index pages cached too,
    # which a fresh machine's cache lacks). No extras, no project: the core dependencies only.
    installed = subprocess.run(
        [
            uv,
            "sync",
            "--frozen",
            "--offline",
            "--no-install-project",
            "--quiet",
            "--python",
            sys.executable,
        ],
        cwd=REPO,
        capture_output=True,
        text=True,
        env={**env, "UV_PROJECT_ENVIRONMENT": str(venv)},
    )
    python = venv / "bin" / "python"
    if installed.returncode != 0:
        message = f"uv's cache lacks a locked wheel (run scripts/setup.sh): {installed.stderr}"
        if os.environ.get("CI"):
            pytest.fail(message)  # CI ran setup.sh, so the cache must hold every locked wheel
        pytest.skip(message)
    yield python


def test_core_dependencies_cover_every_import(core_python: Path) -> None:
    lock_names = set(
        re.findall(
            r"^([A-Za-z0-9_.-]+)==",
            (core_python.parent.parent.parent / "core.txt").read_text(encoding="utf-8"),
            flags=re.M,
        )
    )
    # The extras' packages are absent, so an import of one of them fails here by name.
    assert "pytest" not in {n.lower() for n in lock_names}
    assert "ctranslate2" not in {n.lower() for n in lock_names}
    result = subprocess.run(
        [str(core_python), "-c", IMPORT_EACH, *every_module()],
        cwd=REPO,
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONPATH": str(REPO)},
        timeout=600,
    )
    assert 0 == result.returncode, result.stderr
    assert {} == json.loads(result.stdout.splitlines()[-1])


def test_a_module_importing_an_undeclared_package_is_named(core_python: Path) -> None:
    # The check itself can fail: an extra's package is not importable in the core environment.
    result = subprocess.run(
        [str(core_python), "-c", IMPORT_EACH, "ctranslate2", "json"],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert {"ctranslate2": "ModuleNotFoundError: No module named 'ctranslate2'"} == json.loads(
        result.stdout.splitlines()[-1]
    )


def test_no_test_reads_the_shared_folder() -> None:
    # A user's clone has no development-data folder beside it (the one the benchmarks read
    # when present): tests use copies under tests/data. Its name comes from the benchmark,
    # so this file names no such path itself and is checked like every other.
    folder = re.escape(SHARED_SET.parents[1].name)
    pattern = re.compile(rf"""(\.\./{folder}\b|/work/{folder}\b|["']{folder}["'])""")
    offenders = [
        f"{path.relative_to(REPO)}:{number}"
        for path in sorted((REPO / "tests").rglob("*.py"))
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if pattern.search(line)
    ]
    assert [] == offenders
