"""TMX 1.4b export: one ``tu`` per bead, multilingual where beads share their source segments.

For each article, the beads of all its alignments are grouped by their source side (source
version and source segment range): one ``tu`` holds a ``tuv`` for the source text and one for
every target version aligned to exactly those segments. Properties (``prop``):

- on the ``tu``: ``x-article`` (article id), ``x-source-version``, and summaries over its beads:
  ``x-bead-type`` (``1-1``, ``2-1`` …, or ``mixed``), ``x-score`` (lowest), ``x-checked``
  (``true`` when every bead was checked by a person);
- on each target ``tuv``: ``x-version``, ``x-kind``, ``x-bead-type``, ``x-score``,
  ``x-checked``, ``x-method``; on the source ``tuv``: ``x-version``, ``x-kind``.

Texts are Unicode, as translation memories expect: the stored text of the segments (from the
first segment's start to the last one's end) with Zawgyi-encoded Burmese converted to Unicode
(``text="unicode"``, the default); ``text="stored"`` writes the stored text exactly, and
``text="derived"`` the derived text (Zawgyi converted, NFC …). A ``tuv`` of a Zawgyi-encoded
version keeps the stored encoding in ``x-encoding`` (and ``x-converted`` says when its text
was converted). Characters XML 1.0 cannot hold are replaced (see `xml_safe`) and counted in
``x-replaced-chars``; JSONL is the lossless format.

A translation unit needs two languages: a bead with one side only (a sentence one version
added, or dropped) would be a ``tu`` with one ``tuv``, which translation tools reject or
misuse, so it is left out; with ``unpaired="note"`` its text is kept as a ``note`` of the
article's nearest ``tu`` ("added in translation my #14: …").
"""

from __future__ import annotations

import datetime as dt
import re
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from importlib.metadata import PackageNotFoundError, version
from typing import IO, Any

from sqlmodel import Session, col, select

from archive.export import Progress, iter_article_batches
from archive.models import Alignment, AlignmentLink, Article, Segment, Version

__all__ = ["CREATION_TOOL", "TEXT_FORMS", "export_tmx", "xml_safe"]

#: What text a ``tuv`` holds: Unicode (Zawgyi converted), the stored text, or the derived text.
TEXT_FORMS = ("unicode", "stored", "derived")

CREATION_TOOL = "translation-archive"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
_INVALID_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def _tool_version() -> str:
    try:
        return version("translation-archive")
    except PackageNotFoundError:  # running from a source tree that was never installed
        return "0.1.0"


def _replacement(match: re.Match[str]) -> str:
    code = ord(match.group())
    return chr(0x2400 + code) if code < 0x20 else "\ufffd"


def xml_safe(text: str) -> tuple[str, int]:
    """``text`` with what XML 1.0 cannot hold replaced, and how many characters were replaced.

    C0 control characters (other than tab, newline, carriage return) become their visible
    Control Pictures symbol (U+0007 → ␇); lone surrogates, U+FFFE and U+FFFF become U+FFFD.
    """
    return _INVALID_XML.subn(_replacement, text)


@dataclass(slots=True)
class _Unit:
    """A ``tu`` being assembled: the source side and each target bead aligned to it."""

    article_id: int
    source: Version
    span: tuple[int, int]
    targets: list[tuple[Version, AlignmentLink]] = field(default_factory=list)


def _segment_bounds(session: Session, version_ids: Sequence[int]) -> dict[int, list[Segment]]:
    out: dict[int, list[Segment]] = defaultdict(list)
    for segment in session.exec(
        select(Segment)
        .where(col(Segment.version_id).in_(list(version_ids)))
        .order_by(col(Segment.version_id), col(Segment.seq))
    ).all():
        out[segment.version_id].append(segment)
    return out


def _span_text(version: Version, segments: list[Segment], start: int, end: int, form: str) -> str:
    if start >= end or end > len(segments):
        return ""
    text = version.text[segments[start].start : segments[end - 1].end]
    if form == "derived":
        from archive.analysis import derive_text

        return derive_text(text)
    if form == "unicode" and version.encoding == "zawgyi":
        from archive.analysis import unicode_burmese

        return unicode_burmese(text)
    return text


