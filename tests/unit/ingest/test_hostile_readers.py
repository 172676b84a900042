"""Readers under hostile input: every bad JSONL line is one error naming its line, the lines
after it still read; nesting, numbers, line length and page size are bounded (issue 21)."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from archive.errors import ImportFailed
from archive.ingest import readers
from archive.ingest.readers import iter_jsonl, read_capped
from archive.jsonsafe import MAX_JSON_DEPTH, MAX_NUMBER_CHARS, parse_json_line

GOOD = {
    "title": "Good",
    "versions": [{"kind": "published", "language": "en", "text": "A good story."}],
}
FUZZ = settings(
    max_examples=60,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)


def _good_line(title: str = "Good") -> str:
    return json.dumps({**GOOD, "title": title})


def _write(path: Path, lines: list[str | bytes]) -> Path:
    path.write_bytes(b"".join((x if isinstance(x, bytes) else x.encode()) + b"\n" for x in lines))
    return path


def test_each_bad_line_is_one_error_and_later_lines_read(tmp_path: Path) -> None:
    lines: list[str | bytes] = [
        "[" * 100_000 + "]" * 100_000,
        '{"title": "x", "n": ' + "9" * 5_000 + "}",
        "{bad",
        b'{"title": "\xff"}',
        '{"a": ' + "1." + "5" * 5_000 + "}",
        _good_line("After"),
    ]
    path = _write(tmp_path / "hostile.jsonl", lines)
    items = list(iter_jsonl(path))
    assert [1, 2, 3, 4, 5, 6] == [item.line for item in items]
    assert [True] * 5 + [False] == [item.error is not None for item in items]
    assert items[-1].record is not None and "After" == items[-1].record.title
    assert f"JSON nested deeper than {MAX_JSON_DEPTH} levels" == items[0].error
    assert f"number too long (5,000 characters; at most {MAX_NUMBER_CHARS})" == items[1].error
    assert (items[2].error or "").startswith("malformed JSON (")
    assert "invalid UTF-8 (invalid start byte at byte 12 of the line)" == items[3].error
    assert "number too long" in (items[4].error or "")


def test_depth_within_the_bound_parses_and_brackets_in_strings_do_not_count() -> None:
    nested = "[" * MAX_JSON_DEPTH + "]" * MAX_JSON_DEPTH
    assert isinstance(parse_json_line(nested), list)
    with pytest.raises(ValueError, match="nested deeper"):
        parse_json_line("[" + nested + "]")
    text = json.dumps({"text": "[" * 10_000})
    assert {"text": "[" * 10_000} == parse_json_line(text)


def test_a_line_over_the_cap_is_refused_without_reading_it_whole(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(readers, "MAX_RECORD_BYTES", 1_000)
    huge = json.dumps({**GOOD, "title": "x" * 5_000})
    path = _write(tmp_path / "long.jsonl", [_good_line("First"), huge, _good_line("Third")])
    items = list(iter_jsonl(path))
    assert [1, 2, 3] == [item.line for item in items]
    assert "line too long (over 1,000 bytes; the cap is per record)" == items[1].error
    assert ["First", "Third"] == [i.record.title for i in items if i.record is not None]


def test_read_capped_refuses_devices_fifos_and_oversized_files(tmp_path: Path) -> None:
    with pytest.raises(ImportFailed, match="not a regular file"):
        read_capped(Path("/dev/zero"), 1_000)
    big = tmp_path / "big.txt"
    big.write_bytes(b"a" * 1_001)
    with pytest.raises(ImportFailed, match="file too large"):
        read_capped(big, 1_000)
    assert b"a" * 1_001 == read_capped(big, 1_001)
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    writer = os.open(fifo, os.O_RDWR | os.O_NONBLOCK)  # so opening it to read does not block
    try:
        with pytest.raises(ImportFailed, match="not a regular file"):
            read_capped(fifo, 1_000)
    finally:
        os.close(writer)


_json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(), inner, max_size=3),
    max_leaves=20,
)


@FUZZ
@given(
    hostile=st.one_of(
        st.binary(max_size=300),
        st.integers(min_value=1, max_value=5_000).map(lambda n: b"[" * n + b"]" * n),
        st.integers(min_value=1, max_value=5_000).map(lambda n: b'{"a":' + b"7" * n + b"}"),
        st.builds(
            lambda v, enc: json.dumps(v, ensure_ascii=False).encode(enc, errors="replace"),
            _json_values,
            st.sampled_from(["utf-8", "utf-16", "latin-1", "cp1252", "gb18030"]),
        ),
    )
)
def test_fuzz_jsonl_a_hostile_line_never_stops_the_file(tmp_path: Path, hostile: bytes) -> None:
    path = tmp_path / "fuzz.jsonl"
    path.write_bytes(hostile.replace(b"\n", b" ") + b"\n" + _good_line("Last").encode() + b"\n")
    items = list(iter_jsonl(path))
    assert items[-1].record is not None and "Last" == items[-1].record.title
    assert all(item.line == 1 for item in items[:-1])
    assert all(item.error is None or "\n" not in item.error for item in items)


@FUZZ
@given(
    text=st.text(min_size=1, max_size=200),
    codec=st.sampled_from(["utf-8", "utf-16", "cp1252", "gb18030", "euc-kr", "koi8-r"]),
    cut=st.integers(min_value=0, max_value=3),
    stray=st.binary(max_size=3),
)
def test_fuzz_decode_is_exact_for_utf8_and_total_for_the_rest(
    text: str, codec: str, cut: int, stray: bytes
) -> None:
    from archive.ingest.decode import decode_bytes

    data = text.encode(codec, errors="replace")
    mangled = data[: len(data) - cut] + stray
    for raw in (data, mangled):
        try:
            decoded = decode_bytes(raw, source="f.txt")
        except ImportFailed as exc:
            assert "\n" not in str(exc)
            continue
        if decoded.repaired:
            assert "utf-8" == decoded.encoding
            assert decoded.text.count("\ufffd") >= len(decoded.repaired)
    if codec == "utf-8" and text.strip() and "\x00" not in text:
        try:
            exact = decode_bytes(data)
        except ImportFailed:
            return  # control characters: refused as binary, which is fine
        assert (text, ()) == (exact.text, exact.repaired)


@FUZZ
@given(
    value=_json_values,
    noise=st.text(max_size=40),
    depth=st.integers(min_value=0, max_value=200),
)
def test_fuzz_bounded_json_agrees_with_json_or_says_why(
    value: object, noise: str, depth: int
) -> None:
    text = "[" * depth + json.dumps(value) + "]" * depth
    for candidate in (text, noise, text[: len(text) // 2], text + noise):
        try:
            expected = json.loads(candidate)
        except (ValueError, RecursionError):
            expected = ValueError
        try:
            got = parse_json_line(candidate)
        except ValueError as exc:
            assert "\n" not in str(exc)
            continue
        assert expected == got or expected is ValueError  # never a different value
        assert expected is not ValueError  # parsed only what json parses
