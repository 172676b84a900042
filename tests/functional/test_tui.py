"""The terminal UI driven for real: `make_app` on a temp archive, keys pressed through Pilot."""

from __future__ import annotations

from pathlib import Path

import pytest
from rich.cells import cell_len
from textual.widgets import DataTable, Input, Static

from archive.db import Archive
from archive.models import AlignmentLink
from tests.functional.tui_helpers import open_article, settle
from tests.snapshots.tui_archive import build_many, build_sample
from tui.app import ArchiveApp, make_app
from tui.screens.article import ArticleScreen
from tui.screens.help import HelpScreen
from tui.screens.library import LibraryScreen
from tui.screens.people import PeopleScreen
from tui.screens.search import SearchScreen
from tui.screens.version_pair import VersionPairScreen
from tui.widgets.bead_row import BeadRow

SIZE = (120, 36)

pytestmark = pytest.mark.anyio


@pytest.fixture
def sample(archive: Archive) -> dict[str, int]:
    """The sample articles (Burmese/English, hostile markup, one version, unaligned, scripts)."""
    return build_sample(archive)


def notes_of(app: ArchiveApp, monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Collect the app's notifications."""
    notes: list[str] = []
    monkeypatch.setattr(app, "notify", lambda message, **_: notes.append(str(message)))
    return notes


def reader_lines(reader: BeadRow) -> list[str]:
    """Every line the reader would paint, as plain text (header first)."""
    layout = reader.layout_rows
    assert layout is not None
    lines = [reader._header_strip(layout)]
    lines += [reader._row_strip(layout, i, False) for i in range(len(layout.rows))]
    return ["".join(segment.text for segment in strip) for strip in lines]


# --------------------------------------------------------------------------- library


async def test_library_lists_articles_newest_first_with_a_count(
    archive: Archive, sample: dict[str, int]
) -> None:
    app = make_app(archive)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        table = app.library.table
        assert 5 == table.row_count
        assert [sample[k] for k in ("defectors", "hostile", "single", "unaligned", "scripts")] == [
            table.article_id_at(i) for i in range(5)
        ]
        assert "5 articles" in app.library.sub_title
        first = [str(cell) for cell in table.get_row_at(0)]
        assert [
            "2024-04-19",
            "Hundreds of junta soldiers defect",
            "RFA Myanmar Service",
            "my, en",
            "Khin Maung Nyane",
            "Eugene Whong",
        ] == first


async def test_library_filter_by_person_role_service_language_year_and_title(
    archive: Archive, sample: dict[str, int]
) -> None:
    app = make_app(archive)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        library = app.library
        cases = {
            'translator:"Khin Maung Nyane"': [sample["defectors"]],
            "lang:ug": [sample["unaligned"], sample["scripts"]],
            'service:"RFA Lao Service"': [sample["single"]],
            "year:2021": [sample["unaligned"]],
            "2023": [sample["hostile"]],
            "junta": [sample["defectors"]],
        }
        for text, expected in cases.items():
            await pilot.press("slash")
            assert isinstance(app.focused, Input)
            app.focused.value = ""
            await pilot.press(*text)
            await pilot.pause(0.3)
            await settle(pilot)
            table = library.table
            assert expected == [table.article_id_at(i) for i in range(table.row_count)], text
            assert f"{len(expected)} of 5 articles match" in library.sub_title
            await pilot.press("enter")  # back to the table
            assert app.focused is table


async def test_library_sorts_by_column(archive: Archive, sample: dict[str, int]) -> None:
    app = make_app(archive)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("o")  # date -> title, A to Z
        await settle(pilot)
        table = app.library.table
        titles = [str(table.get_row_at(i)[1]) for i in range(table.row_count)]
        assert sorted(titles, key=str.lower) == titles
        await pilot.press("r")
        await settle(pilot)
        assert list(reversed(titles)) == [
            str(table.get_row_at(i)[1]) for i in range(table.row_count)
        ]
        app.library.sort_by("translators")
        await settle(pilot)
        assert sample["unaligned"] == table.article_id_at(0)  # Alim Seytoff; blanks last


async def test_library_loads_pages_lazily_as_the_cursor_moves(archive: Archive) -> None:
    build_many(archive, 450)
    app = make_app(archive, page_size=100)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        table = app.library.table
        assert 100 == table.row_count
        assert "450 articles" in app.library.sub_title
        table.move_cursor(row=90)
        await settle(pilot)
        assert 200 == table.row_count
        for _ in range(5):
            await pilot.press("end")
            await settle(pilot)
        assert 450 == table.row_count
        ids = [table.article_id_at(i) for i in range(table.row_count)]
        assert len(set(ids)) == 450


async def test_empty_archive_says_how_to_import(archive: Archive) -> None:
    app = make_app(archive)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        empty = app.library.query_one("#empty", Static)
        assert empty.display
        assert "The archive is empty." in str(empty.render())
        assert "archive import PATH" in str(empty.render())
        assert not app.library.table.display


# --------------------------------------------------------------------------- article reader


async def test_reader_shows_original_and_published_english_bead_by_bead(
    archive: Archive, sample: dict[str, int]
) -> None:
    app = make_app(archive)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, ArticleScreen)
        reader = screen.reader
        assert reader.display and app.focused is reader
        view = screen.view
        assert view is not None
        assert ("original", "published") == (view.src.kind, view.tgt.kind)
        assert ["2-1", "1-1", "1-0", "1-1", "1-1", "0-1"] == [b.kind for b in view.beads]
        lines = reader_lines(reader)
        assert "Original · my" in lines[0] and "Published · en" in lines[0]
        gutters = [line[0] for line in lines[1:] if line.strip()]
        assert "−" in gutters and "+" in gutters and "!" in gutters
        assert any("· not in this version ·" in line for line in lines)
        assert any("¶ The defectors fled" in line for line in lines)
        await pilot.press("down", "down")
        assert 2 == reader.cursor
        assert reader.current is not None and "1-0" == reader.current.kind
        panel = screen.query_one("#changes")
        assert "1 dropped" in str(panel.title) and "1 added" in str(panel.title)