def _units(session: Session, article: Article) -> tuple[list[_Unit], dict[int, list[Segment]]]:
    versions = {
        v.id: v for v in session.exec(select(Version).where(Version.article_id == article.id)).all()
    }
    alignments = session.exec(
        select(Alignment).where(Alignment.article_id == article.id).order_by(col(Alignment.id))
    ).all()
    units: dict[tuple[int, int, int], _Unit] = {}
    order: list[tuple[int, int, int]] = []
    for alignment in alignments:
        src = versions.get(alignment.src_version_id)
        tgt = versions.get(alignment.tgt_version_id)
        if src is None or tgt is None or src.id is None or tgt.id is None:
            continue
        for link in session.exec(
            select(AlignmentLink)
            .where(AlignmentLink.alignment_id == alignment.id)
            .order_by(col(AlignmentLink.position))
        ).all():
            if link.src_start == link.src_end:  # 0-n: the target alone is the unit
                key = (tgt.id, -link.tgt_start - 1, -link.tgt_end - 1)
                unit = units.get(key)
                if unit is None:
                    unit = units[key] = _Unit(article.id or 0, tgt, (link.tgt_start, link.tgt_end))
                    order.append(key)
                continue
            key = (src.id, link.src_start, link.src_end)
            unit = units.get(key)
            if unit is None:
                unit = units[key] = _Unit(article.id or 0, src, (link.src_start, link.src_end))
                order.append(key)
            unit.targets.append((tgt, link))
    segments = _segment_bounds(session, [v for v in versions if v is not None])
    return [units[k] for k in order], segments


def _bead_type(link: AlignmentLink) -> str:
    return f"{link.src_end - link.src_start}-{link.tgt_end - link.tgt_start}"


def _prop(kind: str, value: object) -> Any:
    from lxml import etree

    element = etree.Element("prop", type=kind)
    element.text = xml_safe(str(value))[0]  # every exporter is total: no value can break it
    return element


def _tuv(language: str, text: str, props: list[tuple[str, object]]) -> Any:
    from lxml import etree

    tuv = etree.Element("tuv", {XML_LANG: xml_safe(language)[0]})
    safe, replaced = xml_safe(text)
    for kind, value in props:
        tuv.append(_prop(kind, value))
    if replaced:
        tuv.append(_prop("x-replaced-chars", replaced))
    etree.SubElement(tuv, "seg").text = safe
    return tuv


def _version_props(version: Version, form: str) -> list[tuple[str, object]]:
    props: list[tuple[str, object]] = [("x-version", version.id), ("x-kind", version.kind)]
    if version.encoding == "zawgyi":
        props.append(("x-encoding", "zawgyi"))
        if form != "stored":
            props.append(("x-converted", "zawgyi-to-unicode"))
    return props


@dataclass(frozen=True, slots=True)
class _Unpaired:
    """The text of a bead with one side only: what the TMX leaves out (or keeps as a note)."""

    what: str  # "added" | "dropped"
    version: Version
    text: str

    def note(self) -> str:
        v = self.version
        return f"{self.what} in {v.kind} {v.language} #{v.id}: {self.text}"


def _tu(unit: _Unit, segments: dict[int, list[Segment]], form: str) -> Any | _Unpaired | None:
    """The ``tu`` of a unit; an `_Unpaired` when fewer than two versions have text in it."""
    from lxml import etree

    source = unit.source
    assert source.id is not None
    source_text = _span_text(source, segments[source.id], *unit.span, form)
    targets = []
    for target, link in unit.targets:
        assert target.id is not None
        text = _span_text(target, segments[target.id], link.tgt_start, link.tgt_end, form)
        if text.strip():
            targets.append((target, link, text))
    if not source_text.strip() and not targets:
        return None
    if not targets:
        return _Unpaired("dropped" if unit.targets else "added", source, source_text)
    if not source_text.strip():
        target, _link, text = targets[0]
        return _Unpaired("added", target, text) if len(targets) == 1 else None
    tu = etree.Element("tu", srclang=xml_safe(source.language)[0])
    tu.append(_prop("x-article", unit.article_id))
    tu.append(_prop("x-source-version", source.id))
    links = [link for _, link, _ in targets]
    if links:
        types = {_bead_type(link) for link in links}
        tu.append(_prop("x-bead-type", types.pop() if len(types) == 1 else "mixed"))
        tu.append(_prop("x-score", f"{min(link.score for link in links):.4f}"))
        tu.append(_prop("x-checked", str(all(link.checked for link in links)).lower()))
    else:
        span = unit.span[1] - unit.span[0]
        tu.append(_prop("x-bead-type", f"0-{span}"))
    tu.append(_tuv(source.language, source_text, _version_props(source, form)))
    for target, link, text in targets:
        props = [
            *_version_props(target, form),
            ("x-bead-type", _bead_type(link)),
            ("x-score", f"{link.score:.4f}"),
            ("x-checked", str(link.checked).lower()),
            ("x-method", link.method),
        ]
        if link.checked and link.checked_by:
            props.append(("x-checked-by", link.checked_by))
        tu.append(_tuv(target.language, text, props))
    return tu


