"""The ``archive mt`` commands: install, list and remove translation packages; translate."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Annotated, Any

import typer

from archive.cli._common import (
    DbOption,
    JsonOption,
    _stderr_console,
    app,
    echo,
    emit_json,
    fail,
    opened,
)
from archive.cli._common import safe_line as _safe
from archive.errors import ArchiveError, ModelPackageMissing

mt_app = typer.Typer(
    help=(
        "Offline machine translation with argostranslate packages (.argosmodel files).\n\n"
        "Example: archive mt install translate-my_en-1_9.argosmodel && "
        "archive mt translate 1 --to en"
    ),
    no_args_is_help=True,
    rich_markup_mode=None,
)
app.add_typer(
    mt_app,
    name="mt",
    help=(
        "Offline machine translation: install argostranslate packages, translate versions.\n\n"
        "Example: archive mt install translate-my_en-1_9.argosmodel && "
        "archive mt translate 1 --to en"
    ),
)

INSTALL_HINT = "install one with: archive mt install FILE.argosmodel"


#: What `pip` installs for the commands that run a model (the `mt` extra of pyproject.toml).
MT_EXTRA_HINT = (
    "machine translation needs the optional 'mt' dependencies; install them with: "
    "pip install 'translation-archive[mt]' (in a source checkout: .venv/bin/pip install -e '.[mt]')"
)


def _require_mt_extra(command: str) -> None:
    """Fail with one line naming the extra to install when the `mt` dependencies are absent."""
    import importlib

    for module in ("ctranslate2", "sentencepiece"):
        try:
            importlib.import_module(module)
        except ImportError:
            fail(f"mt {command}: {MT_EXTRA_HINT} (missing: {module})")


def _missing(exc: ModelPackageMissing) -> str:
    return f"{exc} ({INSTALL_HINT})"


@mt_app.command("install")
def install_command(
    file: Annotated[Path, typer.Argument(help="A .argosmodel package file.")],
    force: Annotated[
        bool, typer.Option("--force", help="Reinstall even if this version is installed.")
    ] = False,
    as_json: JsonOption = False,
) -> None:
    """Install a translation package from a file, checked before anything is written.

    Example: archive mt install ~/Downloads/translate-my_en-1_9.argosmodel
    """
    from archive.mt.packages import install_package

    _require_mt_extra("install")
    try:
        result = install_package(file, force=force)
    except ArchiveError as exc:
        fail(_safe(str(exc)))
    package = result.package
    if as_json:
        emit_json(
            {
                "status": result.status,
                "previous_version": result.previous_version,
                **package.to_json(),
            }
        )
        return
    if result.status == "unchanged":
        echo(
            f"{_safe(package.name)} {_safe(package.package_version)} is already installed "
            "(--force to reinstall)"
        )
    elif result.status == "replaced":
        echo(
            f"replaced {_safe(package.name)} {_safe(result.previous_version)} with "
            f"{_safe(package.package_version)} ({_safe(package.pair)})"
        )
    else:
        name, version = _safe(package.name), _safe(package.package_version)
        echo(f"installed {name} {version} ({_safe(package.pair)})")


@mt_app.command("list")
def list_command(as_json: JsonOption = False) -> None:
    """List installed translation packages: pair, package, version, size and folder.

    Example: archive mt list --json
    """
    from archive.mt.packages import list_packages
    from archive.mt.settings import packages_dir

    packages = list_packages()
    if as_json:
        emit_json([p.to_json() for p in packages])
        return
    if not packages:
        echo(f"No translation packages installed (in {_safe(packages_dir())}); {INSTALL_HINT}")
        return
    for p in packages:
        echo(
            f"{_safe(p.pair):<10} {_safe(p.name):<22} {_safe(p.package_version):<8} "
            f"{p.size / 1024**2:>8.1f} MB  {_safe(p.path)}"
        )


@mt_app.command("remove")
def remove_command(
    source: Annotated[str, typer.Argument(help="Language translated from, e.g. my.")],
    target: Annotated[str, typer.Argument(help="Language translated into, e.g. en.")],
) -> None:
    """Remove the installed package for a language pair.

    Example: archive mt remove my en
    """
    from archive.mt.packages import remove_package

    try:
        package = remove_package(source, target)
    except ArchiveError as exc:
        fail(_safe(str(exc)))
    echo(f"removed {_safe(package.name)} {_safe(package.package_version)}")


@mt_app.command("available")
def available_command(
    index: Annotated[
        str | None,
        typer.Option("--index", help="Package index: a JSON file (no network) or a URL."),
    ] = None,
    as_json: JsonOption = False,
) -> None:
    """List the packages a package index offers (a URL index needs the network).

    Example: archive mt available --index argos-index.json
    """
    from archive.mt.download import load_index

    try:
        entries = load_index(index)
    except ArchiveError as exc:
        fail(_safe(str(exc)))
    if as_json:
        emit_json([e.to_json() for e in entries])
        return
    for e in entries:
        names = f"{e.from_name} -> {e.to_name}" if e.from_name or e.to_name else ""
        pair = _safe(e.from_code + "->" + e.to_code)
        echo(f"{pair:<10} {_safe(e.package_version):<8} {_safe(names)}")


@mt_app.command("download")
def download_command(
    source: Annotated[str, typer.Argument(help="Language translated from, e.g. my.")],
    target: Annotated[str, typer.Argument(help="Language translated into, e.g. en.")],
    index: Annotated[
        str | None,
        typer.Option("--index", help="Package index: a JSON file or a URL (default: argospm)."),
    ] = None,
    force: Annotated[
        bool, typer.Option("--force", help="Reinstall even if this version is installed.")
    ] = False,
) -> None:
    """Download a package from the package index and install it (needs the network).

    This is the only command that uses the network.

    Example: archive mt download my en
    """
    from archive.mt.download import download_package

    try:
        result = download_package(source, target, index=index, force=force)
    except ModelPackageMissing:
        fail(f"the package index offers no package for {source} -> {target}")
    except ArchiveError as exc:
        fail(_safe(str(exc)))
    package = result.package
    verb = {"unchanged": "already installed:", "replaced": "replaced with"}.get(
        result.status, "installed"
    )
    echo(f"{verb} {_safe(package.name)} {_safe(package.package_version)} ({_safe(package.pair)})")


@mt_app.command("translate")
def translate_command(
    article_id: Annotated[
        int | None, typer.Argument(help="The article to translate (see `archive list`).")
    ] = None,
    to: Annotated[str, typer.Option("--to", help="Language to translate into, e.g. en.")] = "en",
    from_version: Annotated[
        int | None,
        typer.Option("--from-version", help="Version to translate (default: the original)."),
    ] = None,
    all_articles: Annotated[
        bool, typer.Option("--all", help="Every article with no version in the --to language.")
    ] = False,
    db: DbOption = None,
    as_json: JsonOption = False,
) -> None:
    """Machine-translate an article's original (or a chosen version) into a language.

    The new version is of kind "machine", derived from its source, with the engine, package
    and version recorded; its sentences are aligned 1-1 with the source's.

    Example: archive mt translate 12 --to en   (or: archive mt translate --all --to en)
    """
    from archive.mt.store import articles_lacking, translate_article

    _require_mt_extra("translate")
    if (article_id is None) == (not all_articles):
        raise typer.BadParameter("give an ARTICLE_ID or --all (not both)")
    if all_articles and from_version is not None:
        raise typer.BadParameter("--from-version needs one ARTICLE_ID, not --all")
    from archive.ingest.records import is_language_tag

    if not is_language_tag(to):
        raise typer.BadParameter(
            f"{to!r} is not a language code (BCP-47: en, my, zh-Hant)", param_hint="--to"
        )
    with opened(db) as archive:
        if article_id is not None:
            try:
                with _progress(quiet=as_json) as bar:
                    task = bar.add_task(f"article {article_id}", total=None) if bar else None
                    result = translate_article(
                        archive,
                        article_id,
                        to,
                        from_version_id=from_version,
                        progress=(
                            (lambda done, total: bar.update(task, completed=done, total=total))
                            if bar
                            else None
                        ),
                    )
            except ModelPackageMissing as exc:
                fail(_missing(exc))
            except ArchiveError as exc:
                fail(_safe(str(exc)))
            if as_json:
                emit_json(result.to_json())
            else:
                _say(result)
            return
        with archive.session() as session:
            ids = articles_lacking(session=session, language=to)
        results, failures = _translate_many(archive, ids, to, quiet=as_json)
    if as_json:
        emit_json({"translated": [r.to_json() for r in results], "failed": failures})
    else:
        echo(f"{len(results)} translated, {len(failures)} failed")
    if failures:
        raise typer.Exit(1)


@contextmanager
def _progress(*, quiet: bool) -> Iterator[Any]:
    """A rich progress bar on stderr when it is a terminal (None otherwise, or with --json)."""
    console = _stderr_console()
    if quiet or not console.is_terminal:
        yield None
        return
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

    with Progress(
        TextColumn("translating"),
        BarColumn(),
        MofNCompleteColumn(),
        TextColumn("{task.description}"),
        console=console,
        transient=True,
    ) as bar:
        yield bar


def _say(result: Any) -> None:
    verb = "created" if result.created else "already had"
    echo(
        f"article {result.article_id}: {verb} machine version #{result.version_id} "
        f"({result.language}, {result.sentences} sentences, from version "
        f"#{result.source_version_id}, {result.model_package} {result.model_version})"
    )


def _translate_many(
    archive: Any, ids: list[int], target: str, *, quiet: bool
) -> tuple[list[Any], list[dict[str, Any]]]:
    """Translate articles one transaction each; a failure is reported and the rest go on."""
    from archive.mt.store import translate_article

    results: list[Any] = []
    failures: list[dict[str, Any]] = []
    missing_pairs: set[tuple[str, str]] = set()

    def one(article_id: int, progress: Any = None) -> None:
        try:
            results.append(translate_article(archive, article_id, target, progress=progress))
        except ModelPackageMissing as exc:
            failures.append({"article_id": article_id, "error": _missing(exc)})
            if (exc.source, exc.target) not in missing_pairs:
                missing_pairs.add((exc.source, exc.target))
                echo(f"archive: {_missing(exc)}", err=True)
        except ArchiveError as exc:
            failures.append({"article_id": article_id, "error": str(exc)})
            echo(f"archive: article {article_id}: {_safe(str(exc))}", err=True)

    with _progress(quiet=quiet) as bar:
        task = bar.add_task("", total=len(ids)) if bar else None
        for article_id in ids:
            if bar is None:
                one(article_id)
                continue
            bar.update(task, description=f"article {article_id}")
            one(
                article_id,
                lambda done, total, a=article_id: bar.update(
                    task, description=f"article {a}: {done}/{total} sentences"
                ),
            )
            bar.advance(task)
    return results, failures
