"""models/process.py: the collector settings of a long run, checked in a fresh interpreter (the
test process's own collector is left alone)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

_PROBE = """
import gc, weakref
from models.process import YOUNG_THRESHOLD, settle_heap

class Node:
    pass

before = gc.get_threshold()
settle_heap()
after = gc.get_threshold()
assert after[0] == YOUNG_THRESHOLD > before[0], (before, after)
assert after[1:] == before[1:], (before, after)
assert gc.get_freeze_count() > 1000, gc.get_freeze_count()  # the loaded modules, at least
# a cycle made after the freeze is still garbage the collector finds
a, b = Node(), Node()
a.other, b.other = b, a
gone = weakref.ref(a)
del a, b
gc.collect()
assert gone() is None
print("ok")
"""


def test_settle_heap_freezes_what_is_loaded_and_still_collects_cycles() -> None:
    done = subprocess.run(
        [sys.executable, "-c", _PROBE], cwd=ROOT, capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "ok"


def test_the_command_line_settles_the_heap_before_running() -> None:
    probe = (
        "import gc, sys\n"
        "from serve import cli\n"
        "from models.process import YOUNG_THRESHOLD\n"
        "sys.argv = ['scamrank', '--help']\n"
        "try:\n"
        "    cli.main()\n"
        "except SystemExit:\n"
        "    pass\n"
        "print(gc.get_threshold()[0] == YOUNG_THRESHOLD, gc.get_freeze_count() > 0)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", probe], cwd=ROOT, capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip().splitlines()[-1] == "True True"


def test_cluster_workers_settle_their_heap_too() -> None:
    """A Dask worker extracts as a local run does: extract_on gives it the same settings."""
    from distributed import Client, LocalCluster

    from models.cluster import extract_on
    from models.process import YOUNG_THRESHOLD

    sample = ROOT / "data" / "sample"
    first = (sample / "cases.csv").read_text(encoding="utf-8").splitlines()[1].split(",")[0]
    with (
        LocalCluster(
            n_workers=1,
            threads_per_worker=1,
            processes=True,
            host="127.0.0.1",
            dashboard_address=None,
        ) as cluster,
        Client(cluster) as client,
    ):
        before = set(client.run(lambda: __import__("gc").get_threshold()[0]).values())
        table, cases, _ = extract_on(client, sample, case_ids={first})
        after = set(client.run(lambda: __import__("gc").get_threshold()[0]).values())
    assert [case.case_id for case in cases] == [first] and len(table) == 1
    assert before != {YOUNG_THRESHOLD}
    assert after == {YOUNG_THRESHOLD}


_TRIM_PROBE = """
import ctypes, sys
from models.process import release_free_memory

def rss_kb():
    with open("/proc/self/status") as status:
        return next(int(line.split()[1]) for line in status if line.startswith("VmRSS"))

# 2,000 blocks of 100 KB: on the heap (under glibc's 128 KB mmap threshold), each written so its
# pages are resident. All but the last are freed: the last pins the top of the heap, so glibc
# keeps the 200 MB below it as free chunks until trimmed.
blocks = [ctypes.create_string_buffer(b"x" * 100_000) for _ in range(2_000)]
last = blocks.pop()
del blocks
held = rss_kb()
released = release_free_memory()
print(released, held - rss_kb())
"""


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="glibc's malloc_trim: Linux")
def test_release_free_memory_gives_freed_heap_pages_back_to_the_system() -> None:
    done = subprocess.run(
        [sys.executable, "-c", _TRIM_PROBE], cwd=ROOT, capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stderr
    released, dropped_kb = done.stdout.split()
    assert released == "True"
    assert int(dropped_kb) > 100_000  # most of the 200 MB freed below the pinned block
