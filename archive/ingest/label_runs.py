"""Label runs: a short credit line read as role labels each followed by its names.

A byline may hold several labels, each with its own names ("本报记者 NAME 通讯员 NAME NAME
文/图", "[OUTLET Reporter NAME, Specialist]", "Sent by NAME (OUTLET)"), or close with its
label ("NAME 기자", "NAME تەرجىمىسى"). The labels are the closed role-label classes of
``credit_words`` (every language we serve); the text between two labels is the first one's
names. Nothing here decides that a run is a credit: the credit acceptor weighs each name
(``credit_candidates`` proposes them as the ``loose_label`` reader's).
"""

from __future__ import annotations

import functools
import re
import unicodedata

from archive.ingest.credit_words import ROLE_LABELS
from archive.ingest.credits import Role

__all__ = ["LabelRun", "label_runs"]

LabelRun = tuple[Role, str]  # a label's role and the text of its names

# A one-character Chinese label (文, 图) counts only before a separator or the line's end:
# "文/图", not 文化.
_ONE_CHAR_AFTER = r"(?=\s*(?:[/／:：|︱]|$))"
# Spaced-script labels stand as whole words; a label of an unspaced script may be glued
# to its names (记者李棟).
_SPACED = re.compile(r"^[^\u0e00-\u0fff\u1000-\u109f\u1780-\u17ff\u3400-\u9fff]*$")
_BRACKETS = re.compile(r"[(（\[【〔][^()（）\[\]【】〔〕]*[)）\]】〕]")
_EMAIL = re.compile(r"\S+@\S+")


@functools.cache
def _compiled() -> tuple[re.Pattern[str], dict[str, Role]]:
    """One pattern of every role label (longest first), and each label group's role."""
    labels = sorted(
        {
            (unicodedata.normalize("NFKC", label), role)
            for role, words in ROLE_LABELS.items()
            for label in words
        },
        key=lambda pair: (-len(pair[0]), pair),
    )
    parts = []
    for index, (label, _role) in enumerate(labels):
        body = re.escape(label).replace(r"\ ", r"\s+")
        if _SPACED.match(label):
            body = rf"(?<!\w){body}(?!\w)"
        elif len(label) == 1:
            body += _ONE_CHAR_AFTER
        parts.append(f"(?P<l{index}>{body})")
    roles = {f"l{index}": role for index, (_label, role) in enumerate(labels)}
    return re.compile("|".join(parts), re.IGNORECASE), roles


def _clean(text: str) -> str:
    return _EMAIL.sub(" ", _BRACKETS.sub(" ", text)).strip()


def _set_apart(text: str, at: int) -> bool:
    """Whether a space or a mark stands right before ``at`` ("NAME 기자", not "本刊记者": a
    label glued after a word makes one word, "our reporter")."""
    return at > 0 and not _is_word_char(text[at - 1])


def _is_word_char(char: str) -> bool:
    return unicodedata.category(char)[0] in "LMN"


def label_runs(line: str) -> list[LabelRun]:
    """The (role, names text) runs of a line holding role labels: each label's text up to
    the next label; when a label has nothing after it (it closes the line or another label
    follows), the text before it, set apart from it, is its names ("NAME 기자"), else that
    text (an outlet: "本报", "Asia Economy") is left. Empty when the line holds no label."""
    text = unicodedata.normalize("NFKC", line)
    pattern, roles = _compiled()
    matches = list(pattern.finditer(text))
    if not matches:
        return []
    runs: list[LabelRun] = []
    for index, match in enumerate(matches):
        role = roles[str(match.lastgroup)]
        stop = matches[index + 1].start() if index + 1 < len(matches) else len(text)
        names = _clean(text[match.end() : stop])
        if names.strip(" \t:：-–—|/／=·•,，;；。.។။།"):
            runs.append((role, names))
        elif (
            index == 0
            and _set_apart(text, match.start())
            and (before := _clean(text[: match.start()]))
        ):
            runs.append((role, before))
    return runs