async def test_provenance_panel_shows_the_credit_chain_and_version_tree(
    archive: Archive, sample: dict[str, int]
) -> None:
    app = make_app(archive)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_article(pilot, app, sample["defectors"])
        chain = str(screen.query_one("#chain", Static).render())
        assert chain.index("RFA Myanmar Service") < chain.index("Khin Maung Nyane")
        assert chain.index("Translator") < chain.index("Writer")
        tree = screen.query_one("#version-tree")
        root = tree.root  # type: ignore[attr-defined]
        (original,) = root.children
        assert "original · my" in str(original.label)
        assert ["R #2 published · en"] == [str(c.label) for c in original.children]


async def test_provenance_panel_shows_the_capture_date_and_a_derived_title(
    archive: Archive, tmp_path: Path
) -> None:
    from archive.ingest.pipeline import import_paths

    page = tmp_path / "page.txt"
    page.write_text(
        "Friday, April 19, 2024\n\nHomeAsia\n\n"
        "Soldiers burned 35 houses in a village in Sagaing region, residents said.\n\n"
        "The junta did not respond to requests for comment.\n",
        encoding="utf-8",
    )
    summary = import_paths(archive, [page])
    (item,) = summary.outcomes
    assert item.article_id is not None
    app = make_app(archive)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_article(pilot, app, item.article_id)
        chain = str(screen.query_one("#chain", Static).render())
        assert "Captured    2024-04-19 (the page was saved; not published)" in chain
        assert "made from the lead: the page shows no headline" in chain


async def test_both_sides_of_a_bead_get_the_same_height_in_every_script(
    archive: Archive, sample: dict[str, int]
) -> None:
    app = make_app(archive)
    async with app.run_test(size=SIZE) as pilot:
        for name, pair in (("defectors", None), ("scripts", None), ("scripts", (2, 3))):
            screen = await open_article(pilot, app, sample[name])
            if pair:
                versions = screen.article["versions"]  # type: ignore[index]
                screen._load((versions[pair[0]]["id"], versions[pair[1]]["id"]), 0)
                await settle(pilot)
            reader = screen.reader
            layout = reader.layout_rows
            assert layout is not None
            width = reader.scrollable_content_region.width
            for index, start in enumerate(layout.starts):
                rows = layout.rows[start : start + layout.heights[index]]
                assert all(r.bead == index for r in rows)
                for row in rows:
                    assert row.src is None or cell_len(row.src.text) <= layout.src_width
                    assert row.tgt is None or cell_len(row.tgt.text) <= layout.tgt_width
            for y in range(reader.size.height):
                assert width == reader.render_line(y).cell_length
            app.pop_screen()
            await settle(pilot)


