"""Process-wide settings for a long run (`scamrank` commands, the service's workers)."""

from __future__ import annotations

import ctypes
import gc
import sys
from collections.abc import Callable
from functools import cache

# Allocations between young-generation collections (CPython's default: 700). Feature extraction
# allocates millions of short-lived objects (parsed pages, matches, rows), and at the default
# the collector ran about 500 times on 300 sites, each older pass walking every long-lived
# object: 3-4% of a `scamrank score` run.
YOUNG_THRESHOLD = 10_000


def settle_heap() -> None:
    """Once the modules, model and settings are loaded: keep the collector off what lives for
    the whole run (gc.freeze) and let it run less often. Garbage cycles are still collected."""
    gc.collect()
    gc.freeze()
    _, middle, old = gc.get_threshold()
    gc.set_threshold(YOUNG_THRESHOLD, middle, old)


@cache
def _malloc_trim() -> Callable[[int], int] | None:
    """glibc's malloc_trim, or None where the C library has none (musl, macOS, Windows); looked
    up on first use, not when a command or a Dask worker imports this module."""
    if not sys.platform.startswith("linux"):
        return None
    try:
        return ctypes.CDLL(None).malloc_trim  # the C library this process already runs on
    except (OSError, AttributeError):
        return None


def release_free_memory() -> bool:
    """Give the free pages of the C heap back to the system; True when some were. Parsed pages
    and their matches leave free chunks all through glibc's heap, which it keeps: a 2,000-site
    score kept about 50 MB of them at its peak, growing with the bundle (memory_flat.py). Dask's
    nanny does the same for its workers (MALLOC_TRIM_THRESHOLD_). A no-op without glibc."""
    trim = _malloc_trim()
    return bool(trim(0)) if trim is not None else False
