"""Commands that align versions: ``align``, ``align-files`` and ``compare``."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any

import typer

from archive.cli._common import DbOption, JsonOption, app, echo, emit_json, fail, opened


@app.command("align")
def align_command(
    article_id: Annotated[int | None, typer.Argument(help="The article to align.")] = None,
    all_articles: Annotated[bool, typer.Option("--all", help="Align every article.")] = False,
    db: DbOption = None,
    as_json: JsonOption = False,
) -> None:
    """Align every pair of versions of an article (or of all articles) and store the beads.

    Beads a person marked as checked are kept; only the rest is aligned again.

    Example: archive align 12   /   archive align --all
    """
    from sqlmodel import col, select

    from archive.alignments import DatabaseLexicons, LexiconCache, align_article
    from archive.errors import ArticleNotFound
    from archive.models import Article
    from archive.mt import mt_translator

    if (article_id is None) == (not all_articles):
        raise typer.BadParameter("give an ARTICLE_ID or --all (not both)")
    results: list[dict[str, Any]] = []
    with opened(db) as archive:
        with archive.session() as session:
            if all_articles:
                ids = list(session.exec(select(Article.id).order_by(col(Article.id))).all())
            else:
                if session.get(Article, article_id) is None:
                    raise ArticleNotFound(article_id or 0)
                ids = [article_id]
        cache = LexiconCache()  # lexicons parsed once for the whole command
        for aid in ids:
            assert aid is not None
            with archive.session() as session, session.begin():
                for alignment in align_article(
                    session=session,
                    article_id=aid,
                    translator_for=mt_translator,
                    lexicons=DatabaseLexicons(session, cache),
                ):
                    results.append(
                        {
                            "article_id": aid,
                            "alignment_id": alignment.id,
                            "src_version_id": alignment.src_version_id,
                            "tgt_version_id": alignment.tgt_version_id,
                            "method": alignment.method,
                        }
                    )
    if as_json:
        emit_json(results)
    else:
        from archive.display import plural

        articles = len({r["article_id"] for r in results})
        echo(f"{plural(len(results), 'alignment')} stored for {plural(articles, 'article')}")


def _read_segments(path: Path, *, presegmented: bool) -> tuple[list[str], list[int], list[int]]:
    """Segments (derived text), their paragraph ids, and their indices as the contract says."""
    from archive.analysis import analyze_text, derive_text
    from archive.ingest.decode import decode_bytes

    text = decode_bytes(path.read_bytes(), source=str(path)).text
    segments: list[str] = []
    paragraphs: list[int] = []
    indices: list[int] = []
    if presegmented:
        paragraph = 0
        for number, line in enumerate(text.splitlines()):
            if not line.strip():
                paragraph += 1
                continue
            segments.append(derive_text(line))
            paragraphs.append(paragraph)
            indices.append(number)
        return segments, paragraphs, indices
    analysis = analyze_text(text)
    for p_index, para in enumerate(analysis.paragraphs):
        for sentence in para.sentences:
            segments.append(derive_text(text[sentence.start : sentence.end]))
            paragraphs.append(p_index)
            indices.append(len(indices))
    return segments, paragraphs, indices


@app.command("align-files")
def align_files_command(
    src: Annotated[Path, typer.Argument(help="Source-language text file.")],
    tgt: Annotated[Path, typer.Argument(help="Target-language text file.")],
    src_lang: Annotated[str, typer.Option("--src-lang", help="Source language code.")],
    tgt_lang: Annotated[str, typer.Option("--tgt-lang", help="Target language code.")],
    presegmented: Annotated[
        bool,
        typer.Option(
            "--presegmented",
            help="Each line is one segment; a blank line ends a paragraph and is not a segment. "
            "Indices are then 0-based line numbers.",
        ),
    ] = False,
    db: DbOption = None,
    as_json: JsonOption = False,
    show_text: Annotated[
        bool,
        typer.Option("--text", help="Print each bead's sentences side by side (source | target)."),
    ] = False,
) -> None:
    """Align two text files (no archive needed) and print the beads.

    With --db, the archive's learned lexicon for the pair is used too.

    Example: archive align-files my.txt en.txt --src-lang my --tgt-lang en --presegmented --json
    """
    from archive.align import align_segments
    from archive.analysis.language import is_language_code

    for option, code in (("--src-lang", src_lang), ("--tgt-lang", tgt_lang)):
        if not is_language_code(code):
            raise typer.BadParameter(
                f"{code!r} is not a language code (BCP-47, e.g. my, en, zh-Hant)",
                param_hint=option,
            )
    for path in (src, tgt):
        if not path.is_file():
            fail(f"{path}: no such file")
    try:
        s_text, s_para, s_index = _read_segments(src, presegmented=presegmented)
        t_text, t_para, t_index = _read_segments(tgt, presegmented=presegmented)
    except OSError as exc:
        fail(f"{exc.filename}: cannot read ({exc.strerror})")
    lexicon = None
    if db is not None:
        from archive.alignments import DatabaseLexicons

        with opened(db, mode="read") as archive, archive.session() as session:
            lexicon = DatabaseLexicons(session).lexicon(src_lang, tgt_lang)
    result = align_segments(
        s_text,
        t_text,
        src_lang=src_lang,
        tgt_lang=tgt_lang,
        src_paragraphs=s_para,
        tgt_paragraphs=t_para,
        lexicon=lexicon,
    )
    beads = [
        {
            "src": [s_index[i] for i in bead.src],
            "tgt": [t_index[j] for j in bead.tgt],
            "score": round(float(bead.score), 4),
        }
        for bead in result.beads
    ]
    if as_json:
        emit_json({"method": result.method, "version": result.version, "beads": beads})
        return
    if show_text:
        _print_side_by_side(result.beads, s_text, t_text, s_index, t_index)
        echo(f"{len(beads)} beads ({result.method})")
        return
    for bead in beads:
        echo(f"{bead['src']!s:>14} ↔ {bead['tgt']!s:<14} {bead['score']:.2f}")
    echo(f"{len(beads)} beads ({result.method})")


def _print_side_by_side(
    beads: Any, s_text: list[str], t_text: list[str], s_index: list[int], t_index: list[int]
) -> None:
    """A table of the beads: indices, source sentences, target sentences, score."""
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    from archive.display import readable

    table = Table(show_lines=True, expand=True)
    table.add_column("src", no_wrap=True)
    table.add_column("source")
    table.add_column("tgt", no_wrap=True)
    table.add_column("target")
    table.add_column("score", justify="right", no_wrap=True)
    for bead in beads:
        table.add_row(
            Text(" ".join(str(s_index[i]) for i in bead.src) or "-"),
            Text(readable(" ".join(s_text[i] for i in bead.src)) or "(none)"),
            Text(" ".join(str(t_index[j]) for j in bead.tgt) or "-"),
            Text(readable(" ".join(t_text[j] for j in bead.tgt)) or "(none)"),
            Text(f"{float(bead.score):.2f}"),
        )
    Console(highlight=False, soft_wrap=False).print(table)


@app.command("compare")
def compare_command(
    article_id: Annotated[int, typer.Argument(help="The article whose versions to compare.")],
    db: DbOption = None,
    as_json: JsonOption = False,
) -> None:
    """What each version adds, drops or changes against the one it is aligned with.

    Example: archive compare 12 --json
    """
    from archive.alignments import compare_article
    from archive.errors import ArticleNotFound
    from archive.models import Article

    with opened(db, mode="read") as archive, archive.session() as session:
        if session.get(Article, article_id) is None:
            raise ArticleNotFound(article_id)
        reports = compare_article(session=session, article_id=article_id)
    if as_json:
        emit_json(reports)
        return
    if not reports:
        echo("No alignments yet: run `archive align ARTICLE_ID` first.")
        return
    for r in reports:
        src: Any = r["src"]
        tgt: Any = r["tgt"]
        mismatches: Any = r["number_mismatches"]
        dropped: Any = r["dropped"]
        added: Any = r["added"]
        carried: Any = r["carried"]
        echo(
            f"{src['kind']} {src['language']} (#{src['id']}) → "
            f"{tgt['kind']} {tgt['language']} (#{tgt['id']}): "
            f"{float(carried) * 100:.0f}% of source sentences carried, "
            f"{len(dropped)} dropped, {len(added)} added, {len(mismatches)} number mismatches"
        )
        for mismatch in mismatches:
            echo(
                f"    numbers differ: source {mismatch['src']} ≠ target {mismatch['tgt']} "
                f"(only in source {mismatch['src_only']}, only in target {mismatch['tgt_only']})"
            )
