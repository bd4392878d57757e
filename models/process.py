"""Process-wide settings for a long run (`scamrank` commands, the service's workers)."""

from __future__ import annotations

import gc

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
