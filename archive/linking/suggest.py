"""PLACEHOLDER suggester (branch i17b): same service, dates close, numbers shared.

The real scorer (issue #17 part A) replaces this file at merge with the same signatures. In a
`Suggestion`, ``article_id`` is the ORIGINAL-language article and ``candidate_id`` the
English-only one.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections import defaultdict
from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass, field

from sqlmodel import Session, col, select

from archive.models import Article, Version

__all__ = ["Suggestion", "confident", "suggest_links"]

THRESHOLD = 0.5
MARGIN = 0.1


@dataclass(frozen=True)
class Suggestion:
    """``article_id`` (the original) may be ``candidate_id`` (the English story)."""

    article_id: int
    candidate_id: int
    score: float
    evidence: dict[str, object] = field(default_factory=dict)
    mutual_best: bool = False
    margin: float = 0.0

    def to_json(self) -> dict[str, object]:
        return {
            "article": self.article_id,
            "candidate": self.candidate_id,
            "score": round(self.score, 4),
            "evidence": self.evidence,
            "mutual_best": self.mutual_best,
            "margin": round(self.margin, 4),
        }


_NUMBER = re.compile(r"\d[\d,.]*\d|\d", re.UNICODE)


def _numbers(text: str) -> set[str]:
    out = set()
    for match in _NUMBER.finditer(text):
        digits = "".join(
            str(unicodedata.digit(c))
            for c in match.group()
            if unicodedata.digit(c, None) is not None
        )
        if digits:
            out.add(digits.lstrip("0") or "0")
    return out


def suggest_links(
    session: Session,
    *,
    service: str | None = None,
    since: dt.date | None = None,
    until: dt.date | None = None,
    article_ids: Collection[int] | None = None,
    rejected: Collection[tuple[int, int]] = (),
    translate: Callable[[str, str, Sequence[str]], list[str]] | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> list[Suggestion]:
    """Pairs (original, English) of one service, English 0-3 days later, sharing numbers."""
    from archive.linking.links import side_of
    from archive.provenance import service_ids_matching

    statement = select(Article)
    if service is not None:
        statement = statement.where(
            col(Article.service_id).in_(service_ids_matching(session, service))
        )
    if since is not None:
        statement = statement.where(col(Article.date) >= since)
    if until is not None:
        statement = statement.where(col(Article.date) <= until)
    articles = {a.id: a for a in session.exec(statement).all()}
    versions: dict[int, list[Version]] = defaultdict(list)
    for v in session.exec(select(Version).where(col(Version.article_id).in_(list(articles)))):
        versions[v.article_id].append(v)
    sides = {i: side_of((v.kind, v.language) for v in versions[i]) for i in articles if i}
    originals = [i for i, s in sides.items() if s == "original"]
    english = [i for i, s in sides.items() if s == "english"]
    numbers = {i: _numbers("\n".join(v.text for v in versions[i])) for i in originals + english}
    wanted = set(article_ids) if article_ids is not None else None
    blocked = set(rejected)
    scored: list[tuple[int, int, float, dict[str, object]]] = []
    for n, o in enumerate(originals):
        for e in english:
            if wanted is not None and o not in wanted and e not in wanted:
                continue
            if (o, e) in blocked or articles[o].service_id != articles[e].service_id:
                continue
            od, ed = articles[o].date, articles[e].date
            distance = (ed - od).days if od and ed else None
            if distance is not None and not 0 <= distance <= 3:
                continue
            shared = numbers[o] & numbers[e]
            union = numbers[o] | numbers[e]
            if not shared:
                continue
            score = 0.4 * (len(shared) / len(union)) + (0.6 if distance is not None else 0.4)
            evidence: dict[str, object] = {
                "date_distance_days": distance,
                "numbers_shared": sorted(shared),
            }
            scored.append((o, e, min(score, 1.0), evidence))
        if progress is not None:
            progress(n + 1, len(originals))
    best_of: dict[int, list[float]] = defaultdict(list)
    for o, e, score, _ev in scored:
        best_of[o].append(score)
        best_of[-e].append(score)
    out = []
    for o, e, score, evidence in scored:
        mine = sorted(best_of[o], reverse=True)
        theirs = sorted(best_of[-e], reverse=True)
        mutual = score == mine[0] and score == theirs[0]
        runner = max(mine[1] if len(mine) > 1 else 0.0, theirs[1] if len(theirs) > 1 else 0.0)
        out.append(Suggestion(o, e, score, evidence, mutual, score - runner))
    return sorted(out, key=lambda s: (-s.score, s.article_id, s.candidate_id))


def confident(suggestions: Sequence[Suggestion]) -> list[Suggestion]:
    """The suggestions `link --auto` may confirm: mutual best, clear margin, over threshold."""
    used: set[int] = set()
    out = []
    for s in suggestions:
        sure = s.mutual_best and s.margin >= MARGIN and s.score >= THRESHOLD
        if sure and s.article_id not in used and s.candidate_id not in used:
            used.update((s.article_id, s.candidate_id))
            out.append(s)
    return out
