"""How fast the terminal UI paints: the library on 10k articles, a 200-paragraph article.

    python benchmarks/tui.py [--articles 10000] [--paragraphs 200] [--db PATH]

Builds its archive in a temporary directory (unless ``--db`` names one to reuse), then runs the
real app headless (`App.run_test`) and prints the figures. Targets: first paint of the library
≤ 1 s on 10k articles; opening a 200-paragraph article ≤ 300 ms. Figures, never assertions.
"""

from __future__ import annotations

import argparse
import asyncio
import datetime as dt
import hashlib
import statistics
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from sqlmodel import select  # noqa: E402
from textual.strip import Strip  # noqa: E402

from archive.db import Archive, open_archive  # noqa: E402
from archive.models import (  # noqa: E402
    Alignment,
    AlignmentLink,
    Article,
    Credit,
    Person,
    Segment,
    Service,
    Version,
)

BURMESE = "မြန်မာ့တပ်မတော်မှ စစ်သားရာပေါင်းများစွာ ပြီးခဲ့သည့် နှစ်ပတ်အတွင်း တပ်ပြေးခဲ့သည်။"
ENGLISH = "Hundreds of junta soldiers have defected over the past two weeks, resistance groups say."


def _sha(text: str) -> str:
    return hashlib.sha256(text.encode()).hexdigest()


def build_library(archive: Archive, count: int) -> None:
    """``count`` two-version articles with a service, a translator and a writer (bulk insert)."""
    with archive.session() as session, session.begin():
        service = Service(key="rfa-my", name="RFA Myanmar Service", language="my")
        people = [Person(key=f"p{i}", name=f"Person Number {i}") for i in range(50)]
        session.add(service)
        session.add_all(people)
        session.flush()
        day = dt.date(2015, 1, 1)
        for n in range(count):
            article = Article(
                identity=f"bench-{n}",
                title=f"Story number {n}: junta soldiers defect in region {n % 14}",
                date=day + dt.timedelta(days=n % 3000),
                service_id=service.id,
            )
            session.add(article)
            session.flush()
            assert article.id is not None
            session.add_all(
                [
                    Version(
                        article_id=article.id,
                        position=0,
                        kind="original",
                        language="my",
                        text=BURMESE,
                        sha256=_sha(f"{n}my"),
                    ),
                    Version(
                        article_id=article.id,
                        position=1,
                        kind="published",
                        language="en",
                        text=ENGLISH,
                        sha256=_sha(f"{n}en"),
                    ),
                    Credit(article_id=article.id, person_id=people[n % 50].id, role="translator"),
                    Credit(article_id=article.id, person_id=people[(n + 7) % 50].id, role="writer"),
                ]
            )


def build_long_article(archive: Archive, paragraphs: int, sentences: int = 3) -> int:
    """One article of ``paragraphs`` paragraphs a side, aligned 1-1; returns its id."""
    with archive.session() as session, session.begin():
        article = Article(identity="bench-long", title="A long article", date=dt.date(2024, 1, 1))
        session.add(article)
        session.flush()
        assert article.id is not None
        ids = []
        for position, (kind, language, sentence) in enumerate(
            (("original", "my", BURMESE), ("published", "en", ENGLISH))
        ):
            parts, spans = [], []
            offset = 0
            for p in range(paragraphs):
                for s in range(sentences):
                    spans.append((p, s, offset, offset + len(sentence)))
                    parts.append(sentence + (" " if s < sentences - 1 else ""))
                    offset += len(parts[-1])
                if p < paragraphs - 1:
                    parts.append("\n\n")
                    offset += 2
            text = "".join(parts)
            version = Version(
                article_id=article.id,
                position=position,
                kind=kind,
                language=language,
                text=text,
                sha256=_sha(text),
            )
            session.add(version)
            session.flush()
            assert version.id is not None
            ids.append(version.id)
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
        alignment = Alignment(
            article_id=article.id,
            src_version_id=ids[0],
            tgt_version_id=ids[1],
            method="bench",
            aligner_version="bench",
        )
        session.add(alignment)
        session.flush()
        assert alignment.id is not None
        session.add_all(
            AlignmentLink(
                alignment_id=alignment.id,
                position=i,
                src_start=i,
                src_end=i + 1,
                tgt_start=i,
                tgt_end=i + 1,
                score=0.9 if i % 17 else 0.3,
                method="bench",
            )
            for i in range(paragraphs * sentences)
        )
        return article.id


async def first_paint(archive: Archive) -> float:
    """Seconds from starting the app to the library's first page on screen."""
    from tui.app import make_app

    start = time.perf_counter()
    app = make_app(archive)
    async with app.run_test(size=(160, 45)) as pilot:
        while not app.library.table.row_count:
            await asyncio.sleep(0.002)
        await pilot.pause()
        elapsed = time.perf_counter() - start
    return elapsed


async def open_article(archive: Archive, article_id: int) -> tuple[float, int]:
    """Seconds from pushing the article screen to the reader's first row of text drawn (the
    "what changed" report is computed after that, in a worker); and the bead count."""
    from tui.app import make_app
    from tui.screens.article import ArticleScreen
    from tui.widgets.bead_row import BeadRow

    painted: list[float] = []
    render_line = BeadRow.render_line

    def timed(self: BeadRow, y: int) -> Strip:
        if y > 0 and self.layout_rows is not None and not painted:
            painted.append(time.perf_counter())  # the first row of text drawn
        return render_line(self, y)

    BeadRow.render_line = timed  # type: ignore[method-assign]
    app = make_app(archive)
    try:
        async with app.run_test(size=(160, 45)) as pilot:
            while not app.library.table.row_count:
                await asyncio.sleep(0.002)
            await pilot.pause()
            start = time.perf_counter()
            screen = ArticleScreen(archive, article_id)
            await app.push_screen(screen)
            while not painted:
                await asyncio.sleep(0.001)
            assert screen.view is not None
            beads = len(screen.view.beads)
            await app.workers.wait_for_complete()
    finally:
        BeadRow.render_line = render_line  # type: ignore[method-assign]
    return painted[0] - start, beads


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--paragraphs", type=int, default=200)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--db", type=Path, help="reuse (or create) this archive file")
    args = parser.parse_args()

    folder = Path(tempfile.mkdtemp(prefix="tui-bench-"))
    path = args.db or folder / "bench.db"
    fresh = not path.exists()
    archive = open_archive(path)
    if fresh:
        start = time.perf_counter()
        build_library(archive, args.articles)
        long_id = build_long_article(archive, args.paragraphs)
        print(
            f"built {args.articles:,} articles + 1 long one in {time.perf_counter() - start:.1f} s"
        )
    else:
        with archive.session() as session:
            long_id = session.exec(select(Article.id).where(Article.identity == "bench-long")).one()
        assert long_id is not None

    paints = [asyncio.run(first_paint(archive)) for _ in range(args.runs)]
    opens = [asyncio.run(open_article(archive, long_id)) for _ in range(args.runs)]
    beads = opens[0][1]
    print(
        f"library first paint, {args.articles:,} articles: "
        f"median {statistics.median(paints) * 1000:.0f} ms, max {max(paints) * 1000:.0f} ms "
        "(target ≤ 1000 ms)"
    )
    times = [t for t, _ in opens]
    print(
        f"open a {args.paragraphs}-paragraph article ({beads} beads): "
        f"median {statistics.median(times) * 1000:.0f} ms, max {max(times) * 1000:.0f} ms "
        "(target ≤ 300 ms)"
    )
    archive.close()


if __name__ == "__main__":
    main()