async def test_article_text_is_shown_literally_never_as_markup_or_escapes(
    archive: Archive, sample: dict[str, int]
) -> None:
    app = make_app(archive)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_article(pilot, app, sample["hostile"])
        text = "\n".join(reader_lines(screen.reader))
        assert "Plain text [bold red]x[/] here." in text
        assert "A second ␛[31m sentence." in text
        assert "\x1b" not in text
        assert "\x1b" not in screen.sub_title and "[bold red]" in screen.sub_title
        app.pop_screen()
        await settle(pilot)
        title = str(app.library.table.get_row_at(1)[1])
        assert "Markup [bold red]in a title[/] ␛[31m" == title


async def test_check_merge_split_change_the_stored_alignment(
    archive: Archive, sample: dict[str, int], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("ARCHIVE_REVIEWER", "Daw Khin")
    app = make_app(archive)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_article(pilot, app, sample["defectors"])
        reader = screen.reader
        await pilot.press("down")
        await pilot.press("c")
        await settle(pilot)
        assert screen.view is not None and screen.view.beads[1].checked
        assert 1 == reader.cursor
        with archive.session() as session:
            link = session.get(AlignmentLink, screen.view.beads[1].link_id)
            assert link is not None and link.checked and "Daw Khin" == link.checked_by
        await pilot.press("m")  # 1-1 + 1-0 -> 2-1
        await settle(pilot)
        assert ["2-1", "2-1", "1-1", "1-1", "0-1"] == [b.kind for b in screen.view.beads]
        await pilot.press("s")  # back to 1-1 and 1-0
        await settle(pilot)
        assert ["2-1", "1-1", "1-0", "1-1", "1-1", "0-1"] == [b.kind for b in screen.view.beads]
        await pilot.press("end")
        notes: list[str] = []
        app.notify = lambda message, **_: notes.append(str(message))  # type: ignore[method-assign]
        await pilot.press("s")  # a 0-1 bead cannot be split
        await settle(pilot)
        assert ["bead 6: a 0-1 bead cannot be split"] == notes


async def test_unaligned_pair_says_so_and_a_aligns_it(
    archive: Archive, sample: dict[str, int]
) -> None:
    app = make_app(archive)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_article(pilot, app, sample["unaligned"])
        note = screen.query_one("#reader-note", Static)
        assert note.display and "Not aligned yet — press a to align" in str(note.render())
        assert not screen.reader.display
        await pilot.press("a")
        await settle(pilot)
        assert screen.view is not None and screen.reader.display
        assert screen.view.beads  # the aligner's beads over two sentences each side
        assert 2 == sum(len(b.src) for b in screen.view.beads)


async def test_article_with_one_version_shows_it_alone_with_a_note(
    archive: Archive, sample: dict[str, int], monkeypatch: pytest.MonkeyPatch
) -> None:
    app = make_app(archive)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_article(pilot, app, sample["single"])
        note = str(screen.query_one("#reader-note", Static).render())
        assert "Only one version" in note
        assert "ລັດຖະບານລາວ" in str(screen.query_one("#single-text", Static).render())
        notes = notes_of(app, monkeypatch)
        await pilot.press("a")
        await pilot.press("v")
        assert [
            "Only one version: nothing to align.",
            "This article has fewer than two versions.",
        ] == notes


async def test_translate_without_a_package_says_which_pair_is_missing(
    archive: Archive, sample: dict[str, int], monkeypatch: pytest.MonkeyPatch
) -> None:
    app = make_app(archive)
    async with app.run_test(size=SIZE) as pilot:
        await open_article(pilot, app, sample["defectors"])
        notes = notes_of(app, monkeypatch)
        await pilot.press("t")
        await settle(pilot)
        assert ["no translation package installed for my -> en"] == notes


async def test_v_chooses_another_pair(archive: Archive, sample: dict[str, int]) -> None:
    app = make_app(archive)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_article(pilot, app, sample["scripts"])
        assert screen.view is not None and ("bo", "zh-Hans") == (
            screen.view.src.language,
            screen.view.tgt.language,
        )
        await pilot.press("v")
        await pilot.pause()
        assert isinstance(app.screen, VersionPairScreen)
        # It opens on the left list, and says so in words, not only by colour (issue #20).
        assert app.focused is not None and "left-versions" == app.focused.id
        assert "▶ Left — choosing" == str(app.screen.query_one("#left-label").render())
        assert "Right" == str(app.screen.query_one("#right-label").render()).strip()
        await pilot.press("right")
        assert "▶ Right — choosing" == str(app.screen.query_one("#right-label").render())
        assert app.screen.query_one("#right-versions").has_class("choosing")
        assert not app.screen.query_one("#left-versions").has_class("choosing")
        await pilot.press("left", "down", "down")  # left side: km
        await pilot.press("right", "down", "down")  # right side: zh-Hans -> km -> ug
        await pilot.press("enter")
        await settle(pilot)
        assert screen.view is not None and ("km", "ug") == (
            screen.view.src.language,
            screen.view.tgt.language,
        )


# --------------------------------------------------------------------------- search


async def test_search_opens_the_article_at_the_hit(
    archive: Archive, sample: dict[str, int]
) -> None:
    app = make_app(archive)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("s")
        assert isinstance(app.screen, SearchScreen)
        await pilot.press(*"Thai border", "enter")
        await settle(pilot)
        search = app.screen
        assert isinstance(search, SearchScreen)
        assert 1 == len(search.hits)
        table = search.query_one("#results", DataTable)
        row = [str(c) for c in table.get_row_at(0)]
        assert ["en", "published", "Hundreds of junta soldiers defect"] == row[:3]
        assert "Some reached the Thai border." == row[3]
        await pilot.press("enter")
        await settle(pilot)
        article = app.screen
        assert isinstance(article, ArticleScreen)
        assert article.reader.current is not None
        assert ["Some reached the Thai border."] == [s.text for s in article.reader.current.tgt]
        assert 4 == article.reader.cursor


async def test_search_in_burmese_finds_the_original(
    archive: Archive, sample: dict[str, int]
) -> None:
    app = make_app(archive)
    async with app.run_test(size=SIZE) as pilot:
        app.action_search("ထိုင်းနယ်စပ်")
        await settle(pilot)
        search = app.screen
        assert isinstance(search, SearchScreen) and search.hits
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, ArticleScreen)
        bead = app.screen.reader.current
        assert bead is not None and "ထိုင်းနယ်စပ်" in bead.src[0].text