def _article_tus(
    units: list[_Unit], segments: dict[int, list[Segment]], form: str, *, notes: bool
) -> list[Any]:
    """The ``tu`` of one article's units; one-sided beads dropped, or noted on the nearest
    ``tu`` (the one before, else the one after)."""
    tus: list[Any] = []
    pending: list[_Unpaired] = []  # notes waiting for a first tu
    for unit in units:
        made = _tu(unit, segments, form)
        if made is None:
            continue
        if isinstance(made, _Unpaired):
            if notes:
                pending.append(made)
                if tus:
                    _add_notes(tus[-1], pending)
                    pending = []
            continue
        tus.append(made)
        if pending:
            _add_notes(made, pending)
            pending = []
    return tus


def _add_notes(tu: Any, unpaired: list[_Unpaired]) -> None:
    """Notes go first in a ``tu`` (the DTD: notes and props, then the tuvs)."""
    from lxml import etree

    for item in reversed(unpaired):
        note = etree.Element("note")
        note.text = xml_safe(item.note())[0]
        tu.insert(0, note)


def export_tmx(
    *,
    session: Session,
    out: IO[bytes],
    article_ids: Sequence[int] | None = None,
    progress: Progress | None = None,
    derived: bool = False,
    srclang: str = "*all*",
    text: str = "unicode",
    unpaired: str = "omit",
) -> int:
    """Write a TMX 1.4b document of every stored alignment; returns the number of ``tu``.

    Args:
        text: ``unicode`` (default; Zawgyi converted), ``stored`` or ``derived`` (see the
            module docs); ``derived=True`` is ``text="derived"``.
        unpaired: ``omit`` (default) leaves out beads with one side only; ``note`` keeps their
            text as a ``note`` of the article's nearest ``tu``.

    The document is streamed with lxml's ``xmlfile``: one article's ``tu`` in memory at a time.
    """
    from lxml import etree

    form = "derived" if derived else text
    if form not in TEXT_FORMS:
        raise ValueError(f"text must be one of {', '.join(TEXT_FORMS)}, not {text!r}")
    if unpaired not in ("omit", "note"):
        raise ValueError(f"unpaired must be 'omit' or 'note', not {unpaired!r}")

    units_written = 0
    now = dt.datetime.now(dt.UTC).strftime("%Y%m%dT%H%M%SZ")
    with etree.xmlfile(out, encoding="utf-8") as xf:
        xf.write_declaration()
        xf.write_doctype('<!DOCTYPE tmx SYSTEM "tmx14.dtd">')
        with xf.element("tmx", version="1.4"):
            header = etree.Element(
                "header",
                {
                    "creationtool": CREATION_TOOL,
                    "creationtoolversion": _tool_version(),
                    "segtype": "sentence",
                    "o-tmf": CREATION_TOOL,
                    "adminlang": "en",
                    "srclang": srclang,
                    "datatype": "plaintext",
                    "creationdate": now,
                },
            )
            xf.write(header, pretty_print=True)
            with xf.element("body"):
                done = 0
                for batch in iter_article_batches(session=session, article_ids=article_ids):
                    for article in batch:
                        units, segments = _units(session, article)
                        tus = _article_tus(units, segments, form, notes=unpaired == "note")
                        for tu in tus:
                            xf.write(tu, pretty_print=True)
                        units_written += len(tus)
                    done += len(batch)
                    if progress is not None:
                        progress(done)
    return units_written
