"""serve/process.py: the collector settings of a long run, checked in a fresh interpreter (the
test process's own collector is left alone)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

_PROBE = """
import gc, weakref
from serve.process import YOUNG_THRESHOLD, settle_heap

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
        "from serve.process import YOUNG_THRESHOLD\n"
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
