"""The article record every reader produces, and the JSONL record schema that maps onto it."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from typing import Any

from archive.errors import RecordError
from archive.models import Role, VersionKind

KINDS = frozenset(k.value for k in VersionKind)
ROLES = frozenset(r.value for r in Role)


@dataclass(frozen=True, slots=True)
class CreditRecord:
    """A credit as read from a record or a credit line."""

    role: str
    name: str
    kind: str | None = None  # "person" | "service"; None: decide by the service registry
    raw: str | None = None
    service: str | None = None  # for a person: the service they reported for


@dataclass(slots=True)
class VersionRecord:
    """One text version as read."""

    kind: str
    language: str
    text: str
    title: str | None = None
    derived_from: int | None = None
    credits: list[CreditRecord] = field(default_factory=list)
    source_encoding: str | None = None
    furniture: str | None = None  # page furniture lines (share, captions, …) kept apart


@dataclass(slots=True)
class ArticleRecord:
    """One article as read from a page or record, before it is stored."""

    title: str
    date: dt.date | None = None
    url: str | None = None
    urls: list[str] = field(default_factory=list)
    service: str | None = None
    credit_line: str | None = None
    credits: list[CreditRecord] = field(default_factory=list)
    versions: list[VersionRecord] = field(default_factory=list)
    read_note: str | None = None  # how reading it repaired the input (bytes replaced), if at all
    captured: dt.date | None = None  # when the page was saved (never the publication date)
    title_derived: bool = False  # the page showed no headline; the title comes from the lead


# A BCP-47 language tag in its common shapes (my, yue, zh-Hant, sr-Latn-RS, und): letters,
# digits and hyphens only, so a tag can never carry whitespace or a control character into
# a TMX attribute, a terminal or a file name.
_LANGUAGE_TAG = re.compile(r"[A-Za-z]{2,8}(?:-[A-Za-z0-9]{1,8})*")


def is_language_tag(value: str) -> bool:
    """Whether ``value`` is a language code (``my``, ``zh-Hant``), exactly, nothing around it."""
    return _LANGUAGE_TAG.fullmatch(value) is not None


def _str_field(obj: dict[str, Any], name: str, *, required: bool, where: str) -> str | None:
    value = obj.get(name)
    if value is None:
        if required:
            raise RecordError(f"{where}missing required field {name!r}")
        return None
    if not isinstance(value, str):
        raise RecordError(f"{where}field {name!r} must be a string, not {type(value).__name__}")
    if required and not value.strip():
        raise RecordError(f"{where}field {name!r} is empty")
    return value


def _credits(obj: dict[str, Any], where: str) -> list[CreditRecord]:
    raw = obj.get("credits")
    if raw is None:
        return []
    if not isinstance(raw, list):
        raise RecordError(f"{where}field 'credits' must be a list")
    credits = []
    for i, item in enumerate(raw):
        here = f"{where}credits[{i}]: "
        if not isinstance(item, dict):
            raise RecordError(f"{here}must be an object with 'role' and 'name'")
        role = _str_field(item, "role", required=True, where=here)
        name = _str_field(item, "name", required=True, where=here)
        assert role is not None and name is not None
        role = role.strip().lower()
        if not _has_name(name):
            raise RecordError(f"{here}name {name!r} has no letter or digit in it")
        if role not in ROLES:
            raise RecordError(f"{here}unknown role {role!r} (one of {', '.join(sorted(ROLES))})")
        kind = _str_field(item, "kind", required=False, where=here)
        if kind is not None and kind not in ("person", "service", "organization"):
            raise RecordError(f"{here}kind must be 'person', 'service' or 'organization'")
        if kind == "organization":  # an agency or outlet is stored as a Service row
            kind = "service"
        credits.append(CreditRecord(role=role, name=name.strip(), kind=kind))
    return credits


def _has_name(text: str) -> bool:
    """A name, or a service's name, needs at least one letter or digit."""
    return any(ch.isalnum() for ch in text)


def parse_date(value: str) -> dt.date:
    """``YYYY-MM-DD`` (a longer ISO timestamp is cut to its date)."""
    try:
        return dt.date.fromisoformat(value.strip()[:10])
    except ValueError as exc:
        raise RecordError(f"date {value!r} is not YYYY-MM-DD") from exc


def record_from_json(obj: Any) -> ArticleRecord:
    """Validate one decoded JSONL record and turn it into an `ArticleRecord`.

    Raises:
        RecordError: the record breaks the schema (the message names the field).
    """
    if not isinstance(obj, dict):
        raise RecordError(f"a record must be a JSON object, not {type(obj).__name__}")
    title = _str_field(obj, "title", required=True, where="")
    assert title is not None
    date_text = _str_field(obj, "date", required=False, where="")
    versions_raw = obj.get("versions")
    if not isinstance(versions_raw, list) or not versions_raw:
        raise RecordError("missing required field 'versions' (a non-empty list)")
    versions: list[VersionRecord] = []
    for i, item in enumerate(versions_raw):
        where = f"versions[{i}]: "
        if not isinstance(item, dict):
            raise RecordError(f"{where}must be an object")
        kind = _str_field(item, "kind", required=True, where=where)
        assert kind is not None
        if kind not in KINDS:
            raise RecordError(f"{where}unknown kind {kind!r} (one of {', '.join(sorted(KINDS))})")
        language = _str_field(item, "language", required=True, where=where)
        if language is not None and not is_language_tag(language):
            raise RecordError(
                f"{where}language {language!r} is not a language code (BCP-47: my, en, zh-Hant)"
            )
        text = item.get("text")
        if not isinstance(text, str) or not text.strip():
            raise RecordError(f"{where}missing required field 'text' (a non-empty string)")
        derived = item.get("derived_from")
        if derived is not None and (
            not isinstance(derived, int)
            or isinstance(derived, bool)
            or not 0 <= derived < len(versions_raw)
            or derived == i
        ):
            raise RecordError(f"{where}derived_from must be the index of another version")
        assert language is not None
        versions.append(
            VersionRecord(
                kind=kind,
                language=language,
                text=text,
                title=_str_field(item, "title", required=False, where=where),
                derived_from=derived,
                credits=_credits(item, where),
                furniture=_str_field(item, "furniture", required=False, where=where),
            )
        )
    _check_acyclic(versions)
    service = _str_field(obj, "service", required=False, where="")
    if service is not None and not _has_name(service):
        raise RecordError(f"field 'service' {service!r} has no letter or digit in it")
    url = _str_field(obj, "url", required=False, where="")
    captured = _str_field(obj, "captured", required=False, where="")
    title_derived = obj.get("title_derived", False)
    if not isinstance(title_derived, bool):
        raise RecordError("field 'title_derived' must be true or false")
    return ArticleRecord(
        title=title,
        date=parse_date(date_text) if date_text else None,
        url=url.strip() if url else None,
        urls=[url.strip()] if url else [],
        service=service,
        credit_line=_str_field(obj, "credit_line", required=False, where=""),
        credits=_credits(obj, ""),
        versions=versions,
        captured=parse_date(captured) if captured else None,
        title_derived=title_derived,
    )


def _check_acyclic(versions: list[VersionRecord]) -> None:
    for start in range(len(versions)):
        seen = {start}
        parent = versions[start].derived_from
        while parent is not None:
            if parent in seen:
                raise RecordError(f"versions[{start}]: derived_from forms a cycle")
            seen.add(parent)
            parent = versions[parent].derived_from
