"""How many processes an import uses, and how many threads each may use (no heavy imports
here: `one_blas_thread` must run before numpy is loaded)."""

from __future__ import annotations

import os
import sys


def default_jobs() -> int:
    """Worker processes for analysis by default: one per CPU, at most 4 (see BENCHMARKS.md)."""
    return max(1, min(4, len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else 1))


def one_blas_thread() -> None:
    """One BLAS thread per process when the import runs a process per CPU: the aligner's
    small matrix products gain nothing from threads, and threads × workers oversubscribe the
    CPUs. Takes effect only if numpy is not loaded yet (as in ``archive import``)."""
    if "numpy" not in sys.modules:
        for name in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
            os.environ.setdefault(name, "1")
