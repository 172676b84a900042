"""Where the archive lives: resolving ``--db``, opening the engine, migrating the schema.

The default store is one SQLite file in the user's data directory; ``--db`` or the
``ARCHIVE_DB`` environment variable take a file path or an SQLAlchemy URL instead, so the
same code runs on a PostgreSQL server shared by a team.
"""

from __future__ import annotations

import logging
import os
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal
from urllib.parse import quote

from platformdirs import user_data_path
from sqlalchemy import Connection, Engine, create_engine, event, inspect, text
from sqlalchemy.exc import DatabaseError as SADatabaseError
from sqlalchemy.exc import OperationalError, SQLAlchemyError
from sqlmodel import Session

from archive.errors import ArchiveMissing, DatabaseError, NotAnArchive, SchemaMismatch

log = logging.getLogger(__name__)

APP_NAME = "translation-archive"
ENV_VAR = "ARCHIVE_DB"
MIGRATIONS = Path(__file__).parent / "migrations"
# pg_advisory_xact_lock key that serialises schema creation and upgrades on one PostgreSQL
# database (any 64-bit constant of our own: "tparchiv" in ASCII).
PG_MIGRATION_LOCK = 0x7470617263686976

OpenMode = Literal["create", "write", "read"]
"""How a command opens the archive.

- ``create``: make the archive if there is none, upgrade an older schema (import, db init, the
  target of db copy).
- ``write``: the archive must exist; an older schema is upgraded (align, mt translate, browse).
- ``read``: the archive must exist at the newest schema; nothing is written, no file or folder
  is made, and a read-only file (or folder) is fine (list, show, search, export, db info, …).
"""


def data_dir(*, create: bool = True) -> Path:
    """The archive's own data directory (platformdirs), made unless ``create`` is off."""
    path = user_data_path(APP_NAME, appauthor=False)
    if create:
        path.mkdir(parents=True, exist_ok=True)
    return path


def default_db_path() -> Path:
    """``archive.db`` in the user's data directory (the directory is not created here)."""
    return data_dir(create=False) / "archive.db"


@dataclass(frozen=True)
class Location:
    """Where ``--db`` points: an SQLAlchemy URL, and for SQLite the file and how it was named."""

    url: str
    path: Path | None  # the SQLite file, None for a server database
    shown: str  # how to name it in a message: the path as given, or the URL without password


def locate(db: str | os.PathLike[str] | None = None) -> Location:
    """Turn ``--db`` (a path or URL), else ``$ARCHIVE_DB``, else the default file, into a Location.

    Nothing is created here.
    """
    value = str(db) if db is not None else os.environ.get(ENV_VAR) or None
    if value is None:
        path = default_db_path()
        return Location(f"sqlite:///{path}", path, str(path))
    if "://" in value:
        url = value
        if value.startswith(("postgresql://", "postgres://")):
            # A plain URL uses the driver our `postgres` extra installs (psycopg 3).
            url = "postgresql+psycopg://" + value.split("://", 1)[1]
        if url.startswith("sqlite:///") and url != "sqlite:///:memory:":
            path = Path(url.removeprefix("sqlite:///").split("?", 1)[0]).expanduser().resolve()
            return Location(f"sqlite:///{path}", path, value)
        return Location(url, None, _display(url))
    path = Path(value).expanduser().resolve()
    return Location(f"sqlite:///{path}", path, value)


def _set_sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA busy_timeout=30000")
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.close()


def _set_sqlite_read_pragmas(dbapi_connection: Any, _record: Any) -> None:
    # No journal_mode here (setting it is a write: the file keeps the WAL mode it was made
    # with), and query_only so that nothing done on this connection can change the file.
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA busy_timeout=30000")
    cursor.execute("PRAGMA query_only=ON")
    cursor.close()


def _writable(path: Path) -> bool:
    """Whether this process may write the SQLite file and make its ``-wal`` beside it."""
    return os.access(path, os.W_OK) and os.access(path.parent, os.W_OK)


def _sqlite_read_uri(path: str) -> str:
    """How a read opens an SQLite file.

    Where we may write (the usual case), a normal connection made query-only: the last one to
    close removes the ``-wal``/``-shm`` files, so a read leaves the folder as it found it (a
    ``mode=ro`` connection would leave them behind). Where the file or its folder is read-only,
    ``immutable=1``: SQLite then needs no ``-shm`` file, and nobody can be writing there anyway.
    """
    folder = os.path.dirname(path) or "."
    if os.access(path, os.W_OK) and os.access(folder, os.W_OK):
        return f"file:{quote(path)}"
    return f"file:{quote(path)}?mode=ro&immutable=1"


