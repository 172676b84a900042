"""Run one size of a benchmark in a fresh interpreter, so its peak memory is its own.

A scaling benchmark calls itself once per size with its own arguments; the child prints one
JSON object as its last line of output. `each_size` yields, per size, that object or the
reason the child failed (its exit status and last line of stderr).
"""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Iterable, Iterator, Sequence
from typing import Any


def each_size(
    script: str, sizes: Iterable[str], args: Sequence[str]
) -> Iterator[tuple[str, dict[str, Any] | str]]:
    """Yield ``(size, result)`` for each size: the child's JSON, or why it failed."""
    for size in sizes:
        done = subprocess.run(
            [sys.executable, script, *args, "--one", size],
            capture_output=True,
            text=True,
            check=False,
        )
        if done.returncode != 0:
            tail = (done.stderr.strip().splitlines() or ["no output"])[-1]
            yield size, f"failed (exit {done.returncode}): {tail}"
            continue
        yield size, json.loads(done.stdout.strip().splitlines()[-1])
        sys.stdout.flush()
