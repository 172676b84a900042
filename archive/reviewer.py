"""Who is working: the reviewer name recorded on every confirmation and correction.

The name comes from, in order: the ``--reviewer`` option (passed in as ``explicit``), the
``ARCHIVE_REVIEWER`` environment variable, or the ``reviewer`` key of the user's config file
(``config.toml`` in the platformdirs config folder, ``$XDG_CONFIG_HOME/translation-archive``
on Linux). It is never silently the login name: with none of the three the caller asks (the
terminal UI does, once) or refuses with `ReviewerUnknown`.
"""

from __future__ import annotations

import os
import tomllib
import unicodedata
from collections.abc import Mapping
from pathlib import Path

from platformdirs import user_config_path

from archive.errors import BadConfigFile, BadReviewerName, ReviewerUnknown

ENVIRONMENT = "ARCHIVE_REVIEWER"
MAX_LENGTH = 200


def config_file() -> Path:
    """The user's config file (it may not exist)."""
    return user_config_path("translation-archive", appauthor=False) / "config.toml"


def checked_name(name: str, where: str) -> str:
    """``name`` without surrounding space, or `BadReviewerName` if it cannot be recorded."""
    clean = name.strip()
    unprintable = any(unicodedata.category(c) in {"Cc", "Cs"} for c in clean)
    if not clean or len(clean) > MAX_LENGTH or unprintable:
        raise BadReviewerName(name, where)
    return clean


def configured_reviewer(path: Path | None = None) -> str | None:
    """The ``reviewer`` of the config file, or None when the file or the key is absent."""
    path = path or config_file()
    try:
        with path.open("rb") as handle:
            data = tomllib.load(handle)
    except FileNotFoundError:
        return None
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise BadConfigFile(path, str(exc)) from exc
    value = data.get("reviewer")
    if value is None:
        return None
    if not isinstance(value, str):
        raise BadConfigFile(path, "reviewer must be a string")
    return checked_name(value, str(path))


def reviewer_name(
    explicit: str | None = None,
    *,
    environ: Mapping[str, str] | None = None,
    config: Path | None = None,
) -> str | None:
    """The reviewer's name from the option, the environment or the config file; else None."""
    if explicit is not None:
        return checked_name(explicit, "--reviewer")
    value = (os.environ if environ is None else environ).get(ENVIRONMENT)
    if value:
        return checked_name(value, ENVIRONMENT)
    return configured_reviewer(config)


def require_reviewer(
    explicit: str | None = None,
    *,
    environ: Mapping[str, str] | None = None,
    config: Path | None = None,
) -> str:
    """Like `reviewer_name`, but `ReviewerUnknown` instead of None."""
    name = reviewer_name(explicit, environ=environ, config=config)
    if name is None:
        raise ReviewerUnknown(config_file())
    return name


def save_reviewer(name: str, path: Path | None = None) -> Path:
    """Write ``reviewer = name`` to the config file (keeping its other lines); return the file."""
    name = checked_name(name, "reviewer")
    path = path or config_file()
    lines: list[str] = []
    if path.exists():
        lines = [
            line
            for line in path.read_text(encoding="utf-8").splitlines()
            if not line.lstrip().startswith("reviewer")
        ]
    escaped = name.replace("\\", "\\\\").replace('"', '\\"')
    lines.insert(0, f'reviewer = "{escaped}"')
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".toml.tmp")
    tmp.write_text("\n".join(lines) + "\n", encoding="utf-8")
    tmp.replace(path)
    return path