async def test_bad_query_is_a_one_line_notification(
    archive: Archive, sample: dict[str, int], monkeypatch: pytest.MonkeyPatch
) -> None:
    app = make_app(archive)
    async with app.run_test(size=SIZE) as pilot:
        notes = notes_of(app, monkeypatch)
        app.action_search()
        await pilot.pause()
        await pilot.press(*"lang:", "enter")
        await settle(pilot)
        assert 1 == len(notes) and "\n" not in notes[0]
        assert "lang: needs a value" in notes[0]


# --------------------------------------------------------------------------- people, help, palette


async def test_choosing_a_translator_filters_the_library(
    archive: Archive, sample: dict[str, int]
) -> None:
    app = make_app(archive)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("p")
        await settle(pilot)
        people = app.screen
        assert isinstance(people, PeopleScreen)
        index = people.people.index(("Khin Maung Nyane", "translator", 1, 1))
        people.query_one("#people", DataTable).move_cursor(row=index)
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, LibraryScreen)
        assert 'translator:"Khin Maung Nyane"' == app.library.query_one("#filter", Input).value
        assert [sample["defectors"]] == [app.library.table.article_id_at(0)]
        assert 1 == app.library.table.row_count


async def test_choosing_a_service_filters_the_library(
    archive: Archive, sample: dict[str, int]
) -> None:
    app = make_app(archive)
    async with app.run_test(size=SIZE) as pilot:
        app.action_people()
        await settle(pilot)
        await pilot.press("2")
        people = app.screen
        assert isinstance(people, PeopleScreen)
        names = [s["name"] for s in people.services]
        people.query_one("#services", DataTable).move_cursor(row=names.index("RFA Uyghur Service"))
        await pilot.press("enter")
        await settle(pilot)
        assert [sample["unaligned"]] == [
            app.library.table.article_id_at(i) for i in range(app.library.table.row_count)
        ]


