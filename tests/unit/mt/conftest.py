"""MT fixtures: tiny real packages built once per session, a packages folder per test."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from archive.db import Archive
from archive.identity import sha256_text
from archive.models import Article, Segment, Version
from tests import mtpack


@dataclass(frozen=True)
class TinyPackages:
    """Package files built for the session (read-only: tests copy or install them)."""

    my_en: Path
    my_en_v2: Path
    en_km: Path
    folder: Path


def build_tiny_packages(folder: Path) -> TinyPackages:
    """Build my->en (1.0 and 1.1) and en->km, sharing one sentencepiece model."""
    sp_model = mtpack.train_sentencepiece(mtpack.training_lines(("eng", "mya", "khm"), 200))
    return TinyPackages(
        my_en=mtpack.build_package(
            folder / "translate-my_en-1_0.argosmodel", "my", "en", sp_model=sp_model
        ),
        my_en_v2=mtpack.build_package(
            folder / "translate-my_en-1_1.argosmodel", "my", "en", version="1.1", sp_model=sp_model
        ),
        en_km=mtpack.build_package(
            folder / "translate-en_km-1_0.argosmodel", "en", "km", sp_model=sp_model
        ),
        folder=folder,
    )


@pytest.fixture(scope="session")
def tiny_packages(tmp_path_factory: pytest.TempPathFactory) -> TinyPackages:
    """Real ``.argosmodel`` files with random weights, built once per test session."""
    return build_tiny_packages(tmp_path_factory.mktemp("argosmodels"))


@pytest.fixture(autouse=True)
def mt_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """This test's packages folder (``$ARCHIVE_MT_DIR``, not created yet); caches cleared."""
    from archive.mt import engine

    folder = tmp_path / "mt" / "argos-packages"
    (tmp_path / "mt").mkdir()
    monkeypatch.setenv("ARCHIVE_MT_DIR", str(folder))
    for name in ("BEAM_SIZE", "INTER_THREADS", "INTRA_THREADS", "BATCH_SIZE"):
        monkeypatch.delenv(f"ARCHIVE_MT_{name}", raising=False)
    engine.clear_caches()
    yield folder
    engine.clear_caches()


def add_article(
    archive: Archive,
    paragraphs: list[list[str]],
    *,
    language: str = "my",
    kind: str = "original",
    title: str | None = "A title",
    segments: bool = True,
    article_id: int | None = None,
) -> Version:
    """Store an article (or a version of ``article_id``) whose segments are the given
    sentences; paragraphs are separated by a blank line, sentences by one space."""
    text = ""
    spans: list[tuple[int, int, int, int]] = []
    for p_index, sentences in enumerate(paragraphs):
        if p_index:
            text += "\n\n"
        for s_index, sentence in enumerate(sentences):
            if s_index:
                text += " "
            spans.append((p_index, s_index, len(text), len(text) + len(sentence)))
            text += sentence
    with archive.session() as session, session.begin():
        if article_id is None:
            article = Article(identity=f"t:{sha256_text(text)}", title=title or "untitled")
            session.add(article)
            session.flush()
            assert article.id is not None
            article_id = article.id
        version = Version(
            article_id=article_id,
            kind=kind,
            language=language,
            title=title,
            text=text,
            sha256=sha256_text(text),
        )
        session.add(version)
        session.flush()
        assert version.id is not None
        if segments:
            session.add_all(
                Segment(
                    version_id=version.id,
                    seq=seq,
                    paragraph=p,
                    sentence=s,
                    start=a,
                    end=b,
                    language=language,
                )
                for seq, (p, s, a, b) in enumerate(spans)
            )
    return version


def sample_paragraphs(n_paragraphs: int = 3, per_paragraph: int = 3) -> list[list[str]]:
    """Burmese sentences (Zawgyi, as NTREX publishes them) grouped into paragraphs."""
    lines = mtpack.training_lines(("mya",), n_paragraphs * per_paragraph)
    return [lines[i * per_paragraph : (i + 1) * per_paragraph] for i in range(n_paragraphs)]
