"""JSONL export → import into a new archive gives back every field ``show --json`` has (#20).

The comparison is generic: every key of every article, credit and version, whatever fields
the archive grows, with only the ids an archive assigns mapped to positions.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

from tests.conftest import CORPUS, REPO, SEED


def run_cli(*args: str | Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "archive.cli", *map(str, args)],
        capture_output=True,
        text=True,
        cwd=REPO,
        env=dict(os.environ),
        timeout=600,
    )


def shown(db: Path) -> list[dict[str, Any]]:
    """``show --json`` of every article, in ``list`` order, with archive-assigned ids made
    positions (version ids, the ids versions and credits point at, the article id)."""
    listed = json.loads(run_cli("list", "--db", db, "--json").stdout)
    out = []
    for row in sorted(listed, key=lambda r: (r["title"], r["date"] or "")):
        result = run_cli("show", str(row["id"]), "--db", db, "--json")
        assert 0 == result.returncode, result.stderr
        data = json.loads(result.stdout)
        position = {v["id"]: i for i, v in enumerate(data["versions"])}
        data.pop("id")
        for version in data["versions"]:
            version["id"] = position[version["id"]]
            for key, value in version.items():
                if key in ("derived_from", "revision_of") and value is not None:
                    version[key] = position[value]
        for credit in data["credits"]:
            if credit.get("version_id") is not None:
                credit["version_id"] = position[credit["version_id"]]
        out.append(data)
    return out


def test_jsonl_round_trip_restores_every_shown_field(tmp_path: Path) -> None:
    first = tmp_path / "first.db"
    second = tmp_path / "second.db"
    export = tmp_path / "export.jsonl"
    imported = run_cli(
        "import", SEED, CORPUS / "mmgov-2018-07-26-zawgyi.jsonl", "--db", first, "--no-align"
    )
    assert 0 == imported.returncode, imported.stderr
    exported = run_cli("export", "--format", "jsonl", "--out", export, "--db", first)
    assert 0 == exported.returncode, exported.stderr
    again = run_cli("import", export, "--db", second, "--no-align")
    assert 0 == again.returncode, again.stderr

    before, after = shown(first), shown(second)
    assert 2 == len(before)
    # the saved page's encoding is the case that came back null
    assert any(v["source_encoding"] for a in before for v in a["versions"])
    assert before == after
