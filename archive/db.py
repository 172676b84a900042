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
from typing import Any

from platformdirs import user_data_path
from sqlalchemy import Engine, create_engine, event
from sqlalchemy.exc import OperationalError, SQLAlchemyError
from sqlmodel import Session

from archive.errors import DatabaseError

log = logging.getLogger(__name__)

APP_NAME = "translation-archive"
ENV_VAR = "ARCHIVE_DB"
MIGRATIONS = Path(__file__).parent / "migrations"


def data_dir() -> Path:
    """The archive's own data directory (platformdirs), created on demand."""
    path = user_data_path(APP_NAME, appauthor=False)
    path.mkdir(parents=True, exist_ok=True)
    return path


def default_db_path() -> Path:
    """``archive.db`` in the user's data directory."""
    return data_dir() / "archive.db"


def resolve_url(db: str | os.PathLike[str] | None = None) -> str:
    """Turn ``--db`` (a path or URL), else ``$ARCHIVE_DB``, else the default file, into a URL."""
    value = str(db) if db is not None else os.environ.get(ENV_VAR) or None
    if value is None:
        return f"sqlite:///{default_db_path()}"
    if "://" in value:
        if value.startswith(("postgresql://", "postgres://")):
            # A plain URL uses the driver our `postgres` extra installs (psycopg 3).
            return "postgresql+psycopg://" + value.split("://", 1)[1]
        return value
    path = Path(value).expanduser().resolve()
    if path.is_dir():
        raise DatabaseError(f"{path}: is a directory, not an archive file")
    path.parent.mkdir(parents=True, exist_ok=True)
    return f"sqlite:///{path}"


def _set_sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA busy_timeout=30000")
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.close()


def _set_readonly_pragmas(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.close()


def readonly_sqlite_path(url: str) -> Path | None:
    """The file of a SQLite archive that this process cannot write (the file or its folder is
    read-only), else None. Such an archive is opened read-only and immutable: SQLite then needs
    no ``-wal``/``-shm`` file beside it, so read commands work (issue 21)."""
    if not url.startswith("sqlite:///"):
        return None
    path = Path(url.removeprefix("sqlite:///"))
    if not path.is_file():
        return None
    if os.access(path, os.W_OK) and os.access(path.parent, os.W_OK):
        return None
    return path


def create_archive_engine(url: str) -> Engine:
    """An engine for ``url``; SQLite gets WAL, foreign keys and a busy timeout (or, for a file
    this process cannot write, a read-only immutable connection)."""
    readonly = readonly_sqlite_path(url)
    if readonly is not None:
        from urllib.parse import quote

        uri = f"file:{quote(str(readonly))}?mode=ro&immutable=1"
        engine = create_engine(
            "sqlite://", creator=lambda: sqlite3.connect(uri, uri=True, check_same_thread=False)
        )
        event.listen(engine, "connect", _set_readonly_pragmas)
        return engine
    if url.startswith("sqlite"):
        engine = create_engine(url, connect_args={"timeout": 30})
        event.listen(engine, "connect", _set_sqlite_pragmas)
        return engine
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


def current_revision(engine: Engine) -> str | None:
    """The migration revision the database is at (None for an empty database)."""
    from alembic.runtime.migration import MigrationContext

    with engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


def migrate(engine: Engine) -> None:
    """Bring the schema up to the newest migration (creating it in an empty database)."""
    from alembic import command

    head = schema_head()
    current = current_revision(engine)
    if current == head:
        return
    _check_known_revision(engine, current)
    log.info("migrating %s to %s", engine.url.render_as_string(hide_password=True), head)
    with engine.begin() as conn:
        command.upgrade(_alembic_config(conn), "head")


def _check_known_revision(engine: Engine, revision: str | None) -> None:
    """Refuse a schema this program does not know (written by a newer version) in words."""
    if revision is None:
        return
    from alembic.script import ScriptDirectory

    script = ScriptDirectory.from_config(_alembic_config())
    known = {rev.revision for rev in script.walk_revisions()}
    if revision not in known:
        where = _display(engine.url.render_as_string(hide_password=False))
        raise DatabaseError(
            f"{where}: the archive's schema (revision {revision}) is newer than this version "
            "of the archive program knows; upgrade the program to open it"
        )


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


def open_archive(db: str | os.PathLike[str] | None = None, *, upgrade: bool = True) -> Archive:
    """Open (creating or upgrading as needed) the archive at ``db``.

    Raises:
        DatabaseError: the database cannot be opened or migrated.
    """
    url = resolve_url(db)
    try:
        engine = create_archive_engine(url)
        if upgrade:
            migrate(engine)
    except ImportError as exc:
        raise DatabaseError(f"{url.split('://')[0]}: database driver missing ({exc})") from exc
    except OperationalError as exc:
        raise DatabaseError(f"{_display(url)}: cannot open archive ({exc.orig})") from exc
    except SQLAlchemyError as exc:
        raise DatabaseError(f"{_display(url)}: {exc}") from exc
    return Archive(engine=engine, url=url)


def _display(url: str) -> str:
    if url.startswith("sqlite:///"):
        return url.removeprefix("sqlite:///")
    from sqlalchemy.engine import make_url

    return make_url(url).render_as_string(hide_password=True)
