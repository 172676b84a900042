"""JSON from outside, decoded with bounds: nesting depth and number size are capped, so a
hostile document is a clear error instead of a RecursionError, a 5,000-digit integer or a
traceback (JSONL records, package metadata, package indexes)."""

from __future__ import annotations

import json
import re

__all__ = ["MAX_JSON_DEPTH", "MAX_NUMBER_CHARS", "parse_json_line"]

# Deeper than any record, metadata file or index needs; longer than any id or score.
MAX_JSON_DEPTH = 64
MAX_NUMBER_CHARS = 40


class _NumberTooLong(ValueError):
    """A JSON number longer than `MAX_NUMBER_CHARS`."""


def _check_number(text: str) -> str:
    if len(text) > MAX_NUMBER_CHARS:
        raise _NumberTooLong(
            f"number too long ({len(text):,} characters; at most {MAX_NUMBER_CHARS})"
        )
    return text


def _bounded_int(text: str) -> int:
    return int(_check_number(text))


def _bounded_float(text: str) -> float:
    return float(_check_number(text))


# A complete JSON string (its brackets are text, not nesting), and a bracket.
_STRING = re.compile(r'"[^"\\]*(?:\\.[^"\\]*)*"', re.DOTALL)
_BRACKET = re.compile(r"[\[\]{}]")


def _depth_exceeds(line: str, limit: int) -> bool:
    """Whether the JSON text nests arrays/objects deeper than ``limit``, found before parsing
    so that a hostile line never reaches the recursive decoder. Brackets inside strings are
    not counted (an unterminated string's are, which only over-estimates a broken line)."""
    if line.count("[") + line.count("{") <= limit:
        return False
    depth = 0
    for bracket in _BRACKET.findall(_STRING.sub("", line)):
        depth += 1 if bracket in "[{" else -1
        if depth > limit:
            return True
    return False


def parse_json_line(line: str) -> object:
    """One JSONL line decoded with bounded nesting depth and number size.

    Raises:
        ValueError: malformed JSON, nested deeper than `MAX_JSON_DEPTH`, or a number longer
            than `MAX_NUMBER_CHARS` (the message says which).
    """
    if _depth_exceeds(line, MAX_JSON_DEPTH):
        raise ValueError(f"JSON nested deeper than {MAX_JSON_DEPTH} levels")
    try:
        return json.loads(line, parse_int=_bounded_int, parse_float=_bounded_float)
    except json.JSONDecodeError as exc:
        raise ValueError(f"malformed JSON ({exc.msg})") from None
    except _NumberTooLong as exc:
        raise ValueError(str(exc)) from None
    except RecursionError:
        raise ValueError(f"JSON nested deeper than {MAX_JSON_DEPTH} levels") from None