def create_archive_engine(url: str, *, read_only: bool = False) -> Engine:
    """An engine for ``url``; SQLite gets WAL, foreign keys and a busy timeout.

    With ``read_only`` nothing can be written through the engine: an SQLite connection is
    query-only (see `_sqlite_read_uri`), a server session read-only by default.
    """
    if read_only and url.startswith("sqlite:///"):
        uri = _sqlite_read_uri(url.removeprefix("sqlite:///"))
        engine = create_engine(
            "sqlite://",
            creator=lambda: sqlite3.connect(uri, uri=True, timeout=30, check_same_thread=False),
        )
        event.listen(engine, "connect", _set_sqlite_read_pragmas)
        return engine
    if url.startswith("sqlite"):
        engine = create_engine(url, connect_args={"timeout": 30})
        event.listen(engine, "connect", _set_sqlite_pragmas)
        return engine
    if read_only:
        return create_engine(
            url,
            pool_pre_ping=True,
            connect_args={"options": "-c default_transaction_read_only=on"},
        )
    return create_engine(url, pool_pre_ping=True)


def _alembic_config(connection: Any | None = None) -> Any:
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    if connection is not None:
        config.attributes["connection"] = connection
    return config


def schema_head() -> str | None:
    """The newest migration revision."""
    from alembic.script import ScriptDirectory

    return ScriptDirectory.from_config(_alembic_config()).get_current_head()


def _known_revision(revision: str) -> bool:
    from alembic.script import ScriptDirectory
    from alembic.util import CommandError

    try:
        return ScriptDirectory.from_config(_alembic_config()).get_revision(revision) is not None
    except CommandError:
        return False


def current_revision(engine: Engine) -> str | None:
    """The migration revision the database is at (None for an empty database)."""
    with engine.connect() as conn:
        return _revision_of(conn)


def _revision_of(conn: Connection) -> str | None:
    from alembic.runtime.migration import MigrationContext

    return MigrationContext.configure(conn).get_current_revision()


def _check_revision(conn: Connection, where: Location, *, upgrading: bool) -> str | None:
    """The archive's revision; raises if the database is not an archive or is too new (or too
    old when ``upgrading`` is off)."""
    revision = _revision_of(conn)
    head = schema_head()
    if revision is None:
        tables = set(inspect(conn).get_table_names())
        if tables & {"article", "version", "alembic_version"} or (
            where.path is not None and tables
        ):
            raise NotAnArchive(where.shown, "a database of another kind: no archive schema")
        return None
    if revision == head:
        return revision
    if not _known_revision(revision):
        raise SchemaMismatch(where.shown, revision, head, newer=True)
    if not upgrading:
        raise SchemaMismatch(where.shown, revision, head, newer=False)
    return revision


def _upgrade(conn: Connection, where: Location) -> None:
    """Bring the schema on ``conn`` to head (inside its transaction), unless it is there."""
    from alembic import command

    revision = _check_revision(conn, where, upgrading=True)
    if revision == schema_head():
        return
    log.info("migrating %s from %s to %s", where.shown, revision, schema_head())
    command.upgrade(_alembic_config(conn), "head")


@contextmanager
def _file_lock(path: Path) -> Iterator[None]:
    """An exclusive advisory lock while the schema of the SQLite file at ``path`` is made or
    upgraded, held on the file's folder.

    Never on the database file itself: POSIX drops every lock a process holds on a file when
    any descriptor of that file is closed, so opening and closing one beside SQLite's own would
    silently release SQLite's locks (and let another process delete a live ``-wal``). ``flock``
    on the folder serialises only the processes that are migrating.
    """
    try:
        import fcntl
    except ImportError:  # pragma: no cover - Windows: SQLite's own locks and busy timeout only
        yield
        return
    fd = os.open(path.parent, os.O_RDONLY)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        yield
    finally:
        os.close(fd)  # closing releases the lock


def migrate(engine: Engine, where: Location | None = None) -> None:
    """Bring the schema up to the newest migration (creating it in an empty database).

    Serialised across processes: two importers started together on a new database both
    succeed, one creating the schema and the other finding it made (a PostgreSQL advisory
    lock; on SQLite an exclusive lock on the file).
    """
    where = where or Location(str(engine.url), None, _display(str(engine.url)))
    if engine.dialect.name == "postgresql":
        with engine.begin() as conn:
            conn.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": PG_MIGRATION_LOCK})
            _upgrade(conn, where)
        return
    if where.path is not None:
        with _file_lock(where.path), engine.begin() as conn:
            _upgrade(conn, where)
        return
    with engine.begin() as conn:
        _upgrade(conn, where)


