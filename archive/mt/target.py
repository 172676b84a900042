"""Which version to machine-translate, into which language, when a reader asks for one."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any


def _base(language: object) -> str:
    return str(language).split("-")[0].lower()


def translation_target(
    versions: Sequence[Mapping[str, Any]], pair: tuple[int, int] | None
) -> tuple[Mapping[str, Any], str] | None:
    """The version to translate and the language to translate it into.

    With two versions on screen: the left one, into the right one's language (into English
    when both are in one language). Otherwise the first version, into English. A version
    already in the chosen language is translated into English instead (English into the
    right one's language stays). None when the article has no version.
    """
    if not versions:
        return None
    by_id = {int(v["id"]): v for v in versions}
    if pair is not None and pair[0] in by_id and pair[1] in by_id:
        source, other = by_id[pair[0]], by_id[pair[1]]
        target = str(other["language"]) if other["language"] != source["language"] else "en"
    else:
        source, target = versions[0], "en"
    if _base(source["language"]) == _base(target) and _base(source["language"]) != "en":
        target = "en"
    return source, target
