"""A test that hangs fails by pytest-timeout instead of blocking the run: the suite's own pytest
settings (pyproject.toml) give every test a time limit, and a hanging test is stopped at it while
the tests after it still run."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
HANGING = """
import time


def test_hangs():
    time.sleep(3600)


def test_after_the_hang_still_runs():
    assert True
"""


def test_the_suite_gives_every_test_a_time_limit(pytestconfig: pytest.Config) -> None:
    limit = float(pytestconfig.getini("timeout"))
    # Long enough for the slowest test on a busy machine, short enough that a hang is not CI's.
    assert 60 <= limit <= 900
    assert pytestconfig.getini("timeout_method") in ("signal", "thread")


def test_a_hanging_test_fails_by_the_timeout_and_the_run_goes_on(tmp_path: Path) -> None:
    (tmp_path / "test_hang.py").write_text(HANGING, encoding="utf-8")
    # The outer run's worker variables (xdist, the current test) are not the inner run's.
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PYTEST_", "PYTHON"))}
    started = time.monotonic()
    run = subprocess.run(
        [sys.executable, "-m", "pytest", "-c", str(ROOT / "pyproject.toml"),
         "--rootdir", str(tmp_path), "-p", "no:cacheprovider", "--timeout", "2",
         str(tmp_path / "test_hang.py")],
        cwd=tmp_path, env=env, capture_output=True, text=True, timeout=240,
    )  # fmt: skip
    elapsed = time.monotonic() - started
    assert run.returncode == 1, run.stdout + run.stderr
    assert "Timeout (>2.0s) from pytest-timeout" in run.stdout, run.stdout
    assert "1 failed, 1 passed" in run.stdout, run.stdout
    assert elapsed < 200  # stopped at its limit, nowhere near the hour it asked for
