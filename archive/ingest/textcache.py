"""A bounded memo for the page readers' pure readings of one text (a line, a field).

A page's readers ask the same questions of the same lines again and again (is it a credit
line, a date line, how much does it weigh), and some answers are dear (dateparser tries
every locale it knows). :func:`text_cache` keeps the answers for the last few thousand
texts; a long text (a whole paragraph, a page of one line) is read afresh every time, so the
memo never holds more than a few megabytes however large the pages are.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import ParamSpec, TypeVar, cast

__all__ = ["text_cache"]

P = ParamSpec("P")
R = TypeVar("R")

#: How many texts each reading keeps, and the longest text kept.
MAX_TEXTS = 4096
MAX_CHARS = 2000


def text_cache(func: Callable[P, R]) -> Callable[P, R]:
    """``func`` (a pure reading of the text it is given first) with its answers kept for the
    last :data:`MAX_TEXTS` texts of at most :data:`MAX_CHARS` characters.

    Only for functions whose answer depends on their arguments alone and is never changed by
    a caller (a bool, a number, a tuple or a frozen dataclass).
    """
    memo = functools.lru_cache(maxsize=MAX_TEXTS)(func)
    cached = cast(Callable[P, R], memo)

    @functools.wraps(func)
    def reading(*args: P.args, **kwargs: P.kwargs) -> R:
        text = args[0] if args else next(iter(kwargs.values()))
        if isinstance(text, str) and len(text) <= MAX_CHARS:
            return cached(*args, **kwargs)
        return func(*args, **kwargs)

    reading.cache_clear = memo.cache_clear  # type: ignore[attr-defined]
    return reading
