"""The reviewer's name (option, environment, config file; never the login) and edit records."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import inspect

from archive.db import Archive, open_archive
from archive.history import (
    EditAlreadyUndone,
    EditNotFound,
    all_history,
    article_history,
    mark_undone,
    record_edit,
)
from archive.models import Article
from archive.reviewer import (
    BadConfigFile,
    BadReviewerName,
    ReviewerUnknown,
    config_file,
    require_reviewer,
    reviewer_name,
    save_reviewer,
)


def test_no_name_anywhere_is_none_never_the_login() -> None:
    assert reviewer_name() is None
    with pytest.raises(ReviewerUnknown, match="--reviewer"):
        require_reviewer()


def test_option_beats_environment_beats_config(tmp_path: Path) -> None:
    config = tmp_path / "config.toml"
    config.write_text('reviewer = "Daw Khin"\n', encoding="utf-8")
    env = {"ARCHIVE_REVIEWER": "Ko Aung"}
    assert reviewer_name(config=config) == "Daw Khin"
    assert reviewer_name(environ=env, config=config) == "Ko Aung"
    assert reviewer_name(" 王小明 ", environ=env, config=config) == "王小明"


def test_saved_name_is_read_back_and_other_settings_kept(monkeypatch: pytest.MonkeyPatch) -> None:
    path = config_file()
    path.parent.mkdir(parents=True)
    path.write_text('theme = "dark"\nreviewer = "old"\n', encoding="utf-8")
    save_reviewer('မောင် "Maung" Aye')
    assert reviewer_name() == 'မောင် "Maung" Aye'
    assert 'theme = "dark"' in path.read_text(encoding="utf-8")
    monkeypatch.setenv("ARCHIVE_REVIEWER", "from env")
    assert require_reviewer() == "from env"


@pytest.mark.parametrize("name", ["", "   ", "a\x1b[31mb", "x" * 201])
def test_unrecordable_names_are_refused(name: str) -> None:
    with pytest.raises(BadReviewerName, match="--reviewer"):
        reviewer_name(name)


def test_broken_config_file_names_the_file(tmp_path: Path) -> None:
    config = tmp_path / "config.toml"
    config.write_text("reviewer = \n", encoding="utf-8")
    with pytest.raises(BadConfigFile, match=str(config)):
        reviewer_name(config=config)
    config.write_text("reviewer = 3\n", encoding="utf-8")
    with pytest.raises(BadConfigFile, match="must be a string"):
        reviewer_name(config=config)


def test_edits_are_recorded_listed_and_undone_once(archive: Archive) -> None:
    with archive.session() as session:
        article = Article(identity="x", title="A story")
        session.add(article)
        session.flush()
        assert article.id is not None
        first = record_edit(
            session,
            article_id=article.id,
            target="article",
            target_id=article.id,
            action="set-date",
            before={"date": None},
            after={"date": "2021-09-21"},
            reviewer="Daw Khin",
        )
        record_edit(
            session,
            article_id=None,
            target="person",
            target_id=7,
            action="merge-people",
            before={"name": "U Tin"},
            after={"into": 3},
            reviewer="Ko Aung",
        )
        session.commit()
        assert first.id is not None
        (entry,) = article_history(session, article.id)
        assert (entry.action, entry.before, entry.after) == (
            "set-date",
            {"date": None},
            {"date": "2021-09-21"},
        )
        assert entry.to_json()["reviewer"] == "Daw Khin"
        assert [e.action for e in all_history(session, target="person")] == ["merge-people"]
        mark_undone(session, first.id, by="Ko Aung")
        session.commit()
        (entry,) = article_history(session, article.id)
        assert entry.undone_by == "Ko Aung" and entry.undone_at is not None
        with pytest.raises(EditAlreadyUndone):
            mark_undone(session, first.id, by="Ko Aung")
        with pytest.raises(EditNotFound, match="edit 999"):
            mark_undone(session, 999, by="x")


def test_edit_table_comes_from_the_migration(tmp_path: Path) -> None:
    opened = open_archive(tmp_path / "a.db")
    try:
        columns = {c["name"] for c in inspect(opened.engine).get_columns("edit")}
    finally:
        opened.close()
    assert {"before", "after", "reviewer", "undone_at", "target", "action"} <= columns