async def test_help_escape_q_and_quit(archive: Archive, sample: dict[str, int]) -> None:
    app = make_app(archive)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpScreen)
        await pilot.press("escape")
        assert isinstance(app.screen, LibraryScreen)
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, ArticleScreen)
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpScreen)
        await pilot.press("q")
        assert isinstance(app.screen, ArticleScreen)
        await pilot.press("q")
        assert isinstance(app.screen, LibraryScreen)
        await pilot.press("escape")  # escape never quits
        assert app.is_running
        await pilot.press("q")
        await pilot.pause()
    assert app.return_code == 0


async def test_command_palette_has_our_commands(archive: Archive, sample: dict[str, int]) -> None:
    app = make_app(archive)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"people and")
        await pilot.pause(0.5)
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, PeopleScreen)
        app.pop_screen()
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*f"#{sample['hostile']}")
        await pilot.pause(0.5)
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, ArticleScreen)
        assert sample["hostile"] == app.screen.article_id


async def test_missing_article_is_a_note_not_a_crash(
    archive: Archive, sample: dict[str, int]
) -> None:
    app = make_app(archive)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_article(pilot, app, 999)
        assert "article 999: no such article" in str(
            screen.query_one("#reader-note", Static).render()
        )


async def test_translate_with_an_installed_package_reads_the_machine_version(
    archive: Archive,
    sample: dict[str, int],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    pytest.importorskip("ctranslate2")
    pytest.importorskip("sentencepiece")
    from archive.mt import engine, install_package
    from tests import mtpack

    monkeypatch.setenv("ARCHIVE_MT_DIR", str(tmp_path / "packages"))
    engine.clear_caches()
    package = mtpack.build_package(tmp_path / "translate-my_en-1_0.argosmodel", "my", "en")
    install_package(package)
    app = make_app(archive)
    try:
        async with app.run_test(size=SIZE) as pilot:
            screen = await open_article(pilot, app, sample["defectors"])
            await pilot.press("t")
            await settle(pilot)
            view = screen.view
            assert view is not None
            assert ("original", "machine") == (view.src.kind, view.tgt.kind)
            assert 6 == len(view.beads)  # one machine sentence per Burmese sentence
            assert all("1-1" == bead.kind for bead in view.beads)
            label = reader_lines(screen.reader)[0]
            assert "Machine · en" in label
    finally:
        engine.clear_caches()


async def test_provenance_panel_lists_the_web_captures_of_each_version(
    archive: Archive, tmp_path: Path
) -> None:
    from archive.ingest.pipeline import import_paths
    from tests.warcbuild import SOFTWARE, WarcBuilder, article_html

    url = "https://www.rfa.org/english/news/myanmar/captured-04192024.html"
    story = [
        "Villagers said soldiers had burned 35 houses on Sunday, forcing 1,200 people to flee.",
        "“We could only carry our children,” one resident told RFA on Monday.",
    ]
    html = article_html(
        "Troops Burn Village Houses",
        story,
        date="2024-04-19",
        credit_line="Reported by RFA's Myanmar Service. Written in English by Eugene Whong.",
    )
    builder = WarcBuilder()
    builder.response(url, html.encode(), date="2024-04-19T09:15:00Z")
    second = builder.offset()
    builder.response(url, html.encode(), date="2024-04-20T09:15:00Z")
    summary = import_paths(archive, [builder.save(tmp_path / "c.warc.gz")], align=False)
    article_id = summary.outcomes[0].article_id
    assert article_id is not None

    app = make_app(archive)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_article(pilot, app, article_id)
        lines = str(screen.query_one("#captures", Static).render()).splitlines()
        assert screen.query_one("#captures-heading").display
        assert 4 == len(lines)  # two captures of the one version, two lines each
        assert lines[0].startswith("#") and "2024-04-19 09:15:00Z" in lines[0]
        assert url in lines[0] and SOFTWARE in lines[0]
        assert lines[3].strip().startswith(f"{tmp_path / 'c.warc.gz'} @{second} · sha1:")
        assert "2024-04-20 09:15:00Z" in lines[2]
