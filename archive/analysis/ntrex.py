"""NTREX-128 as documents: the corpus the Lao model is trained on and the segmenter evaluated on.

NTREX-128 (``src.eng.txt``, ``ref.<lang>.txt``) holds 1,997 line-aligned sentences of 123
news documents (``DOCUMENT_IDS.tsv``). A document is rebuilt the way its script is written:
sentences joined by a space (nothing for Chinese), and each headline (an English source line
with no final punctuation) as a paragraph of its own, paragraphs separated by a blank line.
Used by :mod:`archive.analysis.lao_train` and ``benchmarks/segment_eval.py`` only.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

__all__ = [
    "NTREX_VARIETIES",
    "NtrexDocument",
    "is_headline",
    "read_documents",
]

#: NTREX file code → (our language code, sentence separator).
NTREX_VARIETIES: dict[str, tuple[str, str]] = {
    "src.eng": ("en", " "),
    "ref.mya": ("my", " "),
    "ref.khm": ("km", " "),
    "ref.lao": ("lo", " "),
    "ref.bod": ("bo", " "),
    "ref.uig": ("ug", " "),
    "ref.kor": ("ko", " "),
    "ref.vie": ("vi", " "),
    "ref.zho-CN": ("zh-Hans", ""),
    "ref.zho-TW": ("zh-Hant", ""),
    "ref.yue": ("yue", ""),
}

_FINAL = (".", "!", "?", "…")
_CLOSING = "\"'”’»)] "


def is_headline(english: str) -> bool:
    """An English source line without final punctuation is a headline (or a caption)."""
    return not english.strip().rstrip(_CLOSING).endswith(_FINAL)


@dataclass(frozen=True, slots=True)
class NtrexDocument:
    """One document: its id, position in the corpus and its paragraphs of sentence lines."""

    doc_id: str
    index: int
    paragraphs: tuple[tuple[str, ...], ...]

    def text(self, separator: str) -> tuple[str, list[int]]:
        """The document's text and the gold sentence ends *inside* its paragraphs."""
        parts: list[str] = []
        gold: list[int] = []
        offset = 0
        for p, lines in enumerate(self.paragraphs):
            if p:
                parts.append("\n\n")
                offset += 2
            for i, line in enumerate(lines):
                if i:
                    parts.append(separator)
                    offset += len(separator)
                parts.append(line)
                offset += len(line)
                if i < len(lines) - 1:
                    gold.append(offset)
        return "".join(parts), gold


def read_documents(root: Path, code: str) -> list[NtrexDocument]:
    """The documents of ``root/<code>.txt`` (``code`` as in :data:`NTREX_VARIETIES`)."""
    ids = (root / "DOCUMENT_IDS.tsv").read_text(encoding="utf-8").splitlines()
    english = (root / "src.eng.txt").read_text(encoding="utf-8").splitlines()
    lines = (root / f"{code}.txt").read_text(encoding="utf-8").splitlines()
    documents: list[NtrexDocument] = []
    current: list[list[str]] = []
    doc_id: str | None = None
    for this_id, source, line in zip(ids, english, lines, strict=False):
        if this_id != doc_id:
            if doc_id is not None:
                documents.append(NtrexDocument(doc_id, len(documents), _freeze(current)))
            doc_id, current = this_id, []
        line = line.strip()
        if not line:
            continue
        if is_headline(source):
            current.append([line])
            current.append([])
        else:
            if not current:
                current.append([])
            current[-1].append(line)
    if doc_id is not None:
        documents.append(NtrexDocument(doc_id, len(documents), _freeze(current)))
    return documents


def _freeze(paragraphs: list[list[str]]) -> tuple[tuple[str, ...], ...]:
    return tuple(tuple(p) for p in paragraphs if p)