def _check_sqlite_file(where: Location, mode: OpenMode) -> None:
    """Refuse what is not an archive file before SQLite touches it; nothing is created."""
    path = where.path
    assert path is not None
    if path.is_dir():
        raise DatabaseError(f"{where.shown}: is a directory, not an archive file")
    if not path.exists():
        if mode != "create":
            raise ArchiveMissing(where.shown)
        return
    if not path.stat().st_size and mode != "create":
        raise ArchiveMissing(where.shown)
    # The file's own bytes are never read here with a descriptor of ours (see `_file_lock`):
    # SQLite itself says "file is not a database" for another program's file (`open_archive`).


@dataclass
class Archive:
    """An open archive: the engine and where it points."""

    engine: Engine
    url: str

    @contextmanager
    def session(self) -> Iterator[Session]:
        """A session that keeps loaded objects usable after commit."""
        with Session(self.engine, expire_on_commit=False) as session:
            yield session

    @property
    def dialect(self) -> str:
        """``sqlite`` or ``postgresql``."""
        return self.engine.dialect.name

    def close(self) -> None:
        """Release every pooled connection."""
        self.engine.dispose()


def open_archive(
    db: str | os.PathLike[str] | None = None,
    *,
    mode: OpenMode = "create",
    upgrade: bool = True,
) -> Archive:
    """Open the archive at ``db`` as ``mode`` says (see `OpenMode`).

    ``upgrade=False`` opens an archive of an older schema as it is (for `archive db info` and
    tests of upgrades); nothing is then created or migrated.

    Raises:
        ArchiveMissing: there is no archive there and ``mode`` is not ``create``.
        NotAnArchive: the file or database holds something else.
        SchemaMismatch: the schema is newer than this program (or older, for ``read``).
        DatabaseError: the database cannot be opened or migrated.
    """
    where = locate(db)
    revision: str | None = None
    probed = False  # the revision was read already, through a read-only connection
    try:
        if where.path is not None:
            _check_sqlite_file(where, mode)
            if mode != "read" and where.path.exists() and where.path.stat().st_size:
                # Look before writing: another program's file, or an archive too new for us,
                # must be refused before a writable connection changes a byte (WAL mode).
                probe = create_archive_engine(where.url, read_only=True)
                try:
                    with probe.connect() as conn:
                        revision = _check_revision(conn, where, upgrading=True)
                    probed = True
                finally:
                    probe.dispose()
            if mode != "read" and where.path.exists() and not _writable(where.path):
                raise DatabaseError(
                    f"{where.shown}: the archive is read-only, and this command writes to it"
                )
            if mode == "create":
                where.path.parent.mkdir(parents=True, exist_ok=True)
        engine = create_archive_engine(where.url, read_only=mode == "read")
        try:
            if not probed and (not upgrade or mode != "create"):
                with engine.connect() as conn:
                    # An older schema is upgraded below (or left as it is when upgrade is
                    # off); a read never upgrades, so it refuses one.
                    tolerate_old = mode != "read" or not upgrade
                    revision = _check_revision(conn, where, upgrading=tolerate_old)
            if revision is None and mode != "create":
                raise ArchiveMissing(where.shown)
            if upgrade and mode != "read":
                migrate(engine, where)
        except BaseException:
            engine.dispose()
            raise
    except ImportError as exc:
        raise DatabaseError(
            f"{where.url.split('://')[0]}: database driver missing ({exc})"
        ) from exc
    except OperationalError as exc:
        raise DatabaseError(f"{where.shown}: cannot open archive ({exc.orig})") from exc
    except SADatabaseError as exc:
        if "file is not a database" in str(exc.orig):
            raise NotAnArchive(where.shown, "not an SQLite database") from exc
        raise DatabaseError(f"{where.shown}: {exc.orig}") from exc
    except SQLAlchemyError as exc:
        raise DatabaseError(f"{where.shown}: {exc}") from exc
    return Archive(engine=engine, url=where.url)


def _display(url: str) -> str:
    if url.startswith("sqlite:///"):
        return url.removeprefix("sqlite:///")
    from sqlalchemy.engine import make_url

    return make_url(url).render_as_string(hide_password=True)
