"""A link in a JSONL export (``links``), and recorded again when the export is imported."""

from __future__ import annotations

import datetime as dt
import json
import re
from typing import Any

from sqlmodel import Session

from archive.linking.links import active_links, link_english
from archive.models import ArticleLink

__all__ = ["links_record", "restore_links"]


def links_record(session: Session, article_id: int) -> list[dict[str, Any]]:
    """The article's active links for a JSONL export (``links`` key): how each was made and
    what the English story record was (``english``: its id there, title and URL)."""
    out = []
    for link in active_links(session, [article_id]):
        english = link_english(link)
        out.append(
            {
                "method": link.method,
                "score": link.score,
                "by": link.by,
                "at": link.created_at.isoformat(),
                "english": {
                    "id": link.english_id,
                    "title": english["title"],
                    "url": english["url"],
                },
            }
        )
    return out


_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")


def restore_links(session: Session, article_id: int, items: object) -> list[str]:
    """Record the links of a JSONL export's ``links`` key on the article it was imported as
    (already one article). They keep how they were made; they cannot be undone here. Returns
    what was skipped, each as ``links[N]: reason``."""
    if not isinstance(items, list):
        return [] if items is None else ["links: not a list"]
    skipped = []
    held = {
        (link.method, link.by, link.created_at.isoformat())
        for link in active_links(session, [article_id])
    }
    for n, item in enumerate(items):
        problem = _link_item_problem(item)
        if problem:
            skipped.append(f"links[{n}]: {problem}")
            continue
        assert isinstance(item, dict)
        at = dt.datetime.fromisoformat(item["at"])
        if (item["method"], item.get("by"), at.isoformat()) in held:
            continue
        english = item.get("english") if isinstance(item.get("english"), dict) else {}
        assert isinstance(english, dict)
        kept = {
            "imported": True,
            "title": english.get("title") if isinstance(english.get("title"), str) else None,
            "url": english.get("url") if isinstance(english.get("url"), str) else None,
            "id_there": english.get("id") if isinstance(english.get("id"), int) else None,
        }
        session.add(
            ArticleLink(
                original_id=article_id,
                english_id=None,
                method=item["method"],
                score=float(item["score"]) if item.get("score") is not None else None,
                by=item.get("by"),
                created_at=at,
                snapshot=json.dumps(kept, ensure_ascii=False, sort_keys=True),
            )
        )
    session.flush()
    return skipped


def _link_item_problem(item: object) -> str | None:
    if not isinstance(item, dict):
        return "not an object"
    if item.get("method") not in ("auto", "manual"):
        return "method must be 'auto' or 'manual'"
    by = item.get("by")
    if by is not None and (not isinstance(by, str) or _CONTROL.search(by)):
        return "by must be one line of text"
    score = item.get("score")
    if score is not None and (isinstance(score, bool) or not isinstance(score, int | float)):
        return "score must be a number"
    try:
        dt.datetime.fromisoformat(str(item.get("at")))
    except ValueError:
        return "at must be an ISO date and time"
    return None
