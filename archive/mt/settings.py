"""Where translation packages live and how translation runs (threads, beam, batch size).

Packages live in the archive's own data directory (``<data dir>/argos-packages``, or
``$ARCHIVE_MT_DIR``), never in the user's global argos-translate folders. The archive drives
CTranslate2 and sentencepiece itself, so argostranslate is never imported to translate; when
something does import it (the benchmark, a user's script), `import_argostranslate` points its
settings at our folders first, because argostranslate creates and reads its folders at import.
"""

from __future__ import annotations

import os
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import asdict, dataclass
from pathlib import Path
from types import ModuleType
from typing import Any

from archive.errors import InvalidSetting

DIR_ENV = "ARCHIVE_MT_DIR"
BEAM_ENV = "ARCHIVE_MT_BEAM_SIZE"
INTER_ENV = "ARCHIVE_MT_INTER_THREADS"
INTRA_ENV = "ARCHIVE_MT_INTRA_THREADS"
BATCH_ENV = "ARCHIVE_MT_BATCH_SIZE"

#: The argospm package index, used by ``archive mt download`` when no ``--index`` is given.
DEFAULT_INDEX_URL = "https://raw.githubusercontent.com/argosopentech/argospm-index/main/index.json"


def packages_dir() -> Path:
    """The folder installed packages live in (not created here: installing creates it)."""
    override = os.environ.get(DIR_ENV)
    if override:
        return Path(override).expanduser().resolve()
    from archive.db import data_dir

    return data_dir() / "argos-packages"


def _env_int(name: str, default: int, env: Mapping[str, str]) -> int:
    raw = env.get(name)
    if raw is None or not raw.strip():
        return default
    try:
        value = int(raw)
    except ValueError:
        raise InvalidSetting(name, raw, "is not a whole number") from None
    if value < 0:
        raise InvalidSetting(name, raw, "must not be negative")
    return value


@dataclass(frozen=True, slots=True)
class MtSettings:
    """How CTranslate2 runs.

    Defaults were chosen for a 2-core machine from ``benchmarks/mt.py`` (argos-sized model,
    100 NTREX sentences): one replica with one thread translated 4.6 sentences/s, against 3.4
    for two replicas of one thread, 2.0 for one replica of two threads and 2.4 for
    CTranslate2's default (``intra_threads=0``); argostranslate's own ``translate()`` did 4.0
    with one thread and 1.4 with its defaults. Beam 2 rather than argos' 4 halves the work.

    Attributes:
        beam_size: beam width (1 is greedy decoding).
        inter_threads: translator replicas working on sub-batches in parallel.
        intra_threads: threads inside one replica (0 lets CTranslate2 pick: slow here).
        max_batch_size: sentences per sub-batch.
        max_decoding_length: longest output, in tokens, for one sentence.
    """

    beam_size: int = 2
    inter_threads: int = 1
    intra_threads: int = 1
    max_batch_size: int = 16
    max_decoding_length: int = 256

    @classmethod
    def from_env(cls, env: Mapping[str, str] | None = None) -> MtSettings:
        """Defaults overridden by ``$ARCHIVE_MT_BEAM_SIZE``, ``…_INTER_THREADS``,
        ``…_INTRA_THREADS`` and ``…_BATCH_SIZE``.

        Raises:
            ValueError: a variable is not a non-negative whole number.
        """
        env = os.environ if env is None else env
        base = cls()
        return cls(
            beam_size=max(1, _env_int(BEAM_ENV, base.beam_size, env)),
            inter_threads=max(1, _env_int(INTER_ENV, base.inter_threads, env)),
            intra_threads=_env_int(INTRA_ENV, base.intra_threads, env),
            max_batch_size=max(1, _env_int(BATCH_ENV, base.max_batch_size, env)),
        )

    def to_json(self) -> dict[str, Any]:
        """The settings as recorded in a machine version's ``engine_details``."""
        return asdict(self)


def argos_environment(folder: Path | None = None) -> dict[str, str]:
    """The environment argostranslate must see at import so it stays inside ``folder``.

    ``ARGOS_PACKAGES_DIR`` is where it finds packages (ours); the XDG folders are where it
    writes its data, config and cache at import (ours too, never ``~/.local/share``);
    ``ARGOS_CHUNK_TYPE=MINISBD`` with ``minisbd`` models cached under our folder is the least
    networked sentence splitter it has, but it still downloads on first use, which is why the
    archive never calls argostranslate's own ``translate`` (see `import_argostranslate`).
    """
    root = folder if folder is not None else packages_dir()
    # Beside the packages folder, not in it: argostranslate takes every folder there for a package.
    home = root.parent / f".{root.name}-argos-home"
    return {
        "ARGOS_PACKAGES_DIR": str(root),
        "ARGOS_DEVICE_TYPE": "cpu",
        "ARGOS_INTRA_THREADS": "1",
        "ARGOS_CHUNK_TYPE": "MINISBD",
        "ARGOS_STANZA_AVAILABLE": "0",
        "XDG_DATA_HOME": str(home / "data"),
        "XDG_CONFIG_HOME": str(home / "config"),
        "XDG_CACHE_HOME": str(home / "cache"),
    }


@contextmanager
def _patched_environ(values: Mapping[str, str]) -> Iterator[None]:
    saved = {name: os.environ.get(name) for name in values}
    os.environ.update(values)
    try:
        yield
    finally:
        for name, old in saved.items():
            if old is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = old


def import_argostranslate(folder: Path | None = None) -> ModuleType:
    """Import ``argostranslate.translate`` with its settings pointed at our folders.

    The XDG variables are set only while argostranslate reads them (at import), so the
    archive's own data directory (also found through XDG) is unchanged afterwards. The
    ``ARGOS_*`` variables stay set: argostranslate reads some of them again later. Calling
    this after argostranslate was already imported elsewhere cannot move its folders, so it
    refuses.

    Raises:
        RuntimeError: argostranslate was imported before with other settings.
    """
    import importlib
    import sys

    env = argos_environment(folder)
    already = sys.modules.get("argostranslate.settings")
    if already is not None:
        if str(getattr(already, "package_data_dir", "")) != env["ARGOS_PACKAGES_DIR"]:
            raise RuntimeError(
                "argostranslate was imported before its settings were set; "
                "call archive.mt.settings.import_argostranslate() first"
            )
        return importlib.import_module("argostranslate.translate")
    Path(env["ARGOS_PACKAGES_DIR"]).mkdir(parents=True, exist_ok=True)
    argos = {k: v for k, v in env.items() if k.startswith("ARGOS_")}
    os.environ.update(argos)
    with _patched_environ({k: v for k, v in env.items() if k.startswith("XDG_")}):
        return importlib.import_module("argostranslate.translate")
