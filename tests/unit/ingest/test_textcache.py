"""The page readers' memo: a short text is read once, a long one every time, and the answer
is the function's own either way."""

from __future__ import annotations

from archive.ingest.textcache import MAX_CHARS, text_cache


def test_a_short_text_is_read_once_per_arguments() -> None:
    calls: list[str] = []

    @text_cache
    def weigh(text: str, *, double: bool = False) -> int:
        calls.append(text)
        return len(text) * (2 if double else 1)

    assert [weigh("Mekong"), weigh("Mekong"), weigh("Mekong", double=True)] == [6, 6, 12]
    assert calls == ["Mekong", "Mekong"]  # once plain, once doubled


def test_a_long_text_is_read_every_time_and_not_kept() -> None:
    calls: list[str] = []

    @text_cache
    def weigh(text: str) -> int:
        calls.append(text)
        return len(text)

    long = "x" * (MAX_CHARS + 1)
    assert [weigh(long), weigh(long)] == [MAX_CHARS + 1, MAX_CHARS + 1]
    assert len(calls) == 2
    assert weigh.__name__ == "weigh"
